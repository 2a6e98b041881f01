//! Topic Names, Topic Filters, shared subscriptions and matching (MQTT 5.0 §4.7, §4.8.2; 3.1.1 §4.7),
//! without allocation.

use crate::error::{DecodeError, ErrorKind};
use crate::scan::{any_byte, first_below};

/// Checks a Topic Name, as in PUBLISH: at least one character [MQTT-4.7.3-1], no wildcard
/// [MQTT-3.3.2-2], no U+0000 [MQTT-4.7.3-2]. The offset of an error is within `name`.
#[inline]
pub fn check_topic_name(name: &str) -> Result<(), DecodeError> {
    let b = name.as_bytes();
    if b.is_empty() {
        return Err(DecodeError::new(ErrorKind::EmptyTopic, 0));
    }
    // `+`, `#` and NUL are all below 0x2C, where topic bytes are rare (`$`, space): one vector test
    // settles almost every topic, and the exact look runs only when it fails.
    if !any_byte(b, |c| c < 0x2C) {
        return Ok(());
    }
    match b.iter().position(|&c| matches!(c, b'+' | b'#' | 0)) {
        Some(i) if b.get(i) == Some(&0) => Err(DecodeError::new(ErrorKind::NullCharacter, i)),
        Some(i) => Err(DecodeError::new(ErrorKind::WildcardInTopicName, i)),
        None => Ok(()),
    }
}

/// A checked Topic Filter: a plain filter, or a shared subscription `$share/{ShareName}/{filter}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TopicFilter<'a> {
    raw: &'a str,
    share_name: Option<&'a str>,
    filter: &'a str,
}

impl<'a> TopicFilter<'a> {
    /// Checks a Topic Filter, as in SUBSCRIBE and UNSUBSCRIBE: at least one character, `#` only as a whole
    /// last level [MQTT-4.7.1-1], `+` only as a whole level [MQTT-4.7.1-2], no U+0000, and for
    /// `$share/` a non-empty ShareName without wildcards and a non-empty filter [MQTT-4.8.2-1],
    /// [MQTT-4.8.2-2]. The offset of an error is within `filter`.
    pub fn parse(filter: &'a str) -> Result<Self, DecodeError> {
        let share_end = check_filter_rules(filter.as_bytes())?;
        Ok(Self::split(filter, share_end))
    }

    /// A filter that was checked before (when its packet was decoded): only the shared-subscription
    /// prefix is split off again.
    pub(crate) fn checked(raw: &'a str) -> Self {
        let b = raw.as_bytes();
        let share_end = match b.strip_prefix(SHARE_PREFIX) {
            Some(rest) => rest.iter().position(|&c| c == b'/').map(|i| SHARE_PREFIX.len() + i),
            None => None,
        };
        Self::split(raw, share_end)
    }

    /// `share_end` is where the ShareName of `$share/{ShareName}/{filter}` ends (at its `/`).
    fn split(raw: &'a str, share_end: Option<usize>) -> Self {
        let shared = share_end
            .and_then(|end| Some((raw.get(SHARE_PREFIX.len()..end)?, raw.get(end + 1..)?)));
        match shared {
            Some((share, inner)) => Self { raw, share_name: Some(share), filter: inner },
            None => Self { raw, share_name: None, filter: raw },
        }
    }

    /// The filter as written, `$share/{ShareName}/` included.
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// The ShareName of a shared subscription.
    pub const fn share_name(&self) -> Option<&'a str> {
        self.share_name
    }

    /// The filter that is matched (without `$share/{ShareName}/`).
    pub const fn filter(&self) -> &'a str {
        self.filter
    }

    /// Whether the filter has a `+` or `#`.
    pub fn has_wildcards(&self) -> bool {
        self.filter.bytes().any(|b| b == b'+' || b == b'#')
    }

    /// Whether this filter matches a Topic Name (see [`matches`]).
    pub fn matches(&self, name: &str) -> bool {
        matches(self.filter, name)
    }
}

const SHARE_PREFIX: &[u8] = b"$share/";

/// The Topic Filter rules of [`TopicFilter::parse`] on bytes whose UTF-8 is checked apart (a packet's
/// filters are checked without building a `&str`). For a shared subscription, returns where its
/// ShareName ends.
pub(crate) fn check_filter_rules(b: &[u8]) -> Result<Option<usize>, DecodeError> {
    if b.is_empty() {
        return Err(DecodeError::new(ErrorKind::EmptyTopic, 0));
    }
    let Some(rest) = b.strip_prefix(SHARE_PREFIX) else {
        check_filter(b)?;
        return Ok(None);
    };
    let at = SHARE_PREFIX.len();
    let bad = |at| Err(DecodeError::new(ErrorKind::InvalidSharedSubscription, at));
    let Some(slash) = rest.iter().position(|&c| c == b'/') else { return bad(b.len()) };
    let share = rest.get(..slash).unwrap_or_default();
    if share.is_empty() {
        return bad(at);
    }
    if let Some(i) = share.iter().position(|&c| matches!(c, b'+' | b'#' | 0)) {
        if share.get(i) == Some(&0) {
            return Err(DecodeError::new(ErrorKind::NullCharacter, at + i));
        }
        return bad(at + i);
    }
    let inner_at = at + slash + 1;
    let inner = rest.get(slash + 1..).unwrap_or_default();
    if inner.is_empty() {
        return bad(inner_at);
    }
    check_filter(inner).map_err(|e| e.shifted(inner_at))?;
    Ok(Some(at + slash))
}

/// `+` must have `/` or an end on both sides, `#` a `/` or the start before it and the end after it.
/// All three special bytes (NUL too) are below 0x2C: the scan jumps from one such byte to the next,
/// eight bytes at a time, and looks closer only there.
fn check_filter(b: &[u8]) -> Result<(), DecodeError> {
    let mut at = 0;
    while let Some(i) = next_below_0x2c(b, at) {
        let after_separator = i == 0 || b.get(i - 1) == Some(&b'/');
        let ok = match b.get(i) {
            Some(0) => return Err(DecodeError::new(ErrorKind::NullCharacter, i)),
            Some(b'+') => after_separator && matches!(b.get(i + 1), None | Some(b'/')),
            Some(b'#') => after_separator && i + 1 == b.len(),
            _ => true,
        };
        if !ok {
            return Err(DecodeError::new(ErrorKind::InvalidWildcard, i));
        }
        at = i + 1;
    }
    Ok(())
}

/// The position of the first byte below 0x2C at or after `at`.
fn next_below_0x2c(b: &[u8], mut at: usize) -> Option<usize> {
    while let Some(word) = b.get(at..).and_then(|r| r.first_chunk::<8>()) {
        let flags = first_below(u64::from_le_bytes(*word), 0x2C);
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    b.get(at..)?.iter().position(|&c| c < 0x2C).map(|i| at + i)
}

/// Whether `filter` (a checked plain filter, not `$share/...`) matches the Topic Name `name`
/// (MQTT 5.0 §4.7): levels compare exactly, `+` matches one level, `#` the parent and any number of
/// levels below, and a filter starting with a wildcard does not match a name starting with `$`
/// [MQTT-4.7.2-1].
pub fn matches(filter: &str, name: &str) -> bool {
    if name.starts_with('$') && (filter.starts_with('+') || filter.starts_with('#')) {
        return false;
    }
    let mut f = filter.split('/');
    let mut n = name.split('/');
    loop {
        match (f.next(), n.next()) {
            (Some("#"), _) => return true,
            (Some("+"), Some(_)) => {}
            (Some(fl), Some(nl)) if fl == nl => {}
            (None, None) => return true,
            _ => return false,
        }
    }
}
