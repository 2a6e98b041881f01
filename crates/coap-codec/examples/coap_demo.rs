//! Decodes and encodes real CoAP messages and prints them: the RFC 7252 Appendix A exchange, a request
//! built from a URI, and malformed datagrams with the answer a server should give.
//!
//! Run: `cargo run -p coap-codec --example coap_demo`
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use coap_codec::{
    Code, ContentFormat, Destination, Message, MessageWriter, OptionNumber, Scheme, Type, Uri,
};

fn show(label: &str, bytes: &[u8]) {
    let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    println!("{label}\n  bytes   {}", hex.join(" "));
    match Message::decode(bytes) {
        Ok(m) => {
            let name = m.code().name().unwrap_or("?");
            println!(
                "  message {} {} {} mid={:#06x} token={:02x?}",
                m.message_type(),
                m.code(),
                name,
                m.message_id(),
                m.token()
            );
            for o in m.options() {
                let value = match (o.number().definition().map(|d| d.format), o.as_str()) {
                    (Some(coap_codec::registry::OptionFormat::Uint), _) => {
                        format!("{}", o.as_uint().unwrap_or(0))
                    }
                    (Some(coap_codec::registry::OptionFormat::String), Some(s)) => format!("{s:?}"),
                    _ => format!("{:02x?}", o.value()),
                };
                println!("  option  {} ({}) = {}", o.number(), o.number().0, value);
            }
            if !m.payload().is_empty() {
                println!("  payload {:?}", String::from_utf8_lossy(m.payload()));
            }
        }
        Err(e) => println!("  error   {e}; answer: {:?}", e.response()),
    }
    println!();
}

fn main() {
    show("RFC 7252 Figure 17, request", b"\x41\x01\x7d\x35\x20\xbbtemperature");
    show("RFC 7252 Figure 17, response", b"\x61\x45\x7d\x35\x20\xff22.3 C");

    let uri = Uri::parse("coap://sensor.example:5683/.well-known/core?rt=temperature").unwrap();
    let mut buf = [0u8; 128];
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 0x0101, &[0xde, 0xad])
        .unwrap()
        .uri_host(&uri)
        .unwrap()
        .uint_option(OptionNumber::OBSERVE, 0)
        .unwrap()
        .uri_path(&uri)
        .unwrap()
        .uri_query(&uri)
        .unwrap()
        .uint_option(OptionNumber::ACCEPT, ContentFormat::LINK_FORMAT.into())
        .unwrap()
        .finish();
    show(
        "Encoded: GET coap://sensor.example/.well-known/core?rt=temperature with Observe",
        &buf[..n],
    );
    let msg = Message::decode(&buf[..n]).unwrap();
    let mut out = [0u8; 128];
    let len = msg
        .compose_uri(Destination { scheme: Scheme::Coap, host: "192.0.2.1", port: 5683 }, &mut out)
        .unwrap();
    println!(
        "  URI composed back (RFC 7252 §6.5): {}\n",
        std::str::from_utf8(&out[..len]).unwrap()
    );

    show("Malformed: payload marker without payload (CON)", b"\x40\x01\x00\x07\xb1a\xff");
    show("Malformed: token length 9 (NON)", b"\x59\x01\x00\x08123456789");
    show("Malformed: Empty message carrying a token (CON)", b"\x41\x00\x00\x09\x01");
}
