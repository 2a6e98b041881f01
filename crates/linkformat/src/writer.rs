//! Writing links into a caller buffer with RFC 6690 quoting and escaping, through a window
//! (`skip N bytes, write at most M`) so that a server can send `/.well-known/core` in Block2 pieces
//! (RFC 7959 §2.2) without holding the whole payload.

use crate::error::{ErrorKind, WriteError};
use crate::grammar;
use crate::link::{check_value, Known};
use crate::value::{Quoted, Value};
use crate::Filter;
use crate::ParseConfig;

/// A value to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutValue<'a> {
    /// No `=value` (`;obs`).
    Flag,
    /// A `ptoken`, written as is (`;ct=40`).
    Token(&'a str),
    /// Any text, written as a quoted string with `"` and `\` escaped (`;title="a \"b\""`).
    Quoted(&'a str),
    /// A number, written in decimal (`;sz=262144`).
    Uint(u64),
}

/// A link to write: a target and attributes in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutLink<'a> {
    /// The target URI-reference.
    pub target: &'a str,
    /// The attributes.
    pub attrs: &'a [(&'a str, OutValue<'a>)],
}

/// What a windowed write produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Bytes written into the buffer.
    pub len: usize,
    /// Length of the whole serialization (all matching links).
    pub total: usize,
    /// Whether bytes follow the window: the Block2 M bit.
    pub more: bool,
}

struct Sink<'b> {
    buf: &'b mut [u8],
    skip: usize,
    pos: usize,
    written: usize,
}

impl Sink<'_> {
    fn put(&mut self, bytes: &[u8]) {
        let start = self.pos;
        self.pos += bytes.len();
        // The part of `bytes` that falls at or after `skip`, and fits in what is left of the buffer.
        let from = self.skip.saturating_sub(start).min(bytes.len());
        let room = self.buf.len() - self.written;
        let take = (bytes.len() - from).min(room);
        if take == 0 {
            return;
        }
        if let (Some(dst), Some(src)) =
            (self.buf.get_mut(self.written..self.written + take), bytes.get(from..from + take))
        {
            dst.copy_from_slice(src);
            self.written += take;
        }
    }
}

/// `value` in decimal: the digits and where they start in the array.
pub(crate) fn decimal(mut value: u64) -> ([u8; 20], usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            *d = b'0' + (value % 10) as u8;
        }
        value /= 10;
        if value == 0 || start == 0 {
            return (digits, start);
        }
    }
}

/// Refuses what the strict parser would refuse, so that everything written parses back.
fn check(link: &OutLink<'_>) -> Result<(), WriteError> {
    if !link.target.bytes().all(grammar::is_uri_char) || grammar::bad_percent(link.target).is_some()
    {
        return Err(WriteError::InvalidTarget);
    }
    let mut seen = 0u16;
    for (name, value) in link.attrs {
        let base = name.strip_suffix('*').unwrap_or(name);
        if base.is_empty()
            || !base.bytes().all(grammar::is_attr_char)
            || name.eq_ignore_ascii_case("href")
        {
            return Err(WriteError::InvalidParamName);
        }
        let digits;
        let as_parsed = match value {
            OutValue::Flag => Value::Flag,
            OutValue::Token(t) if t.is_empty() || !t.bytes().all(grammar::is_ptoken_char) => {
                return Err(WriteError::InvalidToken)
            }
            OutValue::Token(t) => Value::Token(t),
            // The registered rules never accept `"`, `\` or controls where they check the content,
            // so checking the unescaped text gives the parser's verdict on the escaped form.
            OutValue::Quoted(q) => Value::Quoted(Quoted(q)),
            OutValue::Uint(n) => {
                digits = decimal(*n);
                let (bytes, start) = &digits;
                Value::Token(
                    core::str::from_utf8(bytes.get(*start..).unwrap_or_default()).unwrap_or("0"),
                )
            }
        };
        let known = Known::of(name);
        check_value(known, as_parsed, 0, ParseConfig::STRICT)
            .map_err(|e| WriteError::InvalidAttribute(e.kind()))?;
        if seen & known.once_bit() != 0 {
            return Err(WriteError::InvalidAttribute(ErrorKind::DuplicateAttribute));
        }
        seen |= known.once_bit();
    }
    Ok(())
}

fn serialize(link: &OutLink<'_>, sink: &mut Sink<'_>) {
    sink.put(b"<");
    sink.put(link.target.as_bytes());
    sink.put(b">");
    for (name, value) in link.attrs {
        sink.put(b";");
        sink.put(name.as_bytes());
        match value {
            OutValue::Flag => {}
            OutValue::Token(t) => {
                sink.put(b"=");
                sink.put(t.as_bytes());
            }
            OutValue::Uint(n) => {
                let (digits, start) = decimal(*n);
                sink.put(b"=");
                sink.put(digits.get(start..).unwrap_or_default());
            }
            OutValue::Quoted(q) => {
                sink.put(b"=\"");
                // Runs of plain text are copied whole; `"`, `\` and control characters (which
                // quoted-string TEXT cannot hold) get a backslash (RFC 2616 §2.2 quoted-pair).
                let mut rest = q.as_bytes();
                while let Some(i) =
                    rest.iter().position(|&b| matches!(b, b'"' | b'\\' | 0..=8 | 10..=31 | 127))
                {
                    let (run, tail) = rest.split_at(i);
                    sink.put(run);
                    if let Some((&special, after)) = tail.split_first() {
                        sink.put(&[b'\\', special]);
                        rest = after;
                    }
                }
                sink.put(rest);
                sink.put(b"\"");
            }
        }
    }
}

/// Writes the links that pass `filter` (all, for `None`), separated by commas, skipping the first
/// `offset` bytes of the serialization and writing at most `out.len()` bytes.
///
/// For Block2 (RFC 7959 §2.2): `offset = NUM << (SZX + 4)`, `out` of `1 << (SZX + 4)` bytes, and
/// `more` is the M bit. Every link is checked first, so nothing is written when one is invalid.
pub fn write_links(
    links: &[OutLink<'_>],
    filter: Option<&Filter<'_>>,
    offset: usize,
    out: &mut [u8],
) -> Result<Written, WriteError> {
    for link in links {
        check(link)?;
    }
    let mut sink = Sink { buf: out, skip: offset, pos: 0, written: 0 };
    let mut first = true;
    for link in links.iter().filter(|l| filter.map_or(true, |f| f.matches_out(l))) {
        if !first {
            sink.put(b",");
        }
        first = false;
        serialize(link, &mut sink);
    }
    let written = sink.written;
    Ok(Written { len: written, total: sink.pos, more: sink.pos > offset + written })
}
