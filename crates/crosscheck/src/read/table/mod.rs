//! Decoded text → a compact table: the storage and how cells are read back.
//!
//! `build` makes a table from CSV text (records split by `records`) or from a sheet's rows, with
//! the header found and the lines that are not rows set aside (`layout`); `cells` names cells as
//! Excel does; `delimiter` sniffs and names delimiters.
//!
//! Cells are read where they stand in the decoded text, found by 16-bit offsets from their row's
//! start: at a million rows × 10 columns that is a few allocations instead of ten million
//! `String`s, and the reconcile loop reads cells by index.

mod build;
mod cells;
mod delimiter;

pub(crate) use cells::column_letters;
pub use delimiter::{delimiter_label, parse_delimiter, DELIMITERS};

use super::layout::Skipped;
use crate::error::{Error, ErrorKind};
/// A header cell that had to be renamed to keep column names unique and non-empty.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Renamed {
    /// 1-based column position.
    pub column: usize,
    pub from: String,
    pub to: String,
}

/// A record that could not be read as a row of this table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub row: u64,
    pub line: u64,
    pub fields: usize,
    pub expected: usize,
}

impl Malformed {
    pub fn message(&self) -> String {
        format!("{} fields, header has {}", self.fields, self.expected)
    }
}

/// Where a readable record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1 = first data record (header not counted, blank records skipped).
    pub row: u64,
    /// Physical line where the record starts (header = line 1 when it is the first line).
    pub line: u64,
}

/// One file read as a table.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file's name as the user knows it; used in findings and errors.
    pub name: String,
    pub delimiter: u8,
    /// Column names, unique and non-empty.
    pub header: Vec<String>,
    pub renamed: Vec<Renamed>,
    /// Records with the wrong number of fields, left out of the table.
    pub malformed: Vec<Malformed>,
    /// Records whose fields are all empty (e.g. Excel's trailing `,,,,` lines), skipped.
    pub blank_records: usize,
    /// The header's line (a workbook: its row on the sheet).
    pub header_line: u64,
    /// Lines that are not rows of the table: above the header, totals rows, notes after it.
    pub skipped: Vec<Skipped>,
    /// Whether a cell may hold an Excel error value (a `#` or an `Err:` in the text), noted while
    /// building, so that most tables are never looked at cell by cell for them.
    pub(crate) may_hold_errors: bool,
    /// A workbook's sheet, for naming cells as Excel does.
    pub sheet: Option<String>,
    /// Each readable row's place, as (row, line) in 32 bits each (half of `Place`'s size: a
    /// million-row file holds 8 MB less); texts under 2 GiB have fewer lines than that.
    places: Vec<(u32, u32)>,
    /// (line, rows less): from that line on, Excel's row is the line less this (quoted cells
    /// with newlines above); empty for nearly every file.
    spread: Vec<(u32, u32)>,
    /// The decoded file itself: most cells are read where they stand, never copied.
    text: String,
    /// Cells that differ from their bytes in the file (quoted fields, with `""` made `"`).
    extra: String,
    /// Where the cells are, a row after another: the row's start in `text` (or in `extra`, with
    /// the EXTRA bit), then each cell's start and end from there, 16 bits each: 44 bytes a row of
    /// ten where absolute spans took 80 (a million-row file: 44 MB instead of 80). A row longer
    /// than 64 KiB has WIDE for every cell and the index of its first span in `wide` instead.
    cells: Vec<u32>,
    /// Absolute spans of the rows too long for 16-bit offsets (as good as never).
    wide: Vec<(u32, u32)>,
}

/// Marks a span in `extra`; files over 2 GiB are refused anyway (no browser could hold them).
const EXTRA: u32 = 1 << 31;
/// A cell of a row whose spans are in `Table::wide`.
const WIDE: u32 = u32::MAX;

impl Table {
    /// Number of readable rows (malformed ones excluded).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Readable plus malformed records: every data record of the file.
    pub fn records(&self) -> usize {
        self.places.len() + self.malformed.len()
    }

    pub fn width(&self) -> usize {
        self.header.len()
    }

    /// The cell at readable row `row` (0-based index, not the report's row number), column `col`.
    /// Out of range gives "" rather than a panic.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        match self.span(row, col) {
            Some((a, b)) if a & EXTRA != 0 => self.extra.get((a & !EXTRA) as usize..(b & !EXTRA) as usize),
            Some((a, b)) => self.text.get(a as usize..b as usize),
            None => None,
        }
        .unwrap_or("")
    }

    /// The cell's bytes, for comparing without the char-boundary checks of `cell`.
    pub fn cell_bytes(&self, row: usize, col: usize) -> &[u8] {
        match self.span(row, col) {
            Some((a, b)) if a & EXTRA != 0 => self.extra.as_bytes().get((a & !EXTRA) as usize..(b & !EXTRA) as usize),
            Some((a, b)) => self.text.as_bytes().get(a as usize..b as usize),
            None => None,
        }
        .unwrap_or(&[])
    }

    fn span(&self, row: usize, col: usize) -> Option<(u32, u32)> {
        let w = self.header.len();
        if col >= w {
            return None;
        }
        let at = row * (w + 1);
        let (start, cell) = (*self.cells.get(at)?, *self.cells.get(at + 1 + col)?);
        if cell == WIDE {
            return self.wide.get(start as usize + col).copied();
        }
        let (base, bit) = (start & !EXTRA, start & EXTRA);
        Some(((base + (cell >> 16)) | bit, (base + (cell & 0xFFFF)) | bit))
    }

    /// Reads a byte from each cache line of row `row`'s text (through its first and last cell's
    /// spans, which reads its cell offsets too) and returns their sum, meaningless: a loop of
    /// these over rows at random places keeps many loads from memory in flight at once, so that
    /// the work that follows finds the rows in cache.
    pub fn touch(&self, row: usize) -> u32 {
        let last = self.width().saturating_sub(1);
        let (Some((a, _)), Some((_, b))) = (self.span(row, 0), self.span(row, last)) else { return 0 };
        let bytes = if a & EXTRA != 0 { self.extra.as_bytes() } else { self.text.as_bytes() };
        let (from, to) = ((a & !EXTRA) as usize, (b & !EXTRA) as usize);
        let byte = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0));
        let (mut sum, mut i) = (0u32, from);
        while i < to {
            sum = sum.wrapping_add(byte(i));
            i += 64;
        }
        sum.wrapping_add(byte(to.saturating_sub(1)))
    }

    pub fn place(&self, row: usize) -> Place {
        self.places
            .get(row)
            .map_or(Place { row: 0, line: 0 }, |&(row, line)| Place { row: row.into(), line: line.into() })
    }

    /// The readable row that the report numbers `row` (1 = first data record), if there is one;
    /// malformed rows are not kept.
    pub fn index_of_row(&self, row: u64) -> Option<usize> {
        let row = u32::try_from(row).ok()?;
        self.places.binary_search_by_key(&row, |p| p.0).ok()
    }

    /// The cells of readable row `r` (0-based), in header order.
    pub fn row_cells(&self, r: usize) -> Vec<String> {
        (0..self.width()).map(|c| self.cell(r, c).to_string()).collect()
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// One row's absolute spans (all in `text`, or all in `extra`) into `cells`, or into `wide` when
/// an offset from the row's start does not fit in 16 bits.
fn push_row(cells: &mut Vec<u32>, wide: &mut Vec<(u32, u32)>, spans: &[(u32, u32)]) {
    let start = spans.first().map_or(0, |s| s.0);
    let base = start & !EXTRA;
    // Wrapping: a span before the row's start (there is none) would go to `wide`, not panic.
    let offset = |x: u32| (x & !EXTRA).wrapping_sub(base);
    if spans.iter().all(|&(a, b)| offset(a) <= offset(b) && offset(b) < 0xFFFF) {
        cells.push(start);
        cells.extend(spans.iter().map(|&(a, b)| offset(a) << 16 | offset(b)));
    } else {
        cells.push(wide.len() as u32);
        cells.extend(spans.iter().map(|_| WIDE));
        wide.extend_from_slice(spans);
    }
}
/// Byte equality for short values such as cells. The slice `==` calls `memcmp`, which in
/// WebAssembly is a loop over single bytes; this compares eight bytes at a time (the compare
/// pass over a million pairs is about a tenth faster in the browser; natively no different).
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        if u64::from_ne_bytes(eight(p)) != u64::from_ne_bytes(eight(q)) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

#[inline]
fn eight(chunk: &[u8]) -> [u8; 8] {
    let mut out = [0; 8];
    out.copy_from_slice(chunk.get(..8).unwrap_or(&[0; 8]));
    out
}

fn too_big(name: &str) -> Error {
    // Cells are placed by 31-bit offsets (the top bit is EXTRA): the limit is 2 GiB.
    let limit = (EXTRA as u64) >> 30;
    Error::new(ErrorKind::Parse, format!("the file holds {limit} GiB of text or more"))
        .in_file(name)
        .hint("split the file")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::TestResult;

    #[test]
    fn rows_longer_than_16_bit_offsets_read_whole() -> TestResult {
        // A long cell in the text, and one in quotes with doubled quotes (read into `extra`),
        // each between ordinary rows: every cell reads back as written.
        let long = "x".repeat(70_000);
        let quoted = format!("\"a\"\"{long}\"");
        let text = format!("a,b,c\n1,2,3\n{long},mid,end\n4,5,6\nq,{quoted},z\n7,8,9\n");
        let t = Table::parse("t.csv", &text, None)?;
        let rows: Vec<Vec<String>> = (0..t.len()).map(|r| t.row_cells(r)).collect();
        let unquoted = format!("a\"{long}");
        let want = [
            ["1", "2", "3"],
            [long.as_str(), "mid", "end"],
            ["4", "5", "6"],
            ["q", unquoted.as_str(), "z"],
            ["7", "8", "9"],
        ];
        assert_eq!(rows, want.map(|r| r.map(str::to_string).to_vec()));
        assert_eq!(t.wide.len(), 6, "both long rows are kept with absolute spans");
        assert_eq!(t.cell(1, 3), "", "out of range");
        // Reading a row ahead touches its first and last byte ("1,2,3": '1' and '3'), and any
        // row, long, quoted or past the end, is no panic.
        assert_eq!(t.touch(0), u32::from(b'1') + u32::from(b'3'));
        for r in 0..=t.len() {
            std::hint::black_box(t.touch(r));
        }
        Ok(())
    }

    #[test]
    fn same_bytes_is_slice_equality() {
        let words: [&[u8]; 8] =
            [b"", b"a", b"b", b"abcdefgh", b"abcdefgi", b"abcdefghX", b"abcdefghY", "ｱｲｳ顧客".as_bytes()];
        for a in words {
            for b in words {
                assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn cells_are_read_in_place_or_unescaped_alike() -> TestResult {
        let t = Table::parse("t.csv", "a,b\n\n\nx,y\n\"q,1\",\"say \"\"hi\"\"\"\r\nplain,\n", None)?;
        assert_eq!((t.cell(0, 0), t.cell(0, 1)), ("x", "y"));
        assert_eq!((t.cell(1, 0), t.cell(1, 1)), ("q,1", "say \"hi\""));
        assert_eq!((t.cell(2, 0), t.cell(2, 1)), ("plain", ""));
        assert_eq!(t.cell_bytes(1, 1), "say \"hi\"".as_bytes());
        assert_eq!((t.cell(9, 0), t.cell(0, 9)), ("", ""), "out of range is empty, not a panic");
        // Plain records are not copied: only the quoted one is kept aside.
        assert_eq!(t.extra, "q,1say \"hi\"");
        Ok(())
    }

    #[test]
    fn cell_out_of_range_is_empty_not_a_panic() -> TestResult {
        let t = Table::parse("t.csv", "a,b\n1,2\n", None)?;
        assert_eq!(t.cell(5, 0), "");
        assert_eq!(t.cell(0, 9), "");
        Ok(())
    }

    #[test]
    fn the_size_error_names_the_real_limit() {
        assert_eq!(EXTRA as u64, 2 << 30);
        assert_eq!(
            too_big("big.csv").to_string().split(" (").next(),
            Some("big.csv: the file holds 2 GiB of text or more")
        );
    }
}
