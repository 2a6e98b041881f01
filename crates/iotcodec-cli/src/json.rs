//! Small helpers for building the JSON fields.

use serde_json::{Map, Value};

/// Lower-case hex without separators.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Bytes as `{"len", "hex", "text"}`: `text` only when they are printable UTF-8.
pub(crate) fn bytes(b: &[u8]) -> Value {
    let mut o = Map::new();
    o.insert("len".into(), b.len().into());
    o.insert("hex".into(), hex(b).into());
    if let Some(text) = printable(b) {
        o.insert("text".into(), text.into());
    }
    Value::Object(o)
}

/// The bytes as a string when they are UTF-8 without control characters other than tab and newlines.
pub(crate) fn printable(b: &[u8]) -> Option<&str> {
    let s = std::str::from_utf8(b).ok()?;
    s.chars().all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).then_some(s)
}

/// A short, quoted rendering of a payload for the one-line output.
pub(crate) fn short(b: &[u8]) -> String {
    const MAX: usize = 32;
    match printable(b) {
        Some(s) if s.chars().count() <= MAX => format!("{s:?}"),
        Some(s) => format!("{:?}…", s.chars().take(MAX).collect::<String>()),
        None if b.len() <= MAX / 2 => format!("0x{}", hex(b)),
        None => format!("0x{}… ({} bytes)", hex(b.get(..MAX / 2).unwrap_or(b)), b.len()),
    }
}
