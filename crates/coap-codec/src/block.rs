//! The Block1, Block2, Q-Block1 and Q-Block2 option value: block number, more flag and size exponent
//! (RFC 7959 §2.2, RFC 9177 §4, BERT in RFC 8323 §6).

use crate::error::ValueError;
use crate::wire;

/// Largest block number: the value is at most 3 bytes, of which 4 bits are M and SZX (RFC 7959 §2.2).
pub const MAX_BLOCK_NUM: u32 = (1 << 20) - 1;

/// The SZX of a BERT option (RFC 8323 §6): reserved in RFC 7959, 1024-byte units over reliable
/// transports.
pub const BERT_SZX: u8 = 7;

/// A decoded block option value.
///
/// ```
/// use coap_codec::BlockValue;
/// // RFC 8323 §6: "a Block1 Option value of 59 would be shown as 1:3/1/128".
/// let b = BlockValue::decode(&[59], false).unwrap();
/// assert_eq!((b.num(), b.more(), b.size()), (3, true, 128));
/// assert_eq!(b.offset(), 384);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockValue {
    num: u32,
    more: bool,
    szx: u8,
}

impl BlockValue {
    /// A block value, or `None` when `num` exceeds 20 bits or `szx` exceeds 7.
    pub const fn new(num: u32, more: bool, szx: u8) -> Option<Self> {
        if num > MAX_BLOCK_NUM || szx > BERT_SZX {
            return None;
        }
        Some(Self { num, more, szx })
    }

    /// Decodes an option value of 0 to 3 bytes. SZX 7 is refused unless `bert` (a reliable transport
    /// whose peer announced BERT, RFC 8323 §6); RFC 7959 §2.2 answers it with 4.00 in a request.
    pub fn decode(value: &[u8], bert: bool) -> Result<Self, ValueError> {
        if value.len() > 3 {
            return Err(ValueError::Length);
        }
        let raw = wire::read_uint(value).unwrap_or(0) as u32;
        Self::from_uint(raw, bert)
    }

    /// The value for a uint already read from the option (at most 24 bits).
    pub fn from_uint(raw: u32, bert: bool) -> Result<Self, ValueError> {
        if raw > 0x00FF_FFFF {
            return Err(ValueError::Length);
        }
        let szx = (raw & 7) as u8;
        if szx == BERT_SZX && !bert {
            return Err(ValueError::ReservedBlockSize);
        }
        Ok(Self { num: raw >> 4, more: raw & 8 != 0, szx })
    }

    /// The block number (NUM).
    pub const fn num(&self) -> u32 {
        self.num
    }

    /// The more flag (M).
    pub const fn more(&self) -> bool {
        self.more
    }

    /// The size exponent (SZX), 0 to 7.
    pub const fn szx(&self) -> u8 {
        self.szx
    }

    /// Whether this is a BERT option (SZX 7, RFC 8323 §6).
    pub const fn is_bert(&self) -> bool {
        self.szx == BERT_SZX
    }

    /// The block size `2**(SZX + 4)`; BERT counts in 1024-byte units, like SZX 6.
    pub const fn size(&self) -> usize {
        size_of_szx(self.szx)
    }

    /// Byte position of the block's first byte: `NUM * size` (RFC 7959 §2.2).
    pub const fn offset(&self) -> usize {
        self.num as usize * self.size()
    }

    /// The option value as a uint: `NUM << 4 | M << 3 | SZX`.
    pub const fn to_uint(&self) -> u32 {
        (self.num << 4) | ((self.more as u32) << 3) | self.szx as u32
    }

    /// The minimal wire form of the value (RFC 7252 §3.2): up to 3 bytes.
    pub fn encode(&self) -> ([u8; 3], usize) {
        let (bytes, start) = wire::minimal_uint(u64::from(self.to_uint()));
        let len = 8 - start;
        let mut out = [0u8; 3];
        if let (Some(dst), Some(src)) = (out.get_mut(..len), bytes.get(start..)) {
            dst.copy_from_slice(src);
        }
        (out, len)
    }
}

/// The block size for an SZX; BERT (7) counts 1024-byte units.
pub(crate) const fn size_of_szx(szx: u8) -> usize {
    if szx >= BERT_SZX {
        1024
    } else {
        1 << (szx + 4)
    }
}
