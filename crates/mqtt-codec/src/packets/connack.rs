//! CONNACK (MQTT 5.0 §3.2, 3.1.1 §3.2).

use crate::error::{DecodeError, ErrorKind};
use crate::packets::{finish, CodeSet};
use crate::properties::{read_properties_if_v5, Context, Properties};
use crate::reader::Reader;
use crate::{ProtocolVersion, ReasonCode};

/// A CONNACK packet.
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Connack<'a> {
    /// Session Present.
    pub session_present: bool,
    /// The Connect Reason Code (5.0) or Connect Return Code (3.1.1: 0 to 5).
    pub code: ReasonCode,
    /// CONNACK properties (5.0).
    pub properties: Properties<'a>,
}

/// Connect Reason Codes of MQTT 5.0 §3.2.2.2.
const V5_CODES: CodeSet = CodeSet::of(&[
    0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8C, 0x90, 0x95, 0x97,
    0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F,
]);

impl<'a> Connack<'a> {
    pub(crate) fn decode(
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let flags_at = r.offset();
        let flags = r.u8()?;
        if flags & 0xfe != 0 {
            return Err(DecodeError::new(ErrorKind::InvalidConnackFlags, flags_at));
        }
        let code_at = r.offset();
        let code = r.u8()?;
        let allowed = if version.is_v5() { V5_CODES.contains(code) } else { code <= 5 };
        if !allowed {
            return Err(DecodeError::new(ErrorKind::InvalidReasonCode, code_at));
        }
        let properties = read_properties_if_v5(&mut r, version, Context::Connack)?;
        finish(&r)?;
        Ok(Self { session_present: flags & 1 != 0, code: ReasonCode(code), properties })
    }
}
