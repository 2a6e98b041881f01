//! Variable Byte Integers: the Remaining Length and v5 property lengths (MQTT 5.0 §1.5.5, 3.1.1
//! §2.2.3): 7 bits per byte, least significant first, at most 4 bytes, shortest form [MQTT-1.5.5-1].

use crate::error::{DecodeError, EncodeError, ErrorKind};

/// The largest value four bytes can carry.
pub const MAX_VARINT: u32 = 268_435_455;

/// The result of reading a Variable Byte Integer from a possibly partial buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarInt {
    /// The value and how many bytes it used.
    Complete(u32, usize),
    /// The buffer ends inside the integer: at least one more byte is needed.
    Incomplete,
}

/// Reads a Variable Byte Integer from the start of `bytes`.
#[inline]
pub fn read_varint(bytes: &[u8]) -> Result<VarInt, DecodeError> {
    let mut value = 0u32;
    for (i, &b) in bytes.iter().enumerate().take(4) {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            // A last byte of 0 after a continuation byte means a shorter form existed.
            if b == 0 && i > 0 {
                return Err(DecodeError::new(ErrorKind::VarIntNotMinimal, i));
            }
            return Ok(VarInt::Complete(value, i + 1));
        }
    }
    if bytes.len() >= 4 {
        return Err(DecodeError::new(ErrorKind::VarIntTooLong, 3));
    }
    Ok(VarInt::Incomplete)
}

/// Number of bytes `value` takes (1 to 4); values above [`MAX_VARINT`] count as 4.
#[inline]
pub const fn varint_len(value: u32) -> usize {
    match value {
        0..=127 => 1,
        128..=16_383 => 2,
        16_384..=2_097_151 => 3,
        _ => 4,
    }
}

/// Writes `value` at the start of `out`; returns the number of bytes written.
#[inline]
pub fn write_varint(value: u32, out: &mut [u8]) -> Result<usize, EncodeError> {
    if value > MAX_VARINT {
        return Err(EncodeError::VarIntTooLarge);
    }
    let len = varint_len(value);
    let dst = out.get_mut(..len).ok_or(EncodeError::BufferTooSmall { needed: len })?;
    let mut v = value;
    for (i, d) in dst.iter_mut().enumerate() {
        let more = i + 1 < len;
        *d = (v & 0x7f) as u8 | if more { 0x80 } else { 0 };
        v >>= 7;
    }
    Ok(len)
}
