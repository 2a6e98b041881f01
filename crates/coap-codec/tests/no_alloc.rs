//! Decode, option iteration, checks, encode and URI handling allocate nothing: a counting global
//! allocator sees zero allocations while they run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    Code, ContentFormat, Destination, Message, MessageWriter, OptionNumber, Scheme, Type, Uri,
};
use interop_support::{allocations, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

#[test]
fn codec_paths_allocate_nothing() {
    let mut buf = [0u8; 256];
    let mut uri_buf = [0u8; 128];
    let before = allocations();

    let uri = Uri::parse("coap://Example.net:5683/sensors/t%C3%A9mp?rt=x&if=y").unwrap();
    let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, 0x1234, &[1, 2, 3, 4])
        .unwrap()
        .uri_host(&uri)
        .unwrap()
        .uint_option(OptionNumber::OBSERVE, 0)
        .unwrap()
        .uri_path(&uri)
        .unwrap()
        .uri_query(&uri)
        .unwrap()
        .uint_option(OptionNumber::ACCEPT, ContentFormat::JSON.into())
        .unwrap()
        .payload(b"hello")
        .unwrap()
        .finish();
    let msg = Message::decode(&buf[..n]).unwrap();
    msg.check_options().unwrap();
    let mut count = 0usize;
    for opt in msg.options() {
        count += opt.value().len() + usize::from(opt.number().0);
    }
    let segments = msg.options().uri_path().count();
    let accept = msg.options().accept();
    let dest = Destination { scheme: Scheme::Coap, host: "192.0.2.1", port: 5683 };
    let uri_len = msg.compose_uri(dest, &mut uri_buf).unwrap();
    let bad = Message::decode(b"\x40\x01\x00\x01\xf1").unwrap_err();
    let mut out = [0u8; 256];
    let re = msg.encode(&mut out).unwrap();

    let after = allocations();
    assert_eq!(after - before, 0, "the codec allocated");
    // Use the results so that nothing is optimised away, and check them.
    assert!(count > 0);
    assert_eq!(segments, 2);
    assert_eq!(accept, Some(ContentFormat::JSON));
    assert_eq!(&uri_buf[..uri_len], b"coap://example.net/sensors/t%C3%A9mp?rt=x&if=y");
    assert_eq!(bad.offset(), 4);
    assert_eq!(&out[..re], &buf[..n]);
}
