//! CoAP over reliable transports (RFC 8323): the TCP/TLS frame with its variable Len field (§3.2) and
//! the WebSocket message whose Len is always 0 (§4.2). No type, no message ID, no version; the token,
//! options and payload are the same as over UDP and share the UDP decoder's option walk.

use crate::error::{DecodeError, ErrorKind, Response};
use crate::message::{split_options, DecodeConfig};
use crate::options::Options;
use crate::{token, Code};

/// The base value of Max-Message-Size before any CSM changes it (RFC 8323 §5.3.1).
pub const BASE_MAX_MESSAGE_SIZE: usize = 1152;

/// How many more bytes a partial frame needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Needed {
    /// Exactly this many: the whole length is known.
    Exact(usize),
    /// At least this many: the buffer ends inside the length or token-length header.
    AtLeast(usize),
}

/// The result of looking for a frame at the start of a stream buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Framed<'a> {
    /// A complete frame; [`ReliableMessage::frame_len`] bytes are consumed.
    Message(ReliableMessage<'a>),
    /// Not enough bytes yet.
    Incomplete(Needed),
}

/// What a reliable-transport receiver accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReliableConfig {
    /// Token and UTF-8 relaxations, as for UDP.
    pub decode: DecodeConfig,
    /// The Max-Message-Size this endpoint announced in its CSM (the whole frame, header included,
    /// RFC 8323 §5.3.1); frames above it are refused from their length header alone.
    pub max_message_size: usize,
    /// Whether BERT (Block SZX 7) is accepted: this endpoint announced Block-Wise-Transfer with a
    /// Max-Message-Size above 1152 (RFC 8323 §5.3.2, §6).
    pub bert: bool,
}

impl Default for ReliableConfig {
    fn default() -> Self {
        Self { decode: DecodeConfig::STRICT, max_message_size: BASE_MAX_MESSAGE_SIZE, bert: false }
    }
}

impl ReliableConfig {
    /// The base settings with another Max-Message-Size.
    pub fn with_max_message_size(max_message_size: usize) -> Self {
        Self { max_message_size, ..Self::default() }
    }
}

/// A decoded CoAP-over-TCP frame or WebSocket message: code, token, options and payload borrowed
/// from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReliableMessage<'a> {
    code: Code,
    token: &'a [u8],
    options: &'a [u8],
    options_offset: usize,
    payload: &'a [u8],
    frame_len: usize,
}

/// Decodes one CoAP-over-TCP/TLS frame from the start of a stream buffer (RFC 8323 §3.2).
///
/// Returns [`Framed::Incomplete`] with the exact number of missing bytes once the length header is
/// in, and refuses a frame larger than `config.max_message_size` before its body arrives. Errors are
/// framing errors, to be answered with Abort ([`Response::Abort`]); the option rules of RFC 7252
/// §5.4, the UTF-8 of string options and the signaling rules are checked by [`crate::receive_tcp`],
/// where a refused request still has its token and frame length.
///
/// ```
/// use coap_codec::{decode_tcp, Code, Framed, ReliableConfig};
/// // RFC 8323 Figure 5: 2.03 with token 0x7f, followed by the start of another frame.
/// let Framed::Message(msg) = decode_tcp(&[0x01, 0x43, 0x7f, 0x01], &ReliableConfig::default())? else {
///     unreachable!()
/// };
/// assert_eq!((msg.code(), msg.token(), msg.frame_len()), (Code::VALID, &[0x7f][..], 3));
/// # Ok::<(), coap_codec::DecodeError>(())
/// ```
pub fn decode_tcp<'a>(buf: &'a [u8], config: &ReliableConfig) -> Result<Framed<'a>, DecodeError> {
    let Some(&b0) = buf.first() else {
        return Ok(Framed::Incomplete(Needed::AtLeast(1)));
    };
    let tkl = b0 & 0x0f;
    let ext = match b0 >> 4 {
        0..=12 => 0,
        13 => 1,
        14 => 2,
        _ => 4,
    };
    check_tkl(tkl, config)?;
    let Some(len_bytes) = buf.get(1..1 + ext) else {
        return Ok(Framed::Incomplete(Needed::AtLeast(1 + ext - buf.len())));
    };
    let body_len = body_len(b0 >> 4, len_bytes);
    // Everything before the token: the first byte, the extended length, the code, and the token's
    // own extension bytes (RFC 8974 Appendix A.2).
    let tkl_ext = if tkl > 8 { token_ext_len(tkl) } else { 0 };
    let head = 1 + ext + 1 + tkl_ext;
    let known_token = if tkl > 8 { 0 } else { u64::from(tkl) };
    let at_least = head as u64 + known_token + body_len;
    check_size(at_least, config.max_message_size)?;
    let token_len = if tkl > 8 {
        let Some(tkl_bytes) = buf.get(head - tkl_ext..head) else {
            return Ok(Framed::Incomplete(Needed::AtLeast(head - buf.len())));
        };
        let (len, _) = crate::wire::read_ext(tkl, tkl_bytes)
            .map_err(|_| DecodeError::new(ErrorKind::InvalidTokenLength, 0, Response::Abort))?;
        len
    } else {
        usize::from(tkl)
    };
    let total = at_least + token_len as u64 - known_token;
    check_size(total, config.max_message_size)?;
    // `total` is at most max_message_size, a usize.
    let total = total as usize;
    let Some(frame) = buf.get(..total) else {
        return Ok(Framed::Incomplete(Needed::Exact(total - buf.len())));
    };
    let code_at = 1 + ext;
    parse_after_length(frame, code_at, tkl, config).map(Framed::Message)
}

/// Decodes one CoAP-over-WebSockets message: a whole WebSocket binary message whose Len nibble is 0
/// (RFC 8323 §4.2). Its length is checked against `config.max_message_size` first.
///
/// ```
/// use coap_codec::{decode_websocket, Code, ReliableConfig};
/// // RFC 8323 Figure 17's response: 2.05, token 0x53, payload "22.3 Cel".
/// let msg = decode_websocket(b"\x01\x45\x53\xff22.3 Cel", &ReliableConfig::default())?;
/// assert_eq!((msg.code(), msg.token(), msg.payload()), (Code::CONTENT, &[0x53][..], &b"22.3 Cel"[..]));
/// # Ok::<(), coap_codec::DecodeError>(())
/// ```
pub fn decode_websocket<'a>(
    message: &'a [u8],
    config: &ReliableConfig,
) -> Result<ReliableMessage<'a>, DecodeError> {
    check_size(message.len() as u64, config.max_message_size)?;
    let Some(&b0) = message.first() else {
        return Err(DecodeError::new(ErrorKind::MessageTooShort, 0, Response::Abort));
    };
    if b0 >> 4 != 0 {
        return Err(DecodeError::new(ErrorKind::WebSocketLengthNotZero, 0, Response::Abort));
    }
    check_tkl(b0 & 0x0f, config)?;
    parse_after_length(message, 1, b0 & 0x0f, config)
}

impl<'a> ReliableMessage<'a> {
    /// The code: a request, a response, 0.00 Empty (a keepalive to ignore, RFC 8323 §3.4), or a
    /// signaling code 7.01 to 7.05 (see [`ReliableMessage::signal`]).
    pub const fn code(&self) -> Code {
        self.code
    }

    /// The token.
    pub const fn token(&self) -> &'a [u8] {
        self.token
    }

    /// The options in wire order. For signaling messages the numbers are those of the signaling
    /// code (RFC 8323 §5.2); see [`ReliableMessage::signal`] for a typed view.
    pub const fn options(&self) -> Options<'a> {
        Options::new(self.options)
    }

    /// The raw, validated option bytes.
    pub const fn option_bytes(&self) -> &'a [u8] {
        self.options
    }

    /// Offset in the frame where the options start.
    pub const fn options_offset(&self) -> usize {
        self.options_offset
    }

    /// The payload; empty when there is none.
    pub const fn payload(&self) -> &'a [u8] {
        self.payload
    }

    /// Bytes this frame takes in the stream (the whole WebSocket message for WebSockets).
    pub const fn frame_len(&self) -> usize {
        self.frame_len
    }

    /// Writes this message as a TCP frame; returns its length.
    pub fn encode_tcp(&self, buf: &mut [u8]) -> Result<usize, crate::EncodeError> {
        let extended = self.token.len() > 8;
        self.finish(crate::MessageWriter::reliable_with_token_mode(
            buf, self.code, self.token, extended,
        ))
    }

    /// Writes this message as a WebSocket message; returns its length.
    pub fn encode_websocket(&self, buf: &mut [u8]) -> Result<usize, crate::EncodeError> {
        let extended = self.token.len() > 8;
        let started =
            crate::MessageWriter::websocket_with_token_mode(buf, self.code, self.token, extended);
        self.finish(started)
    }

    /// Copies the validated options and the payload behind a started header.
    fn finish(
        &self,
        started: Result<crate::MessageWriter<'_>, crate::EncodeError>,
    ) -> Result<usize, crate::EncodeError> {
        started?.raw_options(self.options)?.payload(self.payload).map(|w| w.finish())
    }
}

/// The TKL nibble's rules: 9 to 14 only with RFC 8974, 15 never.
fn check_tkl(tkl: u8, config: &ReliableConfig) -> Result<(), DecodeError> {
    let ok = tkl <= 8 || (config.decode.accepts_extended_tokens() && tkl < 15);
    if ok {
        Ok(())
    } else {
        Err(DecodeError::new(ErrorKind::InvalidTokenLength, 0, Response::Abort))
    }
}

/// Extension bytes after the code for a TKL nibble above 8 (RFC 8974 §2.1).
const fn token_ext_len(tkl: u8) -> usize {
    match tkl {
        13 => 1,
        14 => 2,
        _ => 0,
    }
}

/// The Len field's value: the nibble, or the extension plus 13, 269 or 65805 (RFC 8323 §3.2).
fn body_len(nibble: u8, ext: &[u8]) -> u64 {
    let ext_value = ext.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    match nibble {
        0..=12 => u64::from(nibble),
        13 => ext_value + 13,
        14 => ext_value + 269,
        _ => ext_value + 65805,
    }
}

fn check_size(total: u64, max: usize) -> Result<(), DecodeError> {
    if total > max as u64 {
        return Err(DecodeError::new(ErrorKind::FrameTooLarge, 0, Response::Abort));
    }
    Ok(())
}

/// Code, token, options and payload of a frame whose length is already checked; `code_at` is the
/// offset of the code byte.
fn parse_after_length<'a>(
    frame: &'a [u8],
    code_at: usize,
    tkl: u8,
    config: &ReliableConfig,
) -> Result<ReliableMessage<'a>, DecodeError> {
    let abort = |kind, at| DecodeError::new(kind, at, Response::Abort);
    let Some((&code, after_code)) = frame.get(code_at..).and_then(<[u8]>::split_first) else {
        return Err(abort(ErrorKind::FrameTruncated, frame.len()));
    };
    let code = Code(code);
    if matches!(code.class(), 1 | 6) {
        return Err(abort(ErrorKind::ReservedCodeClass, code_at));
    }
    let extended = config.decode.accepts_extended_tokens();
    let (token, rest) = token::split(tkl, after_code, extended, Response::Abort).map_err(|e| {
        let at = if e.kind() == ErrorKind::TokenTruncated { code_at + 1 } else { 0 };
        abort(e.kind(), at)
    })?;
    let options_offset = frame.len() - rest.len();
    // String options are checked for UTF-8 by `receive_*`, where a refused request still has its
    // token and frame length to answer and skip it; a framing error here ends the connection.
    let (options, payload) = split_options(rest, options_offset, Response::Abort, None)?;
    if code.is_empty() && !(token.is_empty() && rest.is_empty()) {
        return Err(abort(ErrorKind::EmptyMessageNotEmpty, code_at + 1));
    }
    Ok(ReliableMessage { code, token, options, options_offset, payload, frame_len: frame.len() })
}
