//! Parse a 20-link `/.well-known/core` payload and read every attribute: this crate (strict: every rule
//! checked) beside coap-lite's `link_format` parser (zero-copy, permissive) on the same bytes.
//! Run: `cargo bench -p iotcodec-benches --bench linkformat`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use iotcodec_benches::wkc_20_links;

fn ours(payload: &[u8]) -> usize {
    let mut sum = 0;
    for link in linkformat::parse(payload) {
        let link = link.unwrap();
        sum += link.target().len();
        for a in link.attrs() {
            sum += a.name.len() + a.value.raw().len();
        }
    }
    sum
}

fn coap_lite(payload: &str) -> usize {
    let mut sum = 0;
    for link in coap_lite::link_format::LinkFormatParser::new(payload) {
        let (target, attrs) = link.unwrap();
        sum += target.len();
        for (name, value) in attrs {
            // Its raw string keeps the quotes; ours is the content between them.
            let quotes = if value.is_quoted() { 2 } else { 0 };
            sum += name.len() + value.into_raw_str().len() - quotes;
        }
    }
    sum
}

fn parse(c: &mut Criterion) {
    let payload = wkc_20_links();
    assert_eq!(ours(payload.as_bytes()), coap_lite(&payload), "both read the same links");
    let mut g = c.benchmark_group("linkformat/parse/wkc_20_links");
    g.throughput(Throughput::Elements(1));
    g.bench_function("linkformat", |b| b.iter(|| ours(black_box(payload.as_bytes()))));
    g.bench_function("coap-lite", |b| b.iter(|| coap_lite(black_box(&payload))));
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
