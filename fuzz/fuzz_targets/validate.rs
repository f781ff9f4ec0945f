//! Validate: any schema JSON against any file gives a report whose rows add up, or an error —
//! never a panic, never an internal error.
#![no_main]
use crosscheck::{validate, ErrorKind, FileOptions, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Layout: schema JSON, 0xFF, file bytes (a missing part is empty).
    let mut parts = data.splitn(2, |&b| b == 0xFF);
    let (schema, file) = (parts.next().unwrap_or(&[]), parts.next().unwrap_or(&[]));
    let Ok(schema) = std::str::from_utf8(schema) else { return };
    match validate(Input::new("file.csv", file.to_vec()), schema, "schema.json", &FileOptions::default(), Some(5)) {
        Ok(r) => {
            let s = &r.validation.summary;
            assert_eq!(s.rows, s.valid_rows + s.invalid_rows + s.malformed_rows, "{s:?}");
        }
        Err(e) => assert_ne!(e.kind, ErrorKind::Internal, "{e}"),
    }
});
