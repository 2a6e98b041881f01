//! 100,000 decodes of one of the MQTT benchmark's packets, by this codec or by the floor, for
//! instruction counts that do not move between runs (criterion's times move by 20-30 % on a shared
//! machine):
//!
//! `cargo build --release -p iotcodec-benches --example mqtt_decode_loop`
//! `valgrind --tool=callgrind target/release/examples/mqtt_decode_loop v311/publish_qos0_8B iotcodec`
//!
//! The second argument is `iotcodec` or `floor`; the instruction count divided by 100,000 is the cost
//! of one decode plus the loop's few instructions.
#![allow(clippy::unwrap_used, clippy::panic, missing_docs)]

use std::hint::black_box;

use iotcodec_benches::mqtt_cases::{cases, floor, ours};

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "v311/publish_qos0_8B".into());
    let floor_wanted = args.next().is_some_and(|a| a == "floor");
    let Some((_, version, bytes)) = cases().into_iter().find(|(n, ..)| *n == name) else {
        panic!("no case {name}; the cases are those of benches/mqtt.rs")
    };
    let mut sum = 0usize;
    for _ in 0..100_000 {
        let b = black_box(&bytes[..]);
        sum += if floor_wanted { floor(b) } else { ours(version, b) };
    }
    println!("{sum}");
}
