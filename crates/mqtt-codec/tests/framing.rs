//! The fixed header, Variable Byte Integers and the stream framer: spec vectors, malformed headers with
//! exact kinds and offsets, and split-invariance (any chunking of a stream gives the same packets).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use mqtt_codec::{
    read_varint, write_varint, ErrorKind, Framed, Framer, Needed, PacketType, ReasonCode, VarInt,
};
use proptest::prelude::*;

/// MQTT 5.0 Table 1-1 (and 3.1.1 Table 2.4): the bounds of each Variable Byte Integer length.
static VARINT_TABLE: &[(u32, &[u8])] = &[
    (0, &[0x00]),
    (127, &[0x7f]),
    (128, &[0x80, 0x01]),
    (16_383, &[0xff, 0x7f]),
    (16_384, &[0x80, 0x80, 0x01]),
    (2_097_151, &[0xff, 0xff, 0x7f]),
    (2_097_152, &[0x80, 0x80, 0x80, 0x01]),
    (268_435_455, &[0xff, 0xff, 0xff, 0x7f]),
];

#[test]
fn variable_byte_integer_table_1_1() {
    for (value, bytes) in VARINT_TABLE {
        assert_eq!(read_varint(bytes).unwrap(), VarInt::Complete(*value, bytes.len()), "{value}");
        let mut out = [0u8; 4];
        let n = write_varint(*value, &mut out).unwrap();
        assert_eq!(&out[..n], *bytes);
        // Every proper prefix is incomplete.
        for cut in 0..bytes.len() {
            assert_eq!(read_varint(&bytes[..cut]).unwrap(), VarInt::Incomplete);
        }
    }
    assert_eq!(
        write_varint(268_435_456, &mut [0u8; 4]),
        Err(mqtt_codec::EncodeError::VarIntTooLarge)
    );
    assert_eq!(
        write_varint(300, &mut [0u8; 1]),
        Err(mqtt_codec::EncodeError::BufferTooSmall { needed: 2 })
    );
}

/// Malformed fixed headers: kind, offset, statement and the v5 reason code.
static MALFORMED: &[(&str, &[u8], ErrorKind, usize)] = &[
    ("packet type 0", &[0x00, 0x00], ErrorKind::ReservedPacketType, 0),
    ("CONNECT with flags", &[0x11, 0x00], ErrorKind::InvalidFlags, 0),
    ("CONNACK with flags", &[0x28, 0x02, 0, 0], ErrorKind::InvalidFlags, 0),
    ("PUBREL without bit 1", &[0x60, 0x02, 0, 1], ErrorKind::InvalidFlags, 0),
    ("SUBSCRIBE with flags 0", &[0x80, 0x00], ErrorKind::InvalidFlags, 0),
    ("UNSUBSCRIBE with flags 3", &[0xa3, 0x00], ErrorKind::InvalidFlags, 0),
    ("PINGREQ with flags", &[0xc1, 0x00], ErrorKind::InvalidFlags, 0),
    ("DISCONNECT with flags", &[0xe4, 0x00], ErrorKind::InvalidFlags, 0),
    ("PUBLISH QoS 3", &[0x36, 0x00], ErrorKind::InvalidQos, 0),
    ("PUBLISH QoS 0 with DUP", &[0x38, 0x00], ErrorKind::DupWithQos0, 0),
    (
        "remaining length of 5 bytes",
        &[0x30, 0xff, 0xff, 0xff, 0xff, 0x01],
        ErrorKind::VarIntTooLong,
        4,
    ),
    ("remaining length 0 in two bytes", &[0x30, 0x80, 0x00], ErrorKind::VarIntNotMinimal, 2),
    (
        "remaining length 127 in three bytes",
        &[0xc0, 0xff, 0x80, 0x00],
        ErrorKind::VarIntNotMinimal,
        3,
    ),
];

#[test]
fn malformed_fixed_headers() {
    let framer = Framer::new();
    for (name, bytes, kind, offset) in MALFORMED {
        let e = framer.split(bytes).expect_err(name);
        assert_eq!((e.kind(), e.offset()), (*kind, *offset), "{name}");
        assert_eq!(e.reason_code(), ReasonCode::MALFORMED_PACKET, "{name}");
    }
    let e = framer.split(&[0x36, 0x00]).unwrap_err();
    assert_eq!(e.statement(), Some("MQTT-3.3.1-4"));
    assert!(e.to_string().contains("[MQTT-3.3.1-4]"));
}

#[test]
fn incomplete_says_how_much_more() {
    let framer = Framer::new();
    assert_eq!(framer.split(&[]).unwrap(), Framed::Incomplete(Needed::AtLeast(2)));
    assert_eq!(framer.split(&[0x30]).unwrap(), Framed::Incomplete(Needed::AtLeast(1)));
    assert_eq!(framer.split(&[0x30, 0x80]).unwrap(), Framed::Incomplete(Needed::AtLeast(1)));
    // PUBLISH with Remaining Length 200 (0xc8 0x01): 203 bytes in all.
    let mut packet = vec![0x30, 0xc8, 0x01];
    packet.extend_from_slice(&[0u8; 200]);
    assert_eq!(framer.split(&packet[..3]).unwrap(), Framed::Incomplete(Needed::Exact(200)));
    assert_eq!(framer.split(&packet[..150]).unwrap(), Framed::Incomplete(Needed::Exact(53)));
    let Framed::Frame(f) = framer.split(&packet).unwrap() else { panic!() };
    assert_eq!(
        (f.packet_type(), f.header_len(), f.body().len(), f.len()),
        (PacketType::PUBLISH, 3, 200, 203)
    );
    // PINGREQ: two bytes, empty body.
    let Framed::Frame(p) = framer.split(&[0xc0, 0x00, 0xd0]).unwrap() else { panic!() };
    assert_eq!((p.packet_type(), p.len(), p.body()), (PacketType::PINGREQ, 2, &[][..]));
}

#[test]
fn maximum_packet_size_is_enforced_from_the_header_alone() {
    let framer = Framer::with_max_packet_size(128);
    // 3 + 200 > 128: refused with only the first three bytes received.
    let e = framer.split(&[0x30, 0xc8, 0x01]).unwrap_err();
    assert_eq!(
        (e.kind(), e.offset(), e.reason_code()),
        (ErrorKind::PacketTooLarge, 1, ReasonCode::PACKET_TOO_LARGE)
    );
    // 2 + 126 = 128 fits exactly.
    assert_eq!(framer.split(&[0x30, 126]).unwrap(), Framed::Incomplete(Needed::Exact(126)));
    assert_eq!(framer.split(&[0x30, 127]).unwrap_err().kind(), ErrorKind::PacketTooLarge);
}

/// A packet with a valid fixed header and `len` body bytes.
fn packet(first: u8, len: usize, fill: u8) -> Vec<u8> {
    let mut v = vec![first];
    let mut vi = [0u8; 4];
    let n = write_varint(len as u32, &mut vi).unwrap();
    v.extend_from_slice(&vi[..n]);
    v.resize(v.len() + len, fill);
    v
}

fn first_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        Just(0x10),
        Just(0x20),
        Just(0x30),
        Just(0x31),
        Just(0x32),
        Just(0x3b),
        Just(0x3d),
        Just(0x40),
        Just(0x50),
        Just(0x62),
        Just(0x70),
        Just(0x82),
        Just(0x90),
        Just(0xa2),
        Just(0xb0),
        Just(0xc0),
        Just(0xd0),
        Just(0xe0),
        Just(0xf0),
    ]
}

proptest! {
    #[test]
    fn any_split_of_a_stream_gives_the_same_packets(
        packets in proptest::collection::vec((first_byte(), prop_oneof![0usize..140, 16_380usize..16_390], any::<u8>()), 1..8),
        cuts in proptest::collection::vec(1usize..400, 0..40),
    ) {
        let framer = Framer::new();
        let stream: Vec<u8> = packets.iter().flat_map(|(f, l, b)| packet(*f, *l, *b)).collect();
        // Feed the stream in chunks; keep unconsumed bytes, as a socket reader does.
        let mut pending: Vec<u8> = Vec::new();
        let mut got = Vec::new();
        let mut rest = &stream[..];
        let mut cuts = cuts.into_iter().chain(std::iter::repeat(usize::MAX));
        while !rest.is_empty() || !pending.is_empty() {
            let take = cuts.next().unwrap().min(rest.len());
            pending.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            loop {
                match framer.split(&pending).unwrap() {
                    Framed::Frame(f) => {
                        got.push((f.packet_type().0 << 4 | f.flags(), f.body().to_vec()));
                        let used = f.len();
                        pending.drain(..used);
                    }
                    Framed::Incomplete(Needed::Exact(n)) => {
                        // The exact count is right: that many more bytes complete the packet.
                        prop_assert!(n <= rest.len());
                        break;
                    }
                    Framed::Incomplete(Needed::AtLeast(n)) => {
                        // Inside a packet, the rest of the stream has at least that many bytes.
                        prop_assert!(pending.is_empty() || n <= rest.len());
                        break;
                    }
                }
            }
            if rest.is_empty() && !pending.is_empty() {
                prop_assert!(false, "bytes left over");
            }
        }
        let want: Vec<_> = packets.iter().map(|(f, l, b)| (*f, vec![*b; *l])).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn varint_round_trip(v in 0u32..=268_435_455) {
        let mut out = [0u8; 4];
        let n = write_varint(v, &mut out).unwrap();
        prop_assert_eq!(read_varint(&out[..n]).unwrap(), VarInt::Complete(v, n));
    }
}
