//! The OSCORE option value (RFC 8613 §6.1): flag bits, Partial IV, kid context and kid, borrowed from
//! the message. Only the encoding; the cryptography is the OSCORE layer's business.

use crate::error::ValueError;

/// The parts of an OSCORE option value.
///
/// ```
/// use coap_codec::OscoreOption;
/// // RFC 8613 §6.3, example 3: Partial IV 0x05, empty kid, kid context 0x44616c656b.
/// let v = OscoreOption::decode(&[0x19, 0x05, 0x05, 0x44, 0x61, 0x6c, 0x65, 0x6b]).unwrap();
/// assert_eq!(v.partial_iv(), &[0x05]);
/// assert_eq!(v.kid_context(), Some(&b"Dalek"[..]));
/// assert_eq!(v.kid(), Some(&[][..]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OscoreOption<'a> {
    partial_iv: &'a [u8],
    kid_context: Option<&'a [u8]>,
    kid: Option<&'a [u8]>,
}

/// Flag bit: a kid follows (RFC 8613 §6.1, "k").
const KID_FLAG: u8 = 0x08;
/// Flag bit: a kid context follows (RFC 8613 §6.1, "h").
const KID_CONTEXT_FLAG: u8 = 0x10;
/// The three high bits are reserved and make the message malformed when set (RFC 8613 §6.1).
const RESERVED_FLAGS: u8 = 0xE0;
/// Longest Partial IV; lengths 6 and 7 are reserved (RFC 8613 §6.1).
pub const MAX_PARTIAL_IV: usize = 5;

impl<'a> OscoreOption<'a> {
    /// An option value from its parts; `None` when the Partial IV is longer than 5 bytes or the kid
    /// context longer than 255.
    pub fn new(
        partial_iv: &'a [u8],
        kid_context: Option<&'a [u8]>,
        kid: Option<&'a [u8]>,
    ) -> Option<Self> {
        if partial_iv.len() > MAX_PARTIAL_IV || kid_context.is_some_and(|c| c.len() > 255) {
            return None;
        }
        Some(Self { partial_iv, kid_context, kid })
    }

    /// Decodes a value, checking every rule of RFC 8613 §6.1 and the empty-value rule of §2.
    pub fn decode(value: &'a [u8]) -> Result<Self, ValueError> {
        let Some((&flags, rest)) = value.split_first() else {
            return Ok(Self::default());
        };
        if flags & RESERVED_FLAGS != 0 {
            return Err(ValueError::OscoreReservedFlags);
        }
        if flags == 0 && rest.is_empty() {
            return Err(ValueError::OscoreZeroFlags);
        }
        let n = usize::from(flags & 0x07);
        if n > MAX_PARTIAL_IV {
            return Err(ValueError::OscoreReservedPartialIvLength);
        }
        let (partial_iv, rest) = rest.split_at_checked(n).ok_or(ValueError::OscoreTruncated)?;
        let (kid_context, rest) = if flags & KID_CONTEXT_FLAG != 0 {
            let (&s, rest) = rest.split_first().ok_or(ValueError::OscoreTruncated)?;
            let (ctx, rest) =
                rest.split_at_checked(usize::from(s)).ok_or(ValueError::OscoreTruncated)?;
            (Some(ctx), rest)
        } else {
            (None, rest)
        };
        let kid = if flags & KID_FLAG != 0 {
            Some(rest)
        } else if rest.is_empty() {
            None
        } else {
            return Err(ValueError::OscoreTrailingBytes);
        };
        Ok(Self { partial_iv, kid_context, kid })
    }

    /// The Partial IV (sender sequence number), empty when absent.
    pub const fn partial_iv(&self) -> &'a [u8] {
        self.partial_iv
    }

    /// The kid context (ID Context), when the h flag is set.
    pub const fn kid_context(&self) -> Option<&'a [u8]> {
        self.kid_context
    }

    /// The kid (Sender ID), when the k flag is set; it may be empty.
    pub const fn kid(&self) -> Option<&'a [u8]> {
        self.kid
    }

    /// The flag byte.
    pub const fn flags(&self) -> u8 {
        let mut f = self.partial_iv.len() as u8;
        if self.kid.is_some() {
            f |= KID_FLAG;
        }
        if self.kid_context.is_some() {
            f |= KID_CONTEXT_FLAG;
        }
        f
    }

    /// Length of the encoded value: empty when every flag is clear (RFC 8613 §2).
    pub fn encoded_len(&self) -> usize {
        if self.flags() == 0 {
            return 0;
        }
        1 + self.partial_iv.len()
            + self.kid_context.map_or(0, |c| 1 + c.len())
            + self.kid.map_or(0, <[u8]>::len)
    }

    /// Writes the value into `dst`; returns its length, or `None` when `dst` is too short.
    pub fn encode(&self, dst: &mut [u8]) -> Option<usize> {
        let len = self.encoded_len();
        let mut out = dst.get_mut(..len)?;
        if len == 0 {
            return Some(0);
        }
        let ctx_len = self.kid_context.map(|c| [c.len() as u8]);
        let parts: [&[u8]; 5] = [
            &[self.flags()],
            self.partial_iv,
            ctx_len.as_ref().map_or(&[][..], |l| &l[..]),
            self.kid_context.unwrap_or_default(),
            self.kid.unwrap_or_default(),
        ];
        for part in parts {
            let (head, tail) = out.split_at_mut_checked(part.len())?;
            head.copy_from_slice(part);
            out = tail;
        }
        Some(len)
    }
}
