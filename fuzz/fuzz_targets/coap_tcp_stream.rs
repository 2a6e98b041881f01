//! CoAP over TCP stream decoding (RFC 8323 §3.2): the same bytes decoded whole and arriving one byte
//! at a time give the same frames and the same error; `Needed::Exact` is exact; every frame decoded
//! re-encodes to the same bytes; the receive entry point never panics.
#![no_main]

use coap_codec::{decode_tcp, receive_tcp, DecodeConfig, Framed, Needed, ReliableConfig};
use libfuzzer_sys::fuzz_target;

/// Frames from the start of `data` until an error or the end: (frame bytes, debug view), error.
fn run(config: &ReliableConfig, data: &[u8]) -> (Vec<Vec<u8>>, Option<String>) {
    let mut at = 0;
    let mut frames = Vec::new();
    loop {
        match decode_tcp(&data[at..], config) {
            Ok(Framed::Message(m)) => {
                let used = m.frame_len();
                assert!(used > 0 && at + used <= data.len());
                let frame = &data[at..at + used];
                let mut again = vec![0u8; used + 8];
                let n = m.encode_tcp(&mut again).expect("a decoded frame re-encodes");
                assert_eq!(&again[..n], frame, "re-encoding changed the frame");
                frames.push(frame.to_vec());
                let _ = receive_tcp(frame, config);
                let _ = m.signal();
                at += used;
            }
            Ok(Framed::Incomplete(Needed::Exact(n))) => {
                assert!(n > 0);
                return (frames, None);
            }
            Ok(Framed::Incomplete(Needed::AtLeast(n))) => {
                assert!(n > 0);
                return (frames, None);
            }
            Err(e) => {
                assert!(e.offset() <= data.len() - at, "offset {} past the frame", e.offset());
                return (frames, Some(format!("{e:?}")));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, data)) = data.split_first() else { return };
    let config = ReliableConfig {
        decode: DecodeConfig::STRICT.extended_tokens(selector & 1 != 0),
        max_message_size: if selector & 2 != 0 { 1152 } else { usize::MAX },
        bert: selector & 4 != 0,
    };
    let whole = run(&config, data);
    let mut buf: Vec<u8> = Vec::new();
    let mut frames = Vec::new();
    let mut error = None;
    let mut promised: Option<usize> = None;
    'outer: for &b in data {
        buf.push(b);
        if let Some(p) = promised.as_mut() {
            *p -= 1;
        }
        loop {
            match decode_tcp(&buf, &config) {
                Ok(Framed::Message(m)) => {
                    // A frame completes exactly when the promised bytes have arrived.
                    assert!(promised.is_none_or(|p| p == 0), "frame before the promised length");
                    promised = None;
                    let used = m.frame_len();
                    frames.push(buf[..used].to_vec());
                    buf.drain(..used);
                }
                Ok(Framed::Incomplete(Needed::Exact(n))) => {
                    assert!(promised.is_none_or(|p| p == n), "the exact count changed");
                    promised = Some(n);
                    break;
                }
                Ok(Framed::Incomplete(Needed::AtLeast(_))) => break,
                Err(e) => {
                    error = Some(format!("{e:?}"));
                    break 'outer;
                }
            }
        }
    }
    assert_eq!(frames, whole.0);
    assert_eq!(error, whole.1);
});
