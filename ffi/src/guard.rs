//! No panic crosses the C boundary: every entry point runs inside [`guard`]. The codecs deny panics
//! (lints and fuzzing); if one ever happened in a build with unwinding, the caller gets
//! `IOTC_ERR_INTERNAL` instead of undefined behaviour. (With `panic = "abort"`, this workspace's
//! profile, a panic would abort: it still never unwinds into C.)

use crate::status::{iotc_status, IOTC_ERR_INTERNAL};

pub(crate) fn guard(f: impl FnOnce() -> iotc_status) -> iotc_status {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or(IOTC_ERR_INTERNAL)
}
