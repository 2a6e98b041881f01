//! Raw bytes into the decoder, both token modes, then every accessor: none may panic or read out of
//! bounds, and an error's offset lies inside the input.
#![no_main]

use coap_codec::{DecodeConfig, Message};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for cfg in [DecodeConfig::STRICT, DecodeConfig::STRICT.extended_tokens(true).lenient_utf8(true)]
    {
        match Message::decode_with(data, cfg) {
            Ok(m) => {
                for opt in m.options() {
                    let _ = (opt.as_uint(), opt.as_str(), opt.number().definition());
                }
                let _ = m.options().uri_path().count() + m.options().uri_query().count();
                let _ = (m.options().content_format(), m.options().max_age(), m.check_options());
                let mut out = [0u8; 256];
                let _ = m.compose_uri(
                    coap_codec::Destination {
                        scheme: coap_codec::Scheme::Coap,
                        host: "192.0.2.1",
                        port: 5683,
                    },
                    &mut out,
                );
            }
            Err(e) => assert!(e.offset() <= data.len(), "offset {} past the input", e.offset()),
        }
    }
    if let Ok(s) = core::str::from_utf8(data) {
        if let Ok(uri) = coap_codec::Uri::parse(s) {
            let mut buf = [0u8; 512];
            if let Ok(w) = coap_codec::MessageWriter::new(
                &mut buf,
                coap_codec::Type::Confirmable,
                coap_codec::Code::GET,
                1,
                &[],
            ) {
                if let Ok(w) = w.uri(&uri) {
                    let n = w.finish();
                    assert!(Message::decode(&buf[..n]).is_ok(), "URI options must decode");
                }
            }
        }
    }
});
