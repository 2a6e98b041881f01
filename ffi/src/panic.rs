//! The panic handler of the C library: abort, as C code expects of a fatal error. Compiled only for
//! the library itself (feature `panic-handler`, on by default), not for its unit tests or for a Rust
//! program that links it as an rlib (the fuzz targets), which bring std's handler.

extern "C" {
    fn abort() -> !;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // SAFETY: `abort` from the C library takes no arguments and never returns.
    unsafe { abort() }
}

/// The precompiled `core` carries unwind tables that name `rust_eh_personality`; with
/// `panic = "abort"` nothing unwinds, so the personality routine is never called, but the symbol must
/// exist for linkers that keep those tables (a C program linked without `--gc-sections`).
#[no_mangle]
extern "C" fn rust_eh_personality() {}
