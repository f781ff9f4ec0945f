//! Excel workbooks (.xlsx/.xlsm, .xls) and OpenDocument spreadsheets (.ods), read with calamine
//! once `guard` has bounded what they ask for: one sheet becomes a table, each typed cell the text a person sees in Excel — numbers without
//! float noise, date cells as YYYY-MM-DD whatever their display format (calamine reads the
//! number format, the CJK built-ins 27–36 and 50–58 included), both date systems.

use super::table::{column_letters, Table};
use crate::error::{Error, ErrorKind, Result};
use crate::options::SheetChoice;
use calamine::{open_workbook_auto_from_rs, Data, DataRef, Reader, Sheets};
use guard::MAX_CELLS;
use std::cell::{Cell, RefCell};
use std::io::{Cursor, Read, Seek, SeekFrom};
use text::cell_text;

mod guard;
mod text;

/// A workbook is known by its bytes, never by its name: a ZIP (.xlsx, .ods) or an OLE2 (.xls)
/// signature.
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(guard::ZIP) || bytes.starts_with(guard::OLE2)
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
                .hint(guard::SAVE_AGAIN))
        })
}

fn read_sheet(
    bytes: Vec<u8>,
    file: &str,
    choice: Option<&SheetChoice>,
    header_row: Option<u64>,
    progress: &mut dyn FnMut(f64),
) -> Result<Sheet> {
    let packed = guard::check(&bytes, file)?;
    // calamine reads an .xlsx's shared strings whole when it opens it (4 s of a 1M-row list in
    // the page, with no word): the bytes it reads meanwhile are counted for the bar, which gives
    // opening the share of the bytes read whole among all it will read.
    let progress = RefCell::new(progress);
    let tell = |f: f64| (progress.borrow_mut())(f);
    let all = packed.whole.saturating_add(packed.sheets).max(1);
    let opening = READING * packed.whole as f64 / all as f64;
    let read = Cell::new(0u64);
    let heard = |n: u64| {
        if packed.whole > 0 {
            tell(opening * (n as f64 / packed.whole as f64).min(1.0));
        }
    };
    let watched = Watched { bytes: Cursor::new(bytes.as_slice()), read: &read, heard: &heard };
    let mut book = open_workbook_auto_from_rs(watched).map_err(|e| {
        Error::new(ErrorKind::Parse, format!("the workbook cannot be read ({e})")).in_file(file).hint(guard::SAVE_AGAIN)
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
                let (mut seen, mut far) = (0usize, (0u64, 0u64));
                while let Some(cell) = reader.next_cell().map_err(|e| cant(&e))? {
                    seen += 1;
                    // Bounded as it goes: a sheet whose XML lies about its size would otherwise
                    // fill memory before the span could be checked.
                    let (r, c) = cell.get_position();
                    far = (far.0.max(u64::from(r) + 1), far.1.max(u64::from(c) + 1));
                    if far.0.saturating_mul(far.1) > MAX_CELLS || seen as u64 > 4 * MAX_CELLS {
                        let corner = cell_name(far.0 - 1, far.1 - 1);
                        return Err(guard::too_many_cells(file, name, &format!("A1:{corner}")));
                    }
                    if seen.is_multiple_of(CELLS_PER_REPORT) {
                        tell(opening + (READING - opening) * share(cell.get_position().0, seen).min(1.0));
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
        tell(READING);
        rows_of(cells, file, name, &|f| tell(READING + PLACING * f))
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
    let built = READING + PLACING;
    let mut table = Table::from_rows(&shown, rows, header_row, &mut |f| tell(built + (1.0 - built) * f))?;
    table.sheet = Some(name.clone());
    Ok(Sheet { table, name, names, format })
}

/// The workbook's bytes as calamine reads them, counted (every clone alike: calamine tries each
/// format on a clone) and told every `BYTES_PER_REPORT`. Borrowed, not owned: a clone of the
/// bytes themselves would copy the file for each format tried.
#[derive(Clone)]
struct Watched<'a> {
    bytes: Cursor<&'a [u8]>,
    read: &'a Cell<u64>,
    heard: &'a dyn Fn(u64),
}

/// Packed bytes between two progress reports while a workbook opens: about 50 ms of inflating
/// and parsing its shared strings in the browser.
const BYTES_PER_REPORT: u64 = 1 << 18;

impl Read for Watched<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.bytes.read(buf)?;
        let (before, now) = (self.read.get(), self.read.get() + n as u64);
        self.read.set(now);
        if now / BYTES_PER_REPORT != before / BYTES_PER_REPORT {
            (self.heard)(now);
        }
        Ok(n)
    }
}

impl Seek for Watched<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.bytes.seek(to)
    }
}

/// Cells between two progress reports: about 30 ms of reading in the browser.
const CELLS_PER_REPORT: usize = 1 << 15;
/// The share of a sheet's reading spent on its cells (unzipping and parsing the XML); placing
/// them in rows and building the table from those is the rest.
const READING: f64 = 0.85;
/// The share spent placing the cells in rows.
const PLACING: f64 = 0.05;

/// The filled cells as rows from A1, each row as long as its last filled cell; empty rows left
/// out (the table counts them as blank only between filled ones).
/// `tell` hears the share of the cells placed (a million rows: 0.7 s natively, once silent).
fn rows_of(
    mut cells: Vec<((u32, u32), String)>,
    file: &str,
    sheet: &str,
    tell: &dyn Fn(f64),
) -> Result<Vec<(u64, Vec<String>)>> {
    let rows = cells.iter().map(|((r, _), _)| u64::from(*r) + 1).max().unwrap_or(0);
    let cols = cells.iter().map(|((_, c), _)| u64::from(*c) + 1).max().unwrap_or(0);
    if rows.saturating_mul(cols) > MAX_CELLS {
        let corner = cell_name(rows - 1, cols - 1);
        return Err(guard::too_many_cells(file, sheet, &format!("A1:{corner}")));
    }
    // A sheet's cells come in order; a file written otherwise is sorted.
    if !cells.is_sorted_by_key(|(at, _)| *at) {
        cells.sort_unstable_by_key(|(at, _)| *at);
    }
    let mut out: Vec<(u64, Vec<String>)> = Vec::new();
    let count = cells.len().max(1) as f64;
    // Each row made as wide as the sheet at once, not grown cell by cell.
    let width = usize::try_from(cols).unwrap_or(0);
    for (i, ((r, c), text)) in cells.into_iter().enumerate() {
        if i % (CELLS_PER_REPORT * 8) == CELLS_PER_REPORT * 8 - 1 {
            tell(i as f64 / count);
        }
        let line = u64::from(r) + 1;
        if out.last().map(|(l, _)| *l) != Some(line) {
            out.push((line, Vec::with_capacity(width)));
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

#[cfg(test)]
mod tests {
    use super::*;

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
