//! The two link-format readers of the benchmark, shared by `benches/linkformat.rs` and the callgrind
//! loop `examples/linkformat_parse_loop.rs`. Both add up the lengths of every target, name and value.
#![allow(clippy::unwrap_used, missing_docs)]

/// This crate: every link checked as the iterator reaches it, then every attribute read.
pub fn ours(payload: &[u8]) -> usize {
    let mut sum = 0;
    for link in linkformat::parse(payload) {
        let link = link.unwrap();
        sum += link.target().len();
        for a in link.attrs() {
            sum += a.name.len() + a.value.raw().len();
        }
    }
    sum
}

/// coap-lite's parser on the same text (it takes `&str`, so the payload's UTF-8 check is not timed).
pub fn coap_lite(payload: &str) -> usize {
    let mut sum = 0;
    for link in coap_lite::link_format::LinkFormatParser::new(payload) {
        let (target, attrs) = link.unwrap();
        sum += target.len();
        for (name, value) in attrs {
            // Its raw string keeps the quotes; ours is the content between them.
            let quotes = if value.is_quoted() { 2 } else { 0 };
            sum += name.len() + value.into_raw_str().len() - quotes;
        }
    }
    sum
}
