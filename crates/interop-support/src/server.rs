//! Starting a peer server on a free loopback port and waiting until it serves.
//!
//! `free_port` only finds a port that was free a moment ago: between its release and the server's
//! bind, a socket of a test running in parallel can take it, and then the server exits at once
//! (libcoap's `coap-server` with "no context available", mosquitto with "Address already in
//! use"). A test that went on would wait its whole time limit for answers and fail without saying
//! why. So the server is started, probed until it answers, and started again on another port if it
//! exited first.

use std::net::{TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use crate::{free_port, Guard};

/// How many ports are tried before giving up.
const ATTEMPTS: usize = 5;
/// How long one start may take before it counts as hung (a slow machine under a parallel build).
const STARTUP_LIMIT: Duration = Duration::from_secs(15);
/// Pause between probes.
const PROBE_INTERVAL: Duration = Duration::from_millis(50);

/// How readiness is seen.
enum Probe {
    /// A CoAP ping over UDP (RFC 7252 §4.3: an Empty Confirmable message is answered with a Reset
    /// carrying its Message ID).
    CoapPing,
    /// A TCP connection is accepted.
    TcpConnect,
}

/// Starts a CoAP-over-UDP server with `start(port)` and returns it once it answers a CoAP ping.
/// The ping comes from a socket of its own, so the server's per-endpoint state (deduplication,
/// block-wise transfers) for the test's client is untouched.
pub fn start_coap_server(start: impl FnMut(u16) -> Guard) -> (Guard, u16) {
    start_until_ready(Probe::CoapPing, start)
}

/// Starts a TCP server (a broker) with `start(port)` and returns it once it accepts a connection.
pub fn start_tcp_server(start: impl FnMut(u16) -> Guard) -> (Guard, u16) {
    start_until_ready(Probe::TcpConnect, start)
}

fn start_until_ready(probe: Probe, mut start: impl FnMut(u16) -> Guard) -> (Guard, u16) {
    let mut exits = Vec::new();
    for _ in 0..ATTEMPTS {
        let port = free_port();
        let mut server = start(port);
        let deadline = Instant::now() + STARTUP_LIMIT;
        loop {
            if let Some(status) = server.0.try_wait().unwrap() {
                exits.push(format!("port {port}: exited with {status}"));
                break;
            }
            if answers(&probe, port) {
                return (server, port);
            }
            assert!(
                Instant::now() < deadline,
                "the server on port {port} is running but did not answer within {STARTUP_LIMIT:?}"
            );
            std::thread::sleep(PROBE_INTERVAL);
        }
    }
    panic!("the server did not start on any of {ATTEMPTS} ports: {exits:?}");
}

/// One probe of the server on `port`.
fn answers(probe: &Probe, port: u16) -> bool {
    match probe {
        Probe::TcpConnect => {
            TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), PROBE_INTERVAL).is_ok()
        }
        Probe::CoapPing => {
            // Version 1, type CON, no token, code 0.00, Message ID 0xfe11.
            const PING: [u8; 4] = [0x40, 0x00, 0xfe, 0x11];
            let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
            sock.connect(("127.0.0.1", port)).unwrap();
            sock.set_read_timeout(Some(PROBE_INTERVAL)).unwrap();
            // A refused send (ICMP port unreachable from an earlier probe) means "not yet".
            if sock.send(&PING).is_err() {
                return false;
            }
            let mut buf = [0u8; 64];
            matches!(sock.recv(&mut buf), Ok(n) if n >= 4 && buf[2..4] == PING[2..4])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spawn_quiet;

    /// A stand-in server in Python: `tcp` listens, `coap` answers every datagram with a Reset
    /// carrying its Message ID. Either stops itself after 30 s.
    const STAND_IN: &str = r#"
import socket, sys, time
kind, port = sys.argv[1], int(sys.argv[2])
if kind == "tcp":
    s = socket.socket(); s.bind(("127.0.0.1", port)); s.listen(); time.sleep(30)
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", port))
    s.settimeout(30)
    while True:
        data, peer = s.recvfrom(64)
        s.sendto(bytes([0x70, 0x00]) + data[2:4], peer)
"#;

    /// The first start exits at once, as a server whose port was taken does; the second serves.
    fn exits_once_then_serves(kind: &'static str) -> impl FnMut(u16) -> Guard {
        let mut calls = 0;
        move |port| {
            calls += 1;
            if calls == 1 {
                spawn_quiet("sh", &["-c", "exit 3"])
            } else {
                spawn_quiet("python3", &["-c", STAND_IN, kind, &port.to_string()])
            }
        }
    }

    #[test]
    fn a_coap_server_that_exits_is_started_again_and_pinged() {
        let (mut server, port) = start_coap_server(exits_once_then_serves("coap"));
        assert!(server.0.try_wait().unwrap().is_none(), "the second start is running");
        assert!(answers(&Probe::CoapPing, port));
    }

    #[test]
    fn a_tcp_server_that_exits_is_started_again_and_connected() {
        let (mut server, port) = start_tcp_server(exits_once_then_serves("tcp"));
        assert!(server.0.try_wait().unwrap().is_none(), "the second start is running");
        assert!(answers(&Probe::TcpConnect, port));
    }

    #[test]
    fn nothing_listening_is_not_an_answer() {
        let port = free_port();
        assert!(!answers(&Probe::CoapPing, port));
        assert!(!answers(&Probe::TcpConnect, port));
    }

    #[test]
    #[should_panic(expected = "did not start on any of 5 ports")]
    fn a_server_that_always_exits_fails_with_the_exits() {
        let _ = start_tcp_server(|_| spawn_quiet("sh", &["-c", "exit 3"]));
    }
}
