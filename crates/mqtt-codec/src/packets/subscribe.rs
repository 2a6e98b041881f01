//! SUBSCRIBE and SUBACK (MQTT 5.0 §3.8, §3.9; 3.1.1 §3.8, §3.9).

use core::iter::FusedIterator;

use crate::error::{DecodeError, ErrorKind};
use crate::packets::{check_filter_list, packet_id, reason_code_list, QoS};
use crate::properties::{read_properties_if_v5, Context, Properties};
use crate::reader::Reader;
use crate::topic::TopicFilter;
use crate::{ProtocolVersion, ReasonCode};

/// Retain Handling (MQTT 5.0 §3.8.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetainHandling {
    /// 0: send retained messages at subscribe time.
    SendAtSubscribe,
    /// 1: only if the subscription did not exist.
    SendIfNew,
    /// 2: do not send.
    DoNotSend,
}

/// The Subscription Options byte (5.0) or Requested QoS byte (3.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubscriptionOptions {
    /// Maximum QoS.
    pub qos: QoS,
    /// No Local (5.0).
    pub no_local: bool,
    /// Retain As Published (5.0).
    pub retain_as_published: bool,
    /// Retain Handling (5.0).
    pub retain_handling: RetainHandling,
}

/// The Subscription Options bytes that MQTT 5.0 allows, bit `b` for byte `b`: reserved bits 6 and 7
/// clear [MQTT-3.8.3-5], Retain Handling not 3 and Maximum QoS not 3 (§3.8.3.1). Every byte of 0x40
/// and above has a reserved bit set, so 64 bits hold the map.
const V5_OPTIONS: u64 = {
    let mut map = 0u64;
    let mut b = 0;
    while b < 64 {
        if (b >> 4) & 3 != 3 && b & 3 != 3 {
            map |= 1 << b;
        }
        b += 1;
    }
    map
};

/// The Requested QoS bytes that 3.1.1 allows: 0, 1 and 2, the upper six bits reserved
/// [MQTT-3-8.3-4].
const V3_OPTIONS: u64 = 0b111;

/// The No Local bit of the Subscription Options (MQTT 5.0 §3.8.3.1).
pub(crate) const NO_LOCAL: u8 = 0x04;

/// The map of the Subscription Options bytes that `version` allows (bit `b` for byte `b`).
pub(crate) const fn options_map(version: ProtocolVersion) -> u64 {
    if version.is_v5() {
        V5_OPTIONS
    } else {
        V3_OPTIONS
    }
}

/// Whether the options map `map` (of [`options_map`]) allows the byte `b`.
#[inline(always)]
pub(crate) const fn allows(map: u64, b: u8) -> bool {
    b < 64 && map & (1 << b) != 0
}

impl SubscriptionOptions {
    /// Decodes the options byte under `version`'s reserved-bit rules [MQTT-3.8.3-5], 3.1.1 [MQTT-3-8.3-4]:
    /// one test against the map of the bytes the version allows.
    #[cfg(test)]
    fn from_byte(b: u8, version: ProtocolVersion) -> Option<Self> {
        allows(options_map(version), b).then(|| Self::from_allowed(b))
    }

    /// The options of a byte that the version's map ([`options_map`]) allows.
    #[inline]
    fn from_allowed(b: u8) -> Self {
        let qos = match b & 0b11 {
            0 => QoS::AtMostOnce,
            1 => QoS::AtLeastOnce,
            _ => QoS::ExactlyOnce,
        };
        let retain_handling = match (b >> 4) & 0b11 {
            0 => RetainHandling::SendAtSubscribe,
            1 => RetainHandling::SendIfNew,
            _ => RetainHandling::DoNotSend,
        };
        Self {
            qos,
            no_local: b & NO_LOCAL != 0,
            retain_as_published: b & 0x08 != 0,
            retain_handling,
        }
    }
}

/// The (filter, options) pairs of a SUBSCRIBE, checked when it was decoded.
#[derive(Debug, Clone)]
pub struct Subscriptions<'a> {
    reader: Reader<'a>,
    text: Option<&'a str>,
}

impl<'a> Iterator for Subscriptions<'a> {
    type Item = (TopicFilter<'a>, SubscriptionOptions);

    fn next(&mut self) -> Option<Self::Item> {
        if self.reader.is_empty() {
            return None;
        }
        // Checked when the packet was decoded (or built): no second check here.
        let filter = TopicFilter::checked(self.reader.utf8_in(self.text).ok()?);
        let options = SubscriptionOptions::from_allowed(self.reader.u8().ok()?);
        Some((filter, options))
    }
}

impl FusedIterator for Subscriptions<'_> {}

/// A SUBSCRIBE packet.
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Subscribe<'a> {
    /// Packet Identifier.
    pub packet_id: u16,
    version: ProtocolVersion,
    /// Properties (5.0).
    pub properties: Properties<'a>,
    payload: &'a [u8],
    /// The payload as `&str` when it is UTF-8 from end to end (the usual case), for the iterator.
    text: Option<&'a str>,
    payload_at: usize,
}

impl<'a> Subscribe<'a> {
    pub(crate) fn decode(
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let packet_id = packet_id(&mut r)?;
        let properties = read_properties_if_v5(&mut r, version, Context::Subscribe)?;
        let payload_at = r.offset();
        if r.is_empty() {
            return Err(r.error(ErrorKind::NoTopicFilters));
        }
        let payload = r.rest();
        let text = check_filter_list(payload, payload_at, Some(options_map(version)))?;
        Ok(Self { packet_id, properties, payload, text, payload_at, version })
    }

    /// A SUBSCRIBE to encode: `payload` is what [`crate::write_subscribe_payload`] wrote, checked here
    /// as the decoder checks it.
    pub fn new(
        packet_id: u16,
        properties: Properties<'a>,
        payload: &'a [u8],
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        if packet_id == 0 {
            return Err(DecodeError::new(ErrorKind::ZeroPacketIdentifier, 0));
        }
        if payload.is_empty() {
            return Err(DecodeError::new(ErrorKind::NoTopicFilters, 0));
        }
        let text = check_filter_list(payload, 0, Some(options_map(version)))?;
        Ok(Self { packet_id, properties, payload, text, payload_at: 0, version })
    }

    /// The Topic Filters with their options, in order.
    pub fn subscriptions(&self) -> Subscriptions<'a> {
        Subscriptions { reader: Reader::new(self.payload, self.payload_at), text: self.text }
    }
}

/// A SUBACK packet.
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Suback<'a> {
    /// Packet Identifier.
    pub packet_id: u16,
    /// Properties (5.0).
    pub properties: Properties<'a>,
    codes: &'a [u8],
}

impl<'a> Suback<'a> {
    pub(crate) fn decode(
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let packet_id = packet_id(&mut r)?;
        let properties = read_properties_if_v5(&mut r, version, Context::Suback)?;
        let codes = reason_code_list(&mut r, |c| {
            if version.is_v5() {
                matches!(
                    c,
                    0x00..=0x02 | 0x80 | 0x83 | 0x87 | 0x8F | 0x91 | 0x97 | 0x9E | 0xA1 | 0xA2
                )
            } else {
                matches!(c, 0x00..=0x02 | 0x80)
            }
        })?;
        Ok(Self { packet_id, properties, codes })
    }

    /// A SUBACK to encode, with one code per Topic Filter of the SUBSCRIBE.
    pub const fn new(packet_id: u16, properties: Properties<'a>, codes: &'a [u8]) -> Self {
        Self { packet_id, properties, codes }
    }

    /// One reason code (5.0) or return code (3.1.1) per Topic Filter of the SUBSCRIBE.
    pub fn reason_codes(&self) -> impl ExactSizeIterator<Item = ReasonCode> + 'a {
        self.codes.iter().map(|&c| ReasonCode(c))
    }
}

#[cfg(test)]
mod tests {
    use super::{RetainHandling, SubscriptionOptions};
    use crate::packets::QoS;
    use crate::ProtocolVersion;

    /// The bit maps agree with the rules read off the byte's fields, for every byte and version, and
    /// an allowed byte's fields come out as written.
    #[test]
    fn options_maps_follow_the_field_rules() {
        for b in 0..=255u8 {
            let qos = b & 0b11;
            let handling = (b >> 4) & 0b11;
            let v5_ok = b & 0xc0 == 0 && qos != 3 && handling != 3;
            let v3_ok = b <= 2;
            for (version, ok) in [
                (ProtocolVersion::V5, v5_ok),
                (ProtocolVersion::V3_1_1, v3_ok),
                (ProtocolVersion::V3_1, v3_ok),
            ] {
                let got = SubscriptionOptions::from_byte(b, version);
                assert_eq!(got.is_some(), ok, "{b:#04x} {version:?}");
                if let Some(o) = got {
                    assert_eq!(o.qos as u8, qos);
                    assert_eq!(o.no_local, b & 0x04 != 0);
                    assert_eq!(o.retain_as_published, b & 0x08 != 0);
                    let want = [
                        RetainHandling::SendAtSubscribe,
                        RetainHandling::SendIfNew,
                        RetainHandling::DoNotSend,
                    ];
                    assert_eq!(Some(&o.retain_handling), want.get(usize::from(handling)));
                    assert_eq!(QoS::from_bits(qos), Some(o.qos));
                }
            }
        }
    }
}
