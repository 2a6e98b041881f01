//! CoAP over TCP (RFC 8323 §3.2): frame decode beside libcoap's `coap_pdu_parse(COAP_PROTO_TCP)`, and
//! frame encode (TCP and WebSocket), for the messages of the UDP benchmark. No Rust crate decodes
//! RFC 8323 frames, so libcoap is the one peer.
//!
//! Run: `cargo bench -p iotcodec-benches --bench coap_tcp`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::hint::black_box;

use coap_codec::{decode_tcp, Framed, MessageWriter, OptionNumber, ReliableConfig};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
#[cfg(has_libcoap)]
use iotcodec_benches::libcoap;
use iotcodec_benches::{coap_cases, encode_tcp, write_tcp, Case};

const CONFIG: ReliableConfig = ReliableConfig {
    decode: coap_codec::DecodeConfig::STRICT,
    max_message_size: 8192,
    bert: false,
};

/// Decodes a frame and reads what a user reads: code, token, every option, the payload length.
fn ours(b: &[u8]) -> usize {
    let Ok(Framed::Message(m)) = decode_tcp(b, &CONFIG) else { return 0 };
    let mut sum = usize::from(m.code().0) + m.token().len();
    for o in m.options() {
        sum += usize::from(o.number().0)
            + o.value().len()
            + usize::from(o.value().first().copied().unwrap_or(0));
    }
    sum + m.payload().len()
}

fn decode(c: &mut Criterion) {
    #[cfg(has_libcoap)]
    libcoap::init();
    for case in coap_cases() {
        let bytes = encode_tcp(&case);
        assert_ne!(ours(&bytes), 0, "{} does not decode", case.name);
        let mut g = c.benchmark_group(format!("coap_tcp/decode/{}", case.name));
        g.throughput(Throughput::Elements(1));
        g.bench_function("iotcodec", |b| b.iter(|| ours(black_box(&bytes))));
        #[cfg(has_libcoap)]
        {
            // Both read the same fields; libcoap's checksum adds nothing for the absent type and ID.
            assert_eq!(
                libcoap::parse_tcp(&bytes),
                ours(&bytes),
                "libcoap disagrees on {}",
                case.name
            );
            g.bench_function("libcoap", |b| b.iter(|| libcoap::parse_tcp(black_box(&bytes))));
        }
        g.finish();
    }
}

fn write_websocket(case: &Case, buf: &mut [u8]) -> usize {
    let mut w = MessageWriter::websocket(buf, case.code, case.token).unwrap();
    for (n, v) in &case.options {
        w = w.option(OptionNumber(*n), v).unwrap();
    }
    w.payload(&case.payload).unwrap().finish()
}

fn encode(c: &mut Criterion) {
    for case in coap_cases() {
        let expected = encode_tcp(&case);
        let mut buf = vec![0u8; 2048];
        let n = write_tcp(&case, &mut buf);
        assert_eq!(&buf[..n], &expected[..]);
        let n = write_websocket(&case, &mut buf);
        let ws = coap_codec::decode_websocket(&buf[..n], &CONFIG).unwrap();
        assert_eq!(ws.payload(), &case.payload[..]);
        let mut g = c.benchmark_group(format!("coap_tcp/encode/{}", case.name));
        g.throughput(Throughput::Elements(1));
        g.bench_function("iotcodec_tcp", |b| b.iter(|| write_tcp(black_box(&case), &mut buf)));
        g.bench_function("iotcodec_websocket", |b| {
            b.iter(|| write_websocket(black_box(&case), &mut buf))
        });
        g.finish();
    }
}

criterion_group!(benches, decode, encode);
criterion_main!(benches);
