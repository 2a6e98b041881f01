//! Named relaxations of the strict checks, for peers known to break them (DESIGN principle 6: strict
//! by default, lenient by choice). Each is off unless switched on.

/// Which rules to relax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Leniency {
    pub(crate) reserved_flags: bool,
    pub(crate) dup_on_qos0: bool,
    pub(crate) non_minimal_length: bool,
    pub(crate) password_without_username: bool,
}

impl Leniency {
    /// Every check on.
    pub const STRICT: Self = Self {
        reserved_flags: false,
        dup_on_qos0: false,
        non_minimal_length: false,
        password_without_username: false,
    };

    /// Accept fixed-header flag bits other than the required ones on packets other than PUBLISH
    /// [MQTT-2.1.3-1]: MQTT 3.1 clients set DUP and QoS 1 on SUBSCRIBE, UNSUBSCRIBE and PUBREL, and
    /// some send PUBREL with flags 0.
    pub const fn reserved_flags(mut self, on: bool) -> Self {
        self.reserved_flags = on;
        self
    }

    /// Accept DUP on a QoS 0 PUBLISH [MQTT-3.3.1-2], which some clients set on every resend.
    pub const fn dup_on_qos0(mut self, on: bool) -> Self {
        self.dup_on_qos0 = on;
        self
    }

    /// Accept a Remaining Length not in its shortest form [MQTT-1.5.5-1] (still at most 4 bytes).
    pub const fn non_minimal_length(mut self, on: bool) -> Self {
        self.non_minimal_length = on;
        self
    }

    /// Accept a 3.1.1 CONNECT with a password but no user name [MQTT-3.1.2-22] (token-only
    /// authentication that some devices use; 5.0 allows it anyway).
    pub const fn password_without_username(mut self, on: bool) -> Self {
        self.password_without_username = on;
        self
    }
}
