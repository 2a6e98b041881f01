//! Decomposing URIs into options (RFC 7252 §6.4) and composing them back (§6.5).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    Code, Destination, HostKind, Message, MessageWriter, OptionNumber, Scheme, Type, Uri,
    UriErrorKind,
};

fn request_for(uri: &str) -> Vec<u8> {
    let uri = Uri::parse(uri).unwrap();
    let mut buf = [0u8; 512];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 1, &[])
        .unwrap()
        .uri(&uri)
        .unwrap()
        .finish();
    buf[..n].to_vec()
}

fn options_of(bytes: &[u8]) -> Vec<(u16, Vec<u8>)> {
    Message::decode(bytes).unwrap().options().map(|o| (o.number().0, o.value().to_vec())).collect()
}

#[test]
fn reg_name_host_path_and_query_become_options() {
    let bytes = request_for("coap://Example.NET/.well-known/core?rt=temp&if=sensor");
    assert_eq!(
        options_of(&bytes),
        [
            (3, b"example.net".to_vec()),
            (11, b".well-known".to_vec()),
            (11, b"core".to_vec()),
            (15, b"rt=temp".to_vec()),
            (15, b"if=sensor".to_vec()),
        ]
    );
}

#[test]
fn ip_hosts_give_no_uri_host_and_default_port_no_uri_port() {
    for uri in [
        "coap://198.51.100.1/temperature",
        "coap://[2001:db8::2:1]:5683/temperature",
        "COAP://192.0.2.1:/temperature",
    ] {
        assert_eq!(options_of(&request_for(uri)), [(11, b"temperature".to_vec())], "{uri}");
    }
    let u = Uri::parse("coaps://[2001:db8::1]:61616").unwrap();
    assert_eq!(
        (u.scheme(), u.host(), u.host_kind(), u.port()),
        (Scheme::Coaps, "[2001:db8::1]", HostKind::IpLiteral, 61616)
    );
    assert_eq!(u.uri_port(61616), None);
    assert_eq!(u.uri_port(5684), Some(61616));
    // A proxy sending elsewhere writes Uri-Port.
    let mut buf = [0u8; 64];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 1, &[])
        .unwrap()
        .uri_port(&u, 5683)
        .unwrap()
        .finish();
    assert_eq!(options_of(&buf[..n]), [(7, vec![0xf0, 0xb0])]);
    // 256.1.1.1 is not an IPv4address, so it is a reg-name.
    assert_eq!(Uri::parse("coap://256.1.1.1/").unwrap().host_kind(), HostKind::RegName);
}

#[test]
fn percent_encodings_are_decoded_and_host_lowercased_before_decoding() {
    let bytes = request_for("coap://H%41st/a%2Fb/%E3%81%93?x=%26&%3F");
    assert_eq!(
        options_of(&bytes),
        [
            (3, b"hAst".to_vec()),
            (11, b"a/b".to_vec()),
            (11, "\u{3053}".as_bytes().to_vec()),
            (15, b"x=&".to_vec()),
            (15, b"?".to_vec())
        ]
    );
}

#[test]
fn empty_path_and_slash_give_no_uri_path_but_empty_segments_count() {
    assert!(options_of(&request_for("coap://h")).iter().all(|(n, _)| *n != 11));
    assert!(options_of(&request_for("coap://h/")).iter().all(|(n, _)| *n != 11));
    let segs: Vec<_> =
        options_of(&request_for("coap://h/a//")).into_iter().filter(|(n, _)| *n == 11).collect();
    assert_eq!(segs, [(11, b"a".to_vec()), (11, vec![]), (11, vec![])]);
    let q: Vec<_> =
        options_of(&request_for("coap://h/?")).into_iter().filter(|(n, _)| *n == 15).collect();
    assert_eq!(q, [(15, vec![])]);
}

#[test]
fn decompose_then_compose_gives_the_normal_form() {
    for (input, dest, normal) in [
        ("coap://example.net/.well-known/core", "192.0.2.1", "coap://example.net/.well-known/core"),
        ("coap://EXAMPLE.net:5683/a%7eb?q=1", "192.0.2.1", "coap://example.net/a~b?q=1"),
        ("coap://192.0.2.1:61616/x/y", "192.0.2.1", "coap://192.0.2.1:61616/x/y"),
        ("coap://h/%E3%81%93", "192.0.2.1", "coap://h/%E3%81%93"),
    ] {
        let u = Uri::parse(input).unwrap();
        let mut buf = [0u8; 256];
        let mut w = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 1, &[])
            .unwrap()
            .uri_host(&u)
            .unwrap();
        w = w
            .uri_port(&u, u.scheme().default_port())
            .unwrap()
            .uri_path(&u)
            .unwrap()
            .uri_query(&u)
            .unwrap();
        let n = w.finish();
        let m = Message::decode(&buf[..n]).unwrap();
        let mut out = [0u8; 256];
        let len = m
            .compose_uri(
                Destination { scheme: u.scheme(), host: dest, port: u.scheme().default_port() },
                &mut out,
            )
            .unwrap();
        assert_eq!(std::str::from_utf8(&out[..len]).unwrap(), normal, "{input}");
    }
}

#[test]
fn observe_can_be_written_between_uri_host_and_uri_path() {
    let u = Uri::parse("coap://sensor.example/temp").unwrap();
    let mut buf = [0u8; 64];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 1, &[1])
        .unwrap()
        .uri_host(&u)
        .unwrap()
        .uint_option(OptionNumber::OBSERVE, 0)
        .unwrap()
        .uri_path(&u)
        .unwrap()
        .finish();
    assert_eq!(
        options_of(&buf[..n]),
        [(3, b"sensor.example".to_vec()), (6, vec![]), (11, b"temp".to_vec())]
    );
}

#[test]
fn refused_uris_say_why_and_where() {
    for (uri, kind, offset) in [
        ("/relative/path", UriErrorKind::NotAbsolute, 0),
        ("coap", UriErrorKind::NotAbsolute, 4),
        ("http://example.net/", UriErrorKind::UnsupportedScheme, 0),
        ("coap:/example.net", UriErrorKind::MissingHost, 5),
        ("coap:///path", UriErrorKind::MissingHost, 7),
        ("coap://user@host/", UriErrorKind::UserInfo, 11),
        ("coap://host:99999/", UriErrorKind::InvalidPort, 11),
        ("coap://host:12a/", UriErrorKind::InvalidPort, 14),
        ("coap://ho st/", UriErrorKind::InvalidHost, 9),
        ("coap://h%4/", UriErrorKind::InvalidHost, 8),
        ("coap://[::1/", UriErrorKind::InvalidHost, 7),
        ("coap://h/a b", UriErrorKind::InvalidPath, 10),
        ("coap://h/%zz", UriErrorKind::InvalidPath, 9),
        ("coap://h/?a b", UriErrorKind::InvalidQuery, 11),
        ("coap://h/p#frag", UriErrorKind::Fragment, 10),
        ("coap://h/?q#", UriErrorKind::Fragment, 11),
        // Found by the coap_decode fuzzer: %BC alone is not UTF-8, so it cannot be a Uri-Path.
        ("coap://E1:/a%2F/a%bc2Fb", UriErrorKind::NotUtf8, 16),
        ("coap://h%FF/", UriErrorKind::NotUtf8, 7),
        ("coap://h/?a=%ED%A0%80", UriErrorKind::NotUtf8, 10),
        ("coap://h/%C0%AF", UriErrorKind::NotUtf8, 9),
    ] {
        let e = Uri::parse(uri).unwrap_err();
        assert_eq!((e.kind, e.offset), (kind, offset), "{uri}");
    }
}

#[test]
fn writer_reports_full_buffer_with_needed_length() {
    let u = Uri::parse("coap://example.net/a/very/long/path").unwrap();
    let mut buf = [0u8; 20];
    let err = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 1, &[])
        .unwrap()
        .uri(&u)
        .unwrap_err();
    // Header (4) + Uri-Host (1 + 11) = 16 fit; Uri-Path "a" (2) fits (18); "very" needs 18 + 5.
    assert_eq!(err, coap_codec::EncodeError::BufferTooSmall { needed: 23 });
}
