//! Excel workbooks (.xlsx/.xlsm) and OpenDocument spreadsheets (.ods), read with calamine (.xls
//! is recognised and refused for now, see `read_sheet`):
//! one sheet becomes a table, each typed cell the text a person sees in Excel — numbers without
//! float noise, date cells as YYYY-MM-DD whatever their display format (calamine reads the
//! number format, the CJK built-ins 27–36 and 50–58 included), both date systems.

use super::table::{column_letters, Table};
use crate::error::{Error, ErrorKind, Result};
use crate::options::SheetChoice;
use calamine::{open_workbook_auto_from_rs, Data, DataRef, Reader, Sheets};
use std::io::Cursor;

/// A workbook is known by its bytes, never by its name: a ZIP (.xlsx, .ods) or an OLE2 (.xls)
/// signature.
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// One sheet of a workbook, read.
pub(crate) struct Sheet {
    pub table: Table,
    /// The sheet's name, as the workbook has it.
    pub name: String,
    /// Every sheet's name, in the workbook's order (for a front end to offer).
    pub names: Vec<String>,
    /// `xlsx`, `xls`, `xlsb` or `ods`: reported where a text file reports its encoding.
    pub format: &'static str,
}

/// Read the sheet `choice` names, or else the first sheet that holds a table.
///
/// calamine can panic on a damaged file (an assertion in its .xls reader, found by the damage
/// test): natively that panic becomes an error here. In WebAssembly a panic aborts; the page's
/// worker then starts a fresh engine and says the file could not be read.
///
/// `progress` hears the share read, never going back (a 説明 sheet tried first is soon done).
pub(crate) fn read(
    bytes: Vec<u8>,
    file: &str,
    choice: Option<&SheetChoice>,
    header_row: Option<u64>,
    progress: &mut dyn FnMut(f64),
) -> Result<Sheet> {
    let mut high = 0.0f64;
    let mut forward = |f: f64| {
        if f > high {
            high = f;
            progress(f);
        }
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheet(bytes, file, choice, header_row, &mut forward)))
        .unwrap_or_else(|_| {
            Err(Error::new(ErrorKind::Parse, "the workbook is damaged: it cannot be read")
                .in_file(file)
                .hint("open it in Excel and save it again, or save the sheet as CSV UTF-8"))
        })
}

fn read_sheet(
    bytes: Vec<u8>,
    file: &str,
    choice: Option<&SheetChoice>,
    header_row: Option<u64>,
    progress: &mut dyn FnMut(f64),
) -> Result<Sheet> {
    // calamine reads every sheet of an .xls when it opens it, each as wide and tall as its
    // farthest cell: a damaged 9 KB .xls asked for 35 GB (the damage test), which no error can
    // catch. Until that can be bounded, .xls is refused with what to do.
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(Error::new(ErrorKind::Parse, "Excel 97-2003 workbooks (.xls) are not read yet")
            .in_file(file)
            .hint("save it in Excel as an Excel Workbook (.xlsx) or as CSV UTF-8"));
    }
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::new(ErrorKind::Parse, format!("the workbook cannot be read ({e})"))
            .in_file(file)
            .hint("open it in Excel and save it again, or save the sheet as CSV UTF-8")
    })?;
    let format = match &book {
        Sheets::Xlsx(_) => "xlsx",
        Sheets::Xls(_) => "xls",
        Sheets::Xlsb(_) => "xlsb",
        Sheets::Ods(_) => "ods",
    };
    let names = book.sheet_names();
    let mut sheet = |name: &str| -> Result<Vec<(u64, Vec<String>)>> {
        let cant = |e: &dyn std::fmt::Display| {
            Error::new(ErrorKind::Parse, format!("sheet \"{name}\" cannot be read ({e})")).in_file(file)
        };
        let mut cells: Vec<((u32, u32), String)> = Vec::new();
        match &mut book {
            // Cell by cell: calamine's own range is allocated as wide and tall as the farthest
            // cell (a damaged or odd file: gigabytes) before anything could be checked.
            Sheets::Xlsx(x) => {
                let mut reader = x.worksheet_cells_reader(name).map_err(|e| cant(&e))?;
                // The sheet's stated size (its <dimension>) tells how far the cells are; without
                // one the bar still moves, ever slower.
                let tall = f64::from(reader.dimensions().end.0) + 1.0;
                let share = |row: u32, seen: usize| {
                    if tall > 1.0 {
                        (f64::from(row) + 1.0) / tall
                    } else {
                        seen as f64 / (seen as f64 + CELLS_PER_REPORT as f64 * 32.0)
                    }
                };
                let mut seen = 0usize;
                while let Some(cell) = reader.next_cell().map_err(|e| cant(&e))? {
                    seen += 1;
                    if seen.is_multiple_of(CELLS_PER_REPORT) {
                        progress(READING * share(cell.get_position().0, seen).min(1.0));
                    }
                    // Shared strings (most text cells) are borrowed: one copy, not two.
                    let text = match cell.get_value() {
                        DataRef::SharedString(text) => text.to_string(),
                        DataRef::String(text) => text.clone(),
                        other => cell_text(&Data::from(other.clone())),
                    };
                    if !text.is_empty() {
                        cells.push((cell.get_position(), text));
                    }
                }
            }
            other => {
                let range = other.worksheet_range(name).map_err(|e| cant(&e))?;
                let (top, left) = range.start().unwrap_or((0, 0));
                for (r, row) in range.rows().enumerate() {
                    for (c, value) in row.iter().enumerate() {
                        let text = cell_text(value);
                        if !text.is_empty() {
                            cells.push(((top + r as u32, left + c as u32), text));
                        }
                    }
                }
            }
        }
        progress(READING);
        rows_of(cells, file, name)
    };
    let (name, rows) = match choice {
        Some(choice) => {
            let name = match choice {
                SheetChoice::Index(i) => names.get(i.wrapping_sub(1)).cloned(),
                SheetChoice::Name(n) => names.iter().find(|s| *s == n).cloned(),
            }
            .ok_or_else(|| {
                Error::options(format!("the workbook has no sheet {choice}"))
                    .in_file(file)
                    .hint(format!("its sheets: {}", quoted(&names)))
            })?;
            let rows = sheet(&name)?;
            (name, rows)
        }
        None => {
            let mut found = None;
            for name in &names {
                let rows = sheet(name)?;
                if holds_a_table(&rows) {
                    found = Some((name.clone(), rows));
                    break;
                }
            }
            found.ok_or_else(|| {
                Error::new(ErrorKind::Parse, "no sheet of the workbook holds a table")
                    .in_file(file)
                    .hint(format!("its sheets: {}; choose one with the sheet option", quoted(&names)))
            })?
        }
    };
    let shown = format!("{file} [{name}]");
    let mut table = Table::from_rows(&shown, rows, header_row, &mut |f| progress(READING + (1.0 - READING) * f))?;
    table.sheet = Some(name.clone());
    Ok(Sheet { table, name, names, format })
}

/// Cells between two progress reports: about 30 ms of reading in the browser.
const CELLS_PER_REPORT: usize = 1 << 15;
/// The share of a sheet's reading spent on its cells (unzipping and parsing the XML); building
/// the table from them is the rest.
const READING: f64 = 0.85;

/// Cells a table may span (rows × columns from A1 to its farthest filled cell): 20 million,
/// a million rows of 20 columns; a sheet wider and taller than that is refused, not allocated.
const MAX_CELLS: u64 = 20_000_000;

/// The filled cells as rows from A1, each row as long as its last filled cell; empty rows left
/// out (the table counts them as blank only between filled ones).
fn rows_of(mut cells: Vec<((u32, u32), String)>, file: &str, sheet: &str) -> Result<Vec<(u64, Vec<String>)>> {
    let rows = cells.iter().map(|((r, _), _)| u64::from(*r) + 1).max().unwrap_or(0);
    let cols = cells.iter().map(|((_, c), _)| u64::from(*c) + 1).max().unwrap_or(0);
    if rows.saturating_mul(cols) > MAX_CELLS {
        let corner = cell_name(rows - 1, cols - 1);
        return Err(Error::new(
            ErrorKind::Parse,
            format!("sheet \"{sheet}\" spans A1:{corner}, too large to read ({} filled cells)", cells.len()),
        )
        .in_file(file)
        .hint("delete the rows and columns past the table in Excel, or save the sheet as CSV UTF-8"));
    }
    // A sheet's cells come in order; a file written otherwise is sorted.
    if !cells.is_sorted_by_key(|(at, _)| *at) {
        cells.sort_unstable_by_key(|(at, _)| *at);
    }
    let mut out: Vec<(u64, Vec<String>)> = Vec::new();
    for ((r, c), text) in cells {
        let line = u64::from(r) + 1;
        if out.last().map(|(l, _)| *l) != Some(line) {
            out.push((line, Vec::new()));
        }
        if let Some((_, row)) = out.last_mut() {
            row.resize(c as usize, String::new());
            row.push(text);
        }
    }
    // Every row as wide as the widest: a cell past the header's last is a column of its own
    // (named column_N), never dropped.
    let width = out.iter().map(|(_, row)| row.len()).max().unwrap_or(0);
    for (_, row) in &mut out {
        row.resize(width, String::new());
    }
    Ok(out)
}

/// A cell's name as Excel shows it: row and column from 0 → `D105`.
pub(crate) fn cell_name(row: u64, col: u64) -> String {
    format!("{}{}", column_letters(usize::try_from(col).unwrap_or(usize::MAX)), row + 1)
}

/// A table, not a sheet of notes (a 説明 sheet before the data): at least two rows with two or
/// more filled cells.
fn holds_a_table(rows: &[(u64, Vec<String>)]) -> bool {
    rows.iter().filter(|(_, cells)| cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2).count() >= 2
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
}

/// A typed cell as Excel shows it.
pub(crate) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number_text(*x),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_duration() => duration_text(d.as_f64()),
        Data::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            let (date, time) = (format!("{y:04}-{m:02}-{day:02}"), format!("{h:02}:{min:02}:{s:02}"));
            if d.as_f64() < 1.0 {
                time
            } else if (h, min, s) == (0, 0, 0) {
                date
            } else {
                format!("{date} {time}")
            }
        }
        // OpenDocument's dates and times: 2024-04-01, 2024-04-01T09:30:00, PT09H30M00S.
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).replacen('T', " ", 1),
        Data::DurationIso(s) => iso_duration_text(s).unwrap_or_else(|| s.clone()),
        Data::Error(e) => e.to_string(),
    }
}

/// A number as Excel shows it: whole numbers exactly (a 13-digit JAN code stays whole), others
/// to 12 significant digits, as a General cell shows them — so float noise (1200.0000000002,
/// 0.30000000000000004) goes and 12.5 stays.
fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let significant = |x: f64, digits: usize| -> f64 { format!("{x:.*e}", digits - 1).parse().unwrap_or(x) };
    let whole = |x: f64| x == x.trunc() && x.abs() < 1e15;
    let exact = significant(x, 15);
    if whole(exact) {
        return format!("{}", exact as i64);
    }
    let shown = significant(x, 12);
    if whole(shown) {
        format!("{}", shown as i64)
    } else {
        format!("{shown}")
    }
}

/// A duration (a time cell past 24 h, `[h]:mm:ss`) in hours, minutes and seconds.
fn duration_text(days: f64) -> String {
    let secs = (days * 86_400.0).round() as i64;
    format!("{}:{:02}:{:02}", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// PT09H30M00S → 09:30:00.
fn iso_duration_text(s: &str) -> Option<String> {
    let rest = s.strip_prefix("PT")?;
    let (h, rest) = rest.split_once('H')?;
    let (m, rest) = rest.split_once('M')?;
    let sec = rest.strip_suffix('S')?;
    let sec: f64 = sec.parse().ok()?;
    Some(format!("{:02}:{:02}:{:02}", h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, sec.round() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_without_float_noise() {
        let cases = [
            (1200.0000000002, "1200"),
            (12.5, "12.5"),
            (0.1 + 0.2, "0.3"),
            (-3.0, "-3"),
            (1e20, "100000000000000000000"),
        ];
        for (x, text) in cases {
            assert_eq!(number_text(x), text, "{x}");
        }
        assert_eq!(number_text(1234567.891), "1234567.891");
        assert_eq!(number_text(4901234567894.0), "4901234567894");
    }

    #[test]
    fn dates_in_both_systems_and_times() {
        let date = |v, is_1904| cell_text(&Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, is_1904)));
        // 2024-04-01 is serial 45383 in the 1900 system, 43921 in the 1904 one.
        assert_eq!(date(45383.0, false), "2024-04-01");
        assert_eq!(date(43921.0, true), "2024-04-01");
        assert_eq!(date(45383.5, false), "2024-04-01 12:00:00");
        assert_eq!(date(0.395833333333333, false), "09:30:00");
        assert_eq!(cell_text(&Data::DateTimeIso("2024-04-01T00:00:00".into())), "2024-04-01");
        assert_eq!(cell_text(&Data::DurationIso("PT09H30M00S".into())), "09:30:00");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(cell_text(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        let cases =
            [((0, 0), "A1"), ((104, 3), "D105"), ((0, 25), "Z1"), ((0, 26), "AA1"), ((1048575, 16383), "XFD1048576")];
        for ((row, col), name) in cases {
            assert_eq!(cell_name(row, col), name);
        }
    }

    #[test]
    fn a_zip_that_is_no_workbook_is_an_error_naming_the_file() {
        let e =
            read(b"PK\x03\x04not really".to_vec(), "list.xlsx", None, None, &mut |_| {}).err().map(|e| e.to_string());
        assert!(e.as_deref().is_some_and(|e| e.starts_with("list.xlsx: the workbook cannot be read")), "{e:?}");
    }
}
