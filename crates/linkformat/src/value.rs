//! Attribute values as they stand in the payload: a flag, a token, or a quoted string with its escapes
//! kept raw (RFC 6690 §2, RFC 2616 §2.2), and readers that unescape without allocating.

use core::iter::FusedIterator;

/// An attribute value, borrowed from the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value<'a> {
    /// No `=value` (for example `;obs`).
    Flag,
    /// A `ptoken`, as in `;ct=40`.
    Token(&'a str),
    /// A quoted string, as in `;rt="a b"`.
    Quoted(Quoted<'a>),
}

impl<'a> Value<'a> {
    /// The value as written: the token, the quoted content with escapes, or `""` for a flag.
    pub const fn raw(&self) -> &'a str {
        match self {
            Self::Flag => "",
            Self::Token(t) => t,
            Self::Quoted(q) => q.raw(),
        }
    }

    /// The bytes of the value after unescaping.
    pub fn bytes(&self) -> Unescaped<'a> {
        match self {
            Self::Quoted(q) => q.bytes(),
            _ => Unescaped { raw: self.raw().as_bytes(), escapes: false },
        }
    }

    /// Whether the unescaped value equals `s`.
    pub fn eq_str(&self, s: &str) -> bool {
        self.bytes().eq(s.bytes())
    }

    /// The space-separated values of `rt`, `if`, `rel` and `ct` (RFC 6690 §2, §3.1, §3.2).
    pub fn words(&self) -> Words<'a> {
        Words { rest: self.raw() }
    }
}

/// The content of a quoted string, escapes kept (`\"` stays two bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quoted<'a>(pub(crate) &'a str);

impl<'a> Quoted<'a> {
    /// The content between the quotes, escapes kept.
    pub const fn raw(&self) -> &'a str {
        self.0
    }

    /// The unescaped bytes.
    pub fn bytes(&self) -> Unescaped<'a> {
        Unescaped { raw: self.0.as_bytes(), escapes: true }
    }

    /// Length after unescaping.
    pub fn unescaped_len(&self) -> usize {
        self.bytes().count()
    }

    /// Writes the unescaped content into `out`; returns its length, or `None` when `out` is too small.
    pub fn unescape_into(&self, out: &mut [u8]) -> Option<usize> {
        let mut n = 0;
        for b in self.bytes() {
            *out.get_mut(n)? = b;
            n += 1;
        }
        Some(n)
    }

    /// The content as `&str` when it has no escapes (the common case), without copying.
    pub fn as_plain_str(&self) -> Option<&'a str> {
        (!self.0.contains('\\')).then_some(self.0)
    }
}

/// Bytes of a value with quoted-pair escapes removed.
#[derive(Debug, Clone)]
pub struct Unescaped<'a> {
    raw: &'a [u8],
    escapes: bool,
}

impl Iterator for Unescaped<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&b, rest) = self.raw.split_first()?;
        if b == b'\\' && self.escapes {
            let (&escaped, rest) = rest.split_first()?;
            self.raw = rest;
            return Some(escaped);
        }
        self.raw = rest;
        Some(b)
    }
}

impl FusedIterator for Unescaped<'_> {}

/// Space-separated words of a value.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let trimmed = self.rest.trim_start_matches(' ');
        if trimmed.is_empty() {
            self.rest = "";
            return None;
        }
        let end = trimmed.find(' ').unwrap_or(trimmed.len());
        let (word, rest) = trimmed.split_at(end);
        self.rest = rest;
        Some(word)
    }
}

impl FusedIterator for Words<'_> {}
