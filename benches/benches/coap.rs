//! CoAP decode and encode, this codec beside coap-lite, coap-message-implementations (inmemory) and
//! libcoap's coap_pdu_parse, plus a floor: a minimal header-token-options walk with no validation.
//!
//! Every decoder reads what a user reads: header, token, each option's number and value, the payload
//! length; the result goes through `black_box`. Run: `cargo bench -p iotcodec-benches --bench coap`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::hint::black_box;

use coap_codec::{Message, MessageWriter, OptionNumber};
use coap_message::{MessageOption as _, MinimalWritableMessage as _, ReadableMessage as _};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use iotcodec_benches::{coap_cases, encode, Case};

/// The floor: walk header, token and options with bounds checks only, no rule checked.
fn floor_walk(b: &[u8]) -> usize {
    let [b0, code, m1, m2, rest @ ..] = b else {
        return 0;
    };
    let Some((token, mut rest)) = rest.split_at_checked(usize::from(b0 & 0x0f)) else {
        return 0;
    };
    let mut sum = usize::from(*code) + usize::from(u16::from_be_bytes([*m1, *m2])) + token.len();
    let mut number = 0usize;
    let ext = |n: u8, r: &[u8]| -> Option<(usize, usize)> {
        match n {
            13 => r.first().map(|b| (usize::from(*b) + 13, 1)),
            14 => r.get(..2).map(|b| (usize::from(u16::from_be_bytes([b[0], b[1]])) + 269, 2)),
            n => Some((usize::from(n), 0)),
        }
    };
    while let Some((&h, r)) = rest.split_first() {
        if h == 0xff {
            return sum + r.len();
        }
        let Some((delta, used)) = ext(h >> 4, r) else {
            return 0;
        };
        let r = &r[used..];
        let Some((len, used)) = ext(h & 0x0f, r) else {
            return 0;
        };
        let Some((value, r)) = r[used..].split_at_checked(len) else {
            return 0;
        };
        number += delta;
        sum += number + len + usize::from(value.first().copied().unwrap_or(0));
        rest = r;
    }
    sum
}

fn ours(b: &[u8]) -> usize {
    let m = Message::decode(b).unwrap();
    let mut sum = usize::from(m.code().0) + usize::from(m.message_id()) + m.token().len();
    for o in m.options() {
        sum += usize::from(o.number().0)
            + o.value().len()
            + usize::from(o.value().first().copied().unwrap_or(0));
    }
    sum + m.payload().len()
}

fn coap_lite(b: &[u8]) -> usize {
    let p = coap_lite::Packet::from_bytes(b).unwrap();
    let mut sum = usize::from(u8::from(p.header.code))
        + usize::from(p.header.message_id)
        + p.get_token().len();
    for (number, values) in p.options() {
        for v in values {
            sum += usize::from(*number) + v.len() + usize::from(v.first().copied().unwrap_or(0));
        }
    }
    sum + p.payload.len()
}

/// coap-message-implementations parses options and payload; the UDP header and token are split off
/// here, the way its users do.
fn cmi(b: &[u8]) -> usize {
    let tkl = usize::from(b[0] & 0x0f);
    let (token, tail) = b[4..].split_at(tkl);
    let m = coap_message_implementations::inmemory::Message::new_from_slice(b[1], tail);
    let mut sum =
        usize::from(m.code()) + usize::from(u16::from_be_bytes([b[2], b[3]])) + token.len();
    for o in m.options() {
        let v = o.value();
        sum += usize::from(o.number()) + v.len() + usize::from(v.first().copied().unwrap_or(0));
    }
    sum + m.payload().len()
}

#[cfg(has_libcoap)]
use iotcodec_benches::libcoap;

fn decode(c: &mut Criterion) {
    #[cfg(has_libcoap)]
    libcoap::init();
    for case in coap_cases() {
        let bytes = encode(&case);
        // Every contender must see the same message.
        assert_eq!(ours(&bytes), floor_walk(&bytes));
        assert_eq!(ours(&bytes), coap_lite(&bytes));
        assert_eq!(ours(&bytes), cmi(&bytes));
        let mut g = c.benchmark_group(format!("coap/decode/{}", case.name));
        g.throughput(Throughput::Elements(1));
        g.bench_function("iotcodec", |b| b.iter(|| ours(black_box(&bytes))));
        g.bench_function("floor_walk", |b| b.iter(|| floor_walk(black_box(&bytes))));
        g.bench_function("coap-lite", |b| b.iter(|| coap_lite(black_box(&bytes))));
        g.bench_function("coap-message-implementations", |b| b.iter(|| cmi(black_box(&bytes))));
        #[cfg(has_libcoap)]
        {
            assert_ne!(libcoap::parse(&bytes), 0, "libcoap rejected {}", case.name);
            g.bench_function("libcoap", |b| b.iter(|| libcoap::parse(black_box(&bytes))));
        }
        g.finish();
    }
}

fn encode_ours(case: &Case, buf: &mut [u8]) -> usize {
    let mut w = MessageWriter::new(buf, case.ty, case.code, 0x1234, case.token).unwrap();
    for (n, v) in &case.options {
        w = w.option(OptionNumber(*n), v).unwrap();
    }
    w.payload(&case.payload).unwrap().finish()
}

fn encode_coap_lite(case: &Case) -> Vec<u8> {
    let mut p = coap_lite::Packet::new();
    p.header.set_version(1);
    p.header.set_type(match case.ty.bits() {
        0 => coap_lite::MessageType::Confirmable,
        1 => coap_lite::MessageType::NonConfirmable,
        2 => coap_lite::MessageType::Acknowledgement,
        _ => coap_lite::MessageType::Reset,
    });
    p.header.code = coap_lite::MessageClass::from(case.code.0);
    p.header.message_id = 0x1234;
    p.set_token(case.token.to_vec());
    for (n, v) in &case.options {
        p.add_option(coap_lite::CoapOption::from(*n), v.clone());
    }
    p.payload = case.payload.clone();
    p.to_bytes().unwrap()
}

fn encode_cmi(case: &Case, buf: &mut [u8]) -> usize {
    buf[0] = 0x40 | (case.ty.bits() << 4) | case.token.len() as u8;
    buf[2..4].copy_from_slice(&0x1234u16.to_be_bytes());
    let tkl = case.token.len();
    buf[4..4 + tkl].copy_from_slice(case.token);
    let (head, tail) = buf.split_at_mut(4 + tkl);
    let mut code = 0u8;
    let len = {
        let mut m =
            coap_message_implementations::inmemory::MessageMut::new_in_slice(&mut code, tail);
        m.set_code(case.code.0);
        for (n, v) in &case.options {
            m.add_option(*n, v).unwrap();
        }
        m.set_payload(&case.payload).unwrap();
        m.finish().0
    };
    head[1] = code;
    4 + tkl + len
}

fn encode_group(c: &mut Criterion) {
    for case in coap_cases() {
        let expected = encode(&case);
        let mut buf = vec![0u8; 2048];
        let n = encode_ours(&case, &mut buf);
        assert_eq!(&buf[..n], &expected[..]);
        assert_eq!(encode_coap_lite(&case), expected);
        let n = encode_cmi(&case, &mut buf);
        assert_eq!(&buf[..n], &expected[..]);
        let mut g = c.benchmark_group(format!("coap/encode/{}", case.name));
        g.throughput(Throughput::Elements(1));
        g.bench_function("iotcodec", |b| b.iter(|| encode_ours(black_box(&case), &mut buf)));
        g.bench_function("coap-lite", |b| b.iter(|| encode_coap_lite(black_box(&case))));
        g.bench_function("coap-message-implementations", |b| {
            b.iter(|| encode_cmi(black_box(&case), &mut buf))
        });
        g.finish();
    }
}

criterion_group!(benches, decode, encode_group);
criterion_main!(benches);
