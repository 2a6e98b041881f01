//! CoRE Link Format for C (RFC 6690): a link iterator and an attribute iterator over a payload,
//! unescaping of quoted values, the RFC 6690 §4.1 query filter, and a writer with a Block2 window.

use linkformat::{Filter, Link, OutLink, OutValue, Value};

use crate::guard::guard;
use crate::raw;
use crate::status::*;
use crate::{iotc_error, iotc_slice};

/// One link of a payload. `payload` and `index` let the attribute iterator and the filter find it
/// again.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_lf_link {
    /// The target URI-reference (between `<` and `>`).
    pub target: iotc_slice,
    /// Offset of the link in the payload.
    pub offset: usize,
    /// The whole payload.
    pub payload: iotc_slice,
    /// Position of the link in the payload, from 0.
    pub index: usize,
}

/// A link iterator (state fields).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_lf_link_iter {
    /// The payload.
    pub payload: iotc_slice,
    /// Links read so far.
    pub index: usize,
}

/// Starts iterating over the links of a payload.
#[no_mangle]
pub extern "C" fn iotc_lf_link_iter_init(
    payload: *const u8,
    len: usize,
    it: *mut iotc_lf_link_iter,
) -> iotc_status {
    guard(|| {
        let (Some(p), Some(it)) = (raw::bytes(payload, len), raw::get_mut(it)) else {
            return IOTC_ERR_NULL;
        };
        *it = iotc_lf_link_iter { payload: iotc_slice::of(p), index: 0 };
        IOTC_OK
    })
}

fn nth<'a>(payload: &'a [u8], index: usize) -> Option<Result<Link<'a>, linkformat::ParseError>> {
    linkformat::parse(payload).nth(index)
}

/// The next link (strict RFC 6690 parsing): `IOTC_OK`, `IOTC_END`, or the parse error with its offset.
#[no_mangle]
pub extern "C" fn iotc_lf_link_next(
    it: *mut iotc_lf_link_iter,
    link: *mut iotc_lf_link,
    err: *mut iotc_error,
) -> iotc_status {
    guard(|| {
        let Some(it) = raw::get_mut(it) else { return IOTC_ERR_NULL };
        let Some(payload) = raw::slice(it.payload) else { return IOTC_ERR_NULL };
        match nth(payload, it.index) {
            None => IOTC_END,
            Some(Err(e)) => {
                raw::put(err, iotc_error { offset: e.offset(), ..iotc_error::default() });
                linkformat(e.kind())
            }
            Some(Ok(l)) => {
                raw::put(
                    link,
                    iotc_lf_link {
                        target: iotc_slice::of(l.target().as_bytes()),
                        offset: l.offset(),
                        payload: it.payload,
                        index: it.index,
                    },
                );
                it.index += 1;
                IOTC_OK
            }
        }
    })
}

/// Attribute value kinds.
pub const IOTC_LF_FLAG: u8 = 0;
/// A token (`ct=40`).
pub const IOTC_LF_TOKEN: u8 = 1;
/// A quoted string (`rt="a b"`), given with its escapes; see `iotc_lf_unescape`.
pub const IOTC_LF_QUOTED: u8 = 2;
/// A number, for the writer only (`sz=262144`).
pub const IOTC_LF_UINT: u8 = 3;

/// One attribute of a link.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_lf_attr {
    /// The parameter name as written.
    pub name: iotc_slice,
    /// `IOTC_LF_FLAG`, `IOTC_LF_TOKEN` or `IOTC_LF_QUOTED`.
    pub kind: u8,
    /// The value as written (empty for a flag).
    pub value: iotc_slice,
}

/// An attribute iterator (state fields).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_lf_attr_iter {
    /// The link.
    pub link: iotc_lf_link,
    /// Attributes read so far.
    pub index: usize,
}

/// Starts iterating over the attributes of `link`.
#[no_mangle]
pub extern "C" fn iotc_lf_attr_iter_init(
    link: *const iotc_lf_link,
    it: *mut iotc_lf_attr_iter,
) -> iotc_status {
    guard(|| {
        let (Some(l), Some(it)) = (raw::get(link), raw::get_mut(it)) else { return IOTC_ERR_NULL };
        *it = iotc_lf_attr_iter { link: *l, index: 0 };
        IOTC_OK
    })
}

fn find<'a>(l: &iotc_lf_link) -> Option<Link<'a>> {
    nth(raw::slice(l.payload)?, l.index)?.ok()
}

/// The next attribute, or `IOTC_END`.
#[no_mangle]
pub extern "C" fn iotc_lf_attr_next(
    it: *mut iotc_lf_attr_iter,
    attr: *mut iotc_lf_attr,
) -> iotc_status {
    guard(|| {
        let Some(it) = raw::get_mut(it) else { return IOTC_ERR_NULL };
        let Some(link) = find(&it.link) else { return IOTC_ERR_INVALID_ARGUMENT };
        let Some(a) = link.attrs().nth(it.index) else { return IOTC_END };
        it.index += 1;
        let (kind, value) = match a.value {
            Value::Flag => (IOTC_LF_FLAG, ""),
            Value::Token(t) => (IOTC_LF_TOKEN, t),
            Value::Quoted(q) => (IOTC_LF_QUOTED, q.raw()),
        };
        raw::put(
            attr,
            iotc_lf_attr {
                name: iotc_slice::of(a.name.as_bytes()),
                kind,
                value: iotc_slice::of(value.as_bytes()),
            },
        );
        IOTC_OK
    })
}

/// Removes the backslash escapes of a quoted value into `out`; `*written` is its length.
#[no_mangle]
pub extern "C" fn iotc_lf_unescape(
    value: iotc_slice,
    out: *mut u8,
    cap: usize,
    written: *mut usize,
) -> iotc_status {
    guard(|| {
        let (Some(v), Some(out)) = (raw::slice(value), raw::bytes_mut(out, cap)) else {
            return IOTC_ERR_NULL;
        };
        let mut n = 0;
        let mut escaped = false;
        for &b in v {
            if !escaped && b == b'\\' {
                escaped = true;
                continue;
            }
            escaped = false;
            let Some(slot) = out.get_mut(n) else { return IOTC_ERR_BUFFER_TOO_SMALL };
            *slot = b;
            n += 1;
        }
        raw::put(written, n);
        IOTC_OK
    })
}

/// Whether `link` passes the RFC 6690 §4.1 query filter `query` (such as `rt=temperature` or
/// `href=/sensors*`); an empty query matches every link.
#[no_mangle]
pub extern "C" fn iotc_lf_link_matches(
    link: *const iotc_lf_link,
    query: *const u8,
    len: usize,
    matches: *mut bool,
) -> iotc_status {
    guard(|| {
        let (Some(l), Some(q)) = (raw::get(link), raw::bytes(query, len)) else {
            return IOTC_ERR_NULL;
        };
        let Ok(q) = core::str::from_utf8(q) else { return IOTC_ERR_INVALID_UTF8 };
        let Some(link) = find(l) else { return IOTC_ERR_INVALID_ARGUMENT };
        if q.is_empty() {
            raw::put(matches, true);
            return IOTC_OK;
        }
        let Some(f) = Filter::parse(q) else { return IOTC_ERR_INVALID_ARGUMENT };
        raw::put(matches, f.matches(&link));
        IOTC_OK
    })
}

/// An attribute to write.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_lf_out_attr {
    /// The parameter name.
    pub name: iotc_slice,
    /// `IOTC_LF_FLAG`, `IOTC_LF_TOKEN`, `IOTC_LF_QUOTED` (escaped when written) or `IOTC_LF_UINT`.
    pub kind: u8,
    /// The text of a token or quoted value.
    pub value: iotc_slice,
    /// The number of an `IOTC_LF_UINT` value.
    pub number: u64,
}

/// A link to write.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_lf_out_link {
    /// The target URI-reference.
    pub target: iotc_slice,
    /// Its attributes, in order.
    pub attrs: *const iotc_lf_out_attr,
    /// How many.
    pub attr_count: usize,
}

/// What `iotc_lf_write` produced.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct iotc_lf_written {
    /// Bytes written into the buffer.
    pub len: usize,
    /// Length of the whole serialization.
    pub total: usize,
    /// Whether bytes follow the window (the Block2 M bit).
    pub more: bool,
}

/// Most attributes per link the writer takes (it keeps them on the stack).
pub const IOTC_LF_MAX_ATTRS: usize = 32;

fn text<'a>(s: iotc_slice) -> Result<&'a str, iotc_status> {
    core::str::from_utf8(raw::slice(s).ok_or(IOTC_ERR_NULL)?).map_err(|_| IOTC_ERR_INVALID_UTF8)
}

/// Writes the links that pass `query` (NULL or empty: all) as a link-format payload, the bytes from
/// `offset` on that fit in `cap` (a Block2 window: RFC 7959 §2.4 with NUM * size as `offset`). Links
/// the strict parser would refuse are refused (`IOTC_LINKFORMAT_*`).
#[no_mangle]
pub extern "C" fn iotc_lf_write(
    links: *const iotc_lf_out_link,
    count: usize,
    query: *const u8,
    query_len: usize,
    offset: usize,
    out: *mut u8,
    cap: usize,
    result: *mut iotc_lf_written,
) -> iotc_status {
    guard(|| {
        let (Some(links), Some(out), Some(query)) =
            (raw::array(links, count), raw::bytes_mut(out, cap), raw::bytes(query, query_len))
        else {
            return IOTC_ERR_NULL;
        };
        let filter = match core::str::from_utf8(query) {
            Ok("") => None,
            Ok(q) => match Filter::parse(q) {
                Some(f) => Some(f),
                None => return IOTC_ERR_INVALID_ARGUMENT,
            },
            Err(_) => return IOTC_ERR_INVALID_UTF8,
        };
        let mut window = Window { out, offset, written: 0, total: 0 };
        let mut first = true;
        for l in links {
            let mut attrs: [(&str, OutValue<'_>); IOTC_LF_MAX_ATTRS] =
                [("", OutValue::Flag); IOTC_LF_MAX_ATTRS];
            let Some(given) = raw::array(l.attrs, l.attr_count) else { return IOTC_ERR_NULL };
            if given.len() > IOTC_LF_MAX_ATTRS {
                return IOTC_ERR_INVALID_ARGUMENT;
            }
            for (slot, a) in attrs.iter_mut().zip(given) {
                let name = match text(a.name) {
                    Ok(n) => n,
                    Err(s) => return s,
                };
                let value = match a.kind {
                    IOTC_LF_FLAG => OutValue::Flag,
                    IOTC_LF_UINT => OutValue::Uint(a.number),
                    IOTC_LF_TOKEN | IOTC_LF_QUOTED => match text(a.value) {
                        Ok(v) if a.kind == IOTC_LF_TOKEN => OutValue::Token(v),
                        Ok(v) => OutValue::Quoted(v),
                        Err(s) => return s,
                    },
                    _ => return IOTC_ERR_INVALID_ARGUMENT,
                };
                *slot = (name, value);
            }
            let target = match text(l.target) {
                Ok(t) => t,
                Err(s) => return s,
            };
            let link = OutLink { target, attrs: attrs.get(..given.len()).unwrap_or_default() };
            if filter.as_ref().is_some_and(|f| !f.matches_out(&link)) {
                continue;
            }
            if !first {
                window.put(b",");
            }
            first = false;
            if let Err(s) = window.link(&link) {
                return s;
            }
        }
        raw::put(
            result,
            iotc_lf_written {
                len: window.written,
                total: window.total,
                more: window.total > offset + window.written,
            },
        );
        IOTC_OK
    })
}

/// The part of a serialization that falls in `[offset, offset + out.len())`.
struct Window<'b> {
    out: &'b mut [u8],
    offset: usize,
    written: usize,
    total: usize,
}

impl Window<'_> {
    fn put(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.total >= self.offset {
                if let Some(slot) = self.out.get_mut(self.written) {
                    *slot = b;
                    self.written += 1;
                }
            }
            self.total += 1;
        }
    }

    fn link(&mut self, link: &OutLink<'_>) -> Result<(), iotc_status> {
        let skip = self.offset.saturating_sub(self.total);
        // Write only while the window is not full: later bytes just count towards the total.
        let room = self.out.get_mut(self.written..).unwrap_or_default();
        let w = linkformat::write_links(core::slice::from_ref(link), None, skip, room)
            .map_err(linkformat_write)?;
        self.written += w.len;
        self.total += w.total;
        Ok(())
    }
}
