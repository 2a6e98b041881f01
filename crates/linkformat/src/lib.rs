//! A strict, zero-copy, `no_std` parser and writer for the CoRE Link Format (RFC 6690).
//!
//! * [`parse`] yields [`Link`]s borrowed from the payload: commas inside quoted strings and inside
//!   `<...>` never split links, and every rule of the RFC 6690 §2 grammar and of the attribute
//!   definitions (RFC 6690 §3, RFC 8288 §3, RFC 7252 §7.2.1) is checked, with the byte offset of the
//!   first problem. [`ParseConfig`] relaxes what real peers break.
//! * Attribute values keep their escapes; [`Value::bytes`] and [`Quoted::unescape_into`] unescape
//!   without allocating. Typed getters cover `rt`, `if`, `rel`, `ct`, `sz`, `obs`, `anchor`, `title`,
//!   `title*`, `hreflang`, `media` and `type`.
//! * [`write_links`] writes links with correct quoting into a caller buffer, through a window for
//!   Block2; [`Filter`] is the query filtering of RFC 6690 §4.1, for parsed links and while writing.
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic))]

#[cfg(feature = "std")]
extern crate std;

mod error;
mod ext_value;
mod filter;
mod grammar;
mod link;
mod swar;
#[cfg(test)]
mod test_strings;
mod value;
mod writer;

pub use error::{ErrorKind, ParseError, WriteError};
pub use ext_value::ExtValue;
pub use filter::Filter;
pub use link::{parse, parse_with, validate, Attr, Attrs, Link, Links, ParseConfig};
pub use value::{Quoted, Unescaped, Value, Words};
pub use writer::{write_links, OutLink, OutValue, Written};
