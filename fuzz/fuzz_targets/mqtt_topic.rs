//! Topic filters and names from arbitrary text: checking never panics, and the matcher agrees with a
//! straightforward reference matcher written here.
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

fuzz_target!(|input: (&str, &str)| {
    let (filter, name) = input;
    let name_ok = check_topic_name(name).is_ok();
    if let Ok(f) = TopicFilter::parse(filter) {
        if name_ok {
            assert_eq!(f.matches(name), reference(f.filter(), name), "{filter:?} vs {name:?}");
        }
    }
});
