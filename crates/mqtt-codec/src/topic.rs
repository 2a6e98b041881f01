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
///
/// Only the filter as written is kept; the ShareName and the inner filter are split off when asked
/// for, so that iterating a packet's filters costs no scan that the caller does not use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TopicFilter<'a> {
    raw: &'a str,
}

impl<'a> TopicFilter<'a> {
    /// Checks a Topic Filter, as in SUBSCRIBE and UNSUBSCRIBE: at least one character, `#` only as a whole
    /// last level [MQTT-4.7.1-1], `+` only as a whole level [MQTT-4.7.1-2], no U+0000, and for
    /// `$share/` a non-empty ShareName without wildcards and a non-empty filter [MQTT-4.8.2-1],
    /// [MQTT-4.8.2-2]. The offset of an error is within `filter`.
    pub fn parse(filter: &'a str) -> Result<Self, DecodeError> {
        check_filter_rules(filter.as_bytes())?;
        Ok(Self { raw: filter })
    }

    /// A filter that was checked before (when its packet was decoded).
    pub(crate) const fn checked(raw: &'a str) -> Self {
        Self { raw }
    }

    /// The ShareName and the inner filter of `$share/{ShareName}/{filter}` (MQTT 5.0 §4.8.2).
    fn shared(&self) -> Option<(&'a str, &'a str)> {
        let rest = self.raw.strip_prefix(SHARE_PREFIX_STR)?;
        let slash = rest.bytes().position(|c| c == b'/')?;
        Some((rest.get(..slash)?, rest.get(slash + 1..)?))
    }

    /// The filter as written, `$share/{ShareName}/` included.
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// The ShareName of a shared subscription.
    pub fn share_name(&self) -> Option<&'a str> {
        self.shared().map(|(share, _)| share)
    }

    /// The filter that is matched (without `$share/{ShareName}/`).
    pub fn filter(&self) -> &'a str {
        self.shared().map_or(self.raw, |(_, inner)| inner)
    }

    /// Whether the filter has a `+` or `#`.
    pub fn has_wildcards(&self) -> bool {
        self.filter().bytes().any(|b| b == b'+' || b == b'#')
    }

    /// Whether this filter matches a Topic Name (see [`matches()`]).
    pub fn matches(&self, name: &str) -> bool {
        matches(self.filter(), name)
    }
}

/// The prefix of a shared subscription's filter (MQTT 5.0 §4.8.2).
const SHARE_PREFIX_STR: &str = "$share/";
const SHARE_PREFIX: &[u8] = SHARE_PREFIX_STR.as_bytes();

/// The Topic Filter rules of [`TopicFilter::parse`] on bytes whose UTF-8 is checked apart (a packet's
/// filters are checked without building a `&str`). For a shared subscription, returns where its
/// ShareName ends. Inlined into the packet decoders: a plain filter costs one byte test and the
/// scan of [`check_filter`]; filters starting with `$` (rare) go to [`check_dollar_filter`].
#[inline(always)]
pub(crate) fn check_filter_rules(b: &[u8]) -> Result<Option<usize>, DecodeError> {
    if b.first() == Some(&b'$') {
        return check_dollar_filter(b);
    }
    scan_filter(b).map(|()| None)
}

/// [`check_filter_rules`] for a filter starting with `$`: a shared subscription when it starts with
/// `$share/`, otherwise a plain filter (such as `$SYS/#`).
#[inline(never)]
fn check_dollar_filter(b: &[u8]) -> Result<Option<usize>, DecodeError> {
    if b.starts_with(SHARE_PREFIX) {
        check_shared_filter(b).map(Some)
    } else {
        check_filter(b).map(|()| None)
    }
}

/// A `$share/{ShareName}/{filter}` filter [MQTT-4.8.2-1], [MQTT-4.8.2-2]; returns where the
/// ShareName ends (at its `/`).
fn check_shared_filter(b: &[u8]) -> Result<usize, DecodeError> {
    let at = SHARE_PREFIX.len();
    let rest = b.get(at..).unwrap_or_default();
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
    Ok(at + slash)
}

/// `+` must have `/` or an end on both sides, `#` a `/` or the start before it and the end after it,
/// and the filter must not be empty. All three special bytes (NUL too) are below 0x2C, where filter
/// bytes are rare: the filter is read eight bytes at a time, each word gives the exact mask of its
/// bytes below 0x2C, and only those positions are looked at. The tail is read as the last eight bytes
/// of the filter, the bytes already seen masked off, and a filter shorter than a word is gathered into
/// one word; so no byte loop runs over it.
fn check_filter(b: &[u8]) -> Result<(), DecodeError> {
    scan_filter(b)
}

/// The body of [`check_filter`], inlined into [`check_filter_rules`] (the packet decoders' walk).
#[inline(always)]
fn scan_filter(b: &[u8]) -> Result<(), DecodeError> {
    let n = b.len();
    let Some(last) = b.last_chunk::<8>() else { return check_short_filter(b) };
    let mut start = 0;
    for chunk in b.chunks_exact(8) {
        if let Some(word) = chunk.first_chunk::<8>() {
            check_flagged(b, below_0x2c(u64::from_le_bytes(*word)), |k| start + k)?;
        }
        start += 8;
    }
    if start == n {
        return Ok(());
    }
    // The last word overlaps the one before: its first `start + 8 - n` bytes were seen.
    let seen = 8 * (start + 8 - n);
    let flags =
        below_0x2c(u64::from_le_bytes(*last)) & u64::MAX.checked_shl(seen as u32).unwrap_or(0);
    check_flagged(b, flags, |k| n - 8 + k)
}

/// [`check_filter`] for a filter of up to seven bytes, copied into a word whose other bytes are
/// 0xFF (never flagged), so a byte's index in the word is its position in the filter.
fn check_short_filter(b: &[u8]) -> Result<(), DecodeError> {
    if b.is_empty() {
        return Err(DecodeError::new(ErrorKind::EmptyTopic, 0));
    }
    let mut word = [0xFF; 8];
    if let Some(head) = word.get_mut(..b.len()) {
        head.copy_from_slice(b);
    }
    check_flagged(b, below_0x2c(u64::from_le_bytes(word)), |k| k)
}

/// Checks the filter byte of every byte of a word flagged in `flags` (its high bit set), in order;
/// `at` maps the byte's index in the word to its position in the filter.
#[inline(always)]
fn check_flagged(b: &[u8], mut flags: u64, at: impl Fn(usize) -> usize) -> Result<(), DecodeError> {
    while flags != 0 {
        check_special(b, at((flags.trailing_zeros() / 8) as usize))?;
        flags &= flags - 1;
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
