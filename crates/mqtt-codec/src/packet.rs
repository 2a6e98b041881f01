//! Any control packet, and the session decoder that follows the protocol version from CONNECT.

use crate::error::{DecodeError, ErrorKind};
use crate::frame::{Frame, Framed, Framer, Needed};
use crate::packets::{
    Ack, AckKind, Auth, Connack, Connect, Disconnect, Publish, Suback, Subscribe, Unsuback,
    Unsubscribe,
};
use crate::{Leniency, PacketType, ProtocolVersion};

/// A decoded control packet, borrowing the buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Packet<'a> {
    /// CONNECT.
    Connect(Connect<'a>),
    /// CONNACK.
    Connack(Connack<'a>),
    /// PUBLISH.
    Publish(Publish<'a>),
    /// PUBACK, PUBREC, PUBREL or PUBCOMP.
    Ack(Ack<'a>),
    /// SUBSCRIBE.
    Subscribe(Subscribe<'a>),
    /// SUBACK.
    Suback(Suback<'a>),
    /// UNSUBSCRIBE.
    Unsubscribe(Unsubscribe<'a>),
    /// UNSUBACK.
    Unsuback(Unsuback<'a>),
    /// PINGREQ.
    Pingreq,
    /// PINGRESP.
    Pingresp,
    /// DISCONNECT.
    Disconnect(Disconnect<'a>),
    /// AUTH (5.0).
    Auth(Auth<'a>),
}

impl<'a> Packet<'a> {
    /// Decodes the packet in `frame` under `version` (CONNECT carries its own version).
    pub fn decode(frame: &Frame<'a>, version: ProtocolVersion) -> Result<Self, DecodeError> {
        Self::decode_with(frame, version, Leniency::STRICT)
    }

    /// Decodes with some checks relaxed (the fixed-header ones are the framer's).
    pub fn decode_with(
        frame: &Frame<'a>,
        version: ProtocolVersion,
        leniency: Leniency,
    ) -> Result<Self, DecodeError> {
        let body = frame.body();
        let base = frame.header_len();
        let empty = || {
            if body.is_empty() {
                Ok(())
            } else {
                Err(DecodeError::new(ErrorKind::TrailingBytes, base))
            }
        };
        Ok(match frame.packet_type() {
            PacketType::CONNECT => Self::Connect(Connect::decode(body, base, leniency)?),
            PacketType::CONNACK => Self::Connack(Connack::decode(body, base, version)?),
            PacketType::PUBLISH => {
                Self::Publish(Publish::decode(frame.flags(), body, base, version)?)
            }
            PacketType::PUBACK => Self::Ack(Ack::decode(AckKind::Puback, body, base, version)?),
            PacketType::PUBREC => Self::Ack(Ack::decode(AckKind::Pubrec, body, base, version)?),
            PacketType::PUBREL => Self::Ack(Ack::decode(AckKind::Pubrel, body, base, version)?),
            PacketType::PUBCOMP => Self::Ack(Ack::decode(AckKind::Pubcomp, body, base, version)?),
            PacketType::SUBSCRIBE => Self::Subscribe(Subscribe::decode(body, base, version)?),
            PacketType::SUBACK => Self::Suback(Suback::decode(body, base, version)?),
            PacketType::UNSUBSCRIBE => Self::Unsubscribe(Unsubscribe::decode(body, base, version)?),
            PacketType::UNSUBACK => Self::Unsuback(Unsuback::decode(body, base, version)?),
            PacketType::PINGREQ => {
                empty()?;
                Self::Pingreq
            }
            PacketType::PINGRESP => {
                empty()?;
                Self::Pingresp
            }
            PacketType::DISCONNECT => Self::Disconnect(Disconnect::decode(body, base, version)?),
            PacketType::AUTH if version.is_v5() => Self::Auth(Auth::decode(body, base)?),
            PacketType::AUTH => return Err(DecodeError::new(ErrorKind::PacketTypeNotInVersion, 0)),
            _ => return Err(DecodeError::new(ErrorKind::ReservedPacketType, 0)),
        })
    }

    /// The packet type.
    pub const fn packet_type(&self) -> PacketType {
        match self {
            Self::Connect(_) => PacketType::CONNECT,
            Self::Connack(_) => PacketType::CONNACK,
            Self::Publish(_) => PacketType::PUBLISH,
            Self::Ack(a) => a.kind.packet_type(),
            Self::Subscribe(_) => PacketType::SUBSCRIBE,
            Self::Suback(_) => PacketType::SUBACK,
            Self::Unsubscribe(_) => PacketType::UNSUBSCRIBE,
            Self::Unsuback(_) => PacketType::UNSUBACK,
            Self::Pingreq => PacketType::PINGREQ,
            Self::Pingresp => PacketType::PINGRESP,
            Self::Disconnect(_) => PacketType::DISCONNECT,
            Self::Auth(_) => PacketType::AUTH,
        }
    }
}

/// The start of a PUBLISH whose payload may not have arrived yet (see [`Decoder::publish_head`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublishHead<'a> {
    /// The PUBLISH with an empty `payload`: flags, topic, packet identifier and properties.
    pub publish: Publish<'a>,
    /// Offset of the first payload byte from the start of the packet.
    pub payload_offset: usize,
    /// Length of the payload still to be read from the stream (from `payload_offset`).
    pub payload_len: usize,
}

/// What [`Decoder::publish_head`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Head<'a> {
    /// The head of a PUBLISH, checked.
    Publish(PublishHead<'a>),
    /// The packet is not a PUBLISH: decode it whole with [`Decoder::decode`].
    NotPublish,
    /// More bytes are needed before the head is complete.
    Incomplete(Needed),
}

/// What the stream decoder found at the start of a buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decoded<'a> {
    /// A packet and the number of bytes it took.
    Packet(Packet<'a>, usize),
    /// More bytes are needed.
    Incomplete(Needed),
}

/// A connection's decoder: frames packets, enforces the maximum packet size, and remembers the
/// protocol version from CONNECT for the packets that follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoder {
    framer: Framer,
    version: ProtocolVersion,
}

impl Decoder {
    /// A decoder that assumes `version` until a CONNECT says otherwise (a client knows the version it
    /// asked for; a capture without CONNECT needs one).
    pub const fn new(version: ProtocolVersion) -> Self {
        Self { framer: Framer::new(), version }
    }

    /// The same, refusing packets larger than `bytes` from their fixed header alone.
    pub const fn with_max_packet_size(version: ProtocolVersion, bytes: usize) -> Self {
        Self { framer: Framer::with_max_packet_size(bytes), version }
    }

    /// The same decoder with the given relaxations.
    pub const fn with_leniency(mut self, leniency: Leniency) -> Self {
        self.framer = self.framer.with_leniency(leniency);
        self
    }

    /// The protocol version in force.
    pub const fn version(&self) -> ProtocolVersion {
        self.version
    }

    /// For devices whose receive buffer is smaller than a PUBLISH: once the fixed header, topic, packet
    /// identifier and properties have arrived, returns them checked, with where the payload starts and
    /// how long it is, so the payload can be read from the stream in chunks. The maximum packet size
    /// applies as in [`Decoder::decode`].
    pub fn publish_head<'a>(&self, buf: &'a [u8]) -> Result<Head<'a>, DecodeError> {
        let Some(h) = self.framer.header(buf)? else {
            return Ok(Head::Incomplete(Needed::AtLeast(if buf.is_empty() { 2 } else { 1 })));
        };
        if h.packet_type != PacketType::PUBLISH {
            return Ok(Head::NotPublish);
        }
        let total = h.header_len + h.remaining;
        let available = buf.get(h.header_len..total.min(buf.len())).unwrap_or_default();
        let mut r = crate::reader::Reader::new(available, h.header_len);
        match Publish::decode_head(h.flags, &mut r, self.version) {
            Ok(publish) => {
                let payload_offset = r.offset();
                Ok(Head::Publish(PublishHead {
                    publish,
                    payload_offset,
                    payload_len: total - payload_offset,
                }))
            }
            // A field runs past what has arrived: if the packet itself goes on, wait for more bytes.
            Err(e)
                if matches!(e.kind(), ErrorKind::Truncated | ErrorKind::PropertiesTruncated)
                    && buf.len() < total =>
            {
                Ok(Head::Incomplete(Needed::AtLeast(1)))
            }
            Err(e) => Err(e),
        }
    }

    /// Decodes the packet at the start of `buf`, or says how many more bytes are needed.
    pub fn decode<'a>(&mut self, buf: &'a [u8]) -> Result<Decoded<'a>, DecodeError> {
        let frame = match self.framer.split(buf)? {
            Framed::Frame(f) => f,
            Framed::Incomplete(n) => return Ok(Decoded::Incomplete(n)),
        };
        let packet = Packet::decode_with(&frame, self.version, self.framer.leniency())?;
        if let Packet::Connect(c) = &packet {
            self.version = c.version;
        }
        Ok(Decoded::Packet(packet, frame.len()))
    }
}
