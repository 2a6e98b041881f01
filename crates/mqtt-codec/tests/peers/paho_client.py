"""A paho-mqtt client for the interop test: connects to 127.0.0.1:PORT (argv[1]) with protocol
argv[2] ("311" or "5"), subscribes, publishes at QoS 1 (with properties in 5.0), waits for the
message the test's responder sends back, prints its topic and payload, and disconnects. Exits by
itself within 10 s."""
import sys
import threading

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

port, proto = int(sys.argv[1]), sys.argv[2]
v5 = proto == "5"
client = mqtt.Client(
    mqtt.CallbackAPIVersion.VERSION2,
    client_id="paho-" + proto,
    protocol=mqtt.MQTTv5 if v5 else mqtt.MQTTv311,
)
client.username_pw_set("paho", "pw")
received = threading.Event()


def on_message(_client, _userdata, message):
    print(f"{message.topic} {message.payload.decode()}", flush=True)
    received.set()


client.on_message = on_message
client.connect("127.0.0.1", port, keepalive=20)
client.loop_start()
client.subscribe("paho/in/#", qos=1)
props = None
if v5:
    props = Properties(PacketTypes.PUBLISH)
    props.UserProperty = ("lang", "python")
    props.MessageExpiryInterval = 120
client.publish("paho/out", b"hello from paho", qos=1, properties=props).wait_for_publish(10)
ok = received.wait(10)
client.disconnect()
client.loop_stop()
sys.exit(0 if ok else 1)
