//! Packet types and the fixed-header flag rules (MQTT 5.0 §2.1.2, §2.1.3; 3.1.1 §2.2.1, §2.2.2).

use core::fmt;

/// The 4-bit packet type. An open newtype over the nibble; 0 is forbidden, 15 is AUTH in 5.0 and
/// reserved in 3.1.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PacketType(pub u8);

impl PacketType {
    /// 1, client to server.
    pub const CONNECT: Self = Self(1);
    /// 2, server to client.
    pub const CONNACK: Self = Self(2);
    /// 3, both ways.
    pub const PUBLISH: Self = Self(3);
    /// 4, both ways.
    pub const PUBACK: Self = Self(4);
    /// 5, both ways.
    pub const PUBREC: Self = Self(5);
    /// 6, both ways; flags must be 0b0010.
    pub const PUBREL: Self = Self(6);
    /// 7, both ways.
    pub const PUBCOMP: Self = Self(7);
    /// 8, client to server; flags must be 0b0010.
    pub const SUBSCRIBE: Self = Self(8);
    /// 9, server to client.
    pub const SUBACK: Self = Self(9);
    /// 10, client to server; flags must be 0b0010.
    pub const UNSUBSCRIBE: Self = Self(10);
    /// 11, server to client.
    pub const UNSUBACK: Self = Self(11);
    /// 12, client to server.
    pub const PINGREQ: Self = Self(12);
    /// 13, server to client.
    pub const PINGRESP: Self = Self(13);
    /// 14, client to server (and server to client in 5.0).
    pub const DISCONNECT: Self = Self(14);
    /// 15, both ways, MQTT 5.0 only.
    pub const AUTH: Self = Self(15);

    /// The flag bits this type requires, or `None` for PUBLISH, whose flags carry DUP, QoS and RETAIN
    /// (MQTT 5.0 Table 2-2, 3.1.1 Table 2.2).
    pub const fn required_flags(self) -> Option<u8> {
        match self.0 {
            3 => None,
            6 | 8 | 10 => Some(0b0010),
            _ => Some(0),
        }
    }

    /// The packet's name.
    pub const fn name(self) -> &'static str {
        match self.0 {
            1 => "CONNECT",
            2 => "CONNACK",
            3 => "PUBLISH",
            4 => "PUBACK",
            5 => "PUBREC",
            6 => "PUBREL",
            7 => "PUBCOMP",
            8 => "SUBSCRIBE",
            9 => "SUBACK",
            10 => "UNSUBSCRIBE",
            11 => "UNSUBACK",
            12 => "PINGREQ",
            13 => "PINGRESP",
            14 => "DISCONNECT",
            15 => "AUTH",
            _ => "Reserved",
        }
    }
}

impl fmt::Display for PacketType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
