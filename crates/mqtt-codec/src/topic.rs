//! Topic Names, Topic Filters, shared subscriptions and matching (MQTT 5.0 §4.7, §4.8.2; 3.1.1 §4.7),
//! without allocation.

use crate::error::{DecodeError, ErrorKind};

/// Checks a Topic Name, as in PUBLISH: at least one character [MQTT-4.7.3-1], no wildcard
/// [MQTT-3.3.2-2], no U+0000 [MQTT-4.7.3-2]. The offset of an error is within `name`.
pub fn check_topic_name(name: &str) -> Result<(), DecodeError> {
    if name.is_empty() {
        return Err(DecodeError::new(ErrorKind::EmptyTopic, 0));
    }
    match first_of_plus_hash_nul(name.as_bytes()) {
        Some(i) if name.as_bytes().get(i) == Some(&0) => {
            Err(DecodeError::new(ErrorKind::NullCharacter, i))
        }
        Some(i) => Err(DecodeError::new(ErrorKind::WildcardInTopicName, i)),
        None => Ok(()),
    }
}

/// The position of the first `+`, `#` or NUL, eight bytes at a time (topics are long and rarely hold
/// any of them; a byte loop was the largest cost of decoding a small PUBLISH). All three are below
/// 0x2C, where topic bytes are rare (`$`, space): one "any byte below 0x2C" test per word, and an
/// exact look only from the first word that fails it. The last partial word is tested as the
/// overlapping final eight bytes.
fn first_of_plus_hash_nul(b: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Exact for bytes below 0x80; a byte of 0x80 or more never sets its own flag, and can only
    // set a false one above it, which the exact look then clears.
    let below = |w: &[u8; 8]| {
        let v = u64::from_le_bytes(*w);
        v.wrapping_sub(LO * 0x2C) & !v & HI != 0
    };
    let mut at = 0;
    while let Some(word) = b.get(at..).and_then(|r| r.first_chunk::<8>()) {
        if below(word) {
            break;
        }
        at += 8;
    }
    // Fewer than eight bytes left (not a word that failed the test): look at them as the last word.
    if at >= 8 && b.len() - at < 8 {
        if let Some(last) = b.last_chunk::<8>() {
            if !below(last) {
                return None;
            }
        }
    }
    b.get(at..)?.iter().position(|&c| matches!(c, b'+' | b'#' | 0)).map(|i| at + i)
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
        if filter.is_empty() {
            return Err(DecodeError::new(ErrorKind::EmptyTopic, 0));
        }
        if let Some(rest) = filter.strip_prefix("$share/") {
            let bad = |at| Err(DecodeError::new(ErrorKind::InvalidSharedSubscription, at));
            let Some((share, inner)) = rest.split_once('/') else { return bad(filter.len()) };
            if share.is_empty() {
                return bad(7);
            }
            if let Some(i) = share.bytes().position(|b| b == b'+' || b == b'#') {
                return bad(7 + i);
            }
            let inner_at = 7 + share.len() + 1;
            if inner.is_empty() {
                return bad(inner_at);
            }
            check_filter(inner).map_err(|e| e.shifted(inner_at))?;
            return Ok(Self { raw: filter, share_name: Some(share), filter: inner });
        }
        check_filter(filter)?;
        Ok(Self { raw: filter, share_name: None, filter })
    }

    /// A filter that was checked before (when its packet was decoded): only the shared-subscription
    /// prefix is split off again.
    pub(crate) fn checked(raw: &'a str) -> Self {
        if let Some((share, inner)) = raw.strip_prefix("$share/").and_then(|r| r.split_once('/')) {
            return Self { raw, share_name: Some(share), filter: inner };
        }
        Self { raw, share_name: None, filter: raw }
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

/// One pass over the bytes: `+` must have `/` or an end on both sides, `#` a `/` or the start before
/// it and the end after it.
fn check_filter(filter: &str) -> Result<(), DecodeError> {
    let b = filter.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let after_separator = i == 0 || b.get(i - 1) == Some(&b'/');
        let ok = match c {
            0 => return Err(DecodeError::new(ErrorKind::NullCharacter, i)),
            b'+' => after_separator && matches!(b.get(i + 1), None | Some(b'/')),
            b'#' => after_separator && i + 1 == b.len(),
            _ => true,
        };
        if !ok {
            return Err(DecodeError::new(ErrorKind::InvalidWildcard, i));
        }
    }
    Ok(())
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
    use super::first_of_plus_hash_nul;

    #[test]
    fn special_byte_found_at_every_position_and_length() {
        for len in 0..40usize {
            assert_eq!(first_of_plus_hash_nul(&[b'a'; 40][..len]), None, "len {len}");
            for pos in 0..len {
                for special in [b'+', b'#', 0] {
                    let mut v = [b'a'; 40];
                    v[pos] = special;
                    if pos + 1 < len {
                        v[len - 1] = b'#';
                    }
                    assert_eq!(first_of_plus_hash_nul(&v[..len]), Some(pos), "len {len} pos {pos}");
                }
            }
        }
    }
}
