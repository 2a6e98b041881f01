//! Composing a URI from a request's options (RFC 7252 §6.5), into a caller buffer.

use crate::error::EncodeError;
use crate::percent::{self, HEX_UPPER};
use crate::{Message, Scheme};

/// Where a request was sent, for the parts of the URI its options leave out (RFC 7252 §6.5 steps 2, 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Destination<'h> {
    /// `coap` for plain UDP, `coaps` for DTLS (step 1).
    pub scheme: Scheme,
    /// The destination address as it is written in a URI: `198.51.100.1` or `[2001:db8::2:1]`.
    pub host: &'h str,
    /// The destination port.
    pub port: u16,
}

struct Out<'b> {
    buf: &'b mut [u8],
    pos: usize,
}

impl Out<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        let end = self.pos + bytes.len();
        let dst =
            self.buf.get_mut(self.pos..end).ok_or(EncodeError::BufferTooSmall { needed: end })?;
        dst.copy_from_slice(bytes);
        self.pos = end;
        Ok(())
    }

    fn put_encoded(&mut self, value: &[u8], keep: fn(u8) -> bool) -> Result<(), EncodeError> {
        for &b in value {
            if keep(b) {
                self.put(&[b])?;
            } else {
                let hex = |n: u8| HEX_UPPER.get(usize::from(n)).copied().unwrap_or(b'0');
                self.put(&[b'%', hex(b >> 4), hex(b & 0x0f)])?;
            }
        }
        Ok(())
    }

    fn put_decimal(&mut self, mut value: u16) -> Result<(), EncodeError> {
        let mut digits = [0u8; 5];
        let mut start = digits.len();
        loop {
            start -= 1;
            if let Some(d) = digits.get_mut(start) {
                *d = b'0' + (value % 10) as u8;
            }
            value /= 10;
            if value == 0 || start == 0 {
                break;
            }
        }
        self.put(digits.get(start..).unwrap_or_default())
    }
}

/// Whether `host` (after non-ASCII bytes are percent-encoded) is a reg-name, IPv4 address or bracketed
/// IP literal (RFC 7252 §6.5 step 2).
fn valid_host(host: &[u8]) -> bool {
    if let [b'[', inner @ .., b']'] = host {
        return !inner.is_empty()
            && inner.iter().all(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'));
    }
    !host.is_empty()
        && percent::validate(host, |b| !b.is_ascii() || percent::is_reg_name_char(b)).is_ok()
}

impl Message<'_> {
    /// Writes the request URI of this message into `out` (RFC 7252 §6.5); returns its length.
    ///
    /// Fails with [`EncodeError::InvalidHost`] when Uri-Host is not a valid host (step 2), and with
    /// [`EncodeError::BufferTooSmall`] when `out` is too short.
    pub fn compose_uri(
        &self,
        destination: Destination<'_>,
        out: &mut [u8],
    ) -> Result<usize, EncodeError> {
        let mut w = Out { buf: out, pos: 0 };
        let options = self.options();
        w.put(destination.scheme.as_str().as_bytes())?;
        w.put(b"://")?;
        match options.get(crate::OptionNumber::URI_HOST) {
            Some(host) => {
                if !valid_host(host.value()) {
                    return Err(EncodeError::InvalidHost);
                }
                w.put_encoded(host.value(), |b| b.is_ascii())?;
            }
            None => w.put(destination.host.as_bytes())?,
        }
        let port = options.uri_port().unwrap_or(destination.port);
        if port != destination.scheme.default_port() {
            w.put(b":")?;
            w.put_decimal(port)?;
        }
        let mut any_path = false;
        for segment in options.all(crate::OptionNumber::URI_PATH) {
            any_path = true;
            w.put(b"/")?;
            w.put_encoded(segment.value(), percent::keep_in_path)?;
        }
        if !any_path {
            w.put(b"/")?;
        }
        for (i, argument) in options.all(crate::OptionNumber::URI_QUERY).enumerate() {
            w.put(if i == 0 { b"?" } else { b"&" })?;
            w.put_encoded(argument.value(), percent::keep_in_query)?;
        }
        Ok(w.pos)
    }
}
