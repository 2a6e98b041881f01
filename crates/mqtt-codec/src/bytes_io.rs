//! The `bytes` feature: splitting a `BytesMut` receive buffer into `Bytes` frames whose packets are
//! views into them (no copy of the packet). Encoding into a `BufMut` is in `encode.rs`.

use bytes::{Bytes, BytesMut};

use crate::error::DecodeError;
use crate::frame::{Framed, Framer, Needed};
use crate::{Leniency, Packet, PacketType, ProtocolVersion};

/// One packet cut from the receive buffer, owning its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BytesFrame {
    bytes: Bytes,
    header_len: usize,
    packet_type: PacketType,
}

impl BytesFrame {
    /// The whole packet.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// Its type.
    pub fn packet_type(&self) -> PacketType {
        self.packet_type
    }

    /// Decodes the packet as a view into this frame's bytes.
    pub fn packet(
        &self,
        version: ProtocolVersion,
        leniency: Leniency,
    ) -> Result<Packet<'_>, DecodeError> {
        let framer = Framer::new().with_leniency(leniency);
        match framer.split(&self.bytes)? {
            Framed::Frame(f) => Packet::decode_with(&f, version, leniency),
            // Cannot happen: the splitter cut exactly one whole packet.
            Framed::Incomplete(_) => {
                Err(DecodeError::new(crate::ErrorKind::Truncated, self.header_len))
            }
        }
    }
}

/// Splits a stream held in a `BytesMut` into frames: read into [`FrameSplitter::buffer`], then take
/// frames with [`FrameSplitter::next_frame`] until it says how much more it needs.
#[derive(Debug, Default)]
pub struct FrameSplitter {
    buf: BytesMut,
    framer: Framer,
}

impl FrameSplitter {
    /// A splitter enforcing `framer`'s maximum packet size and relaxations.
    pub fn new(framer: Framer) -> Self {
        Self { buf: BytesMut::new(), framer }
    }

    /// The receive buffer, to append what the socket delivered.
    pub fn buffer(&mut self) -> &mut BytesMut {
        &mut self.buf
    }

    /// The next whole packet, or how many more bytes are needed.
    pub fn next_frame(&mut self) -> Result<Result<BytesFrame, Needed>, DecodeError> {
        let (len, header_len, packet_type) = match self.framer.split(&self.buf)? {
            Framed::Frame(f) => (f.len(), f.header_len(), f.packet_type()),
            Framed::Incomplete(n) => return Ok(Err(n)),
        };
        let bytes = self.buf.split_to(len).freeze();
        Ok(Ok(BytesFrame { bytes, header_len, packet_type }))
    }
}
