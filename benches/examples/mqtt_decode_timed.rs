//! Wall-clock time per decode of one MQTT benchmark packet, beside `mqtt_decode_loop.rs`, which
//! counts instructions: twelve runs of N decodes, and the fastest run's time per decode.
//!
//! `cargo build --release -p iotcodec-benches --example mqtt_decode_timed`
//! `target/release/examples/mqtt_decode_timed v311/publish_qos0_8B mqttrs 10000000`
//!
//! The contenders are those of `mqtt_decode_loop.rs`. The fastest of twelve is steadier than a median
//! on a shared machine, and shows what an instruction count cannot, such as a load that waits for the
//! stores it overlaps. A separate program, so that the instruction counts of the other one keep the
//! loop they were measured with.
#![allow(clippy::unwrap_used, clippy::panic, missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use iotcodec_benches::mqtt_cases::{
    cases, floor, mqtt_format, mqttbytes_v4, mqttbytes_v5, mqttrs, ours,
};
use mqtt_codec::ProtocolVersion;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "v311/publish_qos0_8B".into());
    let which = args.next().unwrap_or_default();
    let rounds: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000_000);
    let Some((_, version, bytes)) = cases().into_iter().find(|(n, ..)| *n == name) else {
        panic!("no case {name}; the cases are those of benches/mqtt.rs")
    };
    let (best, sum) = match (which.as_str(), version) {
        ("floor", _) => time(&bytes, rounds, floor),
        ("mqttrs", _) => time(&bytes, rounds, mqttrs),
        ("mqttbytes", ProtocolVersion::V5) => time(&bytes, rounds, mqttbytes_v5),
        ("mqttbytes", _) => time(&bytes, rounds, mqttbytes_v4),
        ("mqtt-format", _) => time(&bytes, rounds, mqtt_format),
        _ => time(&bytes, rounds, |b| ours(version, b)),
    };
    println!("{name} {which}: {best:.2} ns per decode, fastest of 12 runs of {rounds} ({sum})");
}

/// The fastest of twelve runs, in nanoseconds per decode, and a sum that keeps the results used.
fn time(bytes: &[u8], rounds: u32, decode: impl Fn(&[u8]) -> usize) -> (f64, usize) {
    let mut sum = 0usize;
    let mut best = f64::MAX;
    for _ in 0..12 {
        let start = Instant::now();
        for _ in 0..rounds {
            sum = sum.wrapping_add(decode(black_box(bytes)));
        }
        best = best.min(start.elapsed().as_nanos() as f64 / f64::from(rounds.max(1)));
    }
    (best, sum)
}
