//! A capture recorded now, from the real peers on loopback (`samples/record.sh`: tcpdump, mosquitto,
//! libcoap): every PDU decodes, the counts are those the script sent, and `stats` agrees with
//! `decode`. Skipped where the capture cannot be made, unless `IOTCODEC_REQUIRE_PEERS=1`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{check_recorded_traffic, decode_json, iotcodec, record, scratch};
use serde_json::Value;

#[test]
fn a_fresh_recording_decodes_completely() {
    let dir = scratch("recorded");
    let Some(capture) = record(&dir) else { return };
    let (pdus, out) = decode_json(&[&capture], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    check_recorded_traffic(&pdus);

    let out = iotcodec(&["stats", "--json", capture.to_str().unwrap()]);
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    let total: u64 =
        stats["protocols"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(total, pdus.len() as u64);
    assert_eq!(stats["malformed_total"], 0);
}
