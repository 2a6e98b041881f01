#!/usr/bin/env bash
# Runs the C examples against real peers on loopback, bounded: the CoAP server answers libcoap's
# coap-client (GET /hello, /time, /.well-known/core block-wise, a filtered query, and a 4.04); the MQTT
# client publishes through mosquitto to itself under 3.1.1 and 5.0. Called by .ci/run after
# `make -C ffi examples`.
set -euo pipefail
bin=${1:?usage: run_against_peers.sh BUILD_DIR}
client=$(command -v coap-client-notls || command -v coap-client)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
expect() { # expect WHAT GOT WANTED
    if [[ "$2" != *"$3"* ]]; then echo "FAIL $1: got [$2], wanted [$3]" >&2; exit 1; fi
    echo "ok   $1"
}

port=$(free_port)
timeout 60 "$bin/coap_server" "$port" 50 >/dev/null &
pids+=($!)
sleep 0.3
expect "GET /hello" "$(timeout 10 "$client" -m get "coap://127.0.0.1:$port/hello")" "Hello from iotcodec"
expect "GET /time" "$(timeout 10 "$client" -m get "coap://127.0.0.1:$port/time")" "$(date -u +%Y-%m-%d)"
expect "GET /.well-known/core (Block2)" "$(timeout 10 "$client" -m get "coap://127.0.0.1:$port/.well-known/core")" \
    '</hello>;rt="greeting";ct=0,</time>;rt="clock";title="Current time (UTC)";ct=0'
expect "GET /.well-known/core?rt=clock" "$(timeout 10 "$client" -m get "coap://127.0.0.1:$port/.well-known/core?rt=clock")" \
    '</time>;rt="clock"'
expect "GET /nothing" "$(timeout 10 "$client" -m get "coap://127.0.0.1:$port/nothing" 2>&1 || true)" "4.04"

port=$(free_port)
timeout 60 mosquitto -p "$port" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
expect "MQTT 3.1.1 round trip" "$(timeout 15 "$bin/mqtt_client" "$port" iotcodec/c "hello 3.1.1" 4)" \
    "received on iotcodec/c: hello 3.1.1"
expect "MQTT 5.0 round trip" "$(timeout 15 "$bin/mqtt_client" "$port" iotcodec/c5 "hello 5.0" 5)" \
    "received on iotcodec/c5: hello 5.0"
