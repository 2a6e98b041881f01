//! The C entry points on arbitrary input, called as C would call them: CoAP parse (UDP with and
//! without the checks, the format-only decode, TCP) with the option iterator and getters, the MQTT
//! stream decoder with every accessor and iterator, the link-format iterators. Nothing may crash, and every slice handed back
//! must lie inside the input. (`assume_init` follows a call that returned `IOTC_OK`, which fills the
//! struct; the structs were zeroed first in any case.)
#![no_main]

use iotcodec::*;
use libfuzzer_sys::fuzz_target;

fn inside(data: &[u8], s: iotc_slice) {
    if s.len == 0 {
        return;
    }
    let start = data.as_ptr() as usize;
    let p = s.ptr as usize;
    assert!(p >= start && p + s.len <= start + data.len(), "slice outside the input");
}

fn coap(data: &[u8]) {
    for flags in [0, IOTC_COAP_CHECK, IOTC_COAP_EXTENDED_TOKENS | IOTC_COAP_LENIENT_UTF8] {
        let mut m = core::mem::MaybeUninit::<iotc_coap_msg>::zeroed();
        let mut e = iotc_error::default();
        let s = iotc_coap_parse(data.as_ptr(), data.len(), flags, m.as_mut_ptr(), &mut e);
        // The format-only decode agrees with the parse without the checks, and passes whatever
        // passes them.
        let mut d = core::mem::MaybeUninit::<iotc_coap_msg>::zeroed();
        let decoded = iotc_coap_decode(
            data.as_ptr(),
            data.len(),
            flags,
            d.as_mut_ptr(),
            core::ptr::null_mut(),
        );
        assert!(if flags & IOTC_COAP_CHECK == 0 {
            decoded == s
        } else {
            s != IOTC_OK || decoded == IOTC_OK
        });
        if s != IOTC_OK {
            assert!(e.offset <= data.len());
            continue;
        }
        let m = unsafe { m.assume_init() };
        for x in [m.token, m.options, m.payload] {
            inside(data, x);
        }
        let mut it = core::mem::MaybeUninit::<iotc_coap_opt_iter>::zeroed();
        iotc_coap_opt_iter_init(&m, 0, it.as_mut_ptr());
        let mut it = unsafe { it.assume_init() };
        let mut n = 0u16;
        let mut v = iotc_slice { ptr: core::ptr::null(), len: 0 };
        let mut last = 0u16;
        while iotc_coap_opt_next(&mut it, &mut n, &mut v) == IOTC_OK {
            inside(data, v);
            assert!(n >= last, "options out of order");
            last = n;
            let mut u = 0u32;
            let _ = iotc_coap_get_uint(&m, n, &mut u);
            let _ = iotc_coap_get_string(&m, n, &mut v);
        }
        let _ = iotc_coap_first_unrecognized_critical(&m, core::ptr::null(), 0, &mut n);
    }
    let mut m = core::mem::MaybeUninit::<iotc_coap_msg>::zeroed();
    let (mut needed, mut exact, mut e) = (0usize, false, iotc_error::default());
    let s = iotc_coap_parse_tcp(
        data.as_ptr(),
        data.len(),
        0,
        0,
        m.as_mut_ptr(),
        &mut needed,
        &mut exact,
        &mut e,
    );
    if s == IOTC_OK {
        let m = unsafe { m.assume_init() };
        assert!(m.length <= data.len());
    }
}

fn mqtt(data: &[u8]) {
    for level in [3u8, 4, 5] {
        let mut d = iotc_mqtt_decoder { level, max_packet_size: 0 };
        let mut at = 0usize;
        while at < data.len() {
            let rest = &data[at..];
            let mut p = core::mem::MaybeUninit::<iotc_mqtt_packet>::zeroed();
            let (mut n, mut exact, mut e) = (0usize, false, iotc_error::default());
            if iotc_mqtt_decode(
                &mut d,
                rest.as_ptr(),
                rest.len(),
                p.as_mut_ptr(),
                &mut n,
                &mut exact,
                &mut e,
            ) != IOTC_OK
            {
                break;
            }
            let p = unsafe { p.assume_init() };
            inside(rest, p.bytes);
            assert!(n > 0 && n <= rest.len());
            let mut pb = core::mem::MaybeUninit::<iotc_mqtt_publish>::zeroed();
            if iotc_mqtt_publish_get(&p, pb.as_mut_ptr()) == IOTC_OK {
                let pb = unsafe { pb.assume_init() };
                inside(rest, pb.topic);
                inside(rest, pb.payload);
                props(rest, &pb.properties);
            }
            let mut c = core::mem::MaybeUninit::<iotc_mqtt_connect>::zeroed();
            if iotc_mqtt_connect_get(&p, c.as_mut_ptr()) == IOTC_OK {
                let c = unsafe { c.assume_init() };
                for s in [c.client_id, c.will_topic, c.will_payload, c.username, c.password] {
                    inside(rest, s);
                }
                props(rest, &c.properties);
                props(rest, &c.will_properties);
            }
            let mut l = core::mem::MaybeUninit::<iotc_mqtt_list_packet>::zeroed();
            if iotc_mqtt_list_get(&p, l.as_mut_ptr()) == IOTC_OK {
                let l = unsafe { l.assume_init() };
                inside(rest, l.list);
                let mut fi = core::mem::MaybeUninit::<iotc_mqtt_filter_iter>::zeroed();
                iotc_mqtt_filter_iter_init(&l, fi.as_mut_ptr());
                let mut fi = unsafe { fi.assume_init() };
                let mut f = iotc_slice { ptr: core::ptr::null(), len: 0 };
                let mut o = 0u8;
                while iotc_mqtt_filter_next(&mut fi, &mut f, &mut o) == IOTC_OK {
                    inside(rest, f);
                }
            }
            let mut a = core::mem::MaybeUninit::<iotc_mqtt_ack>::zeroed();
            let _ = iotc_mqtt_ack_get(&p, a.as_mut_ptr());
            let mut r = core::mem::MaybeUninit::<iotc_mqtt_reason_packet>::zeroed();
            let _ = iotc_mqtt_reason_get(&p, r.as_mut_ptr());
            at += n;
        }
    }
}

fn props(data: &[u8], p: &iotc_mqtt_props) {
    inside(data, p.bytes);
    let mut it = core::mem::MaybeUninit::<iotc_mqtt_prop_iter>::zeroed();
    iotc_mqtt_prop_iter_init(p, it.as_mut_ptr());
    let mut it = unsafe { it.assume_init() };
    let mut id = 0u8;
    let mut v = core::mem::MaybeUninit::<iotc_mqtt_prop_value>::zeroed();
    while iotc_mqtt_prop_next(&mut it, &mut id, v.as_mut_ptr()) == IOTC_OK {
        let v = unsafe { v.assume_init() };
        inside(data, v.data);
        inside(data, v.data2);
    }
}

fn linkformat(data: &[u8]) {
    let mut it = core::mem::MaybeUninit::<iotc_lf_link_iter>::zeroed();
    iotc_lf_link_iter_init(data.as_ptr(), data.len(), it.as_mut_ptr());
    let mut it = unsafe { it.assume_init() };
    let mut l = core::mem::MaybeUninit::<iotc_lf_link>::zeroed();
    let mut e = iotc_error::default();
    for _ in 0..64 {
        if iotc_lf_link_next(&mut it, l.as_mut_ptr(), &mut e) != IOTC_OK {
            break;
        }
        let link = unsafe { l.assume_init() };
        inside(data, link.target);
        let mut ai = core::mem::MaybeUninit::<iotc_lf_attr_iter>::zeroed();
        iotc_lf_attr_iter_init(&link, ai.as_mut_ptr());
        let mut ai = unsafe { ai.assume_init() };
        let mut a = core::mem::MaybeUninit::<iotc_lf_attr>::zeroed();
        while iotc_lf_attr_next(&mut ai, a.as_mut_ptr()) == IOTC_OK {
            let a = unsafe { a.assume_init() };
            inside(data, a.name);
            inside(data, a.value);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    coap(data);
    mqtt(data);
    linkformat(data);
});
