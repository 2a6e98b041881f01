//! The option registry: the IANA "CoAP Option Numbers" registry (shared/specs/iana-core-parameters.txt)
//! with each option's format, length range and repeatability from its defining RFC (RFC 7252 §5.10
//! Table 4, RFC 7641 §2, RFC 7959 §2.1 and §4, RFC 8613 §2, RFC 8768 §3, RFC 9177 §4, RFC 7967 §2,
//! RFC 9175 §2.2.1 and §3.2). The critical, unsafe and no-cache-key bits are not stored: they follow
//! from the number (RFC 7252 §5.4.6).

use crate::OptionNumber;

/// Value format of an option (RFC 7252 §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OptionFormat {
    /// A zero-length value.
    Empty,
    /// An opaque byte sequence.
    Opaque,
    /// A non-negative integer in network byte order, leading zero bytes allowed but not sent.
    Uint,
    /// A UTF-8 string in Net-Unicode form.
    String,
    /// Registered, but the defining document is not one this crate implements: any length is accepted.
    Unspecified,
}

/// One registered option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OptionDef {
    /// The option number.
    pub number: OptionNumber,
    /// Its registered name.
    pub name: &'static str,
    /// Its value format.
    pub format: OptionFormat,
    /// Shortest allowed value, in bytes.
    pub min_len: u16,
    /// Longest allowed value, in bytes.
    pub max_len: u16,
    /// Whether it may occur more than once in a message (RFC 7252 §5.4.5).
    pub repeatable: bool,
}

impl OptionDef {
    /// Whether a value of `len` bytes is inside the defined range (RFC 7252 §5.4.3).
    pub const fn length_ok(&self, len: usize) -> bool {
        len >= self.min_len as usize && len <= self.max_len as usize
    }
}

const fn def(
    number: u16,
    name: &'static str,
    format: OptionFormat,
    min_len: u16,
    max_len: u16,
    repeatable: bool,
) -> OptionDef {
    OptionDef { number: OptionNumber(number), name, format, min_len, max_len, repeatable }
}

use OptionFormat::{Empty, Opaque, String as Str, Uint, Unspecified};

/// Every registered option, sorted by number.
pub static OPTIONS: &[OptionDef] = &[
    def(1, "If-Match", Opaque, 0, 8, true),
    def(3, "Uri-Host", Str, 1, 255, false),
    def(4, "ETag", Opaque, 1, 8, true),
    def(5, "If-None-Match", Empty, 0, 0, false),
    def(6, "Observe", Uint, 0, 3, false),
    def(7, "Uri-Port", Uint, 0, 2, false),
    def(8, "Location-Path", Str, 0, 255, true),
    def(9, "OSCORE", Opaque, 0, 255, false),
    def(11, "Uri-Path", Str, 0, 255, true),
    def(12, "Content-Format", Uint, 0, 2, false),
    def(14, "Max-Age", Uint, 0, 4, false),
    def(15, "Uri-Query", Str, 0, 255, true),
    def(16, "Hop-Limit", Uint, 1, 1, false),
    def(17, "Accept", Uint, 0, 2, false),
    def(19, "Q-Block1", Uint, 0, 3, false),
    def(20, "Location-Query", Str, 0, 255, true),
    def(21, "EDHOC", Empty, 0, 0, false),
    def(23, "Block2", Uint, 0, 3, false),
    def(27, "Block1", Uint, 0, 3, false),
    def(28, "Size2", Uint, 0, 4, false),
    def(31, "Q-Block2", Uint, 0, 3, true),
    def(35, "Proxy-Uri", Str, 1, 1034, false),
    def(39, "Proxy-Scheme", Str, 1, 255, false),
    def(60, "Size1", Uint, 0, 4, false),
    def(235, "Proxy-Cri", Unspecified, 0, u16::MAX, false),
    def(239, "Proxy-Scheme-Number", Unspecified, 0, u16::MAX, false),
    def(252, "Echo", Opaque, 1, 40, false),
    def(258, "No-Response", Uint, 0, 1, false),
    def(292, "Request-Tag", Opaque, 0, 8, true),
    def(2049, "OCF-Accept-Content-Format-Version", Unspecified, 0, u16::MAX, false),
    def(2053, "OCF-Content-Format-Version", Unspecified, 0, u16::MAX, false),
    def(2055, "SCP82-Params", Unspecified, 0, u16::MAX, false),
    def(2056, "X-Admin-Protocol", Unspecified, 0, u16::MAX, false),
];

/// The entry for `number`, if registered.
pub fn lookup(number: OptionNumber) -> Option<&'static OptionDef> {
    OPTIONS.binary_search_by_key(&number, |d| d.number).ok().and_then(|i| OPTIONS.get(i))
}

/// Whether `number` is a registered option of string format, whose value decoding checks for UTF-8.
/// A `match` rather than a table lookup: it runs once per option on the decode path.
pub(crate) const fn is_string_option(number: u16) -> bool {
    matches!(number, 3 | 8 | 11 | 15 | 20 | 35 | 39)
}
