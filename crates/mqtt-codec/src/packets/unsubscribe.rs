//! UNSUBSCRIBE and UNSUBACK (MQTT 5.0 §3.10, §3.11; 3.1.1 §3.10, §3.11).

use core::iter::FusedIterator;

use crate::error::{DecodeError, ErrorKind};
use crate::packets::{check_filter_list, finish, packet_id, reason_code_list};
use crate::properties::{read_properties, read_properties_if_v5, Context, Properties};
use crate::reader::Reader;
use crate::topic::TopicFilter;
use crate::{ProtocolVersion, ReasonCode};

/// The Topic Filters of an UNSUBSCRIBE, checked when it was decoded.
#[derive(Debug, Clone)]
pub struct UnsubscribeFilters<'a> {
    reader: Reader<'a>,
    text: Option<&'a str>,
}

impl<'a> Iterator for UnsubscribeFilters<'a> {
    type Item = TopicFilter<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.reader.is_empty() {
            return None;
        }
        // Checked when the packet was decoded (or built).
        Some(TopicFilter::checked(self.reader.utf8_in(self.text).ok()?))
    }
}

impl FusedIterator for UnsubscribeFilters<'_> {}

/// An UNSUBSCRIBE packet.
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Unsubscribe<'a> {
    /// Packet Identifier.
    pub packet_id: u16,
    /// Properties (5.0).
    pub properties: Properties<'a>,
    payload: &'a [u8],
    /// The payload as `&str` when it is UTF-8 from end to end (the usual case), for the iterator.
    text: Option<&'a str>,
    payload_at: usize,
}

impl<'a> Unsubscribe<'a> {
    pub(crate) fn decode(
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let packet_id = packet_id(&mut r)?;
        let properties = read_properties_if_v5(&mut r, version, Context::Unsubscribe)?;
        let payload_at = r.offset();
        if r.is_empty() {
            return Err(r.error(ErrorKind::NoTopicFilters));
        }
        let payload = r.rest();
        let text = check_filters(payload, payload_at)?;
        Ok(Self { packet_id, properties, payload, text, payload_at })
    }

    /// An UNSUBSCRIBE to encode: `payload` is what [`crate::write_unsubscribe_payload`] wrote.
    pub fn new(
        packet_id: u16,
        properties: Properties<'a>,
        payload: &'a [u8],
    ) -> Result<Self, DecodeError> {
        if packet_id == 0 {
            return Err(DecodeError::new(ErrorKind::ZeroPacketIdentifier, 0));
        }
        if payload.is_empty() {
            return Err(DecodeError::new(ErrorKind::NoTopicFilters, 0));
        }
        let text = check_filters(payload, 0)?;
        Ok(Self { packet_id, properties, payload, text, payload_at: 0 })
    }

    /// The Topic Filters, in order.
    pub fn filters(&self) -> UnsubscribeFilters<'a> {
        UnsubscribeFilters { reader: Reader::new(self.payload, self.payload_at), text: self.text }
    }
}

/// Checks an UNSUBSCRIBE payload; `at` is its offset in the packet. Returns the payload as `&str`
/// when it is UTF-8 from end to end, which settles the UTF-8 of every filter at once.
fn check_filters(payload: &[u8], at: usize) -> Result<Option<&str>, DecodeError> {
    check_filter_list(payload, at, None)
}

/// An UNSUBACK packet.
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Unsuback<'a> {
    /// Packet Identifier.
    pub packet_id: u16,
    /// Properties (5.0).
    pub properties: Properties<'a>,
    codes: &'a [u8],
}

impl<'a> Unsuback<'a> {
    pub(crate) fn decode(
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let packet_id = packet_id(&mut r)?;
        if !version.is_v5() {
            finish(&r)?;
            return Ok(Self { packet_id, properties: Properties::EMPTY, codes: &[] });
        }
        let properties = read_properties(&mut r, Context::Unsuback)?;
        let codes = reason_code_list(&mut r, |c| {
            matches!(c, 0x00 | 0x11 | 0x80 | 0x83 | 0x87 | 0x8F | 0x91)
        })?;
        Ok(Self { packet_id, properties, codes })
    }

    /// An UNSUBACK to encode; `codes` is empty for 3.1.1.
    pub const fn new(packet_id: u16, properties: Properties<'a>, codes: &'a [u8]) -> Self {
        Self { packet_id, properties, codes }
    }

    /// One reason code per Topic Filter (5.0; empty in 3.1.1, which has none).
    pub fn reason_codes(&self) -> impl ExactSizeIterator<Item = ReasonCode> + 'a {
        self.codes.iter().map(|&c| ReasonCode(c))
    }
}
