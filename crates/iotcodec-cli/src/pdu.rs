//! What the decoder hands to the printers: one PDU, decoded, malformed or cut short, with where it
//! came from.

use serde_json::{Map, Value};

use crate::args::Proto;

/// Where a PDU was found: the capture frame that completed it, its time and addresses. Empty for
/// `--hex` and `--raw` input.
#[derive(Debug, Clone, Default)]
pub(crate) struct Origin {
    /// 1-based frame number in the capture.
    pub(crate) frame: Option<u64>,
    /// Seconds since the Unix epoch.
    pub(crate) time: Option<f64>,
    /// `address:port` of the sender.
    pub(crate) src: Option<String>,
    /// `address:port` of the receiver.
    pub(crate) dst: Option<String>,
}

/// One PDU.
#[derive(Debug, Clone)]
pub(crate) struct Pdu {
    pub(crate) origin: Origin,
    pub(crate) proto: Proto,
    pub(crate) body: Body,
}

#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// Decoded: a one-line summary and every field.
    Decoded { summary: String, fields: Map<String, Value> },
    /// Refused by the codec: the error kind, its byte offset in the PDU, and the PDU's bytes.
    Malformed { kind: String, offset: usize, bytes: Vec<u8> },
    /// A stream ended inside a PDU: how many bytes were there and how many more were needed.
    Incomplete { have: usize, needed: String },
}

impl Pdu {
    pub(crate) fn is_malformed(&self) -> bool {
        matches!(self.body, Body::Malformed { .. })
    }

    /// The PDU as one JSON object: origin, protocol, then the fields, an `error` object or an
    /// `incomplete` object.
    pub(crate) fn to_json(&self) -> Value {
        let mut o = Map::new();
        if let Some(f) = self.origin.frame {
            o.insert("frame".into(), f.into());
        }
        if let Some(t) = self.origin.time {
            o.insert("time".into(), t.into());
        }
        if let Some(s) = &self.origin.src {
            o.insert("src".into(), s.clone().into());
        }
        if let Some(d) = &self.origin.dst {
            o.insert("dst".into(), d.clone().into());
        }
        o.insert("proto".into(), self.proto.name().into());
        match &self.body {
            Body::Decoded { fields, .. } => o.extend(fields.clone()),
            Body::Malformed { kind, offset, bytes } => {
                let mut e = Map::new();
                e.insert("kind".into(), kind.clone().into());
                e.insert("offset".into(), (*offset).into());
                e.insert("length".into(), bytes.len().into());
                e.insert("hex".into(), crate::json::hex(bytes).into());
                o.insert("error".into(), Value::Object(e));
            }
            Body::Incomplete { have, needed } => {
                let mut e = Map::new();
                e.insert("have".into(), (*have).into());
                e.insert("needed".into(), needed.clone().into());
                o.insert("incomplete".into(), Value::Object(e));
            }
        }
        Value::Object(o)
    }
}
