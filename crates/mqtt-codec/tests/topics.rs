//! Topic Names, Topic Filters, shared subscriptions and matching (MQTT 5.0 §4.7, §4.8.2): the
//! spec's examples, malformed topics with kinds and offsets, and the matcher against a straightforward
//! reference written here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use mqtt_codec::{
    check_topic_name, matches, Decoded, Decoder, ErrorKind, Packet, ProtocolVersion, ReasonCode,
    TopicFilter,
};
use proptest::prelude::*;

#[test]
fn spec_examples_of_section_4_7() {
    // §4.7.1.2
    for name in [
        "sport/tennis/player1",
        "sport/tennis/player1/ranking",
        "sport/tennis/player1/score/wimbledon",
    ] {
        assert!(matches("sport/tennis/player1/#", name), "{name}");
    }
    assert!(matches("sport/#", "sport"));
    for valid in ["#", "sport/tennis/#", "+", "+/tennis/#", "sport/+/player1", "/+", "+/+"] {
        TopicFilter::parse(valid).unwrap();
    }
    for (invalid, offset) in [("sport/tennis#", 12), ("sport/tennis/#/ranking", 13), ("sport+", 5)]
    {
        let e = TopicFilter::parse(invalid).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (ErrorKind::InvalidWildcard, offset), "{invalid}");
        assert_eq!(e.reason_code(), ReasonCode::TOPIC_FILTER_INVALID);
    }
    // §4.7.1.3
    assert!(matches("sport/tennis/+", "sport/tennis/player1"));
    assert!(matches("sport/tennis/+", "sport/tennis/player2"));
    assert!(!matches("sport/tennis/+", "sport/tennis/player1/ranking"));
    assert!(!matches("sport/+", "sport"));
    assert!(matches("sport/+", "sport/"));
    assert!(matches("+/+", "/finance") && matches("/+", "/finance") && !matches("+", "/finance"));
    // §4.7.2: wildcards at the start do not match $ topics.
    assert!(!matches("#", "$SYS/broker/uptime"));
    assert!(!matches("+/monitor/Clients", "$SYS/monitor/Clients"));
    assert!(matches("$SYS/#", "$SYS/monitor/Clients"));
    assert!(matches("$SYS/monitor/+", "$SYS/monitor/Clients"));
}

#[test]
fn topic_names() {
    check_topic_name("sensors/kitchen/temperature").unwrap();
    check_topic_name("/").unwrap();
    for (name, kind, offset) in [
        ("", ErrorKind::EmptyTopic, 0),
        ("a/+/b", ErrorKind::WildcardInTopicName, 2),
        ("a/#", ErrorKind::WildcardInTopicName, 2),
        ("a\0b", ErrorKind::NullCharacter, 1),
    ] {
        let e = check_topic_name(name).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (kind, offset), "{name:?}");
    }
    assert_eq!(check_topic_name("a/+").unwrap_err().reason_code(), ReasonCode::TOPIC_NAME_INVALID);
}

#[test]
fn shared_subscriptions() {
    let f = TopicFilter::parse("$share/consumers/sport/+/player1").unwrap();
    assert_eq!((f.share_name(), f.filter()), (Some("consumers"), "sport/+/player1"));
    assert!(f.matches("sport/tennis/player1") && f.has_wildcards());
    assert_eq!(TopicFilter::parse("$share/g/#").unwrap().filter(), "#");
    for (filter, offset) in [
        ("$share/", 7),
        ("$share//a", 7),
        ("$share/g", 8),
        ("$share/g/", 9),
        ("$share/g+/a", 8),
        ("$share/#/a", 7),
    ] {
        let e = TopicFilter::parse(filter).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (ErrorKind::InvalidSharedSubscription, offset),
            "{filter}"
        );
    }
    let e = TopicFilter::parse("$share/g/a#").unwrap_err();
    assert_eq!((e.kind(), e.offset()), (ErrorKind::InvalidWildcard, 10));
    // Not a shared subscription: "$shared/..." and "$share" alone are ordinary filters.
    assert_eq!(TopicFilter::parse("$shared/x").unwrap().share_name(), None);
    assert_eq!(TopicFilter::parse("$share").unwrap().share_name(), None);
}

/// The reference: split both into vectors and walk them, as the spec describes.
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
        if i >= n.len() {
            return false;
        }
        if *level != "+" && *level != n[i] {
            return false;
        }
    }
    f.len() == n.len()
}

fn level() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("a".into()),
        Just("b".into()),
        Just("$x".into()),
        Just("ab".into())
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn matcher_agrees_with_the_reference(
        name in proptest::collection::vec(level(), 1..5),
        filter in proptest::collection::vec(prop_oneof![level(), Just("+".to_string())], 0..5),
        hash in any::<bool>(),
    ) {
        // Topic Names and Filters are at least one character long [MQTT-4.7.3-1].
        let mut name = name.join("/");
        if name.is_empty() {
            name.push('a');
        }
        let mut filter = filter;
        if hash || filter.is_empty() {
            filter.push("#".into());
        }
        let mut filter = filter.join("/");
        if filter.is_empty() {
            filter.push('a');
        }
        prop_assert!(TopicFilter::parse(&filter).is_ok(), "{}", filter);
        prop_assert_eq!(matches(&filter, &name), reference(&filter, &name), "{} vs {}", filter, name);
    }
}

/// The word-at-a-time scan of Topic Names agrees with a byte loop for every ASCII byte and a few
/// multi-byte characters at every position of names from 1 to 40 bytes.
#[test]
fn topic_name_scan_agrees_with_a_byte_loop_everywhere() {
    let mut chars: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
    chars.extend(["é", "€", "𝄞", "\u{80}", "\u{7ff}"].map(String::from));
    for len in 1..40usize {
        for pos in 0..len {
            for c in &chars {
                let mut name = "a".repeat(pos);
                name.push_str(c);
                name.push_str(&"b".repeat(len - pos - 1));
                let naive = name.bytes().position(|b| matches!(b, b'+' | b'#' | 0)).map(|i| {
                    (
                        if name.as_bytes()[i] == 0 {
                            ErrorKind::NullCharacter
                        } else {
                            ErrorKind::WildcardInTopicName
                        },
                        i,
                    )
                });
                let got = mqtt_codec::check_topic_name(&name).err().map(|e| (e.kind(), e.offset()));
                assert_eq!(got, naive, "{name:?}");
            }
        }
    }
}

/// The Topic Filter rules as a plain byte loop, for comparison with the word-at-a-time scan.
fn reference_filter_error(b: &[u8]) -> Option<(ErrorKind, usize)> {
    if b.is_empty() {
        return Some((ErrorKind::EmptyTopic, 0));
    }
    for (i, &c) in b.iter().enumerate() {
        let after_separator = i == 0 || b[i - 1] == b'/';
        let ok = match c {
            0 => return Some((ErrorKind::NullCharacter, i)),
            b'+' => after_separator && (i + 1 == b.len() || b[i + 1] == b'/'),
            b'#' => after_separator && i + 1 == b.len(),
            _ => true,
        };
        if !ok {
            return Some((ErrorKind::InvalidWildcard, i));
        }
    }
    None
}

/// The filters of up to `max` characters over `a / + # NUL ! $` (`!` and `$` are below 0x2C like the
/// special bytes, without being one), alone and inside longer text.
fn filter_corpus(max: u32) -> Vec<Vec<u8>> {
    let alphabet = [b'a', b'/', b'+', b'#', 0, b'!', b'$'];
    let around: [(&str, &str); 5] =
        [("", ""), ("x/", ""), ("abcdefgh/", "/z"), ("abcdefghijklmno", ""), ("", "/abcdefghijk")];
    let mut out = Vec::new();
    for len in 0..=max {
        for code in 0..alphabet.len().pow(len) {
            let mut core = Vec::new();
            let mut c = code;
            for _ in 0..len {
                core.push(alphabet[c % alphabet.len()]);
                c /= alphabet.len();
            }
            for (before, after) in around {
                let mut filter = before.as_bytes().to_vec();
                filter.extend_from_slice(&core);
                filter.extend_from_slice(after.as_bytes());
                out.push(filter);
            }
        }
    }
    out
}

/// Every filter of the corpus gets the error of the byte loop.
#[test]
fn filter_scan_agrees_with_a_byte_loop() {
    for filter in filter_corpus(6) {
        let text = std::str::from_utf8(&filter).unwrap();
        let got = TopicFilter::parse(text).err().map(|e| (e.kind(), e.offset()));
        assert_eq!(got, reference_filter_error(&filter), "{text:?}");
    }
}

/// The packet decoders run the filter rules inlined into their payload walk: each filter of the
/// corpus (up to five characters), second in a SUBSCRIBE and in an UNSUBSCRIBE after a good one,
/// gets the byte loop's error at its packet offset, and a good filter reads back as written.
#[test]
fn packet_walks_agree_with_the_byte_loop() {
    let first = b"a/+";
    for filter in filter_corpus(5) {
        for subscribe in [true, false] {
            let mut body = vec![0, 1];
            for f in [&first[..], &filter] {
                body.extend_from_slice(&(f.len() as u16).to_be_bytes());
                body.extend_from_slice(f);
                if subscribe {
                    body.push(1);
                }
            }
            let mut packet = vec![if subscribe { 0x82 } else { 0xa2 }, body.len() as u8];
            packet.extend_from_slice(&body);
            // The second filter starts after the header, the packet id and the first filter.
            let at = 2 + 2 + 2 + first.len() + usize::from(subscribe) + 2;
            let got = Decoder::new(ProtocolVersion::V3_1_1).decode(&packet);
            let text = String::from_utf8_lossy(&filter);
            match (got, reference_filter_error(&filter)) {
                (Err(e), Some((kind, offset))) => {
                    assert_eq!((e.kind(), e.offset()), (kind, at + offset), "{text:?}");
                }
                (Ok(Decoded::Packet(p, _)), None) => {
                    let second = match p {
                        Packet::Subscribe(s) => s.subscriptions().nth(1).map(|(f, _)| f.raw()),
                        Packet::Unsubscribe(u) => u.filters().nth(1).map(|f| f.raw()),
                        _ => None,
                    };
                    assert_eq!(second.map(str::as_bytes), Some(&filter[..]), "{text:?}");
                }
                (got, want) => panic!("{text:?}: {got:?} against {want:?}"),
            }
        }
    }
}
