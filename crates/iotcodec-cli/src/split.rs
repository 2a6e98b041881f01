//! From bytes to PDU bodies with the codecs: whole datagrams (CoAP over UDP, a WebSocket message, a
//! link-format payload) and streams split into PDUs (MQTT, CoAP over TCP), the way a receiver would.

use coap_codec::{receive_tcp, receive_udp, receive_websocket, DecodeConfig, ReliableConfig};
use mqtt_codec::{Decoded, Decoder, Framed as MqttFramed, Framer, Packet, ProtocolVersion};

use crate::args::Proto;
use crate::pdu::Body;

/// What a stream decoder needs to remember between segments.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StreamState {
    /// The MQTT protocol level: from the option, then from the connection's CONNECT.
    pub(crate) level: ProtocolVersion,
    /// RFC 8974 extended tokens for CoAP.
    pub(crate) extended_tokens: bool,
}

fn reliable_config(extended_tokens: bool) -> ReliableConfig {
    ReliableConfig {
        decode: DecodeConfig::STRICT.extended_tokens(extended_tokens),
        // A capture shows what was sent; the sender's limits are not known, so none is applied.
        max_message_size: usize::MAX,
        bert: true,
    }
}

fn malformed(kind: impl std::fmt::Debug, offset: usize, bytes: &[u8]) -> Body {
    Body::Malformed { kind: format!("{kind:?}"), offset, bytes: bytes.to_vec() }
}

/// Decodes one datagram-like PDU.
pub(crate) fn datagram(proto: Proto, bytes: &[u8], extended_tokens: bool) -> Body {
    match proto {
        Proto::Coap => {
            let config = DecodeConfig::STRICT.extended_tokens(extended_tokens);
            match receive_udp(bytes, config) {
                Ok(m) => {
                    let (summary, fields) = crate::coap_view::udp(&m);
                    Body::Decoded { summary, fields }
                }
                Err(r) => malformed(r.error.kind(), r.error.offset(), bytes),
            }
        }
        Proto::CoapWs => match receive_websocket(bytes, &reliable_config(extended_tokens)) {
            Ok(m) => {
                let (summary, fields) = crate::coap_view::reliable(&m);
                Body::Decoded { summary, fields }
            }
            Err(r) => malformed(r.error.kind(), r.error.offset(), bytes),
        },
        Proto::Linkformat => match crate::linkformat_view::view(bytes) {
            Ok((summary, fields)) => Body::Decoded { summary, fields },
            Err((kind, offset)) => Body::Malformed { kind, offset, bytes: bytes.to_vec() },
        },
        Proto::Mqtt | Proto::CoapTcp => {
            let mut state = StreamState { level: ProtocolVersion::V3_1_1, extended_tokens };
            let mut first = None;
            split(proto, &mut state, bytes, &mut |b| {
                first.get_or_insert(b);
            });
            first.unwrap_or_else(|| Body::Incomplete {
                have: bytes.len(),
                needed: needed(proto, &state, bytes),
            })
        }
    }
}

/// Splits every complete PDU off the front of a stream buffer; returns how many bytes were consumed
/// and whether the stream can go on (false once a PDU's length cannot be known).
pub(crate) fn split(
    proto: Proto,
    state: &mut StreamState,
    buf: &[u8],
    emit: &mut dyn FnMut(Body),
) -> (usize, bool) {
    let mut at = 0;
    loop {
        let rest = buf.get(at..).unwrap_or_default();
        if rest.is_empty() {
            return (at, true);
        }
        let step = match proto {
            Proto::Mqtt => mqtt_step(state, rest),
            _ => coap_tcp_step(state, rest),
        };
        match step {
            Step::Pdu(body, used) => {
                emit(body);
                at += used;
            }
            Step::Incomplete => return (at, true),
            Step::Broken(body) => {
                emit(body);
                return (at, false);
            }
        }
    }
}

enum Step {
    /// A PDU (decoded or malformed but skippable) of this many bytes.
    Pdu(Body, usize),
    Incomplete,
    /// A PDU whose length cannot be known: the stream cannot be followed further.
    Broken(Body),
}

fn mqtt_step(state: &mut StreamState, rest: &[u8]) -> Step {
    let mut decoder = Decoder::new(state.level);
    match decoder.decode(rest) {
        Ok(Decoded::Packet(p, used)) => {
            if let Packet::Connect(c) = &p {
                state.level = c.version;
            }
            let (summary, fields) = crate::mqtt_view::view(&p, state.level);
            Step::Pdu(Body::Decoded { summary, fields }, used)
        }
        Ok(Decoded::Incomplete(_)) => Step::Incomplete,
        Err(e) => {
            // A packet whose fixed header is sound can be skipped; one whose header is not ends the
            // stream.
            let body_of = |len: usize| rest.get(..len).unwrap_or(rest);
            match Framer::new().split(rest) {
                Ok(MqttFramed::Frame(f)) => {
                    Step::Pdu(malformed(e.kind(), e.offset(), body_of(f.len())), f.len())
                }
                _ => Step::Broken(malformed(e.kind(), e.offset(), body_of(e.offset() + 16))),
            }
        }
    }
}

fn coap_tcp_step(state: &StreamState, rest: &[u8]) -> Step {
    match receive_tcp(rest, &reliable_config(state.extended_tokens)) {
        Ok(coap_codec::Framed::Message(m)) => {
            let (summary, fields) = crate::coap_view::reliable(&m);
            Step::Pdu(Body::Decoded { summary, fields }, m.frame_len())
        }
        Ok(coap_codec::Framed::Incomplete(_)) => Step::Incomplete,
        Err(r) => match r.message {
            Some(m) => {
                let frame = rest.get(..m.frame_len()).unwrap_or(rest);
                Step::Pdu(malformed(r.error.kind(), r.error.offset(), frame), m.frame_len())
            }
            None => {
                let shown = rest.get(..r.error.offset() + 16).unwrap_or(rest);
                Step::Broken(malformed(r.error.kind(), r.error.offset(), shown))
            }
        },
    }
}

/// How many more bytes the PDU at the front of `buf` needs, for the end-of-capture report.
pub(crate) fn needed(proto: Proto, state: &StreamState, buf: &[u8]) -> String {
    match proto {
        Proto::Mqtt => match Decoder::new(state.level).decode(buf) {
            Ok(Decoded::Incomplete(mqtt_codec::Needed::Exact(n))) => format!("{n}"),
            Ok(Decoded::Incomplete(mqtt_codec::Needed::AtLeast(n))) => format!("at least {n}"),
            _ => "unknown".into(),
        },
        _ => match coap_codec::decode_tcp(buf, &reliable_config(state.extended_tokens)) {
            Ok(coap_codec::Framed::Incomplete(coap_codec::Needed::Exact(n))) => format!("{n}"),
            Ok(coap_codec::Framed::Incomplete(coap_codec::Needed::AtLeast(n))) => {
                format!("at least {n}")
            }
            _ => "unknown".into(),
        },
    }
}
