//! Parsing, attribute access, filtering and windowed writing allocate nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use interop_support::{allocations, CountingAllocator};
use linkformat::{parse, write_links, Filter, OutLink, OutValue};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

#[test]
fn link_format_paths_allocate_nothing() {
    let payload = br#"</sensors>;ct=40;title="Sensor \"Index\"",</sensors/temp>;rt="temperature-c core.s";if="sensor";obs,<http://www.example.com/t>;anchor="/sensors/temp";rel="describedby";title*=UTF-8'en'x%20y"#;
    let attrs = [
        ("rt", OutValue::Quoted("temperature-c")),
        ("ct", OutValue::Uint(0)),
        ("obs", OutValue::Flag),
    ];
    let out = [
        OutLink { target: "/sensors/temp", attrs: &attrs },
        OutLink { target: "/sensors/light", attrs: &attrs },
    ];
    let mut block = [0u8; 32];
    let mut unescaped = [0u8; 32];
    let before = allocations();

    let filter = Filter::parse("rt=core.s*").unwrap();
    let mut sum = 0usize;
    let mut matched = 0usize;
    for link in parse(payload) {
        let link = link.unwrap();
        sum += link.target().len() + link.rt().count() + link.ct().map(usize::from).sum::<usize>();
        sum += link.attrs().map(|a| a.name.len() + a.value.bytes().count()).sum::<usize>();
        if let Some(t) = link.title() {
            sum += t.unescape_into(&mut unescaped).unwrap();
        }
        if let Some(t) = link.title_star() {
            sum += t.decoded().count();
        }
        matched += usize::from(filter.matches(&link));
    }
    let w = write_links(&out, Some(&Filter::parse("href=/sensors/l*").unwrap()), 8, &mut block)
        .unwrap();

    let after = allocations();
    assert_eq!(after - before, 0, "the link-format code allocated");
    assert!(sum > 0);
    assert_eq!(matched, 1);
    // Only /sensors/light passes the filter; the window skips its first 8 bytes, "</sensor".
    assert_eq!(&block[..w.len], br#"s/light>;rt="temperature-c";ct=0"#);
    assert!(w.more);
}
