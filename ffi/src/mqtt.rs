//! MQTT for C, decoding side: a stream decoder call that says complete (bytes consumed, packet type)
//! or incomplete (bytes needed), then per-type accessors in the spirit of Paho Embedded C's
//! `MQTTDeserialize_*`, with iterators for SUBSCRIBE/UNSUBSCRIBE filters and v5 properties.

use mqtt_codec::packets::AckKind;
use mqtt_codec::{
    Context, DecodeError, Decoded, Decoder, Needed, Packet, Properties, PropertyValue,
    ProtocolVersion,
};

use crate::guard::guard;
use crate::raw;
use crate::status::*;
use crate::{iotc_error, iotc_slice};

/// A stream decoder: the protocol level (3 for 3.1, 4 for 3.1.1, 5 for 5.0; it follows CONNECT) and
/// the largest packet accepted (0: the protocol's own limit), enforced from the fixed header.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_decoder {
    /// Protocol level.
    pub level: u8,
    /// Maximum packet size in bytes, header included; 0 for no limit but the protocol's.
    pub max_packet_size: usize,
}

/// One decoded packet: its type and the bytes it occupies in the caller's buffer. Read it with the
/// `iotc_mqtt_*_get` function of its type.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_packet {
    /// Control packet type, 1 (CONNECT) to 15 (AUTH).
    pub type_: u8,
    /// The low nibble of the first byte.
    pub flags: u8,
    /// The protocol level it was decoded under.
    pub level: u8,
    /// The whole packet, fixed header included.
    pub bytes: iotc_slice,
}

pub(crate) fn version(level: u8) -> Option<ProtocolVersion> {
    match level {
        3 => Some(ProtocolVersion::V3_1),
        4 => Some(ProtocolVersion::V3_1_1),
        5 => Some(ProtocolVersion::V5),
        _ => None,
    }
}

fn fail(e: &DecodeError, err: *mut iotc_error) -> iotc_status {
    raw::put(
        err,
        iotc_error { offset: e.offset(), option: 0, answer: 0, reason_code: e.reason_code().0 },
    );
    mqtt_decode(e.kind())
}

/// Prepares a decoder for a connection (`level` 3, 4 or 5; a server starts with any: CONNECT sets it).
#[no_mangle]
pub extern "C" fn iotc_mqtt_decoder_init(
    d: *mut iotc_mqtt_decoder,
    level: u8,
    max_packet_size: usize,
) -> iotc_status {
    guard(|| {
        let Some(d) = raw::get_mut(d) else { return IOTC_ERR_NULL };
        if version(level).is_none() {
            return IOTC_ERR_INVALID_ARGUMENT;
        }
        *d = iotc_mqtt_decoder { level, max_packet_size };
        IOTC_OK
    })
}

/// Decodes the packet at the start of `buf`. `IOTC_OK`: `*pkt` is set and `*count` is the number of
/// bytes it took. `IOTC_INCOMPLETE`: `*count` more bytes are needed (`*exact` false while the fixed
/// header itself is incomplete: then it is a minimum). An error fills `err` (offset in the packet and
/// the MQTT 5.0 reason code to answer with). A CONNECT switches the decoder to its level.
#[no_mangle]
pub extern "C" fn iotc_mqtt_decode(
    d: *mut iotc_mqtt_decoder,
    buf: *const u8,
    len: usize,
    pkt: *mut iotc_mqtt_packet,
    count: *mut usize,
    exact: *mut bool,
    err: *mut iotc_error,
) -> iotc_status {
    guard(|| {
        let (Some(d), Some(bytes), Some(out)) =
            (raw::get_mut(d), raw::bytes(buf, len), raw::get_mut(pkt))
        else {
            return IOTC_ERR_NULL;
        };
        let Some(v) = version(d.level) else { return IOTC_ERR_INVALID_ARGUMENT };
        let mut decoder = if d.max_packet_size == 0 {
            Decoder::new(v)
        } else {
            Decoder::with_max_packet_size(v, d.max_packet_size)
        };
        match decoder.decode(bytes) {
            Ok(Decoded::Packet(p, used)) => {
                let level = match &p {
                    Packet::Connect(c) => c.version.level(),
                    _ => d.level,
                };
                d.level = level;
                let first = bytes.first().copied().unwrap_or(0);
                *out = iotc_mqtt_packet {
                    type_: first >> 4,
                    flags: first & 0x0f,
                    level,
                    bytes: iotc_slice::of(bytes.get(..used).unwrap_or_default()),
                };
                raw::put(count, used);
                IOTC_OK
            }
            Ok(Decoded::Incomplete(n)) => {
                let (c, e) = match n {
                    Needed::Exact(c) => (c, true),
                    Needed::AtLeast(c) => (c, false),
                };
                raw::put(count, c);
                raw::put(exact, e);
                IOTC_INCOMPLETE
            }
            Err(e) => fail(&e, err),
        }
    })
}

/// Decodes the packet again (it was checked by `iotc_mqtt_decode`) and hands it to `read`.
fn with_packet(
    pkt: *const iotc_mqtt_packet,
    read: impl FnOnce(&Packet<'_>) -> iotc_status,
) -> iotc_status {
    guard(|| {
        let Some(p) = raw::get(pkt) else { return IOTC_ERR_NULL };
        let (Some(bytes), Some(v)) = (raw::slice(p.bytes), version(p.level)) else {
            return IOTC_ERR_NULL;
        };
        match Decoder::new(v).decode(bytes) {
            Ok(Decoded::Packet(packet, _)) => read(&packet),
            Ok(Decoded::Incomplete(_)) => IOTC_INCOMPLETE,
            Err(e) => mqtt_decode(e.kind()),
        }
    })
}

/// v5 properties: their bytes (without the length prefix) and what they belong to, for
/// `iotc_mqtt_prop_iter_init`. Empty under 3.1 and 3.1.1.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_props {
    /// The property bytes.
    pub bytes: iotc_slice,
    /// Which packet (or the Will) they belong to, an `IOTC_MQTT_CTX_*` value.
    pub context: u8,
}

/// Property contexts.
pub const IOTC_MQTT_CTX_CONNECT: u8 = 1;
/// Will Properties.
pub const IOTC_MQTT_CTX_WILL: u8 = 2;
/// CONNACK.
pub const IOTC_MQTT_CTX_CONNACK: u8 = 3;
/// PUBLISH.
pub const IOTC_MQTT_CTX_PUBLISH: u8 = 4;
/// PUBACK, PUBREC, PUBREL, PUBCOMP.
pub const IOTC_MQTT_CTX_PUBACK: u8 = 5;
/// SUBSCRIBE.
pub const IOTC_MQTT_CTX_SUBSCRIBE: u8 = 6;
/// SUBACK.
pub const IOTC_MQTT_CTX_SUBACK: u8 = 7;
/// UNSUBSCRIBE.
pub const IOTC_MQTT_CTX_UNSUBSCRIBE: u8 = 8;
/// UNSUBACK.
pub const IOTC_MQTT_CTX_UNSUBACK: u8 = 9;
/// DISCONNECT.
pub const IOTC_MQTT_CTX_DISCONNECT: u8 = 10;
/// AUTH.
pub const IOTC_MQTT_CTX_AUTH: u8 = 11;

pub(crate) fn context(c: u8) -> Option<Context> {
    Some(match c {
        IOTC_MQTT_CTX_CONNECT => Context::Connect,
        IOTC_MQTT_CTX_WILL => Context::Will,
        IOTC_MQTT_CTX_CONNACK => Context::Connack,
        IOTC_MQTT_CTX_PUBLISH => Context::Publish,
        IOTC_MQTT_CTX_PUBACK => Context::PubAck,
        IOTC_MQTT_CTX_SUBSCRIBE => Context::Subscribe,
        IOTC_MQTT_CTX_SUBACK => Context::Suback,
        IOTC_MQTT_CTX_UNSUBSCRIBE => Context::Unsubscribe,
        IOTC_MQTT_CTX_UNSUBACK => Context::Unsuback,
        IOTC_MQTT_CTX_DISCONNECT => Context::Disconnect,
        IOTC_MQTT_CTX_AUTH => Context::Auth,
        _ => return None,
    })
}

fn props(p: &Properties<'_>, ctx: u8) -> iotc_mqtt_props {
    iotc_mqtt_props { bytes: iotc_slice::of(p.raw()), context: ctx }
}

const fn opt(s: Option<&[u8]>) -> (bool, iotc_slice) {
    match s {
        Some(b) => (true, iotc_slice { ptr: b.as_ptr(), len: b.len() }),
        None => (false, iotc_slice::EMPTY),
    }
}

/// PUBLISH fields.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_publish {
    /// DUP flag.
    pub dup: bool,
    /// QoS 0, 1 or 2.
    pub qos: u8,
    /// RETAIN flag.
    pub retain: bool,
    /// Packet Identifier (0 at QoS 0).
    pub packet_id: u16,
    /// Topic Name (UTF-8, not NUL-terminated).
    pub topic: iotc_slice,
    /// Properties (5.0).
    pub properties: iotc_mqtt_props,
    /// The Application Message.
    pub payload: iotc_slice,
}

/// Reads a PUBLISH; `IOTC_ERR_WRONG_TYPE` for another packet.
#[no_mangle]
pub extern "C" fn iotc_mqtt_publish_get(
    pkt: *const iotc_mqtt_packet,
    out: *mut iotc_mqtt_publish,
) -> iotc_status {
    with_packet(pkt, |p| {
        let Packet::Publish(pb) = p else { return IOTC_ERR_WRONG_TYPE };
        raw::put(
            out,
            iotc_mqtt_publish {
                dup: pb.dup,
                qos: pb.qos as u8,
                retain: pb.retain,
                packet_id: pb.packet_id.unwrap_or(0),
                topic: iotc_slice::of(pb.topic.as_bytes()),
                properties: props(&pb.properties, IOTC_MQTT_CTX_PUBLISH),
                payload: iotc_slice::of(pb.payload),
            },
        );
        IOTC_OK
    })
}

/// CONNECT fields.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_connect {
    /// Protocol level: 3, 4 or 5.
    pub level: u8,
    /// Clean Start (5.0) or Clean Session.
    pub clean_start: bool,
    /// Keep Alive in seconds.
    pub keep_alive: u16,
    /// Client Identifier.
    pub client_id: iotc_slice,
    /// Properties (5.0).
    pub properties: iotc_mqtt_props,
    /// Whether a Will is present; the `will_*` fields are set only then.
    pub has_will: bool,
    /// Will QoS.
    pub will_qos: u8,
    /// Will Retain.
    pub will_retain: bool,
    /// Will Properties (5.0).
    pub will_properties: iotc_mqtt_props,
    /// Will Topic.
    pub will_topic: iotc_slice,
    /// Will Payload.
    pub will_payload: iotc_slice,
    /// Whether a User Name is present.
    pub has_username: bool,
    /// User Name.
    pub username: iotc_slice,
    /// Whether a Password is present.
    pub has_password: bool,
    /// Password.
    pub password: iotc_slice,
}

/// Reads a CONNECT.
#[no_mangle]
pub extern "C" fn iotc_mqtt_connect_get(
    pkt: *const iotc_mqtt_packet,
    out: *mut iotc_mqtt_connect,
) -> iotc_status {
    with_packet(pkt, |p| {
        let Packet::Connect(c) = p else { return IOTC_ERR_WRONG_TYPE };
        let (has_username, username) = opt(c.username.map(str::as_bytes));
        let (has_password, password) = opt(c.password);
        let empty = iotc_mqtt_props { bytes: iotc_slice::EMPTY, context: IOTC_MQTT_CTX_WILL };
        let mut v = iotc_mqtt_connect {
            level: c.version.level(),
            clean_start: c.clean_start,
            keep_alive: c.keep_alive,
            client_id: iotc_slice::of(c.client_id.as_bytes()),
            properties: props(&c.properties, IOTC_MQTT_CTX_CONNECT),
            has_will: false,
            will_qos: 0,
            will_retain: false,
            will_properties: empty,
            will_topic: iotc_slice::EMPTY,
            will_payload: iotc_slice::EMPTY,
            has_username,
            username,
            has_password,
            password,
        };
        if let Some(w) = &c.will {
            v.has_will = true;
            v.will_qos = w.qos as u8;
            v.will_retain = w.retain;
            v.will_properties = props(&w.properties, IOTC_MQTT_CTX_WILL);
            v.will_topic = iotc_slice::of(w.topic.as_bytes());
            v.will_payload = iotc_slice::of(w.payload);
        }
        raw::put(out, v);
        IOTC_OK
    })
}

/// CONNACK fields.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_connack {
    /// Session Present.
    pub session_present: bool,
    /// Connect Reason Code (5.0) or Return Code (3.1.1).
    pub reason_code: u8,
    /// Properties (5.0).
    pub properties: iotc_mqtt_props,
}

/// Reads a CONNACK.
#[no_mangle]
pub extern "C" fn iotc_mqtt_connack_get(
    pkt: *const iotc_mqtt_packet,
    out: *mut iotc_mqtt_connack,
) -> iotc_status {
    with_packet(pkt, |p| {
        let Packet::Connack(c) = p else { return IOTC_ERR_WRONG_TYPE };
        raw::put(
            out,
            iotc_mqtt_connack {
                session_present: c.session_present,
                reason_code: c.code.0,
                properties: props(&c.properties, IOTC_MQTT_CTX_CONNACK),
            },
        );
        IOTC_OK
    })
}

/// Fields of PUBACK, PUBREC, PUBREL and PUBCOMP (the type is in the packet).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_ack {
    /// Packet Identifier.
    pub packet_id: u16,
    /// Reason Code (5.0; 0 when absent or under 3.1.1).
    pub reason_code: u8,
    /// Properties (5.0).
    pub properties: iotc_mqtt_props,
}

/// Reads a PUBACK, PUBREC, PUBREL or PUBCOMP.
#[no_mangle]
pub extern "C" fn iotc_mqtt_ack_get(
    pkt: *const iotc_mqtt_packet,
    out: *mut iotc_mqtt_ack,
) -> iotc_status {
    with_packet(pkt, |p| {
        let Packet::Ack(a) = p else { return IOTC_ERR_WRONG_TYPE };
        let _: AckKind = a.kind;
        raw::put(
            out,
            iotc_mqtt_ack {
                packet_id: a.packet_id,
                reason_code: a.reason.0,
                properties: props(&a.properties, IOTC_MQTT_CTX_PUBACK),
            },
        );
        IOTC_OK
    })
}

/// SUBSCRIBE, UNSUBSCRIBE, SUBACK and UNSUBACK fields: the list is either the filters (iterate them
/// with `iotc_mqtt_filter_iter_init`) or the reason codes, one byte each.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_list_packet {
    /// Packet Identifier.
    pub packet_id: u16,
    /// Properties (5.0).
    pub properties: iotc_mqtt_props,
    /// SUBSCRIBE and UNSUBSCRIBE: the filters' bytes; SUBACK and UNSUBACK: the reason codes.
    pub list: iotc_slice,
    /// Whether each filter is followed by a Subscription Options byte (SUBSCRIBE).
    pub with_options: bool,
}

/// Reads a SUBSCRIBE, UNSUBSCRIBE, SUBACK or UNSUBACK.
#[no_mangle]
pub extern "C" fn iotc_mqtt_list_get(
    pkt: *const iotc_mqtt_packet,
    out: *mut iotc_mqtt_list_packet,
) -> iotc_status {
    let bytes = raw::get(pkt).and_then(|p| raw::slice(p.bytes));
    with_packet(pkt, |p| {
        let Some(bytes) = bytes else { return IOTC_ERR_NULL };
        // The list is the tail of the packet: after the fixed header, the packet id and the
        // properties. Its length is what the codec's own iterators cover.
        let (packet_id, properties, count, with_options, ctx) = match p {
            Packet::Subscribe(s) => {
                let n: usize = s.subscriptions().map(|(f, _)| 2 + f.raw().len() + 1).sum();
                (s.packet_id, s.properties, n, true, IOTC_MQTT_CTX_SUBSCRIBE)
            }
            Packet::Unsubscribe(u) => {
                let n: usize = u.filters().map(|f| 2 + f.raw().len()).sum();
                (u.packet_id, u.properties, n, false, IOTC_MQTT_CTX_UNSUBSCRIBE)
            }
            Packet::Suback(s) => {
                (s.packet_id, s.properties, s.reason_codes().len(), false, IOTC_MQTT_CTX_SUBACK)
            }
            Packet::Unsuback(u) => {
                (u.packet_id, u.properties, u.reason_codes().len(), false, IOTC_MQTT_CTX_UNSUBACK)
            }
            _ => return IOTC_ERR_WRONG_TYPE,
        };
        let list = bytes.get(bytes.len().saturating_sub(count)..).unwrap_or_default();
        raw::put(
            out,
            iotc_mqtt_list_packet {
                packet_id,
                properties: props(&properties, ctx),
                list: iotc_slice::of(list),
                with_options,
            },
        );
        IOTC_OK
    })
}

/// DISCONNECT and AUTH fields.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_reason_packet {
    /// Reason Code (5.0; 0 when absent).
    pub reason_code: u8,
    /// Properties (5.0).
    pub properties: iotc_mqtt_props,
}

/// Reads a DISCONNECT or AUTH (PINGREQ and PINGRESP have no fields).
#[no_mangle]
pub extern "C" fn iotc_mqtt_reason_get(
    pkt: *const iotc_mqtt_packet,
    out: *mut iotc_mqtt_reason_packet,
) -> iotc_status {
    with_packet(pkt, |p| {
        let (reason, properties, ctx) = match p {
            Packet::Disconnect(d) => (d.reason, d.properties, IOTC_MQTT_CTX_DISCONNECT),
            Packet::Auth(a) => (a.reason, a.properties, IOTC_MQTT_CTX_AUTH),
            _ => return IOTC_ERR_WRONG_TYPE,
        };
        raw::put(
            out,
            iotc_mqtt_reason_packet { reason_code: reason.0, properties: props(&properties, ctx) },
        );
        IOTC_OK
    })
}

/// An iterator over the filters of a SUBSCRIBE or UNSUBSCRIBE list (state fields).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_filter_iter {
    /// Bytes not read yet.
    pub rest: iotc_slice,
    /// Whether an options byte follows each filter.
    pub with_options: bool,
}

/// Starts iterating over the filters of `list` (from `iotc_mqtt_list_get`).
#[no_mangle]
pub extern "C" fn iotc_mqtt_filter_iter_init(
    list: *const iotc_mqtt_list_packet,
    it: *mut iotc_mqtt_filter_iter,
) -> iotc_status {
    guard(|| {
        let (Some(l), Some(it)) = (raw::get(list), raw::get_mut(it)) else { return IOTC_ERR_NULL };
        *it = iotc_mqtt_filter_iter { rest: l.list, with_options: l.with_options };
        IOTC_OK
    })
}

/// The next filter and, for SUBSCRIBE, its Subscription Options byte (QoS in bits 0-1). `IOTC_END`
/// after the last.
#[no_mangle]
pub extern "C" fn iotc_mqtt_filter_next(
    it: *mut iotc_mqtt_filter_iter,
    filter: *mut iotc_slice,
    options: *mut u8,
) -> iotc_status {
    guard(|| {
        let Some(it) = raw::get_mut(it) else { return IOTC_ERR_NULL };
        let Some(rest) = raw::slice(it.rest) else { return IOTC_ERR_NULL };
        let Some((len, tail)) = rest.split_first_chunk::<2>() else { return IOTC_END };
        let Some((f, tail)) = tail.split_at_checked(usize::from(u16::from_be_bytes(*len))) else {
            return IOTC_END;
        };
        let tail = if it.with_options {
            let Some((o, t)) = tail.split_first() else { return IOTC_END };
            raw::put(options, *o);
            t
        } else {
            tail
        };
        raw::put(filter, iotc_slice::of(f));
        it.rest = iotc_slice::of(tail);
        IOTC_OK
    })
}

/// A property value: `kind` says which fields hold it.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_prop_value {
    /// `IOTC_MQTT_PROP_*`.
    pub kind: u8,
    /// Byte, Two Byte, Four Byte and Variable Byte Integers.
    pub integer: u32,
    /// UTF-8 strings and binary data; the name of a User Property.
    pub data: iotc_slice,
    /// The value of a User Property.
    pub data2: iotc_slice,
}

/// Property value kinds.
pub const IOTC_MQTT_PROP_INTEGER: u8 = 1;
/// A UTF-8 Encoded String.
pub const IOTC_MQTT_PROP_STRING: u8 = 2;
/// Binary Data.
pub const IOTC_MQTT_PROP_BINARY: u8 = 3;
/// A UTF-8 String Pair (User Property).
pub const IOTC_MQTT_PROP_PAIR: u8 = 4;

/// An iterator over properties (state fields).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_prop_iter {
    /// The properties.
    pub props: iotc_mqtt_props,
    /// How many have been read.
    pub index: usize,
}

/// Starts iterating over `props`.
#[no_mangle]
pub extern "C" fn iotc_mqtt_prop_iter_init(
    props: *const iotc_mqtt_props,
    it: *mut iotc_mqtt_prop_iter,
) -> iotc_status {
    guard(|| {
        let (Some(p), Some(it)) = (raw::get(props), raw::get_mut(it)) else { return IOTC_ERR_NULL };
        *it = iotc_mqtt_prop_iter { props: *p, index: 0 };
        IOTC_OK
    })
}

/// The next property: its identifier (MQTT 5.0 §2.2.2.2) and value. `IOTC_END` after the last.
#[no_mangle]
pub extern "C" fn iotc_mqtt_prop_next(
    it: *mut iotc_mqtt_prop_iter,
    id: *mut u8,
    value: *mut iotc_mqtt_prop_value,
) -> iotc_status {
    guard(|| {
        let Some(it) = raw::get_mut(it) else { return IOTC_ERR_NULL };
        let (Some(bytes), Some(ctx)) = (raw::slice(it.props.bytes), context(it.props.context))
        else {
            return IOTC_ERR_INVALID_ARGUMENT;
        };
        let Ok(parsed) = Properties::parse(bytes, ctx) else { return IOTC_ERR_INVALID_ARGUMENT };
        let Some(p) = parsed.iter().nth(it.index) else { return IOTC_END };
        it.index += 1;
        let (kind, integer, data, data2) = match p.value {
            PropertyValue::Byte(b) => {
                (IOTC_MQTT_PROP_INTEGER, u32::from(b), iotc_slice::EMPTY, iotc_slice::EMPTY)
            }
            PropertyValue::U16(v) => {
                (IOTC_MQTT_PROP_INTEGER, u32::from(v), iotc_slice::EMPTY, iotc_slice::EMPTY)
            }
            PropertyValue::U32(v) | PropertyValue::VarInt(v) => {
                (IOTC_MQTT_PROP_INTEGER, v, iotc_slice::EMPTY, iotc_slice::EMPTY)
            }
            PropertyValue::Utf8(s) => {
                (IOTC_MQTT_PROP_STRING, 0, iotc_slice::of(s.as_bytes()), iotc_slice::EMPTY)
            }
            PropertyValue::Binary(b) => {
                (IOTC_MQTT_PROP_BINARY, 0, iotc_slice::of(b), iotc_slice::EMPTY)
            }
            PropertyValue::Pair(k, v) => {
                (IOTC_MQTT_PROP_PAIR, 0, iotc_slice::of(k.as_bytes()), iotc_slice::of(v.as_bytes()))
            }
        };
        raw::put(id, p.id.0);
        raw::put(value, iotc_mqtt_prop_value { kind, integer, data, data2 });
        IOTC_OK
    })
}
