//! The Observe option (RFC 7641 §2): register and deregister in requests, a 24-bit sequence number in
//! notifications, and the freshness rule of §3.4.

use crate::error::ValueError;
use crate::wire;

/// What an Observe option in a GET or FETCH request asks for (RFC 7641 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObserveRequest {
    /// 0: add the client to the list of observers.
    Register,
    /// 1: remove the client from the list of observers.
    Deregister,
}

impl ObserveRequest {
    /// The action for a request's Observe value; `None` for values RFC 7641 gives no meaning in a
    /// request, which a server treats as if the (elective) option were absent.
    pub const fn from_value(value: u32) -> Option<Self> {
        match value {
            0 => Some(Self::Register),
            1 => Some(Self::Deregister),
            _ => None,
        }
    }

    /// The option value to send.
    pub const fn value(self) -> u32 {
        match self {
            Self::Register => 0,
            Self::Deregister => 1,
        }
    }
}

/// Largest Observe value: the option carries the 24 low bits of a sequence number (RFC 7641 §3.4).
pub const MAX_OBSERVE: u32 = (1 << 24) - 1;

/// Decodes an Observe value of 0 to 3 bytes (RFC 7641 §2).
pub fn decode_observe(value: &[u8]) -> Result<u32, ValueError> {
    if value.len() > 3 {
        return Err(ValueError::Length);
    }
    Ok(wire::read_uint(value).unwrap_or(0) as u32)
}

/// Seconds after which a notification is fresher whatever its sequence number (RFC 7641 §3.4).
pub const FRESHNESS_WINDOW_SECS: u64 = 128;

/// Whether a notification with Observe value `v2`, received at `t2` seconds, is fresher than the
/// freshest so far, `v1` received at `t1` (RFC 7641 §3.4): `v2` is after `v1` in 24-bit serial number
/// arithmetic, or more than 128 seconds have passed. Values above 24 bits are reduced to 24 bits.
///
/// ```
/// use coap_codec::observe_is_fresher;
/// assert!(observe_is_fresher(5, 0, 6, 1));
/// assert!(!observe_is_fresher(6, 0, 5, 1));
/// assert!(observe_is_fresher(0xFF_FFFF, 0, 0, 1)); // wrap-around
/// assert!(observe_is_fresher(6, 0, 5, 129)); // 128 seconds later, anything goes
/// ```
pub const fn observe_is_fresher(v1: u32, t1: u64, v2: u32, t2: u64) -> bool {
    const HALF: u32 = 1 << 23;
    let (v1, v2) = (v1 & MAX_OBSERVE, v2 & MAX_OBSERVE);
    (v1 < v2 && v2 - v1 < HALF)
        || (v1 > v2 && v1 - v2 > HALF)
        || t2 > t1.saturating_add(FRESHNESS_WINDOW_SECS)
}
