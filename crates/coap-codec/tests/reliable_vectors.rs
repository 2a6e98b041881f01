//! CoAP over TCP, TLS and WebSockets (RFC 8323): the byte figures (5, 11, 12 and the WebSocket
//! exchange of Appendix A), the three extended lengths, signaling messages, and stream decoding.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::signal::{ALTERNATIVE_ADDRESS, BAD_CSM_OPTION, HOLD_OFF};
use coap_codec::{
    decode_tcp, decode_websocket, receive_tcp, receive_websocket, Code, Csm, Framed, MessageWriter,
    Needed, OptionNumber, PeerSettings, ReliableConfig, ReliableMessage, Signal,
};

fn tcp(buf: &[u8]) -> ReliableMessage<'_> {
    match decode_tcp(buf, &ReliableConfig::with_max_message_size(usize::MAX)).unwrap() {
        Framed::Message(m) => m,
        Framed::Incomplete(n) => panic!("incomplete: {n:?}"),
    }
}

#[test]
fn figure5_valid_with_token_and_nothing_else() {
    let bytes = [0x01, 0x43, 0x7f];
    let msg = tcp(&bytes);
    assert_eq!((msg.code(), msg.token(), msg.frame_len()), (Code::VALID, &[0x7f][..], 3));
    assert_eq!(msg.options().count(), 0);
    assert!(msg.payload().is_empty());
    let mut buf = [0u8; 16];
    let n = MessageWriter::reliable(&mut buf, Code::VALID, &[0x7f]).unwrap().finish();
    assert_eq!(&buf[..n], bytes);
    assert_eq!(msg.encode_tcp(&mut buf).unwrap(), 3);
    assert_eq!(&buf[..3], bytes);
}

#[test]
fn figures11_and_12_ping_and_pong() {
    let ping = [0x01, 0xe2, 0x42];
    let pong = [0x01, 0xe3, 0x42];
    let msg = tcp(&ping);
    assert_eq!((msg.code(), msg.token()), (Code::PING, &[0x42][..]));
    assert_eq!(msg.signal(), Some(Signal::Ping { custody: false }));
    let answer = tcp(&pong);
    assert_eq!(answer.signal(), Some(Signal::Pong { custody: false }));
    let mut buf = [0u8; 8];
    let n = MessageWriter::reliable(&mut buf, Code::PONG, msg.token()).unwrap().finish();
    assert_eq!(&buf[..n], pong);
    // A Ping with Custody (option 2, empty): Len 1.
    let n = MessageWriter::reliable(&mut buf, Code::PING, &[0x42])
        .unwrap()
        .empty_option(coap_codec::signal::CUSTODY)
        .unwrap()
        .finish();
    assert_eq!(&buf[..n], [0x11, 0xe2, 0x42, 0x20]);
    assert_eq!(tcp(&buf[..n]).signal(), Some(Signal::Ping { custody: true }));
}

#[test]
fn appendix_a_websocket_get_and_response() {
    // GET, Token 0x53, Uri-Path "sensors", "temperature", Uri-Query "u=Cel"; Len is 0.
    let request = b"\x01\x01\x53\xb7sensors\x0btemperature\x45u=Cel";
    let msg = receive_websocket(request, &ReliableConfig::default()).unwrap();
    assert_eq!((msg.code(), msg.token()), (Code::GET, &[0x53][..]));
    assert_eq!(msg.options().uri_path().collect::<Vec<_>>(), ["sensors", "temperature"]);
    assert_eq!(msg.options().uri_query().collect::<Vec<_>>(), ["u=Cel"]);
    assert_eq!(msg.frame_len(), request.len());
    let mut buf = [0u8; 64];
    let n = MessageWriter::websocket(&mut buf, Code::GET, &[0x53])
        .unwrap()
        .str_option(OptionNumber::URI_PATH, "sensors")
        .unwrap()
        .str_option(OptionNumber::URI_PATH, "temperature")
        .unwrap()
        .str_option(OptionNumber::URI_QUERY, "u=Cel")
        .unwrap()
        .finish();
    assert_eq!(&buf[..n], request);

    // 2.05 Content, Token 0x53, Payload "22.3 Cel".
    let response = b"\x01\x45\x53\xff22.3 Cel";
    let msg = decode_websocket(response, &ReliableConfig::default()).unwrap();
    assert_eq!((msg.code(), msg.payload()), (Code::CONTENT, &b"22.3 Cel"[..]));
    let n = msg.encode_websocket(&mut buf).unwrap();
    assert_eq!(&buf[..n], response);
    // The same message over TCP has Len 9 (marker + 8 payload bytes).
    let n = msg.encode_tcp(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"\x91\x45\x53\xff22.3 Cel");
}

#[test]
fn the_three_extended_lengths() {
    // Options and payload of 13, 269 and 65805 bytes: Len 13, 14 and 15 with zero extensions, and
    // one byte less for each stays in the smaller form (RFC 8323 §3.2).
    for (payload_len, first_bytes) in [
        (11usize, &[0xc0u8][..]),
        (12, &[0xd0, 0x00]),
        (267, &[0xd0, 0xff]),
        (268, &[0xe0, 0x00, 0x00]),
        (65803, &[0xe0, 0xff, 0xff]),
        (65804, &[0xf0, 0x00, 0x00, 0x00, 0x00]),
        (70000, &[0xf0, 0x00, 0x00, 0x10, 0x64]), // 70001 - 65805 = 0x1064
    ] {
        let payload = vec![0x5a; payload_len];
        let mut buf = vec![0u8; payload_len + 16];
        let n = MessageWriter::reliable(&mut buf, Code::CONTENT, &[])
            .unwrap()
            .payload(&payload)
            .unwrap()
            .finish();
        assert_eq!(&buf[..first_bytes.len()], first_bytes, "payload {payload_len}");
        assert_eq!(n, first_bytes.len() + 1 + 1 + payload_len);
        let msg = tcp(&buf[..n]);
        assert_eq!(
            (msg.code(), msg.payload().len(), msg.frame_len()),
            (Code::CONTENT, payload_len, n)
        );
    }
}

#[test]
fn csm_exchange_and_peer_settings() {
    let csm = Csm {
        max_message_size: Some(8192),
        block_wise_transfer: true,
        extended_token_length: None,
    };
    let mut buf = [0u8; 32];
    let w = MessageWriter::reliable(&mut buf, Code::CSM, &[]).unwrap();
    let n = csm.write_options(w).unwrap().finish();
    // Len 4: option 2 (delta 2, length 2) 0x2000, option 4 (delta 2, length 0).
    assert_eq!(&buf[..n], [0x40, 0xe1, 0x22, 0x20, 0x00, 0x20]);
    let msg = match receive_tcp(&buf[..n], &ReliableConfig::default()).unwrap() {
        Framed::Message(m) => m,
        other => panic!("{other:?}"),
    };
    assert_eq!(msg.signal(), Some(Signal::Csm(csm)));
    let mut peer = PeerSettings::default();
    assert_eq!(peer.max_message_size, 1152);
    assert!(!peer.bert());
    peer.apply(&csm);
    assert_eq!(peer.max_message_size, 8192);
    assert!(peer.bert());
    // CSMs are cumulative: an empty CSM changes nothing; a later MMS of 1152 ends BERT.
    peer.apply(&Csm::default());
    assert!(peer.bert());
    peer.apply(&Csm { max_message_size: Some(1152), ..Csm::default() });
    assert!(!peer.bert());
}

#[test]
fn release_and_abort() {
    let mut buf = [0u8; 64];
    let n = MessageWriter::reliable(&mut buf, Code::RELEASE, &[])
        .unwrap()
        .str_option(ALTERNATIVE_ADDRESS, "[::1]:5684")
        .unwrap()
        .str_option(ALTERNATIVE_ADDRESS, "127.0.0.1:5684")
        .unwrap()
        .uint_option(HOLD_OFF, 30)
        .unwrap()
        .payload(b"maintenance")
        .unwrap()
        .finish();
    let msg = match receive_tcp(&buf[..n], &ReliableConfig::default()).unwrap() {
        Framed::Message(m) => m,
        other => panic!("{other:?}"),
    };
    let Some(Signal::Release(r)) = msg.signal() else { panic!() };
    assert_eq!(r.alternative_addresses().collect::<Vec<_>>(), ["[::1]:5684", "127.0.0.1:5684"]);
    assert_eq!((r.hold_off, r.diagnostic), (Some(30), &b"maintenance"[..]));

    let n = MessageWriter::reliable(&mut buf, Code::ABORT, &[])
        .unwrap()
        .uint_option(BAD_CSM_OPTION, 2)
        .unwrap()
        .payload(b"Max-Message-Size too small")
        .unwrap()
        .finish();
    let Some(Signal::Abort(a)) = tcp(&buf[..n]).signal() else { panic!() };
    assert_eq!((a.bad_csm_option, a.diagnostic), (Some(2), &b"Max-Message-Size too small"[..]));
}

/// Three frames back to back: a CSM, a GET with options, and a response with a 300-byte payload.
fn stream() -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 512];
    let n = Csm { max_message_size: Some(2048), ..Csm::default() }
        .write_options(MessageWriter::reliable(&mut buf, Code::CSM, &[]).unwrap())
        .unwrap()
        .finish();
    out.extend_from_slice(&buf[..n]);
    let n = MessageWriter::reliable(&mut buf, Code::GET, &[1, 2, 3, 4])
        .unwrap()
        .str_option(OptionNumber::URI_PATH, "large")
        .unwrap()
        .finish();
    out.extend_from_slice(&buf[..n]);
    let n = MessageWriter::reliable(&mut buf, Code::CONTENT, &[1, 2, 3, 4])
        .unwrap()
        .uint_option(OptionNumber::CONTENT_FORMAT, 0)
        .unwrap()
        .payload(&[b'x'; 300])
        .unwrap()
        .finish();
    out.extend_from_slice(&buf[..n]);
    out
}

#[test]
fn stream_of_frames_with_exact_needed_counts() {
    let bytes = stream();
    let config = ReliableConfig::default();
    let mut at = 0;
    let mut codes = Vec::new();
    while at < bytes.len() {
        let Framed::Message(m) = decode_tcp(&bytes[at..], &config).unwrap() else { panic!() };
        codes.push(m.code());
        // Every proper prefix of the frame is incomplete, and once the length is in, exactly the
        // missing bytes are asked for.
        for cut in 0..m.frame_len() {
            match decode_tcp(&bytes[at..at + cut], &config).unwrap() {
                Framed::Incomplete(Needed::Exact(n)) => assert_eq!(cut + n, m.frame_len()),
                Framed::Incomplete(Needed::AtLeast(n)) => assert!(cut + n <= m.frame_len()),
                Framed::Message(_) => panic!("complete at {cut} of {}", m.frame_len()),
            }
        }
        at += m.frame_len();
    }
    assert_eq!(codes, [Code::CSM, Code::GET, Code::CONTENT]);
}
