//! Parse a 20-link `/.well-known/core` payload and read every attribute: this crate (strict: every rule
//! checked) beside coap-lite's `link_format` parser (zero-copy, permissive) on the same bytes.
//! Run: `cargo bench -p iotcodec-benches --bench linkformat`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use iotcodec_benches::linkformat_cases::{coap_lite, ours};
use iotcodec_benches::wkc_20_links;

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
