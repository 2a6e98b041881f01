//! `coap://` and `coaps://` URIs decomposed into Uri-Host, Uri-Port, Uri-Path and Uri-Query
//! (RFC 7252 §6.1, §6.2, §6.4), with the RFC 3986 grammar checked. Borrowed: nothing is copied until
//! the options are written, percent-decoded, straight into the message.

use core::fmt;

use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::digit0;
use nom::combinator::{opt, recognize};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use crate::percent::{self, PercentDecoded};

/// The URI schemes of RFC 7252 §6.1 and §6.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// `coap`, default port 5683.
    Coap,
    /// `coaps` (DTLS), default port 5684.
    Coaps,
}

impl Scheme {
    /// The default port of the scheme (RFC 7252 §6.1, §6.2).
    pub const fn default_port(self) -> u16 {
        match self {
            Self::Coap => 5683,
            Self::Coaps => 5684,
        }
    }

    /// The scheme name as written in a URI.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Coap => "coap",
            Self::Coaps => "coaps",
        }
    }
}

/// What kind of host a URI names: only a reg-name becomes a Uri-Host option (RFC 7252 §6.4 step 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostKind {
    /// A registered name such as `example.net`.
    RegName,
    /// A dotted-decimal IPv4 address.
    Ipv4,
    /// A bracketed IPv6 (or IPvFuture) literal.
    IpLiteral,
}

/// Why a URI was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UriErrorKind {
    /// No `scheme:` at the start: not an absolute URI (RFC 7252 §6.4 step 1).
    NotAbsolute,
    /// A scheme other than `coap` or `coaps` (step 3).
    UnsupportedScheme,
    /// No `//authority` with a non-empty host.
    MissingHost,
    /// A userinfo part (`user@host`), which CoAP URIs do not carry (RFC 7252 §6.1).
    UserInfo,
    /// A host that is neither a reg-name, an IPv4 address nor a bracketed IP literal.
    InvalidHost,
    /// A port that is not a decimal number up to 65535.
    InvalidPort,
    /// A character not allowed in a path, or a bad percent-encoding there.
    InvalidPath,
    /// A character not allowed in a query, or a bad percent-encoding there.
    InvalidQuery,
    /// A fragment (`#...`), which must fail the algorithm (step 4).
    Fragment,
    /// A host, path segment or query argument whose percent-decoded bytes are not UTF-8 (step 2: the
    /// components are interpreted in UTF-8, and the options they become are strings).
    NotUtf8,
}

/// A URI that could not be decomposed, with the byte offset of the problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UriError {
    /// What was wrong.
    pub kind: UriErrorKind,
    /// Where, in bytes from the start of the URI.
    pub offset: usize,
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} at byte {}", self.kind, self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UriError {}

/// A parsed `coap`/`coaps` URI, borrowing the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uri<'a> {
    scheme: Scheme,
    host: &'a str,
    host_kind: HostKind,
    port: Option<u16>,
    path: &'a str,
    query: Option<&'a str>,
}

type Res<'a, T> = IResult<&'a str, T, ()>;

fn scheme(i: &str) -> Res<'_, &str> {
    recognize((
        take_while1(|c: char| c.is_ascii_alphabetic()),
        take_while(|c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')),
    ))
    .parse(i)
}

fn ip_literal(i: &str) -> Res<'_, &str> {
    recognize(delimited(
        tag("["),
        take_while1(|c: char| c.is_ascii_hexdigit() || matches!(c, ':' | '.' | 'v' | 'V')),
        tag("]"),
    ))
    .parse(i)
}

fn reg_name(i: &str) -> Res<'_, &str> {
    take_while(|c: char| c.is_ascii() && (percent::is_reg_name_char(c as u8) || c == '%')).parse(i)
}

fn port(i: &str) -> Res<'_, Option<&str>> {
    opt(preceded(tag(":"), digit0)).parse(i)
}

/// Whether `s` is an IPv4address: four decimal octets, no leading zeros (RFC 3986 §3.2.2).
fn is_ipv4(s: &str) -> bool {
    let mut count = 0;
    for part in s.split('.') {
        count += 1;
        let ok = !part.is_empty()
            && part.len() <= 3
            && part.bytes().all(|b| b.is_ascii_digit())
            && !(part.len() > 1 && part.starts_with('0'))
            && part.parse::<u16>().is_ok_and(|v| v <= 255);
        if !ok {
            return false;
        }
    }
    count == 4
}

impl<'a> Uri<'a> {
    /// Parses an absolute `coap://` or `coaps://` URI (RFC 7252 §6.4 steps 1 to 4; RFC 3986 §3).
    pub fn parse(uri: &'a str) -> Result<Self, UriError> {
        let at = |rest: &str, kind| UriError { kind, offset: uri.len() - rest.len() };
        let (rest, name) = scheme(uri).map_err(|_| at(uri, UriErrorKind::NotAbsolute))?;
        let Some(rest) = rest.strip_prefix(':') else {
            return Err(at(rest, UriErrorKind::NotAbsolute));
        };
        let scheme = if name.eq_ignore_ascii_case("coap") {
            Scheme::Coap
        } else if name.eq_ignore_ascii_case("coaps") {
            Scheme::Coaps
        } else {
            return Err(UriError { kind: UriErrorKind::UnsupportedScheme, offset: 0 });
        };
        let Some(authority) = rest.strip_prefix("//") else {
            return Err(at(rest, UriErrorKind::MissingHost));
        };
        let auth_end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
        if let Some(pos) = authority.get(..auth_end).and_then(|a| a.find('@')) {
            return Err(UriError {
                kind: UriErrorKind::UserInfo,
                offset: uri.len() - authority.len() + pos,
            });
        }

        let (after_host, host, host_kind) = if let Ok((r, lit)) = ip_literal(authority) {
            (r, lit, HostKind::IpLiteral)
        } else if authority.starts_with('[') {
            return Err(at(authority, UriErrorKind::InvalidHost));
        } else {
            let (r, name) =
                reg_name(authority).map_err(|_| at(authority, UriErrorKind::InvalidHost))?;
            percent::validate(name.as_bytes(), percent::is_reg_name_char)
                .map_err(|off| at(authority, UriErrorKind::InvalidHost).shift(off))?;
            let kind = if is_ipv4(name) { HostKind::Ipv4 } else { HostKind::RegName };
            (r, name, kind)
        };
        if host.is_empty() {
            return Err(at(authority, UriErrorKind::MissingHost));
        }
        let (after_port, digits) =
            port(after_host).map_err(|_| at(after_host, UriErrorKind::InvalidPort))?;
        let port = match digits {
            None | Some("") => None,
            Some(d) => {
                Some(d.parse::<u16>().map_err(|_| at(after_host, UriErrorKind::InvalidPort))?)
            }
        };
        if !matches!(after_port.bytes().next(), None | Some(b'/' | b'?' | b'#')) {
            let kind = if digits.is_some() {
                UriErrorKind::InvalidPort
            } else {
                UriErrorKind::InvalidHost
            };
            return Err(at(after_port, kind));
        }

        let path_end = after_port.find(['?', '#']).unwrap_or(after_port.len());
        let (path, rest) = after_port.split_at(path_end);
        percent::validate(path.as_bytes(), |b| percent::is_pchar(b) || b == b'/')
            .map_err(|off| at(path, UriErrorKind::InvalidPath).shift(off))?;
        let (query, rest) = match rest.strip_prefix('?') {
            Some(q) => {
                let end = q.find('#').unwrap_or(q.len());
                let (query, rest) = q.split_at(end);
                percent::validate(query.as_bytes(), percent::is_query_char)
                    .map_err(|off| at(query, UriErrorKind::InvalidQuery).shift(off))?;
                (Some(query), rest)
            }
            None => (None, rest),
        };
        if !rest.is_empty() {
            return Err(at(rest, UriErrorKind::Fragment));
        }
        let parsed = Self { scheme, host, host_kind, port, path, query };
        parsed.check_utf8(uri)?;
        Ok(parsed)
    }

    /// Fails on the first component whose decoded bytes are not UTF-8, at that component's offset.
    fn check_utf8(&self, uri: &str) -> Result<(), UriError> {
        let offset = |part: &str| part.as_ptr() as usize - uri.as_ptr() as usize;
        let host = self.uri_host().into_iter();
        for part in host.chain(self.uri_path()).chain(self.uri_query()) {
            if !part.is_utf8() {
                return Err(UriError { kind: UriErrorKind::NotUtf8, offset: offset(part.raw()) });
            }
        }
        Ok(())
    }

    /// The scheme.
    pub const fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host as written (brackets kept for IP literals).
    pub const fn host(&self) -> &'a str {
        self.host
    }

    /// What kind of host it is.
    pub const fn host_kind(&self) -> HostKind {
        self.host_kind
    }

    /// The port written in the URI, if any.
    pub const fn explicit_port(&self) -> Option<u16> {
        self.port
    }

    /// The port to send to: the written one or the scheme's default (RFC 7252 §6.4 step 6).
    pub const fn port(&self) -> u16 {
        match self.port {
            Some(p) => p,
            None => self.scheme.default_port(),
        }
    }

    /// The path as written.
    pub const fn path(&self) -> &'a str {
        self.path
    }

    /// The query as written, without the `?`.
    pub const fn query(&self) -> Option<&'a str> {
        self.query
    }

    /// The Uri-Host value: the reg-name lowercased and percent-decoded; `None` for IP addresses
    /// (RFC 7252 §6.4 step 5).
    pub fn uri_host(&self) -> Option<PercentDecoded<'a>> {
        (self.host_kind == HostKind::RegName).then(|| PercentDecoded::new(self.host, true))
    }

    /// The Uri-Port value when the request goes to `destination_port` (RFC 7252 §6.4 step 7): `None`
    /// when they are equal, which is the usual case of sending to the URI's own port.
    pub fn uri_port(&self, destination_port: u16) -> Option<u16> {
        let port = self.port();
        (port != destination_port).then_some(port)
    }

    /// The Uri-Path values (RFC 7252 §6.4 step 8): none for an empty path or `/`.
    pub fn uri_path(&self) -> Segments<'a> {
        let path = match self.path {
            "" | "/" => None,
            p => p.strip_prefix('/'),
        };
        Segments { rest: path, sep: '/' }
    }

    /// The Uri-Query values (RFC 7252 §6.4 step 9), split at `&`.
    pub fn uri_query(&self) -> Segments<'a> {
        Segments { rest: self.query, sep: '&' }
    }
}

impl UriError {
    fn shift(mut self, by: usize) -> Self {
        self.offset += by;
        self
    }
}

/// Path segments or query arguments of a [`Uri`], each percent-decoded on demand.
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    rest: Option<&'a str>,
    sep: char,
}

impl<'a> Iterator for Segments<'a> {
    type Item = PercentDecoded<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        let (segment, tail) = match rest.split_once(self.sep) {
            Some((s, t)) => (s, Some(t)),
            None => (rest, None),
        };
        self.rest = tail;
        Some(PercentDecoded::new(segment, false))
    }
}
