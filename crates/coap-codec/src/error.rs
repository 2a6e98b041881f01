//! Error values: small, `Copy`, with the byte offset where the input went wrong and the answer a server
//! should give (RFC 7252 §4.2, §4.3, §5.4.1).

use core::fmt;

use crate::{Code, OptionNumber, Type};

/// What went wrong while decoding or checking a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Fewer than the 4 bytes of the fixed header (RFC 7252 §3).
    MessageTooShort,
    /// Version field other than 1; such messages MUST be silently ignored (RFC 7252 §3).
    UnknownVersion,
    /// Token Length 9 to 15 (RFC 7252 §3), or 15 under RFC 8974 extended tokens (RFC 8974 §2.1).
    InvalidTokenLength,
    /// The token, or its RFC 8974 extended length, runs past the end of the datagram.
    TokenTruncated,
    /// Code 0.00 with a token, options or payload after the message ID (RFC 7252 §4.1).
    EmptyMessageNotEmpty,
    /// A code of the reserved classes 1, 6 or 7 (RFC 7252 §4.2, §4.3, §12.1).
    ReservedCodeClass,
    /// A type and code that cannot go together: an Empty NON, a Reset that is not Empty, an ACK that
    /// carries a request (RFC 7252 §4.2, §4.3).
    TypeCodeMismatch,
    /// Option delta nibble 15 in a byte that is not the payload marker (RFC 7252 §3.1).
    OptionDeltaReserved,
    /// Option length nibble 15 (RFC 7252 §3.1).
    OptionLengthReserved,
    /// The extended delta or length bytes of an option run past the end (RFC 7252 §3.1).
    OptionHeaderTruncated,
    /// An option value runs past the end of the datagram (RFC 7252 §3.1).
    OptionValueTruncated,
    /// The option number computed from the deltas exceeds 65535 (RFC 7252 §3.1, §12.2).
    OptionNumberOverflow,
    /// A payload marker followed by a zero-length payload (RFC 7252 §3).
    EmptyPayload,
    /// A string-format option (RFC 7252 §3.2) whose value is not UTF-8.
    InvalidUtf8Option,
    /// A critical option the receiver does not recognise (RFC 7252 §5.4.1).
    UnrecognizedCriticalOption,
    /// A critical option whose length is outside its defined range: treated as unrecognised
    /// (RFC 7252 §5.4.3).
    OptionLengthOutOfRange,
    /// A second occurrence of a critical option that is not repeatable: treated as unrecognised
    /// (RFC 7252 §5.4.5).
    OptionNotRepeatable,
    /// Proxy-Uri together with Uri-Host, Uri-Port, Uri-Path or Uri-Query (RFC 7252 §5.10.2).
    ProxyUriWithUriOptions,
    /// The value of an extension option is malformed (Block SZX 7, Hop-Limit 0, a bad OSCORE value,
    /// ...): the inner kind says which rule.
    InvalidOptionValue(ValueError),
    /// An OSCORE option in a message without payload (RFC 8613 §2).
    OscoreWithoutPayload,
    /// A reliable-transport frame longer than the Max-Message-Size in force, found from the length
    /// header alone (RFC 8323 §5.3.1).
    FrameTooLarge,
    /// A WebSocket message whose Len nibble is not 0 (RFC 8323 §4.2).
    WebSocketLengthNotZero,
    /// The frame's Len covers fewer bytes than the token, or a WebSocket message is shorter than its
    /// header and token (RFC 8323 §3.2, §4.2).
    FrameTruncated,
    /// A signaling code (class 7) other than 7.01 to 7.05 (RFC 8323 §11.1).
    UnknownSignalingCode,
    /// A critical signaling option the receiver does not know: the connection must be aborted
    /// (RFC 8323 §5.2).
    UnknownCriticalSignalingOption,
    /// A known signaling option with a value of the wrong length or a second occurrence of one that
    /// is not repeatable (RFC 8323 §5.3 to §5.6).
    InvalidSignalingOption,
}

impl ErrorKind {
    /// A short description, usable as the diagnostic payload of an error response (RFC 7252 §5.5.2).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::MessageTooShort => "message shorter than the 4-byte header",
            Self::UnknownVersion => "unknown CoAP version",
            Self::InvalidTokenLength => "reserved token length",
            Self::TokenTruncated => "token runs past the end of the message",
            Self::EmptyMessageNotEmpty => "Empty message (0.00) with bytes after the message ID",
            Self::ReservedCodeClass => "code of a reserved class (1, 6 or 7)",
            Self::TypeCodeMismatch => "message type and code cannot go together",
            Self::OptionDeltaReserved => "option delta nibble 15 outside the payload marker",
            Self::OptionLengthReserved => "option length nibble 15",
            Self::OptionHeaderTruncated => "extended option delta or length runs past the end",
            Self::OptionValueTruncated => "option value runs past the end of the message",
            Self::OptionNumberOverflow => "option number above 65535",
            Self::EmptyPayload => "payload marker followed by an empty payload",
            Self::InvalidUtf8Option => "string option is not UTF-8",
            Self::UnrecognizedCriticalOption => "unrecognized critical option",
            Self::OptionLengthOutOfRange => "critical option length out of range",
            Self::OptionNotRepeatable => "critical option repeated",
            Self::ProxyUriWithUriOptions => "Proxy-Uri together with Uri-* options",
            Self::InvalidOptionValue(v) => v.as_str(),
            Self::OscoreWithoutPayload => "OSCORE option in a message without payload",
            Self::FrameTooLarge => "frame larger than the Max-Message-Size in force",
            Self::WebSocketLengthNotZero => "Len nibble of a WebSocket message is not 0",
            Self::FrameTruncated => "frame shorter than its header and token",
            Self::UnknownSignalingCode => "unknown signaling code",
            Self::UnknownCriticalSignalingOption => "unknown critical signaling option",
            Self::InvalidSignalingOption => "signaling option of the wrong length or repeated",
        }
    }
}

/// Why the value of an extension option was refused (the option numbers concerned are in
/// [`crate::registry`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueError {
    /// A value longer or shorter than the option's format allows.
    Length,
    /// Block1, Block2, Q-Block1 or Q-Block2 with SZX 7, reserved outside BERT (RFC 7959 §2.2,
    /// RFC 8323 §6).
    ReservedBlockSize,
    /// Hop-Limit 0 (RFC 8768 §3).
    HopLimitZero,
    /// OSCORE flag bits 5 to 7 set (RFC 8613 §6.1).
    OscoreReservedFlags,
    /// OSCORE Partial IV length 6 or 7 (RFC 8613 §6.1).
    OscoreReservedPartialIvLength,
    /// The OSCORE Partial IV or kid context runs past the end of the value (RFC 8613 §6.1).
    OscoreTruncated,
    /// Bytes after the OSCORE Partial IV and kid context while the kid flag is clear (RFC 8613 §6.1).
    OscoreTrailingBytes,
    /// A one-byte OSCORE value of 0x00: all flags clear must be sent as an empty value (RFC 8613 §2).
    OscoreZeroFlags,
}

impl ValueError {
    /// A short description.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Length => "option value length outside its format",
            Self::ReservedBlockSize => "block SZX 7 is reserved outside BERT",
            Self::HopLimitZero => "Hop-Limit 0",
            Self::OscoreReservedFlags => "reserved OSCORE flag bits set",
            Self::OscoreReservedPartialIvLength => "reserved OSCORE Partial IV length",
            Self::OscoreTruncated => "OSCORE Partial IV or kid context runs past the value",
            Self::OscoreTrailingBytes => "bytes after the OSCORE fields with the kid flag clear",
            Self::OscoreZeroFlags => "OSCORE value 0x00 must be sent empty",
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a server (or client) should answer a message it could not accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Response {
    /// Drop the message silently (unknown version, too short to echo a message ID, a rejected
    /// Acknowledgement, Reset or Non-confirmable message: RFC 7252 §3, §4.2, §4.3).
    Ignore,
    /// Send a Reset echoing the message ID (a rejected Confirmable message: RFC 7252 §4.2).
    Reset,
    /// Answer the request with 4.00 Bad Request (RFC 7252 §5.9.2.1).
    BadRequest,
    /// Answer the request with 4.02 Bad Option (RFC 7252 §5.4.1, §5.9.2.3).
    BadOption,
    /// Send a 7.05 Abort and close the connection: a reliable transport cannot skip a malformed
    /// frame (RFC 8323 §5.6).
    Abort,
}

impl Response {
    /// The response code to send, for the answers that are responses.
    pub const fn code(self) -> Option<Code> {
        match self {
            Self::BadRequest => Some(Code::BAD_REQUEST),
            Self::BadOption => Some(Code::BAD_OPTION),
            Self::Abort => Some(Code::ABORT),
            Self::Ignore | Self::Reset => None,
        }
    }

    /// The answer to a message whose format is wrong: Reset for a Confirmable message, silence for the
    /// rest (RFC 7252 §4.2, §4.3; a NON may also be Reset, but silence is always allowed).
    pub(crate) const fn reject(ty: Type) -> Self {
        match ty {
            Type::Confirmable => Self::Reset,
            _ => Self::Ignore,
        }
    }

    /// The answer to a request that is well-formed but that the server must refuse with `code`, or
    /// to a response that must be rejected (RFC 7252 §5.4.1).
    pub(crate) const fn refuse(ty: Type, code: Code, answer: Self) -> Self {
        if code.is_request() {
            match ty {
                Type::Confirmable => answer,
                _ => Self::Ignore,
            }
        } else {
            Self::reject(ty)
        }
    }
}

/// A message that could not be decoded or accepted: what, where, and how to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeError {
    kind: ErrorKind,
    offset: usize,
    response: Response,
    option: Option<OptionNumber>,
}

impl DecodeError {
    pub(crate) const fn new(kind: ErrorKind, offset: usize, response: Response) -> Self {
        Self { kind, offset, response, option: None }
    }

    pub(crate) const fn with_option(mut self, number: OptionNumber) -> Self {
        self.option = Some(number);
        self
    }

    /// What went wrong.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset in the message of the field that went wrong (for an option, its first header byte).
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// How a server should answer.
    pub const fn response(&self) -> Response {
        self.response
    }

    /// The option concerned, for option errors (the diagnostic payload of a 4.02 names it).
    pub const fn option(&self) -> Option<OptionNumber> {
        self.option
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind.as_str(), self.offset)?;
        if let Some(n) = self.option {
            write!(f, " (option {})", n.value())?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for DecodeError {}

/// Why a message could not be encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodeError {
    /// The buffer is too small; at least `needed` bytes are required for what was written so far plus
    /// the item that did not fit.
    BufferTooSmall {
        /// Minimum buffer length that would have let this step succeed.
        needed: usize,
    },
    /// A token longer than 8 bytes (RFC 7252 §3), or longer than 65804 bytes with RFC 8974.
    TokenTooLong,
    /// An option with a smaller number than the one before (RFC 7252 §3.1 orders options by number).
    OptionOutOfOrder {
        /// The option that came too late.
        number: OptionNumber,
        /// The option written before it.
        previous: OptionNumber,
    },
    /// An option value longer than 65804 bytes, the most the option format can express (RFC 7252 §3.1).
    OptionValueTooLong,
    /// An option after the payload was written.
    OptionAfterPayload,
    /// A reliable-transport frame whose options and payload exceed the 32-bit extended length
    /// (RFC 8323 §3.2).
    FrameTooLong,
    /// A URI that cannot be composed (RFC 7252 §6.5 step 2: Uri-Host is not a valid host).
    InvalidHost,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::BufferTooSmall { needed } => write!(f, "buffer too small: {needed} bytes needed"),
            Self::TokenTooLong => f.write_str("token too long"),
            Self::OptionOutOfOrder { number, previous } => {
                write!(f, "option {} written after option {}", number.value(), previous.value())
            }
            Self::OptionValueTooLong => f.write_str("option value longer than 65804 bytes"),
            Self::OptionAfterPayload => f.write_str("option written after the payload"),
            Self::FrameTooLong => f.write_str("frame longer than the 32-bit extended length"),
            Self::InvalidHost => f.write_str("Uri-Host is not a valid host"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for EncodeError {}
