//! Wall-clock time per encode of one MQTT benchmark PUBLISH, beside `mqtt_encode_loop.rs`, which
//! counts instructions: twelve runs of N encodes, and the fastest run's time per encode.
//!
//! `cargo build --release -p iotcodec-benches --example mqtt_encode_timed`
//! `target/release/examples/mqtt_encode_timed v311/publish_qos0_8B mqttrs 10000000`
//!
//! The contenders are those of `mqtt_encode_loop.rs` (mqttbytes into a fresh `BytesMut` each time,
//! as in the criterion bench). The fastest of twelve is steadier than criterion's median on this
//! shared machine, where medians of the same code move by half between runs.
#![allow(clippy::unwrap_used, clippy::panic, missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use iotcodec_benches::mqtt_cases::{cases, mqttbytes_publish};
use mqtt_codec::{Decoded, Decoder};

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "v311/publish_qos0_8B".into());
    let which = args.next().unwrap_or_default();
    let rounds: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000_000);
    let Some((_, v, bytes)) = cases().into_iter().find(|(n, ..)| *n == name) else {
        panic!("no case {name}; the cases are those of benches/mqtt.rs")
    };
    let mut out = vec![0u8; bytes.len()];
    let best = match which.as_str() {
        "mqttrs" => {
            let mp = mqttrs::decode_slice(&bytes).unwrap().unwrap();
            time(rounds, || mqttrs::encode_slice(black_box(&mp), &mut out).unwrap())
        }
        "mqttbytes" => {
            let bp = mqttbytes_publish(&bytes);
            time(rounds, || {
                let mut w = bytes::BytesMut::with_capacity(bytes.len());
                black_box(&bp).write(&mut w).unwrap()
            })
        }
        _ => {
            let Decoded::Packet(p, _) = Decoder::new(v).decode(&bytes).unwrap() else { panic!() };
            time(rounds, || black_box(&p).encode(v, &mut out).unwrap())
        }
    };
    println!("{name} {which}: {best:.2} ns per encode, fastest of 12 runs of {rounds}");
}

/// The fastest of twelve runs, in nanoseconds per call.
fn time(rounds: u32, mut encode: impl FnMut() -> usize) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..12 {
        let start = Instant::now();
        let mut sum = 0usize;
        for _ in 0..rounds {
            sum = sum.wrapping_add(encode());
        }
        black_box(sum);
        best = best.min(start.elapsed().as_nanos() as f64 / f64::from(rounds.max(1)));
    }
    best
}
