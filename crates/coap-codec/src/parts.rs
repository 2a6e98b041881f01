//! A message described by its parts, for callers that hold the options in a slice: its exact encoded
//! length before writing, then the encoding.

use crate::error::EncodeError;
use crate::wire;
use crate::{CoapOption, Code, MessageWriter, Type};

/// A message to encode: header fields, a token, options sorted by number, and a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageParts<'a> {
    /// Message type.
    pub message_type: Type,
    /// Code.
    pub code: Code,
    /// Message ID.
    pub message_id: u16,
    /// Token; more than 8 bytes are encoded with RFC 8974 extended token lengths.
    pub token: &'a [u8],
    /// Options in non-decreasing number order.
    pub options: &'a [CoapOption<'a>],
    /// Payload (empty for none).
    pub payload: &'a [u8],
}

impl MessageParts<'_> {
    /// The exact number of bytes [`MessageParts::encode`] writes (computed on the options as given;
    /// if they are out of order, `encode` fails instead).
    pub fn encoded_len(&self) -> usize {
        let token = self.token.len();
        let tkl_ext = if token > 8 { wire::nibble(token).1 } else { 0 };
        let mut len = 4 + tkl_ext + token;
        let mut last = 0usize;
        for opt in self.options {
            let n = usize::from(opt.number().0);
            len += wire::header_len(n.saturating_sub(last), opt.value().len()) + opt.value().len();
            last = n;
        }
        if !self.payload.is_empty() {
            len += 1 + self.payload.len();
        }
        len
    }

    /// Encodes into `buf`; returns the number of bytes written.
    pub fn encode(&self, buf: &mut [u8]) -> Result<usize, EncodeError> {
        let extended = self.token.len() > 8;
        let mut w = MessageWriter::with_token_mode(
            buf,
            self.message_type,
            self.code,
            self.message_id,
            self.token,
            extended,
        )?;
        for opt in self.options {
            w = w.option(opt.number(), opt.value())?;
        }
        Ok(w.payload(self.payload)?.finish())
    }
}
