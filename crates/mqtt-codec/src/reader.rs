//! A cursor over a packet body that reads MQTT data types (MQTT 5.0 §1.5, 3.1.1 §1.5) and reports
//! errors at packet offsets. Lengths from the wire are checked before any slice is taken.

use crate::error::{DecodeError, ErrorKind};
use crate::scan::{any_byte, is_ascii_without_nul};
use crate::varint::{read_varint, VarInt};

#[derive(Debug, Clone)]
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Offset of `buf[0]` in the packet (the fixed-header length).
    base: usize,
}

impl<'a> Reader<'a> {
    pub(crate) const fn new(buf: &'a [u8], base: usize) -> Self {
        Self { buf, pos: 0, base }
    }

    /// Packet offset of the next byte.
    pub(crate) const fn offset(&self) -> usize {
        self.base + self.pos
    }

    pub(crate) fn error(&self, kind: ErrorKind) -> DecodeError {
        DecodeError::new(kind, self.offset())
    }

    pub(crate) fn error_at(&self, kind: ErrorKind, offset: usize) -> DecodeError {
        DecodeError::new(kind, offset)
    }

    pub(crate) fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.buf.len()
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let out =
            self.buf.get(self.pos..self.pos + n).ok_or_else(|| self.error(ErrorKind::Truncated))?;
        self.pos += n;
        Ok(out)
    }

    /// All bytes left.
    pub(crate) fn rest(&mut self) -> &'a [u8] {
        let out = self.buf.get(self.pos..).unwrap_or_default();
        self.pos = self.buf.len();
        out
    }

    pub(crate) fn u8(&mut self) -> Result<u8, DecodeError> {
        let [b] = *self.bytes(1)? else { return Err(self.error(ErrorKind::Truncated)) };
        Ok(b)
    }

    pub(crate) fn u16(&mut self) -> Result<u16, DecodeError> {
        let [a, b] = *self.bytes(2)? else { return Err(self.error(ErrorKind::Truncated)) };
        Ok(u16::from_be_bytes([a, b]))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, DecodeError> {
        let [a, b, c, d] = *self.bytes(4)? else { return Err(self.error(ErrorKind::Truncated)) };
        Ok(u32::from_be_bytes([a, b, c, d]))
    }

    /// A Variable Byte Integer that must be complete within the packet.
    pub(crate) fn varint(&mut self) -> Result<u32, DecodeError> {
        let at = self.offset();
        let rest = self.buf.get(self.pos..).unwrap_or_default();
        match read_varint(rest).map_err(|e| e.shifted(at))? {
            VarInt::Complete(v, n) => {
                self.pos += n;
                Ok(v)
            }
            VarInt::Incomplete => Err(self.error(ErrorKind::Truncated)),
        }
    }

    /// Binary Data: a two-byte length and that many bytes (MQTT 5.0 §1.5.6).
    pub(crate) fn binary(&mut self) -> Result<&'a [u8], DecodeError> {
        let at = self.offset();
        let len = usize::from(self.u16()?);
        self.bytes(len).map_err(|_| self.error_at(ErrorKind::Truncated, at))
    }

    /// A UTF-8 Encoded String checked for well-formed UTF-8 only: for topic names and filters, whose
    /// own checks report U+0000 in the same pass as the wildcards, and for strings checked before.
    pub(crate) fn utf8_without_nul_check(&mut self) -> Result<&'a str, DecodeError> {
        let bytes = self.binary()?;
        let start = self.offset() - bytes.len();
        core::str::from_utf8(bytes)
            .map_err(|e| DecodeError::new(ErrorKind::InvalidUtf8, start + e.valid_up_to()))
    }

    /// A UTF-8 Encoded String checked for well-formed UTF-8 only, as [`Reader::utf8_without_nul_check`],
    /// but sliced out of `text` when it can be: `text` is this reader's whole buffer as `&str`, when
    /// that buffer is UTF-8 from end to end. A string inside such a buffer is UTF-8 exactly when it
    /// starts and ends on character boundaries, which `str::get` tests with two byte compares, so a
    /// list of strings (the Topic Filters of a SUBSCRIBE) costs one UTF-8 pass over the list instead
    /// of one `from_utf8` call per string. Without `text`, or off a boundary, each string is checked
    /// on its own (and an error gets its exact offset).
    #[inline(always)]
    pub(crate) fn utf8_in(&mut self, text: Option<&'a str>) -> Result<&'a str, DecodeError> {
        self.utf8_in_tail(text.map(|t| (t, 0)))
    }

    /// [`Reader::utf8_in`] with `tail`: the buffer from a position on, as `&str`, and that position.
    #[inline(always)]
    pub(crate) fn utf8_in_tail(
        &mut self,
        tail: Option<(&'a str, usize)>,
    ) -> Result<&'a str, DecodeError> {
        let start = self.pos;
        let sliced = tail.and_then(|(t, from)| {
            let at = start.checked_sub(from)?;
            let len = usize::from(u16::from_be_bytes([
                *t.as_bytes().get(at)?,
                *t.as_bytes().get(at + 1)?,
            ]));
            t.get(at + 2..at + 2 + len)
        });
        match sliced {
            Some(s) => {
                self.pos = start + 2 + s.len();
                Ok(s)
            }
            None => self.utf8_without_nul_check(),
        }
    }

    /// The rest of this reader's buffer as `&str` with the position it starts at, when it is UTF-8
    /// to the end: the `tail` of [`Reader::utf8_in_tail`].
    pub(crate) fn text_from_here(&self) -> Option<(&'a str, usize)> {
        let rest = self.buf.get(self.pos..)?;
        core::str::from_utf8(rest).ok().map(|t| (t, self.pos))
    }

    /// A UTF-8 Encoded String: well-formed, no surrogates [MQTT-1.5.4-1], no U+0000 [MQTT-1.5.4-2].
    pub(crate) fn utf8(&mut self) -> Result<&'a str, DecodeError> {
        let bytes = self.binary()?;
        let start = self.offset() - bytes.len();
        check_utf8(bytes).map_err(|e| e.shifted(start))
    }

    /// The same rules as [`Reader::utf8`] for a string that is only checked now and read later (as
    /// &str, by an iterator): an ASCII string without U+0000 is settled by one vector test instead of
    /// a UTF-8 decode.
    pub(crate) fn skip_utf8(&mut self) -> Result<(), DecodeError> {
        let bytes = self.binary()?;
        if is_ascii_without_nul(bytes) {
            return Ok(());
        }
        let start = self.offset() - bytes.len();
        check_utf8(bytes).map(|_| ()).map_err(|e| e.shifted(start))
    }
}

/// The MQTT rules for string content; offsets are within `bytes`.
pub(crate) fn check_utf8(bytes: &[u8]) -> Result<&str, DecodeError> {
    // Rust's UTF-8 check already rejects surrogate encodings and overlong forms.
    let s = core::str::from_utf8(bytes)
        .map_err(|e| DecodeError::new(ErrorKind::InvalidUtf8, e.valid_up_to()))?;
    // The position is only needed on the error path.
    if any_byte(bytes, |b| b == 0) {
        let i = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(DecodeError::new(ErrorKind::NullCharacter, i));
    }
    Ok(s)
}
