//! The figures of RFC 7641 Appendix A, RFC 7959 §3, RFC 8323 §6, RFC 9177 §10, RFC 7967 §2.1 and
//! RFC 8613 §6.3 as vectors: decoded field by field and encoded back to the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    observe_is_fresher, BlockSlicer, BlockValue, Code, Message, MessageWriter, NoResponse,
    ObserveRequest, OptionNumber, OscoreOption, Progress, Reassembler, ReassemblyError, Type,
};

/// A block option written as in the RFC figures: `NUM/M/SIZE`, SIZE 0 standing for BERT.
fn block(num: u32, more: u8, size: usize) -> BlockValue {
    let szx = if size == 0 { 7 } else { size.trailing_zeros() as u8 - 4 };
    BlockValue::new(num, more == 1, szx).unwrap()
}

fn wire(b: BlockValue) -> Vec<u8> {
    let (bytes, len) = b.encode();
    bytes[..len].to_vec()
}

#[test]
fn rfc7641_figure3_register_and_two_notifications() {
    // GET 0x41011633, Token 0x4a, Observe 0 (register), Uri-Path "temperature".
    let get = b"\x41\x01\x16\x33\x4a\x60\x5btemperature";
    let msg = Message::decode(get).unwrap();
    assert_eq!(
        (msg.message_type(), msg.code(), msg.message_id()),
        (Type::Confirmable, Code::GET, 0x1633)
    );
    assert_eq!(msg.token(), [0x4a]);
    let observe = msg.options().observe().unwrap().unwrap();
    assert_eq!(ObserveRequest::from_value(observe), Some(ObserveRequest::Register));
    assert_eq!(msg.options().uri_path().collect::<Vec<_>>(), ["temperature"]);
    let mut buf = [0u8; 64];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 0x1633, &[0x4a])
        .unwrap()
        .uint_option(OptionNumber::OBSERVE, ObserveRequest::Register.value())
        .unwrap()
        .str_option(OptionNumber::URI_PATH, "temperature")
        .unwrap()
        .finish();
    assert_eq!(&buf[..n], get);

    // 2.05 0x61451633 (ACK), Observe 9, Max-Age 15, "18.5 Cel"; then 2.05 0x51457b50 (NON), Observe 16.
    let first = b"\x61\x45\x16\x33\x4a\x61\x09\x81\x0f\xff18.5 Cel";
    let second = b"\x51\x45\x7b\x50\x4a\x61\x10\x81\x0f\xff19.2 Cel";
    let mut seen = Vec::new();
    for (bytes, ty, mid, seq, payload) in [
        (&first[..], Type::Acknowledgement, 0x1633, 9, &b"18.5 Cel"[..]),
        (&second[..], Type::NonConfirmable, 0x7b50, 16, &b"19.2 Cel"[..]),
    ] {
        let msg = Message::decode(bytes).unwrap();
        assert_eq!((msg.message_type(), msg.code(), msg.message_id()), (ty, Code::CONTENT, mid));
        assert_eq!(msg.options().observe().unwrap(), Some(seq));
        assert_eq!(msg.options().max_age(), Some(15));
        assert_eq!(msg.payload(), payload);
        let n = MessageWriter::new(&mut buf, ty, Code::CONTENT, mid, &[0x4a])
            .unwrap()
            .uint_option(OptionNumber::OBSERVE, seq)
            .unwrap()
            .uint_option(OptionNumber::MAX_AGE, 15)
            .unwrap()
            .payload(payload)
            .unwrap()
            .finish();
        assert_eq!(&buf[..n], bytes);
        seen.push(seq);
    }
    assert!(observe_is_fresher(seen[0], 0, seen[1], 5));
}

#[test]
fn rfc7641_section_3_4_freshness_rule() {
    const HALF: u32 = 1 << 23;
    // First two conditions: V2 after V1 in 24-bit serial number arithmetic.
    assert!(observe_is_fresher(9, 0, 16, 0));
    assert!(!observe_is_fresher(16, 0, 9, 0));
    assert!(!observe_is_fresher(16, 0, 16, 0), "the same value is not fresher");
    assert!(observe_is_fresher(0, 0, HALF - 1, 0));
    assert!(!observe_is_fresher(0, 0, HALF, 0), "exactly 2^23 apart is not fresher");
    assert!(observe_is_fresher(HALF + 1, 0, 0, 0), "wrapped around");
    assert!(!observe_is_fresher(HALF, 0, 0, 0));
    // Third condition: more than 128 seconds later, even with a smaller value.
    assert!(!observe_is_fresher(16, 100, 9, 228));
    assert!(observe_is_fresher(16, 100, 9, 229));
}

#[test]
fn rfc7641_observe_values_decode_and_limit() {
    let get = |opt: &[u8]| {
        let mut bytes = b"\x40\x01\x00\x01".to_vec();
        bytes.extend_from_slice(opt);
        bytes
    };
    let m = get(b"\x61\x01");
    assert_eq!(
        ObserveRequest::from_value(
            Message::decode(&m).unwrap().options().observe().unwrap().unwrap()
        ),
        Some(ObserveRequest::Deregister)
    );
    let m = get(b"\x63\xff\xff\xff");
    assert_eq!(Message::decode(&m).unwrap().options().observe().unwrap(), Some(0xFF_FFFF));
    let m = get(b"\x64\x01\x00\x00\x00");
    assert_eq!(
        Message::decode(&m).unwrap().options().observe(),
        Err(coap_codec::ValueError::Length)
    );
    assert_eq!(ObserveRequest::from_value(2), None);
}

#[test]
fn rfc7959_block_option_notation() {
    // RFC 8323 §6: "a Block2 Option value of 33 would be shown as 2:2/0/32 ... a Block1 Option value
    // of 59 would be shown as 1:3/1/128".
    assert_eq!(wire(block(2, 0, 32)), [33]);
    assert_eq!(wire(block(3, 1, 128)), [59]);
    // RFC 7959 Figure 2's values, and the value 0 sent as an empty option (RFC 7252 §3.2).
    assert_eq!(wire(block(0, 0, 16)), [] as [u8; 0]);
    assert_eq!(wire(block(0, 1, 128)), [0x0b]);
    assert_eq!(wire(block(1, 0, 128)), [0x13]);
    assert_eq!(wire(block(2, 0, 128)), [0x23]);
    // NUM needs 12 and then 20 bits.
    assert_eq!(wire(block(16, 1, 1024)), [0x01, 0x0e]);
    assert_eq!(wire(block(4096, 0, 64)), [0x01, 0x00, 0x02]);
    assert_eq!(wire(block(coap_codec::MAX_BLOCK_NUM, 1, 1024)), [0xff, 0xff, 0xfe]);
    for v in [block(2, 0, 32), block(3, 1, 128), block(4096, 0, 64), block(0, 1, 1024)] {
        assert_eq!(BlockValue::decode(&wire(v), false), Ok(v));
    }
    assert_eq!(block(3, 1, 128).offset(), 384);
    assert_eq!(BlockValue::new(coap_codec::MAX_BLOCK_NUM + 1, false, 0), None);
    assert_eq!(BlockValue::new(0, false, 8), None);
}

/// A 300-byte representation like the /status resource of the figures.
fn status_body() -> Vec<u8> {
    (0..300u32).map(|i| (i * 7 % 251) as u8).collect()
}

#[test]
fn rfc7959_figure2_simple_blockwise_get() {
    let body = status_body();
    let slicer = BlockSlicer::new(&body);
    let mut buf = [0u8; 512];
    let mut r = Reassembler::new(&mut buf);
    // No Block2 in the first request; the server prefers 128 bytes.
    let first = slicer.answer(None, 3).unwrap();
    assert_eq!(first.block, block(0, 1, 128));
    let Progress::More(next) = r.push(first.block, first.payload).unwrap() else { panic!() };
    assert_eq!(next, block(1, 0, 128));
    let second = slicer.answer(Some(next), 3).unwrap();
    assert_eq!(second.block, block(1, 1, 128));
    let Progress::More(next) = r.push(second.block, second.payload).unwrap() else { panic!() };
    assert_eq!(next, block(2, 0, 128));
    let third = slicer.answer(Some(next), 3).unwrap();
    assert_eq!(third.block, block(2, 0, 128));
    assert_eq!(third.payload.len(), 300 - 256, "the third ACK carries between 1 and 128 bytes");
    assert_eq!(r.push(third.block, third.payload).unwrap(), Progress::Complete(300));
    assert_eq!(r.data(), &body[..]);
}

#[test]
fn rfc7959_figure3_early_negotiation() {
    let body = status_body();
    let slicer = BlockSlicer::new(&body);
    let expected =
        [block(0, 1, 64), block(1, 1, 64), block(2, 1, 64), block(3, 1, 64), block(4, 0, 64)];
    let mut buf = [0u8; 300];
    let mut r = Reassembler::new(&mut buf);
    let mut request = block(0, 0, 64);
    for want in expected {
        let s = slicer.answer(Some(request), 6).unwrap();
        assert_eq!(s.block, want);
        match r.push(s.block, s.payload).unwrap() {
            Progress::More(next) => request = next,
            Progress::Complete(n) => assert_eq!(n, 300),
        }
    }
    assert!(r.is_complete());
    assert_eq!(r.data(), &body[..]);
}

#[test]
fn rfc7959_figure4_late_negotiation_shrinks_the_block_size() {
    // The first exchange brings 128 bytes; the client then asks for 2:2/0/64, counting in 64 bytes.
    let body = status_body();
    let slicer = BlockSlicer::new(&body);
    let mut buf = [0u8; 300];
    let mut r = Reassembler::new(&mut buf);
    let s = slicer.answer(None, 3).unwrap();
    assert_eq!(s.block, block(0, 1, 128));
    let Progress::More(next) = r.push(s.block, s.payload).unwrap() else { panic!() };
    let smaller = BlockValue::new(next.offset() as u32 / 64, false, 2).unwrap();
    assert_eq!(smaller, block(2, 0, 64));
    let mut request = smaller;
    let mut answers = Vec::new();
    loop {
        let s = slicer.answer(Some(request), 6).unwrap();
        answers.push(s.block);
        match r.push(s.block, s.payload).unwrap() {
            Progress::More(next) => request = next,
            Progress::Complete(_) => break,
        }
    }
    assert_eq!(answers, [block(2, 1, 64), block(3, 1, 64), block(4, 0, 64)]);
    assert_eq!(r.data(), &body[..]);
    // Growing again is refused.
    let mut buf = [0u8; 300];
    let mut r = Reassembler::new(&mut buf);
    r.push(block(0, 1, 64), &body[..64]).unwrap();
    assert_eq!(r.push(block(1, 1, 128), &body[128..256]), Err(ReassemblyError::SizeChanged));
}

#[test]
fn rfc7959_figure9_block1_put_with_negotiation() {
    // 1:0/1/128 is answered with 1:0/1/32; the client goes on with 1:4/1/32, 1:5/1/32, 1:6/0/32.
    let body: Vec<u8> = (0..200u8).collect();
    let mut buf = [0u8; 256];
    let mut server = Reassembler::new(&mut buf);
    let first = BlockSlicer::new(&body).block(0, 3).unwrap();
    assert_eq!(first.block, block(0, 1, 128));
    server.push(first.block, first.payload).unwrap();
    let rest: Vec<_> = BlockSlicer::new(&body).blocks(1).skip(4).collect();
    let blocks: Vec<_> = rest.iter().map(|s| s.block).collect();
    assert_eq!(blocks, [block(4, 1, 32), block(5, 1, 32), block(6, 0, 32)]);
    for s in rest {
        server.push(s.block, s.payload).unwrap();
    }
    assert_eq!(server.data(), &body[..]);
}

#[test]
fn rfc8323_figure13_get_with_bert_blocks() {
    // Three BERT blocks of 3072, 5120 and 4711 bytes: 2:0/1/BERT, 2:3/1/BERT, 2:8/0/BERT.
    let body: Vec<u8> = (0..3072 + 5120 + 4711).map(|i: u32| (i % 253) as u8).collect();
    let mut buf = vec![0u8; body.len()];
    let mut r = Reassembler::new(&mut buf);
    let plan = [(0u32, 3072usize), (3, 5120), (8, 4711)];
    let mut at = 0;
    for (i, (num, len)) in plan.into_iter().enumerate() {
        let more = i < 2;
        let b = BlockValue::decode(&wire(block(num, more as u8, 0)), true).unwrap();
        assert!(b.is_bert());
        assert_eq!(b.offset(), at);
        let progress = r.push(b, &body[at..at + len]).unwrap();
        at += len;
        match progress {
            Progress::More(next) => assert_eq!(next, block(plan[i + 1].0, 0, 0)),
            Progress::Complete(n) => assert_eq!(n, body.len()),
        }
    }
    assert_eq!(r.data(), &body[..]);
    // The slicer gives the same blocks when allowed 5120 bytes per BERT block after the first.
    let slicer = BlockSlicer::new(&body).with_bert_payload(3072);
    assert_eq!(slicer.block(0, 7).unwrap().payload.len(), 3072);
    let slicer = slicer.with_bert_payload(5120 + 500);
    let s = slicer.block(3, 7).unwrap();
    assert_eq!((s.block, s.payload.len()), (block(3, 1, 0), 5120));
    let s = slicer.block(8, 7).unwrap();
    assert_eq!((s.block, s.payload.len()), (block(8, 0, 0), 4711));
}

#[test]
fn rfc8323_figure14_put_with_bert_blocks() {
    // 1:0/1/BERT(8192), 1:8/1/BERT(16384), 1:24/0/BERT(5683).
    let body: Vec<u8> = (0..8192 + 16384 + 5683).map(|i: u32| (i % 241) as u8).collect();
    let mut buf = vec![0u8; body.len()];
    let mut server = Reassembler::new(&mut buf);
    let mut at = 0;
    for (num, more, len) in [(0, 1, 8192usize), (8, 1, 16384), (24, 0, 5683)] {
        server.push(block(num, more, 0), &body[at..at + len]).unwrap();
        at += len;
    }
    assert_eq!(server.data(), &body[..]);
    // SZX 7 outside BERT is refused (RFC 7959 §2.2).
    assert_eq!(BlockValue::decode(&[0x0f], false), Err(coap_codec::ValueError::ReservedBlockSize));
}

#[test]
fn rfc9177_figure2_q_block1_put() {
    // NON PUT /path, M:0x81.., T:0xc0.., RT=9, QB1:0/1/1024 to QB1:3/0/1024.
    let body: Vec<u8> = (0..3500u32).map(|i| i as u8).collect();
    let mut buf = vec![0u8; 4096];
    let mut server = Reassembler::new(&mut buf);
    for (i, s) in BlockSlicer::new(&body).blocks(6).enumerate() {
        let i = i as u8;
        let mut out = [0u8; 1100];
        let n = MessageWriter::new(
            &mut out,
            Type::NonConfirmable,
            Code::PUT,
            0x81 + u16::from(i),
            &[0xc0 + i],
        )
        .unwrap()
        .str_option(OptionNumber::URI_PATH, "path")
        .unwrap()
        .option(OptionNumber::Q_BLOCK1, &wire(s.block))
        .unwrap()
        .option(OptionNumber::REQUEST_TAG, &[9])
        .unwrap()
        .payload(s.payload)
        .unwrap()
        .finish();
        let msg = coap_codec::receive_udp(&out[..n], coap_codec::DecodeConfig::STRICT).unwrap();
        let qb1 = msg.options().q_block1().unwrap().unwrap();
        assert_eq!(qb1, block(u32::from(i), u8::from(i < 3), 1024));
        assert_eq!(msg.options().request_tags().collect::<Vec<_>>(), [[9]]);
        server.push(qb1, msg.payload()).unwrap();
    }
    assert_eq!(server.data(), &body[..]);
}

#[test]
fn rfc7967_table2_and_suppression_rule() {
    let classes = [Code::CONTENT, Code::NOT_FOUND, Code::INTERNAL_SERVER_ERROR];
    for (value, suppressed) in [
        (&[][..], [false, false, false]),
        (&[2][..], [true, false, false]),
        (&[8][..], [false, true, false]),
        (&[16][..], [false, false, true]),
        (&[18][..], [true, false, true]),
        (&[26][..], [true, true, true]),
    ] {
        let nr = NoResponse::decode(value).unwrap();
        for (code, want) in classes.into_iter().zip(suppressed) {
            assert_eq!(nr.suppresses(code), want, "value {value:?} code {code:?}");
        }
        assert!(!nr.suppresses(Code::GET), "requests are never suppressed");
    }
    assert_eq!(NoResponse::SUCCESS.union(NoResponse::SERVER_ERROR), NoResponse(18));
    assert_eq!(NoResponse::NONE, NoResponse(26));
    assert_eq!(NoResponse::decode(&[0, 2]), Err(coap_codec::ValueError::Length));
    // In a request: NON POST with No-Response 26 (option 258: delta 258 = 13 + 245).
    let msg = Message::decode(b"\x50\x02\x00\x07\xd1\xf5\x1a").unwrap();
    assert_eq!(msg.options().no_response().unwrap(), Some(NoResponse::NONE));
}

#[test]
fn rfc8613_section_6_3_compressed_cose_examples() {
    // (option value, Partial IV, kid context, kid)
    type Example = (&'static [u8], &'static [u8], Option<&'static [u8]>, Option<&'static [u8]>);
    let examples: [Example; 5] = [
        (&[0x09, 0x05, 0x25], &[0x05], None, Some(&[0x25])),
        (&[0x09, 0x00], &[0x00], None, Some(&[])),
        (&[0x19, 0x05, 0x05, 0x44, 0x61, 0x6c, 0x65, 0x6b], &[0x05], Some(b"Dalek"), Some(&[])),
        (&[], &[], None, None),
        (&[0x01, 0x07], &[0x07], None, None),
    ];
    for (value, piv, ctx, kid) in examples {
        let v = OscoreOption::decode(value).unwrap();
        assert_eq!((v.partial_iv(), v.kid_context(), v.kid()), (piv, ctx, kid), "{value:02x?}");
        assert_eq!(OscoreOption::new(piv, ctx, kid), Some(v));
        let mut out = [0u8; 16];
        let n = v.encode(&mut out).unwrap();
        assert_eq!(&out[..n], value);
        assert_eq!(v.encoded_len(), value.len());
    }
    assert_eq!(OscoreOption::new(&[1; 6], None, None), None);
    assert_eq!(OscoreOption::decode(&[0x09, 0x05, 0x25]).unwrap().encode(&mut [0u8; 2]), None);
}

#[test]
fn rfc8768_hop_limit_and_rfc9175_echo() {
    // GET with Hop-Limit 16 (option 16: delta 13 + 3) and Echo (252: delta 236 = 13 + 223, 8 bytes).
    let bytes = b"\x40\x01\x00\x01\xd1\x03\x10\xd8\xdf\x01\x02\x03\x04\x05\x06\x07\x08";
    let msg = coap_codec::receive_udp(bytes, coap_codec::DecodeConfig::STRICT).unwrap();
    assert_eq!(msg.options().hop_limit().unwrap(), Some(16));
    assert_eq!(msg.options().echo().unwrap(), Some(&[1, 2, 3, 4, 5, 6, 7, 8][..]));
    let mut out = [0u8; 32];
    let n = MessageWriter::new(&mut out, Type::Confirmable, Code::GET, 1, &[])
        .unwrap()
        .uint_option(OptionNumber::HOP_LIMIT, 16)
        .unwrap()
        .option(OptionNumber::ECHO, &[1, 2, 3, 4, 5, 6, 7, 8])
        .unwrap()
        .finish();
    assert_eq!(&out[..n], bytes);
}
