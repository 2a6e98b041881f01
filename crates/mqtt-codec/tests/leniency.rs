//! Each relaxation accepts exactly the rule it names, and nothing else.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{cat, pkt, s};
use mqtt_codec::{Decoded, Decoder, ErrorKind, Leniency, Packet, ProtocolVersion, QoS};

fn strict_error(bytes: &[u8]) -> ErrorKind {
    Decoder::new(ProtocolVersion::V3_1_1).decode(bytes).unwrap_err().kind()
}

fn lenient(leniency: Leniency, bytes: &[u8]) -> Packet<'_> {
    match Decoder::new(ProtocolVersion::V3_1_1).with_leniency(leniency).decode(bytes).unwrap() {
        Decoded::Packet(p, used) => {
            assert_eq!(used, bytes.len());
            p
        }
        Decoded::Incomplete(n) => panic!("{n:?}"),
    }
}

#[test]
fn reserved_flags_as_mqtt_3_1_clients_send_them() {
    // SUBSCRIBE with DUP and QoS 1 (0b1010), as some 3.1 clients resend it.
    let sub = pkt(0x8a, &cat(&[&[0, 1], &s("a/#"), &[1]]));
    assert_eq!(strict_error(&sub), ErrorKind::InvalidFlags);
    let Packet::Subscribe(sp) = lenient(Leniency::STRICT.reserved_flags(true), &sub) else {
        panic!()
    };
    assert_eq!(sp.subscriptions().count(), 1);
    // PUBREL with flags 0.
    assert_eq!(strict_error(&[0x60, 2, 0, 1]), ErrorKind::InvalidFlags);
    assert!(matches!(
        lenient(Leniency::STRICT.reserved_flags(true), &[0x60, 2, 0, 1]),
        Packet::Ack(_)
    ));
    // The relaxation does not reach QoS 3.
    let e = Decoder::new(ProtocolVersion::V3_1_1)
        .with_leniency(Leniency::STRICT.reserved_flags(true))
        .decode(&[0x36, 0])
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidQos);
}

#[test]
fn dup_on_qos0() {
    let publish = pkt(0x38, &cat(&[&s("a"), b"x"]));
    assert_eq!(strict_error(&publish), ErrorKind::DupWithQos0);
    let Packet::Publish(p) = lenient(Leniency::STRICT.dup_on_qos0(true), &publish) else {
        panic!()
    };
    assert_eq!((p.dup, p.qos, p.payload), (true, QoS::AtMostOnce, &b"x"[..]));
    // Another relaxation does not accept it.
    let e = Decoder::new(ProtocolVersion::V3_1_1)
        .with_leniency(Leniency::STRICT.reserved_flags(true))
        .decode(&publish)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::DupWithQos0);
}

#[test]
fn non_minimal_remaining_length() {
    // PINGREQ with Remaining Length 0 written in two bytes.
    assert_eq!(strict_error(&[0xc0, 0x80, 0x00]), ErrorKind::VarIntNotMinimal);
    assert_eq!(
        lenient(Leniency::STRICT.non_minimal_length(true), &[0xc0, 0x80, 0x00]),
        Packet::Pingreq
    );
    // Five bytes stay an error.
    let e = Decoder::new(ProtocolVersion::V3_1_1)
        .with_leniency(Leniency::STRICT.non_minimal_length(true))
        .decode(&[0xc0, 0x80, 0x80, 0x80, 0x80, 0x00])
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::VarIntTooLong);
}

#[test]
fn password_without_username() {
    let connect = pkt(0x10, &cat(&[&s("MQTT"), &[4, 0x42, 0, 10], &s("c"), &s("token")]));
    assert_eq!(strict_error(&connect), ErrorKind::PasswordWithoutUsername);
    let Packet::Connect(c) = lenient(Leniency::STRICT.password_without_username(true), &connect)
    else {
        panic!()
    };
    assert_eq!((c.username, c.password), (None, Some(&b"token"[..])));
}
