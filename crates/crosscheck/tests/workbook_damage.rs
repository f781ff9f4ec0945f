//! Damaged workbooks (bytes flipped, cut short) are errors or tables, never a panic or an
//! allocation past memory: either kills the page's engine. (.xls is refused before calamine.)

#[path = "../../../tests/common/mod.rs"]
mod common;

use crosscheck::{inspect, FileOptions, Input};

#[test]
fn damaged_workbooks_never_panic() {
    let mut rng = fastrand::Rng::with_seed(16);
    let mut tried = 0;
    for name in ["wb_list.xlsx", "wb_list.ods", "wb_1904.xlsx", "wb_formatted.xlsx", "wb_source.ods", "wb_list.xls"] {
        let good = std::fs::read(common::fixture_path(name)).unwrap_or_default();
        for round in 0..400 {
            let mut bytes = good.clone();
            if round % 3 == 0 {
                bytes.truncate(rng.usize(8..good.len().max(9)));
            } else {
                for _ in 0..rng.usize(1..6) {
                    let at = rng.usize(8..bytes.len().max(9)).min(bytes.len() - 1);
                    bytes[at] = rng.u8(..);
                }
            }
            let outcome = std::panic::catch_unwind(|| {
                inspect(Input::new(name, bytes.clone()), &FileOptions::default()).map(|_| ()).map_err(|e| e.to_string())
            });
            assert!(outcome.is_ok(), "{name}, round {round}: calamine panicked");
            tried += 1;
        }
    }
    assert_eq!(tried, 2400);
}
