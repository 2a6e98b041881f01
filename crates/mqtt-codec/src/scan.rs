//! Whole-string byte tests that the compiler turns into vector instructions (SSE2 on x86-64, NEON on
//! AArch64) without `unsafe`: each 16-byte block is folded with `|`, which has no early exit, so LLVM
//! compares the sixteen bytes at once. MQTT strings are short (topics of 10 to 60 bytes, property
//! values shorter still), where a byte loop or `memchr`'s setup costs more than the test itself; the
//! exact position of a hit, needed only for the error, is looked up afterwards.

/// Whether any byte of the sixteen satisfies `hit`.
#[inline(always)]
fn block16(block: &[u8; 16], hit: impl Fn(u8) -> bool) -> bool {
    block.iter().fold(false, |any, &b| any | hit(b))
}

/// Whether any byte of the eight satisfies `hit`.
#[inline(always)]
fn block8(block: &[u8; 8], hit: impl Fn(u8) -> bool) -> bool {
    block.iter().fold(false, |any, &b| any | hit(b))
}

/// Whether any byte of `bytes` satisfies `hit`. Whole 16-byte blocks first; the tail is covered by
/// the last sixteen bytes again (overlapping the last block), so no byte loop runs on strings of
/// eight bytes or more.
#[inline(always)]
pub(crate) fn any_byte(bytes: &[u8], hit: impl Fn(u8) -> bool + Copy) -> bool {
    if let Some(last) = bytes.last_chunk::<16>() {
        let mut blocks = bytes.chunks_exact(16);
        let whole = blocks.any(|b| b.first_chunk::<16>().is_some_and(|b| block16(b, hit)));
        whole || block16(last, hit)
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        block8(first, hit) | block8(last, hit)
    } else if let (Some(a), Some(b)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // Four to seven bytes: the first four and the last four, as one block of eight.
        block8(&[a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]], hit)
    } else {
        // Up to three bytes: the first, the middle one and the last (a byte loop here was a
        // vectorised loop with a long set-up, for at most three bytes).
        let at = |i: usize| bytes.get(i).is_some_and(|&b| hit(b));
        at(0) | at(bytes.len() / 2) | at(bytes.len().wrapping_sub(1))
    }
}

/// Whether `bytes` are ASCII without U+0000: then they are a well-formed MQTT string without further
/// checks (MQTT 5.0 §1.5.4), which is the common case that a validating pass can settle in one test.
#[inline(always)]
pub(crate) fn is_ascii_without_nul(bytes: &[u8]) -> bool {
    !any_byte(bytes, |b| b == 0 || b >= 0x80)
}

#[cfg(test)]
mod tests {
    use super::any_byte;

    #[test]
    fn every_position_of_every_length_is_seen() {
        for len in 0..70usize {
            assert!(!any_byte(&[b'a'; 70][..len], |b| b == b'#'), "len {len}");
            // A hit just past the end is not seen.
            let mut past = [b'a'; 71];
            past[len] = b'#';
            assert!(!any_byte(&past[..len], |b| b == b'#'), "len {len} past end");
            for pos in 0..len {
                let mut v = [b'a'; 70];
                v[pos] = b'#';
                assert!(any_byte(&v[..len], |b| b == b'#'), "len {len} pos {pos}");
            }
        }
    }
}
