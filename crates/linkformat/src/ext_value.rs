//! RFC 8187 extended parameter values (`title*=UTF-8'en'%E2%82%AC%20rates`), decoded without
//! allocating.

/// An `ext-value`: charset, language and the percent-encoded value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtValue<'a> {
    /// The charset, such as `UTF-8` (RFC 8187 §3.2.1; compare case-insensitively).
    pub charset: &'a str,
    /// The language tag, possibly empty.
    pub language: &'a str,
    /// The value with its percent-encodings.
    pub encoded: &'a str,
}

impl<'a> ExtValue<'a> {
    /// Splits a checked `ext-value`.
    pub fn parse(raw: &'a str) -> Option<Self> {
        if !crate::grammar::is_ext_value(raw) {
            return None;
        }
        let mut parts = raw.splitn(3, '\'');
        Some(Self { charset: parts.next()?, language: parts.next()?, encoded: parts.next()? })
    }

    /// The value's bytes after percent-decoding, in the value's charset.
    pub fn decoded(&self) -> impl Iterator<Item = u8> + 'a {
        let mut raw = self.encoded.as_bytes();
        core::iter::from_fn(move || {
            let (&b, rest) = raw.split_first()?;
            if b == b'%' {
                let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
                if let [h, l, tail @ ..] = rest {
                    raw = tail;
                    return Some((hex(*h)? << 4) | hex(*l)?);
                }
            }
            raw = rest;
            Some(b)
        })
    }
}
