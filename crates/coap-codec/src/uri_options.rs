//! Writing a [`Uri`] as options (RFC 7252 §6.4), percent-decoding straight into the message buffer.

use crate::error::EncodeError;
use crate::percent::PercentDecoded;
use crate::{MessageWriter, OptionNumber, Uri};

impl MessageWriter<'_> {
    /// Writes Uri-Host, Uri-Path and Uri-Query for a request sent to the URI's own host and port
    /// (so no Uri-Port: RFC 7252 §6.4 step 7). Use the single-option methods to put other options
    /// in between (Observe, 6, comes between Uri-Host, 3, and Uri-Path, 11).
    pub fn uri(self, uri: &Uri<'_>) -> Result<Self, EncodeError> {
        self.uri_host(uri)?.uri_path(uri)?.uri_query(uri)
    }

    /// Writes Uri-Host if the URI names a reg-name (RFC 7252 §6.4 step 5).
    pub fn uri_host(self, uri: &Uri<'_>) -> Result<Self, EncodeError> {
        match uri.uri_host() {
            Some(host) => self.decoded_option(OptionNumber::URI_HOST, host),
            None => Ok(self),
        }
    }

    /// Writes Uri-Port if the request goes to a port other than the URI's (RFC 7252 §6.4 step 7),
    /// as a forward proxy does.
    pub fn uri_port(self, uri: &Uri<'_>, destination_port: u16) -> Result<Self, EncodeError> {
        match uri.uri_port(destination_port) {
            Some(port) => self.uint_option(OptionNumber::URI_PORT, u32::from(port)),
            None => Ok(self),
        }
    }

    /// Writes one Uri-Path option per path segment (RFC 7252 §6.4 step 8).
    pub fn uri_path(mut self, uri: &Uri<'_>) -> Result<Self, EncodeError> {
        for segment in uri.uri_path() {
            self = self.decoded_option(OptionNumber::URI_PATH, segment)?;
        }
        Ok(self)
    }

    /// Writes one Uri-Query option per query argument (RFC 7252 §6.4 step 9).
    pub fn uri_query(mut self, uri: &Uri<'_>) -> Result<Self, EncodeError> {
        for argument in uri.uri_query() {
            self = self.decoded_option(OptionNumber::URI_QUERY, argument)?;
        }
        Ok(self)
    }

    /// Writes an option whose value is a percent-decoded URI component.
    pub fn decoded_option(
        self,
        number: OptionNumber,
        value: PercentDecoded<'_>,
    ) -> Result<Self, EncodeError> {
        self.option_with(number, value.len(), |dst| value.write_into(dst))
    }
}
