#!/usr/bin/env bash
# Measures the flash a C program pulls in from libiotcodec.a: built with LTO, codegen-units 1 and
# panic = "abort", once with opt-level "z" (the `footprint` profile) and once with "s"
# (`footprint-s`), linked with -Os and --gc-sections, summing from the linker map the .text and .rodata input sections that come from libiotcodec.a
# (.eh_frame left out). The probes: CoAP decode + option iterator + writer; the same with the
# receiver checks; MQTT 3.1.1 + 5.0 decode and encode of every packet.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/target/footprint-probe"
mkdir -p "$out"
for profile in footprint footprint-s; do
  (cd "$root" && cargo rustc --quiet --profile "$profile" -p iotcodec-ffi --crate-type staticlib)
  lib="$root/target/$profile/libiotcodec.a"
  for probe in fp_coap fp_coap_checked fp_mqtt; do
    case $probe in
      fp_coap_checked) source=fp_coap.c defines=-DWITH_RECEIVER_CHECKS ;;
      *) source=$probe.c defines= ;;
    esac
    cc -Os -ffunction-sections -fdata-sections $defines -I"$root/include" "$root/ffi/footprint/$source" "$lib" \
        -Wl,--gc-sections -Wl,-Map="$out/$probe.$profile.map" -lpthread -ldl -lm -o "$out/$probe"
    python3 - "$out/$probe.$profile.map" "$probe ($profile)" <<'PY'
import re, sys
path, name = sys.argv[1], sys.argv[2]
sizes = {"text": 0, "rodata": 0}
pending = None
with open(path) as f:
    in_memory_map = False
    for line in f:
        if line.startswith("Linker script and memory map"):
            in_memory_map = True
            continue
        if not in_memory_map:
            continue
        # An input section: " .text.name  0xADDR  0xSIZE  file", possibly split after a long name.
        m = re.match(r"^ (\.\S+)\s*$", line)
        if m:
            pending = m.group(1)
            continue
        m = re.match(r"^ (\.\S+)?\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S+)", line)
        if m:
            section = m.group(1) or pending
            pending = None
            size, source = int(m.group(2), 16), m.group(3)
            if section is None or "libiotcodec.a" not in source or section.startswith(".eh_frame"):
                continue
            if section.startswith(".text"):
                sizes["text"] += size
            elif section.startswith(".rodata"):
                sizes["rodata"] += size
print(f"{name}: .text {sizes['text']} bytes, .rodata {sizes['rodata']} bytes, total {sizes['text'] + sizes['rodata']} bytes")
PY
  done
done
