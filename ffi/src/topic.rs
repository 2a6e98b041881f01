//! MQTT topic names and filters for C: validation and matching (MQTT 5.0 §4.7, §4.8.2).

use mqtt_codec::{check_topic_name, TopicFilter};

use crate::guard::guard;
use crate::raw;
use crate::status::*;

fn text<'a>(ptr: *const u8, len: usize) -> Result<&'a str, iotc_status> {
    let b = raw::bytes(ptr, len).ok_or(IOTC_ERR_NULL)?;
    core::str::from_utf8(b).map_err(|_| IOTC_ERR_INVALID_UTF8)
}

/// Checks a Topic Name (no wildcards, not empty, no NUL): `IOTC_OK` or the rule it breaks.
#[no_mangle]
pub extern "C" fn iotc_mqtt_topic_name_check(name: *const u8, len: usize) -> iotc_status {
    guard(|| match text(name, len) {
        Ok(t) => match check_topic_name(t) {
            Ok(()) => IOTC_OK,
            Err(e) => mqtt_decode(e.kind()),
        },
        Err(s) => s,
    })
}

/// Checks a Topic Filter (wildcards in place, `$share/` well formed).
#[no_mangle]
pub extern "C" fn iotc_mqtt_topic_filter_check(filter: *const u8, len: usize) -> iotc_status {
    guard(|| match text(filter, len) {
        Ok(t) => match TopicFilter::parse(t) {
            Ok(_) => IOTC_OK,
            Err(e) => mqtt_decode(e.kind()),
        },
        Err(s) => s,
    })
}

/// Whether `name` matches `filter`: `*matches` is set and `IOTC_OK` returned, or the status of the
/// invalid filter. Topics starting with `$` are not matched by a leading wildcard (MQTT 5.0 §4.7.2);
/// a shared subscription matches by its filter part.
#[no_mangle]
pub extern "C" fn iotc_mqtt_topic_matches(
    filter: *const u8,
    filter_len: usize,
    name: *const u8,
    name_len: usize,
    matches: *mut bool,
) -> iotc_status {
    guard(|| {
        let (f, n) = match (text(filter, filter_len), text(name, name_len)) {
            (Ok(f), Ok(n)) => (f, n),
            (Err(s), _) | (_, Err(s)) => return s,
        };
        match TopicFilter::parse(f) {
            Ok(tf) => {
                raw::put(matches, tf.matches(n));
                IOTC_OK
            }
            Err(e) => mqtt_decode(e.kind()),
        }
    })
}
