//! The No-Response option (RFC 7967 §2.1): a bit mask of the response classes the client is not
//! interested in.

use crate::error::ValueError;
use crate::Code;

/// A No-Response value: bit `n - 1` set means "no n.xx responses" (RFC 7967 §2.1).
///
/// ```
/// use coap_codec::{Code, NoResponse};
/// // RFC 7967 §2.1: 18 suppresses 2.xx and 5.xx.
/// let nr = NoResponse::decode(&[18]).unwrap();
/// assert!(nr.suppresses(Code::CHANGED));
/// assert!(!nr.suppresses(Code::NOT_FOUND));
/// assert!(nr.suppresses(Code::INTERNAL_SERVER_ERROR));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NoResponse(pub u8);

impl NoResponse {
    /// 0 (empty value): interested in all responses.
    pub const ALL: Self = Self(0);
    /// 2: not interested in 2.xx responses.
    pub const SUCCESS: Self = Self(2);
    /// 8: not interested in 4.xx responses.
    pub const CLIENT_ERROR: Self = Self(8);
    /// 16: not interested in 5.xx responses.
    pub const SERVER_ERROR: Self = Self(16);
    /// 26: not interested in any response RFC 7252 defines; the client may stop listening.
    pub const NONE: Self = Self(26);

    /// Decodes a value of 0 or 1 byte (RFC 7967 §2).
    pub fn decode(value: &[u8]) -> Result<Self, ValueError> {
        match value {
            [] => Ok(Self(0)),
            [b] => Ok(Self(*b)),
            _ => Err(ValueError::Length),
        }
    }

    /// Whether a response with `code` must not be sent: its class bit is set (RFC 7967 §2.1).
    /// Only response classes 1 to 8 have a bit; a request or Empty code is never suppressed.
    pub const fn suppresses(self, code: Code) -> bool {
        let class = code.class();
        code.is_response() && class >= 1 && self.0 & (1 << (class - 1)) != 0
    }

    /// The same mask with the bits for `other` added.
    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}
