//! Interop on loopback, bounded: the `/.well-known/core` payloads of libcoap's `coap-server` and of an
//! aiocoap server, fetched with our CoAP codec, parse strictly into the resources each server declares;
//! a payload we write is parsed by aiocoap's own link-format parser into the same links.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::time::Duration;

use coap_codec::{Code, ContentFormat, Message, MessageWriter, OptionNumber, Type, Uri};
use interop_support::{
    peer, python_module, run_bounded_with_input, spawn_quiet, start_coap_server, udp_exchange,
};
use linkformat::{parse, write_links, Filter, OutLink, OutValue, Value};

const PEERS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/peers");

/// GET coap://127.0.0.1:port/.well-known/core (with an optional query) and return the payload.
fn get_wkc(port: u16, query: Option<&str>) -> Vec<u8> {
    let uri = match query {
        Some(q) => format!("coap://127.0.0.1:{port}/.well-known/core?{q}"),
        None => format!("coap://127.0.0.1:{port}/.well-known/core"),
    };
    let uri = Uri::parse(&uri).unwrap();
    let mut buf = [0u8; 128];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 0x2222, &[0x77])
        .unwrap()
        .uri(&uri)
        .unwrap()
        .finish();
    let raw = udp_exchange(port, &buf[..n], Duration::from_secs(10));
    let m = Message::decode(&raw).unwrap();
    assert_eq!(m.code(), Code::CONTENT, "GET {uri:?}");
    assert_eq!(m.options().content_format(), Some(ContentFormat::LINK_FORMAT));
    assert!(!m.options().contains(OptionNumber::BLOCK2), "small enough for one datagram");
    m.payload().to_vec()
}

#[test]
fn libcoap_server_well_known_core() {
    let Some(server) =
        peer(&["coap-server-notls", "coap-server", "coap-server-openssl", "coap-server-gnutls"])
    else {
        return;
    };
    let (_server, port) = start_coap_server(|port| {
        spawn_quiet(&server, &["-A", "127.0.0.1", "-p", &port.to_string(), "-v", "0"])
    });
    let payload = get_wkc(port, None);
    let links: Vec<_> = parse(&payload)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&payload)));
    let targets: Vec<_> = links.iter().map(|l| l.target()).collect();
    // The resources libcoap's example server declares (coap-server.c: init_resources).
    for expected in ["/", "/time", "/async", "/example_data"] {
        assert!(targets.contains(&expected), "{expected} missing from {targets:?}");
    }
    let time = links.iter().find(|l| l.target() == "/time").unwrap();
    assert_eq!(time.rt().collect::<Vec<_>>(), ["ticks"]);
    assert_eq!(time.interfaces().collect::<Vec<_>>(), ["clock"]);
    assert_eq!(time.title().unwrap().raw(), "Internal Clock");
    assert_eq!(time.ct().collect::<Vec<_>>(), [0]);
    assert!(time.obs());
    // Our filter agrees with libcoap's server-side filtering (RFC 6690 §4.1).
    let filtered = get_wkc(port, Some("rt=ticks"));
    let server_side: Vec<_> = parse(&filtered).map(|l| l.unwrap().target().to_string()).collect();
    let f = Filter::parse("rt=ticks").unwrap();
    let ours: Vec<_> =
        links.iter().filter(|l| f.matches(l)).map(|l| l.target().to_string()).collect();
    assert_eq!(server_side, ours);
}

#[test]
fn aiocoap_server_well_known_core() {
    if !python_module("aiocoap") {
        return;
    }
    let script = format!("{PEERS_DIR}/aiocoap_server.py");
    let (_server, port) =
        start_coap_server(|port| spawn_quiet("python3", &[&script, &port.to_string(), "30"]));
    let payload = get_wkc(port, None);
    let links: Vec<_> = parse(&payload)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&payload)));
    let find = |t: &str| {
        links
            .iter()
            .find(|l| l.target() == t)
            .unwrap_or_else(|| panic!("{t} missing: {}", String::from_utf8_lossy(&payload)))
    };
    let temp = find("/sensors/temp");
    assert_eq!(
        (temp.rt().collect::<Vec<_>>(), temp.interfaces().collect::<Vec<_>>()),
        (vec!["temperature-c"], vec!["sensor"])
    );
    assert_eq!(temp.ct().collect::<Vec<_>>(), [0]);
    let humidity = find("/sensors/humidity");
    assert_eq!(humidity.rt().collect::<Vec<_>>(), ["humidity", "core.s"]);
    assert_eq!(humidity.ct().collect::<Vec<_>>(), [50]);
    let light = find("/sensors/light");
    assert!(light.obs());
    assert_eq!(light.rt().collect::<Vec<_>>(), ["light-lux"]);
}

#[test]
fn aiocoap_parses_what_we_write() {
    if !python_module("aiocoap.util.linkformat") {
        return;
    }
    let a = [
        ("rt", OutValue::Quoted("temperature-c core.s")),
        ("if", OutValue::Token("sensor")),
        ("ct", OutValue::Uint(0)),
        ("obs", OutValue::Flag),
    ];
    let b = [
        ("title", OutValue::Quoted("Lamp, \"kitchen\"; left")),
        ("ct", OutValue::Quoted("0 50")),
        ("sz", OutValue::Uint(262_144)),
    ];
    let c =
        [("anchor", OutValue::Quoted("/sensors/temp")), ("rel", OutValue::Token("describedby"))];
    let links = [
        OutLink { target: "/sensors/temp", attrs: &a },
        OutLink { target: "/lamp,1;x", attrs: &b },
        OutLink { target: "http://www.example.com/sensors/t123", attrs: &c },
    ];
    let mut buf = [0u8; 512];
    let w = write_links(&links, None, 0, &mut buf).unwrap();
    let payload = &buf[..w.len];

    // Our reading, in the script's line format.
    let ours: Vec<String> = parse(payload)
        .map(|l| {
            let l = l.unwrap();
            let mut fields = vec![l.target().to_string()];
            for attr in l.attrs() {
                fields.push(match attr.value {
                    Value::Flag => attr.name.to_string(),
                    v => {
                        format!("{}={}", attr.name, String::from_utf8(v.bytes().collect()).unwrap())
                    }
                });
            }
            fields.join("\t")
        })
        .collect();
    let script = format!("{PEERS_DIR}/aiocoap_parse.py");
    let out = run_bounded_with_input("python3", &[&script], Some(payload), Duration::from_secs(30));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let theirs: Vec<String> =
        String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect();
    assert_eq!(theirs, ours, "payload: {}", String::from_utf8_lossy(payload));
}
