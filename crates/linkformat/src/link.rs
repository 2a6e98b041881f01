//! Parsing a payload into links (RFC 6690 §2 with the attribute rules of §3, RFC 8288 §3 and RFC 7252
//! §7.2.1). Each link is checked completely when the iterator reaches it, so its attribute iterator
//! cannot fail.

use core::iter::FusedIterator;

use crate::error::{ErrorKind, ParseError};
use crate::grammar::{self, QuotedError};
use crate::value::{Quoted, Value, Words};

/// Relaxations of the strict grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParseConfig {
    loose_rt_if: bool,
    whitespace: bool,
}

impl ParseConfig {
    /// The RFC 6690 grammar exactly.
    pub const STRICT: Self = Self { loose_rt_if: false, whitespace: false };

    /// Accept any `ptoken` (unquoted) or any space-separated words (quoted) as `rt` and `if` values,
    /// not only relation types: RFC 6690 erratum 5254 notes that deployed values (such as
    /// `rt=oic.r.Temperature` or URNs with uppercase letters) do not fit `relation-types`.
    pub const fn loose_rt_if(mut self, on: bool) -> Self {
        self.loose_rt_if = on;
        self
    }

    /// Accept spaces, tabs and line breaks around `,` and `;` (the RFC 8288 `OWS` of HTTP headers, and
    /// payloads pretty-printed as in RFC 6690 §5).
    pub const fn whitespace(mut self, on: bool) -> Self {
        self.whitespace = on;
        self
    }
}

/// Parses a payload with every check on. The iterator yields each link, or one error and then stops.
///
/// ```
/// let payload = br#"</sensors/temp>;rt="temperature-c";if="sensor",</sensors/light>;ct=0"#;
/// let links: Vec<_> = linkformat::parse(payload).collect::<Result<_, _>>().unwrap();
/// assert_eq!(links[0].target(), "/sensors/temp");
/// assert_eq!(links[0].rt().collect::<Vec<_>>(), ["temperature-c"]);
/// assert_eq!(links[1].ct().collect::<Vec<_>>(), [0]);
/// ```
pub fn parse(payload: &[u8]) -> Links<'_> {
    parse_with(payload, ParseConfig::STRICT)
}

/// Parses a payload with the given relaxations.
pub fn parse_with(payload: &[u8], config: ParseConfig) -> Links<'_> {
    match core::str::from_utf8(payload) {
        Ok(text) => Links { text, pos: 0, config, pending: None, done: false },
        Err(e) => Links {
            text: "",
            pos: 0,
            config,
            pending: Some(ParseError::new(ErrorKind::NotUtf8, e.valid_up_to())),
            done: false,
        },
    }
}

/// Checks a whole payload; returns the number of links.
pub fn validate(payload: &[u8], config: ParseConfig) -> Result<usize, ParseError> {
    let mut n = 0;
    for link in parse_with(payload, config) {
        link?;
        n += 1;
    }
    Ok(n)
}

/// The links of a payload. Yields `Err` once on the first problem, then ends.
#[derive(Debug, Clone)]
pub struct Links<'a> {
    text: &'a str,
    pos: usize,
    config: ParseConfig,
    pending: Option<ParseError>,
    done: bool,
}

impl<'a> Iterator for Links<'a> {
    type Item = Result<Link<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if let Some(e) = self.pending.take() {
            self.done = true;
            return Some(Err(e));
        }
        let mut at = self.skip_ws(self.pos);
        if self.pos == 0 && at == self.text.len() {
            // An empty payload (or only whitespace) is an empty link-value-list.
            self.done = true;
            return None;
        }
        if self.pos != 0 {
            // After a link: end, or a comma and another link.
            match self.text.as_bytes().get(at) {
                None => {
                    self.done = true;
                    return None;
                }
                Some(b',') => at = self.skip_ws(at + 1),
                Some(_) => return self.fail(ErrorKind::ExpectedSeparator, at),
            }
        }
        match parse_link(self.text, at, self.config) {
            Ok((link, end)) => {
                self.pos = end;
                Some(Ok(link))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

impl FusedIterator for Links<'_> {}

impl Links<'_> {
    fn skip_ws(&self, at: usize) -> usize {
        if !self.config.whitespace {
            return at;
        }
        skip_ws(self.text, at)
    }

    fn fail(&mut self, kind: ErrorKind, at: usize) -> Option<Result<Link<'static>, ParseError>> {
        self.done = true;
        Some(Err(ParseError::new(kind, at)))
    }
}

fn skip_ws(text: &str, mut at: usize) -> usize {
    while matches!(text.as_bytes().get(at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        at += 1;
    }
    at
}

/// The attribute names with rules of their own, recognised once per attribute so that the value checks
/// and the once-per-link rule cost a `match`, not a string search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    Rel,
    Rev,
    Anchor,
    Title,
    TitleStar,
    Type,
    Media,
    Rt,
    If,
    Sz,
    Ct,
    Hreflang,
    /// `href`, which names the target in queries and is no attribute (RFC 6690 §4.1).
    Href,
    Ext,
    Other,
}

/// A name of at most eight bytes as the little-endian word that [`Known::of`] compares, built at
/// compile time.
const fn name_word(name: &[u8]) -> u64 {
    let mut word = 0u64;
    let mut i = name.len();
    while i > 0 {
        i -= 1;
        // In bounds: i < name.len().
        #[allow(clippy::indexing_slicing)]
        {
            word = (word << 8) | name[i] as u64;
        }
    }
    word
}

const RT: u64 = name_word(b"rt");
const IF: u64 = name_word(b"if");
const SZ: u64 = name_word(b"sz");
const CT: u64 = name_word(b"ct");
const REL: u64 = name_word(b"rel");
const REV: u64 = name_word(b"rev");
const HREF: u64 = name_word(b"href");
const TYPE: u64 = name_word(b"type");
const TITLE: u64 = name_word(b"title");
const MEDIA: u64 = name_word(b"media");
const ANCHOR: u64 = name_word(b"anchor");
const TITLE_STAR: u64 = name_word(b"title*");
const HREFLANG: u64 = name_word(b"hreflang");

impl Known {
    pub(crate) fn of(name: &str) -> Self {
        // Names compare case-insensitively (RFC 8288 §3). A name of up to eight bytes becomes one
        // little-endian word with every byte OR 0x20, and is compared with the registered names as
        // words. OR 0x20 lowers A-Z and changes no other attr-char into a letter (`^` and `_` become
        // `~` and DEL), so equal words mean equal names.
        let b = name.as_bytes();
        if b.len() > 8 {
            return if b.last() == Some(&b'*') { Self::Ext } else { Self::Other };
        }
        let word = b.iter().rev().fold(0u64, |w, &c| (w << 8) | u64::from(c | 0x20));
        match word {
            RT => Self::Rt,
            IF => Self::If,
            SZ => Self::Sz,
            CT => Self::Ct,
            REL => Self::Rel,
            REV => Self::Rev,
            HREF => Self::Href,
            TYPE => Self::Type,
            TITLE => Self::Title,
            MEDIA => Self::Media,
            ANCHOR => Self::Anchor,
            TITLE_STAR => Self::TitleStar,
            HREFLANG => Self::Hreflang,
            _ if b.last() == Some(&b'*') => Self::Ext,
            _ => Self::Other,
        }
    }

    /// The bit of an attribute that RFC 6690 §3 or RFC 8288 §3 allows only once per link.
    pub(crate) const fn once_bit(self) -> u16 {
        match self {
            Self::Rel => 1,
            Self::Rev => 1 << 1,
            Self::Anchor => 1 << 2,
            Self::Title => 1 << 3,
            Self::TitleStar => 1 << 4,
            Self::Type => 1 << 5,
            Self::Media => 1 << 6,
            Self::Rt => 1 << 7,
            Self::If => 1 << 8,
            Self::Sz => 1 << 9,
            Self::Ct | Self::Hreflang | Self::Href | Self::Ext | Self::Other => 0,
        }
    }
}

/// Parses one link starting at `start`; returns it and the offset just after it.
fn parse_link(
    text: &str,
    start: usize,
    config: ParseConfig,
) -> Result<(Link<'_>, usize), ParseError> {
    let err = |kind, at| Err(ParseError::new(kind, at));
    let rest = text.get(start..).unwrap_or_default();
    let Some(after_lt) = rest.strip_prefix('<') else {
        let kind = if rest.is_empty() || rest.starts_with(',') {
            ErrorKind::EmptyLink
        } else {
            ErrorKind::ExpectedTarget
        };
        return err(kind, start);
    };
    // Escapes are checked during the scan; at a bad one, the target is scanned again and checked
    // after, so that the errors come in the order below.
    let run = grammar::uri_run_len(after_lt.as_bytes()).and_then(|n| after_lt.split_at_checked(n));
    let escapes_checked = run.is_some();
    let (target, after_target) = match run {
        Some(split) => split,
        None => grammar::target(after_lt).map_or((after_lt, ""), |(rest, t)| (t, rest)),
    };
    let target_end = start + 1 + target.len();
    match after_target.as_bytes().first() {
        Some(b'>') => {}
        None => return err(ErrorKind::UnterminatedTarget, start),
        Some(_) => return err(ErrorKind::InvalidTarget, target_end),
    }
    if !escapes_checked {
        if let Some(bad) = grammar::bad_percent(target) {
            return err(ErrorKind::InvalidTarget, start + 1 + bad);
        }
    }
    let params_start = target_end + 1;
    let mut at = params_start;
    let mut seen = 0u16;
    let mut spans = AttrSpans::NONE;
    loop {
        let here = if config.whitespace { skip_ws(text, at) } else { at };
        if text.as_bytes().get(here) != Some(&b';') {
            break;
        }
        let name_at = if config.whitespace { skip_ws(text, here + 1) } else { here + 1 };
        let (name_end, end) = parse_param(text, name_at, &mut seen, config)?;
        spans.record(name_at - params_start, name_end - params_start, end - params_start);
        at = end;
    }
    let link = Link {
        target,
        params: text.get(params_start..at).unwrap_or_default(),
        offset: start,
        whitespace: config.whitespace,
        spans,
    };
    Ok((link, at))
}

/// Parses and checks one `name[=value]` at `at`; returns the offsets where its name ends and where
/// it ends. `seen` holds the once-only attributes met so far in this link.
fn parse_param(
    text: &str,
    at: usize,
    seen: &mut u16,
    config: ParseConfig,
) -> Result<(usize, usize), ParseError> {
    let err = |kind, at| Err(ParseError::new(kind, at));
    let rest = text.get(at..).unwrap_or_default();
    let Ok((after_name, name)) = grammar::param_name(rest) else {
        return err(ErrorKind::ExpectedParamName, at);
    };
    let known = Known::of(name);
    if known == Known::Href {
        return err(ErrorKind::HrefParameter, at);
    }
    // Where a value error points: the value after `=`, or the end of the name for a flag.
    let has_value = after_name.starts_with('=');
    let value_at = at + name.len() + usize::from(has_value);
    if matches!(known, Known::Rt | Known::If | Known::Rel | Known::Rev) {
        // The usual relation-type list: found and checked in one scan, or left to the general path.
        let list = after_name.as_bytes().strip_prefix(b"=\"");
        if let Some(n) = list.and_then(grammar::reg_rel_list_len) {
            note_once(known, seen, at)?;
            return Ok((at + name.len(), value_at + n + 2));
        }
    }
    let (value, end) = match after_name.strip_prefix('=') {
        None => (Value::Flag, at + name.len()),
        Some(v) if v.starts_with('"') => {
            match grammar::quoted_content(v.get(1..).unwrap_or_default()) {
                Ok((content, _)) => (Value::Quoted(Quoted(content)), value_at + content.len() + 2),
                Err(QuotedError::Unterminated) => {
                    return err(ErrorKind::UnterminatedQuote, value_at)
                }
                Err(QuotedError::BadEscape(k)) => {
                    return err(ErrorKind::BadEscape, value_at + 1 + k)
                }
                Err(QuotedError::Control(k)) => {
                    return err(ErrorKind::InvalidValue, value_at + 1 + k)
                }
            }
        }
        Some(v) => match grammar::ptoken(v) {
            Ok((_, token)) => (Value::Token(token), value_at + token.len()),
            Err(_) => return err(ErrorKind::InvalidValue, value_at),
        },
    };
    check_value(known, value, value_at, config)?;
    note_once(known, seen, at)?;
    Ok((at + name.len(), end))
}

/// Notes an attribute that may appear once per link in `seen`; a second one is an error at `at`.
#[inline(always)]
fn note_once(known: Known, seen: &mut u16, at: usize) -> Result<(), ParseError> {
    let bit = known.once_bit();
    if *seen & bit != 0 {
        return Err(ParseError::new(ErrorKind::DuplicateAttribute, at));
    }
    *seen |= bit;
    Ok(())
}

/// The value rules of the registered attributes. Inlined into the attribute parser: as a call it
/// cost a register save and restore per attribute, 1k of the benchmark's 34.4k instructions.
#[inline(always)]
pub(crate) fn check_value(
    known: Known,
    value: Value<'_>,
    at: usize,
    config: ParseConfig,
) -> Result<(), ParseError> {
    let err = |kind| Err(ParseError::new(kind, at));
    let ok_if = |ok: bool, kind| if ok { Ok(()) } else { err(kind) };
    match known {
        Known::Ext | Known::TitleStar => ok_if(
            matches!(value, Value::Token(t) if grammar::is_ext_value(t)),
            ErrorKind::InvalidExtValue,
        ),
        Known::Anchor => match value {
            Value::Quoted(q) => match anchor_error(q.raw()) {
                Some(k) => Err(ParseError::new(ErrorKind::InvalidTarget, at + k)),
                None => Ok(()),
            },
            _ => err(ErrorKind::QuotedStringRequired),
        },
        Known::Title => ok_if(matches!(value, Value::Quoted(_)), ErrorKind::QuotedStringRequired),
        Known::Rel | Known::Rev | Known::Rt | Known::If => {
            let loose = config.loose_rt_if && matches!(known, Known::Rt | Known::If);
            let ok = match value {
                Value::Flag => false,
                Value::Token(t) => loose || grammar::is_relation_type(t),
                Value::Quoted(q) => relation_list(q.raw(), loose),
            };
            ok_if(ok, ErrorKind::InvalidRelationType)
        }
        Known::Sz => ok_if(
            matches!(value, Value::Token(t) if grammar::parse_cardinal(t).is_some()),
            ErrorKind::InvalidNumber,
        ),
        Known::Ct => {
            // RFC 7252 §7.2.1: `cardinal / DQUOTE cardinal *( 1*SP cardinal ) DQUOTE`, each one a
            // Content-Format number (16 bits).
            let in_range = |w: &[u8]| grammar::parse_cardinal_bytes(w).is_some_and(|v| v <= 65535);
            let ok = match value {
                Value::Token(t) => in_range(t.as_bytes()),
                Value::Quoted(q) => {
                    let mut words = q.raw().as_bytes().split(|&b| b == b' ');
                    separated_by_spaces(q.raw()) && words.all(|w| w.is_empty() || in_range(w))
                }
                Value::Flag => false,
            };
            ok_if(ok, ErrorKind::InvalidNumber)
        }
        Known::Type => {
            let part = |p: &str| {
                !p.is_empty()
                    && p.bytes().all(|b| grammar::is_attr_char(b) || b == b'*' || b == b'.')
            };
            let media_type = |s: &str| s.split_once('/').is_some_and(|(t, st)| part(t) && part(st));
            let ok = match value {
                Value::Token(t) => media_type(t),
                Value::Quoted(q) => media_type(q.raw()),
                Value::Flag => false,
            };
            ok_if(ok, ErrorKind::InvalidValue)
        }
        Known::Hreflang => ok_if(
            matches!(value, Value::Token(t) if t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')),
            ErrorKind::InvalidValue,
        ),
        Known::Href => err(ErrorKind::HrefParameter),
        Known::Media | Known::Other => Ok(()),
    }
}

/// Where an `anchor` value (the raw content of its quotes) breaks the URI-reference rules, as an offset
/// from the opening quote: the quote itself when the value has an escape (RFC 6690 §2 gives the anchor
/// as a quoted URI-reference, which has no escapes), else the first byte that is not a URI character
/// or a `%` without two hex digits.
fn anchor_error(raw: &str) -> Option<usize> {
    let b = raw.as_bytes();
    // The usual anchor: URI characters only, escapes well-formed, seen in one pass.
    if grammar::uri_run_len(b) == Some(b.len()) {
        return None;
    }
    let bad = b.iter().position(|&c| !grammar::is_uri_char(c));
    if bad.is_some() && b.contains(&b'\\') {
        return Some(0);
    }
    bad.or_else(|| grammar::bad_percent(raw)).map(|k| k + 1)
}

/// `relation-type *( 1*SP relation-type )` inside quotes.
fn relation_list(raw: &str, loose: bool) -> bool {
    if !separated_by_spaces(raw) {
        return false;
    }
    // Nearly every list is registered relation types only: one pass over the bytes settles it.
    if !loose && all_reg_rel_types(raw.as_bytes()) {
        return true;
    }
    let mut rest = raw;
    while !rest.is_empty() {
        let end = rest.bytes().position(|b| b == b' ').unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        let ok = word.is_empty()
            || if loose {
                word.bytes().all(|b| b > b' ' && b != b'"' && b != b'\\' && b != 127)
            } else {
                grammar::is_relation_type(word)
            };
        if !ok {
            return false;
        }
        rest = tail.get(1..).unwrap_or_default();
    }
    true
}

/// Whether every space-separated word of `raw` is a `reg-rel-type` (a lowercase letter, then lowercase
/// letters, digits, `.` and `-`), in one pass: each byte is checked against the class its position
/// needs (after a space or at the start, a word's first character).
fn all_reg_rel_types(raw: &[u8]) -> bool {
    let mut prev = b' ';
    let mut ok = true;
    for &b in raw {
        let first = prev == b' ';
        ok &= b == b' '
            || (first && b.is_ascii_lowercase())
            || (!first && grammar::is_reg_rel_char(b));
        prev = b;
    }
    ok
}

/// Non-empty, no leading or trailing space (words are separated by one or more spaces).
fn separated_by_spaces(raw: &str) -> bool {
    !raw.is_empty() && !raw.starts_with(' ') && !raw.ends_with(' ')
}

/// How many attributes of a link the parser notes the place of.
const SPANS: usize = 8;

/// Where the first attributes of a link lie in its parameter text, noted by the parser as it checks
/// them, so that reading them again (the attribute iterator, and every getter, which goes through
/// it) slices instead of scanning. For attribute `i`: the offsets of its name's start and end and of
/// its value's end, in `Link::params`. Offsets are bytes, so only parameters within the first 256
/// bytes are noted; the iterator scans for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AttrSpans {
    count: u8,
    at: [[u8; 3]; SPANS],
}

impl AttrSpans {
    const NONE: Self = Self { count: 0, at: [[0; 3]; SPANS] };

    /// Notes one attribute, if there is room and its offsets fit a byte (`name_start <= name_end <=
    /// end`, so testing `end` tests all three); once one is left out, so are the ones after it (the
    /// iterator scans on from the last one noted).
    #[inline(always)]
    fn record(&mut self, name_start: usize, name_end: usize, end: usize) {
        let slot = if end <= usize::from(u8::MAX) {
            self.at.get_mut(usize::from(self.count))
        } else {
            None
        };
        match slot {
            Some(slot) => {
                // No truncation: all three are at most `end`, at most 255.
                *slot = [name_start as u8, name_end as u8, end as u8];
                self.count += 1;
            }
            // Closed: the high bit keeps the count but leaves no slot free.
            None => self.count |= 0x80,
        }
    }

    /// The number of attributes noted.
    fn len(&self) -> usize {
        usize::from(self.count & 0x7f)
    }
}

/// One link: the target URI-reference and its attributes, borrowed from the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link<'a> {
    target: &'a str,
    params: &'a str,
    offset: usize,
    whitespace: bool,
    spans: AttrSpans,
}

impl<'a> Link<'a> {
    /// The target URI-reference, as written between `<` and `>`.
    pub const fn target(&self) -> &'a str {
        self.target
    }

    /// Byte offset of the link's `<` in the payload.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The attributes in order.
    pub fn attrs(&self) -> Attrs<'a> {
        let noted = self.spans.len();
        let scan_from = match noted.checked_sub(1).and_then(|i| self.spans.at.get(i)) {
            Some(&[_, _, end]) => usize::from(end),
            None => 0,
        };
        Attrs {
            params: self.params,
            spans: self.spans.at,
            noted: noted as u8,
            next: 0,
            rest: self.params.get(scan_from..).unwrap_or_default(),
            whitespace: self.whitespace,
        }
    }

    /// The first attribute with this name (names compare case-insensitively, RFC 8288 §3).
    pub fn attr(&self, name: &str) -> Option<Value<'a>> {
        self.attrs().find(|a| a.name.eq_ignore_ascii_case(name)).map(|a| a.value)
    }

    /// Whether an attribute with this name is present.
    pub fn has(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }

    fn words(&self, name: &str) -> Words<'a> {
        self.attr(name).unwrap_or(Value::Token("")).words()
    }

    /// Resource types, `rt` (RFC 6690 §3.1).
    pub fn rt(&self) -> Words<'a> {
        self.words("rt")
    }

    /// Interface descriptions, `if` (RFC 6690 §3.2).
    pub fn interfaces(&self) -> Words<'a> {
        self.words("if")
    }

    /// Relation types, `rel` (RFC 8288 §3.3); empty means the default "hosts" (RFC 6690 §2.2).
    pub fn rel(&self) -> Words<'a> {
        self.words("rel")
    }

    /// Content-Format codes, `ct` (RFC 7252 §7.2.1), already checked to be 0 to 65535.
    pub fn ct(&self) -> impl Iterator<Item = u16> + 'a {
        self.words("ct").filter_map(|w| w.parse().ok())
    }

    /// Maximum size estimate, `sz` (RFC 6690 §3.3).
    pub fn sz(&self) -> Option<u64> {
        self.attr("sz").and_then(|v| grammar::parse_cardinal(v.raw()))
    }

    /// Whether the resource is observable, `obs` (RFC 7641 §6).
    pub fn obs(&self) -> bool {
        self.has("obs")
    }

    /// The context URI, `anchor` (RFC 6690 §2.3), checked to be a URI-reference without escapes.
    pub fn anchor(&self) -> Option<&'a str> {
        self.attr("anchor").map(|v| v.raw())
    }

    /// `title` (RFC 8288 §3.4.1), a quoted string.
    pub fn title(&self) -> Option<Quoted<'a>> {
        match self.attr("title")? {
            Value::Quoted(q) => Some(q),
            _ => None,
        }
    }

    /// `title*` (RFC 8288 §3.4.1, RFC 8187 ext-value).
    pub fn title_star(&self) -> Option<crate::ExtValue<'a>> {
        crate::ExtValue::parse(self.attr("title*")?.raw())
    }

    /// `hreflang` values (RFC 8288 §3.4.1; it may repeat).
    pub fn hreflang(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.attrs().filter(|a| a.name.eq_ignore_ascii_case("hreflang")).map(|a| a.value.raw())
    }

    /// `media` (RFC 8288 §3.4.1).
    pub fn media(&self) -> Option<Value<'a>> {
        self.attr("media")
    }

    /// `type` (RFC 8288 §3.4.1), a media type.
    pub fn media_type(&self) -> Option<&'a str> {
        self.attr("type").map(|v| v.raw())
    }
}

/// One attribute: a name and a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr<'a> {
    /// The parameter name as written.
    pub name: &'a str,
    /// Its value.
    pub value: Value<'a>,
}

/// The attributes of a link, over bytes the parser has checked: the ones whose place the parser
/// noted are sliced out, the others scanned for.
#[derive(Debug, Clone)]
pub struct Attrs<'a> {
    params: &'a str,
    spans: [[u8; 3]; SPANS],
    noted: u8,
    next: u8,
    /// The text after the last noted attribute, scanned once the noted ones are read.
    rest: &'a str,
    whitespace: bool,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = Attr<'a>;

    fn next(&mut self) -> Option<Attr<'a>> {
        if self.next < self.noted {
            let &[start, name_end, end] = self.spans.get(usize::from(self.next))?;
            self.next += 1;
            let name = self.params.get(usize::from(start)..usize::from(name_end))?;
            let after_name = self.params.get(usize::from(name_end)..usize::from(end))?;
            let value = match after_name.as_bytes() {
                [] => Value::Flag,
                [b'=', b'"', .., b'"'] => {
                    Value::Quoted(Quoted(after_name.get(2..after_name.len() - 1)?))
                }
                _ => Value::Token(after_name.get(1..)?),
            };
            return Some(Attr { name, value });
        }
        self.scan()
    }
}

impl<'a> Attrs<'a> {
    /// The next attribute after the noted ones, found by scanning.
    fn scan(&mut self) -> Option<Attr<'a>> {
        let mut rest = self.rest;
        if self.whitespace {
            rest = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        }
        let mut rest = rest.strip_prefix(';')?;
        if self.whitespace {
            rest = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        }
        let (after_name, name) = grammar::param_name(rest).ok()?;
        let (value, after) = match after_name.strip_prefix('=') {
            None => (Value::Flag, after_name),
            Some(v) if v.starts_with('"') => {
                let (content, after) = grammar::checked_quoted_content(v.get(1..)?);
                (Value::Quoted(Quoted(content)), after)
            }
            Some(v) => {
                let (after, token) = grammar::ptoken(v).ok()?;
                (Value::Token(token), after)
            }
        };
        self.rest = after;
        Some(Attr { name, value })
    }
}

impl FusedIterator for Attrs<'_> {}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::format;
    use std::string::String;
    use std::vec::Vec;

    use super::{parse_with, relation_list, Attrs, Known, ParseConfig, SPANS};
    use crate::grammar::{quoted_content, reg_rel_list_len};
    use crate::test_strings::every_string;

    /// The attributes of every link of `payload`, read through the noted places and by scanning
    /// alone.
    fn both_ways(payload: &str, config: ParseConfig) {
        for link in parse_with(payload.as_bytes(), config) {
            let link = link.unwrap();
            let noted: Vec<_> = link.attrs().collect();
            let scanned: Vec<_> = Attrs { noted: 0, rest: link.params, ..link.attrs() }.collect();
            assert_eq!(noted, scanned, "{payload:?}");
        }
    }

    #[test]
    fn noted_attributes_read_as_scanned_ones() {
        let strict = ParseConfig::STRICT;
        both_ways(r#"</a>;obs;ct=0;rt="x y";title="";title*=UTF-8'en'a%20b;x="\"q\"""#, strict);
        both_ways(r#"</a>,</b>;sz=1,</c>;anchor="/x";rel="next""#, strict);
        // More attributes than are noted.
        let many: String = (0..SPANS + 4).map(|i| format!(";x{i}=\"v{i}\"")).collect();
        both_ways(&format!("</a>{many},</b>;obs"), strict);
        // Attributes past the first 256 bytes of the parameters.
        let long = format!("</a>;title=\"{}\";rt=after;obs", "t".repeat(300));
        both_ways(&long, strict);
        let edge = format!("</a>;title=\"{}\";ct=1", "t".repeat(244));
        both_ways(&edge, strict);
        // Whitespace around the separators.
        both_ways("</a> ; rt=\"x\" ;\tobs ,\n</b>;ct=0", ParseConfig::STRICT.whitespace(true));
    }

    /// The one-pass relation-list scan accepts only what the general path accepts, with the same
    /// end, and does accept the usual lists (it would be useless otherwise).
    #[test]
    fn relation_list_scan_agrees_with_the_general_path() {
        // Every string of up to five characters over these, then tails that close the quote at
        // different places in the second word.
        let alphabet = ["a", "z", "0", "-", ".", " ", "\"", "\\", "A", ":", "\u{e9}"];
        let mut accepted = 0;
        for text in every_string(&alphabet, 5) {
            for tail in ["", "\"", "\";x", "bcdefgh\"", " q\"", "ijklmnopq rst\",x", "bcdef 1\""] {
                let input = format!("{text}{tail}");
                let general = quoted_content(&input)
                    .ok()
                    .filter(|(content, _)| relation_list(content, false))
                    .map(|(content, _)| content.len());
                match reg_rel_list_len(input.as_bytes()) {
                    Some(end) => {
                        assert_eq!(Some(end), general, "{input:?}");
                        accepted += 1;
                    }
                    // Refused here, taken there: only a list with an absolute URI.
                    None => assert!(
                        general.is_none() || input.contains(':'),
                        "{input:?} refused, general path took {general:?}"
                    ),
                }
            }
        }
        assert!(accepted > 1_000, "only {accepted} accepted");
        for usual in ["temperature-c\"", "light-lux core.sen-light\"", "a  b\"", "x.y-1\",</b>"] {
            assert!(reg_rel_list_len(usual.as_bytes()).is_some(), "{usual}");
        }
    }

    #[test]
    fn registered_names_in_any_case_and_nothing_else() {
        let registered = [
            ("rt", Known::Rt),
            ("if", Known::If),
            ("sz", Known::Sz),
            ("ct", Known::Ct),
            ("rel", Known::Rel),
            ("rev", Known::Rev),
            ("href", Known::Href),
            ("type", Known::Type),
            ("title", Known::Title),
            ("media", Known::Media),
            ("anchor", Known::Anchor),
            ("title*", Known::TitleStar),
            ("hreflang", Known::Hreflang),
        ];
        for (name, known) in registered {
            assert_eq!(Known::of(name), known, "{name}");
            let upper = name.to_ascii_uppercase();
            assert_eq!(Known::of(&upper), known, "{upper}");
        }
        // Near misses: other attr-chars where a letter would be, prefixes, longer names.
        for other in ["r^", "r_", "~t", "i", "rtt", "titl", "anchors", "hreflangs", "", "obs"] {
            assert_eq!(Known::of(other), Known::Other, "{other:?}");
        }
        for ext in ["x*", "rt*", "averylongname*"] {
            assert_eq!(Known::of(ext), Known::Ext, "{ext}");
        }
    }
}
