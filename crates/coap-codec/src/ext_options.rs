//! Typed getters for the extension options: Observe (RFC 7641), Block and Size (RFC 7959), Q-Block
//! (RFC 9177), No-Response (RFC 7967), OSCORE (RFC 8613), Echo and Request-Tag (RFC 9175), Hop-Limit
//! (RFC 8768). Each returns `Ok(None)` when the option is absent and an error when its value breaks the
//! option's format, so that a caller can tell "not sent" from "sent wrong".

use crate::error::ValueError;
use crate::{BlockValue, NoResponse, OptionNumber, Options, OscoreOption};

/// Longest Echo value (RFC 9175 §2.2.1).
pub const MAX_ECHO_LEN: usize = 40;
/// Longest Request-Tag value (RFC 9175 §3.2.1).
pub const MAX_REQUEST_TAG_LEN: usize = 8;

impl<'a> Options<'a> {
    /// Observe: 0 and 1 in requests (see [`crate::ObserveRequest`]), the 24-bit sequence number in
    /// notifications (RFC 7641 §2).
    pub fn observe(&self) -> Result<Option<u32>, ValueError> {
        self.get(OptionNumber::OBSERVE)
            .map(|o| crate::observe::decode_observe(o.value()))
            .transpose()
    }

    /// Block1 (RFC 7959 §2.1); SZX 7 is an error here, see [`Options::block`] for BERT.
    pub fn block1(&self) -> Result<Option<BlockValue>, ValueError> {
        self.block(OptionNumber::BLOCK1, false)
    }

    /// Block2 (RFC 7959 §2.1); SZX 7 is an error here, see [`Options::block`] for BERT.
    pub fn block2(&self) -> Result<Option<BlockValue>, ValueError> {
        self.block(OptionNumber::BLOCK2, false)
    }

    /// Q-Block1 (RFC 9177 §4).
    pub fn q_block1(&self) -> Result<Option<BlockValue>, ValueError> {
        self.block(OptionNumber::Q_BLOCK1, false)
    }

    /// The first Q-Block2 (RFC 9177 §4; repeatable in requests, to ask for several blocks at once:
    /// see [`Options::all`] for the others).
    pub fn q_block2(&self) -> Result<Option<BlockValue>, ValueError> {
        self.block(OptionNumber::Q_BLOCK2, false)
    }

    /// The first option `number` read as a block value; `bert` accepts SZX 7 (RFC 8323 §6).
    pub fn block(
        &self,
        number: OptionNumber,
        bert: bool,
    ) -> Result<Option<BlockValue>, ValueError> {
        self.get(number).map(|o| BlockValue::decode(o.value(), bert)).transpose()
    }

    /// Size2: the size of the whole resource representation (RFC 7959 §4).
    pub fn size2(&self) -> Result<Option<u32>, ValueError> {
        self.bounded_uint(OptionNumber::SIZE2, 4)
    }

    /// Size1 with its length checked (RFC 7252 §5.10.9, RFC 7959 §4).
    pub fn size1_checked(&self) -> Result<Option<u32>, ValueError> {
        self.bounded_uint(OptionNumber::SIZE1, 4)
    }

    /// No-Response (RFC 7967 §2); absent means interest in every response.
    pub fn no_response(&self) -> Result<Option<NoResponse>, ValueError> {
        self.get(OptionNumber::NO_RESPONSE).map(|o| NoResponse::decode(o.value())).transpose()
    }

    /// Hop-Limit: one byte, 1 to 255 (RFC 8768 §3).
    pub fn hop_limit(&self) -> Result<Option<u8>, ValueError> {
        self.get(OptionNumber::HOP_LIMIT)
            .map(|o| match o.value() {
                [0] => Err(ValueError::HopLimitZero),
                [n] => Ok(*n),
                _ => Err(ValueError::Length),
            })
            .transpose()
    }

    /// The OSCORE option value, its parts borrowed (RFC 8613 §6.1).
    pub fn oscore(&self) -> Result<Option<OscoreOption<'a>>, ValueError> {
        self.get(OptionNumber::OSCORE).map(|o| OscoreOption::decode(o.value())).transpose()
    }

    /// Echo: 1 to 40 opaque bytes (RFC 9175 §2.2.1).
    pub fn echo(&self) -> Result<Option<&'a [u8]>, ValueError> {
        self.get(OptionNumber::ECHO)
            .map(|o| match o.value().len() {
                1..=MAX_ECHO_LEN => Ok(o.value()),
                _ => Err(ValueError::Length),
            })
            .transpose()
    }

    /// The Request-Tag values, each 0 to 8 bytes (RFC 9175 §3.2.1; repeatable). The option is
    /// elective, so a longer value is skipped as unrecognised (RFC 7252 §5.4.3).
    pub fn request_tags(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.all(OptionNumber::REQUEST_TAG)
            .map(|o| o.value())
            .filter(|v| v.len() <= MAX_REQUEST_TAG_LEN)
    }

    fn bounded_uint(
        &self,
        number: OptionNumber,
        max_len: usize,
    ) -> Result<Option<u32>, ValueError> {
        self.get(number)
            .map(|o| {
                if o.value().len() > max_len {
                    Err(ValueError::Length)
                } else {
                    o.as_uint().ok_or(ValueError::Length)
                }
            })
            .transpose()
    }
}
