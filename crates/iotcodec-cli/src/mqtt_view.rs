//! An MQTT packet as a one-line summary and as JSON fields, every field of every packet type.

use mqtt_codec::packets::{AckKind, RetainHandling};
use mqtt_codec::{Packet, Properties, PropertyValue, ProtocolVersion, QoS, ReasonCode};
use serde_json::{json, Map, Value};

use crate::json;

/// The packet's summary line and fields; `version` is the protocol level it was decoded under.
pub(crate) fn view(packet: &Packet<'_>, version: ProtocolVersion) -> (String, Map<String, Value>) {
    let mut f = Map::new();
    let name = type_name(packet);
    f.insert("type".into(), name.into());
    f.insert("protocol_level".into(), version.level().into());
    let v5 = version.is_v5();
    let summary = match packet {
        Packet::Connect(c) => {
            f.insert("protocol_name".into(), c.version.protocol_name().into());
            f.insert("protocol_level".into(), c.version.level().into());
            f.insert("clean_start".into(), c.clean_start.into());
            f.insert("keep_alive".into(), c.keep_alive.into());
            f.insert("client_id".into(), c.client_id.into());
            if let Some(w) = &c.will {
                let mut will = Map::new();
                will.insert("qos".into(), qos(w.qos).into());
                will.insert("retain".into(), w.retain.into());
                will.insert("topic".into(), w.topic.into());
                will.insert("payload".into(), json::bytes(w.payload));
                if c.version.is_v5() {
                    will.insert("properties".into(), properties(&w.properties));
                }
                f.insert("will".into(), Value::Object(will));
            }
            if let Some(u) = c.username {
                f.insert("username".into(), u.into());
            }
            if let Some(p) = c.password {
                f.insert("password".into(), json::bytes(p));
            }
            if c.version.is_v5() {
                f.insert("properties".into(), properties(&c.properties));
            }
            format!(
                "CONNECT v{} client_id={:?} keep_alive={}",
                level_name(c.version),
                c.client_id,
                c.keep_alive
            )
        }
        Packet::Connack(c) => {
            f.insert("session_present".into(), c.session_present.into());
            f.insert("reason_code".into(), reason(c.code));
            if v5 {
                f.insert("properties".into(), properties(&c.properties));
            }
            format!("CONNACK {}", reason_text(c.code))
        }
        Packet::Publish(p) => {
            f.insert("dup".into(), p.dup.into());
            f.insert("qos".into(), qos(p.qos).into());
            f.insert("retain".into(), p.retain.into());
            f.insert("topic".into(), p.topic.into());
            if let Some(id) = p.packet_id {
                f.insert("packet_id".into(), id.into());
            }
            if v5 {
                f.insert("properties".into(), properties(&p.properties));
            }
            f.insert("payload".into(), json::bytes(p.payload));
            let id = p.packet_id.map(|i| format!(" id={i}")).unwrap_or_default();
            format!(
                "PUBLISH qos={}{id} topic={:?} payload={}",
                qos(p.qos),
                p.topic,
                json::short(p.payload)
            )
        }
        Packet::Ack(a) => {
            f.insert("packet_id".into(), a.packet_id.into());
            if v5 {
                f.insert("reason_code".into(), reason(a.reason));
                f.insert("properties".into(), properties(&a.properties));
            }
            format!(
                "{name} id={} {}",
                a.packet_id,
                if v5 { reason_text(a.reason) } else { String::new() }
            )
            .trim_end()
            .to_string()
        }
        Packet::Subscribe(s) => {
            f.insert("packet_id".into(), s.packet_id.into());
            if v5 {
                f.insert("properties".into(), properties(&s.properties));
            }
            let subs: Vec<Value> = s
                .subscriptions()
                .map(|(filter, o)| {
                    let mut m = Map::new();
                    m.insert("filter".into(), filter.raw().into());
                    m.insert("qos".into(), qos(o.qos).into());
                    if v5 {
                        m.insert("no_local".into(), o.no_local.into());
                        m.insert("retain_as_published".into(), o.retain_as_published.into());
                        m.insert(
                            "retain_handling".into(),
                            retain_handling(o.retain_handling).into(),
                        );
                    }
                    Value::Object(m)
                })
                .collect();
            let list: Vec<String> =
                s.subscriptions().map(|(t, o)| format!("{}@{}", t.raw(), qos(o.qos))).collect();
            f.insert("subscriptions".into(), subs.into());
            format!("SUBSCRIBE id={} {}", s.packet_id, list.join(","))
        }
        Packet::Suback(s) => {
            f.insert("packet_id".into(), s.packet_id.into());
            if v5 {
                f.insert("properties".into(), properties(&s.properties));
            }
            let codes: Vec<Value> = s.reason_codes().map(reason).collect();
            f.insert("reason_codes".into(), codes.into());
            let list: Vec<String> = s.reason_codes().map(reason_text).collect();
            format!("SUBACK id={} {}", s.packet_id, list.join(","))
        }
        Packet::Unsubscribe(u) => {
            f.insert("packet_id".into(), u.packet_id.into());
            if v5 {
                f.insert("properties".into(), properties(&u.properties));
            }
            let filters: Vec<String> = u.filters().map(|t| t.raw().to_string()).collect();
            f.insert("filters".into(), filters.clone().into());
            format!("UNSUBSCRIBE id={} {}", u.packet_id, filters.join(","))
        }
        Packet::Unsuback(u) => {
            f.insert("packet_id".into(), u.packet_id.into());
            if v5 {
                f.insert("properties".into(), properties(&u.properties));
                let codes: Vec<Value> = u.reason_codes().map(reason).collect();
                f.insert("reason_codes".into(), codes.into());
            }
            format!("UNSUBACK id={}", u.packet_id)
        }
        Packet::Pingreq | Packet::Pingresp => name.to_string(),
        Packet::Disconnect(d) => {
            if v5 {
                f.insert("reason_code".into(), reason(d.reason));
                f.insert("properties".into(), properties(&d.properties));
                format!("DISCONNECT {}", reason_text(d.reason))
            } else {
                "DISCONNECT".to_string()
            }
        }
        Packet::Auth(a) => {
            f.insert("reason_code".into(), reason(a.reason));
            f.insert("properties".into(), properties(&a.properties));
            format!("AUTH {}", reason_text(a.reason))
        }
        // `Packet` may grow variants; a newer codec's packet is shown by its type alone.
        _ => name.to_string(),
    };
    (summary, f)
}

/// The control packet type name, as in the specification's tables.
pub(crate) fn type_name(packet: &Packet<'_>) -> &'static str {
    match packet {
        Packet::Connect(_) => "CONNECT",
        Packet::Connack(_) => "CONNACK",
        Packet::Publish(_) => "PUBLISH",
        Packet::Ack(a) => match a.kind {
            AckKind::Puback => "PUBACK",
            AckKind::Pubrec => "PUBREC",
            AckKind::Pubrel => "PUBREL",
            AckKind::Pubcomp => "PUBCOMP",
        },
        Packet::Subscribe(_) => "SUBSCRIBE",
        Packet::Suback(_) => "SUBACK",
        Packet::Unsubscribe(_) => "UNSUBSCRIBE",
        Packet::Unsuback(_) => "UNSUBACK",
        Packet::Pingreq => "PINGREQ",
        Packet::Pingresp => "PINGRESP",
        Packet::Disconnect(_) => "DISCONNECT",
        Packet::Auth(_) => "AUTH",
        _ => "UNKNOWN",
    }
}

fn level_name(v: ProtocolVersion) -> &'static str {
    match v {
        ProtocolVersion::V3_1 => "3.1",
        ProtocolVersion::V3_1_1 => "3.1.1",
        ProtocolVersion::V5 => "5.0",
    }
}

fn qos(q: QoS) -> u8 {
    q as u8
}

fn retain_handling(r: RetainHandling) -> u8 {
    r as u8
}

fn reason(code: ReasonCode) -> Value {
    json!({ "value": code.0, "name": code.name() })
}

fn reason_text(code: ReasonCode) -> String {
    match code.name() {
        Some(n) => format!("{n} (0x{:02x})", code.0),
        None => format!("0x{:02x}", code.0),
    }
}

/// The properties in wire order, each with its identifier, name and value.
pub(crate) fn properties(props: &Properties<'_>) -> Value {
    let list: Vec<Value> = props
        .iter()
        .map(|p| {
            let value = match p.value {
                PropertyValue::Byte(b) => Value::from(b),
                PropertyValue::U16(v) => Value::from(v),
                PropertyValue::U32(v) | PropertyValue::VarInt(v) => Value::from(v),
                PropertyValue::Utf8(s) => Value::from(s),
                PropertyValue::Binary(b) => json::bytes(b),
                PropertyValue::Pair(k, v) => json!({ "name": k, "value": v }),
            };
            json!({
                "id": p.id.0,
                "name": p.id.name().map(str::to_ascii_lowercase),
                "value": value,
            })
        })
        .collect();
    Value::Array(list)
}
