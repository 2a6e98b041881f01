//! Hand-checked packets of every type for 3.1.1 and 5.0, decoded field by field through the session
//! decoder; then malformed bodies with their exact kinds and offsets.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use mqtt_codec::packets::{AckKind, RetainHandling};
use mqtt_codec::{
    Decoded, Decoder, ErrorKind, Packet, PacketType, PropertyId, PropertyValue, ProtocolVersion,
    QoS, ReasonCode,
};

mod common;

use common::{cat, pkt, s};

fn decode(version: ProtocolVersion, bytes: &[u8]) -> Packet<'_> {
    let mut d = Decoder::new(version);
    match d.decode(bytes).unwrap() {
        Decoded::Packet(p, used) => {
            assert_eq!(used, bytes.len());
            p
        }
        Decoded::Incomplete(n) => panic!("incomplete: {n:?}"),
    }
}

#[test]
fn mqtt_3_1_1_every_packet() {
    use ProtocolVersion::V3_1_1 as V;
    // CONNECT: clean session, will (QoS 1, retain), user name and password.
    let connect = pkt(
        0x10,
        &cat(&[&s("MQTT"), &[4, 0xee, 0, 60], &s("c1"), &s("w/t"), &s("bye"), &s("u"), &s("pw")]),
    );
    let Packet::Connect(c) = decode(V, &connect) else { panic!() };
    assert_eq!((c.version, c.clean_start, c.keep_alive, c.client_id), (V, true, 60, "c1"));
    let will = c.will.unwrap();
    assert_eq!(
        (will.qos, will.retain, will.topic, will.payload),
        (QoS::AtLeastOnce, true, "w/t", &b"bye"[..])
    );
    assert_eq!((c.username, c.password), (Some("u"), Some(&b"pw"[..])));
    assert!(c.properties.is_empty());

    let Packet::Connack(ca) = decode(V, &[0x20, 2, 1, 0]) else { panic!() };
    assert_eq!((ca.session_present, ca.code), (true, ReasonCode::SUCCESS));
    let Packet::Connack(refused) = decode(V, &[0x20, 2, 0, 5]) else { panic!() };
    assert_eq!(refused.code, ReasonCode(5));

    let p0 = pkt(0x30, &cat(&[&s("a/b"), b"hi"]));
    let Packet::Publish(p) = decode(V, &p0) else { panic!() };
    assert_eq!(
        (p.qos, p.dup, p.retain, p.topic, p.packet_id, p.payload),
        (QoS::AtMostOnce, false, false, "a/b", None, &b"hi"[..])
    );
    let p1 = pkt(0x3b, &cat(&[&s("a/b"), &[0, 10], b"payload"]));
    let Packet::Publish(p) = decode(V, &p1) else { panic!() };
    assert_eq!(
        (p.qos, p.dup, p.retain, p.packet_id, p.payload),
        (QoS::AtLeastOnce, true, true, Some(10), &b"payload"[..])
    );

    for (first, kind) in [
        (0x40, AckKind::Puback),
        (0x50, AckKind::Pubrec),
        (0x62, AckKind::Pubrel),
        (0x70, AckKind::Pubcomp),
    ] {
        let bytes = [first, 2, 0, 10];
        let Packet::Ack(a) = decode(V, &bytes) else { panic!() };
        assert_eq!((a.kind, a.packet_id, a.reason), (kind, 10, ReasonCode::SUCCESS));
        assert_eq!(Packet::Ack(a).packet_type(), kind.packet_type());
    }

    let sub = pkt(0x82, &cat(&[&[0, 1], &s("a/+"), &[1], &s("#"), &[0]]));
    let Packet::Subscribe(sp) = decode(V, &sub) else { panic!() };
    assert_eq!(sp.packet_id, 1);
    let subs: Vec<_> = sp.subscriptions().map(|(f, o)| (f.filter(), o.qos)).collect();
    assert_eq!(subs, [("a/+", QoS::AtLeastOnce), ("#", QoS::AtMostOnce)]);

    let Packet::Suback(sa) = decode(V, &[0x90, 4, 0, 1, 1, 0x80]) else { panic!() };
    assert_eq!(sa.reason_codes().collect::<Vec<_>>(), [ReasonCode(1), ReasonCode(0x80)]);

    let unsub = pkt(0xa2, &cat(&[&[0, 2], &s("a/+")]));
    let Packet::Unsubscribe(u) = decode(V, &unsub) else { panic!() };
    assert_eq!(u.filters().map(|f| f.filter()).collect::<Vec<_>>(), ["a/+"]);
    let Packet::Unsuback(ua) = decode(V, &[0xb0, 2, 0, 2]) else { panic!() };
    assert_eq!((ua.packet_id, ua.reason_codes().len()), (2, 0));

    assert_eq!(decode(V, &[0xc0, 0]), Packet::Pingreq);
    assert_eq!(decode(V, &[0xd0, 0]), Packet::Pingresp);
    let Packet::Disconnect(d) = decode(V, &[0xe0, 0]) else { panic!() };
    assert_eq!(d.reason, ReasonCode::SUCCESS);
}

#[test]
fn mqtt_3_1_connect_with_mqisdp() {
    let connect = pkt(0x10, &cat(&[&s("MQIsdp"), &[3, 0x02, 0, 10], &s("old-client")]));
    let mut d = Decoder::new(ProtocolVersion::V5);
    let Decoded::Packet(Packet::Connect(c), _) = d.decode(&connect).unwrap() else { panic!() };
    assert_eq!((c.version, c.client_id), (ProtocolVersion::V3_1, "old-client"));
    // The decoder now follows 3.1: a CONNACK is read without properties.
    assert_eq!(d.version(), ProtocolVersion::V3_1);
    assert!(matches!(d.decode(&[0x20, 2, 0, 0]).unwrap(), Decoded::Packet(Packet::Connack(_), 4)));
}

#[test]
fn mqtt_5_every_packet() {
    use ProtocolVersion::V5 as V;
    // CONNECT with Session Expiry 3600, Receive Maximum 20 and a User Property.
    let props = cat(&[&[0x11, 0, 0, 0x0e, 0x10], &[0x21, 0, 20], &[0x26], &s("k"), &s("v")]);
    let connect = pkt(
        0x10,
        &cat(&[
            &s("MQTT"),
            &[5, 0xc2, 0, 30],
            &[props.len() as u8],
            &props,
            &s(""),
            &s("u"),
            &s("p"),
        ]),
    );
    let mut d = Decoder::new(ProtocolVersion::V3_1_1);
    let Decoded::Packet(Packet::Connect(c), _) = d.decode(&connect).unwrap() else { panic!() };
    assert_eq!((c.version, c.client_id, c.keep_alive), (V, "", 30));
    assert_eq!(c.properties.session_expiry_interval(), Some(3600));
    assert_eq!(c.properties.receive_maximum(), Some(20));
    assert_eq!(c.properties.user_properties().collect::<Vec<_>>(), [("k", "v")]);
    assert_eq!(d.version(), V, "the decoder follows CONNECT");

    let Packet::Connack(ca) = decode(V, &[0x20, 7, 0, 0, 4, 0x24, 1, 0x25, 0]) else { panic!() };
    assert_eq!(ca.properties.get(PropertyId::MAXIMUM_QOS), Some(PropertyValue::Byte(1)));
    assert_eq!(ca.properties.get(PropertyId::RETAIN_AVAILABLE), Some(PropertyValue::Byte(0)));

    // PUBLISH QoS 1 with Content Type, two User Properties, Message Expiry and Correlation Data.
    let props = cat(&[
        &[0x03],
        &s("json"),
        &[0x26],
        &s("a"),
        &s("b"),
        &[0x26],
        &s("c"),
        &s("d"),
        &[0x02, 0, 0, 0, 60],
        &[0x09, 0, 2, 1, 2],
    ]);
    let publish = pkt(0x32, &cat(&[&s("a/b"), &[0, 5], &[props.len() as u8], &props, b"{}"]));
    let Packet::Publish(p) = decode(V, &publish) else { panic!() };
    assert_eq!((p.topic, p.packet_id, p.payload), ("a/b", Some(5), &b"{}"[..]));
    assert_eq!(p.properties.content_type(), Some("json"));
    assert_eq!(p.properties.user_properties().collect::<Vec<_>>(), [("a", "b"), ("c", "d")]);
    assert_eq!(
        (p.properties.message_expiry_interval(), p.properties.correlation_data()),
        (Some(60), Some(&[1u8, 2][..]))
    );
    assert_eq!(p.properties.iter().count(), 5);
    // An empty topic with a Topic Alias.
    let aliased = pkt(0x30, &cat(&[&s(""), &[3, 0x23, 0, 7], b"x"]));
    let Packet::Publish(p) = decode(V, &aliased) else { panic!() };
    assert_eq!((p.topic, p.properties.topic_alias()), ("", Some(7)));

    let Packet::Ack(a) = decode(V, &[0x40, 3, 0, 5, 0x10]) else { panic!() };
    assert_eq!((a.packet_id, a.reason), (5, ReasonCode::NO_MATCHING_SUBSCRIBERS));
    let Packet::Ack(a) = decode(V, &[0x40, 2, 0, 5]) else { panic!() };
    assert_eq!(a.reason, ReasonCode::SUCCESS, "the short form means Success");
    // PUBREL with Packet Identifier Not Found and a Reason String.
    let pubrel = cat(&[&[0x62, 11, 0, 5, 0x92, 7, 0x1f], &s("gone")]);
    let Packet::Ack(a) = decode(V, &pubrel) else { panic!() };
    assert_eq!(
        (a.kind, a.reason, a.properties.reason_string()),
        (AckKind::Pubrel, ReasonCode::PACKET_IDENTIFIER_NOT_FOUND, Some("gone"))
    );

    // SUBSCRIBE with a Subscription Identifier; all option bits; a shared subscription.
    let sub = pkt(0x82, &cat(&[&[0, 7, 2, 0x0b, 5], &s("#"), &[0x2e], &s("$share/g/a"), &[0x01]]));
    let Packet::Subscribe(sp) = decode(V, &sub) else { panic!() };
    assert_eq!(sp.properties.subscription_identifiers().collect::<Vec<_>>(), [5]);
    let subs: Vec<_> = sp.subscriptions().collect();
    let (f0, o0) = subs[0];
    assert_eq!(
        (f0.filter(), o0.qos, o0.no_local, o0.retain_as_published, o0.retain_handling),
        ("#", QoS::ExactlyOnce, true, true, RetainHandling::DoNotSend)
    );
    let (f1, o1) = subs[1];
    assert_eq!((f1.share_name(), f1.filter(), o1.qos), (Some("g"), "a", QoS::AtLeastOnce));

    let Packet::Suback(sa) = decode(V, &[0x90, 5, 0, 7, 0, 2, 0x8f]) else { panic!() };
    assert_eq!(
        sa.reason_codes().collect::<Vec<_>>(),
        [ReasonCode::GRANTED_QOS_2, ReasonCode::TOPIC_FILTER_INVALID]
    );
    let unsub = pkt(0xa2, &cat(&[&[0, 8, 0], &s("a/+")]));
    let Packet::Unsubscribe(u) = decode(V, &unsub) else { panic!() };
    assert_eq!(u.filters().count(), 1);
    let Packet::Unsuback(ua) = decode(V, &[0xb0, 4, 0, 8, 0, 0x11]) else { panic!() };
    assert_eq!(ua.reason_codes().collect::<Vec<_>>(), [ReasonCode::NO_SUBSCRIPTION_EXISTED]);

    let Packet::Disconnect(dc) = decode(V, &[0xe0, 1, 0x04]) else { panic!() };
    assert_eq!(dc.reason, ReasonCode::DISCONNECT_WITH_WILL_MESSAGE);
    let Packet::Disconnect(dc) = decode(V, &[0xe0, 0]) else { panic!() };
    assert_eq!(dc.reason, ReasonCode::SUCCESS);

    let props = cat(&[&[0x15], &s("SCRAM"), &[0x16, 0, 2, 1, 2]]);
    let auth = pkt(0xf0, &cat(&[&[0x18, props.len() as u8], &props]));
    let Packet::Auth(au) = decode(V, &auth) else { panic!() };
    assert_eq!(au.reason, ReasonCode::CONTINUE_AUTHENTICATION);
    assert_eq!(
        au.properties.get(PropertyId::AUTHENTICATION_METHOD),
        Some(PropertyValue::Utf8("SCRAM"))
    );
    assert_eq!(Packet::Auth(au).packet_type(), PacketType::AUTH);
}

/// Malformed bodies: (name, version, packet, kind, offset).
fn malformed() -> Vec<(&'static str, ProtocolVersion, Vec<u8>, ErrorKind, usize)> {
    use ErrorKind::*;
    use ProtocolVersion::{V3_1_1 as V4, V5};
    let conn = |name: &str, level: u8, flags: u8, rest: &[u8]| {
        pkt(0x10, &cat(&[&s(name), &[level, flags, 0, 10], rest]))
    };
    vec![
        ("protocol name HTTP", V4, conn("HTTP", 4, 2, &s("c")), InvalidProtocolName, 2),
        ("protocol name in lower case", V4, conn("mqtt", 4, 2, &s("c")), InvalidProtocolName, 2),
        ("protocol name with a NUL", V4, conn("MQ\0T", 4, 2, &s("c")), NullCharacter, 6),
        (
            "protocol name not UTF-8",
            V4,
            pkt(0x10, &cat(&[&[0, 2, 0xc3, 0x28], &[4, 2, 0, 10], &s("c")])),
            InvalidUtf8,
            4,
        ),
        ("protocol level 6", V4, conn("MQTT", 6, 2, &s("c")), UnsupportedProtocolVersion, 8),
        ("MQIsdp level 4", V4, conn("MQIsdp", 4, 2, &s("c")), UnsupportedProtocolVersion, 10),
        ("reserved CONNECT flag", V4, conn("MQTT", 4, 3, &s("c")), ReservedConnectFlag, 9),
        ("will QoS without will flag", V4, conn("MQTT", 4, 0x0a, &s("c")), InvalidWillFlags, 9),
        ("will retain without will flag", V4, conn("MQTT", 4, 0x22, &s("c")), InvalidWillFlags, 9),
        (
            "will QoS 3",
            V4,
            conn("MQTT", 4, 0x1e, &cat(&[&s("c"), &s("t"), &s("m")])),
            InvalidWillFlags,
            9,
        ),
        (
            "password without user name (3.1.1)",
            V4,
            conn("MQTT", 4, 0x42, &cat(&[&s("c"), &s("p")])),
            PasswordWithoutUsername,
            9,
        ),
        (
            "will topic with wildcard",
            V4,
            conn("MQTT", 4, 0x06, &cat(&[&s("c"), &s("a/#"), &s("m")])),
            WildcardInTopicName,
            19,
        ),
        ("client id truncated", V4, conn("MQTT", 4, 2, &[0, 5, b'a']), Truncated, 12),
        (
            "CONNECT trailing byte",
            V4,
            conn("MQTT", 4, 2, &cat(&[&s("c"), &[0]])),
            TrailingBytes,
            15,
        ),
        ("client id with NUL", V4, conn("MQTT", 4, 2, &s("a\0b")), NullCharacter, 15),
        ("client id not UTF-8", V4, conn("MQTT", 4, 2, &[0, 2, 0xc3, 0x28]), InvalidUtf8, 14),
        (
            "client id with a surrogate",
            V4,
            conn("MQTT", 4, 2, &[0, 3, 0xed, 0xa0, 0x80]),
            InvalidUtf8,
            14,
        ),
        ("CONNACK reserved flags", V4, vec![0x20, 2, 2, 0], InvalidConnackFlags, 2),
        ("CONNACK return code 6", V4, vec![0x20, 2, 0, 6], InvalidReasonCode, 3),
        ("CONNACK truncated", V4, vec![0x20, 1, 0], Truncated, 3),
        ("PUBLISH topic with +", V4, pkt(0x30, &s("a/+")), WildcardInTopicName, 6),
        ("PUBLISH empty topic (3.1.1)", V4, pkt(0x30, &s("")), EmptyTopic, 4),
        ("PUBLISH packet id 0", V4, pkt(0x32, &cat(&[&s("a"), &[0, 0]])), ZeroPacketIdentifier, 5),
        ("PUBLISH packet id missing", V4, pkt(0x32, &s("a")), Truncated, 5),
        ("PUBLISH topic length past the end", V4, vec![0x30, 3, 0, 9, b'a'], Truncated, 2),
        ("PUBACK packet id 0", V4, vec![0x40, 2, 0, 0], ZeroPacketIdentifier, 2),
        ("PUBACK extra byte (3.1.1)", V4, vec![0x40, 3, 0, 1, 0], TrailingBytes, 4),
        ("SUBSCRIBE without filters", V4, vec![0x82, 2, 0, 1], NoTopicFilters, 4),
        (
            "SUBSCRIBE options reserved bits (3.1.1)",
            V4,
            pkt(0x82, &cat(&[&[0, 1], &s("a"), &[0x04]])),
            InvalidSubscriptionOptions,
            7,
        ),
        (
            "SUBSCRIBE QoS 3",
            V4,
            pkt(0x82, &cat(&[&[0, 1], &s("a"), &[3]])),
            InvalidSubscriptionOptions,
            7,
        ),
        (
            "SUBSCRIBE filter a#",
            V4,
            pkt(0x82, &cat(&[&[0, 1], &s("a#"), &[0]])),
            InvalidWildcard,
            7,
        ),
        ("SUBSCRIBE options byte missing", V4, pkt(0x82, &cat(&[&[0, 1], &s("a")])), Truncated, 7),
        ("SUBACK code 3", V4, vec![0x90, 3, 0, 1, 3], InvalidReasonCode, 4),
        ("UNSUBSCRIBE without filters", V4, vec![0xa2, 2, 0, 1], NoTopicFilters, 4),
        ("UNSUBSCRIBE empty filter", V4, pkt(0xa2, &cat(&[&[0, 1], &s("")])), EmptyTopic, 6),
        ("UNSUBACK extra byte (3.1.1)", V4, vec![0xb0, 3, 0, 1, 0], TrailingBytes, 4),
        ("PINGREQ with a body", V4, vec![0xc0, 1, 0], TrailingBytes, 2),
        ("DISCONNECT with a body (3.1.1)", V4, vec![0xe0, 1, 0], TrailingBytes, 2),
        ("AUTH in 3.1.1", V4, vec![0xf0, 0], PacketTypeNotInVersion, 0),
        ("CONNACK v5 code 0x10", V5, vec![0x20, 3, 0, 0x10, 0], InvalidReasonCode, 3),
        ("unknown property 0x7f", V5, vec![0x20, 5, 0, 0, 2, 0x7f, 0], UnknownProperty, 5),
        ("property id not minimal", V5, vec![0x20, 5, 0, 0, 2, 0x80, 0], VarIntNotMinimal, 6),
        ("Topic Alias in CONNACK", V5, vec![0x20, 6, 0, 0, 3, 0x23, 0, 1], PropertyNotAllowed, 5),
        (
            "two Session Expiry Intervals",
            V5,
            vec![0x20, 13, 0, 0, 10, 0x11, 0, 0, 0, 1, 0x11, 0, 0, 0, 2],
            DuplicateProperty,
            10,
        ),
        ("Receive Maximum 0", V5, vec![0x20, 6, 0, 0, 3, 0x21, 0, 0], InvalidPropertyValue, 5),
        ("Maximum QoS 2", V5, vec![0x20, 5, 0, 0, 2, 0x24, 2], InvalidPropertyValue, 5),
        (
            "Maximum Packet Size 0",
            V5,
            vec![0x20, 8, 0, 0, 5, 0x27, 0, 0, 0, 0],
            InvalidPropertyValue,
            5,
        ),
        ("Retain Available 2", V5, vec![0x20, 5, 0, 0, 2, 0x25, 2], InvalidPropertyValue, 5),
        (
            "Authentication Data without Method",
            V5,
            vec![0x20, 7, 0, 0, 4, 0x16, 0, 1, 9],
            AuthDataWithoutMethod,
            5,
        ),
        ("property length past the packet", V5, vec![0x20, 3, 0, 0, 9], PropertiesTruncated, 4),
        ("property value truncated", V5, vec![0x20, 5, 0, 0, 2, 0x21, 0], Truncated, 6),
        (
            "Topic Alias 0",
            V5,
            pkt(0x30, &cat(&[&s("a"), &[3, 0x23, 0, 0]])),
            InvalidPropertyValue,
            6,
        ),
        ("empty topic without alias (5.0)", V5, pkt(0x30, &cat(&[&s(""), &[0]])), EmptyTopic, 4),
        (
            "Subscription Identifier 0",
            V5,
            pkt(0x82, &cat(&[&[0, 1, 2, 0x0b, 0], &s("a"), &[0]])),
            InvalidPropertyValue,
            5,
        ),
        (
            "two Subscription Identifiers in SUBSCRIBE",
            V5,
            pkt(0x82, &cat(&[&[0, 1, 4, 0x0b, 1, 0x0b, 2], &s("a"), &[0]])),
            DuplicateProperty,
            7,
        ),
        (
            "Retain Handling 3",
            V5,
            pkt(0x82, &cat(&[&[0, 1, 0], &s("a"), &[0x30]])),
            InvalidSubscriptionOptions,
            8,
        ),
        (
            "options bit 6 (5.0)",
            V5,
            pkt(0x82, &cat(&[&[0, 1, 0], &s("a"), &[0x40]])),
            InvalidSubscriptionOptions,
            8,
        ),
        (
            "No Local on a shared subscription",
            V5,
            pkt(0x82, &cat(&[&[0, 1, 0], &s("$share/g/a"), &[0x04]])),
            NoLocalOnSharedSubscription,
            17,
        ),
        (
            "shared subscription without filter",
            V5,
            pkt(0x82, &cat(&[&[0, 1, 0], &s("$share/g"), &[0]])),
            InvalidSharedSubscription,
            15,
        ),
        ("PUBACK v5 reason 0x05", V5, vec![0x40, 3, 0, 1, 0x05], InvalidReasonCode, 4),
        ("PUBREL v5 reason 0x10", V5, vec![0x62, 3, 0, 1, 0x10], InvalidReasonCode, 4),
        ("UNSUBACK v5 code 0x01", V5, vec![0xb0, 4, 0, 1, 0, 0x01], InvalidReasonCode, 5),
        ("DISCONNECT v5 reason 0x05", V5, vec![0xe0, 1, 0x05], InvalidReasonCode, 2),
        ("AUTH reason 0x01", V5, vec![0xf0, 1, 0x01], InvalidReasonCode, 2),
        (
            "Will Delay Interval in CONNECT properties",
            V5,
            conn("MQTT", 5, 2, &cat(&[&[5, 0x18, 0, 0, 0, 1], &s("c")])),
            PropertyNotAllowed,
            13,
        ),
        (
            "User Property with a NUL value",
            V5,
            vec![0x40, 11, 0, 1, 0, 7, 0x26, 0, 1, b'k', 0, 1, 0],
            NullCharacter,
            12,
        ),
        (
            "Reason String not UTF-8",
            V5,
            vec![0x40, 9, 0, 1, 0, 5, 0x1f, 0, 2, 0xc3, 0x28],
            InvalidUtf8,
            9,
        ),
        (
            "Reason String with a NUL past its first 16 bytes",
            V5,
            cat(&[&[0x40, 31, 0, 1, 0, 27, 0x1f], &s("aaaaaaaaaaaaaaaaaaaa\0bcd")]),
            NullCharacter,
            29,
        ),
        (
            "SUBSCRIBE filter not UTF-8",
            V4,
            vec![0x82, 8, 0, 7, 0, 3, b'a', 0xc3, 0x28, 0],
            InvalidUtf8,
            7,
        ),
        (
            // The payload is UTF-8 as a whole (the length's 0xC3 and the filter's 0xA9 spell é),
            // but the filter starts inside that character.
            "SUBSCRIBE filter starting with the tail of a character its length byte begins",
            V4,
            pkt(0x82, &cat(&[&[0, 7, 0x00, 0xc3, 0xa9], &[b'a'; 194], &[0]])),
            InvalidUtf8,
            7,
        ),
        (
            // UTF-8 as a whole again: the filter's last byte and the next length's first spell é.
            "UNSUBSCRIBE filter ending inside a character",
            V4,
            vec![0xa2, 8, 0, 7, 0, 2, b'a', 0xc3, 0xa9, 0],
            InvalidUtf8,
            7,
        ),
        (
            "SUBSCRIBE ShareName with a NUL",
            V4,
            pkt(0x82, &cat(&[&[0, 7], &s("$share/g\0/x"), &[0]])),
            NullCharacter,
            14,
        ),
    ]
}

/// Strings that are UTF-8 but not ASCII take the full check in the passes that test ASCII first.
#[test]
fn non_ascii_strings_in_checked_passes() {
    let filter = "capteurs/été/+";
    let bytes = pkt(0x82, &cat(&[&[0, 7], &s(filter), &[1]]));
    let Packet::Subscribe(sub) = decode(ProtocolVersion::V3_1_1, &bytes) else { panic!() };
    let read: Vec<_> = sub.subscriptions().map(|(f, o)| (f.raw(), o.qos)).collect();
    assert_eq!(read, [(filter, QoS::AtLeastOnce)]);
    // A PUBACK whose Reason String is longer than a vector block and not ASCII.
    let reason = "réception refusée: file d'attente pleine";
    let props = cat(&[&[0x1f], &s(reason)]);
    let body = cat(&[&[0, 1, 0x80, props.len() as u8], &props]);
    let bytes = pkt(0x40, &body);
    let Packet::Ack(ack) = decode(ProtocolVersion::V5, &bytes) else { panic!() };
    assert_eq!(ack.properties.reason_string(), Some(reason));
}

/// The filters read the same whether the payload is UTF-8 from end to end (one check for all of
/// them) or not (a length byte of 0x80 is not UTF-8; each filter is then checked on its own).
#[test]
fn filters_read_alike_whether_or_not_the_whole_payload_is_utf8() {
    let long = "a/".repeat(64); // 128 bytes: its length is 0x00 0x80
    for filters in [["s/+/t", "été/#", "x"], ["s/+/t", long.as_str(), "été/#"]] {
        let payload: Vec<u8> = filters.iter().flat_map(|f| cat(&[&s(f), &[1]])).collect();
        assert_eq!(std::str::from_utf8(&payload).is_ok(), !filters.contains(&long.as_str()));
        let sub = pkt(0x82, &cat(&[&[0, 9], &payload]));
        let Packet::Subscribe(sub) = decode(ProtocolVersion::V3_1_1, &sub) else { panic!() };
        let read: Vec<_> = sub.subscriptions().map(|(f, o)| (f.raw(), o.qos)).collect();
        assert_eq!(read, filters.map(|f| (f, QoS::AtLeastOnce)));
        let unsub: Vec<u8> = filters.iter().flat_map(|f| s(f)).collect();
        let unsub = pkt(0xa2, &cat(&[&[0, 9], &unsub]));
        let Packet::Unsubscribe(u) = decode(ProtocolVersion::V3_1_1, &unsub) else { panic!() };
        assert_eq!(u.filters().map(|f| f.raw()).collect::<Vec<_>>(), filters);
    }
}

#[test]
fn malformed_packets_give_exact_kinds_and_offsets() {
    let cases = malformed();
    assert!(cases.len() >= 50, "{}", cases.len());
    for (name, version, bytes, kind, offset) in cases {
        let mut d = Decoder::new(version);
        let e = d.decode(&bytes).expect_err(name);
        assert_eq!((e.kind(), e.offset()), (kind, offset), "{name}");
        assert!(e.offset() <= bytes.len(), "{name}");
    }
}

#[test]
fn reason_codes_for_errors() {
    let mut d = Decoder::new(ProtocolVersion::V5);
    let e = d.decode(&[0x20, 6, 0, 0, 3, 0x21, 0, 0]).unwrap_err();
    assert_eq!(e.reason_code(), ReasonCode::PROTOCOL_ERROR);
    let e = Decoder::new(ProtocolVersion::V5)
        .decode(&pkt(0x10, &cat(&[&s("MQTT"), &[7, 2, 0, 0]])))
        .unwrap_err();
    assert_eq!(e.reason_code(), ReasonCode::UNSUPPORTED_PROTOCOL_VERSION);
    let e =
        Decoder::with_max_packet_size(ProtocolVersion::V5, 16).decode(&[0x30, 100]).unwrap_err();
    assert_eq!(e.reason_code(), ReasonCode::PACKET_TOO_LARGE);
}
