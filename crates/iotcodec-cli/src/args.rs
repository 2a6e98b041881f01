//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Style;

/// Decode MQTT and CoAP from captures, hex and files.
#[derive(Debug, Parser)]
#[command(name = "iotcodec", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Print every PDU: one line each, every field with -v, or one JSON object each with --json.
    Decode(DecodeArgs),
    /// Count PDUs per protocol, packet type, CoAP code and option, MQTT reason code, and malformed.
    Stats(StatsArgs),
}

#[derive(Debug, Args)]
pub(crate) struct DecodeArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Every field of every PDU.
    #[arg(short, long)]
    pub(crate) verbose: bool,
    /// One JSON object per line, with every field.
    #[arg(long, conflicts_with = "verbose")]
    pub(crate) json: bool,
}

impl DecodeArgs {
    pub(crate) fn style(&self) -> Style {
        if self.json {
            Style::Json
        } else if self.verbose {
            Style::Verbose
        } else {
            Style::Line
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// The counts as one JSON object.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Where the bytes come from and how to read them.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// pcap or pcapng captures (Ethernet, Linux cooked SLL/SLL2, raw IP; IPv4 and IPv6; UDP and TCP).
    #[arg(required_unless_present_any = ["hex", "raw"])]
    pub(crate) files: Vec<PathBuf>,
    /// One PDU (or, for stream protocols, a stream) as hex; spaces and colons are ignored.
    #[arg(long, conflicts_with_all = ["files", "raw"], requires = "proto")]
    pub(crate) hex: Option<String>,
    /// A file holding one PDU or a stream, as raw bytes.
    #[arg(long, conflicts_with = "files", requires = "proto")]
    pub(crate) raw: Option<PathBuf>,
    /// The protocol of --hex or --raw input.
    #[arg(long, value_enum)]
    pub(crate) proto: Option<Proto>,
    /// Decode traffic on another port as PROTO, e.g. --port mqtt=11883 (repeatable; protocols by
    /// port otherwise: 1883/8883 MQTT, 5683/5684 CoAP over UDP and TCP).
    #[arg(long = "port", value_name = "PROTO=PORT", value_parser = parse_port)]
    pub(crate) ports: Vec<(Proto, u16)>,
    /// MQTT protocol level for streams that carry no CONNECT: 3 (3.1), 4 (3.1.1) or 5 (5.0).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(3..=5))]
    pub(crate) mqtt_level: u8,
    /// Accept RFC 8974 extended token lengths in CoAP.
    #[arg(long)]
    pub(crate) rfc8974: bool,
}

/// The protocols iotcodec decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ValueEnum)]
pub(crate) enum Proto {
    /// MQTT over TCP.
    Mqtt,
    /// CoAP over UDP (RFC 7252).
    Coap,
    /// CoAP over TCP or TLS (RFC 8323 §3).
    CoapTcp,
    /// CoAP over WebSockets (RFC 8323 §4): one message per input.
    CoapWs,
    /// A CoRE Link Format payload (RFC 6690).
    Linkformat,
}

impl Proto {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Mqtt => "mqtt",
            Self::Coap => "coap",
            Self::CoapTcp => "coap-tcp",
            Self::CoapWs => "coap-ws",
            Self::Linkformat => "linkformat",
        }
    }
}

fn parse_port(s: &str) -> Result<(Proto, u16), String> {
    let (proto, port) = s.split_once('=').ok_or("expected PROTO=PORT, e.g. mqtt=11883")?;
    let proto = Proto::from_str(proto, true)?;
    if !matches!(proto, Proto::Mqtt | Proto::Coap | Proto::CoapTcp) {
        return Err(format!("{} is not carried on a port of a capture", proto.name()));
    }
    let port = port.parse().map_err(|e| format!("port {port:?}: {e}"))?;
    Ok((proto, port))
}
