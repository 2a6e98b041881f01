//! One entry point per transport: decode, then apply every receiver rule this crate knows (the option
//! rules of RFC 7252 §5.4, the extension option values, the signaling rules of RFC 8323 §5), and say
//! how to answer what is refused.

use crate::check::{check_registered, Answers};
use crate::error::{DecodeError, ErrorKind, Response, ValueError};
use crate::reliable::{decode_tcp, decode_websocket, Framed, ReliableConfig, ReliableMessage};
use crate::{BlockValue, CoapOption, Code, DecodeConfig, Message, OptionNumber, OscoreOption};

/// A message that was refused: the error (whose [`DecodeError::response`] is the answer to give)
/// and, when the bytes decoded but a rule refused them, the message itself, whose token (and message
/// ID on UDP) the answer echoes and whose length a stream reader skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused<M> {
    /// What went wrong and how to answer.
    pub error: DecodeError,
    /// The decoded message, if decoding got that far.
    pub message: Option<M>,
}

impl<M> Refused<M> {
    fn decoding(error: DecodeError) -> Self {
        Self { error, message: None }
    }
}

/// Receives a UDP datagram: [`Message::decode_with`], [`Message::check_options`] and the extension
/// option values (Block SZX 7 and Hop-Limit 0 refused with 4.00, a malformed OSCORE value with
/// 4.02). Answers are Reset or silence for what cannot be answered with a response.
///
/// ```
/// use coap_codec::{receive_udp, DecodeConfig, ErrorKind, Response, ValueError};
/// // A CON GET with Block2 SZX 7, reserved outside BERT (RFC 7959 §2.2).
/// let refused = receive_udp(b"\x40\x01\x00\x01\xd1\x0a\x07", DecodeConfig::STRICT).unwrap_err();
/// assert_eq!(refused.error.kind(), ErrorKind::InvalidOptionValue(ValueError::ReservedBlockSize));
/// assert_eq!(refused.error.response(), Response::BadRequest);
/// ```
pub fn receive_udp(
    datagram: &[u8],
    config: DecodeConfig,
) -> Result<Message<'_>, Refused<Message<'_>>> {
    let msg = Message::decode_with(datagram, config).map_err(Refused::decoding)?;
    let (ty, code) = (msg.message_type(), msg.code());
    let answers = Answers {
        bad_option: Response::refuse(ty, code, Response::BadOption),
        bad_request: Response::refuse(ty, code, Response::BadRequest),
    };
    let refuse = |error| Refused { error, message: Some(msg) };
    // One walk over the options: the registry's rules, then the extension values, per option.
    let ext = Extensions { code, no_payload: msg.payload().is_empty(), answers, bert: false };
    let registered = |n: OptionNumber| n.definition().is_some();
    check_registered(msg.options(), msg.options_offset(), code, registered, answers, |at, opt| {
        ext.check(at, opt)
    })
    .map_err(refuse)?;
    Ok(msg)
}

/// Receives one CoAP-over-TCP/TLS frame from the start of a stream buffer: [`decode_tcp`], then the
/// same rules as [`receive_udp`] for requests and responses, or the signaling rules for 7.xx.
/// Framing errors and malformed signaling are answered with Abort; a refused request with 4.02 or
/// 4.00, after which the stream goes on at the refused message's [`ReliableMessage::frame_len`].
pub fn receive_tcp<'a>(
    buf: &'a [u8],
    config: &ReliableConfig,
) -> Result<Framed<'a>, Refused<ReliableMessage<'a>>> {
    match decode_tcp(buf, config).map_err(Refused::decoding)? {
        Framed::Message(msg) => check_reliable(msg, config).map(Framed::Message),
        incomplete => Ok(incomplete),
    }
}

/// Receives one CoAP-over-WebSockets message (a whole WebSocket binary message), with the rules of
/// [`receive_tcp`].
pub fn receive_websocket<'a>(
    message: &'a [u8],
    config: &ReliableConfig,
) -> Result<ReliableMessage<'a>, Refused<ReliableMessage<'a>>> {
    let msg = decode_websocket(message, config).map_err(Refused::decoding)?;
    check_reliable(msg, config)
}

fn check_reliable<'a>(
    msg: ReliableMessage<'a>,
    config: &ReliableConfig,
) -> Result<ReliableMessage<'a>, Refused<ReliableMessage<'a>>> {
    let refuse = |error| Refused { error, message: Some(msg) };
    let code = msg.code();
    if code.is_signaling() {
        crate::signal::check(&msg).map_err(refuse)?;
        return Ok(msg);
    }
    // No Reset on a stream: a response that must be rejected is dropped (RFC 7252 §5.4.1 with
    // RFC 8323 §3.1, which removes the Reset message).
    let answers = if code.is_request() {
        Answers { bad_option: Response::BadOption, bad_request: Response::BadRequest }
    } else {
        Answers { bad_option: Response::Ignore, bad_request: Response::Ignore }
    };
    let ext = Extensions { code, no_payload: msg.payload().is_empty(), answers, bert: config.bert };
    // The UDP decoder checks string options for UTF-8 while it walks them; here it is done in the
    // same walk as the registry's and the extensions' rules.
    let utf8 = !config.decode.accepts_lenient_utf8();
    let registered = |n: OptionNumber| n.definition().is_some();
    check_registered(msg.options(), msg.options_offset(), code, registered, answers, |at, opt| {
        if utf8 {
            check_utf8(at, opt, answers.bad_request)?;
        }
        ext.check(at, opt)
    })
    .map_err(refuse)?;
    Ok(msg)
}

/// The value rules of the extension options that a receiver must enforce rather than ignore:
/// Block SZX 7 outside BERT (RFC 7959 §2.2: 4.00 in a request), Hop-Limit 0 or not one byte in a
/// request (RFC 8768 §3: 4.00), a malformed OSCORE value (RFC 8613 §6.1, §8.2: 4.02) or an OSCORE
/// option without payload (RFC 8613 §2).
#[derive(Clone, Copy)]
struct Extensions {
    code: Code,
    no_payload: bool,
    answers: Answers,
    bert: bool,
}

impl Extensions {
    /// Checks one option, at message offset `at`.
    fn check(&self, at: usize, opt: CoapOption<'_>) -> Result<(), DecodeError> {
        let n = opt.number();
        let invalid = |v, answer| {
            DecodeError::new(ErrorKind::InvalidOptionValue(v), at, answer).with_option(n)
        };
        match n {
            OptionNumber::BLOCK1
            | OptionNumber::BLOCK2
            | OptionNumber::Q_BLOCK1
            | OptionNumber::Q_BLOCK2 => {
                BlockValue::decode(opt.value(), self.bert)
                    .map_err(|v| invalid(v, self.answers.bad_request))?;
            }
            OptionNumber::HOP_LIMIT if self.code.is_request() => match opt.value() {
                [0] => return Err(invalid(ValueError::HopLimitZero, self.answers.bad_request)),
                [_] => {}
                _ => return Err(invalid(ValueError::Length, self.answers.bad_request)),
            },
            OptionNumber::OSCORE => {
                OscoreOption::decode(opt.value())
                    .map_err(|v| invalid(v, self.answers.bad_option))?;
                if self.no_payload {
                    let e = DecodeError::new(
                        ErrorKind::OscoreWithoutPayload,
                        at,
                        self.answers.bad_option,
                    );
                    return Err(e.with_option(n));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The registered string options must be UTF-8 (RFC 7252 §3.2).
fn check_utf8(at: usize, opt: CoapOption<'_>, answer: Response) -> Result<(), DecodeError> {
    let n = opt.number();
    if crate::registry::is_string_option(n.0) && !crate::utf8::is_utf8(opt.value()) {
        return Err(DecodeError::new(ErrorKind::InvalidUtf8Option, at, answer).with_option(n));
    }
    Ok(())
}
