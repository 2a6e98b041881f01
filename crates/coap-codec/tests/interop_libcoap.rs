//! Interop with libcoap (Debian libcoap3-bin) on loopback: requests built by our writer are sent to
//! `coap-server` and its answers decoded; requests sent by `coap-client` are decoded by a responder
//! built on this codec, and the client accepts its answers. Bounded: every peer has a time limit and
//! is killed when the test ends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::time::Duration;

use coap_codec::{Code, ContentFormat, Message, MessageWriter, OptionNumber, Type, Uri};
use common::responder;
use interop_support::{peer, run_bounded, spawn_quiet, start_coap_server, UdpClient};

const SERVERS: &[&str] =
    &["coap-server-notls", "coap-server", "coap-server-openssl", "coap-server-gnutls"];
const CLIENTS: &[&str] =
    &["coap-client-notls", "coap-client", "coap-client-openssl", "coap-client-gnutls"];

struct Client {
    sock: UdpClient,
    mid: u16,
}

impl Client {
    /// Sends `req` and waits (bounded) for the datagram that answers its message ID.
    fn exchange(&mut self, req: &[u8]) -> Vec<u8> {
        self.sock.exchange(req, Duration::from_secs(5))
    }

    fn request(
        &mut self,
        code: Code,
        uri: &str,
        token: &[u8],
        extra: impl FnOnce(MessageWriter<'_>) -> MessageWriter<'_>,
    ) -> Vec<u8> {
        self.mid = self.mid.wrapping_add(1);
        let uri = Uri::parse(uri).unwrap();
        let mut buf = [0u8; 512];
        let w = MessageWriter::new(&mut buf, Type::Confirmable, code, self.mid, token)
            .unwrap()
            .uri(&uri)
            .unwrap();
        let n = extra(w).finish();
        self.exchange(&buf[..n])
    }
}

#[test]
fn our_requests_to_libcoap_server() {
    let Some(server) = peer(SERVERS) else { return };
    let (_server, port) = start_coap_server(|port| {
        spawn_quiet(&server, &["-A", "127.0.0.1", "-p", &port.to_string(), "-v", "0"])
    });
    let mut c = Client { sock: UdpClient::connect(port), mid: 0x1000 };
    let base = format!("coap://127.0.0.1:{port}");

    // /.well-known/core: a piggybacked 2.05 in link-format (RFC 6690).
    let raw = c.request(Code::GET, &format!("{base}/.well-known/core"), &[0xca, 0xfe], |w| w);
    let rsp = Message::decode(&raw).unwrap();
    rsp.check_options().unwrap();
    assert_eq!(
        (rsp.message_type(), rsp.code(), rsp.message_id(), rsp.token()),
        (Type::Acknowledgement, Code::CONTENT, c.mid, &[0xca, 0xfe][..])
    );
    assert_eq!(rsp.options().content_format(), Some(ContentFormat::LINK_FORMAT));
    let links = std::str::from_utf8(rsp.payload()).unwrap();
    assert!(links.contains("</time>") && links.contains("</example_data>"), "{links}");

    // A resource that does not exist: 4.04.
    let rsp_raw = c.request(Code::GET, &format!("{base}/no/such/resource?x=1"), &[1], |w| w);
    let rsp = Message::decode(&rsp_raw).unwrap();
    assert_eq!(
        (rsp.message_type(), rsp.code(), rsp.token()),
        (Type::Acknowledgement, Code::NOT_FOUND, &[1][..])
    );

    // PUT a body with Content-Format, then GET it back.
    let put = c.request(Code::PUT, &format!("{base}/example_data"), &[2, 3, 4, 5], |w| {
        w.uint_option(OptionNumber::CONTENT_FORMAT, 0)
            .unwrap()
            .payload(b"written by iotcodec")
            .unwrap()
    });
    // 2.01 the first time the resource is written (libcoap creates it), 2.04 after.
    let put_code = Message::decode(&put).unwrap().code();
    assert!(put_code == Code::CREATED || put_code == Code::CHANGED, "{put_code}");
    let get = c.request(Code::GET, &format!("{base}/example_data"), &[6], |w| {
        w.uint_option(OptionNumber::ACCEPT, 0).unwrap()
    });
    let got = Message::decode(&get).unwrap();
    assert_eq!((got.code(), got.payload()), (Code::CONTENT, &b"written by iotcodec"[..]));

    // An unknown critical option: libcoap answers 4.02 Bad Option (RFC 7252 §5.4.1).
    let bad = c.request(Code::GET, &format!("{base}/time"), &[7], |w| {
        w.option(OptionNumber(65001), b"?").unwrap()
    });
    assert_eq!(Message::decode(&bad).unwrap().code(), Code::BAD_OPTION);

    // CoAP ping: an Empty CON is answered with a Reset echoing the message ID (RFC 7252 §4.3).
    let mut ping = [0u8; 4];
    let n = MessageWriter::new(&mut ping, Type::Confirmable, Code::EMPTY, 0x4242, &[])
        .unwrap()
        .finish();
    let pong_raw = c.exchange(&ping[..n]);
    let pong = Message::decode(&pong_raw).unwrap();
    assert_eq!(
        (pong.message_type(), pong.code(), pong.message_id()),
        (Type::Reset, Code::EMPTY, 0x4242)
    );
}

#[test]
fn libcoap_client_requests_to_our_responder() {
    let Some(client) = peer(CLIENTS) else { return };
    let r = responder(8, Duration::from_secs(30));
    let (port, seen) = (r.port, &r.seen);
    let uri = |path: &str| format!("coap://127.0.0.1:{port}{path}");
    let limit = Duration::from_secs(10);

    let out = run_bounded(&client, &["-B", "5", &uri("/temperature")], limit);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "22.3 C");
    let s = seen.recv_timeout(limit).unwrap();
    assert_eq!(
        (s.ty, s.code, s.path.as_slice(), s.answer.as_str()),
        (Type::Confirmable, Code::GET, &["temperature".to_string()][..], "2.05")
    );

    let out = run_bounded(
        &client,
        &["-B", "5", "-m", "put", "-e", "21.0", "-T", "cafe", &uri("/temperature?unit=C&src=test")],
        limit,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = seen.recv_timeout(limit).unwrap();
    assert_eq!((s.code, s.payload.as_slice(), s.token_len), (Code::PUT, &b"21.0"[..], 4));
    // `-T cafe` sends the four ASCII bytes as the token.
    assert_eq!(s.query, ["unit=C", "src=test"]);
    assert_eq!(s.answer, "2.04");

    let out = run_bounded(&client, &["-B", "5", "-N", "-A", "50", &uri("/temperature")], limit);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "22.3 C");
    let s = seen.recv_timeout(limit).unwrap();
    assert_eq!((s.ty, s.accept), (Type::NonConfirmable, Some(ContentFormat::JSON)));

    let out = run_bounded(&client, &["-B", "5", &uri("/.well-known/core")], limit);
    assert!(String::from_utf8_lossy(&out.stdout).contains("</temperature>"));
    seen.recv_timeout(limit).unwrap();

    // An option we do not know and that is critical: our responder answers 4.02, the client reports it.
    let out = run_bounded(&client, &["-B", "5", "-O", "65001,x", &uri("/temperature")], limit);
    let s = seen.recv_timeout(limit).unwrap();
    assert_eq!(s.answer, "4.02");
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("4.02"), "{text}");

    let out = run_bounded(&client, &["-B", "5", &uri("/missing")], limit);
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("4.04"), "{text}");
    assert_eq!(seen.recv_timeout(limit).unwrap().answer, "4.04");
    r.stop();
}
