//! Percent-encoding (RFC 3986 §2.1, §2.2, §2.3) as CoAP uses it in URIs (RFC 7252 §6.4, §6.5).

/// `unreserved` (RFC 3986 §2.3).
pub(crate) const fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// `sub-delims` (RFC 3986 §2.2).
pub(crate) const fn is_sub_delim(b: u8) -> bool {
    matches!(b, b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=')
}

/// `pchar` without the percent-encodings (RFC 3986 §3.3).
pub(crate) const fn is_pchar(b: u8) -> bool {
    is_unreserved(b) || is_sub_delim(b) || matches!(b, b':' | b'@')
}

/// What may stand unencoded in a query (RFC 3986 §3.4).
pub(crate) const fn is_query_char(b: u8) -> bool {
    is_pchar(b) || matches!(b, b'/' | b'?')
}

/// What may stand unencoded in a reg-name (RFC 3986 §3.2.2).
pub(crate) const fn is_reg_name_char(b: u8) -> bool {
    is_unreserved(b) || is_sub_delim(b)
}

/// What RFC 7252 §6.5 step 6 leaves unencoded in a Uri-Path segment.
pub(crate) const fn keep_in_path(b: u8) -> bool {
    is_pchar(b)
}

/// What RFC 7252 §6.5 step 8 leaves unencoded in a Uri-Query argument (`&` separates arguments).
pub(crate) const fn keep_in_query(b: u8) -> bool {
    is_query_char(b) && b != b'&'
}

pub(crate) const fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Uppercase hex digits, as RFC 7252 §6.5 requires for percent-encoding.
pub(crate) const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// Checks that every byte of `s` is `allowed` or part of a `%XX` escape; returns the offset of the
/// first byte that is neither.
pub(crate) fn validate(s: &[u8], allowed: fn(u8) -> bool) -> Result<(), usize> {
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if b == b'%' {
            let hi = s.get(i + 1).copied().and_then(hex_value);
            let lo = s.get(i + 2).copied().and_then(hex_value);
            if hi.is_none() || lo.is_none() {
                return Err(i);
            }
            i += 3;
        } else if allowed(b) {
            i += 1;
        } else {
            return Err(i);
        }
    }
    Ok(())
}

/// A URI component whose percent-encodings were validated, read as the bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PercentDecoded<'a> {
    raw: &'a str,
    lowercase: bool,
}

impl<'a> PercentDecoded<'a> {
    /// `raw` must have passed [`validate`].
    pub(crate) const fn new(raw: &'a str, lowercase: bool) -> Self {
        Self { raw, lowercase }
    }

    /// The component as it stands in the URI.
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// Number of bytes after decoding.
    pub fn len(&self) -> usize {
        self.raw.len() - 2 * self.raw.bytes().filter(|&b| b == b'%').count()
    }

    /// Whether the decoded value is empty.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Whether the decoded bytes are UTF-8, which RFC 7252 §6.4 (step 2) requires of every component
    /// since the options they become are strings (§5.10.1).
    pub fn is_utf8(&self) -> bool {
        is_utf8(self.bytes())
    }

    /// The decoded bytes.
    pub fn bytes(&self) -> DecodedBytes<'a> {
        DecodedBytes { raw: self.raw.as_bytes(), lowercase: self.lowercase }
    }

    /// Writes the decoded bytes into `dst`, which must be [`PercentDecoded::len`] bytes long; extra
    /// bytes of `dst` are left alone.
    pub fn write_into(&self, dst: &mut [u8]) {
        for (d, b) in dst.iter_mut().zip(self.bytes()) {
            *d = b;
        }
    }
}

/// The bytes of a [`PercentDecoded`] component.
#[derive(Debug, Clone)]
pub struct DecodedBytes<'a> {
    raw: &'a [u8],
    lowercase: bool,
}

impl Iterator for DecodedBytes<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&b, rest) = self.raw.split_first()?;
        if b == b'%' {
            if let [hi, lo, tail @ ..] = rest {
                self.raw = tail;
                return Some((hex_value(*hi).unwrap_or(0) << 4) | hex_value(*lo).unwrap_or(0));
            }
        }
        self.raw = rest;
        // RFC 7252 §6.4 step 5 lowercases the host before decoding, so escapes keep their case.
        Some(if self.lowercase { b.to_ascii_lowercase() } else { b })
    }
}

/// Streaming UTF-8 check (RFC 3629 §4): no buffer is needed for a percent-decoded component.
fn is_utf8(mut bytes: impl Iterator<Item = u8>) -> bool {
    while let Some(lead) = bytes.next() {
        let (continuation, min) = match lead {
            0x00..=0x7f => continue,
            0xc2..=0xdf => (1, 0x80),
            0xe0..=0xef => (2, 0x800),
            0xf0..=0xf4 => (3, 0x1_0000),
            _ => return false,
        };
        let mut cp = u32::from(lead) & (0x3f >> continuation);
        for _ in 0..continuation {
            match bytes.next() {
                Some(b) if b & 0xc0 == 0x80 => cp = (cp << 6) | u32::from(b & 0x3f),
                _ => return false,
            }
        }
        if cp < min || cp > 0x10_ffff || (0xd800..=0xdfff).contains(&cp) {
            return false;
        }
    }
    true
}
