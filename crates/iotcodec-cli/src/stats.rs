//! `iotcodec stats`: counts per protocol, MQTT packet type and reason code, CoAP type, code and option,
//! plus malformed and incomplete PDUs.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::pdu::{Body, Pdu};

#[derive(Debug, Default)]
pub(crate) struct Stats {
    protocols: BTreeMap<String, u64>,
    mqtt_types: BTreeMap<String, u64>,
    mqtt_reason_codes: BTreeMap<String, u64>,
    coap_types: BTreeMap<String, u64>,
    coap_codes: BTreeMap<String, u64>,
    coap_options: BTreeMap<String, u64>,
    malformed: BTreeMap<String, u64>,
    incomplete: u64,
}

fn bump(map: &mut BTreeMap<String, u64>, key: impl Into<String>) {
    *map.entry(key.into()).or_default() += 1;
}

impl Stats {
    pub(crate) fn add(&mut self, pdu: &Pdu) {
        let proto = pdu.proto.name();
        bump(&mut self.protocols, proto);
        match &pdu.body {
            Body::Malformed { kind, .. } => bump(&mut self.malformed, format!("{proto} {kind}")),
            Body::Incomplete { .. } => self.incomplete += 1,
            Body::Decoded { fields, .. } if proto == "mqtt" => self.add_mqtt(fields),
            Body::Decoded { fields, .. } if proto.starts_with("coap") => self.add_coap(fields),
            Body::Decoded { .. } => {}
        }
    }

    fn add_mqtt(&mut self, f: &Map<String, Value>) {
        if let Some(t) = f.get("type").and_then(Value::as_str) {
            bump(&mut self.mqtt_types, t);
        }
        let mut codes: Vec<&Value> = f.get("reason_code").into_iter().collect();
        if let Some(Value::Array(list)) = f.get("reason_codes") {
            codes.extend(list);
        }
        for c in codes {
            let value = c.get("value").and_then(Value::as_u64).unwrap_or_default();
            let name = c.get("name").and_then(Value::as_str).unwrap_or("unknown");
            bump(&mut self.mqtt_reason_codes, format!("0x{value:02x} {name}"));
        }
    }

    fn add_coap(&mut self, f: &Map<String, Value>) {
        if let Some(t) = f.get("type").and_then(Value::as_str) {
            bump(&mut self.coap_types, t);
        }
        if let Some(code) = f.get("code") {
            let text = code.get("text").and_then(Value::as_str).unwrap_or("?");
            let key = match code.get("name").and_then(Value::as_str) {
                Some(n) => format!("{text} {n}"),
                None => text.to_string(),
            };
            bump(&mut self.coap_codes, key);
        }
        if let Some(Value::Array(opts)) = f.get("options") {
            for o in opts {
                let n = o.get("number").and_then(Value::as_u64).unwrap_or_default();
                let key = match o.get("name").and_then(Value::as_str) {
                    Some(name) => format!("{n} {name}"),
                    None => format!("{n}"),
                };
                bump(&mut self.coap_options, key);
            }
        }
    }

    fn sections(&self) -> [(&'static str, &BTreeMap<String, u64>); 7] {
        [
            ("protocols", &self.protocols),
            ("mqtt_packet_types", &self.mqtt_types),
            ("mqtt_reason_codes", &self.mqtt_reason_codes),
            ("coap_types", &self.coap_types),
            ("coap_codes", &self.coap_codes),
            ("coap_options", &self.coap_options),
            ("malformed", &self.malformed),
        ]
    }

    pub(crate) fn print(&self, as_json: bool) {
        if as_json {
            let mut o = Map::new();
            for (name, map) in self.sections() {
                o.insert(name.into(), json!(map));
            }
            o.insert("malformed_total".into(), self.malformed.values().sum::<u64>().into());
            o.insert("incomplete".into(), self.incomplete.into());
            println!("{}", Value::Object(o));
            return;
        }
        for (name, map) in self.sections() {
            if map.is_empty() {
                continue;
            }
            println!("{name}:");
            for (k, v) in map {
                println!("  {v:>8}  {k}");
            }
        }
        println!("malformed: {}", self.malformed.values().sum::<u64>());
        println!("incomplete: {}", self.incomplete);
    }
}
