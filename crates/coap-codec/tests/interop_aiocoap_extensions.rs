//! Observe and CoAP over TCP with aiocoap (PyPI) on loopback: an Observe registration with an aiocoap
//! server that gets at least three notifications, in order, then deregisters; and aiocoap's TCP
//! client against a small responder on our reliable-transport codec. Bounded in count and time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

use coap_codec::{
    observe_is_fresher, receive_tcp, receive_udp, Code, ContentFormat, Csm, DecodeConfig, Framed,
    MessageWriter, ObserveRequest, OptionNumber, ReliableConfig, Signal, Type,
};
use interop_support::{
    peer, python_module, run_bounded, spawn_quiet, start_coap_server, UdpClient,
};

const LIMIT: Duration = Duration::from_secs(20);

fn observe_request(mid: u16, action: ObserveRequest, buf: &mut [u8]) -> usize {
    MessageWriter::new(buf, Type::Confirmable, Code::GET, mid, &[0x0b, 0x5e])
        .unwrap()
        .uint_option(OptionNumber::OBSERVE, action.value())
        .unwrap()
        .str_option(OptionNumber::URI_PATH, "counter")
        .unwrap()
        .finish()
}

#[test]
fn observe_registration_with_aiocoap_server() {
    if !python_module("aiocoap") {
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/peers/aiocoap_observe_server.py");
    let (_server, port) =
        start_coap_server(|port| spawn_quiet("python3", &[script, &port.to_string(), "30"]));
    let client = UdpClient::connect(port);
    let mut buf = [0u8; 64];
    let n = observe_request(0x4000, ObserveRequest::Register, &mut buf);
    let first = client.exchange(&buf[..n], LIMIT);
    let msg = receive_udp(&first, DecodeConfig::STRICT).unwrap();
    assert_eq!((msg.code(), msg.token()), (Code::CONTENT, &[0x0b, 0x5e][..]));
    let mut freshest = msg.options().observe().unwrap().expect("registered: Observe in the answer");
    let mut last_count: u32 = std::str::from_utf8(msg.payload()).unwrap().parse().unwrap();

    let start = Instant::now();
    let mut notifications = 0;
    while notifications < 3 {
        assert!(start.elapsed() < LIMIT, "only {notifications} notifications");
        let Some(datagram) = client.recv() else { continue };
        let n = receive_udp(&datagram, DecodeConfig::STRICT).unwrap();
        if n.message_type() == Type::Confirmable {
            let mut ack = [0u8; 4];
            let k = MessageWriter::new(
                &mut ack,
                Type::Acknowledgement,
                Code::EMPTY,
                n.message_id(),
                &[],
            )
            .unwrap()
            .finish();
            client.send(&ack[..k]);
        }
        assert_eq!((n.code(), n.token()), (Code::CONTENT, &[0x0b, 0x5e][..]));
        let seq = n.options().observe().unwrap().expect("a notification carries Observe");
        let elapsed = start.elapsed().as_secs();
        assert!(observe_is_fresher(freshest, elapsed, seq, elapsed), "{seq} after {freshest}");
        let count: u32 = std::str::from_utf8(n.payload()).unwrap().parse().unwrap();
        assert!(count > last_count, "state {count} after {last_count}");
        assert_eq!(n.options().content_format(), Some(ContentFormat::TEXT_PLAIN));
        (freshest, last_count) = (seq, count);
        notifications += 1;
    }

    // Deregister (RFC 7641 §3.6): the answer has no Observe option.
    let n = observe_request(0x4001, ObserveRequest::Deregister, &mut buf);
    let answer = loop {
        let a = client.exchange(&buf[..n], LIMIT);
        if a[2..4] == [0x40, 0x01] {
            break a;
        }
    };
    let msg = receive_udp(&answer, DecodeConfig::STRICT).unwrap();
    assert_eq!(msg.code(), Code::CONTENT);
    assert_eq!(msg.options().observe(), Ok(None));
}

/// What the responder saw: the code of every frame it received, in order.
fn tcp_responder(listener: TcpListener, deadline: Instant) -> Vec<Code> {
    listener.set_nonblocking(false).unwrap();
    let (mut stream, _) = listener.accept().unwrap();
    stream.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let config = ReliableConfig::default();
    let mut out = [0u8; 256];
    // Our CSM first, without waiting for the client's (RFC 8323 §3.3 allows either order for the
    // acceptor; sending at once is the simplest).
    let csm = Csm { max_message_size: Some(1152), block_wise_transfer: true, ..Csm::default() };
    let n = csm
        .write_options(MessageWriter::reliable(&mut out, Code::CSM, &[]).unwrap())
        .unwrap()
        .finish();
    stream.write_all(&out[..n]).unwrap();
    let mut pending = Vec::new();
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        let mut chunk = [0u8; 1024];
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(k) => pending.extend_from_slice(&chunk[..k]),
            Err(_) => continue,
        }
        while let Framed::Message(m) = receive_tcp(&pending, &config).unwrap() {
            seen.push(m.code());
            let answer = match (m.code(), m.signal()) {
                (Code::GET, _) if m.options().uri_path().eq(["temperature"]) => {
                    MessageWriter::reliable(&mut out, Code::CONTENT, m.token())
                        .unwrap()
                        .uint_option(OptionNumber::CONTENT_FORMAT, 0)
                        .unwrap()
                        .payload(b"22.3 C")
                        .unwrap()
                        .finish()
                }
                (Code::GET, _) => {
                    MessageWriter::reliable(&mut out, Code::NOT_FOUND, m.token()).unwrap().finish()
                }
                (_, Some(Signal::Ping { .. })) => {
                    MessageWriter::reliable(&mut out, Code::PONG, m.token()).unwrap().finish()
                }
                _ => 0,
            };
            stream.write_all(&out[..answer]).unwrap();
            let used = m.frame_len();
            pending.drain(..used);
        }
    }
    seen
}

#[test]
fn aiocoap_tcp_client_against_our_responder() {
    let Some(client) = peer(&["aiocoap-client"]) else { return };
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let deadline = Instant::now() + LIMIT;
    let responder = thread::spawn(move || tcp_responder(listener, deadline));
    let out = run_bounded(&client, &[&format!("coap+tcp://127.0.0.1:{port}/temperature")], LIMIT);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "22.3 C",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen = responder.join().unwrap();
    // aiocoap's CSM, then the GET; it may close with a Release or just hang up.
    assert_eq!(seen.first(), Some(&Code::CSM), "{seen:?}");
    assert!(seen.contains(&Code::GET), "{seen:?}");
}
