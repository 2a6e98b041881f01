//! Test helpers shared by the crates' tests: running real peers (libcoap, aiocoap, mosquitto, ...) on
//! loopback only, bounded in time and stopped when the test ends; and a counting allocator for the
//! zero-allocation tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod counting;
mod server;

pub use counting::{allocations, CountingAllocator};
pub use server::{start_coap_server, start_tcp_server};

use std::net::UdpSocket;
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The first of `names` found on PATH. When none is, the test is skipped, unless
/// `IOTCODEC_REQUIRE_PEERS=1` (set by `.ci/run`) makes that a failure.
pub fn peer(names: &[&str]) -> Option<String> {
    for name in names {
        let found = Command::new("sh").arg("-c").arg(format!("command -v {name}")).output();
        if let Ok(out) = found {
            if out.status.success() {
                return Some(String::from_utf8_lossy(&out.stdout).trim().to_string());
            }
        }
    }
    assert!(
        std::env::var("IOTCODEC_REQUIRE_PEERS").as_deref() != Ok("1"),
        "peer {names:?} not installed"
    );
    eprintln!(
        "skipping: none of {names:?} is installed (set IOTCODEC_REQUIRE_PEERS=1 to fail instead)"
    );
    None
}

/// Whether a Python module can be imported; with `IOTCODEC_REQUIRE_PEERS=1` a missing one fails.
pub fn python_module(module: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("IOTCODEC_REQUIRE_PEERS").as_deref() != Ok("1"),
            "python module {module} not installed"
        );
        eprintln!("skipping: python module {module} is not installed");
    }
    ok
}

/// A child process killed when dropped, so that no peer outlives its test.
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a long-running peer (a server) with its output discarded; it is killed when the guard drops.
pub fn spawn_quiet(cmd: &str, args: &[&str]) -> Guard {
    Guard(
        Command::new(cmd)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {cmd}: {e}")),
    )
}

/// Runs a client command with a hard time limit and optional standard input; returns its output.
pub fn run_bounded_with_input(
    cmd: &str,
    args: &[&str],
    input: Option<&[u8]>,
    limit: Duration,
) -> Output {
    let mut child = Command::new(cmd)
        .args(args)
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {cmd}: {e}"));
    if let (Some(data), Some(mut stdin)) = (input, child.stdin.take()) {
        use std::io::Write;
        stdin.write_all(data).unwrap();
    }
    // Read both pipes while waiting: a peer that writes more than a pipe holds would otherwise block
    // and never exit.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() >= deadline {
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let Some(status) = status else {
        let _ = child.kill();
        let _ = child.wait();
        let err = stderr.join().unwrap_or_default();
        panic!("{cmd} {args:?} did not finish within {limit:?}: {}", String::from_utf8_lossy(&err));
    };
    Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}

/// Runs a client command with a hard time limit; returns its output.
pub fn run_bounded(cmd: &str, args: &[&str], limit: Duration) -> Output {
    run_bounded_with_input(cmd, args, None, limit)
}

/// A free UDP port on loopback (bound, then released for the peer to take).
pub fn free_port() -> u16 {
    UdpSocket::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Sends `request` to 127.0.0.1:`port` until a datagram with the same message ID comes back (bounded);
/// the server may still be starting, so the request is repeated every 300 ms.
pub fn udp_exchange(port: u16, request: &[u8], limit: Duration) -> Vec<u8> {
    UdpClient::connect(port).exchange(request, limit)
}

/// A CoAP client socket on loopback that keeps its source port, so that a server's per-endpoint
/// state (a block-wise transfer, an observation) lasts across requests.
pub struct UdpClient {
    sock: UdpSocket,
}

impl UdpClient {
    /// A socket connected to 127.0.0.1:`port`.
    pub fn connect(port: u16) -> Self {
        let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
        sock.connect(("127.0.0.1", port)).unwrap();
        sock.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
        Self { sock }
    }

    /// Sends a datagram once.
    pub fn send(&self, datagram: &[u8]) {
        self.sock.send(datagram).unwrap();
    }

    /// The next datagram, waiting at most 300 ms.
    pub fn recv(&self) -> Option<Vec<u8>> {
        let mut buf = [0u8; 2048];
        self.sock.recv(&mut buf).ok().map(|n| buf[..n].to_vec())
    }

    /// Sends `request` every 300 ms until a datagram with its message ID comes back (bounded by
    /// `limit`); other datagrams are skipped.
    pub fn exchange(&self, request: &[u8], limit: Duration) -> Vec<u8> {
        let mid = [request[2], request[3]];
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            self.send(request);
            if let Some(answer) = self.recv() {
                if answer.len() >= 4 && answer[2..4] == mid {
                    return answer;
                }
            }
        }
        panic!("no answer to message {mid:02x?} within {limit:?}");
    }
}
