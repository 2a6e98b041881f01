//! The message type of the CoAP header (RFC 7252 §3, §4).

use core::fmt;

/// Message type: the 2-bit T field of the header (RFC 7252 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    /// Confirmable (0): must be acknowledged or rejected (RFC 7252 §4.2).
    Confirmable = 0,
    /// Non-confirmable (1) (RFC 7252 §4.3).
    NonConfirmable = 1,
    /// Acknowledgement (2) (RFC 7252 §4.2).
    Acknowledgement = 2,
    /// Reset (3) (RFC 7252 §4.2, §4.3).
    Reset = 3,
}

impl Type {
    /// The type for the two low bits of `bits`.
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 3 {
            0 => Self::Confirmable,
            1 => Self::NonConfirmable,
            2 => Self::Acknowledgement,
            _ => Self::Reset,
        }
    }

    /// The 2-bit wire value.
    pub const fn bits(self) -> u8 {
        self as u8
    }

    /// The abbreviation the RFC uses: CON, NON, ACK, RST.
    pub const fn abbreviation(self) -> &'static str {
        match self {
            Self::Confirmable => "CON",
            Self::NonConfirmable => "NON",
            Self::Acknowledgement => "ACK",
            Self::Reset => "RST",
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation())
    }
}
