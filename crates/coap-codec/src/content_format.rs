//! Content-Format identifiers (RFC 7252 §12.3, the IANA "CoAP Content-Formats" registry in
//! shared/specs/iana-core-parameters.txt).

use core::fmt;

/// A Content-Format number as carried by the Content-Format and Accept options (RFC 7252 §5.10.3,
/// §5.10.4). An open newtype: unregistered numbers are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentFormat(pub u16);

macro_rules! formats {
    ($($name:ident = ($id:literal, $media:literal);)*) => {
        impl ContentFormat {
            $(#[doc = concat!("`", $media, "` (", stringify!($id), ").")]
            pub const $name: ContentFormat = ContentFormat($id);)*

            /// The registered media type (with parameters and content coding, as in the registry).
            pub const fn media_type(self) -> Option<&'static str> {
                match self.0 {
                    $($id => Some($media),)*
                    _ => None,
                }
            }
        }
    };
}

formats! {
    TEXT_PLAIN = (0, "text/plain; charset=utf-8");
    COSE_ENCRYPT0 = (16, "application/cose; cose-type=\"cose-encrypt0\"");
    COSE_MAC0 = (17, "application/cose; cose-type=\"cose-mac0\"");
    COSE_SIGN1 = (18, "application/cose; cose-type=\"cose-sign1\"");
    ACE_CBOR = (19, "application/ace+cbor");
    IMAGE_GIF = (21, "image/gif");
    IMAGE_JPEG = (22, "image/jpeg");
    IMAGE_PNG = (23, "image/png");
    LINK_FORMAT = (40, "application/link-format");
    XML = (41, "application/xml");
    OCTET_STREAM = (42, "application/octet-stream");
    EXI = (47, "application/exi");
    JSON = (50, "application/json");
    JSON_PATCH_JSON = (51, "application/json-patch+json");
    MERGE_PATCH_JSON = (52, "application/merge-patch+json");
    CBOR = (60, "application/cbor");
    CWT = (61, "application/cwt");
    MULTIPART_CORE = (62, "application/multipart-core");
    CBOR_SEQ = (63, "application/cbor-seq");
    EDHOC_CBOR_SEQ = (64, "application/edhoc+cbor-seq");
    CID_EDHOC_CBOR_SEQ = (65, "application/cid-edhoc+cbor-seq");
    COSE_ENCRYPT = (96, "application/cose; cose-type=\"cose-encrypt\"");
    COSE_MAC = (97, "application/cose; cose-type=\"cose-mac\"");
    COSE_SIGN = (98, "application/cose; cose-type=\"cose-sign\"");
    COSE_KEY = (101, "application/cose-key");
    COSE_KEY_SET = (102, "application/cose-key-set");
    SENML_JSON = (110, "application/senml+json");
    SENSML_JSON = (111, "application/sensml+json");
    SENML_CBOR = (112, "application/senml+cbor");
    SENSML_CBOR = (113, "application/sensml+cbor");
    SENML_EXI = (114, "application/senml-exi");
    SENSML_EXI = (115, "application/sensml-exi");
    YANG_DATA_CBOR_SID = (140, "application/yang-data+cbor; id=sid");
    COAP_GROUP_JSON = (256, "application/coap-group+json");
    CONCISE_PROBLEM_DETAILS_CBOR = (257, "application/concise-problem-details+cbor");
    SWID_CBOR = (258, "application/swid+cbor");
    PKIXCMP = (259, "application/pkixcmp");
    DOTS_CBOR = (271, "application/dots+cbor");
    MISSING_BLOCKS_CBOR_SEQ = (272, "application/missing-blocks+cbor-seq");
    PKCS7_SERVER_GENERATED_KEY = (280, "application/pkcs7-mime; smime-type=server-generated-key");
    PKCS7_CERTS_ONLY = (281, "application/pkcs7-mime; smime-type=certs-only");
    PKCS8 = (284, "application/pkcs8");
    CSRATTRS = (285, "application/csrattrs");
    PKCS10 = (286, "application/pkcs10");
    PKIX_CERT = (287, "application/pkix-cert");
    AIF_CBOR = (290, "application/aif+cbor");
    AIF_JSON = (291, "application/aif+json");
    SENML_XML = (310, "application/senml+xml");
    SENSML_XML = (311, "application/sensml+xml");
    SENML_ETCH_JSON = (320, "application/senml-etch+json");
    SENML_ETCH_CBOR = (322, "application/senml-etch+cbor");
    YANG_DATA_CBOR = (340, "application/yang-data+cbor");
    YANG_DATA_CBOR_NAME = (341, "application/yang-data+cbor; id=name");
    TD_JSON = (432, "application/td+json");
    TM_JSON = (433, "application/tm+json");
    SDF_JSON = (434, "application/sdf+json");
    DNS_MESSAGE = (553, "application/dns-message");
    UCCS_CBOR = (601, "application/uccs+cbor");
    VND_OCF_CBOR = (10000, "application/vnd.ocf+cbor");
    OSCORE = (10001, "application/oscore");
    JAVASCRIPT = (10002, "application/javascript");
    JSON_DEFLATE = (11050, "application/json; content-coding=deflate");
    CBOR_DEFLATE = (11060, "application/cbor; content-coding=deflate");
    LWM2M_TLV = (11542, "application/vnd.oma.lwm2m+tlv");
    LWM2M_JSON = (11543, "application/vnd.oma.lwm2m+json");
    LWM2M_CBOR = (11544, "application/vnd.oma.lwm2m+cbor");
    TEXT_CSS = (20000, "text/css");
    IMAGE_SVG_XML = (30000, "image/svg+xml");
}

impl From<u16> for ContentFormat {
    fn from(raw: u16) -> Self {
        Self(raw)
    }
}

impl From<ContentFormat> for u16 {
    fn from(cf: ContentFormat) -> Self {
        cf.0
    }
}

impl From<ContentFormat> for u32 {
    fn from(cf: ContentFormat) -> Self {
        u32::from(cf.0)
    }
}

impl fmt::Display for ContentFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.media_type() {
            Some(m) => f.write_str(m),
            None => write!(f, "content-format {}", self.0),
        }
    }
}
