//! Damaged workbooks (bytes flipped, cut short) are errors or tables, never a panic or an
//! allocation past memory: either kills the page's engine. Bombs, lying sizes and far-reaching
//! sheets are refused before calamine lays them out.

#[path = "../../../tests/common/mod.rs"]
mod common;

use crosscheck::{inspect, FileOptions, Input};
use std::sync::atomic::{AtomicUsize, Ordering};

static PANICS: AtomicUsize = AtomicUsize::new(0);

#[test]
fn damaged_workbooks_never_panic() {
    let shown = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        shown(info);
    }));
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
            // The reader catches a panic natively, but in WebAssembly a panic aborts: count them.
            let before = PANICS.load(Ordering::SeqCst);
            let _ = inspect(Input::new(name, bytes.clone()), &FileOptions::default());
            assert_eq!(PANICS.load(Ordering::SeqCst), before, "{name}, round {round}: calamine panicked");
            tried += 1;
        }
    }
    assert_eq!(tried, 2400);
}

#[path = "../../../tests/common/xlsx.rs"]
#[allow(dead_code)]
mod xlsx;

/// `zip` with the entry `name`'s declared unpacked size set to `size`, in its local header and
/// in the central directory, as a hostile or damaged file could say.
fn declare(mut zip: Vec<u8>, name: &str, size: u32) -> Vec<u8> {
    let mut at = 0;
    while let Some(i) = zip[at..].windows(4).position(|w| w == b"PK\x03\x04" || w == b"PK\x01\x02").map(|i| i + at) {
        let central = zip[i + 2] == 1;
        let (size_at, len_at, name_at) = if central { (24, 28, 46) } else { (22, 26, 30) };
        let len = usize::from(u16::from_le_bytes([zip[i + len_at], zip[i + len_at + 1]]));
        if zip.get(i + name_at..i + name_at + len) == Some(name.as_bytes()) {
            zip[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
        }
        at = i + 4;
    }
    zip
}

fn error(name: &str, bytes: Vec<u8>) -> String {
    match inspect(Input::new(name, bytes), &FileOptions::default()) {
        Ok(_) => panic!("{name} was read"),
        Err(e) => e.to_string(),
    }
}

fn small_book() -> Vec<u8> {
    use xlsx::Cell::Text;
    let rows = (0..50).map(|i| vec![Text(format!("{i:05}")), Text("名前".repeat(20))]).collect();
    xlsx::workbook(&[("宛先", rows)], false)
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    // Declared: the styles would unpack to 3 GB. Lying: the styles say 10 bytes, unpack to more.
    let e = error("bomb.xlsx", declare(small_book(), "xl/styles.xml", 3_000_000_000));
    assert!(e.starts_with("bomb.xlsx: the workbook unpacks to more than 2862 MB from 1 MB (xl/styles.xml)"), "{e}");
    assert!(e.contains("zip bomb"), "{e}");
    let e = error("bomb.xlsx", declare(small_book(), "xl/styles.xml", 10));
    assert!(e.starts_with("bomb.xlsx: the workbook cannot be read"), "{e}");
    // Its sheets together past 4 GB, each streamed under the cell bound.
    let e = error("bomb.xlsx", declare(small_book(), "xl/worksheets/sheet1.xml", u32::MAX));
    assert!(e.contains("(xl/worksheets/sheet1.xml): too large to read"), "{e}");
    assert!(inspect(Input::new("fine.xlsx", small_book()), &FileOptions::default()).is_ok());
}

#[test]
fn an_ods_whose_repeats_span_billions_of_cells_is_refused() {
    // One filled cell repeated across 16,384 columns and a million rows: calamine would lay out
    // 17 billion cells.
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="宛先"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content)] {
        zip.start_file(name, stored).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    let e = error("repeats.ods", zip.finish().unwrap().into_inner());
    assert!(e.starts_with("repeats.ods: sheet \"宛先\" spans 17179869184 cells, too large to read"), "{e}");
    // The LibreOffice fixtures, which repeat their empty rows to the sheet's end, read.
    assert!(inspect(common::fixture("wb_list.ods"), &FileOptions::default()).is_ok());
}

#[test]
fn an_xls_whose_dimensions_ask_for_billions_of_cells_is_refused() {
    // wb_list.xls with a sheet's DIMENSIONS (BIFF8: rows as u32) saying 2 billion rows: calamine
    // would reserve them before reading a cell.
    let mut bytes = std::fs::read(common::fixture_path("wb_list.xls")).unwrap();
    let at = bytes.windows(4).position(|w| w == [0x00, 0x02, 0x0E, 0x00]).expect("a DIMENSIONS record") + 4;
    bytes[at + 4..at + 8].copy_from_slice(&0x7FFF_FFFFu32.to_le_bytes());
    let e = error("wb_list.xls", bytes);
    assert!(e.starts_with("wb_list.xls: sheet \""), "{e}");
    assert!(e.contains("cells, too large to read"), "{e}");
}

#[test]
fn a_password_protected_workbook_says_so() {
    // Excel saves an .xlsx with a password as an OLE2 container of an encrypted package.
    let mut container = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for stream in ["/EncryptionInfo", "/EncryptedPackage"] {
        std::io::Write::write_all(&mut container.create_stream(stream).unwrap(), &[0; 600]).unwrap();
    }
    let bytes = container.into_inner().into_inner();
    let e = error("secret.xlsx", bytes);
    assert!(e.starts_with("secret.xlsx: the workbook is password-protected"), "{e}");
    assert!(e.contains("remove the password"), "{e}");
}
