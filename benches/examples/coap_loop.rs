//! 10,000 decodes or encodes of one CoAP benchmark message by this codec, for instruction counts
//! that do not move between runs (criterion's times move by tens of percent on a shared machine):
//!
//! `cargo build --release -p iotcodec-benches --example coap_loop`
//! `valgrind --tool=callgrind target/release/examples/coap_loop decode|encode CASE`
//!
//! CASE is a name of `iotcodec_benches::coap_cases` (`get_4opts`, `post_12opts_ext`, ...). The
//! instruction count divided by 10,000 is the cost of one call, with the loop's own few.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use coap_codec::{Message, MessageWriter, OptionNumber};
use iotcodec_benches::{coap_cases, encode};

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_default();
    let name = args.next().unwrap_or_else(|| "get_4opts".into());
    let case = coap_cases().into_iter().find(|c| c.name == name).expect("no such case");
    let bytes = encode(&case);
    let mut buf = [0u8; 2048];
    let mut sum = 0usize;
    for _ in 0..10_000 {
        sum += if what == "encode" {
            let case = black_box(&case);
            let mut w =
                MessageWriter::new(&mut buf, case.ty, case.code, 0x1234, case.token).unwrap();
            for (n, v) in &case.options {
                w = w.option(OptionNumber(*n), v).unwrap();
            }
            let n = w.payload(&case.payload).unwrap().finish();
            // The bytes must count as read, or the compiler may drop the writes.
            black_box(&buf);
            n
        } else {
            let m = Message::decode(black_box(&bytes)).unwrap();
            let mut s = usize::from(m.code().0) + m.token().len();
            for o in m.options() {
                s += usize::from(o.number().0) + o.value().len();
            }
            s + m.payload().len()
        };
    }
    println!("{sum}");
}
