//! Bytes -> decode -> encode -> decode: every packet that decodes encodes to exactly `encoded_len`
//! bytes, decodes again to an equal packet, and encodes again to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mqtt_codec::{Decoded, Decoder, Packet, ProtocolVersion};

fuzz_target!(|data: &[u8]| {
    for version in [ProtocolVersion::V3_1, ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
        let mut d = Decoder::new(version);
        let Ok(Decoded::Packet(p, _)) = d.decode(data) else { continue };
        // CONNECT switches the decoder to its own version; encode under that one.
        let v = if let Packet::Connect(c) = &p { c.version } else { version };
        let len = p.encoded_len(v).expect("a decoded packet has a length");
        let mut buf = vec![0u8; len];
        assert_eq!(p.encode(v, &mut buf).expect("a decoded packet encodes"), len);
        let Ok(Decoded::Packet(q, used)) = Decoder::new(v).decode(&buf) else {
            panic!("re-decode failed")
        };
        assert_eq!(used, len);
        match (&p, &q) {
            // Their payload offsets differ with the header length; compare what they carry.
            (Packet::Subscribe(a), Packet::Subscribe(b)) => {
                assert_eq!(a.packet_id, b.packet_id);
                assert!(a.subscriptions().eq(b.subscriptions()));
            }
            (Packet::Unsubscribe(a), Packet::Unsubscribe(b)) => {
                assert!(a.filters().eq(b.filters()))
            }
            _ => assert_eq!(p, q),
        }
        let mut again = vec![0u8; len];
        q.encode(v, &mut again).unwrap();
        assert_eq!(again, buf);
    }
});
