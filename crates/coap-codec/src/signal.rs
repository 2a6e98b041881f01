//! Signaling messages over reliable transports (RFC 8323 §5): 7.01 CSM, 7.02 Ping, 7.03 Pong,
//! 7.04 Release and 7.05 Abort, each with its own option numbers (§5.2), as typed views, their
//! receiver-side checks, and the peer settings a CSM changes.

use crate::error::{DecodeError, EncodeError, ErrorKind, Response};
use crate::reliable::{ReliableMessage, BASE_MAX_MESSAGE_SIZE};
use crate::{Code, MessageWriter, OptionNumber, Options, StrValues};

/// CSM option 2, Max-Message-Size (RFC 8323 §5.3.1): uint, 0 to 4 bytes.
pub const MAX_MESSAGE_SIZE: OptionNumber = OptionNumber(2);
/// CSM option 4, Block-Wise-Transfer (RFC 8323 §5.3.2): empty.
pub const BLOCK_WISE_TRANSFER: OptionNumber = OptionNumber(4);
/// CSM option 6, Extended-Token-Length (RFC 8974 §2.2.1): uint, 0 to 3 bytes.
pub const EXTENDED_TOKEN_LENGTH: OptionNumber = OptionNumber(6);
/// Ping and Pong option 2, Custody (RFC 8323 §5.4.1): empty.
pub const CUSTODY: OptionNumber = OptionNumber(2);
/// Release option 2, Alternative-Address (RFC 8323 §5.5): string, 1 to 255 bytes, repeatable.
pub const ALTERNATIVE_ADDRESS: OptionNumber = OptionNumber(2);
/// Release option 4, Hold-Off (RFC 8323 §5.5): uint, 0 to 3 bytes, seconds.
pub const HOLD_OFF: OptionNumber = OptionNumber(4);
/// Abort option 2, Bad-CSM-Option (RFC 8323 §5.6): uint, 0 to 2 bytes.
pub const BAD_CSM_OPTION: OptionNumber = OptionNumber(2);

/// The token length a peer accepts before its CSM says otherwise (RFC 8974 §2.2.1).
pub const BASE_TOKEN_LENGTH: usize = 8;

/// One signaling option definition: code, number, length range, repeatable, name.
struct SignalOptionDef(Code, OptionNumber, usize, usize, bool, &'static str);

/// RFC 8323 §11.2 "CoAP Signaling Option Numbers", plus RFC 8974's Extended-Token-Length.
const SIGNAL_OPTIONS: &[SignalOptionDef] = &[
    SignalOptionDef(Code::CSM, MAX_MESSAGE_SIZE, 0, 4, false, "Max-Message-Size"),
    SignalOptionDef(Code::CSM, BLOCK_WISE_TRANSFER, 0, 0, false, "Block-Wise-Transfer"),
    SignalOptionDef(Code::CSM, EXTENDED_TOKEN_LENGTH, 0, 3, false, "Extended-Token-Length"),
    SignalOptionDef(Code::PING, CUSTODY, 0, 0, false, "Custody"),
    SignalOptionDef(Code::PONG, CUSTODY, 0, 0, false, "Custody"),
    SignalOptionDef(Code::RELEASE, ALTERNATIVE_ADDRESS, 1, 255, true, "Alternative-Address"),
    SignalOptionDef(Code::RELEASE, HOLD_OFF, 0, 3, false, "Hold-Off"),
    SignalOptionDef(Code::ABORT, BAD_CSM_OPTION, 0, 2, false, "Bad-CSM-Option"),
];

fn definition(code: Code, number: OptionNumber) -> Option<&'static SignalOptionDef> {
    SIGNAL_OPTIONS.iter().find(|d| d.0 == code && d.1 == number)
}

/// The registered name of signaling option `number` in a message with signaling code `code`
/// (RFC 8323 §11.2; the numbers are per code).
///
/// ```
/// use coap_codec::{signal, Code, OptionNumber};
/// assert_eq!(signal::option_name(Code::CSM, OptionNumber(2)), Some("Max-Message-Size"));
/// assert_eq!(signal::option_name(Code::ABORT, OptionNumber(2)), Some("Bad-CSM-Option"));
/// assert_eq!(signal::option_name(Code::GET, OptionNumber(2)), None);
/// ```
pub fn option_name(code: Code, number: OptionNumber) -> Option<&'static str> {
    definition(code, number).map(|d| d.5)
}

/// Whether an option of a signaling message is understood and well-formed, so that the typed views
/// may use it (an elective option that is not is ignored, RFC 7252 §5.4.1 and RFC 8323 §5.2).
fn usable(code: Code, number: OptionNumber, value: &[u8], repeated: bool) -> bool {
    definition(code, number).is_some_and(|d| {
        value.len() >= d.2 && value.len() <= d.3 && (d.4 || !repeated) && utf8_ok(d, value)
    })
}

/// Alternative-Address is the one string option (numbers are per code: 2 is Max-Message-Size in a
/// CSM).
fn utf8_ok(def: &SignalOptionDef, value: &[u8]) -> bool {
    !(def.0 == Code::RELEASE && def.1 == ALTERNATIVE_ADDRESS) || crate::utf8::is_utf8(value)
}

/// Checks the options of a signaling message (RFC 8323 §5.2): an unknown critical option aborts the
/// connection; so does a CSM option that is understood but malformed (§5.6, Bad-CSM-Option). Other
/// malformed elective options are ignored.
pub(crate) fn check(msg: &ReliableMessage<'_>) -> Result<(), DecodeError> {
    let code = msg.code();
    if !matches!(code.detail(), 1..=5) {
        return Err(DecodeError::new(ErrorKind::UnknownSignalingCode, 0, Response::Ignore));
    }
    let mut prev = None;
    for (offset, opt) in crate::check::with_offsets(msg.options(), msg.options_offset()) {
        let n = opt.number();
        let repeated = prev == Some(n);
        prev = Some(n);
        let known = definition(code, n).is_some();
        let kind = if !known && n.is_critical() {
            ErrorKind::UnknownCriticalSignalingOption
        } else if known && code == Code::CSM && !usable(code, n, opt.value(), repeated) {
            ErrorKind::InvalidSignalingOption
        } else {
            continue;
        };
        return Err(DecodeError::new(kind, offset, Response::Abort).with_option(n));
    }
    Ok(())
}

/// A typed signaling message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Signal<'a> {
    /// 7.01 Capabilities and Settings (RFC 8323 §5.3).
    Csm(Csm),
    /// 7.02 Ping; `custody` asks the peer to answer once it has processed earlier messages (§5.4).
    Ping {
        /// Custody option present.
        custody: bool,
    },
    /// 7.03 Pong, with the Ping's token (§5.4).
    Pong {
        /// Custody option present.
        custody: bool,
    },
    /// 7.04 Release (§5.5).
    Release(Release<'a>),
    /// 7.05 Abort (§5.6).
    Abort(Abort<'a>),
}

/// The settings and capabilities a CSM carries; `None` and `false` mean "not in this CSM" (CSM values
/// are cumulative, RFC 8323 §5.3: see [`PeerSettings::apply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Csm {
    /// Max-Message-Size: the largest whole frame the sender accepts (§5.3.1).
    pub max_message_size: Option<u32>,
    /// Block-Wise-Transfer: the sender supports RFC 7959, and BERT when its Max-Message-Size is above
    /// 1152 (§5.3.2).
    pub block_wise_transfer: bool,
    /// Extended-Token-Length: the longest token the sender accepts (RFC 8974 §2.2.1).
    pub extended_token_length: Option<u32>,
}

impl Csm {
    /// Adds this CSM's options to a message started with code 7.01.
    pub fn write_options<'b>(
        &self,
        mut w: MessageWriter<'b>,
    ) -> Result<MessageWriter<'b>, EncodeError> {
        if let Some(size) = self.max_message_size {
            w = w.uint_option(MAX_MESSAGE_SIZE, size)?;
        }
        if self.block_wise_transfer {
            w = w.empty_option(BLOCK_WISE_TRANSFER)?;
        }
        if let Some(len) = self.extended_token_length {
            w = w.uint_option(EXTENDED_TOKEN_LENGTH, len)?;
        }
        Ok(w)
    }
}

/// A Release message's reasons (RFC 8323 §5.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release<'a> {
    options: &'a [u8],
    /// Hold-Off: seconds before reconnecting.
    pub hold_off: Option<u32>,
    /// The diagnostic payload.
    pub diagnostic: &'a [u8],
}

impl<'a> Release<'a> {
    /// The Alternative-Address values, each an RFC 3986 authority.
    pub fn alternative_addresses(&self) -> StrValues<'a> {
        Options::new(self.options).strs(ALTERNATIVE_ADDRESS)
    }
}

/// An Abort message (RFC 8323 §5.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abort<'a> {
    /// Bad-CSM-Option: the CSM option the sender could not process.
    pub bad_csm_option: Option<u16>,
    /// The diagnostic payload.
    pub diagnostic: &'a [u8],
}

impl<'a> ReliableMessage<'a> {
    /// The typed view of a signaling message; `None` for requests, responses, Empty and unknown
    /// signaling codes. Malformed elective options are skipped.
    pub fn signal(&self) -> Option<Signal<'a>> {
        let code = self.code();
        let options = self.options();
        let uint = |n: OptionNumber| {
            options.get(n).filter(|o| usable(code, n, o.value(), false)).and_then(|o| o.as_uint())
        };
        let flag =
            |n: OptionNumber| options.get(n).is_some_and(|o| usable(code, n, o.value(), false));
        Some(match code {
            Code::CSM => Signal::Csm(Csm {
                max_message_size: uint(MAX_MESSAGE_SIZE),
                block_wise_transfer: flag(BLOCK_WISE_TRANSFER),
                extended_token_length: uint(EXTENDED_TOKEN_LENGTH),
            }),
            Code::PING => Signal::Ping { custody: flag(CUSTODY) },
            Code::PONG => Signal::Pong { custody: flag(CUSTODY) },
            Code::RELEASE => Signal::Release(Release {
                options: self.option_bytes(),
                hold_off: uint(HOLD_OFF),
                diagnostic: self.payload(),
            }),
            Code::ABORT => Signal::Abort(Abort {
                bad_csm_option: uint(BAD_CSM_OPTION).and_then(|n| u16::try_from(n).ok()),
                diagnostic: self.payload(),
            }),
            _ => return None,
        })
    }
}

/// What the peer has announced in its CSMs so far, starting from the base values (RFC 8323 §5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerSettings {
    /// The largest frame the peer accepts, header included.
    pub max_message_size: usize,
    /// The peer supports block-wise transfer.
    pub block_wise_transfer: bool,
    /// The longest token the peer accepts.
    pub max_token_length: usize,
}

impl Default for PeerSettings {
    fn default() -> Self {
        Self {
            max_message_size: BASE_MAX_MESSAGE_SIZE,
            block_wise_transfer: false,
            max_token_length: BASE_TOKEN_LENGTH,
        }
    }
}

impl PeerSettings {
    /// Takes a CSM into account: options that are present replace earlier values; absent ones leave
    /// them (§5.3: "cumulative").
    pub fn apply(&mut self, csm: &Csm) {
        if let Some(size) = csm.max_message_size {
            self.max_message_size = size as usize;
        }
        self.block_wise_transfer |= csm.block_wise_transfer;
        if let Some(len) = csm.extended_token_length {
            self.max_token_length = len as usize;
        }
    }

    /// Whether BERT may be used towards the peer: Block-Wise-Transfer and a Max-Message-Size above
    /// 1152 (§5.3.2).
    pub const fn bert(&self) -> bool {
        self.block_wise_transfer && self.max_message_size > BASE_MAX_MESSAGE_SIZE
    }
}
