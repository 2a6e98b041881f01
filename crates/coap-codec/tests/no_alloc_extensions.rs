//! The extension paths allocate nothing either: receiving with the extension checks, the typed option
//! getters, block slicing and reassembly, and CoAP over TCP and WebSockets with signaling. A counting
//! global allocator sees zero allocations while they run (one test per binary: the count is global).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use coap_codec::{
    decode_websocket, receive_tcp, receive_udp, BlockSlicer, Code, Csm, DecodeConfig, Framed,
    MessageWriter, OptionNumber, Progress, Reassembler, ReliableConfig, Signal, Type,
};
use interop_support::{allocations, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

#[test]
fn extension_paths_allocate_nothing() {
    let body = [0x5au8; 3000];
    let mut udp = [0u8; 1200];
    let mut tcp = [0u8; 1200];
    let mut tcp2 = [0u8; 64];
    let mut ws = [0u8; 64];
    let mut assembled = [0u8; 3000];
    let before = allocations();

    // Block2 responses from the slicer, received and reassembled.
    let slicer = BlockSlicer::new(&body);
    let mut r = Reassembler::new(&mut assembled);
    let mut request = None;
    let mut blocks = 0;
    let total = loop {
        let s = slicer.answer(request, 6).unwrap();
        let (opt, len) = s.block.encode();
        let n = MessageWriter::new(&mut udp, Type::Acknowledgement, Code::CONTENT, 7, &[1])
            .unwrap()
            .uint_option(OptionNumber::OBSERVE, 12)
            .unwrap()
            .option(OptionNumber::BLOCK2, &opt[..len])
            .unwrap()
            .uint_option(OptionNumber::SIZE2, 3000)
            .unwrap()
            .payload(s.payload)
            .unwrap()
            .finish();
        let msg = receive_udp(&udp[..n], DecodeConfig::STRICT).unwrap();
        let observe = msg.options().observe().unwrap();
        assert_eq!(observe, Some(12));
        blocks += 1;
        let block = msg.options().block2().unwrap().unwrap();
        match r.push(block, msg.payload()).unwrap() {
            Progress::More(next) => request = Some(next),
            Progress::Complete(n) => break n,
        }
    };

    // A CSM and a GET over TCP, and a Ping over WebSockets.
    let csm = Csm { max_message_size: Some(4096), block_wise_transfer: true, ..Csm::default() };
    let n = csm
        .write_options(MessageWriter::reliable(&mut tcp, Code::CSM, &[]).unwrap())
        .unwrap()
        .finish();
    let Ok(Framed::Message(m)) = receive_tcp(&tcp[..n], &ReliableConfig::default()) else {
        panic!()
    };
    let signal = m.signal();
    let n = MessageWriter::reliable(&mut tcp2, Code::GET, &[9])
        .unwrap()
        .str_option(OptionNumber::URI_PATH, "big")
        .unwrap()
        .finish();
    let Ok(Framed::Message(get)) = receive_tcp(&tcp2[..n], &ReliableConfig::default()) else {
        panic!()
    };
    let segments = get.options().uri_path().count();
    let k = MessageWriter::websocket(&mut ws, Code::PING, &[4]).unwrap().finish();
    let ping = decode_websocket(&ws[..k], &ReliableConfig::default()).unwrap().signal();

    let after = allocations();
    assert_eq!(after - before, 0, "the codec allocated");
    assert_eq!((total, blocks), (3000, 3));
    assert_eq!(r.data(), &body[..]);
    assert_eq!(signal, Some(Signal::Csm(csm)));
    assert_eq!(segments, 1);
    assert_eq!(ping, Some(Signal::Ping { custody: false }));
}
