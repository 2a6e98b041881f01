//! CoAP over WebSockets (RFC 8323 §4.2): any message decodes or fails without panicking, with an
//! offset inside it; what decodes re-encodes to the same bytes and passes through the TCP framing
//! unchanged.
#![no_main]

use coap_codec::{
    decode_tcp, decode_websocket, receive_websocket, DecodeConfig, Framed, ReliableConfig,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, data)) = data.split_first() else { return };
    let config = ReliableConfig {
        decode: DecodeConfig::STRICT
            .extended_tokens(selector & 1 != 0)
            .lenient_utf8(selector & 2 != 0),
        max_message_size: usize::MAX,
        bert: selector & 4 != 0,
    };
    let _ = receive_websocket(data, &config);
    match decode_websocket(data, &config) {
        Err(e) => assert!(e.offset() <= data.len()),
        Ok(m) => {
            assert_eq!(m.frame_len(), data.len());
            let mut buf = vec![0u8; data.len() + 8];
            let n = m.encode_websocket(&mut buf).expect("re-encodes");
            assert_eq!(&buf[..n], data);
            let t = m.encode_tcp(&mut buf).expect("encodes as TCP");
            let Ok(Framed::Message(tcp)) = decode_tcp(&buf[..t], &config) else {
                panic!("the TCP form does not decode");
            };
            assert_eq!(
                (tcp.code(), tcp.token(), tcp.option_bytes(), tcp.payload()),
                (m.code(), m.token(), m.option_bytes(), m.payload())
            );
            let _ = m.signal();
        }
    }
});
