//! Property tests: any message the writer accepts decodes to exactly what was written, `encoded_len`
//! is exact, re-encoding a decoded message gives the same bytes, and no input makes decode panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{CoapOption, Code, DecodeConfig, Message, MessageParts, OptionNumber, Type};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Owned {
    ty: Type,
    code: Code,
    mid: u16,
    token: Vec<u8>,
    options: Vec<(u16, Vec<u8>)>,
    payload: Vec<u8>,
}

fn code_for(ty: Type) -> impl Strategy<Value = Code> {
    // Only type/code pairs RFC 7252 §4 allows; class 0 detail 0 only where Empty is allowed.
    let request = (1u8..32).prop_map(|d| Code::new(0, d));
    let response = (2u8..6, 0u8..32).prop_map(|(c, d)| Code::new(c, d));
    match ty {
        Type::Confirmable | Type::NonConfirmable => prop_oneof![request, response].boxed(),
        Type::Acknowledgement => response.boxed(),
        Type::Reset => Just(Code::EMPTY).boxed(),
    }
}

fn value() -> impl Strategy<Value = Vec<u8>> {
    // Mostly short values, sometimes past the 13 and 269 extension thresholds.
    prop_oneof![
        8 => proptest::collection::vec(any::<u8>(), 0..13),
        2 => proptest::collection::vec(any::<u8>(), 13..300),
    ]
}

fn message() -> impl Strategy<Value = Owned> {
    prop_oneof![
        Just(Type::Confirmable),
        Just(Type::NonConfirmable),
        Just(Type::Acknowledgement),
        Just(Type::Reset)
    ]
    .prop_flat_map(|ty| {
        let empty = ty == Type::Reset;
        (
            Just(ty),
            code_for(ty),
            any::<u16>(),
            proptest::collection::vec(any::<u8>(), 0..=8),
            // Up to 24 options, past the 16 a decoded message indexes. Even (elective) numbers outside the registered string options (8, 20), so any bytes are valid.
            proptest::collection::vec(
                (prop_oneof![0u16..3, 60u16..2000, 2000u16..=65535].prop_map(|n| n & !1), value()),
                0..24,
            ),
            proptest::collection::vec(any::<u8>(), 0..80),
        )
            .prop_map(move |(ty, code, mid, token, mut options, payload)| {
                options.sort_by_key(|(n, _)| *n);
                if empty {
                    Owned { ty, code, mid, token: vec![], options: vec![], payload: vec![] }
                } else {
                    Owned { ty, code, mid, token, options, payload }
                }
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn decode_of_encode_is_identity(m in message()) {
        let opts: Vec<CoapOption<'_>> = m.options.iter().map(|(n, v)| CoapOption::new(OptionNumber(*n), v)).collect();
        let parts = MessageParts { message_type: m.ty, code: m.code, message_id: m.mid, token: &m.token, options: &opts, payload: &m.payload };
        let mut buf = vec![0u8; parts.encoded_len()];
        let n = parts.encode(&mut buf).unwrap();
        prop_assert_eq!(n, parts.encoded_len());
        // One byte less is a full-buffer error naming at most the real length.
        if n > 0 {
            let mut short = vec![0u8; n - 1];
            let err = parts.encode(&mut short).unwrap_err();
            let named_exact = matches!(err, coap_codec::EncodeError::BufferTooSmall { needed } if needed <= n && needed > n - 1);
            prop_assert!(named_exact, "{:?}", err);
        }
        let d = Message::decode(&buf).unwrap();
        prop_assert_eq!(d.message_type(), m.ty);
        prop_assert_eq!(d.code(), m.code);
        prop_assert_eq!(d.message_id(), m.mid);
        prop_assert_eq!(d.token(), &m.token[..]);
        prop_assert_eq!(d.options().collect::<Vec<_>>(), opts);
        prop_assert_eq!(d.payload(), &m.payload[..]);
        prop_assert_eq!(d.encoded_len(), n);
        let mut again = vec![0u8; n];
        prop_assert_eq!(d.encode(&mut again).unwrap(), n);
        prop_assert_eq!(again, buf);
    }

    #[test]
    fn decode_never_panics_and_reencodes_what_it_accepts(bytes in proptest::collection::vec(any::<u8>(), 0..96), ext in any::<bool>()) {
        let cfg = DecodeConfig::STRICT.extended_tokens(ext);
        if let Ok(m) = Message::decode_with(&bytes, cfg) {
            let _ = m.check_options();
            let mut out = vec![0u8; m.encoded_len()];
            prop_assert_eq!(m.encode(&mut out).unwrap(), bytes.len());
            prop_assert_eq!(out, bytes);
        }
    }
}
