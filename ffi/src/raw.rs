//! The one place that turns C pointers into Rust references. Every function checks for NULL first;
//! the rest of the crate never dereferences a raw pointer.
use crate::iotc_slice;

/// The `len` bytes at `ptr`; `None` for a NULL pointer with a non-zero length.
pub(crate) fn bytes<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
    if len == 0 {
        return Some(&[]);
    }
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the C caller promises `len` readable bytes at `ptr` that outlive the call (and, for
    // results that borrow them, the use of those results), as the header documents.
    Some(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// The `len` writable bytes at `ptr`; `None` for NULL with a non-zero length.
pub(crate) fn bytes_mut<'a>(ptr: *mut u8, len: usize) -> Option<&'a mut [u8]> {
    if len == 0 {
        return Some(&mut []);
    }
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the C caller promises `len` writable bytes at `ptr`, not aliased during the call.
    Some(unsafe { core::slice::from_raw_parts_mut(ptr, len) })
}

/// The bytes of a slice struct.
pub(crate) fn slice<'a>(s: iotc_slice) -> Option<&'a [u8]> {
    bytes(s.ptr, s.len)
}

/// A shared reference to a caller struct; `None` for NULL.
pub(crate) fn get<'a, T>(ptr: *const T) -> Option<&'a T> {
    // SAFETY: non-NULL pointers to caller structs point to valid, initialised values of the type
    // the header declares, as the header documents.
    unsafe { ptr.as_ref() }
}

/// A mutable reference to a caller struct; `None` for NULL.
pub(crate) fn get_mut<'a, T>(ptr: *mut T) -> Option<&'a mut T> {
    // SAFETY: as for `get`, and the caller does not alias the struct during the call.
    unsafe { ptr.as_mut() }
}

/// `count` structs at `ptr`; `None` for NULL with a non-zero count.
pub(crate) fn array<'a, T>(ptr: *const T, count: usize) -> Option<&'a [T]> {
    if count == 0 {
        return Some(&[]);
    }
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the caller promises `count` initialised values at `ptr`.
    Some(unsafe { core::slice::from_raw_parts(ptr, count) })
}

/// Stores `value` through an optional out-pointer.
pub(crate) fn put<T>(ptr: *mut T, value: T) {
    if let Some(p) = get_mut(ptr) {
        *p = value;
    }
}
