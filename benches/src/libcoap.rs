//! The FFI to the libcoap shim (c/libcoap_shim.c), built only when libcoap's development files are
//! installed; the only unsafe code of the benchmarks.
#![allow(unsafe_code)]

extern "C" {
    fn iotc_bench_libcoap_init() -> i32;
    fn iotc_bench_libcoap_parse(data: *const u8, len: usize) -> usize;
    fn iotc_bench_libcoap_parse_tcp(data: *const u8, len: usize) -> usize;
}

/// Starts libcoap and allocates the reused PDU; call once before parsing.
pub fn init() {
    // SAFETY: no arguments; the shim keeps its PDU in a static and may be initialised again.
    let ok = unsafe { iotc_bench_libcoap_init() };
    assert_eq!(ok, 1, "libcoap could not allocate its PDU");
}

/// `coap_pdu_parse(COAP_PROTO_UDP)` and a walk of the PDU; 0 when libcoap rejects the datagram.
pub fn parse(b: &[u8]) -> usize {
    // SAFETY: the pointer and length come from a live slice; libcoap copies the bytes.
    unsafe { iotc_bench_libcoap_parse(b.as_ptr(), b.len()) }
}

/// `coap_pdu_parse(COAP_PROTO_TCP)` and a walk of the PDU; 0 when libcoap rejects the frame.
pub fn parse_tcp(b: &[u8]) -> usize {
    // SAFETY: as for `parse`.
    unsafe { iotc_bench_libcoap_parse_tcp(b.as_ptr(), b.len()) }
}
