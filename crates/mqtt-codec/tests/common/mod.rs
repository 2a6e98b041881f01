//! Building packet bytes by hand for the tests (so that decoding is checked against bytes that do not
//! come from this crate's encoder).
#![allow(dead_code, clippy::unwrap_used, clippy::indexing_slicing)]

/// A packet from its first byte and body: the Remaining Length is computed.
pub(crate) fn pkt(first: u8, body: &[u8]) -> Vec<u8> {
    let mut v = vec![first];
    let mut len = body.len();
    loop {
        let mut b = (len % 128) as u8;
        len /= 128;
        if len > 0 {
            b |= 0x80;
        }
        v.push(b);
        if len == 0 {
            break;
        }
    }
    v.extend_from_slice(body);
    v
}

pub(crate) fn s(text: &str) -> Vec<u8> {
    let mut v = (text.len() as u16).to_be_bytes().to_vec();
    v.extend_from_slice(text.as_bytes());
    v
}

pub(crate) fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}
