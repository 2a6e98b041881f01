#!/usr/bin/env bash
# Records real loopback traffic between mosquitto's clients and broker and between libcoap's client
# and server into a pcap, for the `iotcodec` sample and its tests. Needs root (tcpdump on lo),
# tcpdump, mosquitto, mosquitto-clients and libcoap3-bin. Everything runs on 127.0.0.1, with time
# limits, and is stopped at the end.
#
#   bash crates/iotcodec-cli/samples/record.sh OUT.pcap
#
# What it sends (the tests count on it):
#   MQTT: two subscribers (3.1.1 on sample/# at QoS 2, 5.0 on sample/v5 at QoS 0), then four
#   publishers: 3.1.1 at QoS 0, 1 and 2 on sample/temp, and 5.0 at QoS 1 on sample/v5 with a
#   content type and a user property.
#   CoAP over UDP: GET /.well-known/core, GET /time, PUT /example_data, a 300-byte Block1 PUT to /big
#   in 64-byte blocks, a Block2 GET of /big in 64-byte blocks, GET /nothing (4.04), and an Observe of
#   /time for 3 seconds. CoAP over TCP: GET /time.
set -euo pipefail
out=${1:?usage: record.sh OUT.pcap}
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

coap_server=$(command -v coap-server-notls || command -v coap-server)
coap_client=$(command -v coap-client-notls || command -v coap-client)
# Whether something listens on TCP port $1 (asked of the kernel: connecting would put a probe in the
# capture).
listening() { ss -Hltn "sport = :$1" | grep -q .; }

timeout 120 tcpdump -i lo -U -s 0 -w "$out" 'tcp port 1883 or port 5683' 2>"$work/tcpdump.log" &
tcpdump_pid=$!
for _ in $(seq 50); do grep -q listening "$work/tcpdump.log" 2>/dev/null && break; sleep 0.1; done

if ! listening 1883; then
    timeout 100 mosquitto -p 1883 >"$work/mosquitto.log" 2>&1 &
    pids+=($!)
fi
timeout 100 "$coap_server" -A 127.0.0.1 -p 5683 -d 4 -v 0 &
pids+=($!)
for _ in $(seq 50); do listening 1883 && listening 5683 && break; sleep 0.1; done

# MQTT
timeout 30 mosquitto_sub -V mqttv311 -i sub311 -q 2 -t 'sample/#' -C 4 >"$work/sub311.out" &
sub311=$!
timeout 30 mosquitto_sub -V 5 -i sub5 -t sample/v5 -C 1 >"$work/sub5.out" &
sub5=$!
sleep 1
timeout 10 mosquitto_pub -V mqttv311 -i pub0 -q 0 -t sample/temp -m 21.5
timeout 10 mosquitto_pub -V mqttv311 -i pub1 -q 1 -t sample/temp -m 21.6
timeout 10 mosquitto_pub -V mqttv311 -i pub2 -q 2 -t sample/temp -m 21.7
timeout 10 mosquitto_pub -V 5 -i pub5 -q 1 -t sample/v5 -m hello \
    -D publish content-type text/plain -D publish user-property site lab
wait "$sub311" "$sub5"

# CoAP over UDP and TCP
head -c 300 /dev/zero | tr '\0' 'x' >"$work/big.txt"
timeout 10 "$coap_client" -m get coap://127.0.0.1/.well-known/core >/dev/null
timeout 10 "$coap_client" -m get coap://127.0.0.1/time >/dev/null
timeout 10 "$coap_client" -m put -e 22.5 coap://127.0.0.1/example_data >/dev/null
timeout 10 "$coap_client" -m put -b 64 -f "$work/big.txt" coap://127.0.0.1/big >/dev/null
timeout 10 "$coap_client" -m get -b 64 coap://127.0.0.1/big >/dev/null
timeout 10 "$coap_client" -m get coap://127.0.0.1/nothing >/dev/null || true
timeout 10 "$coap_client" -m get -s 3 coap://127.0.0.1/time >/dev/null
timeout 10 "$coap_client" -m get coap+tcp://127.0.0.1/time >/dev/null

# libpcap hands packets over in blocks: give it time to deliver the last ones, then stop tcpdump
# with SIGINT so that it writes everything it has.
sleep 2
kill -INT "$tcpdump_pid"
wait "$tcpdump_pid" || true
