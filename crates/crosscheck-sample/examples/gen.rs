//! Write a generated source/list pair and its ground truth:
//!
//! ```text
//! cargo run --release -p crosscheck-sample --example gen -- [--rows N] [--seed S] [--rate R] [--shifted LEN]
//!     [--malformed N] [--encoding utf-8|cp932|utf-16] [--no-variants] [--demo] [--out-dir DIR]
//!     [--xlsx | --xlsx-shared] [--keyless]
//! ```
//!
//! Writes DIR/source.csv, DIR/list.csv (the list in the chosen encoding; UTF-16 is written as
//! Excel's "Unicode text": BOM, little-endian, TAB-separated) and DIR/truth.json. `--xlsx` also
//! writes the same list rows as DIR/list.xlsx with inline strings; `--xlsx-shared` with a
//! shared-strings table, as Excel writes. Same rows, so the same truth.json holds for both.
//! `--keyless` writes the list (CSV and workbook alike) without its customer-ID column, as a
//! vendor's list comes, to be paired by e-mail, phone, name …; the source keeps its IDs, and
//! truth.json (`"keyless": true`) names unexpected rows by row number (see `SampleSpec::keyless`).

use crosscheck_sample::{demo, generate, SampleSpec, LIST_HEADER};
use rust_xlsxwriter::Workbook;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut spec = SampleSpec::default();
    let mut out_dir = PathBuf::from(".");
    let mut encoding = "utf-8".to_string();
    let mut use_demo = false;
    let mut xlsx = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--rows" => spec.rows = number(&value()?)?,
            "--seed" => spec.seed = number(&value()?)? as u64,
            "--rate" => spec.rate = value()?.parse().map_err(|_| "--rate takes a number such as 0.01".to_string())?,
            "--shifted" => spec.shifted_block = Some(number(&value()?)?),
            "--malformed" => spec.malformed = number(&value()?)?,
            "--encoding" => encoding = value()?,
            "--out-dir" => out_dir = PathBuf::from(value()?),
            "--demo" => use_demo = true,
            "--no-variants" => spec.variants = false,
            "--keyless" => spec.keyless = true,
            "--xlsx" => xlsx = Some(Strings::Inline),
            "--xlsx-shared" => xlsx = Some(Strings::Shared),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if encoding == "utf-16" {
        spec.delimiter = b'\t';
    }
    if use_demo && spec.keyless {
        // The demo is one fixed spec; saying nothing would write a keyed list.
        return Err("--keyless does not apply to --demo".into());
    }
    let sample = if use_demo { demo() } else { generate(&spec) };
    if let Some(strings) = xlsx {
        // Written first: the CSV below may be re-encoded, the workbook is always Unicode.
        std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
        let delimiter = if use_demo { b',' } else { spec.delimiter };
        write_xlsx(&sample.list, delimiter, strings, &out_dir.join("list.xlsx"))?;
    }
    let list = match encoding.as_str() {
        "utf-8" => sample.list,
        "cp932" => {
            let text = String::from_utf8(sample.list).map_err(|e| e.to_string())?;
            let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
            if unmappable {
                return Err("the sample has a character CP932 cannot hold".into());
            }
            bytes.into_owned()
        }
        "utf-16" => {
            let text = String::from_utf8(sample.list).map_err(|e| e.to_string())?;
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }
        other => return Err(format!("unknown encoding {other:?} (utf-8, cp932, utf-16)")),
    };
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("source.csv", &sample.source)?;
    write("list.csv", &list)?;
    let truth = serde_json::to_string_pretty(&sample.truth).map_err(|e| e.to_string())?;
    write("truth.json", truth.as_bytes())?;
    let also = if xlsx.is_some() { ", list.xlsx" } else { "" };
    println!("wrote {}/source.csv, list.csv{also}, truth.json", out_dir.display());
    Ok(())
}

fn number(text: &str) -> Result<usize, String> {
    text.replace('_', "").parse().map_err(|_| format!("{text:?} is not a whole number"))
}

#[derive(Clone, Copy)]
enum Strings {
    Inline,
    Shared,
}

/// The list CSV's rows as one worksheet: text as strings (IDs and phone numbers keep their
/// leading zeros), the two amount columns as numbers where the cell is a plain integer, as a
/// spreadsheet user's list has them. Rows are streamed to a temporary file as they are written
/// (rust_xlsxwriter's constant/low memory modes), so a million rows fit in a few hundred MB.
fn write_xlsx(csv: &[u8], delimiter: u8, strings: Strings, path: &std::path::Path) -> Result<(), String> {
    let err = |e: rust_xlsxwriter::XlsxError| format!("{}: {e}", path.display());
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(csv);
    let mut workbook = Workbook::new();
    let sheet = match strings {
        Strings::Inline => workbook.add_worksheet_with_constant_memory().map_err(err)?,
        Strings::Shared => workbook.add_worksheet_with_low_memory().map_err(err)?,
    };
    let numeric = [LIST_HEADER[7], LIST_HEADER[8]];
    let mut is_number = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| e.to_string())?;
        if row == 0 {
            is_number = record.iter().map(|h| numeric.contains(&h)).collect();
        }
        let row = u32::try_from(row).map_err(|_| "too many rows for a worksheet".to_string())?;
        for (col, cell) in record.iter().enumerate() {
            let number = (row > 0 && is_number.get(col) == Some(&true)).then(|| plain_integer(cell)).flatten();
            let col = col as u16;
            match number {
                Some(n) => sheet.write_number(row, col, n).map_err(err)?,
                None => sheet.write_string(row, col, cell).map_err(err)?,
            };
        }
    }
    workbook.save(path).map_err(err)
}

/// `1200` → 1200.0; anything else (`1,200`, `¥1200`, `007`, ``) stays text.
fn plain_integer(cell: &str) -> Option<f64> {
    let plain = !cell.is_empty() && cell.len() < 16 && cell.bytes().all(|b| b.is_ascii_digit());
    (plain && (cell == "0" || !cell.starts_with('0'))).then(|| cell.parse().ok()).flatten()
}
