//! Builds the libcoap shim (c/libcoap_shim.c) when libcoap's development files are installed
//! (Debian libcoap3-dev); without them the libcoap column of the benchmark is left out.

use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_libcoap)");
    println!("cargo::rerun-if-changed=c/libcoap_shim.c");
    let libs = Command::new("pkg-config").args(["--libs", "libcoap-3-notls"]).output();
    let Ok(out) = libs else { return };
    if !out.status.success() {
        println!("cargo::warning=libcoap-3-notls not found by pkg-config: benchmarks run without libcoap");
        return;
    }
    cc::Build::new().file("c/libcoap_shim.c").opt_level(2).compile("libcoap_shim");
    for flag in String::from_utf8_lossy(&out.stdout).split_whitespace() {
        if let Some(lib) = flag.strip_prefix("-l") {
            println!("cargo::rustc-link-lib={lib}");
        } else if let Some(dir) = flag.strip_prefix("-L") {
            println!("cargo::rustc-link-search=native={dir}");
        }
    }
    println!("cargo::rustc-cfg=has_libcoap");
}
