//! The MQTT benchmark's packets and every decoder it runs on them: this codec read as a user reads it,
//! the floor (a minimal validating decoder) and the peers. Shared by `benches/mqtt.rs` and the
//! callgrind loop `examples/mqtt_decode_loop.rs`, so both time the same work.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, missing_docs)]

use mqtt_codec::packets::{Connect, Publish, RetainHandling, Subscribe, SubscriptionOptions, Will};
use mqtt_codec::{
    write_properties, write_subscribe_payload, Context, Decoded, Decoder, Packet, Properties,
    Property, PropertyId, PropertyValue, ProtocolVersion, QoS,
};

use ProtocolVersion::{V3_1_1 as V4, V5};

/// (id, version, bytes)
pub fn cases() -> Vec<(&'static str, ProtocolVersion, Vec<u8>)> {
    let enc = |p: &Packet<'_>, v| {
        let mut b = vec![0u8; p.encoded_len(v).unwrap()];
        p.encode(v, &mut b).unwrap();
        b
    };
    let mut out = Vec::new();
    fn publish<'a>(qos: QoS, payload: &'a [u8], properties: Properties<'a>) -> Packet<'a> {
        let packet_id = (qos != QoS::AtMostOnce).then_some(42);
        Packet::Publish(Publish {
            dup: false,
            qos,
            retain: false,
            topic: "sensors/kitchen/temperature",
            packet_id,
            properties,
            payload,
        })
    }
    out.push((
        "v311/publish_qos0_8B",
        V4,
        enc(&publish(QoS::AtMostOnce, b"22.5 C\r\n", Properties::EMPTY), V4),
    ));
    out.push((
        "v311/publish_qos1_1KiB",
        V4,
        enc(&publish(QoS::AtLeastOnce, &[0x5a; 1024], Properties::EMPTY), V4),
    ));
    let will = Will {
        qos: QoS::AtLeastOnce,
        retain: true,
        properties: Properties::EMPTY,
        topic: "status/device-17",
        payload: b"offline",
    };
    let connect = |version, properties| {
        Packet::Connect(Connect {
            version,
            clean_start: true,
            keep_alive: 60,
            properties,
            client_id: "device-17",
            will: Some(will),
            username: Some("device"),
            password: Some(b"s3cret-passw0rd"),
        })
    };
    out.push(("v311/connect_will_credentials", V4, enc(&connect(V4, Properties::EMPTY), V4)));
    let opts = SubscriptionOptions {
        qos: QoS::AtLeastOnce,
        no_local: false,
        retain_as_published: false,
        retain_handling: RetainHandling::SendAtSubscribe,
    };
    let filters = [
        ("sensors/+/temperature", opts),
        ("sensors/+/humidity", opts),
        ("alerts/#", opts),
        ("config/device-17", opts),
        ("$share/group/jobs/+", opts),
    ];
    let mut payload = [0u8; 256];
    let n = write_subscribe_payload(&filters, &mut payload).unwrap();
    out.push((
        "v311/subscribe_5_filters",
        V4,
        enc(
            &Packet::Subscribe(Subscribe::new(7, Properties::EMPTY, &payload[..n], V4).unwrap()),
            V4,
        ),
    ));
    out.push(("v311/pingreq", V4, vec![0xc0, 0]));
    let mut pbuf = [0u8; 128];
    let list = [
        Property { id: PropertyId::CONTENT_TYPE, value: PropertyValue::Utf8("application/json") },
        Property { id: PropertyId::USER_PROPERTY, value: PropertyValue::Pair("unit", "celsius") },
        Property { id: PropertyId::USER_PROPERTY, value: PropertyValue::Pair("sensor", "bme280") },
        Property { id: PropertyId::MESSAGE_EXPIRY_INTERVAL, value: PropertyValue::U32(3600) },
        Property { id: PropertyId::CORRELATION_DATA, value: PropertyValue::Binary(b"req-0042") },
    ];
    let n = write_properties(&list, &mut pbuf).unwrap();
    let props = Properties::parse(&pbuf[..n], Context::Publish).unwrap();
    out.push((
        "v5/publish_properties",
        V5,
        enc(&publish(QoS::AtLeastOnce, b"{\"t\":22.5}", props), V5),
    ));
    let mut cbuf = [0u8; 64];
    let clist = [
        Property { id: PropertyId::SESSION_EXPIRY_INTERVAL, value: PropertyValue::U32(86_400) },
        Property { id: PropertyId::RECEIVE_MAXIMUM, value: PropertyValue::U16(32) },
        Property { id: PropertyId::MAXIMUM_PACKET_SIZE, value: PropertyValue::U32(65_536) },
        Property { id: PropertyId::USER_PROPERTY, value: PropertyValue::Pair("fw", "1.4.2") },
    ];
    let n = write_properties(&clist, &mut cbuf).unwrap();
    let cprops = Properties::parse(&cbuf[..n], Context::Connect).unwrap();
    out.push(("v5/connect_properties", V5, enc(&connect(V5, cprops), V5)));
    out
}

/// Reads every field of a decoded packet, as a user would.
pub fn ours(v: ProtocolVersion, b: &[u8]) -> usize {
    let Decoded::Packet(p, used) = Decoder::new(v).decode(b).unwrap() else { panic!() };
    used + match p {
        Packet::Publish(p) => {
            p.topic.len()
                + p.payload.len()
                + p.packet_id.map_or(0, usize::from)
                + p.properties.iter().count()
        }
        Packet::Connect(c) => {
            c.client_id.len()
                + c.keep_alive as usize
                + c.username.map_or(0, str::len)
                + c.password.map_or(0, <[u8]>::len)
                + c.will.map_or(0, |w| w.topic.len() + w.payload.len())
                + c.properties.iter().count()
        }
        Packet::Subscribe(s) => {
            s.subscriptions().map(|(f, o)| f.raw().len() + o.qos as usize).sum::<usize>()
                + s.packet_id as usize
        }
        Packet::Pingreq => 1,
        _ => 0,
    }
}

/// The floor: locate each field and check UTF-8, nothing else (no flag rules, no property checks).
pub fn floor(b: &[u8]) -> usize {
    let mut len = 0usize;
    let mut i = 1;
    for shift in [0, 7, 14, 21] {
        let byte = b[i];
        len |= usize::from(byte & 0x7f) << shift;
        i += 1;
        if byte & 0x80 == 0 {
            break;
        }
    }
    let body = &b[i..i + len];
    let s = |at: &mut usize| -> usize {
        let n = usize::from(u16::from_be_bytes([body[*at], body[*at + 1]]));
        let v = std::str::from_utf8(&body[*at + 2..*at + 2 + n]).unwrap();
        *at += 2 + n;
        v.len()
    };
    let mut at = 0;
    i + match b[0] >> 4 {
        3 => {
            let t = s(&mut at);
            if (b[0] >> 1) & 3 != 0 {
                at += 2;
            }
            t + (body.len() - at)
        }
        8 => {
            at = 2;
            let mut sum = 0;
            while at < body.len() {
                sum += s(&mut at) + usize::from(body[at]);
                at += 1;
            }
            sum
        }
        1 => {
            let mut sum = s(&mut at);
            at += 4; // level, flags, keep alive
            sum += s(&mut at); // client id
            sum += s(&mut at) + s(&mut at) + s(&mut at) + s(&mut at); // will topic, will payload, user, password
            sum
        }
        _ => 1,
    }
}

/// mqttrs, reading the same fields.
pub fn mqttrs(b: &[u8]) -> usize {
    match mqttrs::decode_slice(b).unwrap().unwrap() {
        mqttrs::Packet::Publish(p) => p.topic_name.len() + p.payload.len(),
        mqttrs::Packet::Connect(c) => {
            c.client_id.len()
                + c.username.map_or(0, str::len)
                + c.password.map_or(0, <[u8]>::len)
                + c.last_will.map_or(0, |w| w.topic.len() + w.message.len())
        }
        mqttrs::Packet::Subscribe(s) => s.topics.iter().map(|t| t.topic_path.len()).sum(),
        mqttrs::Packet::Pingreq => 1,
        _ => 0,
    }
}

/// mqttbytes (the codec of rumqttc), 3.1.1; its `read` needs a `BytesMut`, so the copy is timed too.
pub fn mqttbytes_v4(b: &[u8]) -> usize {
    let mut buf = bytes::BytesMut::from(b);
    match mqttbytes::v4::read(&mut buf, 1 << 20).unwrap() {
        mqttbytes::v4::Packet::Publish(p) => p.topic.len() + p.payload.len(),
        mqttbytes::v4::Packet::Connect(c) => {
            c.client_id.len()
                + c.login.map_or(0, |l| l.username.len() + l.password.len())
                + c.last_will.map_or(0, |w| w.topic.len() + w.message.len())
        }
        mqttbytes::v4::Packet::Subscribe(s) => s.filters.iter().map(|f| f.path.len()).sum(),
        mqttbytes::v4::Packet::PingReq => 1,
        _ => 0,
    }
}

/// mqttbytes, 5.0.
pub fn mqttbytes_v5(b: &[u8]) -> usize {
    let mut buf = bytes::BytesMut::from(b);
    match mqttbytes::v5::read(&mut buf, 1 << 20).unwrap() {
        mqttbytes::v5::Packet::Publish(p) => {
            p.topic.len() + p.payload.len() + p.properties.map_or(0, |pp| pp.user_properties.len())
        }
        mqttbytes::v5::Packet::Connect(c) => {
            c.client_id.len() + c.properties.map_or(0, |pp| pp.user_properties.len())
        }
        _ => 0,
    }
}

/// mqtt-format, 3.1.1 only.
pub fn mqtt_format(b: &[u8]) -> usize {
    let (_, p) = mqtt_format::v3::packet::mpacket(b).unwrap();
    match p {
        mqtt_format::v3::packet::MPacket::Publish(p) => p.topic_name.len() + p.payload.len(),
        mqtt_format::v3::packet::MPacket::Connect(c) => {
            c.client_id.len()
                + c.username.map_or(0, |u| u.len())
                + c.password.map_or(0, <[u8]>::len)
                + c.will.map_or(0, |w| w.topic.len() + w.payload.len())
        }
        mqtt_format::v3::packet::MPacket::Subscribe(s) => {
            s.subscriptions.into_iter().map(|r| r.topic.len()).sum()
        }
        mqtt_format::v3::packet::MPacket::Pingreq(_) => 1,
        _ => 0,
    }
}

/// A 3.1.1 PUBLISH as mqttbytes holds it, for its encoder: read from the case's bytes.
pub fn mqttbytes_publish(b: &[u8]) -> mqttbytes::v4::Publish {
    let mut src = bytes::BytesMut::from(b);
    match mqttbytes::v4::read(&mut src, 1 << 20).unwrap() {
        mqttbytes::v4::Packet::Publish(p) => p,
        _ => panic!("not a PUBLISH"),
    }
}
