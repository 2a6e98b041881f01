//! Shared inputs of the benchmarks: the messages every codec decodes and encodes, described once.

use coap_codec::{CoapOption, Code, MessageParts, MessageWriter, OptionNumber, Type};

#[cfg(has_libcoap)]
pub mod libcoap;
pub mod linkformat_cases;
pub mod mqtt_cases;

/// One benchmark message: its id and parts; the bytes are produced by [`encode`].
pub struct Case {
    /// Benchmark id suffix, as in `coap/decode/<name>`.
    pub name: &'static str,
    /// Header type.
    pub ty: Type,
    /// Code.
    pub code: Code,
    /// Token.
    pub token: &'static [u8],
    /// Options, in number order.
    pub options: Vec<(u16, Vec<u8>)>,
    /// Payload.
    pub payload: Vec<u8>,
}

/// The four messages of the CoAP benchmark (issue: CoAP foundation, item 6).
pub fn coap_cases() -> Vec<Case> {
    vec![
        Case {
            name: "get_4opts",
            ty: Type::Confirmable,
            code: Code::GET,
            token: &[0x11, 0x22, 0x33, 0x44],
            options: vec![
                (11, b"sensors".to_vec()),
                (11, b"temp".to_vec()),
                (15, b"unit=C".to_vec()),
                (17, vec![50]),
            ],
            payload: vec![],
        },
        Case {
            name: "ack_content_64B",
            ty: Type::Acknowledgement,
            code: Code::CONTENT,
            token: &[0x11, 0x22, 0x33, 0x44],
            options: vec![
                (4, vec![0xde, 0xad, 0xbe, 0xef]),
                (12, vec![50]),
                (14, vec![0x0e, 0x10]),
            ],
            payload: vec![b'x'; 64],
        },
        Case {
            name: "non_observe_block2_1KiB",
            ty: Type::NonConfirmable,
            code: Code::CONTENT,
            token: &[0xaa, 0xbb],
            options: vec![(6, vec![0x01, 0x2c]), (12, vec![42]), (23, vec![0x36])],
            payload: vec![0x5a; 1024],
        },
        Case {
            name: "post_12opts_ext",
            ty: Type::Confirmable,
            code: Code::POST,
            token: &[1, 2, 3, 4, 5, 6, 7, 8],
            options: vec![
                (3, b"gateway-17.example.org".to_vec()),
                (11, b"api".to_vec()),
                (11, b"v1".to_vec()),
                (11, b"readings".to_vec()),
                (12, vec![60]),
                (15, b"batch=1".to_vec()),
                (15, b"sig=ab12".to_vec()),
                (17, vec![60]),
                (60, vec![0x01, 0x00]),
                (252, vec![9; 8]),
                (292, vec![1, 2, 3, 4]),
                (65000, vec![0x42; 300]),
            ],
            payload: vec![0xa5; 16],
        },
    ]
}

/// The datagram of a case, encoded with this codec (every peer then decodes these same bytes).
pub fn encode(case: &Case) -> Vec<u8> {
    let opts: Vec<CoapOption<'_>> =
        case.options.iter().map(|(n, v)| CoapOption::new(OptionNumber(*n), v)).collect();
    let parts = MessageParts {
        message_type: case.ty,
        code: case.code,
        message_id: 0x1234,
        token: case.token,
        options: &opts,
        payload: &case.payload,
    };
    let mut buf = vec![0u8; parts.encoded_len()];
    let n = parts.encode(&mut buf).unwrap_or(0);
    buf.truncate(n);
    buf
}

/// The RFC 8323 TCP frame of a case (no type, no message ID), encoded with this codec.
pub fn encode_tcp(case: &Case) -> Vec<u8> {
    let mut buf = vec![0u8; 4096];
    let n = write_tcp(case, &mut buf);
    buf.truncate(n);
    buf
}

/// Writes the TCP frame of a case into `buf`; returns its length (0 if it does not fit).
pub fn write_tcp(case: &Case, buf: &mut [u8]) -> usize {
    let Ok(mut w) = MessageWriter::reliable(buf, case.code, case.token) else { return 0 };
    for (n, v) in &case.options {
        let Ok(next) = w.option(OptionNumber(*n), v) else { return 0 };
        w = next;
    }
    w.payload(&case.payload).map_or(0, |w| w.finish())
}

/// A 20-link `/.well-known/core` payload of the kind a sensor node serves: rt, if, ct, obs, title, sz.
pub fn wkc_20_links() -> String {
    let mut links = Vec::new();
    for i in 0..20 {
        let link = match i % 4 {
            0 => format!(r#"</sensors/temp{i}>;rt="temperature-c";if="sensor";ct=0;obs"#),
            1 => format!(
                r#"</sensors/light{i}>;rt="light-lux core.sen-light";if="sensor";ct="0 50";title="Light {i}""#
            ),
            2 => format!(r#"</firmware/v{i}>;rt="firmware";sz=262144;ct=42"#),
            _ => format!(
                r#"<http://www.example.com/sensors/t{i}>;anchor="/sensors/temp{i}";rel="describedby""#
            ),
        };
        links.push(link);
    }
    links.join(",")
}
