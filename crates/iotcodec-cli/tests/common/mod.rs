//! Shared by the iotcodec command's tests: running the binary, reading its JSON lines, recording a
//! capture with the script in `samples/`, and what a capture made by that script must contain.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use serde_json::Value;

/// The committed sample capture.
pub(crate) fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/sample.pcap")
}

/// Runs `iotcodec` with `args` (bounded in time); returns its output.
pub(crate) fn iotcodec(args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_iotcodec");
    interop_support::run_bounded(bin, args, Duration::from_secs(60))
}

/// `iotcodec decode --json FILE...`: every line parsed as JSON (a line that does not parse fails).
pub(crate) fn decode_json(files: &[&Path], extra: &[&str]) -> (Vec<Value>, Output) {
    let mut args = vec!["decode", "--json"];
    args.extend_from_slice(extra);
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let out = iotcodec(&args);
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let pdus = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (pdus, out)
}

/// Counts of `key` values among the PDUs of protocol `proto`.
pub(crate) fn count_by(
    pdus: &[Value],
    proto: &str,
    key: impl Fn(&Value) -> Option<String>,
) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for p in pdus.iter().filter(|p| p["proto"] == proto) {
        if let Some(k) = key(p) {
            *m.entry(k).or_default() += 1;
        }
    }
    m
}

/// Records a capture with `samples/record.sh` when it can run here (root, tcpdump, the peers);
/// `None` otherwise, which `IOTCODEC_REQUIRE_PEERS=1` turns into a failure.
pub(crate) fn record(dir: &Path) -> Option<PathBuf> {
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0"));
    let tools = ["tcpdump", "mosquitto", "mosquitto_pub", "mosquitto_sub", "ss"]
        .iter()
        .all(|t| interop_support::peer(&[t]).is_some());
    let coap = interop_support::peer(&["coap-server-notls", "coap-server"]).is_some();
    if !(root && tools && coap) {
        assert!(
            std::env::var("IOTCODEC_REQUIRE_PEERS").as_deref() != Ok("1"),
            "cannot record a capture here (root: {root})"
        );
        return None;
    }
    let out = dir.join("recorded.pcap");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/record.sh");
    let run = interop_support::run_bounded(
        "bash",
        &[script.to_str().unwrap(), out.to_str().unwrap()],
        Duration::from_secs(150),
    );
    assert!(run.status.success(), "record.sh failed: {}", String::from_utf8_lossy(&run.stderr));
    Some(out)
}

/// A fresh directory under the target directory for one test's files.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What `samples/record.sh` sends, checked on the decoded PDUs of its capture.
pub(crate) fn check_recorded_traffic(pdus: &[Value]) {
    assert!(pdus.iter().all(|p| p.get("error").is_none() && p.get("incomplete").is_none()));

    // MQTT: 6 clients (2 subscribers, 4 publishers), each connecting, acknowledged, disconnecting.
    // PUBLISH: 4 from the publishers, 4 delivered to the 3.1.1 subscriber (sample/#), 1 to the 5.0
    // one. QoS 1: PUBACK from the broker to pub1 and pub5, from the 3.1.1 subscriber for 21.6 and
    // for hello (granted QoS 2, so delivered at QoS 1). QoS 2: one exchange each side of the broker.
    let types = count_by(pdus, "mqtt", |p| p["type"].as_str().map(String::from));
    let want: BTreeMap<String, usize> = [
        ("CONNECT", 6),
        ("CONNACK", 6),
        ("SUBSCRIBE", 2),
        ("SUBACK", 2),
        ("PUBLISH", 9),
        ("PUBACK", 4),
        ("PUBREC", 2),
        ("PUBREL", 2),
        ("PUBCOMP", 2),
        ("DISCONNECT", 6),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(types, want);
    let levels = count_by(pdus, "mqtt", |p| {
        (p["type"] == "CONNECT").then(|| p["protocol_level"].to_string())
    });
    assert_eq!(levels.get("4"), Some(&4), "{levels:?}");
    assert_eq!(levels.get("5"), Some(&2), "{levels:?}");
    let v5_publish = pdus
        .iter()
        .find(|p| p["type"] == "PUBLISH" && p["topic"] == "sample/v5" && p["qos"] == 1)
        .expect("the 5.0 PUBLISH");
    let props = v5_publish["properties"].as_array().unwrap();
    assert!(props.iter().any(|p| p["name"] == "content_type" && p["value"] == "text/plain"));
    assert!(props.iter().any(|p| p["value"]["name"] == "site" && p["value"]["value"] == "lab"));
    let payloads = count_by(pdus, "mqtt", |p| p["payload"]["text"].as_str().map(String::from));
    assert_eq!(payloads.get("21.7"), Some(&2));

    // CoAP over UDP: the requests the script makes and their answers.
    let codes = count_by(pdus, "coap", |p| p["code"]["text"].as_str().map(String::from));
    assert_eq!(codes.get("0.03"), Some(&6), "PUT /example_data and 5 Block1 PUTs: {codes:?}");
    assert_eq!(codes.get("2.31"), Some(&4), "Continue for the 4 non-final blocks: {codes:?}");
    assert_eq!(codes.get("4.04"), Some(&1), "{codes:?}");
    assert!(codes.get("2.05").is_some_and(|n| *n >= 9), "{codes:?}");
    let block2 = pdus
        .iter()
        .filter(|p| p["proto"] == "coap" && p["code"]["text"] == "2.05")
        .filter(|p| p["options"].as_array().unwrap().iter().any(|o| o["number"] == 23))
        .count();
    assert_eq!(block2, 5, "300 bytes in 64-byte Block2 responses");
    let observe = pdus
        .iter()
        .filter(|p| p["proto"] == "coap" && p["code"]["text"] == "2.05")
        .filter(|p| p["options"].as_array().unwrap().iter().any(|o| o["number"] == 6))
        .count();
    assert!(observe >= 3, "the first answer and at least two notifications: {observe}");
    let wkc = pdus
        .iter()
        .find(|p| p["proto"] == "coap" && p.get("links").is_some())
        .expect("/.well-known/core expanded into links");
    assert!(wkc["links"].as_array().unwrap().iter().any(|l| l["target"] == "/time"));

    // CoAP over TCP: both CSMs, the GET and its answer.
    let tcp = count_by(pdus, "coap-tcp", |p| p["code"]["text"].as_str().map(String::from));
    assert_eq!(tcp.get("7.01"), Some(&2), "{tcp:?}");
    assert_eq!(tcp.get("0.01"), Some(&1), "{tcp:?}");
    assert_eq!(tcp.get("2.05"), Some(&1), "{tcp:?}");
}
