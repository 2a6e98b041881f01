//! Borrowed option views and the iterator over a message's validated option bytes (RFC 7252 §3.1, §5.4).

use core::iter::FusedIterator;

use crate::wire::{self, read_uint};
use crate::{ContentFormat, OptionNumber};

/// One option: its number and a borrowed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CoapOption<'a> {
    number: OptionNumber,
    value: &'a [u8],
}

impl<'a> CoapOption<'a> {
    /// An option with this number and value (for [`crate::MessageParts`]).
    pub const fn new(number: OptionNumber, value: &'a [u8]) -> Self {
        Self { number, value }
    }

    /// The option number.
    pub const fn number(&self) -> OptionNumber {
        self.number
    }

    /// The raw value bytes.
    pub const fn value(&self) -> &'a [u8] {
        self.value
    }

    /// The value as a `uint` (RFC 7252 §3.2) of at most 4 bytes, the longest any RFC 7252 option uses.
    pub fn as_uint(&self) -> Option<u32> {
        if self.value.len() > 4 {
            return None;
        }
        read_uint(self.value).and_then(|v| u32::try_from(v).ok())
    }

    /// The value as a `uint` of at most 8 bytes.
    pub fn as_u64(&self) -> Option<u64> {
        read_uint(self.value)
    }

    /// The value as a UTF-8 string (RFC 7252 §3.2 `string`). The decoder has already checked the
    /// registered string options, so for those this is `Some` unless UTF-8 checks were relaxed.
    pub fn as_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.value).ok()
    }
}

/// The options of a decoded message, in wire order. Created by [`crate::Message::options`].
///
/// The bytes were validated when the message was decoded, so iterating cannot fail.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    rest: &'a [u8],
    number: usize,
}

impl<'a> Options<'a> {
    /// Options over bytes that [`crate::Message::decode`] has validated.
    pub(crate) const fn new(validated: &'a [u8]) -> Self {
        Self { rest: validated, number: 0 }
    }

    /// The first option with this number.
    pub fn get(&self, number: OptionNumber) -> Option<CoapOption<'a>> {
        self.all(number).next()
    }

    /// Every occurrence of an option, in order (repeatable options such as Uri-Path, ETag).
    pub fn all(&self, number: OptionNumber) -> WithNumber<'a> {
        WithNumber { inner: self.clone(), number }
    }

    /// Whether an option with this number is present.
    pub fn contains(&self, number: OptionNumber) -> bool {
        self.get(number).is_some()
    }

    /// The first option with this number as a `uint` (see [`CoapOption::as_uint`]).
    pub fn uint(&self, number: OptionNumber) -> Option<u32> {
        self.get(number).and_then(|o| o.as_uint())
    }

    /// The first option with this number as a string.
    pub fn str(&self, number: OptionNumber) -> Option<&'a str> {
        self.get(number).and_then(|o| o.as_str())
    }

    /// Every occurrence of a string option, as `&str` (values that are not UTF-8 are skipped; the
    /// decoder rejects them for registered string options unless UTF-8 checks were relaxed).
    pub fn strs(&self, number: OptionNumber) -> StrValues<'a> {
        StrValues { inner: self.all(number) }
    }

    /// Uri-Host (RFC 7252 §5.10.1).
    pub fn uri_host(&self) -> Option<&'a str> {
        self.str(OptionNumber::URI_HOST)
    }

    /// Uri-Port (RFC 7252 §5.10.1).
    pub fn uri_port(&self) -> Option<u16> {
        self.uint(OptionNumber::URI_PORT).and_then(|p| u16::try_from(p).ok())
    }

    /// The Uri-Path segments (RFC 7252 §5.10.1).
    pub fn uri_path(&self) -> StrValues<'a> {
        self.strs(OptionNumber::URI_PATH)
    }

    /// The Uri-Query arguments (RFC 7252 §5.10.1).
    pub fn uri_query(&self) -> StrValues<'a> {
        self.strs(OptionNumber::URI_QUERY)
    }

    /// The Location-Path segments (RFC 7252 §5.10.7).
    pub fn location_path(&self) -> StrValues<'a> {
        self.strs(OptionNumber::LOCATION_PATH)
    }

    /// The Location-Query arguments (RFC 7252 §5.10.7).
    pub fn location_query(&self) -> StrValues<'a> {
        self.strs(OptionNumber::LOCATION_QUERY)
    }

    /// Content-Format (RFC 7252 §5.10.3).
    pub fn content_format(&self) -> Option<ContentFormat> {
        self.format_option(OptionNumber::CONTENT_FORMAT)
    }

    /// Accept (RFC 7252 §5.10.4).
    pub fn accept(&self) -> Option<ContentFormat> {
        self.format_option(OptionNumber::ACCEPT)
    }

    /// Max-Age in seconds; absent means the default of 60 (RFC 7252 §5.10.5).
    pub fn max_age(&self) -> Option<u32> {
        self.uint(OptionNumber::MAX_AGE)
    }

    /// The ETag values (RFC 7252 §5.10.6; repeatable in requests).
    pub fn etags(&self) -> WithNumber<'a> {
        self.all(OptionNumber::ETAG)
    }

    /// The If-Match values (RFC 7252 §5.10.8.1).
    pub fn if_match(&self) -> WithNumber<'a> {
        self.all(OptionNumber::IF_MATCH)
    }

    /// Whether If-None-Match is present (RFC 7252 §5.10.8.2).
    pub fn if_none_match(&self) -> bool {
        self.contains(OptionNumber::IF_NONE_MATCH)
    }

    /// Proxy-Uri (RFC 7252 §5.10.2).
    pub fn proxy_uri(&self) -> Option<&'a str> {
        self.str(OptionNumber::PROXY_URI)
    }

    /// Proxy-Scheme (RFC 7252 §5.10.2).
    pub fn proxy_scheme(&self) -> Option<&'a str> {
        self.str(OptionNumber::PROXY_SCHEME)
    }

    /// Size1 (RFC 7252 §5.10.9).
    pub fn size1(&self) -> Option<u32> {
        self.uint(OptionNumber::SIZE1)
    }

    fn format_option(&self, number: OptionNumber) -> Option<ContentFormat> {
        self.uint(number).and_then(|v| u16::try_from(v).ok()).map(ContentFormat)
    }
}

impl<'a> Iterator for Options<'a> {
    type Item = CoapOption<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        // The bytes were validated by the decoder: every `?` below is a formality that ends the
        // iteration instead of panicking if that invariant were ever broken.
        let (&head, rest) = self.rest.split_first()?;
        let (delta, rest) = wire::read_ext(head >> 4, rest).ok()?;
        let (len, rest) = wire::read_ext(head & 0x0f, rest).ok()?;
        let (value, rest) = rest.split_at_checked(len)?;
        self.number += delta;
        self.rest = rest;
        Some(CoapOption { number: OptionNumber(self.number as u16), value })
    }
}

impl FusedIterator for Options<'_> {}

/// The occurrences of one option number. Stops as soon as a larger number is seen, since options are
/// in non-decreasing order.
#[derive(Debug, Clone)]
pub struct WithNumber<'a> {
    inner: Options<'a>,
    number: OptionNumber,
}

impl<'a> Iterator for WithNumber<'a> {
    type Item = CoapOption<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let opt = self.inner.next()?;
            if opt.number == self.number {
                return Some(opt);
            }
            if opt.number > self.number {
                self.inner.rest = &[];
                return None;
            }
        }
    }
}

impl FusedIterator for WithNumber<'_> {}

/// The occurrences of one string option, as `&str`.
#[derive(Debug, Clone)]
pub struct StrValues<'a> {
    inner: WithNumber<'a>,
}

impl<'a> Iterator for StrValues<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.by_ref().find_map(|o| o.as_str())
    }
}

impl FusedIterator for StrValues<'_> {}
