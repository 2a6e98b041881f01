//! TCP reassembly for one direction of a connection: segments are put in sequence-number order,
//! retransmitted bytes are dropped, out-of-order segments wait until the gap before them is filled.

use std::collections::BTreeMap;

/// The in-order bytes of one direction that the protocol splitter has not consumed yet.
#[derive(Debug, Default)]
pub(crate) struct Direction {
    /// Sequence number of stream offset 0 (the byte after the SYN, or the first segment seen).
    isn: Option<u32>,
    /// Stream offset of the next byte expected.
    next: u64,
    /// Segments that arrived ahead of a gap, by stream offset.
    ahead: BTreeMap<u64, Vec<u8>>,
    /// Bytes received in order and not yet consumed.
    pub(crate) buf: Vec<u8>,
    /// A PDU could not be split off: the rest of this direction is not decoded.
    pub(crate) broken: bool,
}

impl Direction {
    /// Takes one segment; returns whether new in-order bytes were added to `buf`.
    pub(crate) fn push(&mut self, seq: u32, syn: bool, payload: &[u8]) -> bool {
        let isn = match (self.isn, syn) {
            (_, true) => {
                // The SYN takes one sequence number; data starts after it.
                let isn = seq.wrapping_add(1);
                if self.isn.is_none() {
                    self.isn = Some(isn);
                }
                if payload.is_empty() {
                    return false;
                }
                isn
            }
            (Some(isn), false) => isn,
            (None, false) => {
                // Capture started mid-connection: the first segment seen is offset 0.
                self.isn = Some(seq);
                seq
            }
        };
        if payload.is_empty() || self.broken {
            return false;
        }
        // Offsets relative to the ISN, modulo 2^32: a stream of more than 4 GiB would wrap.
        let offset = u64::from(seq.wrapping_sub(isn));
        let added = self.place(offset, payload);
        added && self.drain_ahead()
    }

    /// Appends what is new in `payload` at `offset`, or keeps it for later; returns whether bytes
    /// were appended.
    fn place(&mut self, offset: u64, payload: &[u8]) -> bool {
        let end = offset + payload.len() as u64;
        if end <= self.next {
            return false; // a retransmission of bytes already delivered
        }
        if offset > self.next {
            let slot = self.ahead.entry(offset).or_default();
            if payload.len() > slot.len() {
                *slot = payload.to_vec();
            }
            return false;
        }
        let skip = (self.next - offset) as usize;
        self.buf.extend_from_slice(payload.get(skip..).unwrap_or_default());
        self.next = end;
        true
    }

    /// Moves the segments that the new bytes made contiguous into `buf`; always true (called after
    /// bytes were added).
    fn drain_ahead(&mut self) -> bool {
        while let Some((&offset, _)) = self.ahead.first_key_value() {
            if offset > self.next {
                break;
            }
            if let Some(data) = self.ahead.remove(&offset) {
                self.place(offset, &data);
            }
        }
        true
    }

    /// Segments still waiting behind a gap at the end of the capture.
    pub(crate) fn gap(&self) -> Option<(u64, usize)> {
        self.ahead.iter().next().map(|(o, d)| (*o, d.len()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::Direction;

    #[test]
    fn reorders_and_drops_retransmissions() {
        let mut d = Direction::default();
        assert!(!d.push(999, true, b""));
        assert!(d.push(1000, false, b"abc"));
        assert!(!d.push(1006, false, b"ghi"), "ahead of a gap");
        assert!(!d.push(1000, false, b"abc"), "retransmission");
        assert!(d.push(1002, false, b"cdef"), "overlaps the delivered bytes and fills the gap");
        assert_eq!(d.buf, b"abcdefghi");
        assert_eq!(d.gap(), None);
    }

    #[test]
    fn starts_mid_stream_and_wraps_sequence_numbers() {
        let mut d = Direction::default();
        assert!(d.push(u32::MAX - 1, false, b"ab"));
        assert!(d.push(0, false, b"cd"));
        assert_eq!(d.buf, b"abcd");
        assert!(!d.push(10, false, b"zz"));
        assert_eq!(d.gap(), Some((12, 2)));
    }
}
