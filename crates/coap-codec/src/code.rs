//! Request, response and signaling codes (RFC 7252 §3, §5.8, §5.9, §12.1; RFC 8132; RFC 7959; RFC 8323).

use core::fmt;

/// The 8-bit Code field: a 3-bit class and a 5-bit detail, written `c.dd` (RFC 7252 §3).
///
/// An open newtype: every byte is a valid `Code`, so unknown codes survive a decode/encode round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(pub u8);

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = ($class:literal, $detail:literal, $text:literal);)*) => {
        impl Code {
            $($(#[$doc])* pub const $name: Code = Code::new($class, $detail);)*

            /// The registered name of this code (IANA "CoAP Method Codes", "CoAP Response Codes",
            /// "CoAP Signaling Codes"), if it has one.
            pub const fn name(self) -> Option<&'static str> {
                match self {
                    $(Self::$name => Some($text),)*
                    _ => None,
                }
            }
        }
    };
}

codes! {
    /// 0.00: an Empty message (RFC 7252 §4.1).
    EMPTY = (0, 0, "Empty");
    /// 0.01 GET (RFC 7252 §5.8.1).
    GET = (0, 1, "GET");
    /// 0.02 POST (RFC 7252 §5.8.2).
    POST = (0, 2, "POST");
    /// 0.03 PUT (RFC 7252 §5.8.3).
    PUT = (0, 3, "PUT");
    /// 0.04 DELETE (RFC 7252 §5.8.4).
    DELETE = (0, 4, "DELETE");
    /// 0.05 FETCH (RFC 8132 §2).
    FETCH = (0, 5, "FETCH");
    /// 0.06 PATCH (RFC 8132 §3).
    PATCH = (0, 6, "PATCH");
    /// 0.07 iPATCH (RFC 8132 §3).
    IPATCH = (0, 7, "iPATCH");
    /// 2.01 Created (RFC 7252 §5.9.1.1).
    CREATED = (2, 1, "Created");
    /// 2.02 Deleted (RFC 7252 §5.9.1.2).
    DELETED = (2, 2, "Deleted");
    /// 2.03 Valid (RFC 7252 §5.9.1.3).
    VALID = (2, 3, "Valid");
    /// 2.04 Changed (RFC 7252 §5.9.1.4).
    CHANGED = (2, 4, "Changed");
    /// 2.05 Content (RFC 7252 §5.9.1.5).
    CONTENT = (2, 5, "Content");
    /// 2.31 Continue (RFC 7959 §2.9.1).
    CONTINUE = (2, 31, "Continue");
    /// 4.00 Bad Request (RFC 7252 §5.9.2.1).
    BAD_REQUEST = (4, 0, "Bad Request");
    /// 4.01 Unauthorized (RFC 7252 §5.9.2.2).
    UNAUTHORIZED = (4, 1, "Unauthorized");
    /// 4.02 Bad Option (RFC 7252 §5.9.2.3).
    BAD_OPTION = (4, 2, "Bad Option");
    /// 4.03 Forbidden (RFC 7252 §5.9.2.4).
    FORBIDDEN = (4, 3, "Forbidden");
    /// 4.04 Not Found (RFC 7252 §5.9.2.5).
    NOT_FOUND = (4, 4, "Not Found");
    /// 4.05 Method Not Allowed (RFC 7252 §5.9.2.6).
    METHOD_NOT_ALLOWED = (4, 5, "Method Not Allowed");
    /// 4.06 Not Acceptable (RFC 7252 §5.9.2.7).
    NOT_ACCEPTABLE = (4, 6, "Not Acceptable");
    /// 4.08 Request Entity Incomplete (RFC 7959 §2.9.2).
    REQUEST_ENTITY_INCOMPLETE = (4, 8, "Request Entity Incomplete");
    /// 4.09 Conflict (RFC 8132 §3.4).
    CONFLICT = (4, 9, "Conflict");
    /// 4.12 Precondition Failed (RFC 7252 §5.9.2.8).
    PRECONDITION_FAILED = (4, 12, "Precondition Failed");
    /// 4.13 Request Entity Too Large (RFC 7252 §5.9.2.9, RFC 7959 §2.9.3).
    REQUEST_ENTITY_TOO_LARGE = (4, 13, "Request Entity Too Large");
    /// 4.15 Unsupported Content-Format (RFC 7252 §5.9.2.10).
    UNSUPPORTED_CONTENT_FORMAT = (4, 15, "Unsupported Content-Format");
    /// 4.22 Unprocessable Entity (RFC 8132 §3.4).
    UNPROCESSABLE_ENTITY = (4, 22, "Unprocessable Entity");
    /// 4.29 Too Many Requests (RFC 8516).
    TOO_MANY_REQUESTS = (4, 29, "Too Many Requests");
    /// 5.00 Internal Server Error (RFC 7252 §5.9.3.1).
    INTERNAL_SERVER_ERROR = (5, 0, "Internal Server Error");
    /// 5.01 Not Implemented (RFC 7252 §5.9.3.2).
    NOT_IMPLEMENTED = (5, 1, "Not Implemented");
    /// 5.02 Bad Gateway (RFC 7252 §5.9.3.3).
    BAD_GATEWAY = (5, 2, "Bad Gateway");
    /// 5.03 Service Unavailable (RFC 7252 §5.9.3.4).
    SERVICE_UNAVAILABLE = (5, 3, "Service Unavailable");
    /// 5.04 Gateway Timeout (RFC 7252 §5.9.3.5).
    GATEWAY_TIMEOUT = (5, 4, "Gateway Timeout");
    /// 5.05 Proxying Not Supported (RFC 7252 §5.9.3.6).
    PROXYING_NOT_SUPPORTED = (5, 5, "Proxying Not Supported");
    /// 5.08 Hop Limit Reached (RFC 8768 §3).
    HOP_LIMIT_REACHED = (5, 8, "Hop Limit Reached");
    /// 7.01 CSM, signaling over reliable transports (RFC 8323 §5.3).
    CSM = (7, 1, "CSM");
    /// 7.02 Ping (RFC 8323 §5.4).
    PING = (7, 2, "Ping");
    /// 7.03 Pong (RFC 8323 §5.4).
    PONG = (7, 3, "Pong");
    /// 7.04 Release (RFC 8323 §5.5).
    RELEASE = (7, 4, "Release");
    /// 7.05 Abort (RFC 8323 §5.6).
    ABORT = (7, 5, "Abort");
}

impl Code {
    /// The code `class.detail`; `class` is taken modulo 8 and `detail` modulo 32.
    pub const fn new(class: u8, detail: u8) -> Self {
        Self(((class & 0x07) << 5) | (detail & 0x1f))
    }

    /// The class: 0 request or Empty, 2 success, 4 client error, 5 server error, 7 signaling.
    pub const fn class(self) -> u8 {
        self.0 >> 5
    }

    /// The detail, 0 to 31.
    pub const fn detail(self) -> u8 {
        self.0 & 0x1f
    }

    /// 0.00, an Empty message (RFC 7252 §4.1).
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// A method code, 0.01 to 0.31 (RFC 7252 §12.1.1).
    pub const fn is_request(self) -> bool {
        self.class() == 0 && self.0 != 0
    }

    /// A response code, 2.00 to 5.31 (RFC 7252 §12.1; class 3 is reserved inside that range, so a
    /// 3.xx is a response nobody has defined yet, treated as its class by §5.9).
    pub const fn is_response(self) -> bool {
        matches!(self.class(), 2..=5)
    }

    /// A signaling code, class 7 (RFC 8323 §5); on UDP this class is reserved.
    pub const fn is_signaling(self) -> bool {
        self.class() == 7
    }

    /// A class that makes a UDP message be rejected: 1, 6 or 7 (RFC 7252 §4.2, §4.3). Class 7 carries
    /// signaling over reliable transports only (RFC 8323 §5).
    pub const fn is_reserved_class(self) -> bool {
        matches!(self.class(), 1 | 6 | 7)
    }
}

impl From<u8> for Code {
    fn from(raw: u8) -> Self {
        Self(raw)
    }
}

impl From<Code> for u8 {
    fn from(code: Code) -> Self {
        code.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.class(), self.detail())
    }
}
