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
    let mut sum = 0usize;
    for _ in 0..100_000 {
        let b = black_box(&bytes[..]);
        sum += match (which.as_str(), version) {
            ("floor", _) => floor(b),
            ("mqttrs", _) => mqttrs(b),
            ("mqttbytes", ProtocolVersion::V5) => mqttbytes_v5(b),
            ("mqttbytes", _) => mqttbytes_v4(b),
            ("mqtt-format", _) => mqtt_format(b),
            _ => ours(version, b),
        };
    }
    println!("{sum}");
}
