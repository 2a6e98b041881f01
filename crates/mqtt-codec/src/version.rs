//! Protocol levels (MQTT 5.0 §3.1.2.2, 3.1.1 §3.1.2.2; MQTT 3.1 uses the name `MQIsdp` and level 3).

/// The protocol version of a connection, from the CONNECT packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProtocolVersion {
    /// MQTT 3.1: protocol name `MQIsdp`, level 3.
    V3_1,
    /// MQTT 3.1.1: protocol name `MQTT`, level 4.
    V3_1_1,
    /// MQTT 5.0: protocol name `MQTT`, level 5.
    V5,
}

impl ProtocolVersion {
    /// The protocol level byte.
    pub const fn level(self) -> u8 {
        match self {
            Self::V3_1 => 3,
            Self::V3_1_1 => 4,
            Self::V5 => 5,
        }
    }

    /// The protocol name of CONNECT.
    pub const fn protocol_name(self) -> &'static str {
        match self {
            Self::V3_1 => "MQIsdp",
            _ => "MQTT",
        }
    }

    /// Whether packets carry properties and reason codes (5.0).
    pub const fn is_v5(self) -> bool {
        matches!(self, Self::V5)
    }
}
