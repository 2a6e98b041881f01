//! Interop on loopback with mosquitto (Debian `mosquitto`, `mosquitto-clients`), bounded in time:
//! packets sent by `mosquitto_pub`/`mosquitto_sub` and by the mosquitto broker are decoded by this
//! crate, for 3.1.1 and 5.0. The packets we send them are written by hand (`common`), not by this
//! crate, so that what is tested is the decoder.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{cat, pkt, s};
use interop_support::{peer, spawn_quiet, Guard};
use mqtt_codec::packets::AckKind;
use mqtt_codec::{
    Decoded, Decoder, Packet, PropertyId, PropertyValue, ProtocolVersion, QoS, ReasonCode,
};

/// Reads from `stream` until the decoder yields a packet; hands it to `f` and returns what `f` returns.
/// Bounded by the socket's read timeout and a 10 s deadline.
fn next_packet<R>(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    d: &mut Decoder,
    f: impl FnOnce(Packet<'_>) -> R,
) -> R {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // Decode what is buffered first; the packet borrows `buf`, so copy out what the test needs.
        let step = match d.decode(buf).unwrap() {
            Decoded::Packet(_, used) => Some(used),
            Decoded::Incomplete(_) => None,
        };
        if let Some(used) = step {
            let owned = buf[..used].to_vec();
            buf.drain(..used);
            let mut again = *d;
            let Decoded::Packet(p, _) = again.decode(&owned).unwrap() else { unreachable!() };
            *d = again;
            return f(p);
        }
        assert!(Instant::now() < deadline, "no packet within 10 s");
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).expect("read within the timeout");
        assert!(n > 0, "peer closed the connection");
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn accept(listener: &TcpListener) -> TcpStream {
    listener.set_nonblocking(false).unwrap();
    let (stream, _) = listener.accept().unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream
}

#[test]
fn mosquitto_pub_connect_publish_disconnect_311_and_5() {
    let Some(pub_cmd) = peer(&["mosquitto_pub"]) else { return };
    for (version, flag) in [(ProtocolVersion::V3_1_1, "mqttv311"), (ProtocolVersion::V5, "mqttv5")]
    {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port().to_string();
        let mut args = vec![
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-V",
            flag,
            "-i",
            "iotcodec-pub",
            "-u",
            "user",
            "-P",
            "secret",
            "-t",
            "sensors/kitchen/temperature",
            "-m",
            "22.5",
            "-q",
            "1",
            "-r",
            "--will-topic",
            "status/iotcodec",
            "--will-payload",
            "offline",
            "--will-qos",
            "1",
        ];
        if version.is_v5() {
            args.extend([
                "-D",
                "publish",
                "user-property",
                "unit",
                "celsius",
                "-D",
                "publish",
                "content-type",
                "text/plain",
                "-D",
                "connect",
                "session-expiry-interval",
                "30",
            ]);
        }
        let _client = Guard(
            Command::new(&pub_cmd)
                .args(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let mut stream = accept(&listener);
        let mut buf = Vec::new();
        let mut d = Decoder::new(ProtocolVersion::V3_1_1);
        next_packet(&mut stream, &mut buf, &mut d, |p| {
            let Packet::Connect(c) = p else { panic!("{p:?}") };
            assert_eq!(
                (c.version, c.client_id, c.username, c.password),
                (version, "iotcodec-pub", Some("user"), Some(&b"secret"[..]))
            );
            let will = c.will.unwrap();
            assert_eq!(
                (will.topic, will.payload, will.qos),
                ("status/iotcodec", &b"offline"[..], QoS::AtLeastOnce)
            );
            if version.is_v5() {
                assert_eq!(c.properties.session_expiry_interval(), Some(30));
            }
        });
        stream
            .write_all(if version.is_v5() { &[0x20, 3, 0, 0, 0] } else { &[0x20, 2, 0, 0] })
            .unwrap();
        let id = next_packet(&mut stream, &mut buf, &mut d, |p| {
            let Packet::Publish(p) = p else { panic!("{p:?}") };
            assert_eq!(
                (p.topic, p.payload, p.qos, p.retain),
                ("sensors/kitchen/temperature", &b"22.5"[..], QoS::AtLeastOnce, true)
            );
            if version.is_v5() {
                assert_eq!(
                    p.properties.user_properties().collect::<Vec<_>>(),
                    [("unit", "celsius")]
                );
                assert_eq!(p.properties.content_type(), Some("text/plain"));
            }
            p.packet_id.unwrap()
        });
        stream.write_all(&cat(&[&[0x40, 2], &id.to_be_bytes()])).unwrap();
        next_packet(&mut stream, &mut buf, &mut d, |p| {
            let Packet::Disconnect(dc) = p else { panic!("{p:?}") };
            assert_eq!(dc.reason, ReasonCode::SUCCESS);
        });
    }
}

#[test]
fn mosquitto_sub_subscribes_and_receives_our_publish() {
    let Some(sub_cmd) = peer(&["mosquitto_sub"]) else { return };
    for (version, flag) in [(ProtocolVersion::V3_1_1, "mqttv311"), (ProtocolVersion::V5, "mqttv5")]
    {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port().to_string();
        let args = [
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-V",
            flag,
            "-t",
            "sensors/+/temperature",
            "-t",
            "alerts/#",
            "-q",
            "2",
            "-C",
            "1",
        ];
        let child = Command::new(&sub_cmd)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stream = accept(&listener);
        let mut buf = Vec::new();
        let mut d = Decoder::new(version);
        next_packet(&mut stream, &mut buf, &mut d, |p| {
            assert!(matches!(p, Packet::Connect(_)), "{p:?}")
        });
        stream
            .write_all(if version.is_v5() { &[0x20, 3, 0, 0, 0] } else { &[0x20, 2, 0, 0] })
            .unwrap();
        let id = next_packet(&mut stream, &mut buf, &mut d, |p| {
            let Packet::Subscribe(sp) = p else { panic!("{p:?}") };
            let subs: Vec<_> =
                sp.subscriptions().map(|(f, o)| (f.filter().to_string(), o.qos)).collect();
            assert_eq!(
                subs,
                [
                    ("sensors/+/temperature".to_string(), QoS::ExactlyOnce),
                    ("alerts/#".to_string(), QoS::ExactlyOnce)
                ]
            );
            sp.packet_id
        });
        let props: &[u8] = if version.is_v5() { &[0] } else { &[] };
        stream.write_all(&pkt(0x90, &cat(&[&id.to_be_bytes(), props, &[2, 2]]))).unwrap();
        // A QoS 0 PUBLISH to a matching topic; mosquitto_sub prints it and exits (-C 1).
        stream
            .write_all(&pkt(0x30, &cat(&[&s("sensors/hall/temperature"), props, b"19.0"])))
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "19.0");
    }
}

#[test]
fn broker_traffic_decodes() {
    let Some(broker) = peer(&["mosquitto"]) else { return };
    let port = interop_support::free_port();
    let conf = std::env::temp_dir().join(format!("iotcodec-mosquitto-{port}.conf"));
    std::fs::write(
        &conf,
        format!("listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n"),
    )
    .unwrap();
    let _broker = spawn_quiet(&broker, &["-c", conf.to_str().unwrap()]);
    let connect = |deadline: Instant| loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => break s,
            Err(e) => {
                assert!(Instant::now() < deadline, "broker did not start: {e}");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    };
    for version in [ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
        let mut stream = connect(Instant::now() + Duration::from_secs(10));
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let v5 = version.is_v5();
        let props: &[u8] = if v5 { &[0] } else { &[] };
        let mut d = Decoder::new(version);
        let mut buf = Vec::new();
        // CONNECT, clean start, keep alive 30, client id per version.
        let id = if v5 { "iotcodec-v5" } else { "iotcodec-v4" };
        stream
            .write_all(&pkt(
                0x10,
                &cat(&[&s("MQTT"), &[version.level(), 0x02, 0, 30], props, &s(id)]),
            ))
            .unwrap();
        next_packet(&mut stream, &mut buf, &mut d, |p| {
            let Packet::Connack(ca) = p else { panic!("{p:?}") };
            assert_eq!(ca.code, ReasonCode::SUCCESS);
            if v5 {
                // mosquitto announces its limits in CONNACK properties.
                assert!(ca.properties.iter().count() > 0);
            }
        });
        // SUBSCRIBE t/# at QoS 2; SUBACK grants 2.
        stream.write_all(&pkt(0x82, &cat(&[&[0, 1], props, &s("iotcodec/#"), &[2]]))).unwrap();
        next_packet(&mut stream, &mut buf, &mut d, |p| {
            let Packet::Suback(sa) = p else { panic!("{p:?}") };
            assert_eq!(sa.reason_codes().collect::<Vec<_>>(), [ReasonCode::GRANTED_QOS_2]);
        });
        // PUBLISH QoS 1 to a matching topic (with a User Property in 5.0): PUBACK, then our own message.
        let pub_props: Vec<u8> = if v5 { cat(&[&[7, 0x26], &s("k"), &s("v")]) } else { vec![] };
        stream
            .write_all(&pkt(0x32, &cat(&[&s("iotcodec/x"), &[0, 7], &pub_props, b"hello"])))
            .unwrap();
        let mut got_ack = false;
        let mut got_message = false;
        while !(got_ack && got_message) {
            next_packet(&mut stream, &mut buf, &mut d, |p| match p {
                Packet::Ack(a) if a.kind == AckKind::Puback => {
                    assert_eq!(a.packet_id, 7);
                    got_ack = true;
                }
                Packet::Publish(m) => {
                    assert_eq!(
                        (m.topic, m.payload, m.qos),
                        ("iotcodec/x", &b"hello"[..], QoS::AtLeastOnce)
                    );
                    if v5 {
                        assert_eq!(
                            m.properties.get(PropertyId::USER_PROPERTY),
                            Some(PropertyValue::Pair("k", "v"))
                        );
                    }
                    got_message = true;
                }
                other => panic!("{other:?}"),
            });
        }
        // PINGREQ, PINGRESP; then DISCONNECT.
        stream.write_all(&[0xc0, 0]).unwrap();
        next_packet(&mut stream, &mut buf, &mut d, |p| assert_eq!(p, Packet::Pingresp));
        stream.write_all(&[0xe0, 0]).unwrap();
    }
    let _ = std::fs::remove_file(conf);
}
