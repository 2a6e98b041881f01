//! Character classes and token scanners of RFC 6690 §2, RFC 8288 §3 and RFC 8187 §3.2.1, with nom.
//! Private: no nom type leaves this module.

use nom::bytes::complete::{take_while, take_while1};
use nom::{IResult, Parser};

type Res<'a> = IResult<&'a str, &'a str, ()>;

/// Definition: characters of a URI-reference (RFC 3986 §2: unreserved, reserved and `%`), except `>` which ends it.
const fn is_uri_char_def(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b':'
                | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b'%'
        )
}

/// The URI characters other than `%`, which the target scan stops at to check its two hex digits.
const fn is_uri_char_but_percent_def(b: u8) -> bool {
    b != b'%' && is_uri_char_def(b)
}

/// `attr-char` of RFC 8187 §3.2.1, the characters of a `parmname`.
const fn is_attr_char_def(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#' | b'$' | b'&' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
        )
}

/// `ptokenchar` of RFC 6690 §2.
const fn is_ptoken_char_def(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b'-'
                | b'.'
                | b'/'
                | b':'
                | b'<'
                | b'='
                | b'>'
                | b'?'
                | b'@'
                | b'['
                | b']'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'}'
                | b'~'
        )
}

/// `reg-rel-type` of RFC 6690 §2: `LOALPHA *( LOALPHA / DIGIT / "." / "-" )`.
pub(crate) fn is_reg_rel_type(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z')) && bytes.all(is_reg_rel_char)
}

/// The characters of a `reg-rel-type` after its first: `LOALPHA / DIGIT / "." / "-"`.
const fn is_reg_rel_char_def(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
}

/// A `relation-type`: a `reg-rel-type` or an absolute URI (RFC 6690 §2 `ext-rel-type`; the URI is
/// checked for a scheme and URI characters).
pub(crate) fn is_relation_type(s: &str) -> bool {
    is_reg_rel_type(s) || is_absolute_uri(s)
}

fn is_absolute_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut sb = scheme.bytes();
    matches!(sb.next(), Some(b) if b.is_ascii_alphabetic())
        && sb.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        && !rest.is_empty()
        && rest.bytes().all(is_uri_char)
}

/// `cardinal` of RFC 6690 §2: `"0" / %x31-39 *DIGIT`; `None` also when it does not fit 64 bits.
pub(crate) fn parse_cardinal(s: &str) -> Option<u64> {
    parse_cardinal_bytes(s.as_bytes())
}

/// [`parse_cardinal`] on bytes.
pub(crate) fn parse_cardinal_bytes(s: &[u8]) -> Option<u64> {
    match s {
        [] => None,
        [b'0'] => Some(0),
        [b'0', ..] => None,
        digits => digits.iter().try_fold(0u64, |value, &d| {
            let digit = d.checked_sub(b'0').filter(|&d| d <= 9)?;
            value.checked_mul(10)?.checked_add(u64::from(digit))
        }),
    }
}

/// A 256-entry membership table built at compile time from a class definition, so that the scanners
/// do one load per byte.
macro_rules! class_table {
    ($def:ident) => {{
        let mut table = [false; 256];
        let mut i = 0;
        while i < 256 {
            // In bounds: i < 256, the table's length.
            #[allow(clippy::indexing_slicing)]
            {
                table[i] = $def(i as u8);
            }
            i += 1;
        }
        table
    }};
}

static URI_CHARS: [bool; 256] = class_table!(is_uri_char_def);
static URI_CHARS_BUT_PERCENT: [bool; 256] = class_table!(is_uri_char_but_percent_def);
static ATTR_CHARS: [bool; 256] = class_table!(is_attr_char_def);
static PTOKEN_CHARS: [bool; 256] = class_table!(is_ptoken_char_def);
static REG_REL_CHARS: [bool; 256] = class_table!(is_reg_rel_char_def);

/// Characters of a URI-reference (RFC 3986 §2), except `>`.
#[inline(always)]
pub(crate) fn is_uri_char(b: u8) -> bool {
    URI_CHARS.get(usize::from(b)).copied().unwrap_or(false)
}

/// `attr-char` of RFC 8187 §3.2.1.
#[inline(always)]
pub(crate) fn is_attr_char(b: u8) -> bool {
    ATTR_CHARS.get(usize::from(b)).copied().unwrap_or(false)
}

/// `LOALPHA / DIGIT / "." / "-"`, the tail of a `reg-rel-type`.
#[inline(always)]
pub(crate) fn is_reg_rel_char(b: u8) -> bool {
    REG_REL_CHARS.get(usize::from(b)).copied().unwrap_or(false)
}

/// `ptokenchar` of RFC 6690 §2.
#[inline(always)]
pub(crate) fn is_ptoken_char(b: u8) -> bool {
    PTOKEN_CHARS.get(usize::from(b)).copied().unwrap_or(false)
}

/// Splits `i` after the leading bytes that `pred` accepts (nom on bytes: `pred` only accepts ASCII, so
/// the split is on a character boundary and the `&str` needs no second UTF-8 check).
#[inline(always)]
fn split_while(i: &str, pred: impl Fn(u8) -> bool, at_least_one: bool) -> Res<'_> {
    let bytes = i.as_bytes();
    let scanned: IResult<&[u8], &[u8], ()> =
        if at_least_one { take_while1(pred).parse(bytes) } else { take_while(pred).parse(bytes) };
    let (_, taken) = scanned.map_err(|_| nom::Err::Error(()))?;
    let (head, tail) = i.split_at_checked(taken.len()).ok_or(nom::Err::Error(()))?;
    Ok((tail, head))
}

/// The length of the run of URI characters (as [`is_uri_char`]) at the start of `bytes` when every
/// `%` in it is followed by two hex digits, checked on the way instead of in a second pass; `None`
/// at a `%` that is not, which the general path then reports (after the checks that come first).
#[inline(always)]
pub(crate) fn uri_run_len(bytes: &[u8]) -> Option<usize> {
    let plain = |b: &u8| URI_CHARS_BUT_PERCENT.get(usize::from(*b)).copied().unwrap_or(false);
    let mut at = 0;
    loop {
        while bytes.get(at).is_some_and(plain) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'%') {
            return Some(at);
        }
        let hex = |k: usize| bytes.get(at + k).is_some_and(u8::is_ascii_hexdigit);
        if !(hex(1) && hex(2)) {
            return None;
        }
        at += 3;
    }
}

/// A URI-reference up to (not including) `>`.
pub(crate) fn target(i: &str) -> Res<'_> {
    split_while(i, is_uri_char, false)
}

/// A parameter name: `parmname`, with an optional trailing `*` (RFC 6690 §2 `ext-name-star`).
pub(crate) fn param_name(i: &str) -> Res<'_> {
    let (rest, name) = split_while(i, is_attr_char, true)?;
    match rest.strip_prefix('*') {
        Some(after) => Ok((after, i.get(..name.len() + 1).unwrap_or(name))),
        None => Ok((rest, name)),
    }
}

/// A `ptoken`.
pub(crate) fn ptoken(i: &str) -> Res<'_> {
    split_while(i, is_ptoken_char, true)
}

/// Why a quoted string ended badly, with its offset inside the input.
pub(crate) enum QuotedError {
    Unterminated,
    BadEscape(usize),
    Control(usize),
}

/// The content of a quoted string (RFC 2616 §2.2), `i` starting just after the opening quote. Returns
/// the raw content (escapes kept) and the input after the closing quote.
pub(crate) fn quoted_content(i: &str) -> Result<(&str, &str), QuotedError> {
    let bytes = i.as_bytes();
    let mut at = 0;
    loop {
        at = next_quoted_stop(bytes, at);
        match bytes.get(at) {
            None => return Err(QuotedError::Unterminated),
            Some(b'"') => {
                let content = i.get(..at).unwrap_or_default();
                let rest = i.get(at + 1..).unwrap_or_default();
                return Ok((content, rest));
            }
            Some(b'\\') => match bytes.get(at + 1) {
                Some(n) if n.is_ascii() => at += 2,
                _ => return Err(QuotedError::BadEscape(at)),
            },
            // Tab is linear white space, allowed in TEXT.
            Some(b'\t') => at += 1,
            // TEXT excludes the other CTLs (RFC 2616 §2.2).
            Some(_) => return Err(QuotedError::Control(at)),
        }
    }
}

/// The position, from `at`, of the first byte where quoted text needs a closer look: `"`, `\\`, DEL
/// or a control character (tab included, which the caller steps over); the length when there is
/// none. Eight bytes at a time: the content is usually followed by more of the payload, so a whole
/// word is there to load, and the word's first such byte is found without a byte loop.
#[inline(always)]
fn next_quoted_stop(bytes: &[u8], mut at: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    while let Some(word) = bytes.get(at..).and_then(|r| r.first_chunk::<8>()) {
        let w = u64::from_le_bytes(*word);
        let stops = first_zero(w ^ (LO * u64::from(b'"')))
            | first_zero(w ^ (LO * u64::from(b'\\')))
            | first_zero(w ^ (LO * 0x7f))
            | first_below(w, 0x20);
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(|&b| !is_quoted_stop(b)) {
        at += 1;
    }
    at
}

/// A mask whose lowest set bit is the high bit of the first zero byte of `v` (0 when there is none).
/// Higher bits may be set wrongly (a borrow from a zero byte can flag the byte above it), so only
/// the lowest one is used; and since a wrong flag only ever sits above a true one, several such
/// masks can be OR-ed and the lowest bit still marks the first byte that any of them looks for.
#[inline(always)]
fn first_zero(v: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    v.wrapping_sub(LO) & !v & (LO << 7)
}

/// The same for the first byte of `w` below `n` (at most 0x80).
#[inline(always)]
fn first_below(w: u64, n: u8) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    w.wrapping_sub(LO * u64::from(n)) & !w & (LO << 7)
}

/// The content of a quoted string that the parser has checked, `i` starting just after the opening
/// quote: only `"` and `\\` matter now (two tests per word instead of five), and the closing quote
/// is known to be there. Returns the content and the input after the closing quote.
#[inline]
pub(crate) fn checked_quoted_content(i: &str) -> (&str, &str) {
    const LO: u64 = 0x0101_0101_0101_0101;
    let bytes = i.as_bytes();
    let mut at = 0;
    loop {
        while let Some(word) = bytes.get(at..).and_then(|r| r.first_chunk::<8>()) {
            let w = u64::from_le_bytes(*word);
            let hits =
                first_zero(w ^ (LO * u64::from(b'"'))) | first_zero(w ^ (LO * u64::from(b'\\')));
            if hits != 0 {
                at += (hits.trailing_zeros() / 8) as usize;
                break;
            }
            at += 8;
        }
        while bytes.get(at).is_some_and(|&b| b != b'"' && b != b'\\') {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'\\') => at += 2,
            _ => return (i.get(..at).unwrap_or(i), i.get(at + 1..).unwrap_or_default()),
        }
    }
}

/// The bytes [`next_quoted_stop`] stops at: `"`, `\\`, DEL and every control character.
const fn is_quoted_stop_def(b: u8) -> bool {
    matches!(b, b'"' | b'\\' | 0..=31 | 127)
}

static QUOTED_STOP: [bool; 256] = class_table!(is_quoted_stop_def);

#[inline(always)]
fn is_quoted_stop(b: u8) -> bool {
    QUOTED_STOP.get(usize::from(b)).copied().unwrap_or(true)
}

/// The common shape of an `rt`, `if`, `rel` or `rev` value, checked as the closing quote is found:
/// `bytes` starts just after the opening quote, and when what follows is a list of `reg-rel-type`s
/// (RFC 6690 §2: a lowercase letter, then lowercase letters, digits, `.` and `-`) separated by
/// spaces, with no leading or trailing space, and then `"`, the result is the list's length. Anything
/// else (an escape, an absolute URI, an uppercase letter, an error) gives `None`, and the general
/// path, which reports errors exactly, parses the value instead. So one pass of eight bytes at a
/// time replaces the quoted-string scan and the relation-type check that follows it.
#[inline(always)]
pub(crate) fn reg_rel_list_len(bytes: &[u8]) -> Option<usize> {
    use crate::swar::{before, equal, first, in_range, low7, word_at, HI};
    if !bytes.first()?.is_ascii_lowercase() {
        return None;
    }
    let mut at = 0;
    // The flag of byte 0 when the byte before the word is a space.
    let mut after_space = 0u64;
    loop {
        let w = word_at(bytes, at);
        let x = low7(w);
        let lower = in_range(x, b'a', b'z');
        let digit_or_mark = in_range(x, b'0', b'9') | in_range(x, b'-', b'.');
        let space = equal(x, b' ');
        // Bytes of 0x80 and up stop too (their low seven bits may look like a class member).
        let stops = (!(lower | digit_or_mark | space) | w) & HI;
        // A word starts after a space: it may not start with a digit, `.` or `-`.
        let bad_starts = ((space << 8) | after_space) & digit_or_mark;
        if stops != 0 {
            let k = first(stops);
            let end = at + k;
            let closed =
                bytes.get(end) == Some(&b'"') && bytes.get(end.wrapping_sub(1)) != Some(&b' ');
            return (closed && bad_starts & before(k) == 0).then_some(end);
        }
        if bad_starts != 0 {
            return None;
        }
        after_space = (space >> 56) & 0x80;
        at += 8;
    }
}

/// Whether `s` is an RFC 8187 `ext-value`: `charset "'" [ language ] "'" value-chars`.
pub(crate) fn is_ext_value(s: &str) -> bool {
    let mut parts = s.splitn(3, '\'');
    let (Some(charset), Some(language), Some(value)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let charset_ok = !charset.is_empty()
        && charset.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&+-^_`{}~".contains(&b));
    let language_ok = language.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let value = value.as_bytes();
    let mut k = 0;
    let mut value_ok = true;
    while let Some(&b) = value.get(k) {
        if b == b'%' {
            let hex = |j: usize| value.get(j).is_some_and(|h| h.is_ascii_hexdigit());
            if !(hex(k + 1) && hex(k + 2)) {
                value_ok = false;
                break;
            }
            k += 3;
        } else if is_attr_char(b) {
            k += 1;
        } else {
            value_ok = false;
            break;
        }
    }
    charset_ok && language_ok && value_ok
}

/// Offset of the first `%` not followed by two hex digits.
pub(crate) fn bad_percent(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    // Most targets have no escapes. A fold without early exit is compared sixteen bytes at a time,
    // and costs less than `memchr`'s setup on strings this short.
    if !b.iter().fold(false, |any, &c| any | (c == b'%')) {
        return None;
    }
    b.iter().enumerate().find_map(|(i, &c)| {
        let ok = c != b'%'
            || (b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit));
        (!ok).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::format;

    use super::{
        bad_percent, checked_quoted_content, is_quoted_stop_def, next_quoted_stop, parse_cardinal,
        quoted_content, target, uri_run_len,
    };
    use crate::test_strings::every_string;

    #[test]
    fn checked_scan_agrees_with_the_checking_one() {
        // Every string of up to eight characters over `a`, `"`, `\` and `é`, then a long tail so
        // that both the word loop and the byte loop are taken.
        for text in every_string(&["a", "\"", "\\", "é"], 8) {
            for tail in ["", "\"", "\";x=1", "0123456789abcdef\"", "\"0123456789abcdef"] {
                let input = format!("{text}{tail}");
                if let Ok(expected) = quoted_content(&input) {
                    assert_eq!(checked_quoted_content(&input), expected, "{input:?}");
                }
            }
        }
    }

    #[test]
    fn word_scan_finds_the_first_stop_byte() {
        // Every byte value alone, at every position of a word and of the byte tail.
        for b in 0..=255u8 {
            for pos in 0..12 {
                let mut text = [b'a'; 12];
                text[pos] = b;
                let expected = if is_quoted_stop_def(b) { pos } else { 12 };
                assert_eq!(next_quoted_stop(&text, 0), expected, "byte {b:#x} at {pos}");
            }
        }
        // Every arrangement of four bytes that set, or could wrongly set, a flag (borrows from a
        // zero or low byte into the next one), at the start of a word.
        let tricky = [0u8, 1, 8, 9, 0x1f, 0x20, 0x21, b'"', b'#', b'\\', b']', 0x7f, 0x80, 0xff];
        for code in 0..tricky.len().pow(4) {
            let mut text = [b'a'; 8];
            let mut c = code;
            for slot in text.iter_mut().take(4) {
                *slot = tricky[c % tricky.len()];
                c /= tricky.len();
            }
            let expected = text.iter().position(|&b| is_quoted_stop_def(b)).unwrap_or(8);
            assert_eq!(next_quoted_stop(&text, 0), expected, "{text:?}");
        }
    }

    /// The target scan with its escapes checked on the way agrees with the plain scan followed by
    /// the escape check.
    #[test]
    fn uri_run_agrees_with_scan_then_escape_check() {
        let alphabet = ["a", "%", "0", "F", "g", ">", "<", " ", "/", "\u{e9}"];
        for text in every_string(&alphabet, 6) {
            let (_, target) = target(&text).unwrap();
            let expected = match bad_percent(target) {
                None => Some(target.len()),
                Some(_) => None,
            };
            assert_eq!(uri_run_len(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn cardinals() {
        assert_eq!(parse_cardinal("0"), Some(0));
        assert_eq!(parse_cardinal("65535"), Some(65535));
        assert_eq!(parse_cardinal("18446744073709551615"), Some(u64::MAX));
        for bad in ["", "00", "01", "1a", "-1", "+1", " 1", "18446744073709551616"] {
            assert_eq!(parse_cardinal(bad), None, "{bad:?}");
        }
    }
}
