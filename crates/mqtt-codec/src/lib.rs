//! A zero-copy, `no_std`, allocation-free codec for MQTT 3.1, 3.1.1 and 5.0.
//!
//! Built so far: the stream framer ([`Framer`]: a complete packet, or exactly how many bytes are still
//! needed, with the maximum packet size enforced from the fixed header), the fixed-header rules,
//! Variable Byte Integers, reason codes, and topics ([`check_topic_name`], [`TopicFilter`] with shared
//! subscriptions, [`matches`]). Packet bodies come next.
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic))]

#[cfg(feature = "std")]
extern crate std;

mod error;
mod frame;
mod packet_type;
mod reason;
mod topic;
mod varint;

pub use error::{DecodeError, EncodeError, ErrorKind};
pub use frame::{Frame, Framed, Framer, Needed};
pub use packet_type::PacketType;
pub use reason::ReasonCode;
pub use topic::{check_topic_name, matches, TopicFilter};
pub use varint::{read_varint, varint_len, write_varint, VarInt, MAX_VARINT};
