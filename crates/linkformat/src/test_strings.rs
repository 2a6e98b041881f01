//! Every string over a small alphabet, shortest first: the inputs of the tests that check a fast
//! scanner against the plain form it stands in for.

extern crate std;
use std::string::String;

/// Every concatenation of 0 to `max_len` pieces of `alphabet`.
pub(crate) fn every_string<'a>(
    alphabet: &'a [&'a str],
    max_len: u32,
) -> impl Iterator<Item = String> + 'a {
    let n = alphabet.len();
    (0..=max_len).flat_map(move |len| {
        (0..n.pow(len)).map(move |mut code| {
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(alphabet[code % n]);
                code /= n;
            }
            text
        })
    })
}

#[test]
fn counts_and_order() {
    let all: std::vec::Vec<_> = every_string(&["a", "b"], 2).collect();
    assert_eq!(all, ["", "a", "b", "aa", "ba", "ab", "bb"]);
}
