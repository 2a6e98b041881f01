//! Byte classes eight bytes at a time, in a `u64` (SWAR), for the scanners of the common cases.
//!
//! Every test here is exact per byte: the additions never carry from one byte into the next, since
//! they run on bytes whose high bit is cleared first (`low7`), so any byte of a result can be used,
//! not only the first one flagged.

/// One in every byte.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HI: u64 = LO << 7;

/// The eight bytes at `at` as a little-endian word; past the end of `bytes` the word is padded with
/// 0xFF, which no class here contains, so a scan always stops at the end.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(|r| r.first_chunk::<8>()) {
        Some(word) => u64::from_le_bytes(*word),
        None => {
            let mut padded = [0xff; 8];
            let tail = bytes.get(at..).unwrap_or_default();
            for (slot, &b) in padded.iter_mut().zip(tail) {
                *slot = b;
            }
            u64::from_le_bytes(padded)
        }
    }
}

/// `w` with the high bit of every byte cleared, the input of the class tests.
#[inline(always)]
pub(crate) const fn low7(w: u64) -> u64 {
    w & !HI
}

/// The high bit of each byte of `x` (a [`low7`] word) that is at least `n`, for `n` in 1..=0x80.
#[inline(always)]
pub(crate) const fn at_least(x: u64, n: u8) -> u64 {
    // Each byte: b + (0x80 - n) <= 0x7f + 0x7f, so no carry; its high bit is set when b >= n.
    x.wrapping_add(LO * (0x80 - n as u64)) & HI
}

/// The high bit of each byte of `x` (a [`low7`] word) in `lo..=hi`, for `1 <= lo <= hi < 0x80`.
#[inline(always)]
pub(crate) const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    at_least(x, lo) & !at_least(x, hi + 1)
}

/// The high bit of each byte of `x` (a [`low7`] word) equal to `c`, for `c < 0x80`.
#[inline(always)]
pub(crate) const fn equal(x: u64, c: u8) -> u64 {
    // Each byte of the XOR is below 0x80, and adding 0x7f sets its high bit unless it is zero.
    !(x ^ (LO * c as u64)).wrapping_add(LO * 0x7f) & HI
}

/// Index of the byte that the lowest flag of `mask` (non-zero) marks.
#[inline(always)]
pub(crate) const fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The flags of the bytes before byte `k` (0..8).
#[inline(always)]
pub(crate) const fn before(k: usize) -> u64 {
    (1u64 << (k * 8)) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each test against its plain definition, for every byte value at every position of a word
    /// whose other bytes are each of a few neighbours (a carry would show up there).
    #[test]
    fn classes_are_exact_per_byte() {
        let neighbours = [0u8, 0x1f, 0x20, 0x7f, 0x80, 0xff, b'a', b'z'];
        for b in 0..=255u8 {
            for n in neighbours {
                for pos in 0..8 {
                    let mut bytes = [n; 8];
                    bytes[pos] = b;
                    let w = u64::from_le_bytes(bytes);
                    let x = low7(w);
                    let flag = |mask: u64| mask >> (pos * 8 + 7) & 1 == 1;
                    let b7 = b & 0x7f;
                    for k in [1u8, 0x21, 0x30, 0x7f, 0x80] {
                        assert_eq!(flag(at_least(x, k)), b7 >= k, "{b:#x} >= {k:#x}");
                    }
                    assert_eq!(flag(in_range(x, b'a', b'z')), b7.is_ascii_lowercase());
                    for c in [0u8, b'"', 0x7f] {
                        assert_eq!(flag(equal(x, c)), b7 == c, "{b:#x} == {c:#x}");
                    }
                }
            }
        }
    }

    #[test]
    fn words_are_padded_past_the_end() {
        assert_eq!(word_at(b"abc", 0), u64::from_le_bytes(*b"abc\xff\xff\xff\xff\xff"));
        assert_eq!(word_at(b"abc", 5), u64::MAX);
        assert_eq!(word_at(b"0123456789", 1), u64::from_le_bytes(*b"12345678"));
        assert_eq!(first(0x80 << 16), 2);
        assert_eq!(before(0), 0);
        assert_eq!(before(3), 0xff_ffff);
    }
}
