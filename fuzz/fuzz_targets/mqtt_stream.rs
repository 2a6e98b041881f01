//! Stream split-invariance: the same bytes decoded whole and arriving one byte at a time give the same
//! packets and the same error, under each protocol version; error offsets lie inside the packet.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mqtt_codec::{Decoded, Decoder, ProtocolVersion};

/// Decodes packets from the start of `data` until an error or the end; returns (packets, error).
fn run(version: ProtocolVersion, data: &[u8]) -> (Vec<(usize, String)>, Option<String>) {
    let mut d = Decoder::new(version);
    let mut at = 0;
    let mut packets = Vec::new();
    loop {
        match d.decode(&data[at..]) {
            Ok(Decoded::Packet(p, used)) => {
                assert!(used > 0 && at + used <= data.len());
                packets.push((used, format!("{p:?}")));
                at += used;
            }
            Ok(Decoded::Incomplete(_)) => return (packets, None),
            Err(e) => {
                assert!(e.offset() <= data.len() - at, "offset {} past the packet", e.offset());
                return (packets, Some(format!("{e:?}")));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    for version in [ProtocolVersion::V3_1, ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
        let whole = run(version, data);
        // Feeding one byte at a time through a growing buffer gives the same packets.
        let mut d = Decoder::new(version);
        let mut buf: Vec<u8> = Vec::new();
        let mut packets = Vec::new();
        let mut error = None;
        'outer: for &b in data {
            buf.push(b);
            loop {
                match d.decode(&buf) {
                    Ok(Decoded::Packet(p, used)) => {
                        packets.push((used, format!("{p:?}")));
                        buf.drain(..used);
                    }
                    Ok(Decoded::Incomplete(_)) => break,
                    Err(e) => {
                        error = Some(format!("{e:?}"));
                        break 'outer;
                    }
                }
            }
        }
        assert_eq!(packets, whole.0);
        assert_eq!(error, whole.1);
    }
});
