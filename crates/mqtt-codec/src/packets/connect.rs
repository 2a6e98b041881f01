//! CONNECT (MQTT 5.0 §3.1, 3.1.1 §3.1, MQTT 3.1 with `MQIsdp`).

use crate::error::{DecodeError, ErrorKind};
use crate::packets::{finish, QoS};
use crate::properties::{read_properties_if_v5, Context, Properties};
use crate::reader::{check_utf8, Reader};
use crate::topic::check_topic_name;
use crate::{Leniency, ProtocolVersion};

/// The Will Message of a CONNECT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Will<'a> {
    /// Will QoS.
    pub qos: QoS,
    /// Will Retain.
    pub retain: bool,
    /// Will Properties (5.0).
    pub properties: Properties<'a>,
    /// Will Topic.
    pub topic: &'a str,
    /// Will Payload.
    pub payload: &'a [u8],
}

/// A CONNECT packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Connect<'a> {
    /// The protocol version it asks for.
    pub version: ProtocolVersion,
    /// Clean Start (5.0) or Clean Session (3.1.1).
    pub clean_start: bool,
    /// Keep Alive, seconds.
    pub keep_alive: u16,
    /// CONNECT properties (5.0).
    pub properties: Properties<'a>,
    /// Client Identifier (may be empty).
    pub client_id: &'a str,
    /// The Will, if the Will Flag is set.
    pub will: Option<Will<'a>>,
    /// User Name.
    pub username: Option<&'a str>,
    /// Password.
    pub password: Option<&'a [u8]>,
}

impl<'a> Connect<'a> {
    /// Decodes a CONNECT body; `base` is the fixed-header length, for offsets.
    pub(crate) fn decode(
        body: &'a [u8],
        base: usize,
        leniency: Leniency,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let name_at = r.offset();
        // The two names a server knows are compared as bytes; only another name is decoded, so that
        // a malformed one is reported as such (UTF-8, U+0000) before being an unknown protocol.
        let name = r.binary()?;
        if !matches!(name, b"MQTT" | b"MQIsdp") {
            check_utf8(name).map_err(|e| e.shifted(name_at + 2))?;
        }
        let level_at = r.offset();
        let level = r.u8()?;
        let version = match (name, level) {
            (b"MQTT", 4) => ProtocolVersion::V3_1_1,
            (b"MQTT", 5) => ProtocolVersion::V5,
            (b"MQIsdp", 3) => ProtocolVersion::V3_1,
            (b"MQTT", _) | (b"MQIsdp", _) => {
                return Err(DecodeError::new(ErrorKind::UnsupportedProtocolVersion, level_at))
            }
            _ => return Err(DecodeError::new(ErrorKind::InvalidProtocolName, name_at)),
        };
        let flags_at = r.offset();
        let flags = r.u8()?;
        if flags & 0x01 != 0 {
            return Err(DecodeError::new(ErrorKind::ReservedConnectFlag, flags_at));
        }
        let will_flag = flags & 0x04 != 0;
        let will_qos_bits = (flags >> 3) & 0b11;
        let will_retain = flags & 0x20 != 0;
        let password_flag = flags & 0x40 != 0;
        let username_flag = flags & 0x80 != 0;
        let will_qos = QoS::from_bits(will_qos_bits);
        if (!will_flag && (will_qos_bits != 0 || will_retain)) || will_qos.is_none() {
            return Err(DecodeError::new(ErrorKind::InvalidWillFlags, flags_at));
        }
        if password_flag
            && !username_flag
            && !version.is_v5()
            && !leniency.password_without_username
        {
            return Err(DecodeError::new(ErrorKind::PasswordWithoutUsername, flags_at));
        }
        let keep_alive = r.u16()?;
        let properties = read_properties_if_v5(&mut r, version, Context::Connect)?;
        let client_id = r.utf8()?;
        let will = if will_flag {
            let properties = read_properties_if_v5(&mut r, version, Context::Will)?;
            let topic_at = r.offset() + 2;
            // One pass for NUL and wildcards (`check_topic_name`), as in PUBLISH.
            let topic = r.utf8_without_nul_check()?;
            check_topic_name(topic).map_err(|e| e.shifted(topic_at))?;
            let payload = r.binary()?;
            Some(Will {
                qos: will_qos.unwrap_or(QoS::AtMostOnce),
                retain: will_retain,
                properties,
                topic,
                payload,
            })
        } else {
            None
        };
        let username = if username_flag { Some(r.utf8()?) } else { None };
        let password = if password_flag { Some(r.binary()?) } else { None };
        finish(&r)?;
        Ok(Self {
            version,
            clean_start: flags & 0x02 != 0,
            keep_alive,
            properties,
            client_id,
            will,
            username,
            password,
        })
    }
}
