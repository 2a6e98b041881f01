//! 100,000 decodes of one of the MQTT benchmark's packets, by this codec or by the floor, for
//! instruction counts that do not move between runs (criterion's times move by 20-30 % on a shared
//! machine):
//!
//! `cargo build --release -p iotcodec-benches --example mqtt_decode_loop`
//! `valgrind --tool=callgrind target/release/examples/mqtt_decode_loop v311/publish_qos0_8B iotcodec`
//!
//! The second argument is `iotcodec` (the default), `floor`, `mqttrs`, `mqttbytes` or `mqtt-format`
//! (the peers where they support the packet); the instruction count divided by 100,000 is the cost of
//! one decode plus the loop's few instructions.
#![allow(clippy::unwrap_used, clippy::panic, missing_docs)]

use std::hint::black_box;

use iotcodec_benches::mqtt_cases::{
    cases, floor, mqtt_format, mqttbytes_v4, mqttbytes_v5, mqttrs, ours,
};
use mqtt_codec::ProtocolVersion;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "v311/publish_qos0_8B".into());
    let which = args.next().unwrap_or_default();
    let Some((_, version, bytes)) = cases().into_iter().find(|(n, ..)| *n == name) else {
        panic!("no case {name}; the cases are those of benches/mqtt.rs")
    };
    // One loop per contender, chosen before it starts, so that the loop itself costs the same for all.
    let sum = match (which.as_str(), version) {
        ("floor", _) => run(&bytes, floor),
        ("mqttrs", _) => run(&bytes, mqttrs),
        ("mqttbytes", ProtocolVersion::V5) => run(&bytes, mqttbytes_v5),
        ("mqttbytes", _) => run(&bytes, mqttbytes_v4),
        ("mqtt-format", _) => run(&bytes, mqtt_format),
        _ => run(&bytes, |b| ours(version, b)),
    };
    println!("{sum}");
}

fn run(bytes: &[u8], decode: impl Fn(&[u8]) -> usize) -> usize {
    let mut sum = 0usize;
    for _ in 0..100_000 {
        sum += decode(black_box(bytes));
    }
    sum
}
