//! `iotcodec`: decodes MQTT and CoAP from pcap/pcapng captures, hex strings and raw files with the
//! iotcodec codecs, one readable line or one JSON object per PDU, and counts them.
//!
//! Exit status: 0 when every PDU decoded, 1 when at least one was malformed, 2 when an input could not
//! be read at all (a missing file, a broken capture, bad hex, bad arguments).

mod args;
mod capture;
mod coap_view;
mod decode;
mod hexdump;
mod json;
mod linkformat_view;
mod mqtt_view;
mod net;
mod output;
mod pdu;
mod ports;
mod split;
mod stats;
mod tcp_stream;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Decode(a) => {
            let mut out = output::Printer::new(a.style());
            decode::run(&a.input, &mut |pdu| out.print(pdu))
        }
        Command::Stats(a) => {
            let mut counts = stats::Stats::default();
            let r = decode::run(&a.input, &mut |pdu| counts.add(pdu));
            counts.print(a.json);
            r
        }
    };
    match result {
        Ok(summary) if summary.malformed > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("iotcodec: {e}");
            ExitCode::from(2)
        }
    }
}
