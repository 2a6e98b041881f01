//! The control packets (MQTT 5.0 §3, 3.1.1 §3): borrowed views decoded from a [`crate::Frame`].

mod ack;
mod code_set;
mod connack;
mod connect;
mod disconnect;
mod publish;
mod subscribe;
mod unsubscribe;

pub use ack::{Ack, AckKind};
pub use connack::Connack;
pub use connect::{Connect, Will};
pub use disconnect::{Auth, Disconnect};
pub use publish::Publish;
pub use subscribe::{RetainHandling, Suback, Subscribe, SubscriptionOptions, Subscriptions};
pub use unsubscribe::{Unsuback, Unsubscribe, UnsubscribeFilters};

/// Quality of Service (MQTT 5.0 §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QoS {
    /// At most once.
    AtMostOnce = 0,
    /// At least once.
    AtLeastOnce = 1,
    /// Exactly once.
    ExactlyOnce = 2,
}

impl QoS {
    /// The QoS for 0, 1 or 2.
    pub const fn from_bits(bits: u8) -> Option<Self> {
        match bits {
            0 => Some(Self::AtMostOnce),
            1 => Some(Self::AtLeastOnce),
            2 => Some(Self::ExactlyOnce),
            _ => None,
        }
    }
}

pub(crate) use code_set::CodeSet;

use crate::error::{DecodeError, ErrorKind};
use crate::reader::Reader;
use crate::topic::check_filter_rules;

/// A Packet Identifier, which must not be 0 [MQTT-2.2.1-3].
pub(crate) fn packet_id(r: &mut Reader<'_>) -> Result<u16, DecodeError> {
    let at = r.offset();
    match r.u16()? {
        0 => Err(DecodeError::new(ErrorKind::ZeroPacketIdentifier, at)),
        id => Ok(id),
    }
}

/// Checks the Topic Filters of a SUBSCRIBE or UNSUBSCRIBE payload (at offset `at` in the packet)
/// in one walk: each filter's length, UTF-8 and rules, then `after` reads what follows the filter (the
/// Subscription Options of SUBSCRIBE), told whether the filter is a shared subscription. Returns the
/// payload as `&str` when it is UTF-8 from end to end, which settles the UTF-8 of every filter at
/// once (see [`Reader::utf8_in`]). Inlined into both decoders, so the walk and the plain-filter checks
/// run as one loop.
#[inline(always)]
pub(crate) fn check_filter_list<'a>(
    payload: &'a [u8],
    at: usize,
    mut after: impl FnMut(&mut Reader<'a>, bool) -> Result<(), DecodeError>,
) -> Result<Option<&'a str>, DecodeError> {
    let text = core::str::from_utf8(payload).ok();
    let mut r = Reader::new(payload, at);
    while !r.is_empty() {
        let filter_at = r.offset() + 2;
        let filter = r.utf8_in(text)?.as_bytes();
        let shared = check_filter_rules(filter).map_err(|e| e.shifted(filter_at))?.is_some();
        after(&mut r, shared)?;
    }
    Ok(text)
}

/// Fails when bytes are left after the last field.
pub(crate) fn finish(r: &Reader<'_>) -> Result<(), DecodeError> {
    if r.is_empty() {
        Ok(())
    } else {
        Err(r.error(ErrorKind::TrailingBytes))
    }
}

/// The reason codes that end a SUBACK or UNSUBACK (one per Topic Filter), each checked against
/// `allowed`; an error points at the first code that is not.
pub(crate) fn reason_code_list<'a>(
    r: &mut Reader<'a>,
    allowed: impl Fn(u8) -> bool,
) -> Result<&'a [u8], DecodeError> {
    let at = r.offset();
    let codes = r.rest();
    match codes.iter().position(|&c| !allowed(c)) {
        Some(i) => Err(DecodeError::new(ErrorKind::InvalidReasonCode, at + i)),
        None => Ok(codes),
    }
}
