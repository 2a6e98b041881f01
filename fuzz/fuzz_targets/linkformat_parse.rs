//! Raw bytes into the link-format parser, strict and relaxed: never a panic, error offsets inside the
//! payload, and every payload accepted strictly round-trips: written back with the same token/quoted
//! choices it gives the same bytes, and parsing those gives the same links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linkformat::{parse, parse_with, write_links, OutLink, OutValue, ParseConfig, Value};

fuzz_target!(|data: &[u8]| {
    let relaxed = ParseConfig::STRICT.whitespace(true).loose_rt_if(true);
    for link in parse_with(data, relaxed) {
        match link {
            Ok(l) => {
                let _ = (l.rt().count(), l.ct().count(), l.sz(), l.title_star(), l.anchor());
            }
            Err(e) => assert!(e.offset() <= data.len()),
        }
    }
    let Ok(links) = parse(data).collect::<Result<Vec<_>, _>>() else { return };
    // Rebuild with the same value kinds. Quoted values with escapes are written from their
    // unescaped text, so the writer may choose other escapes; compare those by meaning.
    let unescaped: Vec<Vec<String>> = links
        .iter()
        .map(|l| {
            l.attrs()
                .map(|a| String::from_utf8(a.value.bytes().collect()).unwrap_or_default())
                .collect()
        })
        .collect();
    let attrs: Vec<Vec<(&str, OutValue<'_>)>> = links
        .iter()
        .zip(&unescaped)
        .map(|(l, texts)| {
            l.attrs()
                .zip(texts)
                .map(|(a, text)| {
                    let v = match a.value {
                        Value::Flag => OutValue::Flag,
                        Value::Token(t) => OutValue::Token(t),
                        Value::Quoted(_) => OutValue::Quoted(text),
                    };
                    (a.name, v)
                })
                .collect()
        })
        .collect();
    let out: Vec<OutLink<'_>> =
        links.iter().zip(&attrs).map(|(l, a)| OutLink { target: l.target(), attrs: a }).collect();
    let mut buf = vec![0u8; data.len() * 2 + 16];
    let w = write_links(&out, None, 0, &mut buf).expect("links that parsed are writable");
    let again: Vec<_> =
        parse(&buf[..w.len]).collect::<Result<_, _>>().expect("what we write parses");
    assert_eq!(again.len(), links.len());
    for (a, b) in again.iter().zip(&links) {
        assert_eq!(a.target(), b.target());
        assert!(a
            .attrs()
            .map(|x| (x.name, x.value.bytes().collect::<Vec<_>>()))
            .eq(b.attrs().map(|x| (x.name, x.value.bytes().collect::<Vec<_>>()))));
    }
    if !data.windows(1).any(|w| w == b"\\") {
        assert_eq!(&buf[..w.len], data, "without escapes, parse then write is the identity");
    }
});
