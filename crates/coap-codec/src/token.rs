//! The token and its length field: 0 to 8 bytes in RFC 7252 §3, extended to 65804 bytes by RFC 8974
//! §2.1 (TKL 13 and 14 are followed by one or two length bytes, the same scheme as option lengths).

use crate::error::{DecodeError, ErrorKind, Response};
use crate::wire::{self, ExtError};

/// Longest token RFC 7252 allows.
pub(crate) const MAX_TOKEN: usize = 8;
/// Longest token RFC 8974 allows: 269 + 65535.
pub(crate) const MAX_EXTENDED_TOKEN: usize = wire::MAX_EXTENDED;

/// Splits the token off the bytes after the fixed header. `tkl` is the TKL nibble.
#[inline]
pub(crate) fn split(
    tkl: u8,
    rest: &[u8],
    extended: bool,
    reject: Response,
) -> Result<(&[u8], &[u8]), DecodeError> {
    let (len, rest) = if usize::from(tkl) <= MAX_TOKEN {
        (usize::from(tkl), rest)
    } else if !extended {
        return Err(DecodeError::new(ErrorKind::InvalidTokenLength, 0, reject));
    } else {
        // The token length uses the same nibble extension as option lengths (RFC 8974 §2.1).
        wire::read_ext(tkl, rest).map_err(|e| match e {
            ExtError::Reserved => DecodeError::new(ErrorKind::InvalidTokenLength, 0, reject),
            ExtError::Truncated => DecodeError::new(ErrorKind::TokenTruncated, 4, reject),
        })?
    };
    rest.split_at_checked(len).ok_or(DecodeError::new(ErrorKind::TokenTruncated, 4, reject))
}

/// The TKL nibble and extension bytes for a token of `len` bytes; `None` when it is too long.
pub(crate) fn encode_len(len: usize, extended: bool) -> Option<([u8; 3], usize)> {
    let max = if extended { MAX_EXTENDED_TOKEN } else { MAX_TOKEN };
    if len > max {
        return None;
    }
    // The same nibble and extension bytes as an option length (RFC 8974 §2.1).
    let (nibble, ext) = wire::nibble(len);
    let bytes = match ext {
        0 => [nibble, 0, 0],
        1 => [nibble, (len - 13) as u8, 0],
        _ => {
            let [hi, lo] = ((len - 269) as u16).to_be_bytes();
            [nibble, hi, lo]
        }
    };
    Some((bytes, 1 + ext))
}
