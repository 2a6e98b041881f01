//! Malformed payloads: each gives one exact error kind and byte offset, never a panic; links before the
//! error are still yielded.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use linkformat::{parse, parse_with, validate, ErrorKind, ErrorKind::*, ParseConfig};

static CASES: &[(&str, &[u8], ErrorKind, usize)] = &[
    ("not UTF-8", b"</a>;title=\"\xff\"", NotUtf8, 12),
    ("no angle bracket", b"/a", ExpectedTarget, 0),
    ("text before the link", b"x</a>", ExpectedTarget, 0),
    ("unterminated target", b"</a", UnterminatedTarget, 0),
    ("unterminated second target", b"</a>,</b", UnterminatedTarget, 5),
    ("space in target", b"</a b>", InvalidTarget, 3),
    ("quote in target", b"</a\"b>", InvalidTarget, 3),
    ("nested angle bracket", b"</a<b>", InvalidTarget, 3),
    ("bad percent escape in target", b"</a%2>", InvalidTarget, 3),
    ("missing comma between links", b"</a></b>", ExpectedSeparator, 4),
    ("garbage after a link", b"</a>;ct=0 x", ExpectedSeparator, 9),
    ("space before comma (strict)", b"</a> ,</b>", ExpectedSeparator, 4),
    ("empty link between commas", b"</a>,,</b>", EmptyLink, 5),
    ("trailing comma", b"</a>,", EmptyLink, 5),
    ("leading comma", b",</a>", EmptyLink, 0),
    ("semicolon without name", b"</a>;", ExpectedParamName, 5),
    ("double semicolon", b"</a>;;ct=0", ExpectedParamName, 5),
    ("name with a space", b"</a>; ct=0", ExpectedParamName, 5),
    ("unterminated quote", b"</a>;title=\"abc", UnterminatedQuote, 11),
    ("unterminated quote swallowing links", b"</a>;rt=\"x,</b>", UnterminatedQuote, 8),
    ("backslash at the end of a quote", b"</a>;title=\"abc\\", BadEscape, 15),
    ("backslash before non-ASCII", "</a>;title=\"\\é\"".as_bytes(), BadEscape, 12),
    ("control character in a quote", b"</a>;title=\"a\x01b\"", InvalidValue, 13),
    ("empty value", b"</a>;ct=", InvalidValue, 8),
    ("value with a space", b"</a>;foo= x", InvalidValue, 9),
    ("second rt", b"</a>;rt=x;rt=y", DuplicateAttribute, 10),
    ("second rel", b"</a>;rel=x;rel=\"y\"", DuplicateAttribute, 11),
    ("second anchor", b"</a>;anchor=\"/b\";anchor=\"/c\"", DuplicateAttribute, 17),
    ("second title, other case", b"</a>;title=\"x\";TITLE=\"y\"", DuplicateAttribute, 15),
    ("second type", b"</a>;type=text/plain;type=\"text/html\"", DuplicateAttribute, 21),
    ("second sz", b"</a>;sz=1;sz=2", DuplicateAttribute, 10),
    ("second if", b"</a>;if=a;if=b", DuplicateAttribute, 10),
    ("anchor unquoted", b"</a>;anchor=/b", QuotedStringRequired, 12),
    ("title unquoted", b"</a>;title=x", QuotedStringRequired, 11),
    ("anchor with a space", b"</a>;anchor=\"/b c\"", InvalidTarget, 15),
    ("uppercase rt (strict)", b"</a>;rt=Temperature", InvalidRelationType, 8),
    ("rt list with a double space at the end", b"</a>;rt=\"a b \"", InvalidRelationType, 8),
    ("rel flag", b"</a>;rel", InvalidRelationType, 8),
    ("if starting with a digit", b"</a>;if=\"1x\"", InvalidRelationType, 8),
    ("sz with leading zero", b"</a>;sz=012", InvalidNumber, 8),
    ("sz not a number", b"</a>;sz=big", InvalidNumber, 8),
    ("sz quoted", b"</a>;sz=\"5\"", InvalidNumber, 8),
    ("ct above 65535", b"</a>;ct=65536", InvalidNumber, 8),
    ("ct list with a word", b"</a>;ct=\"40 json\"", InvalidNumber, 8),
    ("ct list with a leading space", b"</a>;ct=\" 40\"", InvalidNumber, 8),
    ("ct list with a trailing space", b"</a>;ct=\"40 \"", InvalidNumber, 8),
    ("ct list with a number above 65535", b"</a>;ct=\"0  65536\"", InvalidNumber, 8),
    ("ct list empty", b"</a>;ct=\"\"", InvalidNumber, 8),
    ("type without a subtype", b"</a>;type=text", InvalidValue, 10),
    ("hreflang with an underscore", b"</a>;hreflang=en_US", InvalidValue, 14),
    ("title* without charset", b"</a>;title*='en'x", InvalidExtValue, 12),
    ("title* quoted", b"</a>;title*=\"UTF-8''x\"", InvalidExtValue, 12),
    ("title* with a bad escape", b"</a>;title*=UTF-8''%zz", InvalidExtValue, 12),
    ("href parameter", b"</a>;href=\"/b\"", HrefParameter, 5),
    // Found by the linkformat_parse fuzzer: a flag's error points at the end of its name, inside
    // the payload.
    ("title as a flag at the end", b"</a>;title", QuotedStringRequired, 10),
];

#[test]
fn every_malformed_payload_gives_its_exact_error() {
    assert!(CASES.len() >= 30);
    for (name, payload, kind, offset) in CASES {
        let err = validate(payload, ParseConfig::STRICT).expect_err(name);
        assert_eq!((err.kind(), err.offset()), (*kind, *offset), "{name}");
        assert!(err.to_string().contains(&format!("byte {offset}")), "{name}");
    }
}

#[test]
fn links_before_an_error_are_yielded_and_iteration_stops_after_it() {
    let mut it = parse(b"</a>;ct=0,</b>;ct=x y,</c>");
    assert_eq!(it.next().unwrap().unwrap().target(), "/a");
    // ct=x is not a cardinal: the error comes at the value.
    assert_eq!(it.next().unwrap().unwrap_err().kind(), InvalidNumber);
    assert!(it.next().is_none());
    assert!(it.next().is_none());
}

#[test]
fn relaxations_accept_what_real_peers_send() {
    // Erratum 5254: rt/if values outside relation-types.
    let loose = ParseConfig::STRICT.loose_rt_if(true);
    assert_eq!(validate(b"</a>;rt=oic.r.Temperature;if=\"oic.if.A urn:X\"", loose), Ok(1));
    // Whitespace around separators.
    let ws = ParseConfig::STRICT.whitespace(true);
    assert_eq!(validate(b" </a> ;ct=0 ,\n </b>;\tobs ", ws), Ok(2));
    let l: Vec<_> = parse_with(b"</a> ;ct=0 ; obs", ws).collect::<Result<_, _>>().unwrap();
    assert!(l[0].obs());
    assert_eq!(l[0].ct().collect::<Vec<_>>(), [0]);
    // Relaxations do not relax the rest.
    assert_eq!(
        validate(b"</a>;rt=x;rt=y", loose.whitespace(true)).unwrap_err().kind(),
        DuplicateAttribute
    );
}
