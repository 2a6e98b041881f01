//! Parsing, attribute access, filtering and windowed writing allocate nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// A global allocator is an unsafe trait by nature; this test file is the only unsafe code here.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use linkformat::{parse, write_links, Filter, OutLink, OutValue};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: forwards the caller's layout to the system allocator unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

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
    let before = ALLOCATIONS.load(Ordering::SeqCst);

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

    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert_eq!(after - before, 0, "the link-format code allocated");
    assert!(sum > 0);
    assert_eq!(matched, 1);
    // Only /sensors/light passes the filter; the window skips its first 8 bytes, "</sensor".
    assert_eq!(&block[..w.len], br#"s/light>;rt="temperature-c";ct=0"#);
    assert!(w.more);
}
