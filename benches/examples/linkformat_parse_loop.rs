//! 10,000 parses of the benchmark's 20-link `/.well-known/core` payload, every attribute read, by
//! this crate or by coap-lite, for instruction counts that do not move between runs:
//!
//! `cargo build --release -p iotcodec-benches --example linkformat_parse_loop`
//! `valgrind --tool=callgrind target/release/examples/linkformat_parse_loop linkformat|coap-lite|validate`
//!
//! `validate` runs this crate's checks alone (`linkformat::validate`, no attribute read), to split
//! the cost between checking and reading.
//!
//! The instruction count divided by 10,000 is the cost of one parse.
#![allow(missing_docs)]

use std::hint::black_box;

use iotcodec_benches::linkformat_cases::{coap_lite, ours};
use iotcodec_benches::wkc_20_links;
use linkformat::ParseConfig;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let payload = wkc_20_links();
    let mut sum = 0usize;
    for _ in 0..10_000 {
        let p = black_box(&payload);
        sum += match which.as_str() {
            "coap-lite" => coap_lite(p),
            "validate" => linkformat::validate(p.as_bytes(), ParseConfig::STRICT).unwrap_or(0),
            _ => ours(p.as_bytes()),
        };
    }
    println!("{sum}");
}
