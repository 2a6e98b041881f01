//! Our JSON beside `tshark -T json`, field by field, for every MQTT and CoAP PDU of the sample capture
//! and of a capture recorded now: MQTT type, flags, QoS, topic, packet identifier, payload, CONNECT
//! fields, reason codes, property identifiers; CoAP type, code, message ID, token, length, every
//! option's number and length and, where tshark decodes it, its value, and the payload length.
//! Any difference fails. Runs where tshark is installed (`.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use common::{decode_json, record, sample, scratch};
use serde_json::Value;

/// A tshark value that may be one string or, for repeated fields, a list.
fn list(v: Option<&Value>) -> Vec<String> {
    match v {
        None => vec![],
        Some(Value::Array(a)) => {
            a.iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect()
        }
        Some(x) => vec![x.as_str().unwrap_or_default().to_string()],
    }
}

fn one(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(String::from)
}

/// tshark writes hex with colons between bytes.
fn colon_hex(s: &str) -> String {
    s.replace(':', "")
}

/// tshark's PDUs, by frame number: (protocol, fields).
fn tshark(capture: &Path) -> Option<BTreeMap<u64, Vec<(String, Value)>>> {
    let bin = interop_support::peer(&["tshark"])?;
    let out = interop_support::run_bounded(
        &bin,
        &[
            "-r",
            capture.to_str().unwrap(),
            "-T",
            "json",
            "--no-duplicate-keys",
            "-Y",
            "mqtt or coap",
        ],
        Duration::from_secs(120),
    );
    assert!(out.status.success(), "tshark: {}", String::from_utf8_lossy(&out.stderr));
    let packets: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut by_frame = BTreeMap::new();
    for p in packets {
        let layers = &p["_source"]["layers"];
        let frame: u64 = layers["frame"]["frame.number"].as_str().unwrap().parse().unwrap();
        let tcp = layers.get("tcp").is_some();
        let mut pdus = Vec::new();
        for (key, proto) in [("mqtt", "mqtt"), ("coap", if tcp { "coap-tcp" } else { "coap" })] {
            match layers.get(key) {
                Some(Value::Array(a)) => {
                    pdus.extend(a.iter().map(|x| (proto.to_string(), x.clone())))
                }
                Some(x) => pdus.push((proto.to_string(), x.clone())),
                None => {}
            }
        }
        by_frame.insert(frame, pdus);
    }
    Some(by_frame)
}

const MQTT_TYPES: [&str; 15] = [
    "CONNECT",
    "CONNACK",
    "PUBLISH",
    "PUBACK",
    "PUBREC",
    "PUBREL",
    "PUBCOMP",
    "SUBSCRIBE",
    "SUBACK",
    "UNSUBSCRIBE",
    "UNSUBACK",
    "PINGREQ",
    "PINGRESP",
    "DISCONNECT",
    "AUTH",
];

fn flag(b: bool) -> String {
    u8::from(b).to_string()
}

fn compare_mqtt(ours: &Value, ts: &Value, at: &str) {
    let ty = ours["type"].as_str().unwrap();
    let number = MQTT_TYPES.iter().position(|t| *t == ty).unwrap() + 1;
    let hdr = &ts["mqtt.hdrflags_tree"];
    assert_eq!(one(hdr, "mqtt.msgtype"), Some(number.to_string()), "{at}: type");
    if let Some(id) = ours.get("packet_id") {
        assert_eq!(one(ts, "mqtt.msgid"), Some(id.to_string()), "{at}: packet id");
    }
    let props_ts = list(ts.get("mqtt.properties").and_then(|p| p.get("mqtt.property_id")));
    if let Some(Value::Array(props)) = ours.get("properties") {
        let ids: Vec<String> =
            props.iter().map(|p| format!("0x{:02x}", p["id"].as_u64().unwrap())).collect();
        assert_eq!(ids, props_ts, "{at}: property identifiers");
    }
    match ty {
        "PUBLISH" => {
            assert_eq!(one(hdr, "mqtt.dupflag"), Some(flag(ours["dup"] == true)), "{at}: dup");
            assert_eq!(one(hdr, "mqtt.qos"), Some(ours["qos"].to_string()), "{at}: qos");
            assert_eq!(one(hdr, "mqtt.retain"), Some(flag(ours["retain"] == true)), "{at}: retain");
            assert_eq!(one(ts, "mqtt.topic").as_deref(), ours["topic"].as_str(), "{at}: topic");
            let payload = one(ts, "mqtt.msg").map(|h| colon_hex(&h)).unwrap_or_default();
            assert_eq!(payload, ours["payload"]["hex"].as_str().unwrap(), "{at}: payload");
            if let Some(ct) = ts["mqtt.properties"].get("mqtt.property.content_type") {
                let ours_ct =
                    ours["properties"].as_array().unwrap().iter().find(|p| p["id"] == 3).unwrap();
                assert_eq!(ct, &ours_ct["value"], "{at}: content type");
            }
        }
        "CONNECT" => {
            assert_eq!(
                one(ts, "mqtt.protoname").as_deref(),
                ours["protocol_name"].as_str(),
                "{at}"
            );
            assert_eq!(one(ts, "mqtt.ver"), Some(ours["protocol_level"].to_string()), "{at}");
            assert_eq!(one(ts, "mqtt.kalive"), Some(ours["keep_alive"].to_string()), "{at}");
            assert_eq!(
                one(ts, "mqtt.clientid").unwrap_or_default(),
                ours["client_id"].as_str().unwrap(),
                "{at}"
            );
            let flags = &ts["mqtt.conflags_tree"];
            assert_eq!(
                one(flags, "mqtt.conflag.cleansess"),
                Some(flag(ours["clean_start"] == true)),
                "{at}"
            );
            assert_eq!(
                one(flags, "mqtt.conflag.uname"),
                Some(flag(ours.get("username").is_some())),
                "{at}"
            );
            assert_eq!(
                one(flags, "mqtt.conflag.passwd"),
                Some(flag(ours.get("password").is_some())),
                "{at}"
            );
            assert_eq!(
                one(flags, "mqtt.conflag.willflag"),
                Some(flag(ours.get("will").is_some())),
                "{at}"
            );
        }
        "CONNACK" => {
            let sp = one(&ts["mqtt.conack.flags_tree"], "mqtt.conack.flags.sp");
            assert_eq!(sp, Some(flag(ours["session_present"] == true)), "{at}: session present");
            let code = one(ts, "mqtt.conack.val").or_else(|| one(ts, "mqtt.connack.reason_code"));
            assert_eq!(code, Some(ours["reason_code"]["value"].to_string()), "{at}: return code");
        }
        "SUBSCRIBE" => {
            let subs = ours["subscriptions"].as_array().unwrap();
            let filters: Vec<String> =
                subs.iter().map(|s| s["filter"].as_str().unwrap().to_string()).collect();
            assert_eq!(list(ts.get("mqtt.topic")), filters, "{at}: filters");
            let mut qos = list(ts.get("mqtt.sub.qos"));
            if qos.is_empty() {
                let tree = ts.get("mqtt.subscription_options_tree");
                qos = match tree {
                    Some(Value::Array(a)) => {
                        a.iter().filter_map(|t| one(t, "mqtt.subscription_options_qos")).collect()
                    }
                    Some(t) => one(t, "mqtt.subscription_options_qos").into_iter().collect(),
                    None => vec![],
                };
            }
            let ours_qos: Vec<String> = subs.iter().map(|s| s["qos"].to_string()).collect();
            assert_eq!(qos, ours_qos, "{at}: requested QoS");
        }
        "SUBACK" => {
            let mut codes = list(ts.get("mqtt.suback.qos"));
            codes.extend(list(ts.get("mqtt.suback.reason_code")));
            let ours_codes: Vec<String> = ours["reason_codes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["value"].to_string())
                .collect();
            assert_eq!(codes, ours_codes, "{at}: SUBACK codes");
        }
        "UNSUBSCRIBE" => {
            let filters: Vec<String> = ours["filters"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap().to_string())
                .collect();
            assert_eq!(list(ts.get("mqtt.topic")), filters, "{at}: filters");
        }
        _ => {}
    }
}

/// String-valued and uint-valued option fields tshark decodes, by its field name.
const STRING_OPTIONS: [&str; 6] =
    ["uri_path", "uri_query", "uri_host", "location_path", "location_query", "proxy_uri"];
const UINT_OPTIONS: [&str; 6] = ["max_age", "size1", "size2", "uri_port", "observe", "accept"];

fn compare_option(ours: &Value, ts: &Value, at: &str) {
    let desc = one(ts, "coap.opt.desc").unwrap_or_default();
    let number = desc.strip_prefix("Type ").and_then(|r| r.split(',').next()).unwrap_or_default();
    assert_eq!(number, ours["number"].to_string(), "{at}: option number");
    let hex = ours["hex"].as_str().unwrap();
    assert_eq!(
        one(ts, "coap.opt.length"),
        Some((hex.len() / 2).to_string()),
        "{at}: option length"
    );
    for name in STRING_OPTIONS {
        if let Some(v) = one(ts, &format!("coap.opt.{name}")) {
            assert_eq!(Some(v.as_str()), ours["string"].as_str(), "{at}: {name}");
        }
    }
    for name in UINT_OPTIONS {
        if let Some(v) = one(ts, &format!("coap.opt.{name}")) {
            assert_eq!(v, ours["uint"].to_string(), "{at}: {name}");
        }
    }
    if let Some(etag) = one(ts, "coap.opt.etag") {
        assert_eq!(colon_hex(&etag), hex, "{at}: ETag");
    }
    if let Some(num) = one(ts, "coap.opt.block_number") {
        let v = u64::from_str_radix(if hex.is_empty() { "0" } else { hex }, 16).unwrap();
        assert_eq!(num, (v >> 4).to_string(), "{at}: block number");
        assert_eq!(one(ts, "coap.opt.block_mflag"), Some(((v >> 3) & 1).to_string()), "{at}: M");
        assert_eq!(one(ts, "coap.opt.block_size"), Some((v & 7).to_string()), "{at}: SZX");
    }
}

fn compare_coap(ours: &Value, ts: &Value, at: &str) {
    let code =
        ours["code"]["class"].as_u64().unwrap() * 32 + ours["code"]["detail"].as_u64().unwrap();
    assert_eq!(one(ts, "coap.code"), Some(code.to_string()), "{at}: code");
    let token = one(ts, "coap.token").map(|t| colon_hex(&t)).unwrap_or_default();
    assert_eq!(token, ours["token"].as_str().unwrap(), "{at}: token");
    if ours["proto"] == "coap" {
        let types = ["CON", "NON", "ACK", "RST"];
        let ty = types.iter().position(|t| ours["type"] == *t).unwrap();
        assert_eq!(one(ts, "coap.type"), Some(ty.to_string()), "{at}: type");
        assert_eq!(one(ts, "coap.mid"), Some(ours["mid"].to_string()), "{at}: message ID");
    } else {
        assert_eq!(one(ts, "coap.length"), Some(ours["length"].to_string()), "{at}: frame length");
    }
    let ts_options: Vec<Value> = match ts.get("coap.opt.name_tree") {
        Some(Value::Array(a)) => a.clone(),
        Some(x) => vec![x.clone()],
        None => vec![],
    };
    let options = ours["options"].as_array().unwrap();
    assert_eq!(ts_options.len(), options.len(), "{at}: option count");
    for (i, (o, t)) in options.iter().zip(&ts_options).enumerate() {
        compare_option(o, t, &format!("{at} option {i}"));
    }
    // tshark shows a block's payload as `coap.block_length` and puts the reassembled body on the
    // last block (`coap.blocks`), where only the block's own length is comparable.
    if ts.get("coap.blocks").is_none() {
        let len = one(ts, "coap.block_length")
            .or_else(|| ts.get("coap.payload_tree").and_then(|p| one(p, "coap.payload_length")));
        assert_eq!(
            len.unwrap_or_else(|| "0".into()),
            ours["payload"]["len"].to_string(),
            "{at}: payload length"
        );
    }
}

fn compare_capture(capture: &Path) {
    let Some(theirs) = tshark(capture) else { return };
    let (pdus, out) = decode_json(&[capture], &[]);
    assert!(out.status.success());
    let mut ours: BTreeMap<u64, Vec<&Value>> = BTreeMap::new();
    for p in &pdus {
        ours.entry(p["frame"].as_u64().unwrap()).or_default().push(p);
    }
    let ours_frames: Vec<u64> = ours.keys().copied().collect();
    let their_frames: Vec<u64> =
        theirs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, _)| *k).collect();
    assert_eq!(ours_frames, their_frames, "frames holding MQTT or CoAP PDUs");
    let mut compared = 0;
    for (frame, list) in &ours {
        let t = &theirs[frame];
        assert_eq!(list.len(), t.len(), "frame {frame}: PDU count");
        for (i, (o, (proto, ts))) in list.iter().zip(t).enumerate() {
            let at = format!("{} frame {frame} PDU {i}", capture.display());
            assert_eq!(o["proto"].as_str(), Some(proto.as_str()), "{at}");
            if proto == "mqtt" {
                compare_mqtt(o, ts, &at);
            } else {
                compare_coap(o, ts, &at);
            }
            compared += 1;
        }
    }
    assert_eq!(compared, pdus.len());
}

#[test]
fn sample_matches_tshark() {
    compare_capture(&sample());
}

#[test]
fn fresh_recording_matches_tshark() {
    let dir = scratch("tshark_recorded");
    if let Some(capture) = record(&dir) {
        compare_capture(&capture);
    }
}
