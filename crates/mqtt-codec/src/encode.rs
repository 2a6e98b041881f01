//! Encoding packets into a caller buffer. One body writer serves both the length pass and the write
//! pass, so `encoded_len` and `encode` cannot disagree.

use crate::error::EncodeError;
use crate::packets::{Publish, QoS, SubscriptionOptions};
use crate::varint::{varint_len, write_varint};
use crate::{Packet, PacketType, Properties, ProtocolVersion, ReasonCode};

/// Where body bytes go: counted, or written.
trait Out {
    fn put(&mut self, bytes: &[u8]) -> Result<(), EncodeError>;

    fn u8(&mut self, b: u8) -> Result<(), EncodeError> {
        self.put(&[b])
    }

    fn u16(&mut self, v: u16) -> Result<(), EncodeError> {
        self.put(&v.to_be_bytes())
    }

    fn varint(&mut self, v: u32) -> Result<(), EncodeError> {
        let mut tmp = [0u8; 4];
        let n = write_varint(v, &mut tmp)?;
        self.put(tmp.get(..n).unwrap_or_default())
    }

    /// A UTF-8 Encoded String or Binary Data: two-byte length, then the bytes.
    fn binary(&mut self, b: &[u8]) -> Result<(), EncodeError> {
        let len = u16::try_from(b.len()).map_err(|_| EncodeError::StringTooLong)?;
        self.u16(len)?;
        self.put(b)
    }

    fn properties(&mut self, p: &Properties<'_>) -> Result<(), EncodeError> {
        let len = u32::try_from(p.raw().len()).map_err(|_| EncodeError::VarIntTooLarge)?;
        self.varint(len)?;
        self.put(p.raw())
    }
}

struct Counter(usize);

impl Out for Counter {
    fn put(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        self.0 += bytes.len();
        Ok(())
    }
}

struct Writer<'b> {
    buf: &'b mut [u8],
    pos: usize,
}

impl Out for Writer<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        let end = self.pos + bytes.len();
        let dst =
            self.buf.get_mut(self.pos..end).ok_or(EncodeError::BufferTooSmall { needed: end })?;
        dst.copy_from_slice(bytes);
        self.pos = end;
        Ok(())
    }

    /// The length and the bytes in one bounds check; a string of 8 to 32 bytes (most topics and
    /// property values) is copied as two fixed-size blocks that overlap in the middle, not by a
    /// `memcpy` call.
    fn binary(&mut self, b: &[u8]) -> Result<(), EncodeError> {
        let len = u16::try_from(b.len()).map_err(|_| EncodeError::StringTooLong)?;
        let end = self.pos + 2 + b.len();
        let dst =
            self.buf.get_mut(self.pos..end).ok_or(EncodeError::BufferTooSmall { needed: end })?;
        let Some((prefix, bytes)) = dst.split_first_chunk_mut::<2>() else {
            return Err(EncodeError::BufferTooSmall { needed: end });
        };
        *prefix = len.to_be_bytes();
        match b.len() {
            8..=15 => copy_ends::<8>(bytes, b),
            16..=32 => copy_ends::<16>(bytes, b),
            _ => bytes.copy_from_slice(b),
        }
        self.pos = end;
        Ok(())
    }

    /// Straight into the buffer: through a scratch array, the copy was a `memcpy` call.
    fn varint(&mut self, v: u32) -> Result<(), EncodeError> {
        // One or two bytes, the common cases (a Remaining Length below 16,384, property lengths),
        // as fixed-size writes.
        if v < 0x80 {
            return self.u8(v as u8);
        }
        if v < 0x4000 {
            return self.put(&[(v as u8) | 0x80, (v >> 7) as u8]);
        }
        let rest = self.buf.get_mut(self.pos..).unwrap_or_default();
        let n = write_varint(v, rest).map_err(|e| match e {
            EncodeError::BufferTooSmall { needed } => {
                EncodeError::BufferTooSmall { needed: self.pos + needed }
            }
            other => other,
        })?;
        self.pos += n;
        Ok(())
    }
}

/// Copies `src` into `dst` (of the same length, at least `N`) as its first and its last `N` bytes.
#[inline(always)]
fn copy_ends<const N: usize>(dst: &mut [u8], src: &[u8]) {
    if let (Some(d), Some(s)) = (dst.first_chunk_mut::<N>(), src.first_chunk::<N>()) {
        *d = *s;
    }
    if let (Some(d), Some(s)) = (dst.last_chunk_mut::<N>(), src.last_chunk::<N>()) {
        *d = *s;
    }
}

impl SubscriptionOptions {
    /// The options byte (5.0 layout; in 3.1.1 only the QoS bits are meaningful and the rest must be 0).
    pub const fn to_byte(self) -> u8 {
        let rh = match self.retain_handling {
            crate::packets::RetainHandling::SendAtSubscribe => 0,
            crate::packets::RetainHandling::SendIfNew => 1,
            crate::packets::RetainHandling::DoNotSend => 2,
        };
        (self.qos as u8)
            | ((self.no_local as u8) << 2)
            | ((self.retain_as_published as u8) << 3)
            | (rh << 4)
    }
}

/// The fixed-header flags of a packet.
fn flags(p: &Packet<'_>) -> u8 {
    match p {
        Packet::Publish(pb) => ((pb.dup as u8) << 3) | ((pb.qos as u8) << 1) | (pb.retain as u8),
        other => other.packet_type().required_flags().unwrap_or(0),
    }
}

/// The optional reason code and properties of v5 acknowledgements, DISCONNECT and AUTH: both left out
/// when the code is Success and there are no properties (MQTT 5.0 §3.4.2.1, §3.14.2.1, §3.15.2.1).
fn reason_tail(
    out: &mut impl Out,
    reason: ReasonCode,
    props: &Properties<'_>,
) -> Result<(), EncodeError> {
    if reason == ReasonCode::SUCCESS && props.is_empty() {
        return Ok(());
    }
    out.u8(reason.0)?;
    if !props.is_empty() {
        out.properties(props)?;
    }
    Ok(())
}

fn body(p: &Packet<'_>, version: ProtocolVersion, out: &mut impl Out) -> Result<(), EncodeError> {
    let v5 = version.is_v5();
    match p {
        Packet::Connect(c) => {
            out.binary(c.version.protocol_name().as_bytes())?;
            out.u8(c.version.level())?;
            let mut f = (c.clean_start as u8) << 1;
            if let Some(w) = &c.will {
                f |= 0x04 | ((w.qos as u8) << 3) | ((w.retain as u8) << 5);
            }
            f |= (c.password.is_some() as u8) << 6 | (c.username.is_some() as u8) << 7;
            out.u8(f)?;
            out.u16(c.keep_alive)?;
            let v5 = c.version.is_v5();
            if v5 {
                out.properties(&c.properties)?;
            }
            out.binary(c.client_id.as_bytes())?;
            if let Some(w) = &c.will {
                if v5 {
                    out.properties(&w.properties)?;
                }
                out.binary(w.topic.as_bytes())?;
                out.binary(w.payload)?;
            }
            if let Some(u) = c.username {
                out.binary(u.as_bytes())?;
            }
            if let Some(pw) = c.password {
                out.binary(pw)?;
            }
        }
        Packet::Connack(c) => {
            out.u8(c.session_present as u8)?;
            out.u8(c.code.0)?;
            if v5 {
                out.properties(&c.properties)?;
            }
        }
        Packet::Publish(pb) => {
            out.binary(pb.topic.as_bytes())?;
            if pb.qos != QoS::AtMostOnce {
                out.u16(pb.packet_id.unwrap_or(0))?;
            }
            if v5 {
                out.properties(&pb.properties)?;
            }
            out.put(pb.payload)?;
        }
        Packet::Ack(a) => {
            out.u16(a.packet_id)?;
            if v5 {
                reason_tail(out, a.reason, &a.properties)?;
            }
        }
        Packet::Subscribe(s) => {
            out.u16(s.packet_id)?;
            if v5 {
                out.properties(&s.properties)?;
            }
            for (filter, options) in s.subscriptions() {
                out.binary(filter.raw().as_bytes())?;
                out.u8(options.to_byte())?;
            }
        }
        Packet::Suback(s) => {
            out.u16(s.packet_id)?;
            if v5 {
                out.properties(&s.properties)?;
            }
            for code in s.reason_codes() {
                out.u8(code.0)?;
            }
        }
        Packet::Unsubscribe(u) => {
            out.u16(u.packet_id)?;
            if v5 {
                out.properties(&u.properties)?;
            }
            for filter in u.filters() {
                out.binary(filter.raw().as_bytes())?;
            }
        }
        Packet::Unsuback(u) => {
            out.u16(u.packet_id)?;
            if v5 {
                out.properties(&u.properties)?;
                for code in u.reason_codes() {
                    out.u8(code.0)?;
                }
            }
        }
        Packet::Pingreq | Packet::Pingresp => {}
        Packet::Disconnect(d) => {
            if v5 {
                reason_tail(out, d.reason, &d.properties)?;
            }
        }
        Packet::Auth(a) => reason_tail(out, a.reason, &a.properties)?,
    }
    Ok(())
}

/// Appends to a `bytes::BufMut` (the `bytes` feature).
#[cfg(feature = "bytes")]
struct BufOut<'b, B: bytes::BufMut>(&'b mut B);

#[cfg(feature = "bytes")]
impl<B: bytes::BufMut> Out for BufOut<'_, B> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        self.0.put_slice(bytes);
        Ok(())
    }
}

impl Packet<'_> {
    /// Appends the encoded packet to `buf` (the `bytes` feature); nothing is written when `buf` has
    /// less room left than the packet needs (`BytesMut` and `Vec<u8>` grow as needed).
    #[cfg(feature = "bytes")]
    pub fn encode_to<B: bytes::BufMut>(
        &self,
        version: ProtocolVersion,
        buf: &mut B,
    ) -> Result<usize, EncodeError> {
        let (body_len, total) = self.lengths(version)?;
        if buf.remaining_mut() < total {
            return Err(EncodeError::BufferTooSmall { needed: total });
        }
        let mut w = BufOut(buf);
        let PacketType(t) = self.packet_type();
        w.u8((t << 4) | flags(self))?;
        w.varint(body_len)?;
        body(self, version, &mut w)?;
        Ok(total)
    }

    /// The body length (the Remaining Length) and the whole packet's length: one counting pass, or
    /// for a PUBLISH the sum of its fields' lengths.
    fn lengths(&self, version: ProtocolVersion) -> Result<(u32, usize), EncodeError> {
        if let Packet::Publish(pb) = self {
            return publish_lengths(pb, version);
        }
        let mut c = Counter(0);
        body(self, version, &mut c)?;
        let remaining = u32::try_from(c.0).map_err(|_| EncodeError::VarIntTooLarge)?;
        if remaining > crate::MAX_VARINT {
            return Err(EncodeError::VarIntTooLarge);
        }
        Ok((remaining, 1 + varint_len(remaining) + c.0))
    }

    /// Exactly the number of bytes [`Packet::encode`] writes under `version` (CONNECT uses its own).
    pub fn encoded_len(&self, version: ProtocolVersion) -> Result<usize, EncodeError> {
        self.lengths(version).map(|(_, total)| total)
    }

    /// Writes the packet into `buf`; returns the number of bytes written. A short buffer is an error
    /// that names the whole packet's length.
    pub fn encode(&self, version: ProtocolVersion, buf: &mut [u8]) -> Result<usize, EncodeError> {
        if let Packet::Publish(pb) = self {
            return encode_publish(pb, version, buf);
        }
        let (body_len, total) = self.lengths(version)?;
        if buf.len() < total {
            return Err(EncodeError::BufferTooSmall { needed: total });
        }
        let mut w = Writer { buf, pos: 0 };
        let PacketType(t) = self.packet_type();
        w.u8((t << 4) | flags(self))?;
        w.varint(body_len)?;
        body(self, version, &mut w)?;
        Ok(w.pos)
    }
}

/// The Remaining Length of a PUBLISH and its whole length, from its fields' lengths (MQTT 5.0
/// §3.3.2, 3.1.1 §3.3.2): Topic Name, Packet Identifier from QoS 1, properties in 5.0, payload. The
/// same layout as the generic body writer's, which a test compares byte for byte.
fn publish_lengths(
    pb: &Publish<'_>,
    version: ProtocolVersion,
) -> Result<(u32, usize), EncodeError> {
    if pb.topic.len() > usize::from(u16::MAX) {
        return Err(EncodeError::StringTooLong);
    }
    let id = if pb.qos == QoS::AtMostOnce { 0 } else { 2 };
    let props = if version.is_v5() {
        let raw = pb.properties.raw().len();
        let len = u32::try_from(raw).map_err(|_| EncodeError::VarIntTooLarge)?;
        if len > crate::MAX_VARINT {
            return Err(EncodeError::VarIntTooLarge);
        }
        varint_len(len) + raw
    } else {
        0
    };
    let body = (2 + pb.topic.len() + id + props)
        .checked_add(pb.payload.len())
        .ok_or(EncodeError::VarIntTooLarge)?;
    let remaining = u32::try_from(body)
        .ok()
        .filter(|&r| r <= crate::MAX_VARINT)
        .ok_or(EncodeError::VarIntTooLarge)?;
    Ok((remaining, 1 + varint_len(remaining) + body))
}

/// PUBLISH, the packet a client or broker sends most, written in one pass: its length comes from
/// [`publish_lengths`] instead of a counting pass over the generic body writer (245 instructions
/// per small PUBLISH before, `benches/examples/mqtt_encode_loop.rs`).
fn encode_publish(
    pb: &Publish<'_>,
    version: ProtocolVersion,
    buf: &mut [u8],
) -> Result<usize, EncodeError> {
    let (remaining, total) = publish_lengths(pb, version)?;
    let buf = buf.get_mut(..total).ok_or(EncodeError::BufferTooSmall { needed: total })?;
    let mut w = Writer { buf, pos: 0 };
    w.u8((PacketType::PUBLISH.0 << 4) | flags(&Packet::Publish(*pb)))?;
    w.varint(remaining)?;
    w.binary(pb.topic.as_bytes())?;
    if pb.qos != QoS::AtMostOnce {
        w.u16(pb.packet_id.unwrap_or(0))?;
    }
    if version.is_v5() {
        w.properties(&pb.properties)?;
    }
    w.put(pb.payload)?;
    Ok(w.pos)
}

/// Writes a packet whose body `body` writes: one counting pass, then the fixed header and the body.
fn encode_body(
    first_byte: u8,
    buf: &mut [u8],
    body: impl Fn(&mut dyn FnMut(&[u8]) -> Result<(), EncodeError>) -> Result<(), EncodeError>,
) -> Result<usize, EncodeError> {
    let mut count = 0usize;
    body(&mut |b| {
        count += b.len();
        Ok(())
    })?;
    let remaining = u32::try_from(count).map_err(|_| EncodeError::VarIntTooLarge)?;
    if remaining > crate::MAX_VARINT {
        return Err(EncodeError::VarIntTooLarge);
    }
    let total = 1 + varint_len(remaining) + count;
    if buf.len() < total {
        return Err(EncodeError::BufferTooSmall { needed: total });
    }
    let mut w = Writer { buf, pos: 0 };
    w.u8(first_byte)?;
    w.varint(remaining)?;
    body(&mut |b| w.put(b))?;
    Ok(w.pos)
}

/// Encodes a SUBSCRIBE straight from its filters and options, with no payload buffer in between (for
/// callers that hold the filters in their own structures, such as the C ABI). The filters are written
/// as given; check them with [`crate::TopicFilter::parse`] first.
pub fn encode_subscribe<'f>(
    version: ProtocolVersion,
    packet_id: u16,
    properties: &Properties<'_>,
    filters: impl Iterator<Item = (&'f str, SubscriptionOptions)> + Clone,
    buf: &mut [u8],
) -> Result<usize, EncodeError> {
    encode_body(0x82, buf, |put| {
        put(&packet_id.to_be_bytes())?;
        if version.is_v5() {
            put_properties(put, properties)?;
        }
        for (filter, options) in filters.clone() {
            put_binary(put, filter.as_bytes())?;
            put(&[options.to_byte()])?;
        }
        Ok(())
    })
}

/// Encodes an UNSUBSCRIBE straight from its filters (see [`encode_subscribe`]).
pub fn encode_unsubscribe<'f>(
    version: ProtocolVersion,
    packet_id: u16,
    properties: &Properties<'_>,
    filters: impl Iterator<Item = &'f str> + Clone,
    buf: &mut [u8],
) -> Result<usize, EncodeError> {
    encode_body(0xA2, buf, |put| {
        put(&packet_id.to_be_bytes())?;
        if version.is_v5() {
            put_properties(put, properties)?;
        }
        for filter in filters.clone() {
            put_binary(put, filter.as_bytes())?;
        }
        Ok(())
    })
}

fn put_binary(
    put: &mut dyn FnMut(&[u8]) -> Result<(), EncodeError>,
    b: &[u8],
) -> Result<(), EncodeError> {
    let len = u16::try_from(b.len()).map_err(|_| EncodeError::StringTooLong)?;
    put(&len.to_be_bytes())?;
    put(b)
}

fn put_properties(
    put: &mut dyn FnMut(&[u8]) -> Result<(), EncodeError>,
    p: &Properties<'_>,
) -> Result<(), EncodeError> {
    let len = u32::try_from(p.raw().len()).map_err(|_| EncodeError::VarIntTooLarge)?;
    let mut tmp = [0u8; 4];
    let n = write_varint(len, &mut tmp)?;
    put(tmp.get(..n).unwrap_or_default())?;
    put(p.raw())
}

/// Writes the payload of a SUBSCRIBE (filters with their options) into `buf`, for
/// [`crate::packets::Subscribe::new`]; returns its length.
pub fn write_subscribe_payload(
    list: &[(&str, SubscriptionOptions)],
    buf: &mut [u8],
) -> Result<usize, EncodeError> {
    let mut w = Writer { buf, pos: 0 };
    for (filter, options) in list {
        w.binary(filter.as_bytes())?;
        w.u8(options.to_byte())?;
    }
    Ok(w.pos)
}

/// Writes the payload of an UNSUBSCRIBE (filters) into `buf`, for
/// [`crate::packets::Unsubscribe::new`]; returns its length.
pub fn write_unsubscribe_payload(list: &[&str], buf: &mut [u8]) -> Result<usize, EncodeError> {
    let mut w = Writer { buf, pos: 0 };
    for filter in list {
        w.binary(filter.as_bytes())?;
    }
    Ok(w.pos)
}

/// Writes properties (without their length prefix) into `buf`, for [`Properties::parse`]; returns
/// their length.
pub fn write_properties(
    list: &[crate::Property<'_>],
    buf: &mut [u8],
) -> Result<usize, EncodeError> {
    use crate::PropertyValue as V;
    let mut w = Writer { buf, pos: 0 };
    for p in list {
        w.varint(u32::from(p.id.0))?;
        match p.value {
            V::Byte(b) => w.u8(b)?,
            V::U16(v) => w.u16(v)?,
            V::U32(v) => w.put(&v.to_be_bytes())?,
            V::VarInt(v) => w.varint(v)?,
            V::Utf8(s) => w.binary(s.as_bytes())?,
            V::Binary(b) => w.binary(b)?,
            V::Pair(k, v) => {
                w.binary(k.as_bytes())?;
                w.binary(v.as_bytes())?;
            }
        }
    }
    Ok(w.pos)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::vec;
    use std::vec::Vec;

    use super::{body, flags, Counter, Out, Writer};
    use crate::packets::{Publish, QoS};
    use crate::{write_properties, Context, Packet, PacketType, Properties, Property};
    use crate::{EncodeError, PropertyId, PropertyValue, ProtocolVersion};

    /// The packet as the generic body writer lays it out: a counting pass, then the fixed header
    /// and the body.
    fn generic(p: &Packet<'_>, version: ProtocolVersion) -> Vec<u8> {
        let mut c = Counter(0);
        body(p, version, &mut c).unwrap();
        let mut buf = vec![0u8; c.0 + 5];
        let mut w = Writer { buf: &mut buf, pos: 0 };
        w.u8((PacketType::PUBLISH.0 << 4) | flags(p)).unwrap();
        w.varint(u32::try_from(c.0).unwrap()).unwrap();
        body(p, version, &mut w).unwrap();
        let n = w.pos;
        buf.truncate(n);
        buf
    }

    #[test]
    fn writer_varints_are_those_of_write_varint() {
        let values = [0, 1, 127, 128, 129, 16_383, 16_384, 2_097_151, 2_097_152, crate::MAX_VARINT];
        for v in values {
            let mut expected = [0u8; 4];
            let n = crate::write_varint(v, &mut expected).unwrap();
            let mut buf = [0u8; 5];
            let mut w = Writer { buf: &mut buf, pos: 1 };
            w.varint(v).unwrap();
            assert_eq!((w.pos, &buf[1..1 + n]), (1 + n, &expected[..n]), "{v}");
            // One byte short of room.
            let mut short = [0u8; 4];
            let mut w = Writer { buf: &mut short[..n], pos: 1 };
            assert_eq!(w.varint(v), Err(EncodeError::BufferTooSmall { needed: 1 + n }), "{v}");
        }
        let mut buf = [0u8; 8];
        let mut w = Writer { buf: &mut buf, pos: 0 };
        assert_eq!(w.varint(crate::MAX_VARINT + 1), Err(EncodeError::VarIntTooLarge));
    }

    #[test]
    fn writer_strings_of_every_short_length_are_copied_exactly() {
        let text: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for len in 0..=text.len() {
            let mut buf = [0xEEu8; 48];
            let mut w = Writer { buf: &mut buf, pos: 3 };
            w.binary(&text[..len]).unwrap();
            assert_eq!(w.pos, 5 + len);
            assert_eq!(&buf[3..5], &u16::try_from(len).unwrap().to_be_bytes());
            assert_eq!(&buf[5..5 + len], &text[..len], "len {len}");
            assert!(buf[..3].iter().chain(&buf[5 + len..]).all(|&b| b == 0xEE), "len {len}");
            // Short of room by one byte: the error names where the string would end.
            let mut short = [0u8; 48];
            let mut w = Writer { buf: &mut short[..4 + len], pos: 3 };
            assert_eq!(
                w.binary(&text[..len]),
                Err(EncodeError::BufferTooSmall { needed: 5 + len })
            );
        }
    }

    #[test]
    fn publish_fast_path_writes_what_the_generic_writer_writes() {
        let mut raw = [0u8; 64];
        let list = [
            Property { id: PropertyId::CONTENT_TYPE, value: PropertyValue::Utf8("text/plain") },
            Property { id: PropertyId::TOPIC_ALIAS, value: PropertyValue::U16(3) },
        ];
        let n = write_properties(&list, &mut raw).unwrap();
        let props = Properties::parse(&raw[..n], Context::Publish).unwrap();
        let long_payload = [0x5a; 200];
        let long_topic = "t/".repeat(100);
        for version in [ProtocolVersion::V3_1, ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
            for qos in [QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce] {
                for (topic, payload, properties) in [
                    ("a/b", &b"x"[..], Properties::EMPTY),
                    ("sensors/kitchen/temperature", &b""[..], props),
                    (long_topic.as_str(), &long_payload[..], props),
                    ("", &long_payload[..], props),
                ] {
                    let p = Packet::Publish(Publish {
                        packet_id: (qos != QoS::AtMostOnce).then_some(0x1234),
                        dup: qos != QoS::AtMostOnce,
                        qos,
                        retain: true,
                        topic,
                        properties,
                        payload,
                    });
                    let expected = generic(&p, version);
                    let mut buf = vec![0u8; expected.len()];
                    assert_eq!(p.encode(version, &mut buf), Ok(expected.len()));
                    assert_eq!(buf, expected, "{version:?} {qos:?} {topic:?}");
                    assert_eq!(p.encoded_len(version), Ok(expected.len()));
                    // One byte short: the error names the whole length.
                    let short = p.encode(version, &mut buf[..expected.len() - 1]);
                    assert_eq!(short, Err(EncodeError::BufferTooSmall { needed: expected.len() }));
                }
            }
        }
    }
}
