//! The bytes around an error offset, for the one-line report of a malformed PDU.

/// Up to 8 bytes on each side of `offset`, the byte at the offset in brackets:
/// `40 01 00 01 [f1]` (with `…` where bytes were left out).
pub(crate) fn around(bytes: &[u8], offset: usize) -> String {
    const SIDE: usize = 8;
    let start = offset.saturating_sub(SIDE);
    let end = offset.saturating_add(SIDE + 1).min(bytes.len());
    let mut parts = Vec::new();
    if start > 0 {
        parts.push("…".to_string());
    }
    for (i, b) in bytes.iter().enumerate().take(end).skip(start) {
        parts.push(if i == offset { format!("[{b:02x}]") } else { format!("{b:02x}") });
    }
    if offset >= bytes.len() {
        parts.push("[end]".to_string());
    } else if end < bytes.len() {
        parts.push("…".to_string());
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::around;

    #[test]
    fn marks_the_offset_and_elides_the_rest() {
        assert_eq!(around(&[0x40, 0x01, 0x00, 0x01, 0xf1], 4), "40 01 00 01 [f1]");
        assert_eq!(around(&[0x40], 3), "40 [end]");
        let long: Vec<u8> = (0..40).collect();
        assert_eq!(around(&long, 20), "… 0c 0d 0e 0f 10 11 12 13 [14] 15 16 17 18 19 1a 1b 1c …");
    }
}
