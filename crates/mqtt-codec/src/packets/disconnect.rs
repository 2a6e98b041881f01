//! DISCONNECT (MQTT 5.0 §3.14, 3.1.1 §3.14) and AUTH (MQTT 5.0 §3.15).

use crate::error::{DecodeError, ErrorKind};
use crate::packets::{finish, CodeSet};
use crate::properties::{read_properties, Context, Properties};
use crate::reader::Reader;
use crate::{ProtocolVersion, ReasonCode};

/// A DISCONNECT packet.
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Disconnect<'a> {
    /// Reason Code (5.0; Normal disconnection when omitted, and always in 3.1.1).
    pub reason: ReasonCode,
    /// Properties (5.0).
    pub properties: Properties<'a>,
}

/// Disconnect Reason Codes of MQTT 5.0 §3.14.2.1.
const DISCONNECT_CODES: CodeSet = CodeSet::of(&[
    0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8B, 0x8D, 0x8E, 0x8F, 0x90, 0x93, 0x94, 0x95,
    0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1, 0xA2,
]);

/// Reads the optional reason code and properties shared by DISCONNECT and AUTH.
fn reason_and_properties<'a>(
    r: &mut Reader<'a>,
    allowed: impl Fn(u8) -> bool,
    context: Context,
) -> Result<(ReasonCode, Properties<'a>), DecodeError> {
    if r.is_empty() {
        return Ok((ReasonCode::SUCCESS, Properties::EMPTY));
    }
    let at = r.offset();
    let code = r.u8()?;
    if !allowed(code) {
        return Err(DecodeError::new(ErrorKind::InvalidReasonCode, at));
    }
    let properties = if r.is_empty() { Properties::EMPTY } else { read_properties(r, context)? };
    finish(r)?;
    Ok((ReasonCode(code), properties))
}

impl<'a> Disconnect<'a> {
    pub(crate) fn decode(
        body: &'a [u8],
        base: usize,
        version: ProtocolVersion,
    ) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        if !version.is_v5() {
            finish(&r)?;
            return Ok(Self { reason: ReasonCode::SUCCESS, properties: Properties::EMPTY });
        }
        let (reason, properties) =
            reason_and_properties(&mut r, |c| DISCONNECT_CODES.contains(c), Context::Disconnect)?;
        Ok(Self { reason, properties })
    }
}

/// An AUTH packet (5.0 only).
///
/// Fixed field order (`repr(C)`), small fields first, as for [`super::Publish`]: the decoder returns
/// packets by value, and this layout of the packet enum costs fewer instructions to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct Auth<'a> {
    /// Authenticate Reason Code: Success, Continue authentication or Re-authenticate.
    pub reason: ReasonCode,
    /// Properties: Authentication Method and Data, Reason String, User Properties.
    pub properties: Properties<'a>,
}

impl<'a> Auth<'a> {
    pub(crate) fn decode(body: &'a [u8], base: usize) -> Result<Self, DecodeError> {
        let mut r = Reader::new(body, base);
        let (reason, properties) =
            reason_and_properties(&mut r, |c| matches!(c, 0x00 | 0x18 | 0x19), Context::Auth)?;
        Ok(Self { reason, properties })
    }
}
