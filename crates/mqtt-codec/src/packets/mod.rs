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
/// in one walk: each filter's length, UTF-8 and rules, then, for SUBSCRIBE, the Subscription Options
/// byte that follows it, tested against `options`, the map of the bytes that the version allows
/// ([`subscribe::options_map`]), and refused with No Local on a shared subscription
/// [MQTT-3.8.3-4] (a 3.1.1 map never allows that bit). Returns the payload as `&str` when it is
/// UTF-8 from end to end, which settles the UTF-8 of every filter at once (see [`Reader::utf8_in`]).
/// One function for both packets, with the plain-filter scan inlined into its loop.
pub(crate) fn check_filter_list(
    payload: &[u8],
    at: usize,
    options: Option<u64>,
) -> Result<Option<&str>, DecodeError> {
    let text = core::str::from_utf8(payload).ok();
    let mut r = Reader::new(payload, at);
    while !r.is_empty() {
        let filter_at = r.offset() + 2;
        let filter = r.utf8_in(text)?.as_bytes();
        let shared = check_filter_rules(filter).map_err(|e| e.shifted(filter_at))?.is_some();
        let Some(allowed) = options else { continue };
        let options_at = r.offset();
        let byte = r.u8()?;
        if !subscribe::allows(allowed, byte) {
            return Err(DecodeError::new(ErrorKind::InvalidSubscriptionOptions, options_at));
        }
        if shared && byte & subscribe::NO_LOCAL != 0 {
            return Err(DecodeError::new(ErrorKind::NoLocalOnSharedSubscription, options_at));
        }
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
