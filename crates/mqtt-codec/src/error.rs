//! Errors: small `Copy` values with the byte offset, the normative statement broken (where the spec
//! numbers one; the MQTT 5.0 number where 3.1.1 numbers the same rule differently) and the MQTT 5.0
//! reason code a server should answer with.

use core::fmt;

use crate::ReasonCode;

/// What was wrong with the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Packet type 0, which is forbidden (MQTT 5.0 §2.1.2, 3.1.1 §2.2.1).
    ReservedPacketType,
    /// Fixed-header flag bits other than the ones the packet type requires [MQTT-2.1.3-1].
    InvalidFlags,
    /// PUBLISH with both QoS bits set [MQTT-3.3.1-4].
    InvalidQos,
    /// PUBLISH at QoS 0 with the DUP flag set [MQTT-3.3.1-2].
    DupWithQos0,
    /// A Variable Byte Integer longer than 4 bytes (MQTT 5.0 §1.5.5, 3.1.1 §2.2.3).
    VarIntTooLong,
    /// A Variable Byte Integer not in its shortest form [MQTT-1.5.5-1].
    VarIntNotMinimal,
    /// The Remaining Length announces a packet larger than the configured maximum (MQTT 5.0 §3.1.2.11.4
    /// Maximum Packet Size; a receiver's own limit in 3.1.1).
    PacketTooLarge,
    /// A field runs past the end of the packet (Malformed Packet, MQTT 5.0 §4.13).
    Truncated,
    /// Bytes left in the packet after its last field.
    TrailingBytes,
    /// A UTF-8 Encoded String that is not well-formed UTF-8, or encodes a surrogate [MQTT-1.5.4-1].
    InvalidUtf8,
    /// A UTF-8 Encoded String containing U+0000 [MQTT-1.5.4-2].
    NullCharacter,
    /// A property identifier MQTT 5.0 §2.2.2.2 does not define.
    UnknownProperty,
    /// A property the packet may not carry (MQTT 5.0 §2.2.2.2, Table 2-4).
    PropertyNotAllowed,
    /// A property that may appear once appears again (MQTT 5.0 §3.x.2.x "It is a Protocol Error to
    /// include ... more than once").
    DuplicateProperty,
    /// A property value out of range: a 0 Receive Maximum, Maximum Packet Size, Topic Alias or
    /// Subscription Identifier, a flag byte other than 0 or 1, Maximum QoS above 1.
    InvalidPropertyValue,
    /// Authentication Data without Authentication Method (MQTT 5.0 §3.1.2.11.10: a Protocol Error).
    AuthDataWithoutMethod,
    /// The property length runs past the packet.
    PropertiesTruncated,
    /// A protocol name other than `MQTT` (or `MQIsdp` with level 3) (MQTT 5.0 §3.1.2.1).
    InvalidProtocolName,
    /// A protocol level this codec does not speak (3, 4 and 5 are known) (MQTT 5.0 §3.1.2.2).
    UnsupportedProtocolVersion,
    /// The reserved CONNECT flag set [MQTT-3.1.2-3].
    ReservedConnectFlag,
    /// Will QoS or Will Retain set without the Will Flag [MQTT-3.1.2-11], [MQTT-3.1.2-13], or Will QoS 3
    /// [MQTT-3.1.2-12].
    InvalidWillFlags,
    /// A password without a user name in 3.1.1 [MQTT-3.1.2-22] (allowed in 5.0).
    PasswordWithoutUsername,
    /// CONNACK acknowledge flags with reserved bits set [MQTT-3.2.2-1].
    InvalidConnackFlags,
    /// Packet Identifier 0 where one is required [MQTT-2.2.1-3].
    ZeroPacketIdentifier,
    /// SUBSCRIBE or UNSUBSCRIBE without any Topic Filter [MQTT-3.8.3-2], [MQTT-3.10.3-2].
    NoTopicFilters,
    /// Subscription Options with reserved bits set, QoS 3 or Retain Handling 3 [MQTT-3.8.3-5].
    InvalidSubscriptionOptions,
    /// No Local on a shared subscription [MQTT-3.8.3-4].
    NoLocalOnSharedSubscription,
    /// A reason code that the packet may not carry (MQTT 5.0 §3.x.2.1 tables; 3.1.1 SUBACK return codes).
    InvalidReasonCode,
    /// A packet type this protocol version does not have (AUTH before 5.0).
    PacketTypeNotInVersion,
    /// An empty Topic Name or Topic Filter [MQTT-4.7.3-1].
    EmptyTopic,
    /// `+` or `#` in a Topic Name [MQTT-3.3.2-2].
    WildcardInTopicName,
    /// `#` not last or not a whole level, or `+` not a whole level [MQTT-4.7.1-1], [MQTT-4.7.1-2].
    InvalidWildcard,
    /// `$share/` without a ShareName, with a wildcard or `/` in it, or without a filter [MQTT-4.8.2-1],
    /// [MQTT-4.8.2-2].
    InvalidSharedSubscription,
}

impl ErrorKind {
    /// A short description.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ReservedPacketType => "reserved packet type 0",
            Self::InvalidFlags => "fixed-header flags not as the packet type requires",
            Self::InvalidQos => "QoS 3 in PUBLISH",
            Self::DupWithQos0 => "DUP set on a QoS 0 PUBLISH",
            Self::VarIntTooLong => "variable byte integer longer than 4 bytes",
            Self::VarIntNotMinimal => "variable byte integer not in its shortest form",
            Self::PacketTooLarge => "packet larger than the maximum packet size",
            Self::Truncated => "field runs past the end of the packet",
            Self::TrailingBytes => "bytes after the last field of the packet",
            Self::InvalidUtf8 => "string is not well-formed UTF-8",
            Self::NullCharacter => "string contains U+0000",
            Self::UnknownProperty => "unknown property identifier",
            Self::PropertyNotAllowed => "property not allowed in this packet",
            Self::DuplicateProperty => "property included more than once",
            Self::InvalidPropertyValue => "property value out of range",
            Self::AuthDataWithoutMethod => "Authentication Data without Authentication Method",
            Self::PropertiesTruncated => "property length runs past the packet",
            Self::InvalidProtocolName => "unknown protocol name",
            Self::UnsupportedProtocolVersion => "unsupported protocol level",
            Self::ReservedConnectFlag => "reserved CONNECT flag set",
            Self::InvalidWillFlags => "Will QoS/Retain without Will Flag, or Will QoS 3",
            Self::PasswordWithoutUsername => "password without user name",
            Self::InvalidConnackFlags => "reserved CONNACK flags set",
            Self::ZeroPacketIdentifier => "packet identifier 0",
            Self::NoTopicFilters => "no topic filter",
            Self::InvalidSubscriptionOptions => {
                "reserved subscription option bits, QoS 3 or Retain Handling 3"
            }
            Self::NoLocalOnSharedSubscription => "No Local on a shared subscription",
            Self::InvalidReasonCode => "reason code not allowed in this packet",
            Self::PacketTypeNotInVersion => "packet type not in this protocol version",
            Self::EmptyTopic => "empty topic",
            Self::WildcardInTopicName => "wildcard in a topic name",
            Self::InvalidWildcard => "wildcard not on a whole level, or '#' not last",
            Self::InvalidSharedSubscription => "malformed shared subscription",
        }
    }

    /// The normative statement this kind breaks, where the spec numbers one.
    pub const fn statement(self) -> Option<&'static str> {
        match self {
            Self::InvalidFlags => Some("MQTT-2.1.3-1"),
            Self::InvalidQos => Some("MQTT-3.3.1-4"),
            Self::DupWithQos0 => Some("MQTT-3.3.1-2"),
            Self::VarIntNotMinimal => Some("MQTT-1.5.5-1"),
            Self::InvalidUtf8 => Some("MQTT-1.5.4-1"),
            Self::NullCharacter => Some("MQTT-1.5.4-2"),
            Self::ReservedConnectFlag => Some("MQTT-3.1.2-3"),
            Self::InvalidWillFlags => Some("MQTT-3.1.2-11"),
            Self::PasswordWithoutUsername => Some("MQTT-3.1.2-22"),
            Self::InvalidConnackFlags => Some("MQTT-3.2.2-1"),
            Self::ZeroPacketIdentifier => Some("MQTT-2.2.1-3"),
            Self::NoTopicFilters => Some("MQTT-3.8.3-2"),
            Self::InvalidSubscriptionOptions => Some("MQTT-3.8.3-5"),
            Self::NoLocalOnSharedSubscription => Some("MQTT-3.8.3-4"),
            Self::EmptyTopic => Some("MQTT-4.7.3-1"),
            Self::WildcardInTopicName => Some("MQTT-3.3.2-2"),
            Self::InvalidWildcard => Some("MQTT-4.7.1-1"),
            Self::InvalidSharedSubscription => Some("MQTT-4.8.2-1"),
            _ => None,
        }
    }

    /// The MQTT 5.0 reason code a server answers with (in CONNACK or DISCONNECT, MQTT 5.0 §4.13).
    pub const fn reason_code(self) -> ReasonCode {
        match self {
            Self::PacketTooLarge => ReasonCode::PACKET_TOO_LARGE,
            Self::WildcardInTopicName => ReasonCode::TOPIC_NAME_INVALID,
            Self::EmptyTopic | Self::InvalidWildcard | Self::InvalidSharedSubscription => {
                ReasonCode::TOPIC_FILTER_INVALID
            }
            Self::DuplicateProperty
            | Self::InvalidPropertyValue
            | Self::AuthDataWithoutMethod
            | Self::NoLocalOnSharedSubscription
            | Self::PacketTypeNotInVersion => ReasonCode::PROTOCOL_ERROR,
            Self::InvalidProtocolName | Self::UnsupportedProtocolVersion => {
                ReasonCode::UNSUPPORTED_PROTOCOL_VERSION
            }
            _ => ReasonCode::MALFORMED_PACKET,
        }
    }
}

/// Bytes that could not be decoded: what and where.
///
/// The kind comes first (`repr(C)`): with that layout, together with the packet structs' own,
/// the decoder's `Result` is built and matched with fewer instructions (a small PUBLISH 329 -> 298,
/// PINGREQ 76 -> 52, measured with `benches/examples/mqtt_decode_loop.rs`; with the offset first, or
/// Rust's own order, nothing changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct DecodeError {
    kind: ErrorKind,
    offset: usize,
}

impl DecodeError {
    pub(crate) const fn new(kind: ErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    pub(crate) const fn shifted(mut self, by: usize) -> Self {
        self.offset += by;
        self
    }

    /// What went wrong.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset from the start of the packet (for topics checked on their own: of the topic).
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The normative statement broken, such as `MQTT-1.5.4-2`.
    pub const fn statement(&self) -> Option<&'static str> {
        self.kind.statement()
    }

    /// The MQTT 5.0 reason code to answer with.
    pub const fn reason_code(&self) -> ReasonCode {
        self.kind.reason_code()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind.as_str(), self.offset)?;
        if let Some(s) = self.statement() {
            write!(f, " [{s}]")?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for DecodeError {}

/// Why something could not be encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodeError {
    /// The buffer is too small; at least `needed` bytes are required.
    BufferTooSmall {
        /// Minimum buffer length for the step that failed.
        needed: usize,
    },
    /// A value above 268,435,455, the largest Variable Byte Integer (MQTT 5.0 §1.5.5).
    VarIntTooLarge,
    /// A string or binary field longer than 65,535 bytes (MQTT 5.0 §1.5.4, §1.5.6).
    StringTooLong,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BufferTooSmall { needed } => write!(f, "buffer too small: {needed} bytes needed"),
            Self::VarIntTooLarge => f.write_str("value above 268435455"),
            Self::StringTooLong => f.write_str("string or binary field longer than 65535 bytes"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for EncodeError {}
