//! Block-wise transfer and CoAP over TCP against libcoap's `coap-server` on loopback (libcoap 4.3
//! listens on TCP at the same port as UDP): a Block1 PUT of a large body cut by our slicer, a Block2
//! GET of it assembled by our reassembler, and over TCP the CSM exchange, a GET, a Block2 GET and a
//! Ping/Pong. Bounded: every wait has a time limit and the server is killed when the test ends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use coap_codec::{
    receive_tcp, receive_udp, BlockSlicer, BlockValue, Code, Csm, DecodeConfig, Framed,
    MessageWriter, OptionNumber, PeerSettings, Progress, Reassembler, ReliableConfig, Signal, Type,
};
use interop_support::{peer, spawn_quiet, start_coap_server, Guard, UdpClient};

const SERVERS: &[&str] =
    &["coap-server-notls", "coap-server", "coap-server-openssl", "coap-server-gnutls"];
const LIMIT: Duration = Duration::from_secs(5);

/// A representation larger than 4 KiB with no repeating 1024-byte block.
fn body() -> Vec<u8> {
    (0..6000u32).map(|i| (i * 7 % 251) as u8).collect()
}

/// `coap-server` on a free port, allowing resources created by PUT (`-d`).
fn server() -> Option<(Guard, u16)> {
    let cmd = peer(SERVERS)?;
    Some(start_coap_server(|port| {
        spawn_quiet(&cmd, &["-A", "127.0.0.1", "-p", &port.to_string(), "-d", "4", "-v", "0"])
    }))
}

fn block_option(b: BlockValue) -> ([u8; 3], usize) {
    b.encode()
}

/// PUTs `body` to `/path` in Block1 blocks of 2^(szx+4) bytes, following a smaller size if the
/// server asks for one (RFC 7959 §2.3).
fn block1_put(client: &UdpClient, path: &str, body: &[u8], szx: u8, mid: &mut u16) -> Code {
    let slicer = BlockSlicer::new(body);
    let mut next = Some((0u32, szx));
    let mut last_code = Code::EMPTY;
    while let Some((num, szx)) = next {
        let s = slicer.block(num, szx).unwrap();
        *mid += 1;
        let (opt, len) = block_option(s.block);
        let mut buf = [0u8; 1400];
        let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::PUT, *mid, &[0x51])
            .unwrap()
            .str_option(OptionNumber::URI_PATH, path)
            .unwrap()
            .uint_option(OptionNumber::CONTENT_FORMAT, 42)
            .unwrap()
            .option(OptionNumber::BLOCK1, &opt[..len])
            .unwrap()
            .uint_option(OptionNumber::SIZE1, body.len() as u32)
            .unwrap()
            .payload(s.payload)
            .unwrap()
            .finish();
        let answer = client.exchange(&buf[..n], LIMIT);
        let resp = receive_udp(&answer, DecodeConfig::STRICT).unwrap();
        last_code = resp.code();
        let echoed = resp.options().block1().unwrap();
        if s.block.more() {
            assert_eq!(resp.code(), Code::CONTINUE, "block {num}");
            let echoed = echoed.expect("2.31 carries Block1");
            // The server may ask for smaller blocks: continue at the same byte position.
            let size = 1usize << (echoed.szx() + 4);
            next = Some(((s.block.offset() + s.payload.len()) as u32 / size as u32, echoed.szx()));
        } else {
            next = None;
        }
    }
    last_code
}

/// GETs `/path` block by block (early negotiation with `szx`) into a reassembler.
fn block2_get(client: &UdpClient, path: &str, szx: u8, mid: &mut u16, into: &mut [u8]) -> usize {
    let mut r = Reassembler::new(into);
    let mut request = BlockValue::new(0, false, szx).unwrap();
    let mut blocks = 0;
    loop {
        *mid += 1;
        let (opt, len) = block_option(request);
        let mut buf = [0u8; 128];
        let n = MessageWriter::new(&mut buf, Type::Confirmable, Code::GET, *mid, &[0x52])
            .unwrap()
            .str_option(OptionNumber::URI_PATH, path)
            .unwrap()
            .option(OptionNumber::BLOCK2, &opt[..len])
            .unwrap()
            .finish();
        let answer = client.exchange(&buf[..n], LIMIT);
        let resp = receive_udp(&answer, DecodeConfig::STRICT).unwrap();
        assert_eq!(resp.code(), Code::CONTENT);
        if let Some(size) = resp.options().size2().unwrap() {
            r.expect_size(size as usize).unwrap();
        }
        let block = resp.options().block2().unwrap().expect("a Block2 response");
        blocks += 1;
        match r.push(block, resp.payload()).unwrap() {
            Progress::More(next) => request = next,
            Progress::Complete(n) => {
                assert!(blocks > 1, "a representation over 4 KiB came in one block");
                return n;
            }
        }
    }
}

#[test]
fn block1_put_and_block2_get_with_coap_server() {
    let Some((_server, port)) = server() else { return };
    let client = UdpClient::connect(port);
    let body = body();
    let mut mid = 0x2000;
    let code = block1_put(&client, "big", &body, 6, &mut mid);
    assert!(matches!(code, Code::CREATED | Code::CHANGED), "final answer {code:?}");
    for szx in [6, 4, 2] {
        let mut got = vec![0u8; 8192];
        let n = block2_get(&client, "big", szx, &mut mid, &mut got);
        assert_eq!(&got[..n], &body[..], "SZX {szx}");
    }
}

/// A frame received over TCP, owned.
struct Frame {
    code: Code,
    token: Vec<u8>,
    options: Vec<(u16, Vec<u8>)>,
    payload: Vec<u8>,
    signal: Option<Signal<'static>>,
}

/// A TCP connection to the server with our receive buffer and its announced settings.
struct Tcp {
    stream: TcpStream,
    pending: Vec<u8>,
    config: ReliableConfig,
}

impl Tcp {
    fn connect(port: u16) -> Self {
        let deadline = Instant::now() + LIMIT;
        let stream = loop {
            match TcpStream::connect(("127.0.0.1", port)) {
                Ok(s) => break s,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => panic!("connecting to coap-server over TCP: {e}"),
            }
        };
        stream.set_read_timeout(Some(LIMIT)).unwrap();
        let config = ReliableConfig { max_message_size: 16384, ..ReliableConfig::default() };
        Self { stream, pending: Vec::new(), config }
    }

    fn send(&mut self, build: impl FnOnce(&mut [u8]) -> usize) {
        let mut buf = [0u8; 2048];
        let n = build(&mut buf);
        self.stream.write_all(&buf[..n]).unwrap();
    }

    /// The next frame.
    fn recv(&mut self) -> Frame {
        let deadline = Instant::now() + LIMIT;
        loop {
            if let Framed::Message(m) = receive_tcp(&self.pending, &self.config).unwrap() {
                let out = Frame {
                    code: m.code(),
                    token: m.token().to_vec(),
                    options: m
                        .options()
                        .map(|o| (o.number().value(), o.value().to_vec()))
                        .collect(),
                    payload: m.payload().to_vec(),
                    signal: match m.signal() {
                        Some(Signal::Csm(c)) => Some(Signal::Csm(c)),
                        Some(Signal::Pong { custody }) => Some(Signal::Pong { custody }),
                        _ => None,
                    },
                };
                let used = m.frame_len();
                self.pending.drain(..used);
                return out;
            }
            assert!(Instant::now() < deadline, "no complete frame from coap-server");
            let mut chunk = [0u8; 4096];
            let n = self.stream.read(&mut chunk).unwrap();
            assert!(n > 0, "coap-server closed the connection");
            self.pending.extend_from_slice(&chunk[..n]);
        }
    }
}

#[test]
fn csm_get_block2_and_ping_over_tcp_with_coap_server() {
    let Some((_server, port)) = server() else { return };
    // Store the representation first (over UDP), to fetch it block-wise over TCP.
    let body = body();
    let mut mid = 0x3000;
    block1_put(&UdpClient::connect(port), "big", &body, 6, &mut mid);

    let mut tcp = Tcp::connect(port);
    let ours = Csm {
        max_message_size: Some(16384),
        block_wise_transfer: true,
        extended_token_length: None,
    };
    tcp.send(|buf| {
        ours.write_options(MessageWriter::reliable(buf, Code::CSM, &[]).unwrap()).unwrap().finish()
    });
    // RFC 8323 §3.3: the server's first message is its CSM.
    let Frame { code, signal, .. } = tcp.recv();
    assert_eq!(code, Code::CSM);
    let Some(Signal::Csm(theirs)) = signal else { panic!("CSM without typed view") };
    let mut peer_settings = PeerSettings::default();
    peer_settings.apply(&theirs);
    assert!(peer_settings.max_message_size >= 1152, "{theirs:?}");

    // GET / : libcoap's greeting.
    tcp.send(|buf| MessageWriter::reliable(buf, Code::GET, &[0xa1]).unwrap().finish());
    let Frame { code, token, payload, .. } = tcp.recv();
    assert_eq!((code, token.as_slice()), (Code::CONTENT, &[0xa1][..]));
    assert!(String::from_utf8_lossy(&payload).contains("libcoap"), "{payload:?}");

    // Block2 GET of the stored representation in 512-byte blocks.
    let mut got = vec![0u8; 8192];
    let mut r = Reassembler::new(&mut got);
    let mut request = BlockValue::new(0, false, 5).unwrap();
    let len = loop {
        let (opt, n) = request.encode();
        tcp.send(|buf| {
            MessageWriter::reliable(buf, Code::GET, &[0xb2])
                .unwrap()
                .str_option(OptionNumber::URI_PATH, "big")
                .unwrap()
                .option(OptionNumber::BLOCK2, &opt[..n])
                .unwrap()
                .finish()
        });
        let Frame { code, token, options, payload, .. } = tcp.recv();
        assert_eq!((code, token.as_slice()), (Code::CONTENT, &[0xb2][..]));
        let raw = options.iter().find(|(n, _)| *n == 23).expect("Block2 in the response");
        let block = BlockValue::decode(&raw.1, false).unwrap();
        match r.push(block, &payload).unwrap() {
            Progress::More(next) => request = next,
            Progress::Complete(n) => break n,
        }
    };
    assert_eq!(&got[..len], &body[..]);

    // Ping and Pong (RFC 8323 §5.4). The RFC says the Pong carries the Ping's token; libcoap 4.3.1
    // answers with an empty token, so the token is checked only to be ours or empty.
    tcp.send(|buf| MessageWriter::reliable(buf, Code::PING, &[0x42, 0x43]).unwrap().finish());
    let Frame { code, token, signal, .. } = tcp.recv();
    assert_eq!(code, Code::PONG);
    assert!(token.is_empty() || token == [0x42, 0x43], "Pong token {token:02x?}");
    assert!(matches!(signal, Some(Signal::Pong { .. })));
    // The connection is still usable after the Ping.
    tcp.send(|buf| MessageWriter::reliable(buf, Code::GET, &[0xc3]).unwrap().finish());
    let Frame { code, token, .. } = tcp.recv();
    assert_eq!((code, token.as_slice()), (Code::CONTENT, &[0xc3][..]));
}
