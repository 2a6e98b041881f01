//! Building a CoAP datagram from C: header and token, options in non-decreasing number order, payload
//! (RFC 7252 §3, §3.1), and the Uri-* options from a `coap://` URI (§6.4). The writer struct holds
//! only the buffer and the position; each call resumes coap-codec's `MessageWriter` from it.

use coap_codec::{Code, MessageWriter, OptionNumber, Type, Uri};

use crate::guard::guard;
use crate::raw;
use crate::status::*;

/// A message being written into a caller buffer. Start it with `iotc_coap_writer_init`; `len` is the
/// number of bytes written so far (the message length once complete).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_coap_writer {
    /// The buffer.
    pub buf: *mut u8,
    /// Its size.
    pub cap: usize,
    /// Bytes written so far.
    pub len: usize,
    /// The last option number written (0 before any).
    pub last_option: u16,
    /// Whether the payload was written (no option may follow).
    pub has_payload: bool,
}

/// Runs `step` on a `MessageWriter` resumed from `w`, then saves its state back into `w`. Nothing is
/// saved when the step fails, so the message stays as it was.
fn with_writer(
    w: *mut iotc_coap_writer,
    step: impl FnOnce(MessageWriter<'_>) -> Result<MessageWriter<'_>, iotc_status>,
) -> iotc_status {
    guard(|| {
        let Some(w) = raw::get_mut(w) else { return IOTC_ERR_NULL };
        let Some(buf) = raw::bytes_mut(w.buf, w.cap) else { return IOTC_ERR_NULL };
        let resumed =
            match MessageWriter::resume(buf, w.len, OptionNumber(w.last_option), w.has_payload) {
                Ok(r) => r,
                Err(e) => return coap_encode(e),
            };
        match step(resumed) {
            Ok(done) => {
                w.len = done.len();
                w.last_option = done.last_option().value();
                w.has_payload = done.has_payload();
                IOTC_OK
            }
            Err(status) => status,
        }
    })
}

/// Starts a message: version 1, `type_` (0 CON ... 3 RST), `code`, `message_id` and a token of at
/// most 8 bytes. `IOTC_ERR_BUFFER_TOO_SMALL` when the header and token do not fit.
#[no_mangle]
pub extern "C" fn iotc_coap_writer_init(
    w: *mut iotc_coap_writer,
    buf: *mut u8,
    cap: usize,
    type_: u8,
    code: u8,
    message_id: u16,
    token: *const u8,
    token_len: usize,
) -> iotc_status {
    guard(|| {
        let (Some(out), Some(bytes), Some(token)) =
            (raw::get_mut(w), raw::bytes_mut(buf, cap), raw::bytes(token, token_len))
        else {
            return IOTC_ERR_NULL;
        };
        if type_ > 3 {
            return IOTC_ERR_INVALID_ARGUMENT;
        }
        match MessageWriter::new(bytes, Type::from_bits(type_), Code(code), message_id, token) {
            Ok(started) => {
                *out = iotc_coap_writer {
                    buf,
                    cap,
                    len: started.len(),
                    last_option: 0,
                    has_payload: false,
                };
                IOTC_OK
            }
            Err(e) => coap_encode(e),
        }
    })
}

/// One step of the plain writer calls: an option (a uint already in its shortest form) or the
/// payload. The three calls share one out-of-line [`write_step`], so a firmware image carries the
/// resume and save code once rather than once per call.
enum Step<'v> {
    Option(u16, &'v [u8]),
    Payload(&'v [u8]),
}

#[inline(never)]
fn write_step(w: *mut iotc_coap_writer, step: Step<'_>) -> iotc_status {
    with_writer(w, |m| {
        match step {
            Step::Option(number, value) => m.option(OptionNumber(number), value),
            Step::Payload(payload) => m.payload(payload),
        }
        .map_err(coap_encode)
    })
}

/// Adds an option with an opaque value. Options must come in non-decreasing number order
/// (`IOTC_COAP_OPTION_OUT_OF_ORDER` otherwise).
#[no_mangle]
pub extern "C" fn iotc_coap_writer_add_option(
    w: *mut iotc_coap_writer,
    number: u16,
    value: *const u8,
    len: usize,
) -> iotc_status {
    let Some(value) = raw::bytes(value, len) else { return IOTC_ERR_NULL };
    write_step(w, Step::Option(number, value))
}

/// Adds a uint option in its shortest form (RFC 7252 §3.2).
#[no_mangle]
pub extern "C" fn iotc_coap_writer_add_uint(
    w: *mut iotc_coap_writer,
    number: u16,
    value: u32,
) -> iotc_status {
    let bytes = value.to_be_bytes();
    let shortest = bytes.get((value.leading_zeros() / 8) as usize..).unwrap_or_default();
    write_step(w, Step::Option(number, shortest))
}

/// Adds the payload (with its marker; nothing for an empty payload). No option may follow.
#[no_mangle]
pub extern "C" fn iotc_coap_writer_payload(
    w: *mut iotc_coap_writer,
    payload: *const u8,
    len: usize,
) -> iotc_status {
    let Some(payload) = raw::bytes(payload, len) else { return IOTC_ERR_NULL };
    write_step(w, Step::Payload(payload))
}

/// Which Uri-* options of a URI to write.
fn uri_step<'b>(
    m: MessageWriter<'b>,
    uri: &[u8],
    part: u8,
    destination_port: u16,
) -> Result<MessageWriter<'b>, iotc_status> {
    let text = core::str::from_utf8(uri).map_err(|_| IOTC_ERR_INVALID_UTF8)?;
    let uri = Uri::parse(text).map_err(|_| IOTC_COAP_INVALID_URI)?;
    let done = match part {
        0 => m.uri(&uri),
        1 => m.uri_host(&uri),
        2 => m.uri_port(&uri, destination_port),
        3 => m.uri_path(&uri),
        _ => m.uri_query(&uri),
    };
    done.map_err(coap_encode)
}

/// Adds Uri-Host, Uri-Path and Uri-Query from a `coap://`, `coaps://`, `coap+tcp://`, ... URI
/// (RFC 7252 §6.4: the host only when it is not an IP literal; the request is taken to go to the
/// URI's own port, so no Uri-Port). Options numbered 4 to 14 (ETag, Observe, Content-Format, ...)
/// cannot be added after it; use the per-option functions below to interleave them.
#[no_mangle]
pub extern "C" fn iotc_coap_writer_uri(
    w: *mut iotc_coap_writer,
    uri: *const u8,
    len: usize,
) -> iotc_status {
    let Some(uri) = raw::bytes(uri, len) else { return IOTC_ERR_NULL };
    with_writer(w, |m| uri_step(m, uri, 0, 0))
}

/// Adds the Uri-Host option of `uri` (if it needs one).
#[no_mangle]
pub extern "C" fn iotc_coap_writer_uri_host(
    w: *mut iotc_coap_writer,
    uri: *const u8,
    len: usize,
) -> iotc_status {
    let Some(uri) = raw::bytes(uri, len) else { return IOTC_ERR_NULL };
    with_writer(w, |m| uri_step(m, uri, 1, 0))
}

/// Adds the Uri-Port option of `uri` when its port differs from `destination_port`, the port the
/// request is sent to (RFC 7252 §6.4 step 7: a forward proxy's case).
#[no_mangle]
pub extern "C" fn iotc_coap_writer_uri_port(
    w: *mut iotc_coap_writer,
    uri: *const u8,
    len: usize,
    destination_port: u16,
) -> iotc_status {
    let Some(uri) = raw::bytes(uri, len) else { return IOTC_ERR_NULL };
    with_writer(w, |m| uri_step(m, uri, 2, destination_port))
}

/// Adds the Uri-Path options of `uri`, percent-decoded.
#[no_mangle]
pub extern "C" fn iotc_coap_writer_uri_path(
    w: *mut iotc_coap_writer,
    uri: *const u8,
    len: usize,
) -> iotc_status {
    let Some(uri) = raw::bytes(uri, len) else { return IOTC_ERR_NULL };
    with_writer(w, |m| uri_step(m, uri, 3, 0))
}

/// Adds the Uri-Query options of `uri`, percent-decoded.
#[no_mangle]
pub extern "C" fn iotc_coap_writer_uri_query(
    w: *mut iotc_coap_writer,
    uri: *const u8,
    len: usize,
) -> iotc_status {
    let Some(uri) = raw::bytes(uri, len) else { return IOTC_ERR_NULL };
    with_writer(w, |m| uri_step(m, uri, 4, 0))
}
