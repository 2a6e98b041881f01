//! A zero-copy, `no_std`, allocation-free codec for MQTT 3.1, 3.1.1 and 5.0.
//!
//! Built so far, decoding side:
//! * [`Decoder`]: a complete packet with the bytes it took, or exactly how many more bytes are needed;
//!   the maximum packet size is enforced from the fixed header; the protocol version follows CONNECT.
//! * Every control packet of 3.1, 3.1.1 and 5.0 as a borrowed view ([`Packet`]), with the rules a codec
//!   can check (flags, UTF-8, packet identifiers, CONNECT flags, subscription options, reason codes) and
//!   v5 properties checked per packet, for duplicates and value ranges ([`Properties`]).
//! * Topics: [`check_topic_name`], [`TopicFilter`] with shared subscriptions, [`matches()`].
//!
//! Encoding side: [`Packet::encode`] and [`Packet::encoded_len`] into a caller buffer, for every
//! packet; [`write_properties`], [`write_subscribe_payload`] and [`write_unsubscribe_payload`] build
//! the variable parts without allocation.
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic))]

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "bytes")]
mod bytes_io;
mod encode;
mod error;
mod frame;
mod leniency;
mod packet;
mod packet_type;
pub mod packets;
mod properties;
mod reader;
mod reason;
mod scan;
mod topic;
mod varint;
mod version;

#[cfg(feature = "bytes")]
pub use bytes_io::{BytesFrame, FrameSplitter};
pub use encode::{
    encode_subscribe, encode_unsubscribe, write_properties, write_subscribe_payload,
    write_unsubscribe_payload,
};
pub use error::{DecodeError, EncodeError, ErrorKind};
pub use frame::{Frame, Framed, Framer, Needed};
pub use leniency::Leniency;
pub use packet::{Decoded, Decoder, Head, Packet, PublishHead};
pub use packet_type::PacketType;
pub use packets::QoS;
pub use properties::{Context, Properties, Property, PropertyId, PropertyIter, PropertyValue};
pub use reason::ReasonCode;
pub use topic::{check_topic_name, matches, TopicFilter};
pub use varint::{read_varint, varint_len, write_varint, VarInt, MAX_VARINT};
pub use version::ProtocolVersion;
