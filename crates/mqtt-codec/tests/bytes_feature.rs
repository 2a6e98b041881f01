//! The `bytes` feature: packets encoded into a `BytesMut`, and a `BytesMut` stream split into `Bytes`
//! frames whose packets are views into them, for any chunking of the stream.
#![cfg(feature = "bytes")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use bytes::BytesMut;
use mqtt_codec::packets::{Ack, AckKind, Publish};
use mqtt_codec::{
    EncodeError, FrameSplitter, Framer, Leniency, Packet, PacketType, Properties, ProtocolVersion,
    QoS, ReasonCode,
};

fn publish(i: u16, payload: &[u8]) -> Packet<'_> {
    Packet::Publish(Publish {
        dup: false,
        qos: QoS::AtLeastOnce,
        retain: false,
        topic: "a/b",
        packet_id: Some(i),
        properties: Properties::EMPTY,
        payload,
    })
}

#[test]
fn encode_into_bufmut_and_split_back() {
    let v = ProtocolVersion::V5;
    let mut stream = BytesMut::new();
    let payload = vec![9u8; 300];
    for i in 1..=20u16 {
        let p = publish(i, &payload[..usize::from(i) * 10]);
        let n = p.encode_to(v, &mut stream).unwrap();
        assert_eq!(n, p.encoded_len(v).unwrap());
        Packet::Ack(Ack {
            kind: AckKind::Puback,
            packet_id: i,
            reason: ReasonCode::SUCCESS,
            properties: Properties::EMPTY,
        })
        .encode_to(v, &mut stream)
        .unwrap();
    }
    let whole = stream.freeze();
    // Feed it in uneven chunks; frames come out whole and decode as views into their Bytes.
    let mut splitter = FrameSplitter::new(Framer::new());
    let mut got = Vec::new();
    for chunk in whole.chunks(37) {
        splitter.buffer().extend_from_slice(chunk);
        while let Ok(frame) = splitter.next_frame().unwrap() {
            let ptr = frame.bytes().as_ptr();
            match frame.packet(v, Leniency::STRICT).unwrap() {
                Packet::Publish(p) => {
                    // The payload is a view into the frame, not a copy.
                    assert!(
                        p.payload.as_ptr() >= ptr
                            && p.payload.as_ptr() < ptr.wrapping_add(frame.bytes().len())
                    );
                    got.push((PacketType::PUBLISH, p.packet_id.unwrap(), p.payload.len()));
                }
                Packet::Ack(a) => got.push((PacketType::PUBACK, a.packet_id, 0)),
                other => panic!("{other:?}"),
            }
        }
    }
    let want: Vec<_> = (1..=20u16)
        .flat_map(|i| [(PacketType::PUBLISH, i, usize::from(i) * 10), (PacketType::PUBACK, i, 0)])
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_full_fixed_buffer_is_refused_before_writing() {
    let mut buf = [0u8; 4];
    let mut slice = &mut buf[..];
    let p = publish(1, b"payload");
    assert_eq!(
        p.encode_to(ProtocolVersion::V3_1_1, &mut slice),
        Err(EncodeError::BufferTooSmall { needed: 16 })
    );
    assert_eq!(buf, [0u8; 4]);
}

#[test]
fn splitter_enforces_the_maximum_packet_size() {
    let mut splitter = FrameSplitter::new(Framer::with_max_packet_size(64));
    splitter.buffer().extend_from_slice(&[0x30, 0xc8, 0x01]);
    assert_eq!(splitter.next_frame().unwrap_err().kind(), mqtt_codec::ErrorKind::PacketTooLarge);
}
