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
    framing: Framing,
}

/// Which header the message gets: UDP's is complete from the start; a TCP frame's Len depends on
/// the options and payload, so its first bytes are written by [`MessageWriter::finish`].
#[derive(Debug, Clone, Copy)]
enum Framing {
    Udp,
    WebSocket,
    /// `reserve` bytes are kept free before the code for the Len/TKL byte and the extended length;
    /// the options start at `body_start`.
    Tcp {
        reserve: usize,
        tkl: u8,
        body_start: usize,
    },
}

/// The largest body a TCP frame can announce: a 32-bit extended length plus 65805 (RFC 8323 §3.2).
const MAX_TCP_BODY: usize = (u32::MAX as usize).saturating_add(65805);

/// The Len nibble and extension bytes for a TCP body of `len` bytes (RFC 8323 §3.2).
fn tcp_len(len: usize) -> (u8, [u8; 4], usize) {
    if len < 13 {
        (len as u8, [0; 4], 0)
    } else if len < 269 {
        (13, [(len - 13) as u8, 0, 0, 0], 1)
    } else if len < 65805 {
        let [a, b] = ((len - 269) as u16).to_be_bytes();
        (14, [a, b, 0, 0], 2)
    } else {
        (15, ((len - 65805) as u32).to_be_bytes(), 4)
    }
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
        let [mid_hi, mid_lo] = message_id.to_be_bytes();
        let first = |nibble| (1 << 6) | (ty.bits() << 4) | nibble;
        let (w, _) = Self::begin(buf, Framing::Udp, token, extended, |nibble| {
            ([first(nibble), code.0, mid_hi, mid_lo, 0, 0], 4)
        })?;
        Ok(w)
    }

    /// Writes the header bytes that come before the token's RFC 8974 extension (`head` gets the TKL
    /// nibble and returns them), the extension and the token; returns the writer and the nibble.
    #[inline]
    fn begin(
        buf: &'b mut [u8],
        framing: Framing,
        token: &[u8],
        extended: bool,
        head: impl FnOnce(u8) -> ([u8; 6], usize),
    ) -> Result<(Self, u8), EncodeError> {
        let (tkl, tkl_len) =
            token::encode_len(token.len(), extended).ok_or(EncodeError::TokenTooLong)?;
        let [nibble, ext @ ..] = tkl;
        let (head, head_len) = head(nibble);
        let mut w = Self { buf, pos: 0, last: 0, payload_written: false, framing };
        w.put(head.get(..head_len).unwrap_or_default())?;
        w.put(ext.get(..tkl_len - 1).unwrap_or_default())?;
        w.put(token)?;
        Ok((w, nibble))
    }

    /// Starts a CoAP-over-TCP/TLS frame (RFC 8323 §3.2): no type, no message ID; the Len field is
    /// filled in by [`MessageWriter::finish`]. The buffer needs up to 4 spare bytes for the extended
    /// length while the message is written, so `BufferTooSmall` may ask for a few bytes more than the
    /// finished frame takes.
    ///
    /// ```
    /// use coap_codec::{Code, MessageWriter};
    /// let mut buf = [0u8; 8];
    /// // RFC 8323 Figure 11: Ping with token 0x42.
    /// let n = MessageWriter::reliable(&mut buf, Code::PING, &[0x42])?.finish();
    /// assert_eq!(&buf[..n], &[0x01, 0xe2, 0x42]);
    /// # Ok::<(), coap_codec::EncodeError>(())
    /// ```
    pub fn reliable(buf: &'b mut [u8], code: Code, token: &[u8]) -> Result<Self, EncodeError> {
        Self::reliable_with_token_mode(buf, code, token, false)
    }

    /// Starts a CoAP-over-WebSockets message (RFC 8323 §4.2): the TCP layout with Len 0.
    pub fn websocket(buf: &'b mut [u8], code: Code, token: &[u8]) -> Result<Self, EncodeError> {
        Self::websocket_with_token_mode(buf, code, token, false)
    }

    pub(crate) fn reliable_with_token_mode(
        buf: &'b mut [u8],
        code: Code,
        token: &[u8],
        extended: bool,
    ) -> Result<Self, EncodeError> {
        let cap = buf.len().min(MAX_TCP_BODY);
        let reserve = 1 + tcp_len(cap).2;
        let buf = match buf.get_mut(..cap) {
            Some(b) => b,
            None => return Err(EncodeError::FrameTooLong),
        };
        // The Len/TKL byte and the extended length are written by `finish`: keep room, then the code.
        let mut head = [0u8; 6];
        if let Some(c) = head.get_mut(reserve) {
            *c = code.0;
        }
        let (mut w, nibble) =
            Self::begin(buf, Framing::Udp, token, extended, |_| (head, reserve + 1))?;
        w.framing = Framing::Tcp { reserve, tkl: nibble, body_start: w.pos };
        Ok(w)
    }

    pub(crate) fn websocket_with_token_mode(
        buf: &'b mut [u8],
        code: Code,
        token: &[u8],
        extended: bool,
    ) -> Result<Self, EncodeError> {
        let (w, _) = Self::begin(buf, Framing::WebSocket, token, extended, |nibble| {
            ([nibble, code.0, 0, 0, 0, 0], 2)
        })?;
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

    /// Continues a UDP message whose first `len` bytes are already in `buf`, the last option written
    /// being `last_option` (0 for none). For callers that cannot keep the writer borrowed between
    /// calls: the C ABI keeps [`MessageWriter::len`], [`MessageWriter::last_option`] and
    /// [`MessageWriter::has_payload`] in its own struct and resumes from them.
    pub fn resume(
        buf: &'b mut [u8],
        len: usize,
        last_option: OptionNumber,
        has_payload: bool,
    ) -> Result<Self, EncodeError> {
        if len > buf.len() {
            return Err(EncodeError::BufferTooSmall { needed: len });
        }
        let last = usize::from(last_option.0);
        Ok(Self { buf, pos: len, last, payload_written: has_payload, framing: Framing::Udp })
    }

    /// The number of the last option written (0 before any).
    pub const fn last_option(&self) -> OptionNumber {
        OptionNumber(self.last as u16)
    }

    /// Whether the payload has been written (no option may follow).
    pub const fn has_payload(&self) -> bool {
        self.payload_written
    }

    /// Bytes written so far.
    pub const fn len(&self) -> usize {
        self.pos
    }

    /// Whether nothing has been written (never the case after [`MessageWriter::new`]).
    pub const fn is_empty(&self) -> bool {
        self.pos == 0
    }

    /// Ends the message; returns its length, from the start of the buffer. A TCP frame gets its
    /// Len field here and is moved to the front of the buffer.
    #[inline]
    pub fn finish(self) -> usize {
        let Framing::Tcp { reserve, tkl, body_start } = self.framing else {
            return self.pos;
        };
        let (nibble, ext, ext_len) = tcp_len(self.pos - body_start);
        let start = reserve - (1 + ext_len);
        if let Some(dst) = self.buf.get_mut(start..reserve) {
            let mut out = dst.iter_mut();
            if let Some(b) = out.next() {
                *b = (nibble << 4) | tkl;
            }
            for (d, s) in out.zip(ext) {
                *d = s;
            }
        }
        self.buf.copy_within(start..self.pos, 0);
        self.pos - start
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
