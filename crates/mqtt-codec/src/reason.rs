//! MQTT 5.0 reason codes (MQTT 5.0 §2.4, Table 2-6) and 3.1.1 CONNACK return codes (3.1.1 §3.2.2.3).

use core::fmt;

/// A reason code byte. An open newtype: unknown values are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReasonCode(pub u8);

macro_rules! reasons {
    ($($name:ident = ($v:literal, $text:literal);)*) => {
        impl ReasonCode {
            $(#[doc = concat!("0x", stringify!($v), " ", $text, ".")]
            pub const $name: ReasonCode = ReasonCode($v);)*

            /// The name MQTT 5.0 Table 2-6 gives this code (0x00 is "Success"; in SUBACK it means
            /// Granted QoS 0, in DISCONNECT Normal disconnection).
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $($v => Some($text),)*
                    _ => None,
                }
            }
        }
    };
}

reasons! {
    SUCCESS = (0x00, "Success");
    GRANTED_QOS_1 = (0x01, "Granted QoS 1");
    GRANTED_QOS_2 = (0x02, "Granted QoS 2");
    DISCONNECT_WITH_WILL_MESSAGE = (0x04, "Disconnect with Will Message");
    NO_MATCHING_SUBSCRIBERS = (0x10, "No matching subscribers");
    NO_SUBSCRIPTION_EXISTED = (0x11, "No subscription existed");
    CONTINUE_AUTHENTICATION = (0x18, "Continue authentication");
    RE_AUTHENTICATE = (0x19, "Re-authenticate");
    UNSPECIFIED_ERROR = (0x80, "Unspecified error");
    MALFORMED_PACKET = (0x81, "Malformed Packet");
    PROTOCOL_ERROR = (0x82, "Protocol Error");
    IMPLEMENTATION_SPECIFIC_ERROR = (0x83, "Implementation specific error");
    UNSUPPORTED_PROTOCOL_VERSION = (0x84, "Unsupported Protocol Version");
    CLIENT_IDENTIFIER_NOT_VALID = (0x85, "Client Identifier not valid");
    BAD_USER_NAME_OR_PASSWORD = (0x86, "Bad User Name or Password");
    NOT_AUTHORIZED = (0x87, "Not authorized");
    SERVER_UNAVAILABLE = (0x88, "Server unavailable");
    SERVER_BUSY = (0x89, "Server busy");
    BANNED = (0x8A, "Banned");
    SERVER_SHUTTING_DOWN = (0x8B, "Server shutting down");
    BAD_AUTHENTICATION_METHOD = (0x8C, "Bad authentication method");
    KEEP_ALIVE_TIMEOUT = (0x8D, "Keep Alive timeout");
    SESSION_TAKEN_OVER = (0x8E, "Session taken over");
    TOPIC_FILTER_INVALID = (0x8F, "Topic Filter invalid");
    TOPIC_NAME_INVALID = (0x90, "Topic Name invalid");
    PACKET_IDENTIFIER_IN_USE = (0x91, "Packet Identifier in use");
    PACKET_IDENTIFIER_NOT_FOUND = (0x92, "Packet Identifier not found");
    RECEIVE_MAXIMUM_EXCEEDED = (0x93, "Receive Maximum exceeded");
    TOPIC_ALIAS_INVALID = (0x94, "Topic Alias invalid");
    PACKET_TOO_LARGE = (0x95, "Packet too large");
    MESSAGE_RATE_TOO_HIGH = (0x96, "Message rate too high");
    QUOTA_EXCEEDED = (0x97, "Quota exceeded");
    ADMINISTRATIVE_ACTION = (0x98, "Administrative action");
    PAYLOAD_FORMAT_INVALID = (0x99, "Payload format invalid");
    RETAIN_NOT_SUPPORTED = (0x9A, "Retain not supported");
    QOS_NOT_SUPPORTED = (0x9B, "QoS not supported");
    USE_ANOTHER_SERVER = (0x9C, "Use another server");
    SERVER_MOVED = (0x9D, "Server moved");
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED = (0x9E, "Shared Subscriptions not supported");
    CONNECTION_RATE_EXCEEDED = (0x9F, "Connection rate exceeded");
    MAXIMUM_CONNECT_TIME = (0xA0, "Maximum connect time");
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED = (0xA1, "Subscription Identifiers not supported");
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED = (0xA2, "Wildcard Subscriptions not supported");
}

impl ReasonCode {
    /// Codes 0x80 and above report failure (MQTT 5.0 §2.4).
    pub const fn is_error(self) -> bool {
        self.0 >= 0x80
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => write!(f, "0x{:02X} {n}", self.0),
            None => write!(f, "0x{:02X}", self.0),
        }
    }
}
