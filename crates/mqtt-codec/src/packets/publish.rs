//! PUBLISH (MQTT 5.0 §3.3, 3.1.1 §3.3). The payload is never read.

use crate::error::{DecodeError, ErrorKind};
use crate::packets::{packet_id, QoS};
use crate::properties::{read_properties_if_v5, Context, Properties};
use crate::reader::Reader;
use crate::topic::check_topic_name;
use crate::ProtocolVersion;

/// A PUBLISH packet.
///
/// The field order is fixed (`repr(C)`), with the small fields first, for speed: the decoder returns
/// the packet by value, and with this layout LLVM assembles it with fewer shifts, 20 instructions
/// fewer per decode of a small PUBLISH (`benches/examples/mqtt_decode_loop.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Publish<'a> {
    /// Packet Identifier, present for QoS 1 and 2.
    pub packet_id: Option<u16>,
    /// DUP flag.
    pub dup: bool,
    /// QoS.
    pub qos: QoS,
    /// RETAIN flag.
    pub retain: bool,
    /// Topic Name (empty in 5.0 when a Topic Alias stands for it).
    pub topic: &'a str,
    /// PUBLISH properties (5.0).
    pub properties: Properties<'a>,
    /// The Application Message, untouched.
    pub payload: &'a [u8],
}

impl<'a> Publish<'a> {
    /// `flags` were checked by the framer (QoS 3, DUP on QoS 0).
    pub(crate) fn decode(
        flags: u8,
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let head = Self::decode_head(flags, &mut r, version)?;
        Ok(Self { payload: r.rest(), ..head })
    }

    /// Everything before the payload: topic, packet identifier and properties, checked; the payload
    /// is left empty for the caller to fill or to stream.
    pub(crate) fn decode_head(
        flags: u8,
        r: &mut Reader<'a>,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let qos = QoS::from_bits((flags >> 1) & 0b11)
            .ok_or(DecodeError::new(ErrorKind::InvalidQos, 0))?;
        let topic_at = r.offset() + 2;
        // One pass for NUL and wildcards (`check_topic_name`) instead of a separate NUL search.
        let topic = r.utf8_without_nul_check()?;
        if !topic.is_empty() {
            check_topic_name(topic).map_err(|e| e.shifted(topic_at))?;
        }
        let packet_id = if qos == QoS::AtMostOnce { None } else { Some(packet_id(r)?) };
        let properties = read_properties_if_v5(r, version, Context::Publish)?;
        // MQTT 5.0 §3.3.2.3.4: a zero-length Topic Name is allowed with a Topic Alias only.
        if topic.is_empty() && properties.topic_alias().is_none() {
            return Err(DecodeError::new(ErrorKind::EmptyTopic, topic_at));
        }
        Ok(Self {
            dup: flags & 0b1000 != 0,
            qos,
            retain: flags & 1 != 0,
            topic,
            packet_id,
            properties,
            payload: &[],
        })
    }
}
