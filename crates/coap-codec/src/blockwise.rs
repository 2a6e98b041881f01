//! Block-wise transfer without a heap (RFC 7959 §2, BERT in RFC 8323 §6): a slicer that cuts a
//! representation into the blocks a peer asks for, and a reassembler that puts received blocks into a
//! caller buffer, in order, refusing what does not fit together.

use core::fmt;

use crate::block::{size_of_szx, BlockValue, BERT_SZX, MAX_BLOCK_NUM};

/// One block cut from a representation: the option value to send with it and its payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice<'r> {
    /// The Block2 (or Block1) option value in descriptive usage: NUM, M set when more follow, SZX.
    pub block: BlockValue,
    /// The bytes to send as the payload.
    pub payload: &'r [u8],
}

/// Answers block requests from a representation held in memory.
///
/// ```
/// use coap_codec::{BlockSlicer, BlockValue};
/// let body = [7u8; 100];
/// let slicer = BlockSlicer::new(&body);
/// // A GET with Block2 2/0/32 asks for bytes 64..96 (RFC 7959 §2.2).
/// let s = slicer.answer(Some(BlockValue::new(2, false, 1).unwrap()), 6).unwrap();
/// assert_eq!((s.block.num(), s.block.more(), s.payload.len()), (2, true, 32));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockSlicer<'r> {
    body: &'r [u8],
    bert_payload: usize,
}

impl<'r> BlockSlicer<'r> {
    /// A slicer over `body`, sending one 1024-byte unit per BERT block.
    pub const fn new(body: &'r [u8]) -> Self {
        Self { body, bert_payload: 1024 }
    }

    /// The same slicer sending up to `bytes` (rounded down to a multiple of 1024, at least 1024) in
    /// each BERT block: the peer's Max-Message-Size minus room for the header and options
    /// (RFC 8323 §6).
    pub const fn with_bert_payload(mut self, bytes: usize) -> Self {
        let units = bytes / 1024;
        self.bert_payload = if units == 0 { 1024 } else { units * 1024 };
        self
    }

    /// The representation.
    pub const fn body(&self) -> &'r [u8] {
        self.body
    }

    /// Block `num` of size exponent `szx` (7 for BERT); `None` when it starts past the end (a block
    /// number the representation does not have) or `szx` is above 7. Block 0 of an empty
    /// representation is an empty final block.
    pub fn block(&self, num: u32, szx: u8) -> Option<Slice<'r>> {
        if szx > BERT_SZX || num > MAX_BLOCK_NUM {
            return None;
        }
        let start = (num as usize).checked_mul(size_of_szx(szx))?;
        if start > self.body.len() || (start == self.body.len() && start != 0) {
            return None;
        }
        let want = if szx == BERT_SZX { self.bert_payload } else { size_of_szx(szx) };
        let end = start.saturating_add(want).min(self.body.len());
        let payload = self.body.get(start..end)?;
        let more = end < self.body.len();
        Some(Slice { block: BlockValue::new(num, more, szx)?, payload })
    }

    /// The answer to a request whose Block2 option is `request` (control usage, RFC 7959 §2.4) by a
    /// server whose preferred size exponent is `preferred_szx`: a request without Block2 gets block 0;
    /// a larger size than preferred is answered with the preferred size at the same byte position
    /// (§2.4: the server may use a smaller block size), rounded down to a block boundary. `None` when
    /// the position is past the end of the representation.
    pub fn answer(&self, request: Option<BlockValue>, preferred_szx: u8) -> Option<Slice<'r>> {
        let Some(req) = request else {
            return self.block(0, preferred_szx.min(6));
        };
        if req.szx() <= preferred_szx {
            return self.block(req.num(), req.szx());
        }
        let szx = preferred_szx.min(6);
        let num = req.offset() / size_of_szx(szx);
        self.block(u32::try_from(num).ok()?, szx)
    }

    /// Every block of size exponent `szx`, in order: the Block1 upload of a request body.
    pub fn blocks(&self, szx: u8) -> impl Iterator<Item = Slice<'r>> + 'r {
        let this = *self;
        let mut next = Some(0u32);
        core::iter::from_fn(move || {
            let num = next?;
            let slice = this.block(num, szx)?;
            let units = if szx == BERT_SZX { (slice.payload.len() / 1024).max(1) } else { 1 };
            next = if slice.block.more() {
                u32::try_from(units).ok().and_then(|u| num.checked_add(u))
            } else {
                None
            };
            Some(slice)
        })
    }
}

/// Why a block could not be added to the reassembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReassemblyError {
    /// The block starts after the bytes received so far: a block is missing.
    Gap {
        /// Where the next block should start.
        expected: usize,
        /// Where this block starts.
        offset: usize,
    },
    /// The block starts before the end of the bytes received so far.
    Overlap {
        /// Where the next block should start.
        expected: usize,
        /// Where this block starts.
        offset: usize,
    },
    /// A larger block size than earlier blocks: sizes may only shrink during a transfer
    /// (RFC 7959 §2.3, §2.4), or BERT after non-BERT.
    SizeChanged,
    /// A block with M set whose payload is not exactly the block size (or, with BERT, not a non-zero
    /// multiple of 1024), or a final block larger than the block size (RFC 7959 §2.2, RFC 8323 §6).
    WrongBlockLength,
    /// The representation does not fit in the buffer; `needed` bytes would.
    Overflow {
        /// Buffer length that would hold what has arrived so far.
        needed: usize,
    },
    /// A block after the final one (M clear) was received.
    AfterLast,
    /// The size announced in Size1/Size2 changed, or the representation ended at another size
    /// (RFC 7959 §4).
    TotalSizeMismatch,
}

impl fmt::Display for ReassemblyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Gap { expected, offset } => {
                write!(f, "block at byte {offset}, expected {expected}: a block is missing")
            }
            Self::Overlap { expected, offset } => {
                write!(f, "block at byte {offset} overlaps bytes received (expected {expected})")
            }
            Self::SizeChanged => f.write_str("block size grew during the transfer"),
            Self::WrongBlockLength => f.write_str("block payload length does not match its size"),
            Self::Overflow { needed } => write!(f, "representation needs {needed} bytes"),
            Self::AfterLast => f.write_str("block after the last block"),
            Self::TotalSizeMismatch => f.write_str("representation size changed"),
        }
    }
}

/// What the reassembly needs next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// More blocks follow; this is the block to ask for next (control usage, M clear).
    More(BlockValue),
    /// The last block arrived; the representation is the first `len` bytes of the buffer.
    Complete(usize),
}

/// Puts the blocks of one representation into a caller buffer.
///
/// ```
/// use coap_codec::{BlockSlicer, BlockValue, Reassembler};
/// let body: Vec<u8> = (0..200u8).collect();
/// let mut buf = [0u8; 256];
/// let mut r = Reassembler::new(&mut buf);
/// for s in BlockSlicer::new(&body).blocks(2) {
///     r.push(s.block, s.payload).unwrap();
/// }
/// assert_eq!(r.data(), &body[..]);
/// ```
#[derive(Debug)]
pub struct Reassembler<'b> {
    buf: &'b mut [u8],
    len: usize,
    szx: Option<u8>,
    total: Option<usize>,
    complete: bool,
}

impl<'b> Reassembler<'b> {
    /// An empty reassembly into `buf`.
    pub fn new(buf: &'b mut [u8]) -> Self {
        Self { buf, len: 0, szx: None, total: None, complete: false }
    }

    /// Takes a Size2 (or Size1) indication into account: the representation will be `size` bytes. It
    /// must not change during the transfer, and a size the buffer cannot hold fails at once.
    pub fn expect_size(&mut self, size: usize) -> Result<(), ReassemblyError> {
        if self.total.is_some_and(|t| t != size) || size < self.len {
            return Err(ReassemblyError::TotalSizeMismatch);
        }
        if size > self.buf.len() {
            return Err(ReassemblyError::Overflow { needed: size });
        }
        self.total = Some(size);
        Ok(())
    }

    /// Adds the block `block` carrying `payload` (descriptive usage).
    pub fn push(&mut self, block: BlockValue, payload: &[u8]) -> Result<Progress, ReassemblyError> {
        if self.complete {
            return Err(ReassemblyError::AfterLast);
        }
        let szx = block.szx();
        if let Some(prev) = self.szx {
            let grew = if prev == BERT_SZX { false } else { szx > prev };
            if grew {
                return Err(ReassemblyError::SizeChanged);
            }
        }
        let offset = block.offset();
        if offset > self.len {
            return Err(ReassemblyError::Gap { expected: self.len, offset });
        }
        if offset < self.len {
            return Err(ReassemblyError::Overlap { expected: self.len, offset });
        }
        let size = block.size();
        let length_ok = match (block.is_bert(), block.more()) {
            (false, true) => payload.len() == size,
            (false, false) => payload.len() <= size,
            (true, true) => payload.len() % 1024 == 0 && !payload.is_empty(),
            (true, false) => true,
        };
        if !length_ok {
            return Err(ReassemblyError::WrongBlockLength);
        }
        let end = self
            .len
            .checked_add(payload.len())
            .ok_or(ReassemblyError::Overflow { needed: usize::MAX })?;
        if self.total.is_some_and(|t| end > t || (!block.more() && end != t)) {
            return Err(ReassemblyError::TotalSizeMismatch);
        }
        let dst = self.buf.get_mut(offset..end).ok_or(ReassemblyError::Overflow { needed: end })?;
        dst.copy_from_slice(payload);
        self.len = end;
        self.szx = Some(szx);
        if !block.more() {
            self.complete = true;
            return Ok(Progress::Complete(end));
        }
        let next = u32::try_from(end / size).ok().and_then(|n| BlockValue::new(n, false, szx));
        // A transfer longer than 2^20 blocks cannot be asked for: report it as a buffer overflow of
        // the block-number space rather than wrapping.
        next.map(Progress::More).ok_or(ReassemblyError::Overflow { needed: end })
    }

    /// The bytes received so far.
    pub fn data(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// How many bytes have been received.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing has been received yet.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the final block has arrived.
    pub const fn is_complete(&self) -> bool {
        self.complete
    }

    /// Starts over with the same buffer (a new ETag, RFC 7959 §2.4).
    pub fn reset(&mut self) {
        self.len = 0;
        self.szx = None;
        self.total = None;
        self.complete = false;
    }
}
