//! A zero-copy, `no_std`, allocation-free codec for CoAP messages: over UDP (RFC 7252) and over TCP,
//! TLS and WebSockets (RFC 8323), with the extension options.
//!
//! * [`Message::decode`] borrows a datagram and validates it completely, header, token and every
//!   option, so that [`Message::options`] is an iterator that cannot fail.
//! * [`MessageWriter`] encodes into a caller buffer, options in order, and reports a full buffer
//!   as an error naming the length needed.
//! * Errors ([`DecodeError`]) are small `Copy` values with a kind, a byte offset and the answer a
//!   server should give ([`Response`]: ignore, Reset, 4.00 or 4.02).
//! * Codes, option numbers and content formats are open newtypes with named constants, so unknown
//!   values survive a round trip; [`registry`] holds the IANA option registry.
//! * [`Uri`] decomposes `coap://` URIs into options and [`Message::compose_uri`] composes them back
//!   (RFC 7252 §6.4, §6.5).
//! * Typed extension options on [`Options`]: Observe (RFC 7641), Block and Size (RFC 7959), Q-Block
//!   (RFC 9177), No-Response (RFC 7967), OSCORE (RFC 8613), Echo and Request-Tag (RFC 9175), Hop-Limit
//!   (RFC 8768); [`BlockSlicer`] and [`Reassembler`] do block-wise transfer in caller memory.
//! * [`decode_tcp`] and [`decode_websocket`] read RFC 8323 frames, with [`Needed`] for partial ones;
//!   [`MessageWriter::reliable`] and [`MessageWriter::websocket`] write them; [`signal`] types the
//!   signaling messages.
//! * [`receive_udp`], [`receive_tcp`] and [`receive_websocket`] are the per-transport entry points: decode
//!   and every receiver check, with the answer to give when a message is refused.
//!
//! ```
//! use coap_codec::{Code, Message, OptionNumber, Type};
//! // RFC 7252 Appendix A, Figure 17: a CON GET with token 0x20 and Uri-Path "temperature".
//! let datagram = b"\x41\x01\x7d\x35\x20\xbbtemperature";
//! let msg = Message::decode(datagram).unwrap();
//! assert_eq!(msg.message_type(), Type::Confirmable);
//! assert_eq!(msg.code(), Code::GET);
//! assert_eq!(msg.token(), &[0x20]);
//! assert_eq!(msg.options().uri_path().collect::<Vec<_>>(), ["temperature"]);
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic))]

#[cfg(feature = "std")]
extern crate std;

mod block;
mod blockwise;
mod check;
mod code;
mod compose;
mod content_format;
mod error;
mod ext_options;
mod message;
mod msg_type;
mod no_response;
mod observe;
mod option_number;
mod options;
mod oscore;
mod parts;
mod percent;
mod receive;
pub mod registry;
mod reliable;
pub mod signal;
mod token;
mod uri;
mod uri_options;
mod utf8;
mod wire;
mod writer;

pub use block::{BlockValue, BERT_SZX, MAX_BLOCK_NUM};
pub use blockwise::{BlockSlicer, Progress, Reassembler, ReassemblyError, Slice};
pub use code::Code;
pub use compose::Destination;
pub use content_format::ContentFormat;
pub use error::{DecodeError, EncodeError, ErrorKind, Response, ValueError};
pub use ext_options::{MAX_ECHO_LEN, MAX_REQUEST_TAG_LEN};
pub use message::{DecodeConfig, Message};
pub use msg_type::Type;
pub use no_response::NoResponse;
pub use observe::{
    decode_observe, observe_is_fresher, ObserveRequest, FRESHNESS_WINDOW_SECS, MAX_OBSERVE,
};
pub use option_number::OptionNumber;
pub use options::{CoapOption, Options, StrValues, WithNumber};
pub use oscore::{OscoreOption, MAX_PARTIAL_IV};
pub use parts::MessageParts;
pub use percent::{DecodedBytes, PercentDecoded};
pub use receive::{receive_tcp, receive_udp, receive_websocket, Refused};
pub use reliable::{
    decode_tcp, decode_websocket, Framed, Needed, ReliableConfig, ReliableMessage,
    BASE_MAX_MESSAGE_SIZE,
};
pub use signal::{Abort, Csm, PeerSettings, Release, Signal};
pub use uri::{HostKind, Scheme, Segments, Uri, UriError, UriErrorKind};
pub use writer::MessageWriter;
