//! Decoding a UDP datagram into a borrowed message view (RFC 7252 §3, §4.1, §4.2, §4.3).

use crate::error::{DecodeError, ErrorKind, Response};
use crate::options::Options;
use crate::token;
use crate::utf8::is_utf8;
use crate::wire::{self, ExtError, PAYLOAD_MARKER};
use crate::{registry, Code, Type};

/// Relaxations of the strict defaults (DESIGN principle 6: strict by default, lenient by choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DecodeConfig {
    extended_tokens: bool,
    lenient_utf8: bool,
}

impl DecodeConfig {
    /// Every check on, RFC 7252 token lengths only.
    pub const STRICT: Self = Self { extended_tokens: false, lenient_utf8: false };

    /// Accept RFC 8974 extended token lengths: TKL 9 to 12 as such, 13 and 14 with one or two extension
    /// bytes (RFC 8974 §2.1). TKL 15 stays an error.
    pub const fn extended_tokens(mut self, on: bool) -> Self {
        self.extended_tokens = on;
        self
    }

    /// Accept registered string options (Uri-Path, Uri-Query, ...) whose value is not UTF-8 instead of
    /// rejecting the message; their `&str` accessors then skip such values.
    pub const fn lenient_utf8(mut self, on: bool) -> Self {
        self.lenient_utf8 = on;
        self
    }

    /// Whether string options that are not UTF-8 are accepted.
    pub const fn accepts_lenient_utf8(&self) -> bool {
        self.lenient_utf8
    }

    /// Whether RFC 8974 extended token lengths are accepted.
    pub const fn accepts_extended_tokens(&self) -> bool {
        self.extended_tokens
    }
}

/// A decoded CoAP message: header fields and slices borrowed from the datagram.
///
/// Options were validated by [`Message::decode`], so [`Message::options`] cannot fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Message<'a> {
    ty: Type,
    code: Code,
    message_id: u16,
    token: &'a [u8],
    options: &'a [u8],
    options_offset: usize,
    payload: &'a [u8],
}

impl<'a> Message<'a> {
    /// Decodes a datagram with every check on (RFC 7252 only).
    #[inline]
    pub fn decode(datagram: &'a [u8]) -> Result<Self, DecodeError> {
        Self::decode_with(datagram, DecodeConfig::STRICT)
    }

    /// Decodes a datagram with the given relaxations.
    #[inline]
    pub fn decode_with(datagram: &'a [u8], config: DecodeConfig) -> Result<Self, DecodeError> {
        let [b0, code, mid_hi, mid_lo, after_header @ ..] = datagram else {
            return Err(DecodeError::new(ErrorKind::MessageTooShort, 0, Response::Ignore));
        };
        if b0 >> 6 != 1 {
            return Err(DecodeError::new(ErrorKind::UnknownVersion, 0, Response::Ignore));
        }
        let ty = Type::from_bits(b0 >> 4);
        let code = Code(*code);
        let message_id = u16::from_be_bytes([*mid_hi, *mid_lo]);
        let reject = Response::reject(ty);
        check_type_and_code(ty, code, after_header.len())?;

        let (token, rest) = token::split(b0 & 0x0f, after_header, config.extended_tokens, reject)?;
        let options_offset = datagram.len() - rest.len();
        let utf8 = if config.lenient_utf8 {
            None
        } else {
            Some(Response::refuse(ty, code, Response::BadRequest))
        };
        let (options, payload) = split_options(rest, options_offset, reject, utf8)?;
        Ok(Self { ty, code, message_id, token, options, options_offset, payload })
    }

    /// Message type.
    pub const fn message_type(&self) -> Type {
        self.ty
    }

    /// Request, response or Empty code.
    pub const fn code(&self) -> Code {
        self.code
    }

    /// Message ID (RFC 7252 §4.4).
    pub const fn message_id(&self) -> u16 {
        self.message_id
    }

    /// Token, 0 to 8 bytes (more with RFC 8974).
    pub const fn token(&self) -> &'a [u8] {
        self.token
    }

    /// The options in wire order.
    pub const fn options(&self) -> Options<'a> {
        Options::new(self.options)
    }

    /// The raw, validated option bytes (without the payload marker).
    pub const fn option_bytes(&self) -> &'a [u8] {
        self.options
    }

    /// Offset in the datagram where the options start.
    pub const fn options_offset(&self) -> usize {
        self.options_offset
    }

    /// The payload; empty when there is none.
    pub const fn payload(&self) -> &'a [u8] {
        self.payload
    }

    /// Length of this message when encoded again: the same as the datagram it came from.
    pub const fn encoded_len(&self) -> usize {
        let marker = if self.payload.is_empty() { 0 } else { 1 };
        self.options_offset + self.options.len() + marker + self.payload.len()
    }

    /// Writes this message into `buf` (a proxy or a test re-encoding what it decoded); returns the
    /// number of bytes written.
    pub fn encode(&self, buf: &mut [u8]) -> Result<usize, crate::EncodeError> {
        let writer = crate::MessageWriter::with_token_mode(
            buf,
            self.ty,
            self.code,
            self.message_id,
            self.token,
            self.token.len() > 8,
        )?;
        writer.raw_options(self.options)?.payload(self.payload).map(|w| w.finish())
    }
}

/// The type/code combinations RFC 7252 forbids, and the Empty message rule (§4.1, §4.2, §4.3).
#[inline]
fn check_type_and_code(ty: Type, code: Code, after_header: usize) -> Result<(), DecodeError> {
    let reject = Response::reject(ty);
    if code.is_empty() {
        if after_header != 0 {
            return Err(DecodeError::new(ErrorKind::EmptyMessageNotEmpty, 4, reject));
        }
        if ty == Type::NonConfirmable {
            return Err(DecodeError::new(ErrorKind::TypeCodeMismatch, 1, reject));
        }
        return Ok(());
    }
    if code.is_reserved_class() {
        return Err(DecodeError::new(ErrorKind::ReservedCodeClass, 1, reject));
    }
    let mismatch = match ty {
        Type::Reset => true,
        Type::Acknowledgement => code.is_request(),
        Type::Confirmable | Type::NonConfirmable => false,
    };
    if mismatch {
        return Err(DecodeError::new(ErrorKind::TypeCodeMismatch, 1, reject));
    }
    Ok(())
}

/// Walks the options once, checking every rule of RFC 7252 §3.1, and splits off the payload.
///
/// `base` is the offset of `bytes` in the message, for error positions; `reject` is the answer to a
/// format error; `utf8` is the answer to a string option that is not UTF-8, or `None` to accept it.
/// The returned option slice excludes the payload marker.
#[inline]
pub(crate) fn split_options(
    bytes: &[u8],
    base: usize,
    reject: Response,
    utf8: Option<Response>,
) -> Result<(&[u8], &[u8]), DecodeError> {
    let mut rest = bytes;
    let mut number = 0usize;
    loop {
        let here = base + (bytes.len() - rest.len());
        let Some((&head, after_head)) = rest.split_first() else {
            return Ok((bytes, &[]));
        };
        if head == PAYLOAD_MARKER {
            if after_head.is_empty() {
                return Err(DecodeError::new(ErrorKind::EmptyPayload, here, reject));
            }
            let options = bytes.get(..bytes.len() - rest.len()).unwrap_or_default();
            return Ok((options, after_head));
        }
        let fail = |kind| DecodeError::new(kind, here, reject);
        // The delta nibble, then the length nibble, each with its extension bytes: one loop body
        // rather than two copies of it, which keeps the decoder small in firmware images.
        let mut fields = [usize::from(head >> 4), usize::from(head & 0x0f)];
        let mut after_len = after_head;
        for (i, field) in fields.iter_mut().enumerate() {
            match wire::read_ext(*field as u8, after_len) {
                Ok((value, tail)) => {
                    *field = value;
                    after_len = tail;
                }
                Err(ExtError::Reserved) if i == 0 => {
                    return Err(fail(ErrorKind::OptionDeltaReserved))
                }
                Err(ExtError::Reserved) => return Err(fail(ErrorKind::OptionLengthReserved)),
                Err(ExtError::Truncated) => return Err(fail(ErrorKind::OptionHeaderTruncated)),
            }
        }
        let [delta, len] = fields;
        number += delta;
        if number > usize::from(u16::MAX) {
            return Err(fail(ErrorKind::OptionNumberOverflow));
        }
        let Some((value, after_value)) = after_len.split_at_checked(len) else {
            return Err(fail(ErrorKind::OptionValueTruncated));
        };
        if let Some(answer) = utf8 {
            if registry::is_string_option(number as u16) && !is_utf8(value) {
                let number = crate::OptionNumber(number as u16);
                return Err(DecodeError::new(ErrorKind::InvalidUtf8Option, here, answer)
                    .with_option(number));
            }
        }
        rest = after_value;
    }
}
