//! Topic filters and names from arbitrary text: checking never panics, the filter check accepts
//! exactly what a straightforward reference validator accepts (and splits shared subscriptions the
//! same way), and the matcher agrees with a straightforward reference matcher written here.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mqtt_codec::{check_topic_name, TopicFilter};

fn reference(filter: &str, name: &str) -> bool {
    let f: Vec<&str> = filter.split('/').collect();
    let n: Vec<&str> = name.split('/').collect();
    if name.starts_with('$') && matches!(f[0], "+" | "#") {
        return false;
    }
    for (i, level) in f.iter().enumerate() {
        if *level == "#" {
            return true;
        }
        if i >= n.len() || (*level != "+" && *level != n[i]) {
            return false;
        }
    }
    f.len() == n.len()
}

/// A plain Topic Filter by its levels (MQTT 5.0 §4.7.1): not empty, no U+0000, `+` a whole level,
/// `#` a whole level and the last.
fn plain_filter_ok(filter: &str) -> bool {
    let levels: Vec<&str> = filter.split('/').collect();
    !filter.is_empty()
        && !filter.contains('\0')
        && levels.iter().enumerate().all(|(i, level)| {
            let wild = level.contains('+') || level.contains('#');
            !wild || *level == "+" || (*level == "#" && i + 1 == levels.len())
        })
}

/// The reference for any filter: `$share/{ShareName}/{filter}` (MQTT 5.0 §4.8.2) or a plain one;
/// for a shared subscription, its ShareName and inner filter.
fn filter_ok(filter: &str) -> (bool, Option<(&str, &str)>) {
    match filter.strip_prefix("$share/") {
        Some(rest) => match rest.split_once('/') {
            Some((share, inner)) => {
                let share_ok = !share.is_empty() && !share.contains(['+', '#', '\0']);
                (share_ok && plain_filter_ok(inner), Some((share, inner)))
            }
            None => (false, None),
        },
        None => (plain_filter_ok(filter), None),
    }
}

fuzz_target!(|input: (&str, &str)| {
    let (filter, name) = input;
    let name_ok = check_topic_name(name).is_ok();
    assert_eq!(
        name_ok,
        !name.is_empty() && !name.contains(['+', '#', '\0']),
        "topic name {name:?}"
    );
    let (ok, shared) = filter_ok(filter);
    match TopicFilter::parse(filter) {
        Ok(f) => {
            assert!(ok, "accepted {filter:?}");
            assert_eq!(f.raw(), filter);
            assert_eq!(f.share_name(), shared.map(|(s, _)| s), "{filter:?}");
            assert_eq!(f.filter(), shared.map_or(filter, |(_, inner)| inner), "{filter:?}");
            if name_ok {
                assert_eq!(f.matches(name), reference(f.filter(), name), "{filter:?} vs {name:?}");
            }
        }
        Err(e) => {
            assert!(!ok, "refused {filter:?}: {e:?}");
            assert!(e.offset() <= filter.len(), "{filter:?}: {e:?}");
        }
    }
});
