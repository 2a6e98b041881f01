"""Parses a link-format payload (stdin) with aiocoap.util.linkformat and prints one line per link:
the target, then name=value pairs (value None printed as a bare name), tab-separated."""
import sys

from aiocoap.util import linkformat

for link in linkformat.parse(sys.stdin.read()).links:
    fields = [link.href]
    for name, value in link.attr_pairs:
        fields.append(name if value is None else f"{name}={value}")
    print("\t".join(fields))
