//! A `#![no_std]` static library that uses the codecs. It defines its own `#[panic_handler]`: if any
//! dependency pulled in `std`, linking would fail on a duplicate `panic_impl` lang item. It is built
//! with `panic = "abort"` (the workspace profiles), as firmware is.
//!
//! `cargo clippy --all-targets` also checks this crate as a test harness, which brings std, and a
//! workspace-wide build unifies std features into shared dependencies (memchr via criterion): the
//! proof is `cargo build -p nostd-check --release` alone, as `.ci/run` does it.
#![cfg_attr(not(test), no_std)]

use coap_codec::{Code, Message, MessageWriter, OptionNumber, Type};

/// Decodes RFC 7252 Figure 17 and answers it into a stack buffer; returns the answer's length, or 0.
#[no_mangle]
pub extern "C" fn nostd_check_coap() -> usize {
    const REQUEST: &[u8] = b"\x41\x01\x7d\x35\x20\xbbtemperature";
    let Ok(req) = Message::decode(REQUEST) else {
        return 0;
    };
    let mut buf = [0u8; 64];
    let written = MessageWriter::new(
        &mut buf,
        Type::Acknowledgement,
        Code::CONTENT,
        req.message_id(),
        req.token(),
    )
    .and_then(|w| w.uint_option(OptionNumber::CONTENT_FORMAT, 0))
    .and_then(|w| w.payload(b"22.3 C"))
    .map(|w| w.finish());
    written.unwrap_or(0)
}

/// Parses a link-format payload and counts its resource types; returns the count, or 0 on an error.
#[no_mangle]
pub extern "C" fn nostd_check_linkformat() -> usize {
    const PAYLOAD: &[u8] =
        br#"</sensors/temp>;rt="temperature-c";if="sensor",</sensors/light>;rt="light-lux""#;
    let mut n = 0;
    for link in linkformat::parse(PAYLOAD) {
        let Ok(link) = link else { return 0 };
        n += link.rt().count();
    }
    n
}

/// Decodes a PINGREQ and a QoS 0 PUBLISH from one buffer; returns the number of packets, or 0.
#[no_mangle]
pub extern "C" fn nostd_check_mqtt() -> usize {
    const STREAM: &[u8] = b"\xc0\x00\x30\x07\x00\x03a/bhi";
    let mut decoder = mqtt_codec::Decoder::new(mqtt_codec::ProtocolVersion::V3_1_1);
    let mut at = 0;
    let mut n = 0;
    while let Some(rest) = STREAM.get(at..).filter(|r| !r.is_empty()) {
        match decoder.decode(rest) {
            Ok(mqtt_codec::Decoded::Packet(_, used)) => {
                at += used;
                n += 1;
            }
            _ => return 0,
        }
    }
    n
}

#[cfg(not(test))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}
