//! Interop with aiocoap (PyPI) on loopback: `aiocoap-client` requests are decoded by a responder built
//! on this codec, and the client accepts its answers. Bounded in count and time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::time::Duration;

use coap_codec::{Code, Type};
use common::responder;
use interop_support::{peer, run_bounded};

#[test]
fn aiocoap_client_requests_to_our_responder() {
    let Some(client) = peer(&["aiocoap-client"]) else {
        return;
    };
    let r = responder(6, Duration::from_secs(60));
    let (port, seen) = (r.port, &r.seen);
    let uri = |path: &str| format!("coap://127.0.0.1:{port}{path}");
    let limit = Duration::from_secs(20);

    let out = run_bounded(&client, &[&uri("/temperature")], limit);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "22.3 C",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = seen.recv_timeout(limit).unwrap();
    assert_eq!(
        (s.ty, s.code, s.path.as_slice()),
        (Type::Confirmable, Code::GET, &["temperature".to_string()][..])
    );

    let out = run_bounded(
        &client,
        &["-m", "POST", "--payload", "19.5", &uri("/temperature?unit=C")],
        limit,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = seen.recv_timeout(limit).unwrap();
    assert_eq!(
        (s.code, s.payload.as_slice(), s.query.as_slice()),
        (Code::POST, &b"19.5"[..], &["unit=C".to_string()][..])
    );
    assert_eq!(s.answer, "2.04");

    let out = run_bounded(&client, &["--non", &uri("/temperature")], limit);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "22.3 C");
    assert_eq!(seen.recv_timeout(limit).unwrap().ty, Type::NonConfirmable);

    let out = run_bounded(&client, &[&uri("/nothing/here")], limit);
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("4.04") || text.contains("Not Found"), "{text}");
    assert_eq!(seen.recv_timeout(limit).unwrap().answer, "4.04");
    r.stop();
}
