//! CoAP for C: parse a datagram or a TCP frame into a message struct, iterate its options with an
//! optional number filter, read an option as uint, string or opaque, find the first unrecognised
//! critical option (RFC 7252 §3, §5.4; RFC 8323 §3.2).

use coap_codec::{
    decode_tcp, receive_tcp, receive_udp, DecodeConfig, DecodeError, Framed, Message, Needed,
    OptionNumber, ReliableConfig, Response,
};

use crate::guard::guard;
use crate::raw;
use crate::status::*;
use crate::{iotc_error, iotc_slice};

/// Accept RFC 8974 extended token lengths.
pub const IOTC_COAP_EXTENDED_TOKENS: u32 = 1;
/// Accept registered string options that are not UTF-8.
pub const IOTC_COAP_LENIENT_UTF8: u32 = 2;
/// Also apply every receiver rule (RFC 7252 §5.4 option checks, extension option values), as a
/// server should before acting on a message.
pub const IOTC_COAP_CHECK: u32 = 4;

/// No answer is known (not a CoAP decode error).
pub const IOTC_ANSWER_NONE: u8 = 0;
/// Drop the message silently.
pub const IOTC_ANSWER_IGNORE: u8 = 1;
/// Send a Reset echoing the message ID.
pub const IOTC_ANSWER_RESET: u8 = 2;
/// Answer 4.00 Bad Request.
pub const IOTC_ANSWER_BAD_REQUEST: u8 = 3;
/// Answer 4.02 Bad Option.
pub const IOTC_ANSWER_BAD_OPTION: u8 = 4;
/// Send 7.05 Abort and close the connection (reliable transports).
pub const IOTC_ANSWER_ABORT: u8 = 5;

/// Message type value for messages of reliable transports, which have no type.
pub const IOTC_COAP_TYPE_NONE: u8 = 0xFF;

/// A decoded CoAP message; every slice points into the buffer that was parsed.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_coap_msg {
    /// 0 CON, 1 NON, 2 ACK, 3 RST; `IOTC_COAP_TYPE_NONE` over TCP.
    pub type_: u8,
    /// The code, `class << 5 | detail`.
    pub code: u8,
    /// Message ID (0 over TCP).
    pub message_id: u16,
    /// The token.
    pub token: iotc_slice,
    /// The validated option bytes (without the payload marker).
    pub options: iotc_slice,
    /// The payload (empty when there is none).
    pub payload: iotc_slice,
    /// Offset of the options in the message.
    pub options_offset: usize,
    /// Length of the message (of the frame, over TCP).
    pub length: usize,
}

const fn answer(r: Response) -> u8 {
    match r {
        Response::Ignore => IOTC_ANSWER_IGNORE,
        Response::Reset => IOTC_ANSWER_RESET,
        Response::BadRequest => IOTC_ANSWER_BAD_REQUEST,
        Response::BadOption => IOTC_ANSWER_BAD_OPTION,
        Response::Abort => IOTC_ANSWER_ABORT,
        _ => IOTC_ANSWER_NONE,
    }
}

/// Fills `err` from a CoAP error and returns its status.
pub(crate) fn fail(e: &DecodeError, err: *mut iotc_error) -> iotc_status {
    let option = e.option().map_or(0, |o| o.value());
    raw::put(
        err,
        iotc_error { offset: e.offset(), option, answer: answer(e.response()), reason_code: 0 },
    );
    coap_decode(e.kind())
}

fn config(flags: u32) -> DecodeConfig {
    DecodeConfig::STRICT
        .extended_tokens(flags & IOTC_COAP_EXTENDED_TOKENS != 0)
        .lenient_utf8(flags & IOTC_COAP_LENIENT_UTF8 != 0)
}

/// Decodes one UDP datagram by the message format rules alone (RFC 7252 §3, §4.1-§4.3): the header,
/// the token, every option header and length, string options' UTF-8 unless
/// `IOTC_COAP_LENIENT_UTF8`, the payload marker. `IOTC_COAP_CHECK` is ignored: this entry point never
/// refers to the receiver checks, so a program that calls only it does not link them (see the
/// footprint table of the README). `err` may be NULL.
#[no_mangle]
pub extern "C" fn iotc_coap_decode(
    buf: *const u8,
    len: usize,
    flags: u32,
    msg: *mut iotc_coap_msg,
    err: *mut iotc_error,
) -> iotc_status {
    udp(buf, len, msg, err, |bytes| Message::decode_with(bytes, config(flags)))
}

/// Parses one UDP datagram (RFC 7252 §3). With `IOTC_COAP_CHECK` the receiver rules are applied too,
/// and `err->answer` says how to answer a refused message. `err` may be NULL.
#[no_mangle]
pub extern "C" fn iotc_coap_parse(
    buf: *const u8,
    len: usize,
    flags: u32,
    msg: *mut iotc_coap_msg,
    err: *mut iotc_error,
) -> iotc_status {
    udp(buf, len, msg, err, |bytes| {
        if flags & IOTC_COAP_CHECK != 0 {
            receive_udp(bytes, config(flags)).map_err(|r| r.error)
        } else {
            Message::decode_with(bytes, config(flags))
        }
    })
}

/// The two UDP entry points around their decoder: the pointers checked, the result stored. Inlined
/// into each, so that `iotc_coap_decode` does not refer to the receiver checks.
#[inline(always)]
fn udp(
    buf: *const u8,
    len: usize,
    msg: *mut iotc_coap_msg,
    err: *mut iotc_error,
    decode: impl FnOnce(&[u8]) -> Result<Message<'_>, DecodeError>,
) -> iotc_status {
    guard(|| {
        let (Some(bytes), Some(out)) = (raw::bytes(buf, len), raw::get_mut(msg)) else {
            return IOTC_ERR_NULL;
        };
        store(decode(bytes), bytes.len(), out, err)
    })
}

/// Fills `out` from a decoded datagram, or `err` from its error.
fn store(
    decoded: Result<Message<'_>, DecodeError>,
    length: usize,
    out: &mut iotc_coap_msg,
    err: *mut iotc_error,
) -> iotc_status {
    match decoded {
        Ok(m) => {
            *out = iotc_coap_msg {
                type_: m.message_type().bits(),
                code: m.code().0,
                message_id: m.message_id(),
                token: iotc_slice::of(m.token()),
                options: iotc_slice::of(m.option_bytes()),
                payload: iotc_slice::of(m.payload()),
                options_offset: m.options_offset(),
                length,
            };
            IOTC_OK
        }
        Err(e) => fail(&e, err),
    }
}

/// Parses one CoAP-over-TCP frame from the start of a stream buffer (RFC 8323 §3.2). Returns
/// `IOTC_INCOMPLETE` with `*needed` set (`*needed_exact` true once the length is known) when more
/// bytes must arrive; `max_message_size` 0 means no limit. A frame larger than the limit is refused
/// from its length header. `msg->length` is the number of bytes to consume.
#[no_mangle]
pub extern "C" fn iotc_coap_parse_tcp(
    buf: *const u8,
    len: usize,
    flags: u32,
    max_message_size: usize,
    msg: *mut iotc_coap_msg,
    needed: *mut usize,
    needed_exact: *mut bool,
    err: *mut iotc_error,
) -> iotc_status {
    guard(|| {
        let (Some(bytes), Some(out)) = (raw::bytes(buf, len), raw::get_mut(msg)) else {
            return IOTC_ERR_NULL;
        };
        let cfg = ReliableConfig {
            decode: config(flags),
            max_message_size: if max_message_size == 0 { usize::MAX } else { max_message_size },
            bert: true,
        };
        let decoded = if flags & IOTC_COAP_CHECK != 0 {
            receive_tcp(bytes, &cfg).map_err(|r| r.error)
        } else {
            decode_tcp(bytes, &cfg)
        };
        match decoded {
            Ok(Framed::Message(m)) => {
                *out = iotc_coap_msg {
                    type_: IOTC_COAP_TYPE_NONE,
                    code: m.code().0,
                    message_id: 0,
                    token: iotc_slice::of(m.token()),
                    options: iotc_slice::of(m.option_bytes()),
                    payload: iotc_slice::of(m.payload()),
                    options_offset: m.options_offset(),
                    length: m.frame_len(),
                };
                IOTC_OK
            }
            Ok(Framed::Incomplete(n)) => {
                let (count, exact) = match n {
                    Needed::Exact(c) => (c, true),
                    Needed::AtLeast(c) => (c, false),
                };
                raw::put(needed, count);
                raw::put(needed_exact, exact);
                IOTC_INCOMPLETE
            }
            Err(e) => fail(&e, err),
        }
    })
}

/// An option iterator over a parsed message. Initialise with `iotc_coap_opt_iter_init`; the fields
/// are the iterator's state.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_coap_opt_iter {
    /// Option bytes not read yet.
    pub rest: iotc_slice,
    /// Number of the last option read.
    pub number: u16,
    /// Only options with this number (0: every option).
    pub filter: u16,
}

/// Starts iterating over the options of `msg`; `filter` 0 gives every option, another number only
/// the options with that number (RFC 7252 §5.4.5: repeated options come in order).
#[no_mangle]
pub extern "C" fn iotc_coap_opt_iter_init(
    msg: *const iotc_coap_msg,
    filter: u16,
    it: *mut iotc_coap_opt_iter,
) -> iotc_status {
    guard(|| {
        let (Some(m), Some(it)) = (raw::get(msg), raw::get_mut(it)) else { return IOTC_ERR_NULL };
        *it = iotc_coap_opt_iter { rest: m.options, number: 0, filter };
        IOTC_OK
    })
}

/// The next option: `IOTC_OK` with `*number` and `*value` set, or `IOTC_END`. `number` may be NULL.
#[no_mangle]
pub extern "C" fn iotc_coap_opt_next(
    it: *mut iotc_coap_opt_iter,
    number: *mut u16,
    value: *mut iotc_slice,
) -> iotc_status {
    guard(|| {
        let Some(it) = raw::get_mut(it) else { return IOTC_ERR_NULL };
        let Some(rest) = raw::slice(it.rest) else { return IOTC_ERR_NULL };
        match advance(it, rest) {
            Some((n, v)) => {
                raw::put(number, n);
                raw::put(value, iotc_slice::of(v));
                IOTC_OK
            }
            None => IOTC_END,
        }
    })
}

/// Moves `it` (whose unread option bytes are `rest`) to its next option that passes its filter.
/// The one walk behind the iterator, the single-option getters and the critical-option check, kept
/// out of line so that a firmware image carries it once.
#[inline(never)]
fn advance<'a>(it: &mut iotc_coap_opt_iter, mut rest: &'a [u8]) -> Option<(u16, &'a [u8])> {
    // Continue the validated walk from the saved position: the next delta counts from the number
    // read last.
    while let Some((n, v, after)) = next_option(rest, it.number) {
        it.number = n;
        rest = after;
        if it.filter == 0 || it.filter == n {
            it.rest = iotc_slice::of(rest);
            return Some((n, v));
        }
        if it.filter < n {
            break;
        }
    }
    it.rest = iotc_slice::EMPTY;
    None
}

/// Reads one option header and value after option number `previous` (RFC 7252 §3.1). The bytes were
/// validated when the message was parsed; anything else ends the iteration.
#[inline(always)]
fn next_option(bytes: &[u8], previous: u16) -> Option<(u16, &[u8], &[u8])> {
    let (&head, mut rest) = bytes.split_first()?;
    // The delta nibble, then the length nibble, each with its extension bytes (nibble 15, which
    // also marks the payload, ends the walk). One loop body, not two copies: flash matters more
    // than the branch here.
    let mut fields = [usize::from(head >> 4), usize::from(head & 0x0f)];
    for field in &mut fields {
        let (value, used) = match *field {
            0..=12 => (*field, 0),
            13 => (usize::from(*rest.first()?) + 13, 1),
            14 => (usize::from(u16::from_be_bytes(*rest.first_chunk()?)) + 269, 2),
            _ => return None,
        };
        rest = rest.get(used..)?;
        *field = value;
    }
    let [delta, len] = fields;
    let (value, after) = rest.split_at_checked(len)?;
    let number = u16::try_from(usize::from(previous) + delta).ok()?;
    Some((number, value, after))
}

fn first<'a>(msg: &iotc_coap_msg, number: u16) -> Option<&'a [u8]> {
    let rest = raw::slice(msg.options)?;
    let mut it = iotc_coap_opt_iter { rest: msg.options, number: 0, filter: number };
    // Filter 0 means "any option" to the iterator; here it means option 0 itself.
    advance(&mut it, rest).filter(|&(n, _)| n == number).map(|(_, v)| v)
}

/// The first option `number` as a uint of at most 4 bytes (RFC 7252 §3.2).
#[no_mangle]
pub extern "C" fn iotc_coap_get_uint(
    msg: *const iotc_coap_msg,
    number: u16,
    value: *mut u32,
) -> iotc_status {
    guard(|| {
        let Some(m) = raw::get(msg) else { return IOTC_ERR_NULL };
        match first(m, number) {
            None => IOTC_ERR_NOT_FOUND,
            Some(v) if v.len() > 4 => IOTC_ERR_INVALID_ARGUMENT,
            Some(v) => {
                raw::put(value, v.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)));
                IOTC_OK
            }
        }
    })
}

/// The first option `number` as opaque bytes.
#[no_mangle]
pub extern "C" fn iotc_coap_get_opaque(
    msg: *const iotc_coap_msg,
    number: u16,
    value: *mut iotc_slice,
) -> iotc_status {
    get_bytes(msg, number, value, |_| true)
}

/// The first option `number` as a UTF-8 string (not NUL-terminated); `IOTC_ERR_INVALID_UTF8` when
/// it is not UTF-8.
#[no_mangle]
pub extern "C" fn iotc_coap_get_string(
    msg: *const iotc_coap_msg,
    number: u16,
    value: *mut iotc_slice,
) -> iotc_status {
    get_bytes(msg, number, value, |v| core::str::from_utf8(v).is_ok())
}

/// The first option `number`, if `valid` accepts it (`IOTC_ERR_INVALID_UTF8` otherwise).
fn get_bytes(
    msg: *const iotc_coap_msg,
    number: u16,
    value: *mut iotc_slice,
    valid: impl FnOnce(&[u8]) -> bool,
) -> iotc_status {
    guard(|| {
        let Some(m) = raw::get(msg) else { return IOTC_ERR_NULL };
        match first(m, number) {
            None => IOTC_ERR_NOT_FOUND,
            Some(v) if !valid(v) => IOTC_ERR_INVALID_UTF8,
            Some(v) => {
                raw::put(value, iotc_slice::of(v));
                IOTC_OK
            }
        }
    })
}

/// The first critical option (odd number, RFC 7252 §5.4.6) that is not among the `count` numbers at
/// `known` (NULL with count 0: none is known; pass the registry's options with
/// `iotc_coap_option_registered`). `IOTC_OK` with `*number` set, or `IOTC_ERR_NOT_FOUND`.
#[no_mangle]
pub extern "C" fn iotc_coap_first_unrecognized_critical(
    msg: *const iotc_coap_msg,
    known: *const u16,
    count: usize,
    number: *mut u16,
) -> iotc_status {
    guard(|| {
        let (Some(m), Some(known)) = (raw::get(msg), raw::array(known, count)) else {
            return IOTC_ERR_NULL;
        };
        if raw::slice(m.options).is_none() {
            return IOTC_ERR_NULL;
        }
        // Every option in turn (filter 0), through the iterator's own walk.
        let mut it = iotc_coap_opt_iter { rest: m.options, number: 0, filter: 0 };
        while let Some((n, _)) = raw::slice(it.rest).and_then(|rest| advance(&mut it, rest)) {
            if n & 1 == 1 && !known.contains(&n) {
                raw::put(number, n);
                return IOTC_OK;
            }
        }
        IOTC_ERR_NOT_FOUND
    })
}

/// Whether `number` is in the IANA CoAP option registry this library knows.
#[no_mangle]
pub extern "C" fn iotc_coap_option_registered(number: u16) -> bool {
    OptionNumber(number).definition().is_some()
}
