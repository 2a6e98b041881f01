//! Which protocol a port carries: the registered ports, then the `--port PROTO=PORT` overrides.

use std::collections::HashMap;

use crate::args::Proto;

/// Port to protocol, for UDP and for TCP.
pub(crate) struct Ports {
    udp: HashMap<u16, Proto>,
    tcp: HashMap<u16, Proto>,
}

impl Ports {
    /// 1883 and 8883 MQTT; 5683 and 5684 CoAP over UDP and over TCP (RFC 7252 §6.1, RFC 8323 §8.1);
    /// then the overrides.
    pub(crate) fn new(overrides: &[(Proto, u16)]) -> Self {
        let mut udp = HashMap::from([(5683, Proto::Coap), (5684, Proto::Coap)]);
        let mut tcp = HashMap::from([
            (1883, Proto::Mqtt),
            (8883, Proto::Mqtt),
            (5683, Proto::CoapTcp),
            (5684, Proto::CoapTcp),
        ]);
        for &(proto, port) in overrides {
            match proto {
                Proto::Coap => udp.insert(port, proto),
                _ => tcp.insert(port, proto),
            };
        }
        Self { udp, tcp }
    }

    /// The protocol of a UDP datagram: by destination port, then by source port.
    pub(crate) fn udp(&self, src: u16, dst: u16) -> Option<Proto> {
        self.udp.get(&dst).or_else(|| self.udp.get(&src)).copied()
    }

    /// The protocol of a TCP segment: by destination port, then by source port.
    pub(crate) fn tcp(&self, src: u16, dst: u16) -> Option<Proto> {
        self.tcp.get(&dst).or_else(|| self.tcp.get(&src)).copied()
    }
}

/// Whether bytes start like a TLS or DTLS record (content type 20 to 23, then version 3.x or DTLS
/// 254.x): 8883 and 5684 carry MQTT and CoAP inside (D)TLS, which cannot be decoded without keys.
pub(crate) fn looks_encrypted(b: &[u8]) -> bool {
    matches!(b, [20..=23, 3, 0..=4, ..] | [20..=25, 254, 253 | 255, ..])
}
