//! Reading pcap and pcapng captures with the `pcap-file` crate: each packet with its frame number,
//! time and link type, handed to a callback so that a large capture is never held in memory.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use pcap_file::pcap::PcapReader;
use pcap_file::pcapng::{Block, PcapNgReader};

/// One captured packet.
pub(crate) struct Captured<'a> {
    /// 1-based frame number.
    pub(crate) frame: u64,
    /// Seconds since the Unix epoch.
    pub(crate) time: f64,
    /// The link-layer type (LINKTYPE_* value).
    pub(crate) link_type: u32,
    /// The bytes captured, from the link-layer header on.
    pub(crate) data: &'a [u8],
}

/// Reads every packet of the capture at `path`; stops with a message at the first broken record.
pub(crate) fn read(path: &Path, each: &mut dyn FnMut(Captured<'_>)) -> Result<(), String> {
    let name = path.display();
    let mut file = File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let mut magic = [0u8; 4];
    file.read_exact(&mut magic).map_err(|_| format!("{name}: too short to be a capture"))?;
    let file = File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let reader = BufReader::new(file);
    match magic {
        [0x0a, 0x0d, 0x0d, 0x0a] => read_pcapng(reader, each).map_err(|e| format!("{name}: {e}")),
        [0xd4, 0xc3, 0xb2, 0xa1]
        | [0xa1, 0xb2, 0xc3, 0xd4]
        | [0x4d, 0x3c, 0xb2, 0xa1]
        | [0xa1, 0xb2, 0x3c, 0x4d] => read_pcap(reader, each).map_err(|e| format!("{name}: {e}")),
        _ => Err(format!("{name}: not a pcap or pcapng capture (magic {magic:02x?})")),
    }
}

fn read_pcap(reader: impl Read, each: &mut dyn FnMut(Captured<'_>)) -> Result<(), String> {
    let mut r = PcapReader::new(reader).map_err(|e| format!("pcap header: {e}"))?;
    let link_type = u32::from(r.header().datalink);
    let mut frame = 0u64;
    while let Some(packet) = r.next_packet() {
        frame += 1;
        let p = packet.map_err(|e| format!("frame {frame}: {e}"))?;
        each(Captured { frame, time: p.timestamp.as_secs_f64(), link_type, data: &p.data });
    }
    Ok(())
}

fn read_pcapng(reader: impl Read, each: &mut dyn FnMut(Captured<'_>)) -> Result<(), String> {
    let mut r = PcapNgReader::new(reader).map_err(|e| format!("pcapng section header: {e}"))?;
    let mut frame = 0u64;
    let mut link_types: Vec<u32> = Vec::new();
    while let Some(block) = r.next_block() {
        let block = block.map_err(|e| format!("after frame {frame}: {e}"))?;
        match block {
            Block::SectionHeader(_) => link_types.clear(),
            Block::InterfaceDescription(idb) => link_types.push(u32::from(idb.linktype)),
            Block::EnhancedPacket(epb) => {
                frame += 1;
                let link_type =
                    link_types.get(epb.interface_id as usize).copied().ok_or_else(|| {
                        format!("frame {frame}: unknown interface {}", epb.interface_id)
                    })?;
                each(Captured {
                    frame,
                    time: epb.timestamp.as_secs_f64(),
                    link_type,
                    data: &epb.data,
                });
            }
            Block::SimplePacket(spb) => {
                frame += 1;
                let link_type = link_types
                    .first()
                    .copied()
                    .ok_or_else(|| format!("frame {frame}: no interface described"))?;
                each(Captured { frame, time: 0.0, link_type, data: &spb.data });
            }
            _ => {}
        }
    }
    Ok(())
}
