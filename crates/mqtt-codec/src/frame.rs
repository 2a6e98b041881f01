//! Splitting a byte stream into packets from the fixed header alone (MQTT 5.0 §2.1, 3.1.1 §2.2):
//! a complete packet with the bytes it takes, or how many more bytes are needed. Any split of a stream
//! into reads gives the same packets.

use crate::error::{DecodeError, ErrorKind};
use crate::varint::{read_varint, VarInt, MAX_VARINT};
use crate::{Leniency, PacketType};

/// A Variable Byte Integer read without the shortest-form rule (still at most 4 bytes).
fn read_varint_lenient(bytes: &[u8]) -> VarInt {
    let mut value = 0u32;
    for (i, &b) in bytes.iter().enumerate().take(4) {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return VarInt::Complete(value, i + 1);
        }
    }
    VarInt::Incomplete
}

/// How many more bytes a partial packet needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Needed {
    /// Exactly this many: the Remaining Length is known.
    Exact(usize),
    /// At least this many: the buffer ends inside the fixed header.
    AtLeast(usize),
}

/// One complete packet in a buffer: its fixed header, decoded, and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Frame<'a> {
    packet_type: PacketType,
    flags: u8,
    header_len: usize,
    body: &'a [u8],
}

impl<'a> Frame<'a> {
    /// The packet type.
    pub const fn packet_type(&self) -> PacketType {
        self.packet_type
    }

    /// The low nibble of the first byte (DUP, QoS, RETAIN for PUBLISH; fixed values otherwise).
    pub const fn flags(&self) -> u8 {
        self.flags
    }

    /// Length of the fixed header (2 to 5 bytes); body offsets plus this are packet offsets.
    pub const fn header_len(&self) -> usize {
        self.header_len
    }

    /// The variable header and payload: the Remaining Length bytes after the fixed header.
    pub const fn body(&self) -> &'a [u8] {
        self.body
    }

    /// Bytes this packet takes in the stream.
    pub const fn len(&self) -> usize {
        self.header_len + self.body.len()
    }

    /// Never true: a packet has at least its two fixed-header bytes.
    pub const fn is_empty(&self) -> bool {
        false
    }
}

/// The result of looking for a packet at the start of a buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Framed<'a> {
    /// A complete packet; `frame.len()` bytes are consumed.
    Frame(Frame<'a>),
    /// Not enough bytes yet.
    Incomplete(Needed),
}

/// Splits packets off a stream, enforcing a maximum packet size from the fixed header alone, before
/// the body arrives (MQTT 5.0 §3.1.2.11.4 Maximum Packet Size: the whole packet, header included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Framer {
    max_packet_size: usize,
    leniency: Leniency,
}

impl Default for Framer {
    fn default() -> Self {
        Self::new()
    }
}

impl Framer {
    /// The protocol's own limit: a 4-byte Remaining Length of 268,435,455 plus a 5-byte fixed header.
    pub const fn new() -> Self {
        Self { max_packet_size: MAX_VARINT as usize + 5, leniency: Leniency::STRICT }
    }

    /// A receiver that accepts packets of at most `bytes`, header included.
    pub const fn with_max_packet_size(bytes: usize) -> Self {
        Self { max_packet_size: bytes, leniency: Leniency::STRICT }
    }

    /// The same framer with some fixed-header checks relaxed.
    pub const fn with_leniency(mut self, leniency: Leniency) -> Self {
        self.leniency = leniency;
        self
    }

    /// The relaxations in force.
    pub const fn leniency(&self) -> Leniency {
        self.leniency
    }

    /// The limit in force.
    pub const fn max_packet_size(&self) -> usize {
        self.max_packet_size
    }

    /// Looks for one packet at the start of `buf`.
    pub fn split<'a>(&self, buf: &'a [u8]) -> Result<Framed<'a>, DecodeError> {
        let Some(h) = self.header(buf)? else {
            return Ok(Framed::Incomplete(Needed::AtLeast(if buf.is_empty() { 2 } else { 1 })));
        };
        let total = h.header_len + h.remaining;
        let Some(body) = buf.get(h.header_len..total) else {
            return Ok(Framed::Incomplete(Needed::Exact(total - buf.len())));
        };
        Ok(Framed::Frame(Frame {
            packet_type: h.packet_type,
            flags: h.flags,
            header_len: h.header_len,
            body,
        }))
    }

    /// Reads and checks the fixed header alone (type, flags, Remaining Length, maximum size); `None`
    /// while it has not fully arrived.
    pub(crate) fn header(&self, buf: &[u8]) -> Result<Option<FixedHeader>, DecodeError> {
        let Some((&b0, rest)) = buf.split_first() else { return Ok(None) };
        let packet_type = PacketType(b0 >> 4);
        let flags = b0 & 0x0f;
        check_fixed_header(packet_type, flags, self.leniency)?;
        let varint = match read_varint(rest) {
            Err(e)
                if e.kind() == ErrorKind::VarIntNotMinimal && self.leniency.non_minimal_length =>
            {
                read_varint_lenient(rest)
            }
            other => other.map_err(|e| e.shifted(1))?,
        };
        let (remaining, varint_len) = match varint {
            VarInt::Complete(v, n) => (v as usize, n),
            VarInt::Incomplete => return Ok(None),
        };
        let header_len = 1 + varint_len;
        if header_len + remaining > self.max_packet_size {
            return Err(DecodeError::new(ErrorKind::PacketTooLarge, 1));
        }
        Ok(Some(FixedHeader { packet_type, flags, header_len, remaining }))
    }
}

/// A checked fixed header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FixedHeader {
    pub(crate) packet_type: PacketType,
    pub(crate) flags: u8,
    pub(crate) header_len: usize,
    pub(crate) remaining: usize,
}

/// The first-byte rules: type 0 forbidden, reserved flags as Table 2-2 lists, PUBLISH QoS and DUP.
fn check_fixed_header(
    packet_type: PacketType,
    flags: u8,
    leniency: Leniency,
) -> Result<(), DecodeError> {
    if packet_type.0 == 0 {
        return Err(DecodeError::new(ErrorKind::ReservedPacketType, 0));
    }
    match packet_type.required_flags() {
        Some(required) if flags != required && !leniency.reserved_flags => {
            Err(DecodeError::new(ErrorKind::InvalidFlags, 0))
        }
        Some(_) => Ok(()),
        None => {
            let qos = (flags >> 1) & 0b11;
            if qos == 3 {
                return Err(DecodeError::new(ErrorKind::InvalidQos, 0));
            }
            if qos == 0 && flags & 0b1000 != 0 && !leniency.dup_on_qos0 {
                return Err(DecodeError::new(ErrorKind::DupWithQos0, 0));
            }
            Ok(())
        }
    }
}
