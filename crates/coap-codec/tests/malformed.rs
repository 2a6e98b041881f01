//! Malformed datagrams: each gives one exact error kind, byte offset and answer (RFC 7252 §3, §4,
//! §5.4), never a panic. Then the registry checks of §5.4.1, §5.4.3, §5.4.5 and §5.10.2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    Code, DecodeConfig, ErrorKind, Message, MessageWriter, OptionNumber, Response, Type,
};

use ErrorKind::*;
use Response::{BadOption, BadRequest, Ignore, Reset};

struct Case {
    name: &'static str,
    bytes: &'static [u8],
    kind: ErrorKind,
    offset: usize,
    answer: Response,
}

const fn case(
    name: &'static str,
    bytes: &'static [u8],
    kind: ErrorKind,
    offset: usize,
    answer: Response,
) -> Case {
    Case { name, bytes, kind, offset, answer }
}

static STRICT_CASES: &[Case] = &[
    case("empty datagram", b"", MessageTooShort, 0, Ignore),
    case("one byte", b"\x40", MessageTooShort, 0, Ignore),
    case("three bytes", b"\x40\x01\x00", MessageTooShort, 0, Ignore),
    case("version 0", b"\x00\x01\x00\x01", UnknownVersion, 0, Ignore),
    case("version 2", b"\x80\x01\x00\x01", UnknownVersion, 0, Ignore),
    case("version 3 with options", b"\xc0\x01\x00\x01\xb1a", UnknownVersion, 0, Ignore),
    case("TKL 9 in a CON request", b"\x49\x01\x00\x01123456789", InvalidTokenLength, 0, Reset),
    case("TKL 12 in an ACK", b"\x6c\x45\x00\x01123456789abc", InvalidTokenLength, 0, Ignore),
    case("TKL 15 in a NON", b"\x5f\x01\x00\x01", InvalidTokenLength, 0, Ignore),
    case("token shorter than TKL", b"\x44\x01\x00\x01\xaa\xbb", TokenTruncated, 4, Reset),
    case("TKL 8 and no token at all", b"\x48\x01\x00\x01", TokenTruncated, 4, Reset),
    case("Empty CON with a token", b"\x41\x00\x00\x01\xaa", EmptyMessageNotEmpty, 4, Reset),
    case("Empty ACK with a payload", b"\x60\x00\x00\x01\xff\x01", EmptyMessageNotEmpty, 4, Ignore),
    case("Empty RST with an option", b"\x70\x00\x00\x01\x10", EmptyMessageNotEmpty, 4, Ignore),
    case("Empty NON", b"\x50\x00\x00\x01", TypeCodeMismatch, 1, Ignore),
    case("RST carrying 2.05", b"\x70\x45\x00\x01", TypeCodeMismatch, 1, Ignore),
    case("ACK carrying GET", b"\x60\x01\x00\x01", TypeCodeMismatch, 1, Ignore),
    case("class 1 code in a CON", b"\x40\x20\x00\x01", ReservedCodeClass, 1, Reset),
    case("class 6 code in a NON", b"\x50\xc1\x00\x01", ReservedCodeClass, 1, Ignore),
    case("7.01 CSM over UDP", b"\x40\xe1\x00\x01", ReservedCodeClass, 1, Reset),
    case("delta nibble 15, length 1", b"\x40\x01\x00\x01\xf1\x00", OptionDeltaReserved, 4, Reset),
    case(
        "delta nibble 15 after an option",
        b"\x40\x01\x00\x01\xb1a\xf0",
        OptionDeltaReserved,
        6,
        Reset,
    ),
    case("length nibble 15", b"\x40\x01\x00\x01\x1f", OptionLengthReserved, 4, Reset),
    case("1-byte extended delta missing", b"\x40\x01\x00\x01\xd0", OptionHeaderTruncated, 4, Reset),
    case(
        "2-byte extended delta half there",
        b"\x40\x01\x00\x01\xe0\x01",
        OptionHeaderTruncated,
        4,
        Reset,
    ),
    case(
        "1-byte extended length missing",
        b"\x40\x01\x00\x01\x1d",
        OptionHeaderTruncated,
        4,
        Reset,
    ),
    case(
        "2-byte extended length half there",
        b"\x50\x01\x00\x01\x1e\x00",
        OptionHeaderTruncated,
        4,
        Ignore,
    ),
    case(
        "extended delta present, length missing",
        b"\x40\x01\x00\x01\xdd\x05",
        OptionHeaderTruncated,
        4,
        Reset,
    ),
    case("option value cut short", b"\x40\x01\x00\x01\xb5ab", OptionValueTruncated, 4, Reset),
    case(
        "second option value cut short",
        b"\x40\x01\x00\x01\xb1a\x03x",
        OptionValueTruncated,
        6,
        Reset,
    ),
    case(
        "extended length past the end",
        b"\x40\x02\x00\x01\x1d\x20abc",
        OptionValueTruncated,
        4,
        Reset,
    ),
    case(
        "option number 65536 by a second delta",
        b"\x40\x01\x00\x01\xe0\xfe\xf2\x10",
        OptionNumberOverflow,
        7,
        Reset,
    ),
    case(
        "option number past 65535 in one delta",
        b"\x40\x01\x00\x01\xd0\x00\xe0\xff\xff",
        OptionNumberOverflow,
        6,
        Reset,
    ),
    case("payload marker and nothing after", b"\x40\x02\x00\x01\xff", EmptyPayload, 4, Reset),
    case(
        "payload marker after options, empty payload",
        b"\x40\x02\x00\x01\xb1a\xff",
        EmptyPayload,
        6,
        Reset,
    ),
    case(
        "Uri-Path not UTF-8 in a CON GET",
        b"\x40\x01\x00\x01\xb1\xfe",
        InvalidUtf8Option,
        4,
        BadRequest,
    ),
    case(
        "delta nibble 15 in a NON",
        b"\x50\x01\x00\x01\xf1\x00\xc3",
        OptionDeltaReserved,
        4,
        Ignore,
    ),
    case(
        "Uri-Query overlong UTF-8 in a NON GET",
        b"\x50\x01\x00\x01\xd2\x02\xc0\xaf",
        InvalidUtf8Option,
        4,
        Ignore,
    ),
    case(
        "Location-Path not UTF-8 in a CON 2.01",
        b"\x40\x41\x00\x01\x81\x80",
        InvalidUtf8Option,
        4,
        Reset,
    ),
    case(
        "Uri-Host not UTF-8 in a CON PUT after a token",
        b"\x42\x03\x00\x01\x01\x02\x31\xff",
        InvalidUtf8Option,
        6,
        BadRequest,
    ),
];

#[test]
fn every_malformed_datagram_gives_its_exact_error() {
    assert!(STRICT_CASES.len() >= 30);
    for c in STRICT_CASES {
        let err = Message::decode(c.bytes).expect_err(c.name);
        assert_eq!(
            (err.kind(), err.offset(), err.response()),
            (c.kind, c.offset, c.answer),
            "{}",
            c.name
        );
        // The Display text names the kind and the offset, without allocating in the codec.
        let text = err.to_string();
        assert!(
            text.contains(c.kind.as_str()) && text.contains(&format!("byte {}", c.offset)),
            "{}",
            c.name
        );
    }
}

#[test]
fn utf8_errors_name_the_option() {
    let err = Message::decode(b"\x40\x01\x00\x01\xb1\xfe").unwrap_err();
    assert_eq!(err.option(), Some(OptionNumber::URI_PATH));
    assert_eq!(err.response().code(), Some(Code::BAD_REQUEST));
    // The relaxation accepts the message; the &str accessor skips the value, the raw one keeps it.
    let m =
        Message::decode_with(b"\x40\x01\x00\x01\xb1\xfe", DecodeConfig::STRICT.lenient_utf8(true))
            .unwrap();
    assert_eq!(m.options().uri_path().count(), 0);
    assert_eq!(m.options().get(OptionNumber::URI_PATH).unwrap().value(), &[0xfe]);
}

#[test]
fn rfc8974_extended_token_lengths() {
    let ext = DecodeConfig::STRICT.extended_tokens(true);
    // TKL 9..=12 are plain lengths under RFC 8974.
    let m = Message::decode_with(b"\x49\x01\x00\x01123456789", ext).unwrap();
    assert_eq!(m.token(), b"123456789");
    // TKL 13: one extension byte, length = 13 + byte.
    let mut d = vec![0x4d, 0x01, 0x00, 0x01, 2];
    d.extend_from_slice(&[7u8; 15]);
    d.extend_from_slice(b"\xb1a");
    let m = Message::decode_with(&d, ext).unwrap();
    assert_eq!(m.token(), &[7u8; 15]);
    assert_eq!(m.options().uri_path().collect::<Vec<_>>(), ["a"]);
    assert_eq!(m.options_offset(), 20);
    // TKL 14: two extension bytes, length = 269 + u16.
    let mut d = vec![0x4e, 0x01, 0x00, 0x01, 0x00, 0x01];
    d.extend_from_slice(&[9u8; 270]);
    let m = Message::decode_with(&d, ext).unwrap();
    assert_eq!(m.token().len(), 270);
    let mut buf = vec![0u8; 300];
    let n = m.encode(&mut buf).unwrap();
    assert_eq!(&buf[..n], &d[..]);
    // Errors that stay errors.
    for (bytes, kind, offset) in [
        (&b"\x4f\x01\x00\x01"[..], InvalidTokenLength, 0),
        (&b"\x4d\x01\x00\x01"[..], TokenTruncated, 4),
        (&b"\x4e\x01\x00\x01\x00"[..], TokenTruncated, 4),
        (&b"\x4d\x01\x00\x01\x05abc"[..], TokenTruncated, 4),
    ] {
        let e = Message::decode_with(bytes, ext).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (kind, offset));
    }
    // Without the relaxation TKL 13 is a format error.
    assert_eq!(
        Message::decode(b"\x4d\x01\x00\x01\x00aaaaaaaaaaaaa").unwrap_err().kind(),
        InvalidTokenLength
    );
}

fn build(ty: Type, code: Code, opts: &[(u16, &[u8])]) -> Vec<u8> {
    let mut buf = vec![0u8; 512];
    let mut w = MessageWriter::new(&mut buf, ty, code, 0x1234, &[0xab]).unwrap();
    for (n, v) in opts {
        w = w.option(OptionNumber(*n), v).unwrap();
    }
    let n = w.finish();
    buf.truncate(n);
    buf
}

#[test]
fn registry_checks_answer_as_section_5_4_says() {
    let con_get = |opts: &[(u16, &[u8])]| build(Type::Confirmable, Code::GET, opts);
    let checked = |bytes: &[u8]| Message::decode(bytes).unwrap().check_options();

    // An unknown critical option in a CON request: 4.02, naming the option and its offset.
    let e = checked(&con_get(&[(11, b"a"), (9999, b"")])).unwrap_err();
    assert_eq!(
        (e.kind(), e.offset(), e.response(), e.option()),
        (UnrecognizedCriticalOption, 7, BadOption, Some(OptionNumber(9999)))
    );
    assert_eq!(e.response().code(), Some(Code::BAD_OPTION));
    // The same in a CON response: reject with Reset; in an ACK or a NON: silence.
    let e = checked(&build(Type::Confirmable, Code::CONTENT, &[(9999, b"")])).unwrap_err();
    assert_eq!(e.response(), Reset);
    assert_eq!(
        checked(&build(Type::Acknowledgement, Code::CONTENT, &[(9999, b"")]))
            .unwrap_err()
            .response(),
        Ignore
    );
    assert_eq!(
        checked(&build(Type::NonConfirmable, Code::GET, &[(9999, b"")])).unwrap_err().response(),
        Ignore
    );
    // Unknown elective options are ignored.
    checked(&con_get(&[(10000, b"x"), (65000, b"")])).unwrap();
    // Length out of range: critical is an error, elective is ignored (§5.4.3).
    let e = checked(&con_get(&[(3, b"")])).unwrap_err();
    assert_eq!((e.kind(), e.option()), (OptionLengthOutOfRange, Some(OptionNumber::URI_HOST)));
    assert_eq!(checked(&con_get(&[(5, b"x")])).unwrap_err().kind(), OptionLengthOutOfRange);
    assert_eq!(checked(&con_get(&[(1, &[0; 9])])).unwrap_err().kind(), OptionLengthOutOfRange);
    checked(&con_get(&[(14, &[1, 2, 3, 4, 5])])).unwrap();
    // Repeated: critical non-repeatable is an error at the second occurrence (§5.4.5).
    let e = checked(&con_get(&[(3, b"a"), (3, b"b")])).unwrap_err();
    assert_eq!((e.kind(), e.offset()), (OptionNotRepeatable, 7));
    checked(&con_get(&[(12, &[0]), (12, &[50])])).unwrap();
    checked(&con_get(&[(11, b"a"), (11, b"b"), (15, b"c"), (15, b"d")])).unwrap();
    // Proxy-Uri with a Uri-* option: 4.00 (§5.10.2).
    let e = checked(&con_get(&[(11, b"a"), (35, b"coap://h/a")])).unwrap_err();
    assert_eq!((e.kind(), e.response()), (ProxyUriWithUriOptions, BadRequest));
    checked(&con_get(&[(35, b"coap://h/a")])).unwrap();
    // A server that does not implement Block2 treats it as unrecognised.
    let m_bytes = con_get(&[(11, b"a"), (23, &[0x06])]);
    let m = Message::decode(&m_bytes).unwrap();
    m.check_options().unwrap();
    let e = m.check_options_with(|n| n != OptionNumber::BLOCK2).unwrap_err();
    assert_eq!((e.kind(), e.option()), (UnrecognizedCriticalOption, Some(OptionNumber::BLOCK2)));
    assert_eq!(
        m.first_unrecognized_critical(|n| n != OptionNumber::BLOCK2).map(|o| o.number()),
        Some(OptionNumber::BLOCK2)
    );
    assert_eq!(m.first_unrecognized_critical(|_| true), None);
}
