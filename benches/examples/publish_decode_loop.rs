//! 100,000 decodes of the benchmark's 3.1.1 QoS 0 PUBLISH ("sensors/kitchen/temperature", 8-byte
//! payload) by one decoder, for instruction counts that do not move between runs:
//!
//! `cargo build --release -p iotcodec-benches --example publish_decode_loop`
//! `valgrind --tool=callgrind target/release/examples/publish_decode_loop iotcodec|mqttrs|floor`
//!
//! The instruction count divided by 100,000 is the cost of one decode (the loop adds a few).
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, missing_docs)]

use std::hint::black_box;

use mqtt_codec::{Decoded, Decoder, Packet, ProtocolVersion};

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "iotcodec".into());
    let topic = b"sensors/kitchen/temperature";
    let mut packet = vec![0x30u8, 0];
    packet.extend_from_slice(&(topic.len() as u16).to_be_bytes());
    packet.extend_from_slice(topic);
    packet.extend_from_slice(b"22.5 C\r\n");
    packet[1] = (packet.len() - 2) as u8;
    let mut sum = 0usize;
    for _ in 0..100_000 {
        let b = black_box(&packet[..]);
        sum += match which.as_str() {
            "iotcodec" => {
                let Ok(Decoded::Packet(Packet::Publish(p), used)) =
                    Decoder::new(ProtocolVersion::V3_1_1).decode(b)
                else {
                    panic!("not a PUBLISH")
                };
                used + p.topic.len() + p.payload.len() + p.properties.iter().count()
            }
            "mqttrs" => match mqttrs::decode_slice(b).unwrap().unwrap() {
                mqttrs::Packet::Publish(p) => p.topic_name.len() + p.payload.len(),
                _ => 0,
            },
            _ => {
                // The floor: locate the topic, check its UTF-8, take the rest as payload.
                let body = &b[2..2 + usize::from(b[1])];
                let n = usize::from(u16::from_be_bytes([body[0], body[1]]));
                std::str::from_utf8(&body[2..2 + n]).unwrap().len() + body.len() - 2 - n
            }
        };
    }
    println!("{sum}");
}
