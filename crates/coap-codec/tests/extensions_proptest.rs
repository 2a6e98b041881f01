//! Property tests: every extension option type round-trips, TCP stream decoding does not depend on
//! how the stream is cut, and the block slicer and reassembler together reproduce any representation
//! for every SZX.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    decode_observe, decode_tcp, decode_websocket, BlockSlicer, BlockValue, Code, Framed,
    MessageWriter, NoResponse, OptionNumber, OscoreOption, Progress, Reassembler, ReliableConfig,
    MAX_BLOCK_NUM,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn block_values_round_trip(num in 0..=MAX_BLOCK_NUM, more: bool, szx in 0u8..=7) {
        let b = BlockValue::new(num, more, szx).unwrap();
        let (bytes, len) = b.encode();
        prop_assert_eq!(BlockValue::decode(&bytes[..len], true), Ok(b));
        prop_assert_eq!(BlockValue::from_uint(b.to_uint(), true), Ok(b));
        prop_assert_eq!((b.num(), b.more(), b.szx()), (num, more, szx));
        prop_assert_eq!(BlockValue::decode(&bytes[..len], false).is_err(), szx == 7);
    }

    #[test]
    fn observe_values_round_trip(seq in 0u32..(1 << 24)) {
        let mut buf = [0u8; 16];
        let n = MessageWriter::new(&mut buf, coap_codec::Type::NonConfirmable, Code::CONTENT, 1, &[])
            .unwrap()
            .uint_option(OptionNumber::OBSERVE, seq)
            .unwrap()
            .finish();
        let msg = coap_codec::Message::decode(&buf[..n]).unwrap();
        prop_assert_eq!(msg.options().observe(), Ok(Some(seq)));
        prop_assert_eq!(decode_observe(msg.options().get(OptionNumber::OBSERVE).unwrap().value()), Ok(seq));
    }

    #[test]
    fn no_response_values_round_trip(mask: u8, class in 2u8..=5, detail in 0u8..32) {
        let nr = NoResponse::decode(&[mask]).unwrap();
        prop_assert_eq!(nr, NoResponse(mask));
        let code = Code::new(class, detail);
        prop_assert_eq!(nr.suppresses(code), mask & (1 << (class - 1)) != 0);
    }

    #[test]
    fn oscore_values_round_trip(
        piv in proptest::collection::vec(any::<u8>(), 0..=5),
        ctx in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..=40)),
        kid in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..=12)),
    ) {
        let v = OscoreOption::new(&piv, ctx.as_deref(), kid.as_deref()).unwrap();
        let mut buf = [0u8; 64];
        let n = v.encode(&mut buf).unwrap();
        prop_assert_eq!(n, v.encoded_len());
        prop_assert_eq!(OscoreOption::decode(&buf[..n]), Ok(v));
    }

    #[test]
    fn hop_limit_values_round_trip(limit in 1u8..=255) {
        let mut buf = [0u8; 16];
        let n = MessageWriter::new(&mut buf, coap_codec::Type::Confirmable, Code::GET, 1, &[])
            .unwrap()
            .uint_option(OptionNumber::HOP_LIMIT, u32::from(limit))
            .unwrap()
            .finish();
        let msg = coap_codec::receive_udp(&buf[..n], coap_codec::DecodeConfig::STRICT).unwrap();
        prop_assert_eq!(msg.options().hop_limit(), Ok(Some(limit)));
    }
}

/// A message to put on a stream: code, token, options (sorted) and payload.
#[derive(Debug, Clone, PartialEq)]
struct Parts {
    code: Code,
    token: Vec<u8>,
    options: Vec<(u16, Vec<u8>)>,
    payload: Vec<u8>,
}

fn parts() -> impl Strategy<Value = Parts> {
    let code = prop_oneof![
        Just(Code::GET),
        Just(Code::PUT),
        Just(Code::CONTENT),
        Just(Code::NOT_FOUND),
        Just(Code::CSM),
        Just(Code::PING),
        Just(Code::EMPTY),
    ];
    // Elective, unregistered-or-opaque numbers so that any value is valid for every code.
    let option = (
        prop_oneof![Just(4u16), Just(60), Just(2), Just(300), Just(2050)],
        proptest::collection::vec(any::<u8>(), 0..300),
    );
    (
        code,
        proptest::collection::vec(any::<u8>(), 0..=8),
        proptest::collection::vec(option, 0..4),
        proptest::collection::vec(any::<u8>(), 0..1000),
    )
        .prop_map(|(code, token, mut options, payload)| {
            options.sort_by_key(|o| o.0);
            if code == Code::EMPTY {
                return Parts { code, token: vec![], options: vec![], payload: vec![] };
            }
            Parts { code, token, options, payload }
        })
}

fn write(p: &Parts, buf: &mut [u8], websocket: bool) -> usize {
    let mut w = if websocket {
        MessageWriter::websocket(buf, p.code, &p.token).unwrap()
    } else {
        MessageWriter::reliable(buf, p.code, &p.token).unwrap()
    };
    for (n, v) in &p.options {
        w = w.option(OptionNumber(*n), v).unwrap();
    }
    w.payload(&p.payload).unwrap().finish()
}

fn read(m: &coap_codec::ReliableMessage<'_>) -> Parts {
    Parts {
        code: m.code(),
        token: m.token().to_vec(),
        options: m.options().map(|o| (o.number().value(), o.value().to_vec())).collect(),
        payload: m.payload().to_vec(),
    }
}

proptest! {
    #[test]
    fn tcp_stream_decoding_is_split_invariant(
        messages in proptest::collection::vec(parts(), 1..6),
        cuts in proptest::collection::vec(1usize..400, 0..40),
    ) {
        let mut stream = Vec::new();
        let mut buf = vec![0u8; 4096];
        for p in &messages {
            let n = write(p, &mut buf, false);
            stream.extend_from_slice(&buf[..n]);
        }
        let config = ReliableConfig::with_max_message_size(4096);
        // Feed the stream in chunks of the given sizes (then the rest), decoding as soon as possible.
        let mut received = Vec::new();
        let mut pending: Vec<u8> = Vec::new();
        let mut fed = 0;
        let mut sizes = cuts.into_iter().chain(core::iter::repeat(usize::MAX));
        while fed < stream.len() {
            let take = sizes.next().unwrap().min(stream.len() - fed);
            pending.extend_from_slice(&stream[fed..fed + take]);
            fed += take;
            loop {
                match decode_tcp(&pending, &config).unwrap() {
                    Framed::Message(m) => {
                        received.push(read(&m));
                        let used = m.frame_len();
                        pending.drain(..used);
                    }
                    Framed::Incomplete(coap_codec::Needed::Exact(n)) => {
                        prop_assert!(fed + n <= stream.len(), "asked for bytes past the stream");
                        break;
                    }
                    Framed::Incomplete(_) => break,
                }
            }
        }
        prop_assert!(pending.is_empty());
        prop_assert_eq!(received, messages);
    }

    #[test]
    fn websocket_messages_round_trip(p in parts()) {
        let mut buf = vec![0u8; 4096];
        let n = write(&p, &mut buf, true);
        let m = decode_websocket(&buf[..n], &ReliableConfig::with_max_message_size(4096)).unwrap();
        prop_assert_eq!(read(&m), p.clone());
        prop_assert_eq!(m.frame_len(), n);
        let mut again = vec![0u8; 4096];
        let k = m.encode_websocket(&mut again).unwrap();
        prop_assert_eq!(&again[..k], &buf[..n]);
        let t = m.encode_tcp(&mut again).unwrap();
        let Framed::Message(tcp) = decode_tcp(&again[..t], &ReliableConfig::with_max_message_size(4096)).unwrap() else {
            panic!("incomplete");
        };
        prop_assert_eq!(read(&tcp), p);
    }

    #[test]
    fn slicer_and_reassembler_reproduce_any_representation(
        body in proptest::collection::vec(any::<u8>(), 0..6000),
        szx in 0u8..=7,
        bert_units in 1usize..5,
    ) {
        let slicer = BlockSlicer::new(&body).with_bert_payload(bert_units * 1024);
        // Descriptive usage: the uploader sends every block in order.
        let mut buf = vec![0u8; body.len()];
        let mut r = Reassembler::new(&mut buf);
        for s in slicer.blocks(szx) {
            r.push(s.block, s.payload).unwrap();
        }
        prop_assert!(r.is_complete());
        prop_assert_eq!(r.data(), &body[..]);

        // Control usage: the downloader asks for the block the reassembler says comes next.
        let mut buf = vec![0u8; body.len()];
        let mut r = Reassembler::new(&mut buf);
        let mut request = None;
        loop {
            let s = slicer.answer(request, szx).unwrap();
            match r.push(s.block, s.payload).unwrap() {
                Progress::More(next) => request = Some(next),
                Progress::Complete(n) => {
                    prop_assert_eq!(n, body.len());
                    break;
                }
            }
        }
        prop_assert_eq!(r.data(), &body[..]);
    }

    #[test]
    fn reassembler_refuses_without_panicking_and_keeps_only_contiguous_bytes(
        pushes in proptest::collection::vec((0u32..64, any::<bool>(), 0u8..=7, 0usize..2100), 0..20),
        cap in 0usize..3000,
    ) {
        let payload: Vec<u8> = (0..2100u32).map(|i| i as u8).collect();
        let mut buf = vec![0u8; cap];
        let mut r = Reassembler::new(&mut buf);
        let mut expected = Vec::new();
        for (num, more, szx, len) in pushes {
            let block = BlockValue::new(num, more, szx).unwrap();
            if r.push(block, &payload[..len]).is_ok() {
                // An accepted block starts where the previous one ended.
                prop_assert_eq!(block.offset(), expected.len());
                expected.extend_from_slice(&payload[..len]);
            }
            prop_assert!(r.len() <= cap);
        }
        prop_assert_eq!(r.data(), &expected[..]);
    }
}
