//! No panic crosses the C boundary. The codecs cannot panic on any input (they deny `unwrap`,
//! `expect`, `panic` and indexing, and every entry point is fuzzed); should one ever happen, the
//! library's panic handler (`panic.rs`) aborts the process: a panic never unwinds into C. Every
//! entry point runs through [`guard`], the one place where that policy would change (with `std`,
//! `catch_unwind` could turn a panic into `IOTC_ERR_INTERNAL`, but the workspace builds with
//! `panic = "abort"`, where it catches nothing, and `std` would add some 250 KB of unwinding and
//! backtrace code to a firmware image).

use crate::status::iotc_status;

#[inline(always)]
pub(crate) fn guard(f: impl FnOnce() -> iotc_status) -> iotc_status {
    f()
}
