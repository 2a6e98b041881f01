//! The C ABI of iotcodec (`libiotcodec.a`, `libiotcodec.so`, `include/iotcodec.h`).
//!
//! Caller-allocated structs only: parsed messages, iterators and writers live on the caller's stack,
//! nothing is allocated and nothing needs freeing. Borrowed bytes come back as [`iotc_slice`] pointing
//! into the caller's buffer. Every function returns an [`iotc_status`] from a fixed numeric block
//! (never renumbered; [`iotc_status_str`] names any value), and decode functions fill an optional
//! [`iotc_error`] with the byte offset and, for CoAP, the answer a server should give. NULL or
//! impossible arguments give a status, never a crash; no panic crosses the boundary.
//!
//! The ABI only grows: new functions and new status values are added, existing ones keep their
//! meaning and layout ([`IOTC_ABI_VERSION`], [`iotc_abi_version`]).
// The C library is `no_std` with its own panic handler (feature `panic-handler`, on by default);
// without that feature (a Rust program linking the rlib, such as the fuzz targets) it uses std.
#![cfg_attr(all(not(test), feature = "panic-handler"), no_std)]
#![allow(non_camel_case_types, clippy::missing_safety_doc)]
// `#[no_mangle]` counts as unsafe code; the exported functions need it. The only `unsafe` blocks are
// in `raw.rs`, which turns C pointers into references after checking them, and the call to `abort`
// in `panic.rs` (`.ci/run` checks that no other file has one), each with a `// SAFETY:` comment.
#![allow(unsafe_code)]
#![deny(clippy::undocumented_unsafe_blocks)]

mod coap;
mod coap_writer;
mod guard;
mod linkformat_ffi;
mod mqtt;
mod mqtt_serialize;
#[cfg(all(feature = "panic-handler", not(test)))]
mod panic;
mod raw;
mod status;
mod topic;

pub use coap::*;
pub use coap_writer::*;
pub use linkformat_ffi::*;
pub use mqtt::*;
pub use mqtt_serialize::*;
pub use status::*;
pub use topic::*;

/// The ABI version: incremented when functions, constants or struct fields are added; existing ones
/// never change.
pub const IOTC_ABI_VERSION: u32 = 1;

/// The ABI version this library was built with ([`IOTC_ABI_VERSION`] of its header).
#[no_mangle]
pub extern "C" fn iotc_abi_version() -> u32 {
    IOTC_ABI_VERSION
}

/// A borrowed byte range: `len` bytes at `ptr`, inside a buffer the caller passed in (or static
/// data). `ptr` may be NULL when `len` is 0.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iotc_slice {
    /// First byte.
    pub ptr: *const u8,
    /// Number of bytes.
    pub len: usize,
}

impl iotc_slice {
    pub(crate) const EMPTY: Self = Self { ptr: core::ptr::null(), len: 0 };

    pub(crate) fn of(b: &[u8]) -> Self {
        Self { ptr: b.as_ptr(), len: b.len() }
    }
}

/// Where and how a decode failed.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct iotc_error {
    /// Byte offset in the input of the field that went wrong.
    pub offset: usize,
    /// CoAP: the option concerned (0 if none).
    pub option: u16,
    /// CoAP: how a server should answer, one of the `IOTC_ANSWER_*` values.
    pub answer: u8,
    /// MQTT: the MQTT 5.0 reason code a server should send (0 if none).
    pub reason_code: u8,
}
