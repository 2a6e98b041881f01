//! A CoAP message (UDP, TCP or WebSocket) as a one-line summary and as JSON fields: header, token,
//! every option by number and name with its value as hex and, where the format is known, as uint or
//! string, the payload, and link-format payloads expanded into links.

use coap_codec::registry::{self, OptionFormat};
use coap_codec::{Code, ContentFormat, Message, Options, ReliableMessage, Signal};
use serde_json::{json, Map, Value};

use crate::json;

/// The fields shared by every transport: code, token, options, payload.
fn common(
    f: &mut Map<String, Value>,
    code: Code,
    token: &[u8],
    options: Options<'_>,
    payload: &[u8],
    signaling: bool,
) -> String {
    f.insert("code".into(), code_json(code));
    f.insert("token".into(), json::hex(token).into());
    let opts: Vec<Value> = options
        .clone()
        .map(|o| option_json(code, o.number().value(), o.value(), signaling))
        .collect();
    f.insert("options".into(), opts.into());
    f.insert("payload".into(), json::bytes(payload));
    if options.content_format() == Some(ContentFormat::LINK_FORMAT)
        && !signaling
        && !payload.is_empty()
    {
        f.insert("links".into(), crate::linkformat_view::links(payload));
    }
    let mut line = format!("{} token={}", code_text(code), json::hex(token));
    let names: Vec<String> = options
        .map(|o| {
            let n = o.number().value();
            let name = if signaling { signal_option_name(code, n) } else { option_name(n) };
            match display_value(code, n, o.value(), signaling) {
                Some(v) => format!("{name}={v}"),
                None => name,
            }
        })
        .collect();
    if !names.is_empty() {
        line.push(' ');
        line.push_str(&names.join(" "));
    }
    if !payload.is_empty() {
        line.push_str(&format!(" payload={}", json::short(payload)));
    }
    line
}

/// A UDP datagram's message.
pub(crate) fn udp(m: &Message<'_>) -> (String, Map<String, Value>) {
    let mut f = Map::new();
    f.insert("type".into(), type_name(m.message_type()).into());
    f.insert("mid".into(), m.message_id().into());
    let rest = common(&mut f, m.code(), m.token(), m.options(), m.payload(), false);
    let line = format!("{} mid={} {rest}", short_type(m.message_type()), m.message_id());
    (line, f)
}

/// A TCP frame or WebSocket message.
pub(crate) fn reliable(m: &ReliableMessage<'_>) -> (String, Map<String, Value>) {
    let mut f = Map::new();
    f.insert("length".into(), m.frame_len().into());
    let signaling = m.code().is_signaling();
    let line = common(&mut f, m.code(), m.token(), m.options(), m.payload(), signaling);
    if let Some(s) = m.signal() {
        f.insert("signal".into(), signal_json(&s));
    }
    (line, f)
}

fn signal_json(s: &Signal<'_>) -> Value {
    match s {
        Signal::Csm(c) => json!({
            "max_message_size": c.max_message_size,
            "block_wise_transfer": c.block_wise_transfer,
            "extended_token_length": c.extended_token_length,
        }),
        Signal::Ping { custody } | Signal::Pong { custody } => json!({ "custody": custody }),
        Signal::Release(r) => json!({
            "alternative_addresses": r.alternative_addresses().collect::<Vec<_>>(),
            "hold_off": r.hold_off,
        }),
        Signal::Abort(a) => json!({ "bad_csm_option": a.bad_csm_option }),
        _ => Value::Null,
    }
}

fn code_json(code: Code) -> Value {
    json!({
        "class": code.class(),
        "detail": code.detail(),
        "text": format!("{}.{:02}", code.class(), code.detail()),
        "name": code.name(),
    })
}

fn code_text(code: Code) -> String {
    match code.name() {
        Some(n) if code.is_request() => n.to_string(),
        Some(n) => format!("{}.{:02} {n}", code.class(), code.detail()),
        None => format!("{}.{:02}", code.class(), code.detail()),
    }
}

fn type_name(t: coap_codec::Type) -> &'static str {
    match t {
        coap_codec::Type::Confirmable => "CON",
        coap_codec::Type::NonConfirmable => "NON",
        coap_codec::Type::Acknowledgement => "ACK",
        coap_codec::Type::Reset => "RST",
    }
}

fn short_type(t: coap_codec::Type) -> &'static str {
    type_name(t)
}

fn option_name(n: u16) -> String {
    registry::lookup(coap_codec::OptionNumber(n))
        .map_or_else(|| format!("option{n}"), |d| d.name.to_string())
}

/// The signaling options whose format is uint (RFC 8323 §5.3.1, §5.5, §5.6; RFC 8974 §2.2.1).
fn name_is_uint(code: Code, n: u16) -> bool {
    matches!((code, n), (Code::CSM, 2 | 6) | (Code::RELEASE, 4) | (Code::ABORT, 2))
}

fn signal_option_name(code: Code, n: u16) -> String {
    coap_codec::signal::option_name(code, coap_codec::OptionNumber(n))
        .map_or_else(|| format!("option{n}"), str::to_string)
}

/// One option: number, name, hex value, and uint or string where the registry gives the format.
fn option_json(code: Code, n: u16, value: &[u8], signaling: bool) -> Value {
    let mut o = Map::new();
    o.insert("number".into(), n.into());
    if signaling {
        if let Some(name) = coap_codec::signal::option_name(code, coap_codec::OptionNumber(n)) {
            o.insert("name".into(), name.into());
        }
        if matches!(value.len(), 1..=4) {
            let v = value.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
            if name_is_uint(code, n) {
                o.insert("uint".into(), v.into());
            }
        }
    } else {
        if let Some(d) = registry::lookup(coap_codec::OptionNumber(n)) {
            o.insert("name".into(), d.name.into());
            match d.format {
                OptionFormat::Uint if value.len() <= 8 => {
                    let v = value.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
                    o.insert("uint".into(), v.into());
                }
                OptionFormat::String => {
                    if let Ok(s) = std::str::from_utf8(value) {
                        o.insert("string".into(), s.into());
                    }
                }
                _ => {}
            }
        }
    }
    o.insert("hex".into(), json::hex(value).into());
    Value::Object(o)
}

/// The value shown on the summary line: strings as they are, uints as numbers (Block options as
/// NUM/M/size), opaque values as hex.
fn display_value(code: Code, n: u16, value: &[u8], signaling: bool) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    if signaling {
        let v = value.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        return Some(if name_is_uint(code, n) {
            v.to_string()
        } else {
            format!("0x{}", json::hex(value))
        });
    }
    let format = registry::lookup(coap_codec::OptionNumber(n)).map(|d| d.format);
    let uint = || value.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    Some(match (n, format) {
        (19 | 23 | 27 | 31, _) if value.len() <= 3 => {
            let v = uint();
            format!("{}/{}/{}", v >> 4, (v >> 3) & 1, 16u64 << (v & 7).min(6))
        }
        (_, Some(OptionFormat::String)) => match std::str::from_utf8(value) {
            Ok(s) => format!("{s:?}"),
            Err(_) => format!("0x{}", json::hex(value)),
        },
        (_, Some(OptionFormat::Uint)) if value.len() <= 8 => uint().to_string(),
        _ => format!("0x{}", json::hex(value)),
    })
}
