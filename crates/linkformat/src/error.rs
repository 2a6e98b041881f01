//! Parse and write errors: small `Copy` values with the byte offset where the payload went wrong.

use core::fmt;

/// What was wrong with a link-format payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The payload is not UTF-8 (RFC 6690 §2: the format is encoded as UTF-8).
    NotUtf8,
    /// A link does not start with `<` (RFC 6690 §2 `link-value`).
    ExpectedTarget,
    /// `<` without a closing `>`.
    UnterminatedTarget,
    /// A character that cannot stand in a URI-reference (RFC 3986 §4.1), or a bad `%` escape.
    InvalidTarget,
    /// After a link, something other than `,` or `;`: a missing comma.
    ExpectedSeparator,
    /// Nothing between two commas, or a comma at the end: an empty link.
    EmptyLink,
    /// A `;` not followed by a parameter name (RFC 8187 `parmname`).
    ExpectedParamName,
    /// A `"` without its closing `"`.
    UnterminatedQuote,
    /// A backslash at the end of a quoted string or before a byte that is not US-ASCII
    /// (RFC 2616 §2.2 `quoted-pair`).
    BadEscape,
    /// A value that is neither a `ptoken` nor a quoted string (RFC 6690 §2).
    InvalidValue,
    /// A parameter that RFC 6690 or RFC 8288 allows once per link appears again (rel, anchor, rev,
    /// title, title*, type, media, rt, if, sz).
    DuplicateAttribute,
    /// `anchor` or `title` not given as a quoted string, where the grammar requires one.
    QuotedStringRequired,
    /// `rel`, `rev`, `rt` or `if` whose value is not a list of relation types (RFC 6690 §2).
    InvalidRelationType,
    /// `sz` or `ct` that is not a `cardinal` (or `ct` above 65535, RFC 7252 §7.2.1).
    InvalidNumber,
    /// A `*`-named parameter whose value is not an RFC 8187 `ext-value`.
    InvalidExtValue,
    /// A parameter named `href`, which RFC 6690 §2 reserves for query filtering.
    HrefParameter,
}

impl ErrorKind {
    /// A short description.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotUtf8 => "payload is not UTF-8",
            Self::ExpectedTarget => "expected '<' starting a link",
            Self::UnterminatedTarget => "'<' without '>'",
            Self::InvalidTarget => "character not allowed in a URI-reference",
            Self::ExpectedSeparator => "expected ',' or ';' after a link",
            Self::EmptyLink => "empty link",
            Self::ExpectedParamName => "expected a parameter name after ';'",
            Self::UnterminatedQuote => "unterminated quoted string",
            Self::BadEscape => "bad escape in a quoted string",
            Self::InvalidValue => "value is neither a token nor a quoted string",
            Self::DuplicateAttribute => "attribute may appear only once in a link",
            Self::QuotedStringRequired => "attribute value must be a quoted string",
            Self::InvalidRelationType => "not a relation type",
            Self::InvalidNumber => "not a cardinal number in range",
            Self::InvalidExtValue => "not an RFC 8187 ext-value",
            Self::HrefParameter => "'href' is reserved for query filtering",
        }
    }
}

/// A payload that could not be parsed: what and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseError {
    kind: ErrorKind,
    offset: usize,
}

impl ParseError {
    pub(crate) const fn new(kind: ErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What went wrong.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset in the payload.
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind.as_str(), self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ParseError {}

/// Why links could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WriteError {
    /// A target with characters a URI-reference cannot hold (or `>`).
    InvalidTarget,
    /// A parameter name that is not a `parmname`, or `href`.
    InvalidParamName,
    /// A token value with characters outside `ptoken`; write it as a quoted string instead.
    InvalidToken,
    /// A value the parser would refuse for this attribute (the kind says which rule: a relation type,
    /// a number, a quoted string required, an ext-value, a second `rt`, ...).
    InvalidAttribute(crate::ErrorKind),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InvalidTarget => "target is not a URI-reference",
            Self::InvalidParamName => "invalid parameter name",
            Self::InvalidToken => "token value with characters outside ptoken",
            Self::InvalidAttribute(kind) => kind.as_str(),
        })
    }
}

#[cfg(feature = "std")]
impl std::error::Error for WriteError {}
