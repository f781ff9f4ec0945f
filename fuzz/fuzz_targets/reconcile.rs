//! Reconcile: any two inputs and any options JSON give a report whose buckets add up, or an
//! error — never a panic, never an internal error.
#![no_main]
use crosscheck::{reconcile, ErrorKind, Input, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Layout: options JSON, 0xFF, source bytes, 0xFF, list bytes (missing parts are empty).
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let (options, source, list) = (parts.next().unwrap_or(&[]), parts.next().unwrap_or(&[]), parts.next().unwrap_or(&[]));
    let options = std::str::from_utf8(options).ok().and_then(|t| Options::from_json(t).ok()).unwrap_or_default();
    match reconcile(Input::new("source.csv", source.to_vec()), Input::new("list.csv", list.to_vec()), &options) {
        Ok(r) => {
            for b in [r.summary.source, r.summary.list] {
                assert!(b.adds_up(), "{b:?}");
            }
        }
        Err(e) => assert_ne!(e.kind, ErrorKind::Internal, "{e}"),
    }
});
