"""An aiocoap server with one observable resource, /counter, whose state changes every 0.2 s: each
change is notified to the observers with the next Observe sequence number. Binds 127.0.0.1:PORT
(argv[1]) and exits by itself after argv[2] seconds."""
import asyncio
import sys

import aiocoap
import aiocoap.resource as resource


class Counter(resource.ObservableResource):
    def __init__(self):
        super().__init__()
        self.count = 0

    async def tick(self):
        while True:
            await asyncio.sleep(0.2)
            self.count += 1
            self.updated_state()

    async def render_get(self, request):
        return aiocoap.Message(payload=str(self.count).encode(), content_format=0)


async def main(port, lifetime):
    root = resource.Site()
    counter = Counter()
    root.add_resource(["counter"], counter)
    await aiocoap.Context.create_server_context(root, bind=("127.0.0.1", port))
    ticker = asyncio.create_task(counter.tick())
    await asyncio.sleep(lifetime)
    ticker.cancel()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
