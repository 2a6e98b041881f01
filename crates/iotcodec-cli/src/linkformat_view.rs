//! A CoRE Link Format payload expanded into links and attributes (RFC 6690), strictly parsed; a
//! payload the strict parser refuses gives an `error` with its kind and offset.

use linkformat::Value as AttrValue;
use serde_json::{json, Map, Value};

/// `[{"target", "attributes": [{"name", "value"}]}]`, or `{"error": {"kind", "offset"}}`.
pub(crate) fn links(payload: &[u8]) -> Value {
    let mut out = Vec::new();
    for link in linkformat::parse(payload) {
        match link {
            Ok(l) => {
                let attrs: Vec<Value> = l
                    .attrs()
                    .map(|a| {
                        let value = match a.value {
                            AttrValue::Flag => Value::Bool(true),
                            AttrValue::Token(t) => Value::from(t),
                            AttrValue::Quoted(q) => {
                                let bytes: Vec<u8> = q.bytes().collect();
                                Value::from(String::from_utf8_lossy(&bytes).into_owned())
                            }
                        };
                        json!({ "name": a.name, "value": value })
                    })
                    .collect();
                out.push(json!({ "target": l.target(), "attributes": attrs }));
            }
            Err(e) => {
                return json!({ "links": out, "error": { "kind": format!("{:?}", e.kind()), "offset": e.offset() } });
            }
        }
    }
    Value::Array(out)
}

/// A link-format payload on its own (`--proto linkformat`): the summary and fields.
pub(crate) fn view(payload: &[u8]) -> Result<(String, Map<String, Value>), (String, usize)> {
    let mut targets = Vec::new();
    for link in linkformat::parse(payload) {
        match link {
            Ok(l) => targets.push(l.target().to_string()),
            Err(e) => return Err((format!("{:?}", e.kind()), e.offset())),
        }
    }
    let mut f = Map::new();
    f.insert("links".into(), links(payload));
    Ok((format!("{} links: {}", targets.len(), targets.join(" ")), f))
}
