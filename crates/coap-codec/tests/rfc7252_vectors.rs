//! The byte-level examples of RFC 7252: Appendix A (Figures 16 to 23) written as datagrams, decoded field
//! by field and encoded back; Appendix B (URIs composed from options); the option encoding of §3.1.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    CoapOption, Code, ContentFormat, Destination, Message, MessageParts, MessageWriter,
    OptionNumber, Scheme, Type,
};

/// Figure 16, request: CON GET, MID 0x7d34, no token, Uri-Path "temperature" (16 bytes).
static FIG16_REQ: [u8; 16] = *b"\x40\x01\x7d\x34\xbbtemperature";
/// Figure 16, response: ACK 2.05, MID 0x7d34, payload "22.3 C" (11 bytes).
static FIG16_RSP: [u8; 11] = *b"\x60\x45\x7d\x34\xff22.3 C";
/// Figure 17, request: as Figure 16 with token 0x20 (17 bytes).
static FIG17_REQ: [u8; 17] = *b"\x41\x01\x7d\x35\x20\xbbtemperature";
/// Figure 17, response (12 bytes).
static FIG17_RSP: [u8; 12] = *b"\x61\x45\x7d\x35\x20\xff22.3 C";

/// A request for coap://server/temperature in the flows of Figures 18 to 23.
fn get_temperature(ty: Type, mid: u16, token: u8) -> Vec<u8> {
    let mut v = vec![0x41 | (ty.bits() << 4), 0x01];
    v.extend_from_slice(&mid.to_be_bytes());
    v.push(token);
    v.push(0xbb);
    v.extend_from_slice(b"temperature");
    v
}

/// A 2.05 response carrying `payload`.
fn content(ty: Type, mid: u16, token: u8, payload: &[u8]) -> Vec<u8> {
    let mut v = vec![0x41 | (ty.bits() << 4), 0x45];
    v.extend_from_slice(&mid.to_be_bytes());
    v.push(token);
    if !payload.is_empty() {
        v.push(0xff);
        v.extend_from_slice(payload);
    }
    v
}

fn empty(ty: Type, mid: u16) -> Vec<u8> {
    let mut v = vec![0x40 | (ty.bits() << 4), 0x00];
    v.extend_from_slice(&mid.to_be_bytes());
    v
}

struct Expect<'a> {
    ty: Type,
    code: Code,
    mid: u16,
    token: &'a [u8],
    uri_path: &'a [&'a str],
    payload: &'a [u8],
}

fn check(bytes: &[u8], e: Expect<'_>) {
    let m = Message::decode(bytes).unwrap();
    assert_eq!(m.message_type(), e.ty);
    assert_eq!(m.code(), e.code);
    assert_eq!(m.message_id(), e.mid);
    assert_eq!(m.token(), e.token);
    assert_eq!(m.options().uri_path().collect::<Vec<_>>(), e.uri_path);
    assert_eq!(m.options().count(), e.uri_path.len(), "only Uri-Path options in these figures");
    assert_eq!(m.payload(), e.payload);
    m.check_options().unwrap();
    // Encode back, both by re-encoding the view and by building it from scratch.
    let mut buf = [0u8; 64];
    assert_eq!(m.encoded_len(), bytes.len());
    let n = m.encode(&mut buf).unwrap();
    assert_eq!(&buf[..n], bytes);
    let mut w = MessageWriter::new(&mut buf, e.ty, e.code, e.mid, e.token).unwrap();
    for seg in e.uri_path {
        w = w.str_option(OptionNumber::URI_PATH, seg).unwrap();
    }
    let n = w.payload(e.payload).unwrap().finish();
    assert_eq!(&buf[..n], bytes);
}

#[test]
fn figure_16_piggybacked_response_without_token() {
    assert_eq!(FIG16_REQ.len(), 16);
    assert_eq!(FIG16_RSP.len(), 11);
    let req = Expect {
        ty: Type::Confirmable,
        code: Code::GET,
        mid: 0x7d34,
        token: &[],
        uri_path: &["temperature"],
        payload: b"",
    };
    check(&FIG16_REQ, req);
    let rsp = Expect {
        ty: Type::Acknowledgement,
        code: Code::CONTENT,
        mid: 0x7d34,
        token: &[],
        uri_path: &[],
        payload: b"22.3 C",
    };
    check(&FIG16_RSP, rsp);
    // The figure's first option byte: delta 11, length 11.
    assert_eq!(FIG16_REQ[4], (11 << 4) | 11);
}

#[test]
fn figure_17_piggybacked_response_with_token() {
    assert_eq!(FIG17_REQ.len(), 17);
    assert_eq!(FIG17_RSP.len(), 12);
    check(
        &FIG17_REQ,
        Expect {
            ty: Type::Confirmable,
            code: Code::GET,
            mid: 0x7d35,
            token: &[0x20],
            uri_path: &["temperature"],
            payload: b"",
        },
    );
    check(
        &FIG17_RSP,
        Expect {
            ty: Type::Acknowledgement,
            code: Code::CONTENT,
            mid: 0x7d35,
            token: &[0x20],
            uri_path: &[],
            payload: b"22.3 C",
        },
    );
    assert_eq!(get_temperature(Type::Confirmable, 0x7d35, 0x20), FIG17_REQ);
    assert_eq!(content(Type::Acknowledgement, 0x7d35, 0x20, b"22.3 C"), FIG17_RSP);
}

#[test]
fn figures_18_and_19_retransmissions_are_identical_datagrams() {
    for (mid, token) in [(0x7d36u16, 0x31u8), (0x7d37, 0x42)] {
        let first = get_temperature(Type::Confirmable, mid, token);
        let retransmitted = get_temperature(Type::Confirmable, mid, token);
        assert_eq!(Message::decode(&first).unwrap(), Message::decode(&retransmitted).unwrap());
        check(
            &first,
            Expect {
                ty: Type::Confirmable,
                code: Code::GET,
                mid,
                token: &[token],
                uri_path: &["temperature"],
                payload: b"",
            },
        );
        check(
            &content(Type::Acknowledgement, mid, token, b"22.3 C"),
            Expect {
                ty: Type::Acknowledgement,
                code: Code::CONTENT,
                mid,
                token: &[token],
                uri_path: &[],
                payload: b"22.3 C",
            },
        );
    }
}

#[test]
fn figure_20_separate_response() {
    check(
        &get_temperature(Type::Confirmable, 0x7d38, 0x53),
        Expect {
            ty: Type::Confirmable,
            code: Code::GET,
            mid: 0x7d38,
            token: &[0x53],
            uri_path: &["temperature"],
            payload: b"",
        },
    );
    let ack = empty(Type::Acknowledgement, 0x7d38);
    assert_eq!(ack, [0x60, 0x00, 0x7d, 0x38]);
    check(
        &ack,
        Expect {
            ty: Type::Acknowledgement,
            code: Code::EMPTY,
            mid: 0x7d38,
            token: &[],
            uri_path: &[],
            payload: b"",
        },
    );
    check(
        &content(Type::Confirmable, 0xad7b, 0x53, b"22.3 C"),
        Expect {
            ty: Type::Confirmable,
            code: Code::CONTENT,
            mid: 0xad7b,
            token: &[0x53],
            uri_path: &[],
            payload: b"22.3 C",
        },
    );
    check(
        &empty(Type::Acknowledgement, 0xad7b),
        Expect {
            ty: Type::Acknowledgement,
            code: Code::EMPTY,
            mid: 0xad7b,
            token: &[],
            uri_path: &[],
            payload: b"",
        },
    );
}

#[test]
fn figure_21_unexpected_separate_response_is_reset() {
    check(
        &get_temperature(Type::Confirmable, 0x7d39, 0x64),
        Expect {
            ty: Type::Confirmable,
            code: Code::GET,
            mid: 0x7d39,
            token: &[0x64],
            uri_path: &["temperature"],
            payload: b"",
        },
    );
    check(
        &empty(Type::Acknowledgement, 0x7d39),
        Expect {
            ty: Type::Acknowledgement,
            code: Code::EMPTY,
            mid: 0x7d39,
            token: &[],
            uri_path: &[],
            payload: b"",
        },
    );
    check(
        &content(Type::Confirmable, 0xad7c, 0x64, b"22.3 C"),
        Expect {
            ty: Type::Confirmable,
            code: Code::CONTENT,
            mid: 0xad7c,
            token: &[0x64],
            uri_path: &[],
            payload: b"22.3 C",
        },
    );
    let rst = empty(Type::Reset, 0xad7c);
    assert_eq!(rst, [0x70, 0x00, 0xad, 0x7c]);
    check(
        &rst,
        Expect {
            ty: Type::Reset,
            code: Code::EMPTY,
            mid: 0xad7c,
            token: &[],
            uri_path: &[],
            payload: b"",
        },
    );
}

#[test]
fn figure_22_non_confirmable_request_and_response() {
    check(
        &get_temperature(Type::NonConfirmable, 0x7d40, 0x75),
        Expect {
            ty: Type::NonConfirmable,
            code: Code::GET,
            mid: 0x7d40,
            token: &[0x75],
            uri_path: &["temperature"],
            payload: b"",
        },
    );
    check(
        &content(Type::NonConfirmable, 0xad7d, 0x75, b"22.3 C"),
        Expect {
            ty: Type::NonConfirmable,
            code: Code::CONTENT,
            mid: 0xad7d,
            token: &[0x75],
            uri_path: &[],
            payload: b"22.3 C",
        },
    );
}

#[test]
fn figure_23_multicast_responses() {
    check(
        &get_temperature(Type::NonConfirmable, 0x7d41, 0x86),
        Expect {
            ty: Type::NonConfirmable,
            code: Code::GET,
            mid: 0x7d41,
            token: &[0x86],
            uri_path: &["temperature"],
            payload: b"",
        },
    );
    check(
        &content(Type::NonConfirmable, 0x60b1, 0x86, b"22.3 C"),
        Expect {
            ty: Type::NonConfirmable,
            code: Code::CONTENT,
            mid: 0x60b1,
            token: &[0x86],
            uri_path: &[],
            payload: b"22.3 C",
        },
    );
    check(
        &content(Type::NonConfirmable, 0x01a0, 0x86, b"20.9 C"),
        Expect {
            ty: Type::NonConfirmable,
            code: Code::CONTENT,
            mid: 0x01a0,
            token: &[0x86],
            uri_path: &[],
            payload: b"20.9 C",
        },
    );
    let not_found = [0x51, 0x84, 0x95, 0x2a, 0x86];
    check(
        &not_found,
        Expect {
            ty: Type::NonConfirmable,
            code: Code::NOT_FOUND,
            mid: 0x952a,
            token: &[0x86],
            uri_path: &[],
            payload: b"",
        },
    );
    assert_eq!(Code::NOT_FOUND.to_string(), "4.04");
}

#[test]
fn section_3_1_extended_deltas_and_lengths() {
    // Delta 13 (one extension byte) and delta 269 (two bytes); lengths 13 and 269 likewise.
    let long13 = [b'a'; 13];
    let long269 = [b'b'; 269];
    let mut buf = [0u8; 400];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::POST, 1, &[])
        .unwrap()
        .option(OptionNumber(13), &long13)
        .unwrap()
        .option(OptionNumber(13 + 269), &long269)
        .unwrap()
        .finish();
    // First option: nibbles 13/13, ext delta 0, ext length 0.
    assert_eq!(&buf[4..7], &[0xdd, 0x00, 0x00]);
    // Second option: delta 269 -> nibble 14 + 0x0000, length 269 -> nibble 14 + 0x0000.
    assert_eq!(&buf[20..25], &[0xee, 0x00, 0x00, 0x00, 0x00]);
    let m = Message::decode(&buf[..n]).unwrap();
    let opts: Vec<_> = m.options().collect();
    assert_eq!(
        opts,
        [CoapOption::new(OptionNumber(13), &long13), CoapOption::new(OptionNumber(282), &long269)]
    );
    // The largest number: 65535 reached with a 2-byte extended delta.
    let n = MessageWriter::new(&mut buf, Type::NonConfirmable, Code::GET, 2, &[])
        .unwrap()
        .empty_option(OptionNumber(65535))
        .unwrap()
        .finish();
    // 65535 - 269 = 0xFEF2.
    assert_eq!(&buf[4..7], &[0xe0, 0xfe, 0xf2]);
    assert_eq!(
        Message::decode(&buf[..n]).unwrap().options().next().unwrap().number(),
        OptionNumber(65535)
    );
}

#[test]
fn section_3_2_uint_options_are_minimal() {
    let mut buf = [0u8; 32];
    let n = MessageWriter::new(&mut buf, Type::Acknowledgement, Code::CONTENT, 7, &[])
        .unwrap()
        .uint_option(OptionNumber::CONTENT_FORMAT, 0)
        .unwrap()
        .uint_option(OptionNumber::MAX_AGE, 0x0102)
        .unwrap()
        .uint_option(OptionNumber::SIZE1, 0x0100_0000)
        .unwrap()
        .finish();
    // Content-Format 0: zero-length value; Max-Age 258: two bytes; Size1: four bytes.
    assert_eq!(&buf[4..n], &[0xc0, 0x22, 0x01, 0x02, 0xd4, 0x21, 0x01, 0x00, 0x00, 0x00]);
    let m = Message::decode(&buf[..n]).unwrap();
    assert_eq!(m.options().content_format(), Some(ContentFormat::TEXT_PLAIN));
    assert_eq!(m.options().max_age(), Some(258));
    assert_eq!(m.options().size1(), Some(0x0100_0000));
}

#[test]
fn message_parts_encoded_len_is_exact() {
    let etag = [1u8, 2, 3, 4];
    let opts = [
        CoapOption::new(OptionNumber::ETAG, &etag),
        CoapOption::new(OptionNumber::CONTENT_FORMAT, &[50]),
        CoapOption::new(OptionNumber::MAX_AGE, &[0x0e, 0x10]),
    ];
    let parts = MessageParts {
        message_type: Type::Acknowledgement,
        code: Code::CONTENT,
        message_id: 9,
        token: &[1, 2],
        options: &opts,
        payload: &[0x55; 64],
    };
    let mut buf = [0u8; 128];
    let n = parts.encode(&mut buf).unwrap();
    assert_eq!(n, parts.encoded_len());
    let m = Message::decode(&buf[..n]).unwrap();
    assert_eq!(m.options().collect::<Vec<_>>(), opts);
    assert_eq!(m.options().etags().map(|o| o.value()).collect::<Vec<_>>(), [&etag[..]]);
}

/// RFC 7252 Appendix B: URIs composed from options and the destination (§6.5).
#[test]
fn appendix_b_uri_examples() {
    let v6 = Destination { scheme: Scheme::Coap, host: "[2001:db8::2:1]", port: 5683 };
    let compose = |m: &[u8], d: Destination<'_>| {
        let msg = Message::decode(m).unwrap();
        let mut out = [0u8; 128];
        let n = msg.compose_uri(d, &mut out).unwrap();
        String::from_utf8(out[..n].to_vec()).unwrap()
    };
    let build = |opts: &[(OptionNumber, &[u8])]| {
        let mut buf = [0u8; 128];
        let mut w = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 1, &[]).unwrap();
        for (n, v) in opts {
            w = w.option(*n, v).unwrap();
        }
        let n = w.finish();
        buf[..n].to_vec()
    };
    assert_eq!(compose(&build(&[]), v6), "coap://[2001:db8::2:1]/");
    assert_eq!(
        compose(&build(&[(OptionNumber::URI_HOST, b"example.net")]), v6),
        "coap://example.net/"
    );
    assert_eq!(
        compose(
            &build(&[
                (OptionNumber::URI_HOST, b"example.net"),
                (OptionNumber::URI_PATH, b".well-known"),
                (OptionNumber::URI_PATH, b"core")
            ]),
            v6
        ),
        "coap://example.net/.well-known/core"
    );
    let konnichiwa = "\u{3053}\u{3093}\u{306b}\u{3061}\u{306f}";
    assert_eq!(
        compose(
            &build(&[
                (OptionNumber::URI_HOST, b"xn--18j4d.example"),
                (OptionNumber::URI_PATH, konnichiwa.as_bytes())
            ]),
            v6
        ),
        "coap://xn--18j4d.example/%E3%81%93%E3%82%93%E3%81%AB%E3%81%A1%E3%81%AF"
    );
    let v4 = Destination { scheme: Scheme::Coap, host: "198.51.100.1", port: 61616 };
    let last = build(&[
        (OptionNumber::URI_PATH, b""),
        (OptionNumber::URI_PATH, b"/"),
        (OptionNumber::URI_PATH, b""),
        (OptionNumber::URI_PATH, b""),
        (OptionNumber::URI_QUERY, b"//"),
        (OptionNumber::URI_QUERY, b"?&"),
    ]);
    // Appendix B prints "?%2F%2F&?%26", but §6.5 step 8 keeps "/" and "?" unencoded in a query; we
    // follow the normative algorithm, which the example contradicts for "/" (and agrees with for "?").
    assert_eq!(compose(&last, v4), "coap://198.51.100.1:61616//%2F//?//&?%26");
}

#[test]
fn compose_uri_fails_on_invalid_host_and_short_buffer() {
    let mut buf = [0u8; 64];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 1, &[])
        .unwrap()
        .option(OptionNumber::URI_HOST, b"bad host")
        .unwrap()
        .finish();
    let msg = Message::decode(&buf[..n]).unwrap();
    let d = Destination { scheme: Scheme::Coaps, host: "192.0.2.1", port: 5684 };
    assert_eq!(msg.compose_uri(d, &mut [0u8; 64]), Err(coap_codec::EncodeError::InvalidHost));
    let fig = Message::decode(&FIG16_REQ).unwrap();
    assert_eq!(fig.compose_uri(d, &mut [0u8; 64]).map(|_| ()), Ok(()));
    // "coaps://" fits in 10 bytes, the host does not: 8 + 9 = 17 are needed at that step.
    assert_eq!(
        fig.compose_uri(d, &mut [0u8; 10]),
        Err(coap_codec::EncodeError::BufferTooSmall { needed: 17 })
    );
}

/// A decoded message indexes its first 16 options; the rest, and options past 64 KiB of option bytes,
/// are parsed again by the iterator. Both paths give the same options.
#[test]
fn options_past_the_index_and_past_64_kib() {
    let mut buf = vec![0u8; 200_000];
    let mut w = MessageWriter::new(&mut buf, Type::NonConfirmable, Code::POST, 5, &[9]).unwrap();
    let mut expected = Vec::new();
    for i in 0..20u16 {
        let value = vec![i as u8; usize::from(i)];
        w = w.option(OptionNumber(2000 + 2 * i), &value).unwrap();
        expected.push((2000 + 2 * i, value));
    }
    let big = vec![0x33u8; 65_000];
    for n in [3000u16, 3000, 3002] {
        w = w.option(OptionNumber(n), &big).unwrap();
        expected.push((n, big.clone()));
    }
    let n = w.payload(b"end").unwrap().finish();
    let m = Message::decode(&buf[..n]).unwrap();
    let got: Vec<(u16, Vec<u8>)> =
        m.options().map(|o| (o.number().0, o.value().to_vec())).collect();
    assert_eq!(got, expected);
    assert_eq!(m.options().all(OptionNumber(3000)).count(), 2);
    assert_eq!(m.options().get(OptionNumber(2038)).unwrap().value(), &[19u8; 19]);
    assert_eq!(m.options().get(OptionNumber(3002)).unwrap().value().len(), 65_000);
    assert_eq!(m.payload(), b"end");
    let mut again = vec![0u8; n];
    assert_eq!(m.encode(&mut again).unwrap(), n);
    assert_eq!(again, &buf[..n]);
}
