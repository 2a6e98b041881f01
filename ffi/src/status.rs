//! Status values: a fixed numeric block per area, never renumbered (new values are only added).
//! 0-99 success and progress, 100-199 argument errors, 200-299 CoAP decode, 300-399 CoAP encode,
//! 400-499 MQTT (480-498 encode), 500-599 CoRE Link Format (580-598 write).

use core::ffi::c_char;

/// A status value: `IOTC_OK` (0), progress (1-99) or an error (100 and above).
pub type iotc_status = u32;

/// Success.
pub const IOTC_OK: iotc_status = 0;
/// Incomplete: more bytes are needed.
pub const IOTC_INCOMPLETE: iotc_status = 1;
/// End of iteration.
pub const IOTC_END: iotc_status = 2;
/// A required pointer argument is NULL.
pub const IOTC_ERR_NULL: iotc_status = 100;
/// An argument is out of range.
pub const IOTC_ERR_INVALID_ARGUMENT: iotc_status = 101;
/// The output buffer is too small.
pub const IOTC_ERR_BUFFER_TOO_SMALL: iotc_status = 102;
/// Not found.
pub const IOTC_ERR_NOT_FOUND: iotc_status = 103;
/// The packet or message is not of the type asked for.
pub const IOTC_ERR_WRONG_TYPE: iotc_status = 104;
/// A string argument is not UTF-8.
pub const IOTC_ERR_INVALID_UTF8: iotc_status = 105;
/// Internal error.
pub const IOTC_ERR_INTERNAL: iotc_status = 199;
/// CoAP: message too short.
pub const IOTC_COAP_MESSAGE_TOO_SHORT: iotc_status = 200;
/// CoAP: unknown version.
pub const IOTC_COAP_UNKNOWN_VERSION: iotc_status = 201;
/// CoAP: invalid token length.
pub const IOTC_COAP_INVALID_TOKEN_LENGTH: iotc_status = 202;
/// CoAP: token truncated.
pub const IOTC_COAP_TOKEN_TRUNCATED: iotc_status = 203;
/// CoAP: empty message not empty.
pub const IOTC_COAP_EMPTY_MESSAGE_NOT_EMPTY: iotc_status = 204;
/// CoAP: reserved code class.
pub const IOTC_COAP_RESERVED_CODE_CLASS: iotc_status = 205;
/// CoAP: type code mismatch.
pub const IOTC_COAP_TYPE_CODE_MISMATCH: iotc_status = 206;
/// CoAP: option delta reserved.
pub const IOTC_COAP_OPTION_DELTA_RESERVED: iotc_status = 207;
/// CoAP: option length reserved.
pub const IOTC_COAP_OPTION_LENGTH_RESERVED: iotc_status = 208;
/// CoAP: option header truncated.
pub const IOTC_COAP_OPTION_HEADER_TRUNCATED: iotc_status = 209;
/// CoAP: option value truncated.
pub const IOTC_COAP_OPTION_VALUE_TRUNCATED: iotc_status = 210;
/// CoAP: option number overflow.
pub const IOTC_COAP_OPTION_NUMBER_OVERFLOW: iotc_status = 211;
/// CoAP: empty payload.
pub const IOTC_COAP_EMPTY_PAYLOAD: iotc_status = 212;
/// CoAP: invalid utf8 option.
pub const IOTC_COAP_INVALID_UTF8_OPTION: iotc_status = 213;
/// CoAP: unrecognized critical option.
pub const IOTC_COAP_UNRECOGNIZED_CRITICAL_OPTION: iotc_status = 214;
/// CoAP: option length out of range.
pub const IOTC_COAP_OPTION_LENGTH_OUT_OF_RANGE: iotc_status = 215;
/// CoAP: option not repeatable.
pub const IOTC_COAP_OPTION_NOT_REPEATABLE: iotc_status = 216;
/// CoAP: proxy uri with uri options.
pub const IOTC_COAP_PROXY_URI_WITH_URI_OPTIONS: iotc_status = 217;
/// CoAP: invalid option value.
pub const IOTC_COAP_INVALID_OPTION_VALUE: iotc_status = 218;
/// CoAP: oscore without payload.
pub const IOTC_COAP_OSCORE_WITHOUT_PAYLOAD: iotc_status = 219;
/// CoAP: frame too large.
pub const IOTC_COAP_FRAME_TOO_LARGE: iotc_status = 220;
/// CoAP: web socket length not zero.
pub const IOTC_COAP_WEB_SOCKET_LENGTH_NOT_ZERO: iotc_status = 221;
/// CoAP: frame truncated.
pub const IOTC_COAP_FRAME_TRUNCATED: iotc_status = 222;
/// CoAP: unknown signaling code.
pub const IOTC_COAP_UNKNOWN_SIGNALING_CODE: iotc_status = 223;
/// CoAP: unknown critical signaling option.
pub const IOTC_COAP_UNKNOWN_CRITICAL_SIGNALING_OPTION: iotc_status = 224;
/// CoAP: invalid signaling option.
pub const IOTC_COAP_INVALID_SIGNALING_OPTION: iotc_status = 225;
/// CoAP encode: token too long.
pub const IOTC_COAP_TOKEN_TOO_LONG: iotc_status = 300;
/// CoAP encode: option out of order.
pub const IOTC_COAP_OPTION_OUT_OF_ORDER: iotc_status = 301;
/// CoAP encode: option value too long.
pub const IOTC_COAP_OPTION_VALUE_TOO_LONG: iotc_status = 302;
/// CoAP encode: option after the payload.
pub const IOTC_COAP_OPTION_AFTER_PAYLOAD: iotc_status = 303;
/// CoAP encode: invalid Uri-Host.
pub const IOTC_COAP_INVALID_HOST: iotc_status = 304;
/// CoAP encode: frame too long.
pub const IOTC_COAP_FRAME_TOO_LONG: iotc_status = 305;
/// CoAP encode: invalid URI.
pub const IOTC_COAP_INVALID_URI: iotc_status = 306;
/// MQTT: reserved packet type.
pub const IOTC_MQTT_RESERVED_PACKET_TYPE: iotc_status = 400;
/// MQTT: invalid flags.
pub const IOTC_MQTT_INVALID_FLAGS: iotc_status = 401;
/// MQTT: invalid qos.
pub const IOTC_MQTT_INVALID_QOS: iotc_status = 402;
/// MQTT: dup with qos0.
pub const IOTC_MQTT_DUP_WITH_QOS0: iotc_status = 403;
/// MQTT: var int too long.
pub const IOTC_MQTT_VAR_INT_TOO_LONG: iotc_status = 404;
/// MQTT: var int not minimal.
pub const IOTC_MQTT_VAR_INT_NOT_MINIMAL: iotc_status = 405;
/// MQTT: packet too large.
pub const IOTC_MQTT_PACKET_TOO_LARGE: iotc_status = 406;
/// MQTT: truncated.
pub const IOTC_MQTT_TRUNCATED: iotc_status = 407;
/// MQTT: trailing bytes.
pub const IOTC_MQTT_TRAILING_BYTES: iotc_status = 408;
/// MQTT: invalid utf8.
pub const IOTC_MQTT_INVALID_UTF8: iotc_status = 409;
/// MQTT: null character.
pub const IOTC_MQTT_NULL_CHARACTER: iotc_status = 410;
/// MQTT: unknown property.
pub const IOTC_MQTT_UNKNOWN_PROPERTY: iotc_status = 411;
/// MQTT: property not allowed.
pub const IOTC_MQTT_PROPERTY_NOT_ALLOWED: iotc_status = 412;
/// MQTT: duplicate property.
pub const IOTC_MQTT_DUPLICATE_PROPERTY: iotc_status = 413;
/// MQTT: invalid property value.
pub const IOTC_MQTT_INVALID_PROPERTY_VALUE: iotc_status = 414;
/// MQTT: auth data without method.
pub const IOTC_MQTT_AUTH_DATA_WITHOUT_METHOD: iotc_status = 415;
/// MQTT: properties truncated.
pub const IOTC_MQTT_PROPERTIES_TRUNCATED: iotc_status = 416;
/// MQTT: invalid protocol name.
pub const IOTC_MQTT_INVALID_PROTOCOL_NAME: iotc_status = 417;
/// MQTT: unsupported protocol version.
pub const IOTC_MQTT_UNSUPPORTED_PROTOCOL_VERSION: iotc_status = 418;
/// MQTT: reserved connect flag.
pub const IOTC_MQTT_RESERVED_CONNECT_FLAG: iotc_status = 419;
/// MQTT: invalid will flags.
pub const IOTC_MQTT_INVALID_WILL_FLAGS: iotc_status = 420;
/// MQTT: password without username.
pub const IOTC_MQTT_PASSWORD_WITHOUT_USERNAME: iotc_status = 421;
/// MQTT: invalid connack flags.
pub const IOTC_MQTT_INVALID_CONNACK_FLAGS: iotc_status = 422;
/// MQTT: zero packet identifier.
pub const IOTC_MQTT_ZERO_PACKET_IDENTIFIER: iotc_status = 423;
/// MQTT: no topic filters.
pub const IOTC_MQTT_NO_TOPIC_FILTERS: iotc_status = 424;
/// MQTT: invalid subscription options.
pub const IOTC_MQTT_INVALID_SUBSCRIPTION_OPTIONS: iotc_status = 425;
/// MQTT: no local on shared subscription.
pub const IOTC_MQTT_NO_LOCAL_ON_SHARED_SUBSCRIPTION: iotc_status = 426;
/// MQTT: invalid reason code.
pub const IOTC_MQTT_INVALID_REASON_CODE: iotc_status = 427;
/// MQTT: packet type not in version.
pub const IOTC_MQTT_PACKET_TYPE_NOT_IN_VERSION: iotc_status = 428;
/// MQTT: empty topic.
pub const IOTC_MQTT_EMPTY_TOPIC: iotc_status = 429;
/// MQTT: wildcard in topic name.
pub const IOTC_MQTT_WILDCARD_IN_TOPIC_NAME: iotc_status = 430;
/// MQTT: invalid wildcard.
pub const IOTC_MQTT_INVALID_WILDCARD: iotc_status = 431;
/// MQTT: invalid shared subscription.
pub const IOTC_MQTT_INVALID_SHARED_SUBSCRIPTION: iotc_status = 432;
/// MQTT encode: packet too large for the Remaining Length.
pub const IOTC_MQTT_VAR_INT_TOO_LARGE: iotc_status = 480;
/// MQTT encode: string longer than 65535 bytes.
pub const IOTC_MQTT_STRING_TOO_LONG: iotc_status = 481;
/// Link format: not utf8.
pub const IOTC_LINKFORMAT_NOT_UTF8: iotc_status = 500;
/// Link format: expected target.
pub const IOTC_LINKFORMAT_EXPECTED_TARGET: iotc_status = 501;
/// Link format: unterminated target.
pub const IOTC_LINKFORMAT_UNTERMINATED_TARGET: iotc_status = 502;
/// Link format: invalid target.
pub const IOTC_LINKFORMAT_INVALID_TARGET: iotc_status = 503;
/// Link format: expected separator.
pub const IOTC_LINKFORMAT_EXPECTED_SEPARATOR: iotc_status = 504;
/// Link format: empty link.
pub const IOTC_LINKFORMAT_EMPTY_LINK: iotc_status = 505;
/// Link format: expected param name.
pub const IOTC_LINKFORMAT_EXPECTED_PARAM_NAME: iotc_status = 506;
/// Link format: unterminated quote.
pub const IOTC_LINKFORMAT_UNTERMINATED_QUOTE: iotc_status = 507;
/// Link format: bad escape.
pub const IOTC_LINKFORMAT_BAD_ESCAPE: iotc_status = 508;
/// Link format: invalid value.
pub const IOTC_LINKFORMAT_INVALID_VALUE: iotc_status = 509;
/// Link format: duplicate attribute.
pub const IOTC_LINKFORMAT_DUPLICATE_ATTRIBUTE: iotc_status = 510;
/// Link format: quoted string required.
pub const IOTC_LINKFORMAT_QUOTED_STRING_REQUIRED: iotc_status = 511;
/// Link format: invalid relation type.
pub const IOTC_LINKFORMAT_INVALID_RELATION_TYPE: iotc_status = 512;
/// Link format: invalid number.
pub const IOTC_LINKFORMAT_INVALID_NUMBER: iotc_status = 513;
/// Link format: invalid ext value.
pub const IOTC_LINKFORMAT_INVALID_EXT_VALUE: iotc_status = 514;
/// Link format: href parameter.
pub const IOTC_LINKFORMAT_HREF_PARAMETER: iotc_status = 515;
/// Link format write: invalid attribute name.
pub const IOTC_LINKFORMAT_INVALID_PARAM_NAME: iotc_status = 580;
/// Link format write: invalid token value.
pub const IOTC_LINKFORMAT_INVALID_TOKEN: iotc_status = 581;
/// CoAP: other error.
pub const IOTC_COAP_OTHER: iotc_status = 299;
/// MQTT: other error.
pub const IOTC_MQTT_OTHER: iotc_status = 499;
/// Link format: other error.
pub const IOTC_LINKFORMAT_OTHER: iotc_status = 599;

/// Every status description, NUL-terminated, one after the other. One named static (rather than a
/// literal per status) so that a program that never calls `iotc_status_str` links none of it: string
/// literals share a mergeable section that the linker keeps whole once any of them is used.
static STATUS_TEXT: [u8; 2798] = *b"\
    success\0\
    incomplete: more bytes are needed\0\
    end of iteration\0\
    a required pointer argument is NULL\0\
    an argument is out of range\0\
    the output buffer is too small\0\
    not found\0\
    the packet or message is not of the type asked for\0\
    a string argument is not UTF-8\0\
    internal error\0\
    CoAP: message too short\0\
    CoAP: unknown version\0\
    CoAP: invalid token length\0\
    CoAP: token truncated\0\
    CoAP: empty message not empty\0\
    CoAP: reserved code class\0\
    CoAP: type code mismatch\0\
    CoAP: option delta reserved\0\
    CoAP: option length reserved\0\
    CoAP: option header truncated\0\
    CoAP: option value truncated\0\
    CoAP: option number overflow\0\
    CoAP: empty payload\0\
    CoAP: invalid utf8 option\0\
    CoAP: unrecognized critical option\0\
    CoAP: option length out of range\0\
    CoAP: option not repeatable\0\
    CoAP: proxy uri with uri options\0\
    CoAP: invalid option value\0\
    CoAP: oscore without payload\0\
    CoAP: frame too large\0\
    CoAP: web socket length not zero\0\
    CoAP: frame truncated\0\
    CoAP: unknown signaling code\0\
    CoAP: unknown critical signaling option\0\
    CoAP: invalid signaling option\0\
    CoAP encode: token too long\0\
    CoAP encode: option out of order\0\
    CoAP encode: option value too long\0\
    CoAP encode: option after the payload\0\
    CoAP encode: invalid Uri-Host\0\
    CoAP encode: frame too long\0\
    CoAP encode: invalid URI\0\
    MQTT: reserved packet type\0\
    MQTT: invalid flags\0\
    MQTT: invalid qos\0\
    MQTT: dup with qos0\0\
    MQTT: var int too long\0\
    MQTT: var int not minimal\0\
    MQTT: packet too large\0\
    MQTT: truncated\0\
    MQTT: trailing bytes\0\
    MQTT: invalid utf8\0\
    MQTT: null character\0\
    MQTT: unknown property\0\
    MQTT: property not allowed\0\
    MQTT: duplicate property\0\
    MQTT: invalid property value\0\
    MQTT: auth data without method\0\
    MQTT: properties truncated\0\
    MQTT: invalid protocol name\0\
    MQTT: unsupported protocol version\0\
    MQTT: reserved connect flag\0\
    MQTT: invalid will flags\0\
    MQTT: password without username\0\
    MQTT: invalid connack flags\0\
    MQTT: zero packet identifier\0\
    MQTT: no topic filters\0\
    MQTT: invalid subscription options\0\
    MQTT: no local on shared subscription\0\
    MQTT: invalid reason code\0\
    MQTT: packet type not in version\0\
    MQTT: empty topic\0\
    MQTT: wildcard in topic name\0\
    MQTT: invalid wildcard\0\
    MQTT: invalid shared subscription\0\
    MQTT encode: packet too large for the Remaining Length\0\
    MQTT encode: string longer than 65535 bytes\0\
    link format: not utf8\0\
    link format: expected target\0\
    link format: unterminated target\0\
    link format: invalid target\0\
    link format: expected separator\0\
    link format: empty link\0\
    link format: expected param name\0\
    link format: unterminated quote\0\
    link format: bad escape\0\
    link format: invalid value\0\
    link format: duplicate attribute\0\
    link format: quoted string required\0\
    link format: invalid relation type\0\
    link format: invalid number\0\
    link format: invalid ext value\0\
    link format: href parameter\0\
    link format write: invalid attribute name\0\
    link format write: invalid token value\0\
    CoAP: other error\0\
    MQTT: other error\0\
    link format: other error\0\
    unknown status\0";

/// Each status with the offset of its description in [`STATUS_TEXT`], by status value.
static STATUS_INDEX: [(u16, u16); 99] = [
    (0, 0),
    (1, 8),
    (2, 42),
    (100, 59),
    (101, 95),
    (102, 123),
    (103, 154),
    (104, 164),
    (105, 215),
    (199, 246),
    (200, 261),
    (201, 285),
    (202, 307),
    (203, 334),
    (204, 356),
    (205, 386),
    (206, 412),
    (207, 437),
    (208, 465),
    (209, 494),
    (210, 524),
    (211, 553),
    (212, 582),
    (213, 602),
    (214, 628),
    (215, 663),
    (216, 696),
    (217, 724),
    (218, 757),
    (219, 784),
    (220, 813),
    (221, 835),
    (222, 868),
    (223, 890),
    (224, 919),
    (225, 959),
    (300, 990),
    (301, 1018),
    (302, 1051),
    (303, 1086),
    (304, 1124),
    (305, 1154),
    (306, 1182),
    (400, 1207),
    (401, 1234),
    (402, 1254),
    (403, 1272),
    (404, 1292),
    (405, 1315),
    (406, 1341),
    (407, 1364),
    (408, 1380),
    (409, 1401),
    (410, 1420),
    (411, 1441),
    (412, 1464),
    (413, 1491),
    (414, 1516),
    (415, 1545),
    (416, 1576),
    (417, 1603),
    (418, 1631),
    (419, 1666),
    (420, 1694),
    (421, 1719),
    (422, 1751),
    (423, 1779),
    (424, 1808),
    (425, 1831),
    (426, 1866),
    (427, 1904),
    (428, 1930),
    (429, 1963),
    (430, 1981),
    (431, 2010),
    (432, 2033),
    (480, 2067),
    (481, 2122),
    (500, 2166),
    (501, 2188),
    (502, 2217),
    (503, 2250),
    (504, 2278),
    (505, 2310),
    (506, 2334),
    (507, 2367),
    (508, 2399),
    (509, 2423),
    (510, 2450),
    (511, 2483),
    (512, 2519),
    (513, 2554),
    (514, 2582),
    (515, 2613),
    (580, 2641),
    (581, 2683),
    (299, 2722),
    (499, 2740),
    (599, 2758),
];

/// Offset of "unknown status" in [`STATUS_TEXT`].
const UNKNOWN_STATUS: usize = 2783;

/// A static, NUL-terminated description of `status`; unknown values give "unknown status".
#[no_mangle]
pub extern "C" fn iotc_status_str(status: u32) -> *const c_char {
    let offset = STATUS_INDEX
        .iter()
        .find(|(code, _)| u32::from(*code) == status)
        .map_or(UNKNOWN_STATUS, |(_, at)| usize::from(*at));
    STATUS_TEXT.get(offset..).unwrap_or_default().as_ptr().cast()
}

/// The status for a CoAP decode error.
pub(crate) fn coap_decode(kind: coap_codec::ErrorKind) -> iotc_status {
    use coap_codec::ErrorKind as K;
    match kind {
        K::MessageTooShort => 200,
        K::UnknownVersion => 201,
        K::InvalidTokenLength => 202,
        K::TokenTruncated => 203,
        K::EmptyMessageNotEmpty => 204,
        K::ReservedCodeClass => 205,
        K::TypeCodeMismatch => 206,
        K::OptionDeltaReserved => 207,
        K::OptionLengthReserved => 208,
        K::OptionHeaderTruncated => 209,
        K::OptionValueTruncated => 210,
        K::OptionNumberOverflow => 211,
        K::EmptyPayload => 212,
        K::InvalidUtf8Option => 213,
        K::UnrecognizedCriticalOption => 214,
        K::OptionLengthOutOfRange => 215,
        K::OptionNotRepeatable => 216,
        K::ProxyUriWithUriOptions => 217,
        K::InvalidOptionValue(_) => 218,
        K::OscoreWithoutPayload => 219,
        K::FrameTooLarge => 220,
        K::WebSocketLengthNotZero => 221,
        K::FrameTruncated => 222,
        K::UnknownSignalingCode => 223,
        K::UnknownCriticalSignalingOption => 224,
        K::InvalidSignalingOption => 225,
        _ => IOTC_COAP_OTHER,
    }
}

/// The status for a CoAP encode error.
pub(crate) fn coap_encode(e: coap_codec::EncodeError) -> iotc_status {
    use coap_codec::EncodeError as E;
    match e {
        E::BufferTooSmall { .. } => IOTC_ERR_BUFFER_TOO_SMALL,
        E::TokenTooLong => 300,
        E::OptionOutOfOrder { .. } => 301,
        E::OptionValueTooLong => 302,
        E::OptionAfterPayload => 303,
        E::InvalidHost => 304,
        E::FrameTooLong => 305,
        _ => IOTC_COAP_OTHER,
    }
}

/// The status for an MQTT decode error.
pub(crate) fn mqtt_decode(kind: mqtt_codec::ErrorKind) -> iotc_status {
    use mqtt_codec::ErrorKind as K;
    match kind {
        K::ReservedPacketType => 400,
        K::InvalidFlags => 401,
        K::InvalidQos => 402,
        K::DupWithQos0 => 403,
        K::VarIntTooLong => 404,
        K::VarIntNotMinimal => 405,
        K::PacketTooLarge => 406,
        K::Truncated => 407,
        K::TrailingBytes => 408,
        K::InvalidUtf8 => 409,
        K::NullCharacter => 410,
        K::UnknownProperty => 411,
        K::PropertyNotAllowed => 412,
        K::DuplicateProperty => 413,
        K::InvalidPropertyValue => 414,
        K::AuthDataWithoutMethod => 415,
        K::PropertiesTruncated => 416,
        K::InvalidProtocolName => 417,
        K::UnsupportedProtocolVersion => 418,
        K::ReservedConnectFlag => 419,
        K::InvalidWillFlags => 420,
        K::PasswordWithoutUsername => 421,
        K::InvalidConnackFlags => 422,
        K::ZeroPacketIdentifier => 423,
        K::NoTopicFilters => 424,
        K::InvalidSubscriptionOptions => 425,
        K::NoLocalOnSharedSubscription => 426,
        K::InvalidReasonCode => 427,
        K::PacketTypeNotInVersion => 428,
        K::EmptyTopic => 429,
        K::WildcardInTopicName => 430,
        K::InvalidWildcard => 431,
        K::InvalidSharedSubscription => 432,
        _ => IOTC_MQTT_OTHER,
    }
}

/// The status for an MQTT encode error.
pub(crate) fn mqtt_encode(e: mqtt_codec::EncodeError) -> iotc_status {
    use mqtt_codec::EncodeError as E;
    match e {
        E::BufferTooSmall { .. } => IOTC_ERR_BUFFER_TOO_SMALL,
        E::VarIntTooLarge => 480,
        E::StringTooLong => 481,
        _ => IOTC_MQTT_OTHER,
    }
}

/// The status for a link-format parse error.
pub(crate) fn linkformat(kind: linkformat::ErrorKind) -> iotc_status {
    use linkformat::ErrorKind as K;
    match kind {
        K::NotUtf8 => 500,
        K::ExpectedTarget => 501,
        K::UnterminatedTarget => 502,
        K::InvalidTarget => 503,
        K::ExpectedSeparator => 504,
        K::EmptyLink => 505,
        K::ExpectedParamName => 506,
        K::UnterminatedQuote => 507,
        K::BadEscape => 508,
        K::InvalidValue => 509,
        K::DuplicateAttribute => 510,
        K::QuotedStringRequired => 511,
        K::InvalidRelationType => 512,
        K::InvalidNumber => 513,
        K::InvalidExtValue => 514,
        K::HrefParameter => 515,
        _ => IOTC_LINKFORMAT_OTHER,
    }
}

/// The status for a link-format write error.
pub(crate) fn linkformat_write(e: linkformat::WriteError) -> iotc_status {
    use linkformat::WriteError as E;
    match e {
        E::InvalidTarget => IOTC_LINKFORMAT_INVALID_TARGET,
        E::InvalidParamName => 580,
        E::InvalidToken => 581,
        E::InvalidAttribute(kind) => linkformat(kind),
        _ => IOTC_LINKFORMAT_OTHER,
    }
}
