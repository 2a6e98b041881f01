//! Helpers for the interop tests: finding and running real CoAP peers on loopback, bounded in time,
//! and a small responder built on this codec.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::UdpSocket;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

use coap_codec::{Code, ContentFormat, Message, MessageWriter, OptionNumber, Response, Type};

/// What the responder saw of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seen {
    pub(crate) ty: Type,
    pub(crate) code: Code,
    pub(crate) token_len: usize,
    pub(crate) path: Vec<String>,
    pub(crate) query: Vec<String>,
    pub(crate) accept: Option<ContentFormat>,
    pub(crate) payload: Vec<u8>,
    pub(crate) answer: String,
}

/// A CoAP responder on 127.0.0.1 built on this codec: `/temperature` answers "22.3 C",
/// `/.well-known/core` a link, anything else 4.04; unknown critical options get 4.02 and malformed
/// datagrams the answer their error names. It stops after `max` datagrams or `limit`.
pub(crate) struct Responder {
    pub(crate) port: u16,
    pub(crate) seen: mpsc::Receiver<Seen>,
    stop: Arc<AtomicBool>,
    handle: Option<thread::JoinHandle<()>>,
}

impl Responder {
    /// Stops the responder thread and waits for it.
    pub(crate) fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(h) = self.handle.take() {
            h.join().unwrap();
        }
    }
}

impl Drop for Responder {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

pub(crate) fn responder(max: usize, limit: Duration) -> Responder {
    let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let port = sock.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    let handle = thread::spawn(move || {
        let deadline = Instant::now() + limit;
        let mut served = 0;
        let mut next_mid = 0x5000u16;
        let mut rxbuf = [0u8; 1500];
        let mut txbuf = [0u8; 1500];
        while served < max && Instant::now() < deadline && !stopped.load(Ordering::SeqCst) {
            let Ok((len, from)) = sock.recv_from(&mut rxbuf) else {
                continue;
            };
            served += 1;
            let (reply, seen) = answer(&rxbuf[..len], &mut txbuf, &mut next_mid);
            if let Some(n) = reply {
                sock.send_to(&txbuf[..n], from).unwrap();
            }
            if let Some(seen) = seen {
                let _ = tx.send(seen);
            }
        }
    });
    Responder { port, seen: rx, stop, handle: Some(handle) }
}

fn answer(datagram: &[u8], out: &mut [u8], next_mid: &mut u16) -> (Option<usize>, Option<Seen>) {
    let req = match Message::decode(datagram) {
        Ok(m) => m,
        Err(e) => {
            // Reset echoes the message ID (RFC 7252 §4.2); the header was read if we got this far.
            let reply = (e.response() == Response::Reset && datagram.len() >= 4).then(|| {
                let mid = u16::from_be_bytes([datagram[2], datagram[3]]);
                MessageWriter::new(out, Type::Reset, Code::EMPTY, mid, &[]).unwrap().finish()
            });
            return (reply, None);
        }
    };
    if req.code().is_empty() {
        // CoAP ping: a CON Empty is answered with a Reset (RFC 7252 §4.3).
        let n = MessageWriter::new(out, Type::Reset, Code::EMPTY, req.message_id(), &[])
            .unwrap()
            .finish();
        return (Some(n), None);
    }
    let (rtype, mid) = if req.message_type() == Type::Confirmable {
        (Type::Acknowledgement, req.message_id())
    } else {
        *next_mid = next_mid.wrapping_add(1);
        (Type::NonConfirmable, *next_mid)
    };
    let path: Vec<String> = req.options().uri_path().map(str::to_string).collect();
    let mut seen = Seen {
        ty: req.message_type(),
        code: req.code(),
        token_len: req.token().len(),
        path: path.clone(),
        query: req.options().uri_query().map(str::to_string).collect(),
        accept: req.options().accept(),
        payload: req.payload().to_vec(),
        answer: String::new(),
    };
    let (code, n) = if let Err(e) = req.check_options() {
        let code = e.response().code().unwrap_or(Code::BAD_OPTION);
        let w = MessageWriter::new(out, rtype, code, mid, req.token()).unwrap();
        (code, w.payload(e.kind().as_str().as_bytes()).unwrap().finish())
    } else {
        let (code, cf, body): (Code, Option<ContentFormat>, &[u8]) =
            match (req.code(), path.iter().map(String::as_str).collect::<Vec<_>>().as_slice()) {
                (Code::GET, ["temperature"]) => {
                    (Code::CONTENT, Some(ContentFormat::TEXT_PLAIN), b"22.3 C")
                }
                (Code::GET, [".well-known", "core"]) => (
                    Code::CONTENT,
                    Some(ContentFormat::LINK_FORMAT),
                    b"</temperature>;ct=0;rt=\"temperature-c\"",
                ),
                (Code::PUT | Code::POST, ["temperature"]) => (Code::CHANGED, None, b""),
                _ => (Code::NOT_FOUND, None, b""),
            };
        let mut w = MessageWriter::new(out, rtype, code, mid, req.token()).unwrap();
        if let Some(cf) = cf {
            w = w.uint_option(OptionNumber::CONTENT_FORMAT, cf.into()).unwrap();
        }
        (code, w.payload(body).unwrap().finish())
    };
    seen.answer = code.to_string();
    (Some(n), Some(seen))
}
