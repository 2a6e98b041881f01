//! Writing: any valid links written and parsed back are the same links; parse then write is stable;
//! Block2 windows put together give the whole payload; filters apply while writing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use linkformat::{parse, write_links, Filter, OutLink, OutValue, Value, WriteError};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum V {
    Flag,
    Token(String),
    Quoted(String),
    Uint(u64),
}

fn out_value(v: &V) -> OutValue<'_> {
    match v {
        V::Flag => OutValue::Flag,
        V::Token(t) => OutValue::Token(t),
        V::Quoted(q) => OutValue::Quoted(q),
        V::Uint(n) => OutValue::Uint(*n),
    }
}

fn value() -> impl Strategy<Value = V> {
    prop_oneof![
        Just(V::Flag),
        "[a-zA-Z0-9!#$%&'()*+./:<=>?@^_`{|}~-]{1,12}".prop_map(V::Token),
        // Any text without control characters, quotes and backslashes included.
        "[\t\n\u{1} -~äé€\"\\\\,;<>]{0,16}".prop_map(V::Quoted),
        any::<u64>().prop_map(V::Uint),
    ]
}

fn link() -> impl Strategy<Value = (String, Vec<(String, V)>)> {
    (
        "[a-zA-Z0-9/:?#@!$&'()*+,;=._~-]{0,20}",
        // "x-" keeps clear of the registered names, whose values have their own rules.
        proptest::collection::vec(("x-[a-z0-9.!#$&+^_`|~-]{0,6}", value()), 0..5),
    )
}

fn write_all(links: &[(String, Vec<(String, V)>)]) -> Vec<u8> {
    let attrs: Vec<Vec<(&str, OutValue<'_>)>> = links
        .iter()
        .map(|(_, a)| a.iter().map(|(n, v)| (n.as_str(), out_value(v))).collect())
        .collect();
    let out: Vec<OutLink<'_>> =
        links.iter().zip(&attrs).map(|((t, _), a)| OutLink { target: t, attrs: a }).collect();
    let mut buf = vec![0u8; 4096];
    let w = write_links(&out, None, 0, &mut buf).unwrap();
    assert!(!w.more);
    buf.truncate(w.len);
    buf
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn written_links_parse_back_to_themselves(links in proptest::collection::vec(link(), 1..6)) {
        let bytes = write_all(&links);
        let parsed: Vec<_> = parse(&bytes).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(parsed.len(), links.len());
        for (p, (target, attrs)) in parsed.iter().zip(&links) {
            prop_assert_eq!(p.target(), target.as_str());
            let got: Vec<_> = p.attrs().collect();
            prop_assert_eq!(got.len(), attrs.len());
            for (g, (name, v)) in got.iter().zip(attrs) {
                prop_assert_eq!(g.name, name.as_str());
                match (v, g.value) {
                    (V::Flag, Value::Flag) => {}
                    (V::Token(t), Value::Token(u)) => prop_assert_eq!(t.as_str(), u),
                    (V::Uint(n), Value::Token(u)) => prop_assert_eq!(n.to_string(), u),
                    (V::Quoted(q), value @ Value::Quoted(_)) => prop_assert!(value.eq_str(q)),
                    (want, got) => prop_assert!(false, "{:?} came back as {:?}", want, got),
                }
            }
        }
        // Windows of every Block2 size, put together, are the whole payload.
        let attrs: Vec<Vec<(&str, OutValue<'_>)>> =
            links.iter().map(|(_, a)| a.iter().map(|(n, v)| (n.as_str(), out_value(v))).collect()).collect();
        let out: Vec<OutLink<'_>> = links.iter().zip(&attrs).map(|((t, _), a)| OutLink { target: t, attrs: a }).collect();
        for szx in 0..7 {
            let size = 16usize << szx;
            let mut joined = Vec::new();
            let mut num = 0;
            loop {
                let mut block = vec![0u8; size];
                let w = write_links(&out, None, num * size, &mut block).unwrap();
                joined.extend_from_slice(&block[..w.len]);
                prop_assert_eq!(w.total, bytes.len());
                if !w.more {
                    break;
                }
                prop_assert_eq!(w.len, size);
                num += 1;
            }
            prop_assert_eq!(&joined, &bytes);
        }
    }

    #[test]
    fn parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        for l in parse(&bytes).flatten() {
            for a in l.attrs() {
                let _ = (a.value.words().count(), a.value.bytes().count());
            }
        }
    }
}

#[test]
fn block2_windows_of_a_discovery_payload() {
    let attrs = [
        ("rt", OutValue::Token("temperature-c")),
        ("ct", OutValue::Uint(0)),
        ("obs", OutValue::Flag),
    ];
    let links: Vec<OutLink<'_>> =
        (0..10).map(|_| OutLink { target: "/sensors/temperature", attrs: &attrs }).collect();
    let mut whole = [0u8; 1024];
    let all = write_links(&links, None, 0, &mut whole).unwrap();
    let one = "</sensors/temperature>;rt=temperature-c;ct=0;obs";
    assert_eq!(&whole[..one.len() + 1], format!("{one},").as_bytes());
    assert_eq!(all.len, 10 * one.len() + 9);
    let mut block = [0u8; 64];
    let second = write_links(&links, None, 64, &mut block).unwrap();
    assert_eq!((second.len, second.more), (64, true));
    assert_eq!(&block[..], &whole[64..128]);
    let last = write_links(&links, None, 448, &mut block).unwrap();
    assert_eq!((last.len, last.more), (all.len - 448, false));
    let past = write_links(&links, None, 4096, &mut block).unwrap();
    assert_eq!((past.len, past.more, past.total), (0, false, all.len));
}

#[test]
fn filters_apply_while_writing() {
    let a = [("rt", OutValue::Quoted("temperature-c core.s")), ("ct", OutValue::Uint(0))];
    let b = [("rt", OutValue::Token("light-lux")), ("ct", OutValue::Uint(40))];
    let links = [OutLink { target: "/t", attrs: &a }, OutLink { target: "/l", attrs: &b }];
    let mut buf = [0u8; 128];
    let f = Filter::parse("rt=core.s").unwrap();
    let w = write_links(&links, Some(&f), 0, &mut buf).unwrap();
    assert_eq!(&buf[..w.len], br#"</t>;rt="temperature-c core.s";ct=0"#);
    let f = Filter::parse("ct=40").unwrap();
    let w = write_links(&links, Some(&f), 0, &mut buf).unwrap();
    assert_eq!(&buf[..w.len], b"</l>;rt=light-lux;ct=40");
    let f = Filter::parse("href=/*").unwrap();
    let both = r#"</t>;rt="temperature-c core.s";ct=0,</l>;rt=light-lux;ct=40"#;
    let w = write_links(&links, Some(&f), 0, &mut buf).unwrap();
    assert_eq!(&buf[..w.len], both.as_bytes());
    let f = Filter::parse("rt=nothing").unwrap();
    assert_eq!(write_links(&links, Some(&f), 0, &mut buf).unwrap().total, 0);
    assert_eq!(Filter::parse("rt"), None);
}

#[test]
fn invalid_links_are_refused_before_anything_is_written() {
    let mut buf = [0u8; 64];
    let bad_target = [OutLink { target: "/a b", attrs: &[] }];
    assert_eq!(write_links(&bad_target, None, 0, &mut buf), Err(WriteError::InvalidTarget));
    let bad_name = [("a b", OutValue::Flag)];
    assert_eq!(
        write_links(&[OutLink { target: "/a", attrs: &bad_name }], None, 0, &mut buf),
        Err(WriteError::InvalidParamName)
    );
    let href = [("href", OutValue::Token("x"))];
    assert_eq!(
        write_links(&[OutLink { target: "/a", attrs: &href }], None, 0, &mut buf),
        Err(WriteError::InvalidParamName)
    );
    let bad_token = [("x", OutValue::Token("a b"))];
    assert_eq!(
        write_links(&[OutLink { target: "/a", attrs: &bad_token }], None, 0, &mut buf),
        Err(WriteError::InvalidToken)
    );
    let bad_escape = [OutLink { target: "/a%2", attrs: &[] }];
    assert_eq!(write_links(&bad_escape, None, 0, &mut buf), Err(WriteError::InvalidTarget));
    // Control characters are written as quoted-pairs (RFC 2616 §2.2), not refused, and read back.
    let ctl = [("x", OutValue::Quoted("a\nb\u{1}"))];
    let w = write_links(&[OutLink { target: "/a", attrs: &ctl }], None, 0, &mut buf).unwrap();
    assert_eq!(&buf[..w.len], b"</a>;x=\"a\\\nb\\\x01\"");
    let l = parse(&buf[..w.len]).next().unwrap().unwrap();
    assert!(l.attr("x").unwrap().eq_str("a\nb\u{1}"));
}

/// Found by the linkformat_write fuzzer: the writer must refuse what the strict parser refuses, so
/// that whatever it writes parses back.
#[test]
fn registered_attribute_rules_apply_to_writing() {
    use linkformat::ErrorKind;
    let mut buf = [0u8; 64];
    let cases: [(&str, OutValue<'_>, ErrorKind); 7] = [
        ("x*", OutValue::Uint(7), ErrorKind::InvalidExtValue),
        ("rt", OutValue::Token("Upper"), ErrorKind::InvalidRelationType),
        ("title", OutValue::Token("t"), ErrorKind::QuotedStringRequired),
        ("anchor", OutValue::Quoted("/a b"), ErrorKind::InvalidTarget),
        ("ct", OutValue::Uint(70_000), ErrorKind::InvalidNumber),
        ("sz", OutValue::Quoted("5"), ErrorKind::InvalidNumber),
        ("type", OutValue::Token("text"), ErrorKind::InvalidValue),
    ];
    for (name, value, kind) in cases {
        let attrs = [(name, value)];
        let r = write_links(&[OutLink { target: "/a", attrs: &attrs }], None, 0, &mut buf);
        assert_eq!(r, Err(WriteError::InvalidAttribute(kind)), "{name}");
    }
    let twice = [("rt", OutValue::Token("a")), ("rt", OutValue::Token("b"))];
    assert_eq!(
        write_links(&[OutLink { target: "/a", attrs: &twice }], None, 0, &mut buf),
        Err(WriteError::InvalidAttribute(ErrorKind::DuplicateAttribute))
    );
    let ok = [("title*", OutValue::Token("UTF-8'en'a%20b")), ("ct", OutValue::Quoted("0 50"))];
    let w = write_links(&[OutLink { target: "/a", attrs: &ok }], None, 0, &mut buf).unwrap();
    assert_eq!(linkformat::validate(&buf[..w.len], linkformat::ParseConfig::STRICT), Ok(1));
}
