//! The link-format examples of RFC 6690 §5 and RFC 9176, parsed to their exact links and attributes and
//! written back byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use linkformat::{
    parse, parse_with, write_links, Filter, Link, OutLink, OutValue, ParseConfig, Value,
};

fn links(payload: &str) -> Vec<Link<'_>> {
    parse(payload.as_bytes()).collect::<Result<_, _>>().unwrap()
}

/// Attributes of a link as (name, raw value, quoted?).
fn attrs<'a>(l: &Link<'a>) -> Vec<(&'a str, &'a str, bool)> {
    l.attrs().map(|a| (a.name, a.value.raw(), matches!(a.value, Value::Quoted(_)))).collect()
}

/// Writes parsed links back with the same token/quoted choices and checks the bytes are identical.
fn round_trip(payload: &str) {
    let parsed = links(payload);
    let owned: Vec<Vec<(&str, OutValue<'_>)>> = parsed
        .iter()
        .map(|l| {
            l.attrs()
                .map(|a| {
                    let v = match a.value {
                        Value::Flag => OutValue::Flag,
                        Value::Token(t) => OutValue::Token(t),
                        Value::Quoted(q) => OutValue::Quoted(q.as_plain_str().unwrap()),
                    };
                    (a.name, v)
                })
                .collect()
        })
        .collect();
    let out: Vec<OutLink<'_>> =
        parsed.iter().zip(&owned).map(|(l, a)| OutLink { target: l.target(), attrs: a }).collect();
    let mut buf = vec![0u8; payload.len() + 16];
    let w = write_links(&out, None, 0, &mut buf).unwrap();
    assert_eq!(std::str::from_utf8(&buf[..w.len]).unwrap(), payload);
    assert_eq!((w.total, w.more), (payload.len(), false));
}

#[test]
fn rfc6690_5_two_sensors_sharing_an_interface() {
    let p = r#"</sensors/temp>;if="sensor",</sensors/light>;if="sensor""#;
    let l = links(p);
    assert_eq!(l.len(), 2);
    assert_eq!(l[0].target(), "/sensors/temp");
    assert_eq!(attrs(&l[0]), [("if", "sensor", true)]);
    assert_eq!(l[1].interfaces().collect::<Vec<_>>(), ["sensor"]);
    assert_eq!(l[1].rel().count(), 0, "no rel: the default 'hosts' relation");
    round_trip(p);
}

#[test]
fn rfc6690_5_hierarchy_and_query_filter() {
    let entry = "</sensors>;ct=40";
    assert_eq!(links(entry)[0].ct().collect::<Vec<_>>(), [40]);
    round_trip(entry);
    let sensors = r#"</sensors/temp>;rt="temperature-c";if="sensor",</sensors/light>;rt="light-lux";if="sensor""#;
    let l = links(sensors);
    assert_eq!(attrs(&l[0]), [("rt", "temperature-c", true), ("if", "sensor", true)]);
    round_trip(sensors);
    let f = Filter::parse("rt=light-lux").unwrap();
    let matched: Vec<_> = l.iter().filter(|x| f.matches(x)).map(|x| x.target()).collect();
    assert_eq!(matched, ["/sensors/light"]);
    // A multi-valued rt matches on any one of its values.
    let multi = r#"</sensors/light>;rt="light-lux core.sen-light";if="sensor""#;
    let m = links(multi);
    assert_eq!(m[0].rt().collect::<Vec<_>>(), ["light-lux", "core.sen-light"]);
    assert!(f.matches(&m[0]));
    assert!(Filter::parse("rt=core.sen-light").unwrap().matches(&m[0]));
    assert!(!Filter::parse("rt=light-lux core.sen-light").unwrap().matches(&m[0]));
    round_trip(multi);
}

#[test]
fn rfc6690_5_anchors_and_relations() {
    let p = concat!(
        r#"</sensors>;ct=40;title="Sensor Index","#,
        r#"</sensors/temp>;rt="temperature-c";if="sensor","#,
        r#"</sensors/light>;rt="light-lux";if="sensor","#,
        r#"<http://www.example.com/sensors/t123>;anchor="/sensors/temp";rel="describedby","#,
        r#"</t>;anchor="/sensors/temp";rel="alternate""#
    );
    let l = links(p);
    assert_eq!(l.len(), 5);
    assert_eq!(l[0].title().unwrap().raw(), "Sensor Index");
    assert_eq!(l[3].target(), "http://www.example.com/sensors/t123");
    assert_eq!(l[3].anchor(), Some("/sensors/temp"));
    assert_eq!(l[3].rel().collect::<Vec<_>>(), ["describedby"]);
    assert_eq!(l[4].rel().collect::<Vec<_>>(), ["alternate"]);
    round_trip(p);
    let f = Filter::parse("anchor=/sensors/temp").unwrap();
    let matched: Vec<_> = l.iter().filter(|x| f.matches(x)).map(|x| x.target()).collect();
    assert_eq!(matched, ["http://www.example.com/sensors/t123", "/t"]);
    // §4.1 examples: href exact and prefix, attribute prefix, and existence.
    let targets = |q: &str| {
        let f = Filter::parse(q).unwrap();
        l.iter().filter(|x| f.matches(x)).map(|x| x.target()).collect::<Vec<_>>()
    };
    assert_eq!(targets("href=/sensors"), ["/sensors"]);
    assert_eq!(targets("href=/sensors*"), ["/sensors", "/sensors/temp", "/sensors/light"]);
    assert_eq!(targets("rt=light*"), ["/sensors/light"]);
    assert_eq!(targets("title=*"), ["/sensors"]);
    assert_eq!(targets("ct=4*"), ["/sensors"]);
    assert!(targets("foo=*").is_empty());
}

#[test]
fn rfc6690_5_firmware_size() {
    let p = r#"</firmware/v2.1>;rt="firmware";sz=262144"#;
    let l = links(p);
    assert_eq!(l[0].sz(), Some(262_144));
    assert_eq!(l[0].rt().collect::<Vec<_>>(), ["firmware"]);
    round_trip(p);
}

#[test]
fn rfc6690_5_with_the_readability_line_breaks_needs_the_whitespace_relaxation() {
    let pretty = "</sensors>;ct=40;title=\"Sensor Index\",\n</sensors/temp>;rt=\"temperature-c\";if=\"sensor\",\n<http://www.example.com/sensors/t123>;anchor=\"/sensors/temp\"\n;rel=\"describedby\"";
    assert!(parse(pretty.as_bytes()).any(|r| r.is_err()));
    let l: Vec<_> = parse_with(pretty.as_bytes(), ParseConfig::STRICT.whitespace(true))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(l.len(), 3);
    assert_eq!(l[2].anchor(), Some("/sensors/temp"));
    assert_eq!(l[2].rel().collect::<Vec<_>>(), ["describedby"]);
}

#[test]
fn rfc9176_directory_and_lookup_examples() {
    let discovery = "</rd>;rt=core.rd;ct=40,</rd-lookup/ep>;rt=core.rd-lookup-ep;ct=40,</rd-lookup/res>;rt=core.rd-lookup-res;ct=40";
    let l = links(discovery);
    assert_eq!(
        l.iter().map(|x| x.rt().next().unwrap()).collect::<Vec<_>>(),
        ["core.rd", "core.rd-lookup-ep", "core.rd-lookup-res"]
    );
    round_trip(discovery);
    let with_ct_list = r#"</rd>;rt=core.rd;ct=40,</rd-lookup/res>;rt=core.rd-lookup-res;ct="40 65060 65050";obs,</rd-lookup/ep>;rt=core.rd-lookup-ep;ct="40 65060 65050""#;
    let l = links(with_ct_list);
    assert_eq!(l[1].ct().collect::<Vec<_>>(), [40, 65060, 65050]);
    assert!(l[1].obs() && !l[0].obs());
    round_trip(with_ct_list);
    let impl_info = "<http://software.example.com/shiny-resource-directory/1.0beta1>;rel=impl-info";
    assert_eq!(links(impl_info)[0].rel().collect::<Vec<_>>(), ["impl-info"]);
    round_trip(impl_info);
    let registration = r#"</sensors/temp>;rt=temperature-c;if=sensor,<http://www.example.com/sensors/temp>;anchor="/sensors/temp";rel=describedby"#;
    round_trip(registration);
    let lookup = r#"<coap://sensor1.example.com/sensors>;ct=40;title="Sensor Index",<coap://sensor1.example.com/sensors/temp>;rt=temperature-c;if=sensor,<http://www.example.com/sensors/t123>;rel=describedby;anchor="coap://sensor1.example.com/sensors/temp""#;
    let l = links(lookup);
    assert_eq!(l[2].anchor(), Some("coap://sensor1.example.com/sensors/temp"));
    round_trip(lookup);
    let endpoints = r#"</rd/1234>;base="coap://[2001:db8:3::127]:61616";ep=node5;et="tag:example.com,2020:platform";ct=40;rt=core.rd-ep,</rd/4521>;base="coap://[2001:db8:3::129]:61616";ep=node7;et="tag:example.com,2020:platform";ct=40;d=floor-3;rt=core.rd-ep"#;
    let l = links(endpoints);
    assert_eq!(l[1].attr("d").unwrap().raw(), "floor-3");
    assert_eq!(l[0].attr("base").unwrap().raw(), "coap://[2001:db8:3::127]:61616");
    round_trip(endpoints);
    // A comma inside a quoted string does not split links.
    let tags = r#"</light/left>;rt="tag:example.com,2020:light",</light/middle>;rt="tag:example.com,2020:light""#;
    let l = links(tags);
    assert_eq!(l.len(), 2);
    assert_eq!(l[0].rt().collect::<Vec<_>>(), ["tag:example.com,2020:light"]);
    round_trip(tags);
    let group = "</rd/501>;ep=grp_R2-4-015;et=core.rd-group";
    round_trip(group);
}

/// RFC 7252 §7.2.1: `ct-value = cardinal / DQUOTE cardinal *( 1*SP cardinal ) DQUOTE`, so numbers in
/// a quoted list may be separated by more than one space.
#[test]
fn content_format_lists_take_one_or_more_spaces() {
    let l = links("</a>;ct=\"0  50   60\",</b>;ct=\"65535 0\"");
    assert_eq!(l[0].ct().collect::<Vec<_>>(), [0, 50, 60]);
    assert_eq!(l[1].ct().collect::<Vec<_>>(), [65535, 0]);
    round_trip("</a>;ct=\"0  50   60\"");
}

#[test]
fn commas_and_semicolons_inside_targets_do_not_split() {
    let p = r#"</a,b;c>;title="x, y; z",</d>"#;
    let l = links(p);
    assert_eq!(l.iter().map(|x| x.target()).collect::<Vec<_>>(), ["/a,b;c", "/d"]);
    assert_eq!(l[0].title().unwrap().raw(), "x, y; z");
}

#[test]
fn escapes_are_kept_raw_and_unescaped_on_demand() {
    let p = r#"</q>;title="say \"hi\" \\ bye""#;
    let l = links(p);
    let t = l[0].title().unwrap();
    assert_eq!(t.raw(), r#"say \"hi\" \\ bye"#);
    let mut buf = [0u8; 32];
    let n = t.unescape_into(&mut buf).unwrap();
    assert_eq!(&buf[..n], br#"say "hi" \ bye"#);
    assert_eq!(t.unescape_into(&mut [0u8; 4]), None);
    assert!(l[0].attr("title").unwrap().eq_str(r#"say "hi" \ bye"#));
    // The writer escapes them again.
    let attrs = [("title", OutValue::Quoted(r#"say "hi" \ bye"#))];
    let mut out = [0u8; 64];
    let w = write_links(&[OutLink { target: "/q", attrs: &attrs }], None, 0, &mut out).unwrap();
    assert_eq!(&out[..w.len], p.as_bytes());
}

#[test]
fn title_star_ext_value() {
    let p = "</x>;title*=UTF-8'de'n%c3%a4chstes%20Kapitel";
    let l = links(p);
    let t = l[0].title_star().unwrap();
    assert_eq!((t.charset, t.language), ("UTF-8", "de"));
    assert_eq!(String::from_utf8(t.decoded().collect()).unwrap(), "nächstes Kapitel");
}

#[test]
fn empty_payload_has_no_links() {
    assert_eq!(parse(b"").count(), 0);
}
