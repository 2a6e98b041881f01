//! Round trips for every packet type and version: `decode(encode(p)) == p`, `encode` writes exactly
//! `encoded_len` bytes, a short buffer names the needed length, and the bytes of a decoded packet
//! encode back unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use mqtt_codec::packets::{
    Ack, AckKind, Auth, Connack, Connect, Disconnect, Publish, RetainHandling, Suback, Subscribe,
    SubscriptionOptions, Unsuback, Unsubscribe, Will,
};
use mqtt_codec::{
    write_properties, write_subscribe_payload, write_unsubscribe_payload, Context, Decoded,
    Decoder, EncodeError, Packet, Properties, Property, PropertyId, PropertyValue, ProtocolVersion,
    QoS, ReasonCode,
};
use proptest::prelude::*;

fn version() -> impl Strategy<Value = ProtocolVersion> {
    prop_oneof![
        Just(ProtocolVersion::V3_1),
        Just(ProtocolVersion::V3_1_1),
        Just(ProtocolVersion::V5)
    ]
}

fn qos() -> impl Strategy<Value = QoS> {
    prop_oneof![Just(QoS::AtMostOnce), Just(QoS::AtLeastOnce), Just(QoS::ExactlyOnce)]
}

fn topic() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z0-9é]{0,4}", 1..4)
        .prop_map(|l| l.join("/"))
        .prop_filter("non-empty", |t| !t.is_empty())
}

fn filter() -> impl Strategy<Value = String> {
    (topic(), any::<bool>(), any::<bool>()).prop_map(|(t, plus, hash)| {
        let mut f = t;
        if plus {
            f = format!("+/{f}");
        }
        if hash {
            f.push_str("/#");
        }
        f
    })
}

/// Owned property values for one context; encoded with `write_properties`.
fn props_for(context: Context) -> impl Strategy<Value = Vec<(u8, PropertyValueOwned)>> {
    // Names and values with characters of two, three and four bytes too, so that the iterator's
    // whole-block UTF-8 test meets blocks that pass with such strings and blocks that fail on the
    // binary data before them.
    let user = ("[a-zé€😀]{0,5}", "[a-z é€😀]{0,5}")
        .prop_map(|(k, v)| (0x26u8, PropertyValueOwned::Pair(k, v)));
    let specific: BoxedStrategy<(u8, PropertyValueOwned)> = match context {
        Context::Publish => prop_oneof![
            "[a-z/]{1,8}".prop_map(|s| (0x03u8, PropertyValueOwned::Utf8(s))),
            (1u32..1000).prop_map(|v| (0x02u8, PropertyValueOwned::U32(v))),
            proptest::collection::vec(any::<u8>(), 0..6)
                .prop_map(|b| (0x09u8, PropertyValueOwned::Binary(b))),
        ]
        .boxed(),
        Context::Connect => prop_oneof![
            (0u32..100_000).prop_map(|v| (0x11u8, PropertyValueOwned::U32(v))),
            (1u16..100).prop_map(|v| (0x21u8, PropertyValueOwned::U16(v))),
        ]
        .boxed(),
        _ => "[a-z ]{0,8}".prop_map(|s| (0x1fu8, PropertyValueOwned::Utf8(s))).boxed(),
    };
    // At most one of the once-only property, any number of User Properties.
    (proptest::option::of(specific), proptest::collection::vec(user, 0..3)).prop_map(
        |(s, mut u)| {
            if let Some(s) = s {
                u.insert(0, s);
            }
            u
        },
    )
}

#[derive(Debug, Clone)]
enum PropertyValueOwned {
    U16(u16),
    U32(u32),
    Utf8(String),
    Binary(Vec<u8>),
    Pair(String, String),
}

/// Encodes owned properties into `buf`, checks them for `context` and reads them back.
fn build<'a>(
    list: &'a [(u8, PropertyValueOwned)],
    context: Context,
    buf: &'a mut [u8],
) -> Properties<'a> {
    let props: Vec<Property<'a>> = list
        .iter()
        .map(|(id, v)| Property {
            id: PropertyId(*id),
            value: match v {
                PropertyValueOwned::U16(x) => PropertyValue::U16(*x),
                PropertyValueOwned::U32(x) => PropertyValue::U32(*x),
                PropertyValueOwned::Utf8(s) => PropertyValue::Utf8(s),
                PropertyValueOwned::Binary(b) => PropertyValue::Binary(b),
                PropertyValueOwned::Pair(k, v) => PropertyValue::Pair(k, v),
            },
        })
        .collect();
    let n = write_properties(&props, buf).unwrap();
    let parsed = Properties::parse(&buf[..n], context).unwrap();
    // The iterator gives back every property as written, strings sliced from the block or not.
    assert_eq!(parsed.iter().collect::<Vec<_>>(), props);
    parsed
}

/// Encodes, checks the length rules, decodes with a decoder set to `version`, and returns the bytes.
fn round_trip(p: &Packet<'_>, version: ProtocolVersion) -> Vec<u8> {
    let len = p.encoded_len(version).unwrap();
    let mut buf = vec![0u8; len];
    assert_eq!(p.encode(version, &mut buf).unwrap(), len);
    if len > 0 {
        assert_eq!(
            p.encode(version, &mut vec![0u8; len - 1]),
            Err(EncodeError::BufferTooSmall { needed: len })
        );
    }
    let mut d = Decoder::new(version);
    let Decoded::Packet(back, used) = d.decode(&buf).unwrap() else { panic!("incomplete") };
    assert_eq!(used, len);
    // Decoded packets re-encode to the same bytes.
    let mut again = vec![0u8; len];
    back.encode(version, &mut again).unwrap();
    assert_eq!(again, buf);
    buf
}

/// Whether `p` comes back equal from its own encoding.
fn comes_back(p: &Packet<'_>, version: ProtocolVersion) -> bool {
    let bytes = round_trip(p, version);
    decoded(&bytes, version) == *p
}

fn decoded(bytes: &[u8], version: ProtocolVersion) -> Packet<'_> {
    let Decoded::Packet(p, _) = Decoder::new(version).decode(bytes).unwrap() else { panic!() };
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn publish(v in version(), q in qos(), dup in any::<bool>(), retain in any::<bool>(), t in topic(), id in 1u16.., payload in proptest::collection::vec(any::<u8>(), 0..64), props in props_for(Context::Publish)) {
        let mut pbuf = vec![0u8; 256];
        let properties = if v.is_v5() { build(&props, Context::Publish, &mut pbuf) } else { Properties::EMPTY };
        let p = Packet::Publish(Publish {
            dup: dup && q != QoS::AtMostOnce, qos: q, retain, topic: &t,
            packet_id: (q != QoS::AtMostOnce).then_some(id), properties, payload: &payload,
        });
        let bytes = round_trip(&p, v);
        prop_assert_eq!(decoded(&bytes, v), p);
    }

    #[test]
    fn connect(v in version(), clean in any::<bool>(), ka in any::<u16>(), id in "[a-zA-Z0-9]{0,23}", will in proptest::option::of((qos(), any::<bool>(), topic(), proptest::collection::vec(any::<u8>(), 0..8))), user in proptest::option::of("[a-z]{0,6}"), pass in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..6)), props in props_for(Context::Connect)) {
        let mut pbuf = vec![0u8; 256];
        let properties = if v.is_v5() { build(&props, Context::Connect, &mut pbuf) } else { Properties::EMPTY };
        // 3.1 and 3.1.1 need a user name for a password [MQTT-3.1.2-22].
        let password = if v.is_v5() || user.is_some() { pass.as_deref() } else { None };
        let p = Packet::Connect(Connect {
            version: v, clean_start: clean, keep_alive: ka, properties, client_id: &id,
            will: will.as_ref().map(|(q, r, t, pl)| Will { qos: *q, retain: *r, properties: Properties::EMPTY, topic: t, payload: pl }),
            username: user.as_deref(), password,
        });
        // CONNECT carries its own version; decode with another default to check that too.
        let bytes = round_trip(&p, v);
        prop_assert_eq!(decoded(&bytes, ProtocolVersion::V3_1_1), p);
    }

    #[test]
    fn acks_connack_disconnect_auth(v in version(), id in 1u16.., kind in 0usize..4, sp in any::<bool>(), props in props_for(Context::PubAck)) {
        let mut pbuf = vec![0u8; 256];
        let properties = if v.is_v5() { build(&props, Context::PubAck, &mut pbuf) } else { Properties::EMPTY };
        let kinds = [AckKind::Puback, AckKind::Pubrec, AckKind::Pubrel, AckKind::Pubcomp];
        let reason = if v.is_v5() && kind < 2 { ReasonCode::NO_MATCHING_SUBSCRIBERS } else { ReasonCode::SUCCESS };
        let ack = Packet::Ack(Ack { kind: kinds[kind], packet_id: id, reason, properties });
        let bytes = round_trip(&ack, v);
        prop_assert_eq!(decoded(&bytes, v), ack);
        let code = if v.is_v5() { ReasonCode::NOT_AUTHORIZED } else { ReasonCode(5) };
        let connack = Packet::Connack(Connack { session_present: sp, code, properties: Properties::EMPTY });
        prop_assert!(comes_back(&connack, v));
        for p in [Packet::Pingreq, Packet::Pingresp] {
            prop_assert!(comes_back(&p, v));
        }
        let reason = if v.is_v5() { ReasonCode::SERVER_SHUTTING_DOWN } else { ReasonCode::SUCCESS };
        let dc = Packet::Disconnect(Disconnect { reason, properties: Properties::EMPTY });
        prop_assert!(comes_back(&dc, v));
        if v.is_v5() {
            let mut abuf = [0u8; 64];
            let list = [Property { id: PropertyId::AUTHENTICATION_METHOD, value: PropertyValue::Utf8("SCRAM") }];
            let n = write_properties(&list, &mut abuf).unwrap();
            let auth = Packet::Auth(Auth { reason: ReasonCode::CONTINUE_AUTHENTICATION, properties: Properties::parse(&abuf[..n], Context::Auth).unwrap() });
            prop_assert!(comes_back(&auth, v));
        }
    }

    #[test]
    fn subscribe_family(v in version(), id in 1u16.., filters in proptest::collection::vec((filter(), qos(), any::<bool>(), any::<bool>(), 0u8..3), 1..5)) {
        let options: Vec<(&str, SubscriptionOptions)> = filters.iter().map(|(f, q, nl, rap, rh)| {
            let five = v.is_v5();
            (f.as_str(), SubscriptionOptions {
                qos: *q, no_local: five && *nl, retain_as_published: five && *rap,
                retain_handling: match (five, rh) { (false, _) | (_, 0) => RetainHandling::SendAtSubscribe, (_, 1) => RetainHandling::SendIfNew, _ => RetainHandling::DoNotSend },
            })
        }).collect();
        let mut payload = vec![0u8; 512];
        let n = write_subscribe_payload(&options, &mut payload).unwrap();
        let sub = Subscribe::new(id, Properties::EMPTY, &payload[..n], v).unwrap();
        let bytes = round_trip(&Packet::Subscribe(sub), v);
        let Packet::Subscribe(back) = decoded(&bytes, v) else { panic!() };
        prop_assert_eq!(back.packet_id, id);
        let got: Vec<_> = back.subscriptions().map(|(f, o)| (f.raw().to_string(), o)).collect();
        let want: Vec<_> = options.iter().map(|(f, o)| (f.to_string(), *o)).collect();
        prop_assert_eq!(got, want);

        let names: Vec<&str> = filters.iter().map(|(f, ..)| f.as_str()).collect();
        let n = write_unsubscribe_payload(&names, &mut payload).unwrap();
        let unsub = Unsubscribe::new(id, Properties::EMPTY, &payload[..n]).unwrap();
        let bytes = round_trip(&Packet::Unsubscribe(unsub), v);
        let Packet::Unsubscribe(back) = decoded(&bytes, v) else { panic!() };
        prop_assert_eq!(back.filters().map(|f| f.raw()).collect::<Vec<_>>(), names);

        let codes: Vec<u8> = filters.iter().map(|(_, q, ..)| *q as u8).collect();
        let suback = Packet::Suback(Suback::new(id, Properties::EMPTY, &codes));
        prop_assert!(comes_back(&suback, v));
        let unsub_codes: &[u8] = if v.is_v5() { &codes[..0] } else { &[] };
        let unsuback = Packet::Unsuback(Unsuback::new(id, Properties::EMPTY, unsub_codes));
        prop_assert!(comes_back(&unsuback, v));
    }
}

#[test]
fn spec_shaped_packets_encode_to_known_bytes() {
    // 3.1.1 PINGREQ, DISCONNECT, PUBREL (flags 0b0010) and a QoS 1 PUBLISH, byte for byte.
    let v = ProtocolVersion::V3_1_1;
    let mut buf = [0u8; 32];
    let n = Packet::Pingreq.encode(v, &mut buf).unwrap();
    assert_eq!(&buf[..n], &[0xc0, 0x00]);
    let n = Packet::Disconnect(Disconnect {
        reason: ReasonCode::SUCCESS,
        properties: Properties::EMPTY,
    })
    .encode(v, &mut buf)
    .unwrap();
    assert_eq!(&buf[..n], &[0xe0, 0x00]);
    let n = Packet::Ack(Ack {
        kind: AckKind::Pubrel,
        packet_id: 10,
        reason: ReasonCode::SUCCESS,
        properties: Properties::EMPTY,
    })
    .encode(v, &mut buf)
    .unwrap();
    assert_eq!(&buf[..n], &[0x62, 0x02, 0x00, 0x0a]);
    let p = Publish {
        dup: false,
        qos: QoS::AtLeastOnce,
        retain: true,
        topic: "a/b",
        packet_id: Some(10),
        properties: Properties::EMPTY,
        payload: b"hi",
    };
    let n = Packet::Publish(p).encode(v, &mut buf).unwrap();
    assert_eq!(&buf[..n], &[0x33, 0x09, 0x00, 0x03, b'a', b'/', b'b', 0x00, 0x0a, b'h', b'i']);
    // 5.0: the same PUBLISH carries a zero property length; a Success PUBACK is two bytes long.
    let n = Packet::Publish(p).encode(ProtocolVersion::V5, &mut buf).unwrap();
    assert_eq!(
        &buf[..n],
        &[0x33, 0x0a, 0x00, 0x03, b'a', b'/', b'b', 0x00, 0x0a, 0x00, b'h', b'i']
    );
    let n = Packet::Ack(Ack {
        kind: AckKind::Puback,
        packet_id: 10,
        reason: ReasonCode::SUCCESS,
        properties: Properties::EMPTY,
    })
    .encode(ProtocolVersion::V5, &mut buf)
    .unwrap();
    assert_eq!(&buf[..n], &[0x40, 0x02, 0x00, 0x0a]);
}
