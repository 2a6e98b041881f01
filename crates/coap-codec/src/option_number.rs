//! Option numbers and the properties encoded in them (RFC 7252 §5.4.6, §12.2).

use core::fmt;

use crate::registry::{self, OptionDef};

/// A CoAP option number, 0 to 65535 (RFC 7252 §5.4, §12.2).
///
/// An open newtype: unknown numbers are kept, so they survive a decode/encode round trip. The named
/// constants are the options of the IANA "CoAP Option Numbers" registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OptionNumber(pub u16);

impl OptionNumber {
    /// 1 If-Match (RFC 7252 §5.10.8.1).
    pub const IF_MATCH: Self = Self(1);
    /// 3 Uri-Host (RFC 7252 §5.10.1).
    pub const URI_HOST: Self = Self(3);
    /// 4 ETag (RFC 7252 §5.10.6).
    pub const ETAG: Self = Self(4);
    /// 5 If-None-Match (RFC 7252 §5.10.8.2).
    pub const IF_NONE_MATCH: Self = Self(5);
    /// 6 Observe (RFC 7641 §2).
    pub const OBSERVE: Self = Self(6);
    /// 7 Uri-Port (RFC 7252 §5.10.1).
    pub const URI_PORT: Self = Self(7);
    /// 8 Location-Path (RFC 7252 §5.10.7).
    pub const LOCATION_PATH: Self = Self(8);
    /// 9 OSCORE (RFC 8613 §2).
    pub const OSCORE: Self = Self(9);
    /// 11 Uri-Path (RFC 7252 §5.10.1).
    pub const URI_PATH: Self = Self(11);
    /// 12 Content-Format (RFC 7252 §5.10.3).
    pub const CONTENT_FORMAT: Self = Self(12);
    /// 14 Max-Age (RFC 7252 §5.10.5).
    pub const MAX_AGE: Self = Self(14);
    /// 15 Uri-Query (RFC 7252 §5.10.1).
    pub const URI_QUERY: Self = Self(15);
    /// 16 Hop-Limit (RFC 8768 §3).
    pub const HOP_LIMIT: Self = Self(16);
    /// 17 Accept (RFC 7252 §5.10.4).
    pub const ACCEPT: Self = Self(17);
    /// 19 Q-Block1 (RFC 9177 §4).
    pub const Q_BLOCK1: Self = Self(19);
    /// 20 Location-Query (RFC 7252 §5.10.7).
    pub const LOCATION_QUERY: Self = Self(20);
    /// 21 EDHOC (RFC 9668).
    pub const EDHOC: Self = Self(21);
    /// 23 Block2 (RFC 7959 §2.1).
    pub const BLOCK2: Self = Self(23);
    /// 27 Block1 (RFC 7959 §2.1).
    pub const BLOCK1: Self = Self(27);
    /// 28 Size2 (RFC 7959 §4).
    pub const SIZE2: Self = Self(28);
    /// 31 Q-Block2 (RFC 9177 §4).
    pub const Q_BLOCK2: Self = Self(31);
    /// 35 Proxy-Uri (RFC 7252 §5.10.2).
    pub const PROXY_URI: Self = Self(35);
    /// 39 Proxy-Scheme (RFC 7252 §5.10.2).
    pub const PROXY_SCHEME: Self = Self(39);
    /// 60 Size1 (RFC 7252 §5.10.9).
    pub const SIZE1: Self = Self(60);
    /// 235 Proxy-Cri (draft-ietf-core-href).
    pub const PROXY_CRI: Self = Self(235);
    /// 239 Proxy-Scheme-Number (draft-ietf-core-href).
    pub const PROXY_SCHEME_NUMBER: Self = Self(239);
    /// 252 Echo (RFC 9175 §2.2).
    pub const ECHO: Self = Self(252);
    /// 258 No-Response (RFC 7967 §2).
    pub const NO_RESPONSE: Self = Self(258);
    /// 292 Request-Tag (RFC 9175 §3.2).
    pub const REQUEST_TAG: Self = Self(292);
    /// 2049 OCF-Accept-Content-Format-Version (OCF).
    pub const OCF_ACCEPT_CONTENT_FORMAT_VERSION: Self = Self(2049);
    /// 2053 OCF-Content-Format-Version (OCF).
    pub const OCF_CONTENT_FORMAT_VERSION: Self = Self(2053);
    /// 2055 SCP82-Params (GlobalPlatform).
    pub const SCP82_PARAMS: Self = Self(2055);
    /// 2056 X-Admin-Protocol (GSMA SGP.32).
    pub const X_ADMIN_PROTOCOL: Self = Self(2056);

    /// The number as an integer.
    pub const fn value(self) -> u16 {
        self.0
    }

    /// Critical (odd numbers): a receiver that does not recognise it must reject the message
    /// (RFC 7252 §5.4.1, §5.4.6).
    pub const fn is_critical(self) -> bool {
        self.0 & 0x01 != 0
    }

    /// Elective: the opposite of critical.
    pub const fn is_elective(self) -> bool {
        !self.is_critical()
    }

    /// Unsafe to forward: a proxy that does not recognise it must not forward it (RFC 7252 §5.4.2,
    /// bit 0x02 of the number, §5.4.6).
    pub const fn is_unsafe(self) -> bool {
        self.0 & 0x02 != 0
    }

    /// NoCacheKey: not part of the cache key (RFC 7252 §5.4.6: bits 0x1e equal to 0x1c; only
    /// meaningful for safe-to-forward options).
    pub const fn is_no_cache_key(self) -> bool {
        self.0 & 0x1e == 0x1c
    }

    /// The registry entry of this option, if the IANA registry names it.
    pub fn definition(self) -> Option<&'static OptionDef> {
        registry::lookup(self)
    }

    /// The registered name of this option, if any.
    pub fn name(self) -> Option<&'static str> {
        self.definition().map(|d| d.name)
    }
}

impl From<u16> for OptionNumber {
    fn from(raw: u16) -> Self {
        Self(raw)
    }
}

impl From<OptionNumber> for u16 {
    fn from(n: OptionNumber) -> Self {
        n.0
    }
}

impl fmt::Display for OptionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "Option{}", self.0),
        }
    }
}
