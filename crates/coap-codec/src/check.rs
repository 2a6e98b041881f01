//! Checking a decoded message's options against the registry: the receiver-side rules of RFC 7252
//! §5.4.1 (unrecognised critical options), §5.4.3 (lengths), §5.4.5 (repetition) and §5.10.2
//! (Proxy-Uri excludes the Uri-* options).

use crate::error::{DecodeError, ErrorKind, Response};
use crate::wire;
use crate::{CoapOption, Message, OptionNumber};

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
        let mut prev: Option<OptionNumber> = None;
        let mut uri_option = false;
        let mut proxy_uri = false;
        for (offset, opt) in self.options_with_offsets() {
            let n = opt.number();
            let repeated = prev == Some(n);
            prev = Some(n);
            uri_option |= matches!(n.0, 3 | 7 | 11 | 15);
            proxy_uri |= n == OptionNumber::PROXY_URI;
            if !n.is_critical() {
                continue;
            }
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
                let answer =
                    Response::refuse(self.message_type(), self.code(), Response::BadOption);
                return Err(DecodeError::new(kind, offset, answer).with_option(n));
            }
        }
        if proxy_uri && uri_option && self.code().is_request() {
            let answer = Response::refuse(self.message_type(), self.code(), Response::BadRequest);
            let offset = self.options_offset();
            return Err(DecodeError::new(ErrorKind::ProxyUriWithUriOptions, offset, answer)
                .with_option(OptionNumber::PROXY_URI));
        }
        Ok(())
    }

    /// The first critical option that `recognized` rejects, for the diagnostic of a 4.02 response
    /// (RFC 7252 §5.4.1).
    pub fn first_unrecognized_critical(
        &self,
        recognized: impl Fn(OptionNumber) -> bool,
    ) -> Option<CoapOption<'a>> {
        self.options().find(|o| o.number().is_critical() && !recognized(o.number()))
    }

    /// The options with the message offset of each option's first header byte.
    fn options_with_offsets(&self) -> impl Iterator<Item = (usize, CoapOption<'a>)> + 'a {
        let mut offset = self.options_offset();
        let mut last = 0usize;
        self.options().map(move |opt| {
            let here = offset;
            let n = usize::from(opt.number().0);
            offset +=
                wire::header_len(n.saturating_sub(last), opt.value().len()) + opt.value().len();
            last = n;
            (here, opt)
        })
    }
}
