//! Workbooks: any bytes read as a workbook (the seeds are the LibreOffice fixtures, .xlsx, .xls
//! and .ods), under any sheet and header-row choice, give a table or an error — never a panic,
//! and never an allocation past the fuzzer's memory limit (what the guard bounds).
#![no_main]
use crosscheck::{inspect, FileOptions, Input, SheetChoice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (choice, bytes) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let sheet = match choice % 4 {
        0 => None,
        1 => Some(SheetChoice::Index(usize::from(choice / 4 % 4))),
        2 => Some(SheetChoice::Name("宛先".into())),
        _ => Some(SheetChoice::Name(String::new())),
    };
    let header_row = (choice >= 128).then_some(u64::from(choice % 8));
    let options = FileOptions { sheet, header_row, ..FileOptions::default() };
    if let Ok(i) = inspect(Input::new("fuzz.xlsx", bytes.to_vec()), &options) {
        assert!(i.input.rows >= i.malformed.len());
        assert!(i.input.sheet.is_none() || !i.input.sheets.is_empty());
    }
});
