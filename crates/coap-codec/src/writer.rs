//! Building a message into a caller buffer: header, token, options in order, payload (RFC 7252 §3).

use crate::error::EncodeError;
use crate::token;
use crate::wire::{self, PAYLOAD_MARKER};
use crate::{Code, OptionNumber, Type};

/// Writes one message into a caller-provided buffer, never allocating and never panicking.
///
/// Options must come in non-decreasing number order (RFC 7252 §3.1 encodes them as deltas); an option
/// out of order is an error, not silently reordered. A full buffer is an error that names the length
/// needed for the step that failed.
///
/// ```
/// use coap_codec::{Code, ContentFormat, Message, MessageWriter, OptionNumber, Type};
/// let mut buf = [0u8; 64];
/// let n = MessageWriter::new(&mut buf, Type::Acknowledgement, Code::CONTENT, 0x7d34, &[0x20])?
///     .uint_option(OptionNumber::CONTENT_FORMAT, ContentFormat::TEXT_PLAIN.into())?
///     .payload(b"22.3 C")?
///     .finish();
/// let msg = Message::decode(&buf[..n]).unwrap();
/// assert_eq!(msg.payload(), b"22.3 C");
/// # Ok::<(), coap_codec::EncodeError>(())
/// ```
#[derive(Debug)]
pub struct MessageWriter<'b> {
    buf: &'b mut [u8],
    pos: usize,
    last: usize,
    payload_written: bool,
}

impl<'b> MessageWriter<'b> {
    /// Starts a message with a token of at most 8 bytes (RFC 7252 §3).
    #[inline]
    pub fn new(
        buf: &'b mut [u8],
        ty: Type,
        code: Code,
        message_id: u16,
        token: &[u8],
    ) -> Result<Self, EncodeError> {
        Self::with_token_mode(buf, ty, code, message_id, token, false)
    }

    /// Starts a message whose token may be up to 65804 bytes long (RFC 8974 §2.1).
    pub fn new_extended_token(
        buf: &'b mut [u8],
        ty: Type,
        code: Code,
        message_id: u16,
        token: &[u8],
    ) -> Result<Self, EncodeError> {
        Self::with_token_mode(buf, ty, code, message_id, token, true)
    }

    #[inline]
    pub(crate) fn with_token_mode(
        buf: &'b mut [u8],
        ty: Type,
        code: Code,
        message_id: u16,
        token: &[u8],
        extended: bool,
    ) -> Result<Self, EncodeError> {
        let (tkl, tkl_len) =
            token::encode_len(token.len(), extended).ok_or(EncodeError::TokenTooLong)?;
        let [nibble, ext @ ..] = tkl;
        let [mid_hi, mid_lo] = message_id.to_be_bytes();
        let mut w = Self { buf, pos: 0, last: 0, payload_written: false };
        w.put(&[(1 << 6) | (ty.bits() << 4) | nibble, code.0, mid_hi, mid_lo])?;
        w.put(ext.get(..tkl_len - 1).unwrap_or_default())?;
        w.put(token)?;
        Ok(w)
    }

    /// Adds an option with an opaque value.
    #[inline]
    pub fn option(self, number: OptionNumber, value: &[u8]) -> Result<Self, EncodeError> {
        self.option_with(number, value.len(), |dst| dst.copy_from_slice(value))
    }

    /// Adds a `uint` option in its shortest form: no leading zero bytes, 0 as an empty value
    /// (RFC 7252 §3.2).
    #[inline]
    pub fn uint_option(self, number: OptionNumber, value: u32) -> Result<Self, EncodeError> {
        let (bytes, start) = wire::minimal_uint(u64::from(value));
        self.option(number, bytes.get(start..).unwrap_or_default())
    }

    /// Adds a string option.
    #[inline]
    pub fn str_option(self, number: OptionNumber, value: &str) -> Result<Self, EncodeError> {
        self.option(number, value.as_bytes())
    }

    /// Adds an option with an empty value (such as If-None-Match).
    #[inline]
    pub fn empty_option(self, number: OptionNumber) -> Result<Self, EncodeError> {
        self.option(number, &[])
    }

    /// Adds an option of `len` bytes whose value `fill` writes in place (used to percent-decode URI
    /// parts straight into the message). `fill` gets a slice of exactly `len` bytes.
    #[inline]
    pub(crate) fn option_with(
        mut self,
        number: OptionNumber,
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<Self, EncodeError> {
        if self.payload_written {
            return Err(EncodeError::OptionAfterPayload);
        }
        let n = usize::from(number.0);
        if n < self.last {
            return Err(EncodeError::OptionOutOfOrder {
                number,
                previous: OptionNumber(self.last as u16),
            });
        }
        if len > wire::MAX_EXTENDED {
            return Err(EncodeError::OptionValueTooLong);
        }
        let delta = n - self.last;
        let hlen = wire::header_len(delta, len);
        let end = self.pos + hlen + len;
        let Some(dst) = self.buf.get_mut(self.pos..end) else {
            return Err(EncodeError::BufferTooSmall { needed: end });
        };
        let (hdst, vdst) = dst.split_at_mut(hlen);
        // Written byte by byte into the destination: going through a scratch array cost a
        // store-forwarding stall per option (seen with perf on the encode benchmark).
        wire::write_header(hdst, delta, len);
        fill(vdst);
        self.pos = end;
        self.last = n;
        Ok(self)
    }

    /// Copies option bytes that were validated by the decoder (re-encoding a decoded message).
    pub(crate) fn raw_options(mut self, validated: &[u8]) -> Result<Self, EncodeError> {
        self.put(validated)?;
        self.last =
            crate::Options::new(validated).last().map_or(self.last, |o| usize::from(o.number().0));
        Ok(self)
    }

    /// Adds the payload, preceded by the payload marker; an empty payload writes nothing (RFC 7252 §3:
    /// the marker must not be followed by an empty payload).
    #[inline]
    pub fn payload(mut self, payload: &[u8]) -> Result<Self, EncodeError> {
        if !payload.is_empty() {
            self.put(&[PAYLOAD_MARKER])?;
            self.put(payload)?;
        }
        self.payload_written = true;
        Ok(self)
    }

    /// Bytes written so far.
    pub const fn len(&self) -> usize {
        self.pos
    }

    /// Whether nothing has been written (never the case after [`MessageWriter::new`]).
    pub const fn is_empty(&self) -> bool {
        self.pos == 0
    }

    /// Ends the message; returns its length in the buffer.
    #[inline]
    pub fn finish(self) -> usize {
        self.pos
    }

    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        let end = self.pos + bytes.len();
        let dst =
            self.buf.get_mut(self.pos..end).ok_or(EncodeError::BufferTooSmall { needed: end })?;
        dst.copy_from_slice(bytes);
        self.pos = end;
        Ok(())
    }
}
