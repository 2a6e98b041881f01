//! Two round trips. From raw bytes: decode, encode, decode gives the same message and the same bytes.
//! From an `arbitrary` message: encode, decode gives it back, and `encoded_len` is exact.
#![no_main]

use arbitrary::Arbitrary;
use coap_codec::{CoapOption, Code, ErrorKind, Message, MessageParts, OptionNumber, Type};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    raw: &'a [u8],
    ty: u8,
    code: u8,
    mid: u16,
    token: &'a [u8],
    options: Vec<(u16, &'a [u8])>,
    payload: &'a [u8],
}

fuzz_target!(|input: Input<'_>| {
    // Bytes -> decode -> encode -> decode.
    if let Ok(m) = Message::decode(input.raw) {
        let mut buf = vec![0u8; m.encoded_len()];
        let n = m.encode(&mut buf).expect("a decoded message re-encodes");
        assert_eq!(&buf[..n], input.raw);
        assert_eq!(Message::decode(&buf[..n]).expect("re-decodes"), m);
    }

    // Structure -> encode -> decode.
    let mut options: Vec<_> =
        input.options.iter().map(|(n, v)| CoapOption::new(OptionNumber(*n), v)).collect();
    options.sort_by_key(|o| o.number());
    let parts = MessageParts {
        message_type: Type::from_bits(input.ty),
        code: Code(input.code),
        message_id: input.mid,
        token: &input.token[..input.token.len().min(8)],
        options: &options,
        payload: input.payload,
    };
    let mut buf = vec![0u8; parts.encoded_len()];
    let Ok(n) = parts.encode(&mut buf) else { return };
    assert_eq!(n, parts.encoded_len());
    // The writer does not judge type/code pairs or option contents; the decoder does. What it accepts
    // must be exactly what was written.
    match Message::decode(&buf[..n]) {
        Err(e) => assert!(
            matches!(
                e.kind(),
                ErrorKind::TypeCodeMismatch
                    | ErrorKind::ReservedCodeClass
                    | ErrorKind::EmptyMessageNotEmpty
                    | ErrorKind::InvalidUtf8Option
            ),
            "the writer produced a malformed message: {e}"
        ),
        Ok(m) => {
            assert_eq!(
                (m.message_type(), m.code(), m.message_id()),
                (parts.message_type, parts.code, parts.message_id)
            );
            assert_eq!(m.token(), parts.token);
            assert!(m.options().eq(options.iter().copied()));
            assert_eq!(m.payload(), parts.payload);
        }
    }
});
