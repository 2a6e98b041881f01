//! Arbitrary links through the writer: it either refuses them or writes a payload that parses back to
//! the same links; Block2-style windows put together are the whole payload.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use linkformat::{parse, write_links, OutLink, OutValue, Value};

#[derive(Debug, Arbitrary)]
enum V<'a> {
    Flag,
    Token(&'a str),
    Quoted(&'a str),
    Uint(u64),
}

#[derive(Debug, Arbitrary)]
struct L<'a> {
    target: &'a str,
    attrs: Vec<(&'a str, V<'a>)>,
}

fuzz_target!(|input: (Vec<L<'_>>, u8)| {
    let (links, szx) = input;
    // "x-" keeps names clear of the registered attributes, whose values have rules of their own.
    let names: Vec<Vec<String>> =
        links.iter().map(|l| l.attrs.iter().map(|(n, _)| format!("x-{n}")).collect()).collect();
    let attrs: Vec<Vec<(&str, OutValue<'_>)>> = links
        .iter()
        .zip(&names)
        .map(|(l, ns)| {
            l.attrs
                .iter()
                .zip(ns)
                .map(|((_, v), n)| {
                    let v = match v {
                        V::Flag => OutValue::Flag,
                        V::Token(t) => OutValue::Token(t),
                        V::Quoted(q) => OutValue::Quoted(q),
                        V::Uint(u) => OutValue::Uint(*u),
                    };
                    (n.as_str(), v)
                })
                .collect()
        })
        .collect();
    let out: Vec<OutLink<'_>> =
        links.iter().zip(&attrs).map(|(l, a)| OutLink { target: l.target, attrs: a }).collect();
    let mut buf = vec![0u8; 1 << 16];
    let Ok(w) = write_links(&out, None, 0, &mut buf) else { return };
    if w.more || out.is_empty() {
        return;
    }
    let payload = &buf[..w.len];
    let parsed: Vec<_> = parse(payload).collect::<Result<_, _>>().expect("written payload parses");
    assert_eq!(parsed.len(), out.len());
    for (p, o) in parsed.iter().zip(&out) {
        assert_eq!(p.target(), o.target);
        let got: Vec<_> = p.attrs().collect();
        assert_eq!(got.len(), o.attrs.len());
        for (g, (n, v)) in got.iter().zip(o.attrs) {
            assert_eq!(g.name, *n);
            let same = match (v, g.value) {
                (OutValue::Flag, Value::Flag) => true,
                (OutValue::Token(t), Value::Token(u)) => *t == u,
                (OutValue::Uint(n), Value::Token(u)) => n.to_string() == u,
                (OutValue::Quoted(q), value @ Value::Quoted(_)) => value.eq_str(q),
                _ => false,
            };
            assert!(same, "{v:?} came back as {:?}", g.value);
        }
    }
    let size = 16usize << (szx % 7);
    let mut joined = Vec::new();
    let mut block = vec![0u8; size];
    let mut num = 0;
    loop {
        let part = write_links(&out, None, num * size, &mut block).expect("same links");
        joined.extend_from_slice(&block[..part.len]);
        if !part.more {
            break;
        }
        num += 1;
    }
    assert_eq!(joined, payload);
});
