//! Header-first PUBLISH: topic, packet identifier and properties are checked and handed over as soon as
//! they arrive, and the payload is taken from the stream in chunks, for receive buffers smaller than
//! the packet.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{cat, pkt, s};
use mqtt_codec::{Decoder, ErrorKind, Head, Needed, ProtocolVersion, QoS};

#[test]
fn head_arrives_before_the_payload() {
    let payload: Vec<u8> = (0..4000u32).map(|i| i as u8).collect();
    let packet = pkt(0x32, &cat(&[&s("firmware/chunk"), &[0x12, 0x34], &payload]));
    let d = Decoder::new(ProtocolVersion::V3_1_1);
    // The fixed header is 3 bytes (Remaining Length 4018 needs two), then 16 bytes of topic, 2 of id.
    for cut in 0..21 {
        assert!(
            matches!(d.publish_head(&packet[..cut]).unwrap(), Head::Incomplete(_)),
            "cut {cut}"
        );
    }
    assert_eq!(d.publish_head(&[]).unwrap(), Head::Incomplete(Needed::AtLeast(2)));
    // With only 64 bytes received, the head is complete and the payload position is known.
    let Head::Publish(h) = d.publish_head(&packet[..64]).unwrap() else { panic!() };
    assert_eq!(
        (h.publish.topic, h.publish.qos, h.publish.packet_id),
        ("firmware/chunk", QoS::AtLeastOnce, Some(0x1234))
    );
    assert!(h.publish.payload.is_empty());
    assert_eq!((h.payload_offset, h.payload_len), (21, 4000));
    // Reading the payload in 256-byte chunks from the stream reproduces it.
    let mut got = Vec::new();
    for chunk in packet[h.payload_offset..].chunks(256) {
        got.extend_from_slice(chunk);
    }
    assert_eq!(got, payload);
    assert_eq!(h.payload_offset + h.payload_len, packet.len());
}

#[test]
fn v5_properties_are_checked_in_the_head() {
    let props = cat(&[&[0x03], &s("application/octet-stream")]);
    let packet = pkt(0x30, &cat(&[&s("a/b"), &[props.len() as u8], &props, &[7u8; 500]]));
    let d = Decoder::new(ProtocolVersion::V5);
    let head_len = 3 + 5 + 1 + props.len();
    assert!(matches!(d.publish_head(&packet[..head_len - 1]).unwrap(), Head::Incomplete(_)));
    let Head::Publish(h) = d.publish_head(&packet[..head_len]).unwrap() else { panic!() };
    assert_eq!(h.publish.properties.content_type(), Some("application/octet-stream"));
    assert_eq!((h.payload_offset, h.payload_len), (head_len, 500));
    // A property the PUBLISH may not carry fails at once, before any payload.
    let bad = pkt(0x30, &cat(&[&s("a/b"), &[2, 0x24, 1], &[7u8; 500]]));
    assert_eq!(d.publish_head(&bad[..12]).unwrap_err().kind(), ErrorKind::PropertyNotAllowed);
}

#[test]
fn errors_and_other_packets() {
    let d = Decoder::with_max_packet_size(ProtocolVersion::V3_1_1, 1024);
    assert_eq!(d.publish_head(&[0xc0, 0]).unwrap(), Head::NotPublish);
    // Too large: refused from the fixed header alone.
    assert_eq!(d.publish_head(&[0x30, 0xff, 0x7f]).unwrap_err().kind(), ErrorKind::PacketTooLarge);
    // A wildcard in the topic fails before the payload arrives.
    let bad = pkt(0x30, &cat(&[&s("a/#"), &[0u8; 600]]));
    assert_eq!(d.publish_head(&bad[..10]).unwrap_err().kind(), ErrorKind::WildcardInTopicName);
    // A topic longer than the packet is malformed, not incomplete.
    let short = [0x30, 4, 0, 9, b'a', b'b'];
    assert_eq!(d.publish_head(&short).unwrap_err().kind(), ErrorKind::Truncated);
}
