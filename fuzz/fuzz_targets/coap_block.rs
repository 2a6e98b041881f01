//! Block-wise helpers on arbitrary sequences (RFC 7959, BERT in RFC 8323 §6): the reassembler never
//! panics, never grows past its buffer, and keeps exactly the accepted blocks in order; the slicer
//! answers any request inside the representation; slicing then reassembling gives the body back.
#![no_main]

use arbitrary::Arbitrary;
use coap_codec::{BlockSlicer, BlockValue, Progress, Reassembler};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    body: &'a [u8],
    capacity: u16,
    szx: u8,
    bert_payload: u16,
    total: Option<u16>,
    pushes: Vec<(u32, bool, u8, u16)>,
    requests: Vec<(u32, u8, u8)>,
}

fuzz_target!(|input: Input<'_>| {
    let mut buf = vec![0u8; usize::from(input.capacity)];
    let mut r = Reassembler::new(&mut buf);
    if let Some(t) = input.total {
        let _ = r.expect_size(usize::from(t));
    }
    let mut kept = Vec::new();
    for (num, more, szx, len) in input.pushes {
        let Some(block) = BlockValue::new(num & 0xfffff, more, szx & 7) else { continue };
        let len = usize::from(len).min(input.body.len());
        let payload = &input.body[..len];
        if r.push(block, payload).is_ok() {
            assert_eq!(block.offset(), kept.len());
            kept.extend_from_slice(payload);
        }
        assert!(r.len() <= usize::from(input.capacity));
    }
    assert_eq!(r.data(), &kept[..]);

    let slicer = BlockSlicer::new(input.body).with_bert_payload(usize::from(input.bert_payload));
    for (num, szx, preferred) in input.requests {
        if let Some(s) = slicer.block(num, szx) {
            assert_eq!(
                &input.body[s.block.offset()..s.block.offset() + s.payload.len()],
                s.payload
            );
        }
        let request = BlockValue::new(num & 0xfffff, false, szx & 7);
        let _ = slicer.answer(request, preferred);
    }

    let szx = input.szx & 7;
    let mut out = vec![0u8; input.body.len()];
    let mut r = Reassembler::new(&mut out);
    let mut done = false;
    for s in slicer.blocks(szx) {
        if let Progress::Complete(n) = r.push(s.block, s.payload).expect("the slicer's blocks fit")
        {
            assert_eq!(n, input.body.len());
            done = true;
        }
    }
    assert!(done);
    assert_eq!(r.data(), input.body);
});
