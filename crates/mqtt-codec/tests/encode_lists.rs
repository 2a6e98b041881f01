//! `encode_subscribe` and `encode_unsubscribe` write the same bytes as building the packet from a
//! payload buffer, under 3.1.1 and 5.0, and report short buffers with the length needed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use mqtt_codec::packets::{RetainHandling, Subscribe, SubscriptionOptions, Unsubscribe};
use mqtt_codec::{
    encode_subscribe, encode_unsubscribe, write_subscribe_payload, write_unsubscribe_payload,
    EncodeError, Packet, Properties, ProtocolVersion, QoS,
};

const OPTIONS: SubscriptionOptions = SubscriptionOptions {
    qos: QoS::ExactlyOnce,
    no_local: false,
    retain_as_published: false,
    retain_handling: RetainHandling::SendAtSubscribe,
};

#[test]
fn same_bytes_as_the_packet_built_from_a_payload() {
    let filters = [
        ("a/b", OPTIONS),
        ("sensors/+/temp", SubscriptionOptions { qos: QoS::AtMostOnce, ..OPTIONS }),
    ];
    for version in [ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
        let props = Properties::default();
        let mut payload = [0u8; 64];
        let n = write_subscribe_payload(&filters, &mut payload).unwrap();
        let packet = Packet::Subscribe(Subscribe::new(7, props, &payload[..n], version).unwrap());
        let mut want = [0u8; 64];
        let w = packet.encode(version, &mut want).unwrap();
        let mut got = [0u8; 64];
        let g = encode_subscribe(version, 7, &props, filters.iter().copied(), &mut got).unwrap();
        assert_eq!(&got[..g], &want[..w], "{version:?}");
        assert_eq!(
            encode_subscribe(version, 7, &props, filters.iter().copied(), &mut got[..w - 1]),
            Err(EncodeError::BufferTooSmall { needed: w })
        );

        let names = ["a/b", "c/#"];
        let n = write_unsubscribe_payload(&names, &mut payload).unwrap();
        let packet = Packet::Unsubscribe(Unsubscribe::new(9, props, &payload[..n]).unwrap());
        let w = packet.encode(version, &mut want).unwrap();
        let g = encode_unsubscribe(version, 9, &props, names.iter().copied(), &mut got).unwrap();
        assert_eq!(&got[..g], &want[..w], "{version:?}");
    }
}
