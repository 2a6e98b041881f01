"""A small aiocoap server for the link-format interop test: three resources with rt/if/ct/obs and
aiocoap's own /.well-known/core. Binds 127.0.0.1:PORT (argv[1]) and exits by itself after argv[2]
seconds."""
import asyncio
import sys

import aiocoap
import aiocoap.resource as resource


class Text(resource.Resource):
    def __init__(self, rt, if_, ct):
        super().__init__()
        self.rt, self.if_, self.ct = rt, if_, ct

    async def render_get(self, request):
        return aiocoap.Message(payload=b"ok", content_format=0)


class Observed(resource.ObservableResource):
    rt = "light-lux"
    ct = 0

    async def render_get(self, request):
        return aiocoap.Message(payload=b"120", content_format=0)


async def main(port, lifetime):
    root = resource.Site()
    root.add_resource([".well-known", "core"], resource.WKCResource(root.get_resources_as_linkheader))
    root.add_resource(["sensors", "temp"], Text("temperature-c", "sensor", 0))
    root.add_resource(["sensors", "humidity"], Text("humidity core.s", "sensor", 50))
    root.add_resource(["sensors", "light"], Observed())
    await aiocoap.Context.create_server_context(root, bind=("127.0.0.1", port))
    await asyncio.sleep(lifetime)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
