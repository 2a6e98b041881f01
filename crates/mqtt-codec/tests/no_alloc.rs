//! Decoding a stream of packets, iterating properties and subscriptions, and matching topics
//! allocate nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{cat, pkt, s};
use interop_support::{allocations, CountingAllocator};
use mqtt_codec::{matches, Decoded, Decoder, Packet, ProtocolVersion, TopicFilter};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

#[test]
fn decoding_allocates_nothing() {
    let props = cat(&[&[0x11, 0, 0, 0x0e, 0x10], &[0x26], &s("k"), &s("v")]);
    let stream = cat(&[
        &pkt(0x10, &cat(&[&s("MQTT"), &[5, 0x02, 0, 30], &[props.len() as u8], &props, &s("c")])),
        &pkt(0x82, &cat(&[&[0, 1, 0], &s("$share/g/a/+"), &[1], &s("b/#"), &[2]])),
        &pkt(0x32, &cat(&[&s("a/b"), &[0, 5], &[8, 0x26], &s("x"), &s("yz"), b"payload"])),
        &[0xc0, 0],
    ]);
    let mut sum = 0usize;
    let before = allocations();

    let mut d = Decoder::new(ProtocolVersion::V3_1_1);
    let mut at = 0;
    while at < stream.len() {
        let Decoded::Packet(p, used) = d.decode(&stream[at..]).unwrap() else {
            panic!("incomplete")
        };
        match p {
            Packet::Connect(c) => sum += c.properties.iter().count() + c.client_id.len(),
            Packet::Subscribe(sp) => {
                sum += sp.subscriptions().filter(|(f, _)| f.matches("a/z")).count()
            }
            Packet::Publish(pb) => {
                sum += pb.properties.user_properties().count() + pb.payload.len()
            }
            _ => sum += 1,
        }
        at += used;
    }
    sum +=
        usize::from(matches("sport/#", "sport")) + usize::from(TopicFilter::parse("+/x").is_ok());

    let after = allocations();
    assert_eq!(after - before, 0, "the decoder allocated");
    assert_eq!(sum, (2 + 1) + 1 + (1 + 7) + 1 + 2);
}
