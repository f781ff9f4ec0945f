//! Validate: any schema JSON against any file gives a report whose rows add up, and rows that
//! page through whole (every pick, pages past the end empty), or an error — never a panic,
//! never an internal error.
#![no_main]
use crosscheck::{validate_kept, ErrorKind, FileOptions, Input, Pick};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Layout: schema JSON, 0xFF, file bytes (a missing part is empty).
    let mut parts = data.splitn(2, |&b| b == 0xFF);
    let (schema, file) = (parts.next().unwrap_or(&[]), parts.next().unwrap_or(&[]));
    let Ok(schema) = std::str::from_utf8(schema) else { return };
    let input = Input::new("file.csv", file.to_vec());
    match validate_kept(input, schema, "schema.json", &FileOptions::default(), None, &mut |_| {}) {
        Ok(v) => {
            for pick in [Pick::All, Pick::Passed, Pick::Failed] {
                let mut seen = 0;
                while let page @ [_, ..] = &v.rows(pick, seen, 3)[..] {
                    seen += page.len();
                }
                assert_eq!(seen, v.count(pick), "{pick:?}");
                assert!(v.rows(pick, usize::MAX, 3).is_empty());
            }
            let r = v.into_report();
            let s = &r.validation.summary;
            assert_eq!(s.rows, s.valid_rows + s.invalid_rows + s.malformed_rows, "{s:?}");
        }
        Err(e) => assert_ne!(e.kind, ErrorKind::Internal, "{e}"),
    }
});
