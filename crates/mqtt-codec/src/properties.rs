//! MQTT 5.0 properties (§2.2.2): every identifier with its type, checked up front against the packet
//! that carries it, for duplicates and for value ranges, so that iterating them cannot fail.

use core::iter::FusedIterator;

use crate::error::{DecodeError, ErrorKind};
use crate::reader::Reader;

/// A property identifier (MQTT 5.0 Table 2-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PropertyId(pub u8);

/// Where a property set stands; each identifier is allowed in some of these (MQTT 5.0 Table 2-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Context {
    /// CONNECT properties.
    Connect,
    /// The Will Properties inside CONNECT.
    Will,
    /// CONNACK.
    Connack,
    /// PUBLISH.
    Publish,
    /// PUBACK, PUBREC, PUBREL, PUBCOMP.
    PubAck,
    /// SUBSCRIBE.
    Subscribe,
    /// SUBACK.
    Suback,
    /// UNSUBSCRIBE.
    Unsubscribe,
    /// UNSUBACK.
    Unsuback,
    /// DISCONNECT.
    Disconnect,
    /// AUTH.
    Auth,
}

impl Context {
    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// How a property's value is encoded (MQTT 5.0 §1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Byte,
    U16,
    U32,
    VarInt,
    Utf8,
    Binary,
    Pair,
}

macro_rules! ids {
    ($($name:ident = ($id:literal, $kind:ident, [$($ctx:ident),*]);)*) => {
        impl PropertyId {
            $(#[doc = concat!("0x", stringify!($id), " ", stringify!($name), ".")]
            pub const $name: PropertyId = PropertyId($id);)*

            /// The name of the property in the MQTT 5.0 specification (§2.2.2.2), in the constant's
            /// spelling, for display; `None` for an identifier the specification does not define.
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $($id => Some(stringify!($name)),)*
                    _ => None,
                }
            }
        }

        /// The type and the contexts of an identifier.
        const fn spec(id: u8) -> Option<(Kind, u16)> {
            match id {
                $($id => Some((Kind::$kind, 0 $(| Context::$ctx.bit())*)),)*
                _ => None,
            }
        }
    };
}

ids! {
    PAYLOAD_FORMAT_INDICATOR = (0x01, Byte, [Publish, Will]);
    MESSAGE_EXPIRY_INTERVAL = (0x02, U32, [Publish, Will]);
    CONTENT_TYPE = (0x03, Utf8, [Publish, Will]);
    RESPONSE_TOPIC = (0x08, Utf8, [Publish, Will]);
    CORRELATION_DATA = (0x09, Binary, [Publish, Will]);
    SUBSCRIPTION_IDENTIFIER = (0x0B, VarInt, [Publish, Subscribe]);
    SESSION_EXPIRY_INTERVAL = (0x11, U32, [Connect, Connack, Disconnect]);
    ASSIGNED_CLIENT_IDENTIFIER = (0x12, Utf8, [Connack]);
    SERVER_KEEP_ALIVE = (0x13, U16, [Connack]);
    AUTHENTICATION_METHOD = (0x15, Utf8, [Connect, Connack, Auth]);
    AUTHENTICATION_DATA = (0x16, Binary, [Connect, Connack, Auth]);
    REQUEST_PROBLEM_INFORMATION = (0x17, Byte, [Connect]);
    WILL_DELAY_INTERVAL = (0x18, U32, [Will]);
    REQUEST_RESPONSE_INFORMATION = (0x19, Byte, [Connect]);
    RESPONSE_INFORMATION = (0x1A, Utf8, [Connack]);
    SERVER_REFERENCE = (0x1C, Utf8, [Connack, Disconnect]);
    REASON_STRING = (0x1F, Utf8, [Connack, PubAck, Suback, Unsuback, Disconnect, Auth]);
    RECEIVE_MAXIMUM = (0x21, U16, [Connect, Connack]);
    TOPIC_ALIAS_MAXIMUM = (0x22, U16, [Connect, Connack]);
    TOPIC_ALIAS = (0x23, U16, [Publish]);
    MAXIMUM_QOS = (0x24, Byte, [Connack]);
    RETAIN_AVAILABLE = (0x25, Byte, [Connack]);
    USER_PROPERTY = (0x26, Pair, [Connect, Will, Connack, Publish, PubAck, Subscribe, Suback, Unsubscribe, Unsuback, Disconnect, Auth]);
    MAXIMUM_PACKET_SIZE = (0x27, U32, [Connect, Connack]);
    WILDCARD_SUBSCRIPTION_AVAILABLE = (0x28, Byte, [Connack]);
    SUBSCRIPTION_IDENTIFIER_AVAILABLE = (0x29, Byte, [Connack]);
    SHARED_SUBSCRIPTION_AVAILABLE = (0x2A, Byte, [Connack]);
}

/// A property value, borrowed from the packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PropertyValue<'a> {
    /// A Byte.
    Byte(u8),
    /// A Two Byte Integer.
    U16(u16),
    /// A Four Byte Integer.
    U32(u32),
    /// A Variable Byte Integer.
    VarInt(u32),
    /// A UTF-8 Encoded String.
    Utf8(&'a str),
    /// Binary Data.
    Binary(&'a [u8]),
    /// A UTF-8 String Pair (User Property).
    Pair(&'a str, &'a str),
}

/// One property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Property<'a> {
    /// Its identifier.
    pub id: PropertyId,
    /// Its value.
    pub value: PropertyValue<'a>,
}

/// Reads one property that was checked before, for iteration: its strings were checked for U+0000
/// then, and only need their `&str` now. `text` is set at the first string: the block from there on
/// as `&str` when it is UTF-8, out of which each string is sliced (see [`Reader::utf8_in_tail`]).
fn read_one<'a>(
    r: &mut Reader<'a>,
    text: &mut Option<Option<(&'a str, usize)>>,
) -> Result<Property<'a>, DecodeError> {
    let at = r.offset();
    let id = r.varint()?;
    let Some((kind, _)) = u8::try_from(id).ok().and_then(spec) else {
        return Err(r.error_at(ErrorKind::UnknownProperty, at));
    };
    let value = match kind {
        Kind::Byte => PropertyValue::Byte(r.u8()?),
        Kind::U16 => PropertyValue::U16(r.u16()?),
        Kind::U32 => PropertyValue::U32(r.u32()?),
        Kind::VarInt => PropertyValue::VarInt(r.varint()?),
        Kind::Binary => PropertyValue::Binary(r.binary()?),
        Kind::Utf8 | Kind::Pair => {
            let tail = *text.get_or_insert_with(|| r.text_from_here());
            let first = r.utf8_in_tail(tail)?;
            if kind == Kind::Utf8 {
                PropertyValue::Utf8(first)
            } else {
                PropertyValue::Pair(first, r.utf8_in_tail(tail)?)
            }
        }
    };
    Ok(Property { id: PropertyId(id as u8), value })
}

/// What the checking pass keeps of a property: its identifier, the packets it may appear in, and
/// its value when it is a number (for the range rules).
struct Checked {
    id: PropertyId,
    kind: Kind,
    contexts: u16,
    number: Option<u32>,
}

/// Reads and checks one property (type, length, UTF-8 and U+0000) without building its value.
fn check_one(r: &mut Reader<'_>) -> Result<Checked, DecodeError> {
    let at = r.offset();
    let id = r.varint()?;
    let Some((kind, contexts)) = u8::try_from(id).ok().and_then(spec) else {
        return Err(r.error_at(ErrorKind::UnknownProperty, at));
    };
    let number = match kind {
        Kind::Byte => Some(u32::from(r.u8()?)),
        Kind::U16 => Some(u32::from(r.u16()?)),
        Kind::U32 => Some(r.u32()?),
        Kind::VarInt => Some(r.varint()?),
        Kind::Utf8 => r.skip_utf8().map(|()| None)?,
        Kind::Binary => r.binary().map(|_| None)?,
        Kind::Pair => r.skip_utf8().and_then(|()| r.skip_utf8()).map(|()| None)?,
    };
    Ok(Checked { id: PropertyId(id as u8), kind, contexts, number })
}

/// The properties of a packet, checked. Iterating yields them in wire order and cannot fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Properties<'a> {
    raw: &'a [u8],
}

impl<'a> Properties<'a> {
    /// No properties (and what a 3.1.1 packet has).
    pub const EMPTY: Self = Self { raw: &[] };

    /// Checks encoded properties (without their length prefix, as [`crate::write_properties`] writes
    /// them) for `context`, as the decoder does.
    pub fn parse(raw: &'a [u8], context: Context) -> Result<Self, DecodeError> {
        // The length must fit the Variable Byte Integer that will announce it.
        if raw.len() > crate::MAX_VARINT as usize {
            return Err(DecodeError::new(ErrorKind::PropertiesTruncated, 0));
        }
        let mut r = Reader::new(raw, 0);
        read_properties_body(&mut r, raw, context)
    }

    /// The encoded properties, without their length prefix.
    pub const fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether there are none.
    pub const fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The first property with this identifier.
    pub fn get(&self, id: PropertyId) -> Option<PropertyValue<'a>> {
        self.iter().find(|p| p.id == id).map(|p| p.value)
    }

    /// The properties in order.
    ///
    /// When the first string is reached, the block from there to its end is tested for UTF-8 once:
    /// when it passes (the usual case: identifiers, lengths and small integers are ASCII bytes),
    /// each string is sliced out of it with two boundary tests instead of a `from_utf8` call per
    /// string. Otherwise (binary data, a Four Byte Integer with a byte of 0x80 or more after the
    /// first string) its strings are converted one by one.
    pub fn iter(&self) -> PropertyIter<'a> {
        PropertyIter { reader: Reader::new(self.raw, 0), text: None }
    }

    /// The User Properties (name, value), in order.
    pub fn user_properties(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.iter().filter_map(|p| match p.value {
            PropertyValue::Pair(k, v) => Some((k, v)),
            _ => None,
        })
    }

    fn utf8(&self, id: PropertyId) -> Option<&'a str> {
        match self.get(id)? {
            PropertyValue::Utf8(s) => Some(s),
            _ => None,
        }
    }

    fn integer(&self, id: PropertyId) -> Option<u32> {
        match self.get(id)? {
            PropertyValue::Byte(b) => Some(u32::from(b)),
            PropertyValue::U16(v) => Some(u32::from(v)),
            PropertyValue::U32(v) | PropertyValue::VarInt(v) => Some(v),
            _ => None,
        }
    }

    /// Content Type (0x03).
    pub fn content_type(&self) -> Option<&'a str> {
        self.utf8(PropertyId::CONTENT_TYPE)
    }

    /// Response Topic (0x08).
    pub fn response_topic(&self) -> Option<&'a str> {
        self.utf8(PropertyId::RESPONSE_TOPIC)
    }

    /// Correlation Data (0x09).
    pub fn correlation_data(&self) -> Option<&'a [u8]> {
        match self.get(PropertyId::CORRELATION_DATA)? {
            PropertyValue::Binary(b) => Some(b),
            _ => None,
        }
    }

    /// Message Expiry Interval (0x02), seconds.
    pub fn message_expiry_interval(&self) -> Option<u32> {
        self.integer(PropertyId::MESSAGE_EXPIRY_INTERVAL)
    }

    /// Session Expiry Interval (0x11), seconds.
    pub fn session_expiry_interval(&self) -> Option<u32> {
        self.integer(PropertyId::SESSION_EXPIRY_INTERVAL)
    }

    /// Topic Alias (0x23).
    pub fn topic_alias(&self) -> Option<u16> {
        self.integer(PropertyId::TOPIC_ALIAS).and_then(|v| u16::try_from(v).ok())
    }

    /// Receive Maximum (0x21); absent means 65,535.
    pub fn receive_maximum(&self) -> Option<u16> {
        self.integer(PropertyId::RECEIVE_MAXIMUM).and_then(|v| u16::try_from(v).ok())
    }

    /// Maximum Packet Size (0x27).
    pub fn maximum_packet_size(&self) -> Option<u32> {
        self.integer(PropertyId::MAXIMUM_PACKET_SIZE)
    }

    /// Reason String (0x1F).
    pub fn reason_string(&self) -> Option<&'a str> {
        self.utf8(PropertyId::REASON_STRING)
    }

    /// The Subscription Identifiers (0x0B): one in SUBSCRIBE, any number in PUBLISH.
    pub fn subscription_identifiers(&self) -> impl Iterator<Item = u32> + 'a {
        self.iter().filter_map(|p| match p.value {
            PropertyValue::VarInt(v) if p.id == PropertyId::SUBSCRIPTION_IDENTIFIER => Some(v),
            _ => None,
        })
    }
}

/// Iterator over checked properties.
#[derive(Debug, Clone)]
pub struct PropertyIter<'a> {
    reader: Reader<'a>,
    /// Once a string was reached: the block from that string on, as `&str` when all of it is
    /// UTF-8, with the position it starts at.
    text: Option<Option<(&'a str, usize)>>,
}

impl<'a> Iterator for PropertyIter<'a> {
    type Item = Property<'a>;

    #[inline]
    fn next(&mut self) -> Option<Property<'a>> {
        if self.reader.is_empty() {
            return None;
        }
        // Checked when the packet was decoded; an error here would only end the iteration.
        read_one(&mut self.reader, &mut self.text).ok()
    }
}

impl FusedIterator for PropertyIter<'_> {}

/// The properties of a packet under `version`: read and checked in 5.0, none before.
pub(crate) fn read_properties_if_v5<'a>(
    r: &mut Reader<'a>,
    version: crate::ProtocolVersion,
    context: Context,
) -> Result<Properties<'a>, DecodeError> {
    if version.is_v5() {
        read_properties(r, context)
    } else {
        Ok(Properties::EMPTY)
    }
}

/// Reads a Property Length and the properties after it, checking every rule for `context`.
pub(crate) fn read_properties<'a>(
    r: &mut Reader<'a>,
    context: Context,
) -> Result<Properties<'a>, DecodeError> {
    let len_at = r.offset();
    let len = r.varint()? as usize;
    if len > r.remaining() {
        return Err(r.error_at(ErrorKind::PropertiesTruncated, len_at));
    }
    let start = r.offset();
    let raw = r.bytes(len)?;
    let mut inner = Reader::new(raw, start);
    read_properties_body(&mut inner, raw, context)
}

/// Checks the properties in `raw`, read through `inner` (whose base gives the offsets).
fn read_properties_body<'a>(
    inner: &mut Reader<'a>,
    raw: &'a [u8],
    context: Context,
) -> Result<Properties<'a>, DecodeError> {
    let mut seen = 0u64;
    let mut auth_method = false;
    let mut auth_data_at = None;
    while !inner.is_empty() {
        let at = inner.offset();
        let p = check_one(inner)?;
        let err = |kind| Err(DecodeError::new(kind, at));
        if p.contexts & context.bit() == 0 {
            return err(ErrorKind::PropertyNotAllowed);
        }
        let bit = 1u64 << (p.id.0 & 63);
        let repeatable = p.id == PropertyId::USER_PROPERTY
            || (p.id == PropertyId::SUBSCRIPTION_IDENTIFIER && context == Context::Publish);
        if seen & bit != 0 && !repeatable {
            return err(ErrorKind::DuplicateProperty);
        }
        seen |= bit;
        // Receive Maximum, Topic Alias, Maximum Packet Size and Subscription Identifier may not be
        // 0 (MQTT 5.0 §3.1.2.11.3, §3.3.2.3.4, §3.1.2.11.4, §3.8.2.1.2); every Byte property is 0 or
        // 1, Maximum QoS included (§3.2.2.3.4).
        let in_range = match (p.id, p.number) {
            (
                PropertyId::RECEIVE_MAXIMUM
                | PropertyId::TOPIC_ALIAS
                | PropertyId::MAXIMUM_PACKET_SIZE
                | PropertyId::SUBSCRIPTION_IDENTIFIER,
                Some(0),
            ) => false,
            (_, Some(b)) if p.kind == Kind::Byte => b <= 1,
            _ => true,
        };
        if !in_range {
            return err(ErrorKind::InvalidPropertyValue);
        }
        auth_method |= p.id == PropertyId::AUTHENTICATION_METHOD;
        if p.id == PropertyId::AUTHENTICATION_DATA {
            auth_data_at = Some(at);
        }
    }
    if let (Some(at), false) = (auth_data_at, auth_method) {
        return Err(DecodeError::new(ErrorKind::AuthDataWithoutMethod, at));
    }
    Ok(Properties { raw })
}
