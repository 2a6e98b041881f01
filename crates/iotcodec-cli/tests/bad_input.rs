//! Bad input: malformed PDUs are reported with kind, offset and the bytes around them and decoding
//! goes on (exit 1); broken captures, missing files and bad hex give a message and exit 2; nothing
//! panics (a panic would exit 101).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{iotcodec, sample, scratch};
use serde_json::Value;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn malformed_coap_datagram_gives_kind_offset_and_context() {
    // An option length nibble 1 with no value byte after it.
    let out = iotcodec(&["decode", "--proto", "coap", "--hex", "40 01 00 0a b1"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout).trim(),
        "COAP MALFORMED OptionValueTruncated at byte 4: 40 01 00 0a [b1]"
    );

    let out = iotcodec(&["decode", "--json", "--proto", "coap", "--hex", "40 01 00 0a b1"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["kind"], "OptionValueTruncated");
    assert_eq!(v["error"]["offset"], 4);
}

#[test]
fn a_malformed_mqtt_packet_is_skipped_and_the_stream_goes_on() {
    // CONNECT 3.1.1, a PUBLISH whose topic holds a wildcard ([MQTT-3.3.2-2]), then PINGREQ.
    let hex = "10 0c 00 04 4d 51 54 54 04 02 00 3c 00 00  30 05 00 03 61 2f 23  c0 00";
    let out = iotcodec(&["decode", "--proto", "mqtt", "--hex", hex]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("MQTT CONNECT v3.1.1"));
    assert!(lines[1].starts_with("MQTT MALFORMED"), "{}", lines[1]);
    assert!(lines[1].contains("Wildcard") || lines[1].contains("Topic"), "{}", lines[1]);
    assert_eq!(lines[2], "MQTT PINGREQ");
}

#[test]
fn a_stream_cut_short_is_reported_as_incomplete_with_the_bytes_needed() {
    let out = iotcodec(&["decode", "--json", "--proto", "mqtt", "--hex", "30 0a 00 03 61 2f 62"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["incomplete"]["have"], 7);
    assert_eq!(v["incomplete"]["needed"], "5");
    let out = iotcodec(&["decode", "--proto", "coap-tcp", "--hex", "d0"]);
    assert_eq!(
        text(&out.stdout).trim(),
        "COAP-TCP INCOMPLETE at end of input: 1 bytes, at least 1 more needed"
    );
}

#[test]
fn every_input_kind_decodes() {
    let out =
        iotcodec(&["decode", "--proto", "coap-ws", "--hex", "01 45 53 ff 32 32 2e 33 20 43 65 6c"]);
    assert_eq!(text(&out.stdout).trim(), "COAP-WS 2.05 Content token=53 payload=\"22.3 Cel\"");
    let out = iotcodec(&[
        "decode",
        "--proto",
        "linkformat",
        "--hex",
        &hex_of(b"</s>;rt=\"t\";ct=0,</a>"),
    ]);
    assert_eq!(text(&out.stdout).trim(), "LINKFORMAT 2 links: /s /a");
    let dir = scratch("raw_input");
    let raw = dir.join("get.bin");
    std::fs::write(&raw, b"\x41\x01\x7d\x35\x20\xbbtemperature").unwrap();
    let out = iotcodec(&["decode", "--proto", "coap", "--raw", raw.to_str().unwrap()]);
    assert_eq!(
        text(&out.stdout).trim(),
        "COAP CON mid=32053 GET token=20 Uri-Path=\"temperature\""
    );
    // --mqtt-level 5 decodes a 5.0 PUBLISH that has no CONNECT before it.
    let out = iotcodec(&[
        "decode",
        "--proto",
        "mqtt",
        "--mqtt-level",
        "5",
        "--hex",
        "30 07 00 03 61 2f 62 00 78",
    ]);
    assert_eq!(text(&out.stdout).trim(), "MQTT PUBLISH qos=0 topic=\"a/b\" payload=\"x\"");
}

fn hex_of(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn broken_inputs_exit_2_with_a_message() {
    let dir = scratch("broken");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--proto".into(), "coap".into(), "--hex".into(), "401".into()],
            "odd number of hex digits",
        ),
        (vec!["--proto".into(), "coap".into(), "--hex".into(), "4g".into()], "not a hex byte"),
        (vec![dir.join("missing.pcap").display().to_string()], "No such file"),
    ];
    for (args, message) in cases {
        let mut all = vec!["decode".to_string()];
        all.extend(args);
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let out = iotcodec(&refs);
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        assert!(text(&out.stderr).contains(message), "{all:?}: {}", text(&out.stderr));
    }

    let garbage = dir.join("garbage.pcap");
    std::fs::write(&garbage, b"this is not a capture at all").unwrap();
    let out = iotcodec(&["decode", garbage.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a pcap or pcapng capture"), "{}", text(&out.stderr));

    // A capture cut in the middle of a record: what came before is printed, then the error.
    let bytes = std::fs::read(sample()).unwrap();
    let cut = dir.join("cut.pcap");
    std::fs::write(&cut, &bytes[..bytes.len() / 2 + 7]).unwrap();
    let out = iotcodec(&["decode", cut.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).lines().count() > 10);
    assert!(text(&out.stderr).contains("cut.pcap"), "{}", text(&out.stderr));

    // Random bytes after a valid pcap header: never a panic.
    let mut noisy = bytes[..24].to_vec();
    let mut x: u32 = 0x2545_f491;
    for _ in 0..4000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noisy.push(x as u8);
    }
    let path = dir.join("noise.pcap");
    std::fs::write(&path, &noisy).unwrap();
    let out = iotcodec(&["decode", path.to_str().unwrap()]);
    assert!(matches!(out.status.code(), Some(0..=2)), "{:?}: {}", out.status, text(&out.stderr));
}

#[test]
fn usage_errors_exit_2() {
    let out = iotcodec(&["decode", "--hex", "4001"]);
    assert_eq!(out.status.code(), Some(2), "--hex needs --proto");
    let out = iotcodec(&["decode", "--proto", "mqtt", "--mqtt-level", "6", "--hex", "c000"]);
    assert_eq!(out.status.code(), Some(2));
    let out = iotcodec(&["decode", "--port", "coap-ws=80", &sample().display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
}
