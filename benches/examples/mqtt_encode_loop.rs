//! 100,000 encodes of one of the MQTT benchmark's PUBLISH packets, by this codec or a peer, for
//! instruction counts that do not move between runs (the criterion encode group, under callgrind):
//!
//! `cargo build --release -p iotcodec-benches --example mqtt_encode_loop`
//! `valgrind --tool=callgrind target/release/examples/mqtt_encode_loop v311/publish_qos0_8B iotcodec`
//!
//! The second argument is `iotcodec` (the default), `mqttrs` or `mqttbytes` (3.1.1 only; mqttbytes
//! writes into a fresh `BytesMut`, as in the criterion bench). The instruction count divided by
//! 100,000 is the cost of one encode plus the loop's few instructions.
#![allow(clippy::unwrap_used, clippy::panic, missing_docs)]

use std::hint::black_box;

use iotcodec_benches::mqtt_cases::{cases, mqttbytes_publish};
use mqtt_codec::{Decoded, Decoder};

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "v311/publish_qos0_8B".into());
    let which = args.next().unwrap_or_default();
    let Some((_, v, bytes)) = cases().into_iter().find(|(n, ..)| *n == name) else {
        panic!("no case {name}; the cases are those of benches/mqtt.rs")
    };
    let mut out = vec![0u8; bytes.len()];
    let mut sum = 0usize;
    match which.as_str() {
        "mqttrs" => {
            let mp = mqttrs::decode_slice(&bytes).unwrap().unwrap();
            for _ in 0..100_000 {
                sum += mqttrs::encode_slice(black_box(&mp), &mut out).unwrap();
                black_box(&out);
            }
        }
        "mqttbytes" => {
            let bp = mqttbytes_publish(&bytes);
            for _ in 0..100_000 {
                let mut w = bytes::BytesMut::with_capacity(bytes.len());
                sum += black_box(&bp).write(&mut w).unwrap();
            }
        }
        _ => {
            let Decoded::Packet(p, _) = Decoder::new(v).decode(&bytes).unwrap() else { panic!() };
            for _ in 0..100_000 {
                sum += black_box(&p).encode(v, &mut out).unwrap();
                black_box(&out);
            }
        }
    }
    println!("{sum}");
}
