//! The UTF-8 check of string option values (RFC 7252 §3.2: "a Unicode string encoded using UTF-8
//! in Net-Unicode form"), written here rather than taken from `core::str::from_utf8`.
//!
//! Why not `core`: the precompiled `core` is built for speed; its validator and the 256-byte width
//! table it reads take some 760 bytes of a firmware image (measured with `ffi/footprint/measure.sh`),
//! this one 171 with opt-level "s" (plus the inlined ASCII test).
//! The values are short and nearly always ASCII, so speed comes from the word-wise ASCII test in
//! front; the byte loop behind it only runs for non-ASCII text, and is as small as it can be.

/// Whether `value` is well-formed UTF-8: the sequences of RFC 3629 §4 (no overlong forms, no
/// surrogates, nothing above U+10FFFF), exactly what `core::str::from_utf8` accepts.
#[inline(always)]
pub(crate) fn is_utf8(value: &[u8]) -> bool {
    is_ascii_short(value) || is_utf8_slow(value)
}

/// The full check, one sequence at a time. Kept out of line: it is the rare case, and the decoder's
/// loop stays small around the call.
#[inline(never)]
fn is_utf8_slow(value: &[u8]) -> bool {
    let mut rest = value;
    while let Some((&lead, tail)) = rest.split_first() {
        rest = tail;
        if lead < 0x80 {
            continue;
        }
        // RFC 3629 §4's table: the lead byte fixes how many continuation bytes follow (each
        // 0x80-0xBF) and narrows the range of the first one, which rules out overlong forms,
        // surrogates (0xED 0xA0-0xBF) and code points above U+10FFFF. Checking ranges needs no
        // code point arithmetic, which keeps this small.
        let (count, mut low, mut high) = match lead {
            0xC2..=0xDF => (1, 0x80, 0xBF),
            0xE0 => (2, 0xA0, 0xBF),
            0xED => (2, 0x80, 0x9F),
            0xE1..=0xEF => (2, 0x80, 0xBF),
            0xF0 => (3, 0x90, 0xBF),
            0xF1..=0xF3 => (3, 0x80, 0xBF),
            0xF4 => (3, 0x80, 0x8F),
            _ => return false,
        };
        let Some((continuation, after)) = rest.split_at_checked(count) else { return false };
        for &c in continuation {
            if c < low || c > high {
                return false;
            }
            (low, high) = (0x80, 0xBF);
        }
        rest = after;
    }
    true
}

/// Whether every byte is below 0x80, reading whole words: the 8-byte words from the start, then the
/// last 8 bytes (overlapping the words already read), so a typical Uri-Path segment of 8 to 16 bytes
/// costs two loads instead of a byte loop; 4 to 7 bytes, two overlapping 4-byte loads. Smaller than
/// `<[u8]>::is_ascii`, whose unrolled vector loop is meant for long text.
#[inline(always)]
pub(crate) fn is_ascii_short(v: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let Some(last) = v.last_chunk::<8>() else {
        return match (v.first_chunk::<4>(), v.last_chunk::<4>()) {
            (Some(a), Some(b)) => {
                (u32::from_ne_bytes(*a) | u32::from_ne_bytes(*b)) & 0x8080_8080 == 0
            }
            // Up to three bytes: the first, the middle one (or the first again) and the last.
            _ => {
                let at = |i: usize| v.get(i).copied().unwrap_or(0);
                (at(0) | at(v.len() / 2) | at(v.len().wrapping_sub(1))) < 0x80
            }
        };
    };
    let mut seen = u64::from_ne_bytes(*last);
    let mut rest = v;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        seen |= u64::from_ne_bytes(*word);
        rest = tail;
    }
    seen & HIGH == 0
}

#[cfg(test)]
mod tests {
    use super::{is_ascii_short, is_utf8};

    fn agrees(bytes: &[u8]) {
        assert_eq!(is_utf8(bytes), core::str::from_utf8(bytes).is_ok(), "{bytes:02x?}");
    }

    #[test]
    fn agrees_with_core_on_every_sequence_of_up_to_three_bytes() {
        agrees(&[]);
        for a in 0..=255u8 {
            agrees(&[a]);
            for b in 0..=255u8 {
                agrees(&[a, b]);
                for c in 0..=255u8 {
                    // Only the results that a lead byte makes interesting: the rest are ASCII
                    // runs or already decided by `a` and `b`, and cost seconds in a debug build.
                    if a >= 0x80 || b >= 0x80 {
                        agrees(&[a, b, c]);
                    }
                }
            }
        }
    }

    #[test]
    fn agrees_with_core_on_four_byte_sequences_and_their_neighbours() {
        // Every lead from 0xEE to 0xFF, every second and third byte, and a fourth byte on each side
        // of the continuation range; then with ASCII around them so that the word test fails first.
        let fourth = [0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF];
        for a in 0xEE..=0xFFu8 {
            for b in 0..=255u8 {
                for c in [0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF] {
                    for d in fourth {
                        agrees(&[a, b, c, d]);
                        agrees(&[b'x', a, b, c, d, b'y', b'z', b'w', b'v', b'u']);
                    }
                }
            }
        }
    }

    #[test]
    fn truncated_sequences_at_the_end_are_refused() {
        for text in ["é", "€", "𝄞"] {
            let bytes = text.as_bytes();
            for cut in 1..bytes.len() {
                assert!(!is_utf8(&bytes[..cut]), "{text} cut at {cut}");
            }
            assert!(is_utf8(bytes));
        }
    }

    #[test]
    fn ascii_check_sees_a_high_byte_at_every_position_and_length() {
        for len in 0..40usize {
            let clean = [b'a'; 40];
            assert!(is_ascii_short(&clean[..len]), "len {len}");
            for pos in 0..len {
                let mut v = clean;
                v[pos] = 0x80;
                assert!(!is_ascii_short(&v[..len]), "len {len} pos {pos}");
            }
        }
    }
}
