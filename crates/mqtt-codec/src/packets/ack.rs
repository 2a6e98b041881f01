//! PUBACK, PUBREC, PUBREL and PUBCOMP (MQTT 5.0 §3.4 to §3.7, 3.1.1 §3.4 to §3.7).

use crate::error::{DecodeError, ErrorKind};
use crate::packets::{finish, packet_id};
use crate::properties::{read_properties, Context, Properties};
use crate::reader::Reader;
use crate::{PacketType, ProtocolVersion, ReasonCode};

/// Which acknowledgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AckKind {
    /// PUBACK (QoS 1).
    Puback,
    /// PUBREC (QoS 2, part 1).
    Pubrec,
    /// PUBREL (QoS 2, part 2).
    Pubrel,
    /// PUBCOMP (QoS 2, part 3).
    Pubcomp,
}

impl AckKind {
    /// The packet type.
    pub const fn packet_type(self) -> PacketType {
        match self {
            Self::Puback => PacketType::PUBACK,
            Self::Pubrec => PacketType::PUBREC,
            Self::Pubrel => PacketType::PUBREL,
            Self::Pubcomp => PacketType::PUBCOMP,
        }
    }

    /// The reason codes MQTT 5.0 allows (Tables 3-4 to 3-7).
    fn allows(self, code: u8) -> bool {
        match self {
            Self::Puback | Self::Pubrec => {
                matches!(code, 0x00 | 0x10 | 0x80 | 0x83 | 0x87 | 0x90 | 0x91 | 0x97 | 0x99)
            }
            Self::Pubrel | Self::Pubcomp => matches!(code, 0x00 | 0x92),
        }
    }
}

/// One of the four acknowledgements.
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Ack<'a> {
    /// Which one.
    pub kind: AckKind,
    /// Packet Identifier.
    pub packet_id: u16,
    /// Reason Code (5.0; Success when omitted, and always in 3.1.1).
    pub reason: ReasonCode,
    /// Properties (5.0).
    pub properties: Properties<'a>,
}

impl<'a> Ack<'a> {
    pub(crate) fn decode(
        kind: AckKind,
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let packet_id = packet_id(&mut r)?;
        let mut reason = ReasonCode::SUCCESS;
        let mut properties = Properties::EMPTY;
        // 5.0 §3.4.2.1: the Reason Code and the properties may be left out (Remaining Length 2 or 3).
        if version.is_v5() && !r.is_empty() {
            let at = r.offset();
            reason = ReasonCode(r.u8()?);
            if !kind.allows(reason.0) {
                return Err(DecodeError::new(ErrorKind::InvalidReasonCode, at));
            }
            if !r.is_empty() {
                properties = read_properties(&mut r, Context::PubAck)?;
            }
        }
        finish(&r)?;
        Ok(Self { kind, packet_id, reason, properties })
    }
}
