//! Drives a run: reads the inputs (captures, hex, a raw file), picks the protocol by port, reassembles
//! TCP streams per direction, splits them into PDUs, and hands every PDU to the printer or counter.

use std::collections::HashMap;
use std::net::IpAddr;

use mqtt_codec::ProtocolVersion;

use crate::args::{InputArgs, Proto};
use crate::net::{self, Transport};
use crate::pdu::{Body, Origin, Pdu};
use crate::ports::Ports;
use crate::split::{self, StreamState};
use crate::tcp_stream::Direction;

/// What a run saw.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Summary {
    pub(crate) pdus: u64,
    pub(crate) malformed: u64,
}

type Endpoint = (IpAddr, u16);

/// One TCP connection: both directions and the state their decoders share (the MQTT level comes
/// from the client's CONNECT and applies to the server's packets too).
struct Connection {
    proto: Proto,
    state: StreamState,
    directions: HashMap<(Endpoint, Endpoint), Direction>,
}

/// Runs over every input, calling `sink` for each PDU in order.
pub(crate) fn run(input: &InputArgs, sink: &mut dyn FnMut(&Pdu)) -> Result<Summary, String> {
    let mut summary = Summary::default();
    let mut emit = |pdu: Pdu| {
        summary.pdus += 1;
        if pdu.is_malformed() {
            summary.malformed += 1;
        }
        sink(&pdu);
    };
    let state = StreamState { level: level(input.mqtt_level), extended_tokens: input.rfc8974 };
    if let Some(hex) = &input.hex {
        let bytes = parse_hex(hex)?;
        single(input.proto, &bytes, state, &mut emit);
    } else if let Some(path) = &input.raw {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        single(input.proto, &bytes, state, &mut emit);
    } else {
        let ports = Ports::new(&input.ports);
        for path in &input.files {
            capture(path, &ports, state, &mut emit)?;
        }
    }
    Ok(summary)
}

fn level(l: u8) -> ProtocolVersion {
    match l {
        3 => ProtocolVersion::V3_1,
        5 => ProtocolVersion::V5,
        _ => ProtocolVersion::V3_1_1,
    }
}

/// `--hex` or `--raw`: one datagram, or a stream for MQTT and CoAP over TCP.
fn single(proto: Option<Proto>, bytes: &[u8], mut state: StreamState, emit: &mut dyn FnMut(Pdu)) {
    let proto = proto.unwrap_or(Proto::Coap);
    let pdu = |body| Pdu { origin: Origin::default(), proto, body };
    match proto {
        Proto::Mqtt | Proto::CoapTcp => {
            let (used, alive) = split::split(proto, &mut state, bytes, &mut |b| emit(pdu(b)));
            let rest = bytes.get(used..).unwrap_or_default();
            if alive && !rest.is_empty() {
                let needed = split::needed(proto, &state, rest);
                emit(pdu(Body::Incomplete { have: rest.len(), needed }));
            }
        }
        _ => emit(pdu(split::datagram(proto, bytes, state.extended_tokens))),
    }
}

fn capture(
    path: &std::path::Path,
    ports: &Ports,
    state: StreamState,
    emit: &mut dyn FnMut(Pdu),
) -> Result<(), String> {
    let mut connections: HashMap<(Endpoint, Endpoint), Connection> = HashMap::new();
    // First-seen order, so that the end-of-capture report is stable.
    let mut order: Vec<(Endpoint, Endpoint)> = Vec::new();
    let result = crate::capture::read(path, &mut |c| {
        let Some(seg) = net::segment(c.link_type, c.data) else { return };
        let origin = Origin {
            frame: Some(c.frame),
            time: Some(c.time),
            src: Some(net::endpoint(seg.src)),
            dst: Some(net::endpoint(seg.dst)),
        };
        match seg.transport {
            Transport::Udp { payload } => {
                let Some(proto) = ports.udp(seg.src.1, seg.dst.1) else { return };
                if payload.is_empty() || crate::ports::looks_encrypted(payload) {
                    return;
                }
                let body = split::datagram(proto, payload, state.extended_tokens);
                emit(Pdu { origin, proto, body });
            }
            Transport::Tcp { seq, syn, payload } => {
                let Some(proto) = ports.tcp(seg.src.1, seg.dst.1) else { return };
                let key = if seg.src <= seg.dst { (seg.src, seg.dst) } else { (seg.dst, seg.src) };
                let conn = connections.entry(key).or_insert_with(|| {
                    order.push(key);
                    Connection { proto, state, directions: HashMap::new() }
                });
                if syn && !conn.directions.contains_key(&(seg.src, seg.dst)) && payload.is_empty() {
                    // A new SYN on a reused address pair starts a new connection.
                    let fresh = conn.directions.values().all(|d| d.buf.is_empty());
                    if fresh {
                        conn.state = state;
                    }
                }
                let dir = conn.directions.entry((seg.src, seg.dst)).or_default();
                if !dir.push(seq, syn, payload) {
                    return;
                }
                if dir.buf.len() == payload.len() && crate::ports::looks_encrypted(&dir.buf) {
                    dir.broken = true;
                    dir.buf.clear();
                    return;
                }
                let proto = conn.proto;
                let mut emitted = Vec::new();
                let (used, alive) =
                    split::split(proto, &mut conn.state, &dir.buf, &mut |b| emitted.push(b));
                dir.buf.drain(..used);
                if !alive {
                    dir.broken = true;
                    dir.buf.clear();
                }
                for body in emitted {
                    emit(Pdu { origin: origin.clone(), proto, body });
                }
            }
        }
    });
    // What is left at the end of the capture: PDUs cut short.
    for key in order {
        let Some(conn) = connections.get(&key) else { continue };
        let mut dirs: Vec<_> = conn.directions.iter().collect();
        dirs.sort_by_key(|(k, _)| **k);
        for ((src, dst), dir) in dirs {
            if dir.broken || (dir.buf.is_empty() && dir.gap().is_none()) {
                continue;
            }
            let needed = match dir.gap() {
                Some((offset, len)) => format!(
                    "missing bytes before stream offset {offset} ({len} bytes held after the gap)"
                ),
                None => split::needed(conn.proto, &conn.state, &dir.buf),
            };
            let origin = Origin {
                src: Some(net::endpoint(*src)),
                dst: Some(net::endpoint(*dst)),
                ..Origin::default()
            };
            emit(Pdu {
                origin,
                proto: conn.proto,
                body: Body::Incomplete { have: dir.buf.len(), needed },
            });
        }
    }
    result
}

/// Hex digits, with spaces, colons and a leading `0x` allowed.
fn parse_hex(s: &str) -> Result<Vec<u8>, String> {
    let digits: String = s
        .trim()
        .trim_start_matches("0x")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .collect();
    if digits.len() % 2 != 0 {
        return Err(format!("--hex: odd number of hex digits ({})", digits.len()));
    }
    (0..digits.len())
        .step_by(2)
        .map(|i| {
            let pair = digits.get(i..i + 2).unwrap_or_default();
            u8::from_str_radix(pair, 16).map_err(|_| format!("--hex: {pair:?} is not a hex byte"))
        })
        .collect()
}
