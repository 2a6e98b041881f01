//! Topic Names, Topic Filters, shared subscriptions and matching (MQTT 5.0 §4.7, §4.8.2; 3.1.1 §4.7),
//! without allocation.

use crate::error::{DecodeError, ErrorKind};
use crate::scan::any_byte;

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

    /// Whether this filter matches a Topic Name (see [`matches()`]).
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
/// All three special bytes (NUL too) are below 0x2C, where filter bytes are rare: the filter is read
/// eight bytes at a time, each word gives the exact mask of its bytes below 0x2C, and only those
/// positions are looked at. The last bytes are read as the last eight of the filter (the ones already
/// seen masked off), or, for a filter shorter than a word, gathered into one word; so no byte loop
/// runs over the filter.
fn check_filter(b: &[u8]) -> Result<(), DecodeError> {
    let mut at = 0;
    while at < b.len() {
        // The next word and the filter position of its first byte; `skip` bytes of it were seen.
        let (word, start, skip) = match b.get(at..).and_then(|r| r.first_chunk::<8>()) {
            Some(w) => (u64::from_le_bytes(*w), at, 0),
            None => match b.last_chunk::<8>() {
                Some(w) => (u64::from_le_bytes(*w), b.len() - 8, at - (b.len() - 8)),
                // Shorter than a word: the bytes in the low end, 0xFF (never flagged) above them.
                None => (b.iter().rev().fold(u64::MAX, |w, &c| (w << 8) | u64::from(c)), 0, 0),
            },
        };
        let mut flags = below_0x2c(word) & (u64::MAX << (8 * skip));
        while flags != 0 {
            let i = start + (flags.trailing_zeros() / 8) as usize;
            check_special(b, i)?;
            flags &= flags - 1;
        }
        at = start + 8;
    }
    Ok(())
}

/// The rule for the byte at `i`, one below 0x2C: NUL is refused, `+` and `#` must stand as whole
/// levels (`#` the last), the others are ordinary characters.
fn check_special(b: &[u8], i: usize) -> Result<(), DecodeError> {
    let after_separator = i == 0 || b.get(i - 1) == Some(&b'/');
    let ok = match b.get(i) {
        Some(0) => return Err(DecodeError::new(ErrorKind::NullCharacter, i)),
        Some(b'+') => after_separator && matches!(b.get(i + 1), None | Some(b'/')),
        Some(b'#') => after_separator && i + 1 == b.len(),
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(DecodeError::new(ErrorKind::InvalidWildcard, i))
    }
}

/// The high bit of every byte of `w` that is below 0x2C, exactly: for a byte under 0x80, adding
/// 0x54 to it sets its high bit exactly when it is 0x2C or more (and carries nothing into the next
/// byte, since 0x7F + 0x54 < 0x100); a byte of 0x80 or more has its own high bit set.
#[inline(always)]
fn below_0x2c(w: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    !(((w & LOW7) + 0x5454_5454_5454_5454) | w) & HIGH
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

#[cfg(test)]
mod tests {
    use super::below_0x2c;

    #[test]
    fn below_0x2c_flags_exactly_the_low_bytes() {
        // Every byte value at every position of a word, among neighbours that could carry or
        // borrow into it (0x00, 0x2B, 0x2C, 0x7F, 0x80, 0xFF).
        for filler in [0x00u8, 0x2B, 0x2C, 0x7F, 0x80, 0xFF] {
            for v in 0..=255u8 {
                for pos in 0..8 {
                    let mut word = [filler; 8];
                    word[pos] = v;
                    let expected = word
                        .iter()
                        .enumerate()
                        .fold(0u64, |m, (i, &b)| m | (u64::from(b < 0x2C) << (8 * i + 7)));
                    assert_eq!(below_0x2c(u64::from_le_bytes(word)), expected, "{word:02x?}");
                }
            }
        }
    }
}
