//! The option header on the wire: a delta nibble and a length nibble, each extended by 0, 1 or 2 bytes
//! (RFC 7252 §3.1). Shared by the decoder, the option iterator and the writer.

/// Nibble value announcing a one-byte extension holding `value - 13`.
pub(crate) const EXT8: u8 = 13;
/// Nibble value announcing a two-byte extension holding `value - 269`.
pub(crate) const EXT16: u8 = 14;
/// The byte that separates options from the payload (RFC 7252 §3).
pub(crate) const PAYLOAD_MARKER: u8 = 0xFF;
/// The largest delta or length the 2-byte extension can express: 269 + 65535.
pub(crate) const MAX_EXTENDED: usize = 269 + 0xFFFF;

/// Why an extended field could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExtError {
    /// Nibble 15.
    Reserved,
    /// The extension bytes are missing.
    Truncated,
}

/// Reads the value a nibble announces, taking its extension bytes from the front of `rest`.
#[inline]
pub(crate) fn read_ext(nibble: u8, rest: &[u8]) -> Result<(usize, &[u8]), ExtError> {
    match nibble {
        0..=12 => Ok((usize::from(nibble), rest)),
        EXT8 => match rest {
            [b, tail @ ..] => Ok((usize::from(*b) + 13, tail)),
            [] => Err(ExtError::Truncated),
        },
        EXT16 => match rest {
            [hi, lo, tail @ ..] => Ok((usize::from(u16::from_be_bytes([*hi, *lo])) + 269, tail)),
            _ => Err(ExtError::Truncated),
        },
        _ => Err(ExtError::Reserved),
    }
}

/// The nibble for `value` and the number of extension bytes it needs.
#[inline(always)]
pub(crate) const fn nibble(value: usize) -> (u8, usize) {
    if value < 13 {
        (value as u8, 0)
    } else if value < 269 {
        (EXT8, 1)
    } else {
        (EXT16, 2)
    }
}

/// Length of the header of an option with this delta and value length.
#[inline(always)]
pub(crate) const fn header_len(delta: usize, len: usize) -> usize {
    1 + nibble(delta).1 + nibble(len).1
}

/// Writes an option header into `dst`, which is exactly [`header_len`] bytes long: the two nibbles,
/// then the delta's extension bytes and the length's. One loop over the two fields, so that the
/// size-optimised build keeps one copy of the extension code (the speed build unrolls it).
#[inline(always)]
pub(crate) fn write_header(dst: &mut [u8], delta: usize, len: usize) {
    let Some((first, ext)) = dst.split_first_mut() else { return };
    let mut out = ext.iter_mut();
    let mut nibbles = 0u8;
    for (value, shift) in [(delta, 4), (len, 0)] {
        let (nibble, bytes) = nibble(value);
        nibbles |= nibble << shift;
        // `value - 269` in two bytes or `value - 13` in one, big-endian (RFC 7252 §3.1).
        if bytes == 2 {
            let [hi, lo] = (value.wrapping_sub(269) as u16).to_be_bytes();
            if let (Some(a), Some(b)) = (out.next(), out.next()) {
                (*a, *b) = (hi, lo);
            }
        } else if bytes == 1 {
            if let Some(a) = out.next() {
                *a = value.wrapping_sub(13) as u8;
            }
        }
    }
    *first = nibbles;
}

/// Big-endian unsigned integer of up to 8 bytes (RFC 7252 §3.2 `uint`); `None` for longer values.
#[inline]
pub(crate) fn read_uint(value: &[u8]) -> Option<u64> {
    if value.len() > 8 {
        return None;
    }
    Some(value.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
}

/// The minimal big-endian form of `value`: no leading zero bytes, zero is the empty string
/// (RFC 7252 §3.2). Returns the 8-byte array and the offset where the value starts.
#[inline]
pub(crate) const fn minimal_uint(value: u64) -> ([u8; 8], usize) {
    let skip = (value.leading_zeros() / 8) as usize;
    (value.to_be_bytes(), skip)
}

#[cfg(test)]
mod tests {
    use super::{header_len, read_ext, write_header, MAX_EXTENDED};

    #[test]
    fn headers_read_back_as_written_at_every_size_boundary() {
        let values = [0, 1, 12, 13, 14, 268, 269, 270, 1000, MAX_EXTENDED - 1, MAX_EXTENDED];
        for delta in values {
            for len in values {
                let mut buf = [0xAAu8; 5];
                let n = header_len(delta, len);
                write_header(&mut buf[..n], delta, len);
                let (d, rest) = read_ext(buf[0] >> 4, &buf[1..n]).unwrap();
                let (l, rest) = read_ext(buf[0] & 0x0f, rest).unwrap();
                assert_eq!((d, l, rest.len()), (delta, len, 0), "delta {delta} len {len}");
                assert!(buf[n..].iter().all(|&b| b == 0xAA), "wrote past the header");
            }
        }
    }
}
