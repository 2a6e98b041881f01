//! Printing PDUs: one line each, every field (`-v`), or one JSON object per line (`--json`).

use std::io::Write;

use serde_json::Value;

use crate::pdu::{Body, Pdu};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Line,
    Verbose,
    Json,
}

pub(crate) struct Printer {
    style: Style,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Printer {
    pub(crate) fn new(style: Style) -> Self {
        Self { style, out: std::io::BufWriter::new(std::io::stdout()) }
    }

    pub(crate) fn print(&mut self, pdu: &Pdu) {
        // A closed pipe (`| head`) ends the output; there is nothing useful to do about it here.
        let _ = match self.style {
            Style::Json => writeln!(self.out, "{}", pdu.to_json()),
            Style::Line => writeln!(self.out, "{}", line(pdu)),
            Style::Verbose => self.verbose(pdu),
        };
    }

    fn verbose(&mut self, pdu: &Pdu) -> std::io::Result<()> {
        writeln!(self.out, "{}", line(pdu))?;
        if let Body::Decoded { fields, .. } = &pdu.body {
            for (k, v) in fields {
                field(&mut self.out, k, v, 1)?;
            }
        }
        Ok(())
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

/// `time src -> dst PROTO summary`; errors with their offset and the bytes around it.
pub(crate) fn line(pdu: &Pdu) -> String {
    let mut s = String::new();
    if let Some(t) = pdu.origin.time {
        s.push_str(&utc(t));
        s.push(' ');
    }
    if let (Some(src), Some(dst)) = (&pdu.origin.src, &pdu.origin.dst) {
        s.push_str(&format!("{src} -> {dst} "));
    }
    s.push_str(&pdu.proto.name().to_ascii_uppercase());
    s.push(' ');
    match &pdu.body {
        Body::Decoded { summary, .. } => s.push_str(summary),
        Body::Malformed { kind, offset, bytes } => {
            s.push_str(&format!(
                "MALFORMED {kind} at byte {offset}: {}",
                crate::hexdump::around(bytes, *offset)
            ));
        }
        Body::Incomplete { have, needed } => {
            s.push_str(&format!("INCOMPLETE at end of input: {have} bytes, {needed} more needed"));
        }
    }
    s
}

/// One field of `-v` output, nested objects and arrays indented.
fn field(out: &mut impl Write, key: &str, v: &Value, depth: usize) -> std::io::Result<()> {
    let pad = "  ".repeat(depth);
    match v {
        Value::Object(o) if o.values().any(|x| x.is_object() || x.is_array()) => {
            writeln!(out, "{pad}{key}:")?;
            for (k, x) in o {
                field(out, k, x, depth + 1)?;
            }
            Ok(())
        }
        Value::Array(a) if a.iter().any(|x| x.is_object() || x.is_array()) => {
            writeln!(out, "{pad}{key}:")?;
            for (i, x) in a.iter().enumerate() {
                field(out, &format!("[{i}]"), x, depth + 1)?;
            }
            Ok(())
        }
        _ => writeln!(out, "{pad}{key}: {v}"),
    }
}

/// Seconds since the epoch as `YYYY-MM-DD HH:MM:SS.ffffff` in UTC (the civil-from-days conversion of
/// the proleptic Gregorian calendar).
fn utc(t: f64) -> String {
    let micros = (t * 1e6).round() as i64;
    let (secs, frac) = (micros.div_euclid(1_000_000), micros.rem_euclid(1_000_000));
    let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.{frac:06}",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

#[cfg(test)]
mod tests {
    use super::utc;

    #[test]
    fn utc_times() {
        assert_eq!(utc(0.0), "1970-01-01 00:00:00.000000");
        assert_eq!(utc(951_782_400.5), "2000-02-29 00:00:00.500000");
        assert_eq!(utc(1_795_323_594.797_894), "2026-11-22 04:59:54.797894");
    }
}
