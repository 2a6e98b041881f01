//! From a captured frame to addresses, ports and the UDP or TCP payload, with `etherparse`.

use std::net::IpAddr;

use etherparse::{EtherType, NetSlice, SlicedPacket, TransportSlice};

/// LINKTYPE_NULL: BSD loopback, a 4-byte address family in host order.
const NULL: u32 = 0;
/// LINKTYPE_ETHERNET.
const ETHERNET: u32 = 1;
/// LINKTYPE_RAW and its old DLT_RAW numbers: the packet starts with the IP header.
const RAW: [u32; 3] = [101, 12, 14];
/// LINKTYPE_LINUX_SLL: Linux cooked capture, version 1.
const LINUX_SLL: u32 = 113;
/// LINKTYPE_IPV4 and LINKTYPE_IPV6.
const IPV4: u32 = 228;
const IPV6: u32 = 229;
/// LINKTYPE_LINUX_SLL2: Linux cooked capture, version 2 (20-byte header, protocol type first).
const LINUX_SLL2: u32 = 276;

/// The transport part of a packet.
pub(crate) enum Transport<'a> {
    Udp { payload: &'a [u8] },
    Tcp { seq: u32, syn: bool, payload: &'a [u8] },
}

/// A UDP datagram or TCP segment with its endpoints.
pub(crate) struct Segment<'a> {
    pub(crate) src: (IpAddr, u16),
    pub(crate) dst: (IpAddr, u16),
    pub(crate) transport: Transport<'a>,
}

/// Splits a captured frame; `None` for what is not UDP or TCP over IP (ARP, ICMP, a truncated
/// header, an unknown link type).
pub(crate) fn segment(link_type: u32, data: &[u8]) -> Option<Segment<'_>> {
    let sliced = match link_type {
        ETHERNET => SlicedPacket::from_ethernet(data).ok()?,
        // The cooked headers are read by offset: etherparse's SLL reader refuses the ARPHRD_LOOPBACK
        // headers that Linux writes for `lo`, and it has no SLL2 reader.
        LINUX_SLL => cooked(data, 14, 16)?,
        LINUX_SLL2 => cooked(data, 0, 20)?,
        NULL => SlicedPacket::from_ip(data.get(4..)?).ok()?,
        IPV4 | IPV6 => SlicedPacket::from_ip(data).ok()?,
        t if RAW.contains(&t) => SlicedPacket::from_ip(data).ok()?,
        _ => return None,
    };
    let (src_ip, dst_ip) = match sliced.net? {
        NetSlice::Ipv4(ip) => {
            let h = ip.header();
            (IpAddr::V4(h.source_addr()), IpAddr::V4(h.destination_addr()))
        }
        NetSlice::Ipv6(ip) => {
            let h = ip.header();
            (IpAddr::V6(h.source_addr()), IpAddr::V6(h.destination_addr()))
        }
    };
    Some(match sliced.transport? {
        TransportSlice::Udp(u) => Segment {
            src: (src_ip, u.source_port()),
            dst: (dst_ip, u.destination_port()),
            transport: Transport::Udp { payload: u.payload() },
        },
        TransportSlice::Tcp(t) => Segment {
            src: (src_ip, t.source_port()),
            dst: (dst_ip, t.destination_port()),
            transport: Transport::Tcp {
                seq: t.sequence_number(),
                syn: t.syn(),
                payload: t.payload(),
            },
        },
        _ => return None,
    })
}

/// A Linux cooked capture: the EtherType at `protocol_at`, the network header at `payload_at`.
fn cooked(data: &[u8], protocol_at: usize, payload_at: usize) -> Option<SlicedPacket<'_>> {
    let ether_type = u16::from_be_bytes([*data.get(protocol_at)?, *data.get(protocol_at + 1)?]);
    SlicedPacket::from_ether_type(EtherType(ether_type), data.get(payload_at..)?).ok()
}

/// `address:port`, IPv6 addresses in brackets.
pub(crate) fn endpoint((ip, port): (IpAddr, u16)) -> String {
    match ip {
        IpAddr::V4(a) => format!("{a}:{port}"),
        IpAddr::V6(a) => format!("[{a}]:{port}"),
    }
}
