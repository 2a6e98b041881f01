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
use interop_support::{peer, spawn_quiet, start_tcp_server, Guard};
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

/// Starts mosquitto on a free loopback port with a config written for it (anonymous, no
/// persistence) and returns once it accepts connections; the broker is killed when the guard
/// drops. The configs are removed once the broker is up, since mosquitto reads its config only at
/// start.
fn start_broker(broker: &str) -> (u16, Guard) {
    let mut configs = Vec::new();
    let (process, port) = start_tcp_server(|port| {
        let conf = std::env::temp_dir().join(format!("iotcodec-mosquitto-{port}.conf"));
        std::fs::write(
            &conf,
            format!("listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n"),
        )
        .unwrap();
        let process = spawn_quiet(broker, &["-c", conf.to_str().unwrap()]);
        configs.push(conf);
        process
    });
    for conf in configs {
        let _ = std::fs::remove_file(conf);
    }
    (port, process)
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
    let (port, _broker) = start_broker(&broker);
    for version in [ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
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
}

/// What a test client keeps of a received packet (owned, so the receive buffer can move on).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Event {
    Connack(ReasonCode),
    Suback(Vec<ReasonCode>),
    Unsuback,
    Pingresp,
    Ack(AckKind, u16, ReasonCode),
    Message {
        topic: String,
        payload: Vec<u8>,
        qos: QoS,
        id: Option<u16>,
        user: Vec<(String, String)>,
    },
}

/// A minimal MQTT client on this crate's encoder and decoder over a blocking `TcpStream`.
struct Client {
    stream: TcpStream,
    buf: Vec<u8>,
    decoder: Decoder,
    version: ProtocolVersion,
}

impl Client {
    fn connect(port: u16, version: ProtocolVersion, connect: &Packet<'_>) -> (Self, ReasonCode) {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut c = Self { stream, buf: Vec::new(), decoder: Decoder::new(version), version };
        c.send(connect);
        let Event::Connack(code) = c.recv() else { panic!("no CONNACK") };
        (c, code)
    }

    fn send(&mut self, p: &Packet<'_>) {
        let mut out = vec![0u8; p.encoded_len(self.version).unwrap()];
        let n = p.encode(self.version, &mut out).unwrap();
        self.stream.write_all(&out[..n]).unwrap();
    }

    fn recv(&mut self) -> Event {
        next_packet(&mut self.stream, &mut self.buf, &mut self.decoder, |p| match p {
            Packet::Connack(c) => Event::Connack(c.code),
            Packet::Suback(s) => Event::Suback(s.reason_codes().collect()),
            Packet::Unsuback(_) => Event::Unsuback,
            Packet::Pingresp => Event::Pingresp,
            Packet::Ack(a) => Event::Ack(a.kind, a.packet_id, a.reason),
            Packet::Publish(m) => Event::Message {
                topic: m.topic.to_string(),
                payload: m.payload.to_vec(),
                qos: m.qos,
                id: m.packet_id,
                user: m
                    .properties
                    .user_properties()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            },
            other => panic!("unexpected {other:?}"),
        })
    }

    fn ack(&mut self, kind: AckKind, id: u16) {
        self.send(&Packet::Ack(mqtt_codec::packets::Ack {
            kind,
            packet_id: id,
            reason: ReasonCode::SUCCESS,
            properties: mqtt_codec::Properties::EMPTY,
        }));
    }
}

/// A clean-start CONNECT with keep alive 30 and no credentials.
fn connect_packet<'a>(
    version: ProtocolVersion,
    client_id: &'a str,
    will: Option<mqtt_codec::packets::Will<'a>>,
) -> Packet<'a> {
    Packet::Connect(mqtt_codec::packets::Connect {
        version,
        clean_start: true,
        keep_alive: 30,
        properties: mqtt_codec::Properties::EMPTY,
        client_id,
        will,
        username: None,
        password: None,
    })
}

/// The client of issue 3 on this crate's encoder: connect (with a will), subscribe with wildcards,
/// publish at QoS 0, 1 and 2 completing every flow, receive its own messages, get the will of a client
/// that dropped its connection, unsubscribe, ping and disconnect; for 3.1.1 and 5.0.
#[test]
fn our_client_against_the_broker() {
    use mqtt_codec::packets::{Publish, Subscribe, SubscriptionOptions, Unsubscribe, Will};
    use mqtt_codec::{
        write_properties, write_subscribe_payload, write_unsubscribe_payload, Context, Properties,
        Property,
    };
    let Some(broker) = peer(&["mosquitto"]) else { return };
    let (port, _broker) = start_broker(&broker);

    for version in [ProtocolVersion::V3_1_1, ProtocolVersion::V5] {
        let v5 = version.is_v5();
        let tag = if v5 { "v5" } else { "v4" };
        let base = format!("iotcodec/{tag}");
        let will_topic = format!("iotcodec/will/{tag}");
        let mut pbuf = [0u8; 128];
        let user_props = if v5 {
            let list = [
                Property {
                    id: PropertyId::USER_PROPERTY,
                    value: PropertyValue::Pair("unit", "celsius"),
                },
                Property { id: PropertyId::CONTENT_TYPE, value: PropertyValue::Utf8("text/plain") },
            ];
            let n = write_properties(&list, &mut pbuf).unwrap();
            Properties::parse(&pbuf[..n], Context::Publish).unwrap()
        } else {
            Properties::EMPTY
        };
        // A: a client with a will that will vanish without DISCONNECT.
        let will = Will {
            qos: QoS::AtLeastOnce,
            retain: false,
            properties: Properties::EMPTY,
            topic: &will_topic,
            payload: b"gone",
        };
        let (a, code) = Client::connect(
            port,
            version,
            &connect_packet(version, if v5 { "iotc-a5" } else { "iotc-a4" }, Some(will)),
        );
        assert_eq!(code, ReasonCode::SUCCESS);
        // B: subscribes with wildcards.
        let (mut b, code) = Client::connect(
            port,
            version,
            &connect_packet(version, if v5 { "iotc-b5" } else { "iotc-b4" }, None),
        );
        assert_eq!(code, ReasonCode::SUCCESS);
        let q2 = SubscriptionOptions {
            qos: QoS::ExactlyOnce,
            no_local: false,
            retain_as_published: false,
            retain_handling: mqtt_codec::packets::RetainHandling::SendAtSubscribe,
        };
        let wildcard = format!("{base}/+/t/#");
        let mut sbuf = [0u8; 128];
        let n = write_subscribe_payload(&[(&wildcard, q2), (&will_topic, q2)], &mut sbuf).unwrap();
        b.send(&Packet::Subscribe(
            Subscribe::new(1, Properties::EMPTY, &sbuf[..n], version).unwrap(),
        ));
        assert_eq!(
            b.recv(),
            Event::Suback(vec![ReasonCode::GRANTED_QOS_2, ReasonCode::GRANTED_QOS_2])
        );

        // Publish at QoS 0, 1 and 2 to topics the wildcard matches, and complete every flow.
        let topic = format!("{base}/kitchen/t/now");
        let mut received = Vec::new();
        for (i, qos) in
            [QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce].into_iter().enumerate()
        {
            let id = 10 + i as u16;
            let payload = format!("reading {i}");
            let publish = Publish {
                dup: false,
                qos,
                retain: false,
                topic: &topic,
                packet_id: (qos != QoS::AtMostOnce).then_some(id),
                properties: user_props,
                payload: payload.as_bytes(),
            };
            b.send(&Packet::Publish(publish));
            let mut done = qos == QoS::AtMostOnce;
            let mut got = false;
            while !(done && got) {
                match b.recv() {
                    Event::Ack(AckKind::Puback, pid, _) if pid == id => done = true,
                    Event::Ack(AckKind::Pubrec, pid, _) if pid == id => b.ack(AckKind::Pubrel, id),
                    Event::Ack(AckKind::Pubcomp, pid, _) if pid == id => done = true,
                    Event::Ack(AckKind::Pubrel, pid, _) => b.ack(AckKind::Pubcomp, pid),
                    Event::Message { topic: t, payload: p, qos: q, id: mid, user } => {
                        assert_eq!((t.as_str(), q), (topic.as_str(), qos));
                        if v5 {
                            assert_eq!(user, [("unit".to_string(), "celsius".to_string())]);
                        }
                        match (q, mid) {
                            (QoS::AtLeastOnce, Some(m)) => b.ack(AckKind::Puback, m),
                            (QoS::ExactlyOnce, Some(m)) => b.ack(AckKind::Pubrec, m),
                            _ => {}
                        }
                        received.push(String::from_utf8(p).unwrap());
                        got = true;
                    }
                    other => panic!("{other:?}"),
                }
            }
        }
        assert_eq!(received, ["reading 0", "reading 1", "reading 2"]);

        // A drops its connection: the broker publishes A's will to B (a PUBREL for the QoS 2 message
        // B received may still come first).
        drop(a);
        loop {
            match b.recv() {
                Event::Ack(AckKind::Pubrel, pid, _) => b.ack(AckKind::Pubcomp, pid),
                Event::Message { topic: t, payload, qos, id, .. } => {
                    assert_eq!(
                        (t.as_str(), payload.as_slice(), qos),
                        (will_topic.as_str(), &b"gone"[..], QoS::AtLeastOnce)
                    );
                    b.ack(AckKind::Puback, id.unwrap());
                    break;
                }
                other => panic!("{other:?}"),
            }
        }

        let n = write_unsubscribe_payload(&[&wildcard, &will_topic], &mut sbuf).unwrap();
        b.send(&Packet::Unsubscribe(Unsubscribe::new(2, Properties::EMPTY, &sbuf[..n]).unwrap()));
        assert_eq!(b.recv(), Event::Unsuback);
        b.send(&Packet::Pingreq);
        assert_eq!(b.recv(), Event::Pingresp);
        b.send(&Packet::Disconnect(mqtt_codec::packets::Disconnect {
            reason: ReasonCode::SUCCESS,
            properties: Properties::EMPTY,
        }));
    }
}

/// paho-mqtt (PyPI) as the client, talking to a responder on this crate's decoder and encoder:
/// CONNECT, SUBSCRIBE, PUBLISH (with v5 properties) and DISCONNECT are decoded and checked; our CONNACK,
/// SUBACK, PUBACK and PUBLISH are accepted (paho prints the message we send).
#[test]
fn paho_client_against_our_responder() {
    use mqtt_codec::packets::{Ack, Connack, Publish, Suback};
    use mqtt_codec::Properties;
    if !interop_support::python_module("paho.mqtt.client") {
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/peers/paho_client.py");
    for (version, proto) in [(ProtocolVersion::V3_1_1, "311"), (ProtocolVersion::V5, "5")] {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port().to_string();
        let child = Command::new("python3")
            .args([script, &port, proto])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _guard_on_failure = scopeguard_kill(child.id());
        let mut stream = accept(&listener);
        let mut buf = Vec::new();
        let mut d = Decoder::new(ProtocolVersion::V3_1_1);
        let send = |stream: &mut TcpStream, p: &Packet<'_>| {
            let mut out = vec![0u8; p.encoded_len(version).unwrap()];
            p.encode(version, &mut out).unwrap();
            stream.write_all(&out).unwrap();
        };
        next_packet(&mut stream, &mut buf, &mut d, |p| {
            let Packet::Connect(c) = p else { panic!("{p:?}") };
            assert_eq!(
                (c.version, c.username, c.password),
                (version, Some("paho"), Some(&b"pw"[..]))
            );
            assert_eq!(c.client_id, format!("paho-{proto}"));
        });
        send(
            &mut stream,
            &Packet::Connack(Connack {
                session_present: false,
                code: ReasonCode::SUCCESS,
                properties: Properties::EMPTY,
            }),
        );
        let mut subscribed = false;
        let mut published = false;
        while !(subscribed && published) {
            let reply = next_packet(&mut stream, &mut buf, &mut d, |p| match p {
                Packet::Subscribe(s) => {
                    let subs: Vec<_> =
                        s.subscriptions().map(|(f, o)| (f.raw().to_string(), o.qos)).collect();
                    assert_eq!(subs, [("paho/in/#".to_string(), QoS::AtLeastOnce)]);
                    (true, false, s.packet_id)
                }
                Packet::Publish(m) => {
                    assert_eq!(
                        (m.topic, m.payload, m.qos),
                        ("paho/out", &b"hello from paho"[..], QoS::AtLeastOnce)
                    );
                    if version.is_v5() {
                        assert_eq!(
                            m.properties.user_properties().collect::<Vec<_>>(),
                            [("lang", "python")]
                        );
                        assert_eq!(m.properties.message_expiry_interval(), Some(120));
                    }
                    (false, true, m.packet_id.unwrap())
                }
                other => panic!("{other:?}"),
            });
            match reply {
                (true, _, id) => {
                    subscribed = true;
                    send(&mut stream, &Packet::Suback(Suback::new(id, Properties::EMPTY, &[1])));
                }
                (_, true, id) => {
                    published = true;
                    send(
                        &mut stream,
                        &Packet::Ack(Ack {
                            kind: AckKind::Puback,
                            packet_id: id,
                            reason: ReasonCode::SUCCESS,
                            properties: Properties::EMPTY,
                        }),
                    );
                }
                _ => unreachable!(),
            }
        }
        // Send paho a message on a topic its subscription matches; it prints it and disconnects.
        let message = Publish {
            dup: false,
            qos: QoS::AtMostOnce,
            retain: false,
            topic: "paho/in/greeting",
            packet_id: None,
            properties: Properties::EMPTY,
            payload: b"hello from iotcodec",
        };
        send(&mut stream, &Packet::Publish(message));
        next_packet(&mut stream, &mut buf, &mut d, |p| {
            assert!(matches!(p, Packet::Disconnect(_)), "{p:?}")
        });
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "paho/in/greeting hello from iotcodec"
        );
    }
}

/// Kills a process by id when dropped, if it is still running (the child is waited for on success).
fn scopeguard_kill(pid: u32) -> impl Drop {
    struct Kill(u32);
    impl Drop for Kill {
        fn drop(&mut self) {
            if std::thread::panicking() {
                let _ = Command::new("kill").arg(self.0.to_string()).status();
            }
        }
    }
    Kill(pid)
}
