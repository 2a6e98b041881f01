#!/usr/bin/env python3
"""Turns the output of `cargo bench -p iotcodec-benches --bench coap` (read on stdin) into the Markdown
table of the README: the median time per case and contender, and the ratios the issue sets targets for."""
import re
import sys

UNITS = {"ps": 0.001, "ns": 1.0, "µs": 1000.0, "us": 1000.0, "ms": 1e6}
rows, current = {}, None
for line in sys.stdin:
    m = re.match(r"^(coap/\S+/\S+/\S+)\s*(?:time:\s+\[(.*)\])?", line)
    if m:
        current = m.group(1)
        if m.group(2):
            rows[current], current = m.group(2).split(), None
        continue
    m = re.match(r"^\s+time:\s+\[(.*)\]", line)
    if m and current:
        rows[current], current = m.group(1).split(), None


def median_ns(parts):
    return float(parts[2]) * UNITS[parts[3]]


groups = {}
for key, parts in rows.items():
    _, op, case, impl = key.split("/")
    groups.setdefault((op, case), {})[impl] = median_ns(parts)

peers = ["coap-message-implementations", "coap-lite", "libcoap"]
print("| benchmark | iotcodec | floor walk | coap-message-implementations | coap-lite | libcoap | vs floor | vs fastest peer |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for (op, case), t in groups.items():
    ours = t["iotcodec"]
    cell = lambda k: f"{t[k]:.1f} ns" if k in t else "–"
    fastest = min(t[p] for p in peers if p in t)
    floor = f"{ours / t['floor_walk']:.2f}x" if "floor_walk" in t else "–"
    print(f"| coap/{op}/{case} | {cell('iotcodec')} | {cell('floor_walk')} | {cell(peers[0])} | {cell(peers[1])} | "
          f"{cell(peers[2])} | {floor} | {fastest / ours:.2f}x faster |")
