//! Sets of reason codes as 256-bit maps: one shift and mask per test. `<[u8]>::contains` would call
//! `memchr`, which on lists this short costs more than it saves and brings 0.2 KB of code into a
//! firmware image (`ffi/footprint/measure.sh`).

/// The reason codes that one packet type allows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CodeSet([u64; 4]);

impl CodeSet {
    /// The set of `codes`, built at compile time.
    pub(crate) const fn of(codes: &[u8]) -> Self {
        let mut words = [0u64; 4];
        let mut i = 0;
        while i < codes.len() {
            // In bounds: i < codes.len(), and a byte's top two bits pick one of the four words.
            #[allow(clippy::indexing_slicing)]
            {
                let c = codes[i];
                words[(c >> 6) as usize] |= 1 << (c & 63);
            }
            i += 1;
        }
        Self(words)
    }

    /// Whether `code` is in the set.
    #[inline]
    pub(crate) fn contains(&self, code: u8) -> bool {
        self.0.get(usize::from(code >> 6)).is_some_and(|w| (w >> (code & 63)) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::CodeSet;

    #[test]
    fn holds_exactly_its_codes() {
        let codes = [0x00, 0x04, 0x3F, 0x40, 0x7F, 0x80, 0x9F, 0xBF, 0xC0, 0xFF];
        let set = CodeSet::of(&codes);
        for c in 0..=255u8 {
            assert_eq!(set.contains(c), codes.contains(&c), "{c:#04x}");
        }
        let empty = CodeSet::of(&[]);
        assert!((0..=255u8).all(|c| !empty.contains(c)));
    }
}
