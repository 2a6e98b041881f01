//! Malformed extension options and reliable-transport frames: each gives one exact error kind, byte
//! offset and answer, through the per-transport entry points.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    decode_tcp, decode_websocket, receive_tcp, receive_udp, receive_websocket, Code, DecodeConfig,
    ErrorKind, Framed, MessageWriter, Needed, OptionNumber, ReliableConfig, Response, ValueError,
};

use ErrorKind::*;
use Response::{Abort, BadOption, BadRequest, Ignore, Reset};

struct Case {
    name: &'static str,
    bytes: &'static [u8],
    kind: ErrorKind,
    offset: usize,
    answer: Response,
    option: Option<u16>,
}

const fn case(
    name: &'static str,
    bytes: &'static [u8],
    kind: ErrorKind,
    offset: usize,
    answer: Response,
    option: Option<u16>,
) -> Case {
    Case { name, bytes, kind, offset, answer, option }
}

impl Case {
    /// The error is exactly the one this case expects.
    fn check(&self, e: &coap_codec::DecodeError) {
        assert_eq!(
            (e.kind(), e.offset(), e.response(), e.option().map(|o| o.value())),
            (self.kind, self.offset, self.answer, self.option),
            "{}",
            self.name
        );
    }
}

const fn value(v: ValueError) -> ErrorKind {
    InvalidOptionValue(v)
}

#[rustfmt::skip]
static UDP_CASES: &[Case] = &[
    case("Block2 SZX 7 in a CON GET", b"\x40\x01\x00\x01\xd1\x0a\x07", value(ValueError::ReservedBlockSize), 4, BadRequest, Some(23)),
    case("Block1 SZX 7 in a NON PUT", b"\x50\x03\x00\x01\xd1\x0e\x1f\xff!", value(ValueError::ReservedBlockSize), 4, Ignore, Some(27)),
    case("Block2 SZX 7 in a CON response", b"\x40\x45\x00\x01\xd1\x0a\x0f\xff!", value(ValueError::ReservedBlockSize), 4, Reset, Some(23)),
    case("Q-Block2 SZX 7 in a CON GET", b"\x40\x01\x00\x01\xd1\x12\x07", value(ValueError::ReservedBlockSize), 4, BadRequest, Some(31)),
    case("Block2 of 4 bytes", b"\x40\x01\x00\x01\xd4\x0a\x00\x00\x00\x06", OptionLengthOutOfRange, 4, BadOption, Some(23)),
    case("Hop-Limit 0", b"\x40\x01\x00\x01\xd1\x03\x00", value(ValueError::HopLimitZero), 4, BadRequest, Some(16)),
    case("Hop-Limit of 2 bytes", b"\x40\x01\x00\x01\xd2\x03\x01\x00", value(ValueError::Length), 4, BadRequest, Some(16)),
    case("Hop-Limit empty", b"\x40\x01\x00\x01\xd0\x03", value(ValueError::Length), 4, BadRequest, Some(16)),
    case("OSCORE reserved flag", b"\x40\x02\x00\x01\x92\x20\x00\xffx", value(ValueError::OscoreReservedFlags), 4, BadOption, Some(9)),
    case("OSCORE Partial IV length 6", b"\x40\x02\x00\x01\x97\x06\x01\x02\x03\x04\x05\x06\xffx", value(ValueError::OscoreReservedPartialIvLength), 4, BadOption, Some(9)),
    case("OSCORE Partial IV truncated", b"\x40\x02\x00\x01\x92\x03\x01\xffx", value(ValueError::OscoreTruncated), 4, BadOption, Some(9)),
    case("OSCORE kid context length past the end", b"\x40\x02\x00\x01\x93\x10\x05\x44\xffx", value(ValueError::OscoreTruncated), 4, BadOption, Some(9)),
    case("OSCORE bytes without kid flag", b"\x40\x02\x00\x01\x93\x01\x07\x25\xffx", value(ValueError::OscoreTrailingBytes), 4, BadOption, Some(9)),
    case("OSCORE 0x00 instead of empty", b"\x40\x02\x00\x01\x91\x00\xffx", value(ValueError::OscoreZeroFlags), 4, BadOption, Some(9)),
    case("OSCORE without payload", b"\x40\x02\x00\x01\x92\x09\x05", OscoreWithoutPayload, 4, BadOption, Some(9)),
    case("signaling code 7.01 over UDP", b"\x40\xe1\x00\x01", ReservedCodeClass, 1, Reset, None),
];

#[test]
fn udp_extension_options() {
    for c in UDP_CASES {
        let refused = receive_udp(c.bytes, DecodeConfig::STRICT).expect_err(c.name);
        c.check(&refused.error);
    }
}

#[test]
fn refused_udp_messages_carry_the_view_to_answer_from() {
    let refused = receive_udp(UDP_CASES[0].bytes, DecodeConfig::STRICT).unwrap_err();
    let msg = refused.message.expect("decoded before the option check");
    assert_eq!((msg.message_id(), msg.code()), (1, Code::GET));
    let refused = receive_udp(b"\x40", DecodeConfig::STRICT).unwrap_err();
    assert_eq!(refused.message, None);
}

#[test]
fn elective_extension_options_out_of_range_are_ignored_not_refused() {
    // Observe of 4 bytes, Echo of 41 bytes, No-Response of 2 bytes: elective, so the message is
    // accepted (RFC 7252 §5.4.1) and the typed getters report the fault.
    let msg = receive_udp(b"\x40\x01\x00\x01\x64\x01\x02\x03\x04", DecodeConfig::STRICT).unwrap();
    assert_eq!(msg.options().observe(), Err(ValueError::Length));
    let mut buf = [0u8; 80];
    let n = MessageWriter::new(&mut buf, coap_codec::Type::Confirmable, Code::GET, 1, &[])
        .unwrap()
        .option(OptionNumber::ECHO, &[7; 41])
        .unwrap()
        .option(OptionNumber::NO_RESPONSE, &[2, 2])
        .unwrap()
        .finish();
    let msg = receive_udp(&buf[..n], DecodeConfig::STRICT).unwrap();
    assert_eq!(msg.options().echo(), Err(ValueError::Length));
    assert_eq!(msg.options().no_response(), Err(ValueError::Length));
    // Request-Tag is elective too (RFC 9175 §3.2.1): a 9-byte value is skipped.
    let msg = receive_udp(b"\x40\x02\x00\x01\xe9\x00\x17123456789\x01\x01", DecodeConfig::STRICT)
        .unwrap();
    assert_eq!(msg.options().request_tags().collect::<Vec<_>>(), [[1]]);
    // Hop-Limit 0 is only refused in requests.
    assert!(receive_udp(b"\x60\x45\x00\x01\xd1\x03\x00", DecodeConfig::STRICT).is_ok());
}

#[rustfmt::skip]
static TCP_CASES: &[Case] = &[
    case("TKL 9 without RFC 8974", b"\x09\x01123456789", InvalidTokenLength, 0, Abort, None),
    case("TKL 15", b"\x0f\x01", InvalidTokenLength, 0, Abort, None),
    case("reserved class 1", b"\x00\x21", ReservedCodeClass, 1, Abort, None),
    case("reserved class 6", b"\x10\xc1\x01", ReservedCodeClass, 1, Abort, None),
    case("Empty with a token", b"\x01\x00\x7f", EmptyMessageNotEmpty, 2, Abort, None),
    case("Empty with an option", b"\x10\x00\x60", EmptyMessageNotEmpty, 2, Abort, None),
    case("option length past the frame", b"\x20\x01\xb3ab", OptionValueTruncated, 2, Abort, None),
    case("payload marker with no payload", b"\x10\x45\xff", EmptyPayload, 2, Abort, None),
    case("option delta 15", b"\x20\x01\xf1a", OptionDeltaReserved, 2, Abort, None),
    case("Uri-Path not UTF-8 in a request", b"\x20\x01\xb1\xff", InvalidUtf8Option, 2, BadRequest, Some(11)),
    case("unknown critical option in a request", b"\x20\x01\xd0\x00", UnrecognizedCriticalOption, 2, BadOption, Some(13)),
    case("unknown critical option in a response", b"\x20\x45\xd0\x00", UnrecognizedCriticalOption, 2, Ignore, Some(13)),
    case("Block2 SZX 7 without BERT", b"\x30\x01\xd1\x0a\x07", value(ValueError::ReservedBlockSize), 2, BadRequest, Some(23)),
    case("unknown critical signaling option", b"\x10\xe1\x30", UnknownCriticalSignalingOption, 2, Abort, Some(3)),
    case("Max-Message-Size of 5 bytes", b"\x60\xe1\x25\x01\x00\x00\x00\x00", InvalidSignalingOption, 2, Abort, Some(2)),
    case("Block-Wise-Transfer with a value", b"\x20\xe1\x41\x01", InvalidSignalingOption, 2, Abort, Some(4)),
    case("Max-Message-Size twice", b"\x40\xe1\x21\x10\x01\x20", InvalidSignalingOption, 4, Abort, Some(2)),
    case("signaling code 7.06", b"\x00\xe6", UnknownSignalingCode, 0, Ignore, None),
];

#[test]
fn tcp_frames() {
    for c in TCP_CASES {
        let refused = receive_tcp(c.bytes, &ReliableConfig::default()).expect_err(c.name);
        let e = refused.error;
        c.check(&e);
        // A frame refused after decoding can be skipped; framing errors end the connection.
        match refused.message {
            Some(m) => assert_eq!(m.frame_len(), c.bytes.len(), "{}", c.name),
            None => assert_eq!(e.response(), Abort, "{}", c.name),
        }
    }
}

#[test]
fn frame_larger_than_max_message_size_is_refused_from_its_header() {
    let config = ReliableConfig::with_max_message_size(64);
    // Len 13 + 100: only the first two bytes have arrived.
    let e = decode_tcp(&[0xd0, 100], &config).unwrap_err();
    assert_eq!((e.kind(), e.offset(), e.response()), (FrameTooLarge, 0, Abort));
    // 61 bytes of options and payload plus 3 header bytes is exactly 64: allowed, and incomplete.
    assert_eq!(decode_tcp(&[0xd0, 48, 0x45], &config), Ok(Framed::Incomplete(Needed::Exact(61))));
    assert_eq!(decode_tcp(&[0xd0, 49, 0x45], &config).unwrap_err().kind(), FrameTooLarge);
    // The token counts: Len 12 with an 8-byte token is 22 bytes.
    let small = ReliableConfig::with_max_message_size(21);
    assert_eq!(decode_tcp(&[0xc8], &small).unwrap_err().kind(), FrameTooLarge);
    // The 32-bit extended length at its largest is refused by the base size without overflow.
    let e = decode_tcp(&[0xf0, 0xff, 0xff, 0xff, 0xff], &ReliableConfig::default()).unwrap_err();
    assert_eq!(e.kind(), FrameTooLarge);
    let unlimited = ReliableConfig::with_max_message_size(usize::MAX);
    assert_eq!(
        decode_tcp(&[0xf0, 0xff, 0xff, 0xff, 0xff, 0x45], &unlimited),
        Ok(Framed::Incomplete(Needed::Exact(0xFFFF_FFFF + 65805)))
    );
    // Over WebSockets the message length itself is checked.
    let e = decode_websocket(
        &[0x00, 0x45, 0xff, 0x01, 0x02],
        &ReliableConfig::with_max_message_size(4),
    )
    .unwrap_err();
    assert_eq!(e.kind(), FrameTooLarge);
}

#[test]
fn truncated_extended_lengths_are_incomplete_on_a_stream() {
    let config = ReliableConfig::default();
    assert_eq!(decode_tcp(&[], &config), Ok(Framed::Incomplete(Needed::AtLeast(1))));
    assert_eq!(decode_tcp(&[0xd0], &config), Ok(Framed::Incomplete(Needed::AtLeast(1))));
    assert_eq!(decode_tcp(&[0xe0, 0x00], &config), Ok(Framed::Incomplete(Needed::AtLeast(1))));
    assert_eq!(
        decode_tcp(&[0xf0], &config.clone_with_unlimited()),
        Ok(Framed::Incomplete(Needed::AtLeast(4)))
    );
    // With RFC 8974 tokens, the token's own extension after the code is needed too.
    let ext = ReliableConfig { decode: DecodeConfig::STRICT.extended_tokens(true), ..config };
    assert_eq!(decode_tcp(&[0x0d, 0x01], &ext), Ok(Framed::Incomplete(Needed::AtLeast(1))));
    assert_eq!(decode_tcp(&[0x0d, 0x01, 0x00], &ext), Ok(Framed::Incomplete(Needed::Exact(13))));
}

trait Unlimited {
    fn clone_with_unlimited(&self) -> Self;
}

impl Unlimited for ReliableConfig {
    fn clone_with_unlimited(&self) -> Self {
        Self { max_message_size: usize::MAX, ..*self }
    }
}

#[test]
fn websocket_messages() {
    let config = ReliableConfig::default();
    let cases: [(&[u8], ErrorKind, usize); 5] = [
        (b"", MessageTooShort, 0),
        (b"\x10\x01\x60", WebSocketLengthNotZero, 0),
        (b"\x00", FrameTruncated, 1),
        (b"\x02\x01\x7f", TokenTruncated, 2),
        (b"\x00\x01\xd1", OptionHeaderTruncated, 2),
    ];
    for (bytes, kind, offset) in cases {
        let e = receive_websocket(bytes, &config).unwrap_err().error;
        assert_eq!((e.kind(), e.offset(), e.response()), (kind, offset, Abort), "{bytes:02x?}");
    }
    // BERT is accepted once announced.
    let bert = ReliableConfig { bert: true, ..config };
    let get = b"\x00\x01\xd1\x0a\x07";
    assert!(receive_websocket(get, &bert).is_ok());
    assert_eq!(
        receive_websocket(get, &config).unwrap_err().error.kind(),
        InvalidOptionValue(ValueError::ReservedBlockSize)
    );
}

#[test]
fn writer_reports_short_buffers_and_long_tokens() {
    let mut tiny = [0u8; 2];
    assert_eq!(
        MessageWriter::reliable(&mut tiny, Code::PING, &[1, 2]).unwrap_err(),
        coap_codec::EncodeError::BufferTooSmall { needed: 4 }
    );
    let mut buf = [0u8; 32];
    assert_eq!(
        MessageWriter::reliable(&mut buf, Code::GET, &[0; 9]).unwrap_err(),
        coap_codec::EncodeError::TokenTooLong
    );
    assert_eq!(
        MessageWriter::websocket(&mut buf, Code::GET, &[0; 9]).unwrap_err(),
        coap_codec::EncodeError::TokenTooLong
    );
}

#[test]
fn signaling_option_numbers_on_a_request_are_plain_unknown_options() {
    // Option 2 is Max-Message-Size only in a CSM (RFC 8323 §5.2); on a GET it is an unregistered
    // elective option, ignored, and the request is not a signal.
    let mut buf = [0u8; 32];
    let n = MessageWriter::reliable(&mut buf, Code::GET, &[1])
        .unwrap()
        .uint_option(OptionNumber(2), 1_000_000)
        .unwrap()
        .empty_option(OptionNumber(4))
        .unwrap()
        .finish();
    let Framed::Message(m) = receive_tcp(&buf[..n], &ReliableConfig::default()).unwrap() else {
        panic!()
    };
    assert_eq!(m.signal(), None);
    // Option 4 on a request is ETag, whose length is 1 to 8: elective, so an empty one is ignored too.
    assert_eq!(m.options().count(), 2);
}
