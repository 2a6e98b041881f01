//! Query filtering (RFC 6690 §4.1): `?href=/foo*`, `?rt=light-lux`, `?foo=*`, applied to parsed links
//! and to links being written.

use crate::value::Value;
use crate::writer::{OutLink, OutValue};
use crate::Link;

/// One `name=value` filter, with a trailing `*` making `value` a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter<'q> {
    name: &'q str,
    value: &'q str,
    prefix: bool,
}

/// Attributes whose value is a list of relation types, each matched on its own (RFC 6690 §4.1).
fn multi_valued(name: &str) -> bool {
    ["rel", "rev", "rt", "if"].iter().any(|n| n.eq_ignore_ascii_case(name))
}

impl<'q> Filter<'q> {
    /// A filter from one Uri-Query value (already percent-decoded by the CoAP layer, RFC 7252 §6.4).
    /// `None` when it has no `=`, which is not a search of §4.1.
    pub fn parse(query: &'q str) -> Option<Self> {
        let (name, value) = query.split_once('=')?;
        if name.is_empty() {
            return None;
        }
        Some(match value.strip_suffix('*') {
            Some(prefix) => Self { name, value: prefix, prefix: true },
            None => Self { name, value, prefix: false },
        })
    }

    /// The attribute name (or `href`).
    pub const fn name(&self) -> &'q str {
        self.name
    }

    fn matches_bytes(&self, candidate: impl Iterator<Item = u8>) -> bool {
        let mut want = self.value.bytes();
        let mut candidate = candidate;
        loop {
            match (want.next(), candidate.next()) {
                (None, None) => return true,
                (None, Some(_)) => return self.prefix,
                (Some(_), None) => return false,
                (Some(a), Some(b)) if a != b => return false,
                _ => {}
            }
        }
    }

    /// Whether a parsed link matches.
    pub fn matches(&self, link: &Link<'_>) -> bool {
        if self.name.eq_ignore_ascii_case("href") {
            return self.matches_bytes(link.target().bytes());
        }
        let multi = multi_valued(self.name);
        link.attrs().filter(|a| a.name.eq_ignore_ascii_case(self.name)).any(|a| match a.value {
            Value::Flag => self.matches_bytes(core::iter::empty()),
            v if multi => v.words().any(|w| self.matches_bytes(w.bytes())),
            v => self.matches_bytes(v.bytes()),
        })
    }

    /// Whether a link about to be written matches.
    pub fn matches_out(&self, link: &OutLink<'_>) -> bool {
        if self.name.eq_ignore_ascii_case("href") {
            return self.matches_bytes(link.target.bytes());
        }
        let multi = multi_valued(self.name);
        link.attrs.iter().filter(|(n, _)| n.eq_ignore_ascii_case(self.name)).any(|(_, v)| match v {
            OutValue::Flag => self.matches_bytes(core::iter::empty()),
            OutValue::Token(s) | OutValue::Quoted(s) if multi => {
                s.split(' ').filter(|w| !w.is_empty()).any(|w| self.matches_bytes(w.bytes()))
            }
            OutValue::Token(s) | OutValue::Quoted(s) => self.matches_bytes(s.bytes()),
            OutValue::Uint(n) => {
                let (digits, start) = crate::writer::decimal(*n);
                self.matches_bytes(digits.iter().skip(start).copied())
            }
        })
    }
}
