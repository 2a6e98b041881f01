//! Raw bytes into the MQTT decoder under each protocol version: never a panic, and error offsets lie
//! inside the packet. Every packet that decodes is read through all its accessors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mqtt_codec::{Decoded, Decoder, Packet, ProtocolVersion};

fuzz_target!(|data: &[u8]| {
    for version in [ProtocolVersion::V3_1, ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
        let mut d = Decoder::with_max_packet_size(version, 4096);
        let mut at = 0;
        while at < data.len() {
            match d.decode(&data[at..]) {
                Ok(Decoded::Packet(p, used)) => {
                    match p {
                        Packet::Publish(pb) => {
                            let _ = (
                                pb.properties.iter().count(),
                                pb.properties.user_properties().count(),
                            );
                        }
                        Packet::Subscribe(s) => {
                            let _ = s.subscriptions().filter(|(f, _)| f.matches("a/b")).count();
                        }
                        Packet::Unsubscribe(u) => {
                            let _ = u.filters().count();
                        }
                        Packet::Connect(c) => {
                            let _ = (
                                c.properties.iter().count(),
                                c.will.map(|w| w.properties.iter().count()),
                            );
                        }
                        _ => {}
                    }
                    at += used;
                }
                Ok(Decoded::Incomplete(_)) => break,
                Err(e) => {
                    assert!(e.offset() <= data.len() - at, "offset {} past the packet", e.offset());
                    break;
                }
            }
        }
    }
});
