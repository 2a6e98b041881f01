//! Checking a decoded message's options against the registry: the receiver-side rules of RFC 7252
//! §5.4.1 (unrecognised critical options), §5.4.3 (lengths), §5.4.5 (repetition) and §5.10.2
//! (Proxy-Uri excludes the Uri-* options).

use crate::error::{DecodeError, ErrorKind, Response};
use crate::wire;
use crate::{CoapOption, Code, Message, OptionNumber, Options};

impl<'a> Message<'a> {
    /// Checks the options against the IANA registry this crate knows (see [`crate::registry`]).
    ///
    /// Elective options that are unknown, too long or repeated are ignored, as RFC 7252 §5.4.1 requires;
    /// the same faults in a critical option give an error whose [`DecodeError::response`] says how to
    /// answer: 4.02 for a Confirmable request, Reset for a Confirmable response, silence otherwise.
    pub fn check_options(&self) -> Result<(), DecodeError> {
        self.check_options_with(|n| n.definition().is_some())
    }

    /// Like [`Message::check_options`], but `recognized` decides which options this endpoint
    /// implements: a server that does not implement, say, Block2 treats it as unrecognised.
    pub fn check_options_with(
        &self,
        recognized: impl Fn(OptionNumber) -> bool,
    ) -> Result<(), DecodeError> {
        let (ty, code) = (self.message_type(), self.code());
        let answers = Answers {
            bad_option: Response::refuse(ty, code, Response::BadOption),
            bad_request: Response::refuse(ty, code, Response::BadRequest),
        };
        check_registered(
            self.options(),
            self.options_offset(),
            code,
            recognized,
            answers,
            |_, _| Ok(()),
        )
    }

    /// The first critical option that `recognized` rejects, for the diagnostic of a 4.02 response
    /// (RFC 7252 §5.4.1).
    pub fn first_unrecognized_critical(
        &self,
        recognized: impl Fn(OptionNumber) -> bool,
    ) -> Option<CoapOption<'a>> {
        self.options().find(|o| o.number().is_critical() && !recognized(o.number()))
    }
}

/// The answers to give when a check fails: they depend on the transport and the message type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Answers {
    /// For a critical option that is unknown, of the wrong length or repeated (RFC 7252 §5.4.1).
    pub bad_option: Response,
    /// For a request that is malformed in a way the option rules call 4.00 (RFC 7252 §5.10.2).
    pub bad_request: Response,
}

/// The rules of RFC 7252 §5.4.1, §5.4.3, §5.4.5 and §5.10.2 over a validated option list, shared by
/// UDP messages and reliable-transport frames. `each` adds the caller's own rules for an option (its
/// offset and value), checked in the same walk after the registry's.
pub(crate) fn check_registered<'a>(
    options: Options<'a>,
    options_offset: usize,
    code: Code,
    recognized: impl Fn(OptionNumber) -> bool,
    answers: Answers,
    mut each: impl FnMut(usize, CoapOption<'a>) -> Result<(), DecodeError>,
) -> Result<(), DecodeError> {
    let mut prev: Option<OptionNumber> = None;
    let mut uri_option = false;
    let mut proxy_uri = false;
    for (offset, opt) in with_offsets(options, options_offset) {
        let n = opt.number();
        let repeated = prev == Some(n);
        prev = Some(n);
        uri_option |= matches!(n.0, 3 | 7 | 11 | 15);
        proxy_uri |= n == OptionNumber::PROXY_URI;
        if n.is_critical() {
            let def = n.definition().filter(|_| recognized(n));
            let kind = match def {
                None => Some(ErrorKind::UnrecognizedCriticalOption),
                Some(d) if !d.length_ok(opt.value().len()) => {
                    Some(ErrorKind::OptionLengthOutOfRange)
                }
                Some(d) if repeated && !d.repeatable => Some(ErrorKind::OptionNotRepeatable),
                Some(_) => None,
            };
            if let Some(kind) = kind {
                return Err(DecodeError::new(kind, offset, answers.bad_option).with_option(n));
            }
        }
        each(offset, opt)?;
    }
    if proxy_uri && uri_option && code.is_request() {
        return Err(DecodeError::new(
            ErrorKind::ProxyUriWithUriOptions,
            options_offset,
            answers.bad_request,
        )
        .with_option(OptionNumber::PROXY_URI));
    }
    Ok(())
}

/// The options with the message offset of each option's first header byte.
pub(crate) fn with_offsets<'a>(
    options: Options<'a>,
    options_offset: usize,
) -> impl Iterator<Item = (usize, CoapOption<'a>)> + 'a {
    let mut offset = options_offset;
    let mut last = 0usize;
    options.map(move |opt| {
        let here = offset;
        let n = usize::from(opt.number().0);
        offset += wire::header_len(n.saturating_sub(last), opt.value().len()) + opt.value().len();
        last = n;
        (here, opt)
    })
}
