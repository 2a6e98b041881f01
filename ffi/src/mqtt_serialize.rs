//! MQTT for C, encoding side: one serialize function per packet type into `buf, buflen`, in the
//! spirit of Paho Embedded C's `MQTTSerialize_*`, and a writer for single v5 properties. Strings
//! are checked for UTF-8, topics and filters for the MQTT rules, properties for their packet.

use mqtt_codec::packets::{
    AckKind, Auth, Connack, Connect, Disconnect, Publish, QoS, Suback, SubscriptionOptions,
    Unsuback, Will,
};
use mqtt_codec::{
    encode_subscribe, encode_unsubscribe, write_properties, Packet, Properties, Property,
    PropertyId, PropertyValue, ProtocolVersion, ReasonCode,
};

use crate::guard::guard;
use crate::iotc_slice;
use crate::mqtt::{
    context, iotc_mqtt_connect, iotc_mqtt_prop_value, iotc_mqtt_props, iotc_mqtt_publish, version,
    IOTC_MQTT_PROP_BINARY, IOTC_MQTT_PROP_INTEGER, IOTC_MQTT_PROP_PAIR, IOTC_MQTT_PROP_STRING,
};
use crate::raw;
use crate::status::*;

/// Runs `encode` on the caller's buffer, which returns the length written and the protocol level;
/// then decodes the result as a receiver would, so that nothing is sent that the decoder refuses (a
/// wildcard in a Topic Name, a zero packet identifier, a reason code the packet type does not allow),
/// and stores the length. This is where every MQTT rule of the serializers is checked: they only
/// convert the C fields to types. On an error the buffer holds unspecified bytes.
fn serialize(
    buf: *mut u8,
    buflen: usize,
    written: *mut usize,
    encode: impl FnOnce(&mut [u8]) -> Result<(usize, ProtocolVersion), iotc_status>,
) -> iotc_status {
    guard(|| {
        let Some(out) = raw::bytes_mut(buf, buflen) else { return IOTC_ERR_NULL };
        match encode(out) {
            Ok((n, v)) => check_written(out, n, v, written),
            Err(s) => s,
        }
    })
}

/// Decodes the `n` bytes a serializer wrote and reports the length only if they are one valid
/// packet. Not generic, and kept out of line, so that the serializers share one copy (flash).
#[inline(never)]
fn check_written(out: &[u8], n: usize, v: ProtocolVersion, written: *mut usize) -> iotc_status {
    let packet = out.get(..n).unwrap_or_default();
    match mqtt_codec::Decoder::new(v).decode(packet) {
        Ok(mqtt_codec::Decoded::Packet(_, used)) if used == n => {
            raw::put(written, n);
            IOTC_OK
        }
        Err(e) => mqtt_decode(e.kind()),
        _ => IOTC_ERR_INTERNAL,
    }
}

fn text<'a>(s: iotc_slice) -> Result<&'a str, iotc_status> {
    let b = raw::slice(s).ok_or(IOTC_ERR_NULL)?;
    core::str::from_utf8(b).map_err(|_| IOTC_ERR_INVALID_UTF8)
}

fn level(l: u8) -> Result<ProtocolVersion, iotc_status> {
    version(l).ok_or(IOTC_ERR_INVALID_ARGUMENT)
}

fn qos(q: u8) -> Result<QoS, iotc_status> {
    match q {
        0 => Ok(QoS::AtMostOnce),
        1 => Ok(QoS::AtLeastOnce),
        2 => Ok(QoS::ExactlyOnce),
        _ => Err(IOTC_ERR_INVALID_ARGUMENT),
    }
}

/// Properties from an optional pointer, checked for the packet they go in (empty for NULL).
fn properties<'a>(p: *const iotc_mqtt_props, ctx: u8) -> Result<Properties<'a>, iotc_status> {
    let Some(p) = raw::get(p) else { return Ok(Properties::default()) };
    let bytes = raw::slice(p.bytes).ok_or(IOTC_ERR_NULL)?;
    let ctx = context(ctx).ok_or(IOTC_ERR_INVALID_ARGUMENT)?;
    Properties::parse(bytes, ctx).map_err(|e| mqtt_decode(e.kind()))
}

fn encode(
    packet: &Packet<'_>,
    v: ProtocolVersion,
    out: &mut [u8],
) -> Result<(usize, ProtocolVersion), iotc_status> {
    packet.encode(v, out).map(|n| (n, v)).map_err(mqtt_encode)
}

/// Serializes a CONNECT from the fields of `c` (its `level` chooses 3.1, 3.1.1 or 5.0; properties
/// are used under 5.0 only).
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_connect(
    buf: *mut u8,
    buflen: usize,
    c: *const iotc_mqtt_connect,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let c = raw::get(c).ok_or(IOTC_ERR_NULL)?;
        let v = level(c.level)?;
        let will = if c.has_will {
            let topic = text(c.will_topic)?;
            Some(Will {
                qos: qos(c.will_qos)?,
                retain: c.will_retain,
                properties: properties(&c.will_properties, crate::mqtt::IOTC_MQTT_CTX_WILL)?,
                topic,
                payload: raw::slice(c.will_payload).ok_or(IOTC_ERR_NULL)?,
            })
        } else {
            None
        };
        let connect = Connect {
            version: v,
            clean_start: c.clean_start,
            keep_alive: c.keep_alive,
            properties: properties(&c.properties, crate::mqtt::IOTC_MQTT_CTX_CONNECT)?,
            client_id: text(c.client_id)?,
            will,
            username: if c.has_username { Some(text(c.username)?) } else { None },
            password: if c.has_password {
                Some(raw::slice(c.password).ok_or(IOTC_ERR_NULL)?)
            } else {
                None
            },
        };
        encode(&Packet::Connect(connect), v, out)
    })
}

/// Serializes a CONNACK.
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_connack(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    session_present: bool,
    reason_code: u8,
    props: *const iotc_mqtt_props,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let v = level(level_)?;
        let properties = properties(props, crate::mqtt::IOTC_MQTT_CTX_CONNACK)?;
        let p =
            Packet::Connack(Connack { session_present, code: ReasonCode(reason_code), properties });
        encode(&p, v, out)
    })
}

/// Serializes a PUBLISH from the fields of `p` (the topic must be a valid Topic Name; a QoS 1 or 2
/// PUBLISH needs a non-zero packet id).
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_publish(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    p: *const iotc_mqtt_publish,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let p = raw::get(p).ok_or(IOTC_ERR_NULL)?;
        let v = level(level_)?;
        let q = qos(p.qos)?;
        let topic = text(p.topic)?;
        let packet_id = (q != QoS::AtMostOnce).then_some(p.packet_id);
        let publish = Publish {
            dup: p.dup,
            qos: q,
            retain: p.retain,
            topic,
            packet_id,
            properties: properties(&p.properties, crate::mqtt::IOTC_MQTT_CTX_PUBLISH)?,
            payload: raw::slice(p.payload).ok_or(IOTC_ERR_NULL)?,
        };
        encode(&Packet::Publish(publish), v, out)
    })
}

/// Serializes a PUBACK (4), PUBREC (5), PUBREL (6) or PUBCOMP (7), by `type_`.
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_ack(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    type_: u8,
    packet_id: u16,
    reason_code: u8,
    props: *const iotc_mqtt_props,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let v = level(level_)?;
        let kind = match type_ {
            4 => AckKind::Puback,
            5 => AckKind::Pubrec,
            6 => AckKind::Pubrel,
            7 => AckKind::Pubcomp,
            _ => return Err(IOTC_ERR_INVALID_ARGUMENT),
        };
        let properties = properties(props, crate::mqtt::IOTC_MQTT_CTX_PUBACK)?;
        let ack = mqtt_codec::packets::Ack {
            kind,
            packet_id,
            reason: ReasonCode(reason_code),
            properties,
        };
        encode(&Packet::Ack(ack), v, out)
    })
}

/// One SUBSCRIBE entry: a Topic Filter and its Subscription Options byte (QoS in bits 0-1; 5.0 adds
/// No Local, Retain As Published and Retain Handling).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_mqtt_subscription {
    /// The Topic Filter (UTF-8).
    pub filter: iotc_slice,
    /// The Subscription Options byte.
    pub options: u8,
}

fn subscription_options(b: u8, v: ProtocolVersion) -> Result<SubscriptionOptions, iotc_status> {
    use mqtt_codec::packets::RetainHandling as R;
    let reserved = if v.is_v5() { 0xC0 } else { 0xFC };
    if b & reserved != 0 {
        return Err(IOTC_MQTT_INVALID_SUBSCRIPTION_OPTIONS);
    }
    Ok(SubscriptionOptions {
        qos: qos(b & 3).map_err(|_| IOTC_MQTT_INVALID_SUBSCRIPTION_OPTIONS)?,
        no_local: b & 0x04 != 0,
        retain_as_published: b & 0x08 != 0,
        retain_handling: match (b >> 4) & 3 {
            0 => R::SendAtSubscribe,
            1 => R::SendIfNew,
            2 => R::DoNotSend,
            _ => return Err(IOTC_MQTT_INVALID_SUBSCRIPTION_OPTIONS),
        },
    })
}

/// Serializes a SUBSCRIBE with `count` filters (at least one, each a valid Topic Filter).
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_subscribe(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    packet_id: u16,
    props: *const iotc_mqtt_props,
    subs: *const iotc_mqtt_subscription,
    count: usize,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let v = level(level_)?;
        let subs = raw::array(subs, count).ok_or(IOTC_ERR_NULL)?;
        // What the encoder needs as types; the MQTT rules (filters, packet id, at least one
        // filter) are checked by `serialize` decoding the result.
        for s in subs {
            text(s.filter)?;
            subscription_options(s.options, v)?;
        }
        let properties = properties(props, crate::mqtt::IOTC_MQTT_CTX_SUBSCRIBE)?;
        // Checked above: every filter is UTF-8 and every options byte valid.
        let list = subs.iter().filter_map(|s| {
            let f = raw::slice(s.filter).and_then(|b| core::str::from_utf8(b).ok())?;
            Some((f, subscription_options(s.options, v).ok()?))
        });
        encode_subscribe(v, packet_id, &properties, list, out).map(|n| (n, v)).map_err(mqtt_encode)
    })
}

/// Serializes an UNSUBSCRIBE with `count` filters.
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_unsubscribe(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    packet_id: u16,
    props: *const iotc_mqtt_props,
    filters: *const iotc_slice,
    count: usize,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let v = level(level_)?;
        let filters = raw::array(filters, count).ok_or(IOTC_ERR_NULL)?;
        for f in filters {
            text(*f)?;
        }
        let properties = properties(props, crate::mqtt::IOTC_MQTT_CTX_UNSUBSCRIBE)?;
        let list = filters
            .iter()
            .filter_map(|f| raw::slice(*f).and_then(|b| core::str::from_utf8(b).ok()));
        encode_unsubscribe(v, packet_id, &properties, list, out)
            .map(|n| (n, v))
            .map_err(mqtt_encode)
    })
}

/// Serializes a SUBACK (`codes`: one Reason Code, or 3.1.1 return code, per filter).
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_suback(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    packet_id: u16,
    props: *const iotc_mqtt_props,
    codes: *const u8,
    count: usize,
    written: *mut usize,
) -> iotc_status {
    codes_packet(buf, buflen, level_, packet_id, props, (codes, count), written, true)
}

/// Serializes an UNSUBACK (`codes` are sent under 5.0 only).
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_unsuback(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    packet_id: u16,
    props: *const iotc_mqtt_props,
    codes: *const u8,
    count: usize,
    written: *mut usize,
) -> iotc_status {
    codes_packet(buf, buflen, level_, packet_id, props, (codes, count), written, false)
}

/// SUBACK (`suback`) and UNSUBACK: properties and a list of reason codes, one byte each.
#[allow(clippy::too_many_arguments)]
fn codes_packet(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    packet_id: u16,
    props: *const iotc_mqtt_props,
    (codes, count): (*const u8, usize),
    written: *mut usize,
    suback: bool,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let v = level(level_)?;
        let codes = raw::bytes(codes, count).ok_or(IOTC_ERR_NULL)?;
        if suback {
            let properties = properties(props, crate::mqtt::IOTC_MQTT_CTX_SUBACK)?;
            encode(&Packet::Suback(Suback::new(packet_id, properties, codes)), v, out)
        } else {
            let properties = properties(props, crate::mqtt::IOTC_MQTT_CTX_UNSUBACK)?;
            encode(&Packet::Unsuback(Unsuback::new(packet_id, properties, codes)), v, out)
        }
    })
}

/// Serializes a PINGREQ (12) or PINGRESP (13), by `type_`.
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_ping(
    buf: *mut u8,
    buflen: usize,
    type_: u8,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let p = match type_ {
            12 => Packet::Pingreq,
            13 => Packet::Pingresp,
            _ => return Err(IOTC_ERR_INVALID_ARGUMENT),
        };
        encode(&p, ProtocolVersion::V3_1_1, out)
    })
}

/// Serializes a DISCONNECT (14) or, under 5.0, an AUTH (15), by `type_`; the reason code and
/// properties are sent under 5.0 only, and left out when they are Success and empty.
#[no_mangle]
pub extern "C" fn iotc_mqtt_serialize_reason(
    buf: *mut u8,
    buflen: usize,
    level_: u8,
    type_: u8,
    reason_code: u8,
    props: *const iotc_mqtt_props,
    written: *mut usize,
) -> iotc_status {
    serialize(buf, buflen, written, |out| {
        let v = level(level_)?;
        let reason = ReasonCode(reason_code);
        let p = match type_ {
            14 => Packet::Disconnect(Disconnect {
                reason,
                properties: properties(props, crate::mqtt::IOTC_MQTT_CTX_DISCONNECT)?,
            }),
            15 if v.is_v5() => Packet::Auth(Auth {
                reason,
                properties: properties(props, crate::mqtt::IOTC_MQTT_CTX_AUTH)?,
            }),
            _ => return Err(IOTC_ERR_INVALID_ARGUMENT),
        };
        encode(&p, v, out)
    })
}

/// Appends one v5 property (identifier `id`, value as `iotc_mqtt_prop_next` gives them) to a property
/// list being built at `buf`; `*written` is its length. Concatenated properties form the bytes of an
/// `iotc_mqtt_props`.
#[no_mangle]
pub extern "C" fn iotc_mqtt_prop_write(
    buf: *mut u8,
    buflen: usize,
    id: u8,
    value: *const iotc_mqtt_prop_value,
    written: *mut usize,
) -> iotc_status {
    guard(|| {
        let Some(out) = raw::bytes_mut(buf, buflen) else { return IOTC_ERR_NULL };
        let Some(val) = raw::get(value) else { return IOTC_ERR_NULL };
        let v = match property_value(id, val) {
            Ok(v) => v,
            Err(s) => return s,
        };
        let p = Property { id: PropertyId(id), value: v };
        match write_properties(&[p], out) {
            Ok(n) => {
                raw::put(written, n);
                IOTC_OK
            }
            Err(e) => mqtt_encode(e),
        }
    })
}

fn property_value<'a>(
    id: u8,
    val: &iotc_mqtt_prop_value,
) -> Result<PropertyValue<'a>, iotc_status> {
    Ok(match val.kind {
        IOTC_MQTT_PROP_INTEGER => integer_property(id, val.integer)?,
        IOTC_MQTT_PROP_STRING => PropertyValue::Utf8(text(val.data)?),
        IOTC_MQTT_PROP_BINARY => PropertyValue::Binary(raw::slice(val.data).ok_or(IOTC_ERR_NULL)?),
        IOTC_MQTT_PROP_PAIR => PropertyValue::Pair(text(val.data)?, text(val.data2)?),
        _ => return Err(IOTC_ERR_INVALID_ARGUMENT),
    })
}

/// The integer type MQTT 5.0 §2.2.2.2 gives property `id`.
fn integer_property(id: u8, v: u32) -> Result<PropertyValue<'static>, iotc_status> {
    let narrow = |bits: u32| if v >> bits == 0 { Ok(()) } else { Err(IOTC_ERR_INVALID_ARGUMENT) };
    Ok(match id {
        0x01 | 0x17 | 0x19 | 0x24 | 0x25 | 0x28 | 0x29 | 0x2A => {
            narrow(8)?;
            PropertyValue::Byte(v as u8)
        }
        0x13 | 0x21 | 0x22 | 0x23 => {
            narrow(16)?;
            PropertyValue::U16(v as u16)
        }
        0x02 | 0x11 | 0x18 | 0x27 => PropertyValue::U32(v),
        0x0B => PropertyValue::VarInt(v),
        _ => return Err(IOTC_MQTT_UNKNOWN_PROPERTY),
    })
}
