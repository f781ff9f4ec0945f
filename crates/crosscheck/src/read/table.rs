//! Decoded text → a compact table.
//!
//! `records` splits the text into records (quotes, doubled quotes, embedded newlines, CRLF, as
//! the csv crate reads them). What this module adds: delimiter sniffing, the header (repeated or
//! empty names are reported and given unique names), row and line numbers as a spreadsheet shows
//! them, and malformed records (wrong field count) set aside with their place so no other row
//! moves.
//!
//! Cells are read where they stand in the decoded text, found by 16-bit offsets from their row's
//! start: at a million rows × 10 columns that is a few allocations instead of ten million
//! `String`s, and the reconcile loop reads cells by index.

use super::layout::{header_index, label, End, Shape, SkipReason, Skipped, Tail, HEADER_SCAN};
use super::records::Records;
use crate::error::{Error, ErrorKind, Result};

/// Delimiters we sniff for, in order of preference when the evidence ties.
pub const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

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
    /// Read `text` (already decoded) with the given delimiter, or a sniffed one when `None`.
    #[cfg(test)]
    pub fn parse(name: &str, text: &str, delimiter: Option<u8>) -> Result<Table> {
        Table::parse_with_progress(name, text.to_string(), delimiter, None, &mut |_| {})
    }

    /// `parse`, keeping `text` as the table's storage (no copy of the cells), with the header on
    /// line `header_row` (None: found), and telling `progress` the share of the text read so far
    /// every few ten thousand records (reading is the longest step in the browser, where a bar
    /// must keep moving).
    pub fn parse_with_progress(
        name: &str,
        text: String,
        delimiter: Option<u8>,
        header_row: Option<u64>,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Table> {
        if text.len() >= EXTRA as usize {
            return Err(too_big(name));
        }
        let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&text));
        let header_line = find_header_line(name, &text, delimiter, header_row)?;
        let mut table = Table::empty(name, delimiter);
        let mut records = Records::new(&text, delimiter);
        let mut above = Vec::new();
        let (line, raw_header) = loop {
            match records.next_record() {
                None => {
                    return Err(Error::new(ErrorKind::Parse, "the file is empty: there is no header row")
                        .in_file(name)
                        .hint("export the file again with its header row"))
                }
                Some(r) if r.is_blank() => continue,
                Some(r) if r.line < header_line => {
                    let first = r.fields().find(|f| !f.trim_ascii().is_empty()).unwrap_or(&[]);
                    above.push(above_header(r.line, &String::from_utf8_lossy(first)));
                    table.note_spread(r.line, r.spread);
                }
                Some(r) => {
                    table.note_spread(r.line, r.spread);
                    break (r.line, r.fields().map(|f| String::from_utf8_lossy(f).trim().to_string()).collect());
                }
            }
        };
        table.set_header(line, raw_header);
        let width = table.header.len();
        let mut end = End::new(&table.header, above);
        // About ten bytes a cell: reserve once rather than growing in steps.
        table.cells.reserve((text.len() / 10 + 1) * (width + 1) / width.max(1));
        table.places.reserve(table.cells.capacity() / (width + 1));
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(width);
        let mut extra: Vec<u8> = Vec::new();
        let mut row: u64 = 0;
        while let Some(record) = records.next_record() {
            table.note_spread(record.line, record.spread);
            if record.is_blank() {
                table.blank_records += 1;
                end.blank(table.places.len(), table.malformed.len());
                continue;
            }
            let line = record.line;
            let wrong = record.len() != width;
            if end.record(line, record.fields(), table.places.len(), table.malformed.len(), wrong) {
                continue;
            }
            row += 1;
            if row.is_multiple_of(PROGRESS_EVERY) {
                progress(record.end as f64 / text.len().max(1) as f64);
            }
            if wrong {
                table.malformed.push(Malformed { row, line, fields: record.len(), expected: width });
                continue;
            }
            spans.clear();
            if record.in_text {
                // Text offsets fit in u32: longer texts were refused above.
                spans.extend(record.spans.iter().map(|&(a, b)| (a as u32, b as u32)));
            } else {
                // Quotes were removed: keep the unescaped fields aside.
                for f in record.fields() {
                    let start = extra.len();
                    extra.extend_from_slice(f);
                    if extra.len() >= EXTRA as usize {
                        return Err(too_big(name));
                    }
                    spans.push((start as u32 | EXTRA, extra.len() as u32 | EXTRA));
                }
            }
            push_row(&mut table.cells, &mut table.wide, &spans);
            table.push_place(row, line)?;
        }
        drop(records);
        // `extra` holds unescaped quoted fields: runs of the (valid UTF-8) text with only ASCII
        // quote bytes removed, so this check cannot fail; it is small, so it costs nothing.
        table.extra = String::from_utf8(extra)
            .map_err(|e| Error::internal(format!("quoted cells are not UTF-8 after parsing ({e})")).in_file(name))?;
        table.text = text;
        table.finish(end);
        Ok(table)
    }

    /// A table from rows of cells already read (a workbook's sheet), with the header on line
    /// `header_row` (None: found); `line` is each row's line as a spreadsheet numbers it. Rows
    /// whose cells are all empty are counted as blank; the cells are stored one after another in
    /// one text.
    pub fn from_rows(name: &str, rows: Vec<(u64, Vec<String>)>, header_row: Option<u64>) -> Result<Table> {
        let filled = |cells: &[String]| cells.iter().any(|c| !c.trim().is_empty());
        let header_line = match header_row {
            Some(n) => match rows.iter().find(|(l, _)| *l == n) {
                Some((_, cells)) if filled(cells) => n,
                _ => return Err(no_header_at(name, n, "it is empty")),
            },
            None => {
                let shapes: Vec<Shape> = rows
                    .iter()
                    .filter(|(_, cells)| filled(cells))
                    .take(HEADER_SCAN)
                    .map(|(l, cells)| Shape::of(*l, cells.iter().map(String::as_str)))
                    .collect();
                shapes.get(header_index(&shapes)).map_or(0, |s| s.line)
            }
        };
        let mut rows = rows.into_iter();
        let mut above = Vec::new();
        let Some((line, raw_header)) = rows.by_ref().find(|(l, cells)| {
            if filled(cells) && *l < header_line {
                above.push(above_header(*l, cells.iter().find(|c| !c.trim().is_empty()).map_or("", |c| c)));
            }
            filled(cells) && *l >= header_line
        }) else {
            return Err(Error::new(ErrorKind::Parse, "the sheet is empty: there is no header row")
                .in_file(name)
                .hint("choose the sheet that holds the table"));
        };
        let mut table = Table::empty(name, b',');
        table.set_header(line, raw_header.into_iter().map(|c| c.trim().to_string()).collect());
        let width = table.header.len();
        let mut end = End::new(&table.header, above);
        let (mut spans, mut row, mut last) = (Vec::with_capacity(width), 0u64, line);
        for (line, mut values) in rows {
            // Rows the sheet leaves out are empty rows between filled ones: blank, as in CSV.
            if line > last + 1 {
                table.blank_records += (line - last - 1) as usize;
                end.blank(table.places.len(), table.malformed.len());
            }
            last = line;
            values.resize(width, String::new());
            if !filled(&values) {
                table.blank_records += 1;
                end.blank(table.places.len(), table.malformed.len());
                continue;
            }
            if end.record(line, values.iter().map(String::as_bytes), table.places.len(), 0, false) {
                continue;
            }
            row += 1;
            spans.clear();
            for v in &values {
                let start = table.text.len();
                table.text.push_str(v);
                if table.text.len() >= EXTRA as usize {
                    return Err(too_big(name));
                }
                spans.push((start as u32, table.text.len() as u32));
            }
            push_row(&mut table.cells, &mut table.wide, &spans);
            table.push_place(row, line)?;
        }
        table.finish(end);
        Ok(table)
    }

    fn empty(name: &str, delimiter: u8) -> Table {
        Table {
            name: name.to_string(),
            delimiter,
            header: Vec::new(),
            header_line: 1,
            renamed: Vec::new(),
            malformed: Vec::new(),
            blank_records: 0,
            skipped: Vec::new(),
            sheet: None,
            places: Vec::new(),
            spread: Vec::new(),
            text: String::new(),
            extra: String::new(),
            cells: Vec::new(),
            wide: Vec::new(),
        }
    }

    fn set_header(&mut self, line: u64, raw: Vec<String>) {
        let (header, renamed) = unique_header(raw);
        (self.header, self.renamed, self.header_line) = (header, renamed, line);
    }

    fn push_place(&mut self, row: u64, line: u64) -> Result<()> {
        // Both fit: the text is under 2 GiB (refused above), so it has fewer records and lines.
        let place = (u32::try_from(row), u32::try_from(line));
        let (Ok(row), Ok(line)) = place else { return Err(too_big(&self.name)) };
        self.places.push((row, line));
        Ok(())
    }

    /// A record on `line` spanning `spread` more lines (newlines in quotes): the records after
    /// it are that many rows higher in Excel than their line.
    fn note_spread(&mut self, line: u64, spread: u64) {
        if spread > 0 {
            let before = self.spread.last().map_or(0, |s| s.1);
            let next = u32::try_from(line + spread + 1).unwrap_or(u32::MAX);
            self.spread.push((next, before.saturating_add(u32::try_from(spread).unwrap_or(u32::MAX))));
        }
    }

    /// Cut the notes after the table off its end, and keep what was skipped.
    fn finish(&mut self, mut end: End) {
        if let Some(Tail { rows, malformed, notes }) = end.finish() {
            let mut cut: Vec<Skipped> = (rows..self.len())
                .map(|r| {
                    let first = (0..self.width()).map(|c| self.cell(r, c)).find(|c| !c.trim().is_empty());
                    note(self.place(r).line, first.unwrap_or(""))
                })
                .collect();
            cut.extend(notes.into_iter().map(|(line, text)| note(line, &text)));
            self.places.truncate(rows);
            self.cells.truncate(rows * (self.width() + 1));
            self.malformed.truncate(malformed);
            end.skipped.extend(cut);
        }
        end.skipped.sort_by_key(|s| s.line);
        self.skipped = end.skipped;
    }

    /// Row `line` as Excel numbers it: the line, less the newlines inside quoted cells above.
    pub fn excel_row(&self, line: u64) -> u64 {
        let at = self.spread.partition_point(|&(from, _)| u64::from(from) <= line);
        line - at.checked_sub(1).and_then(|i| self.spread.get(i)).map_or(0, |s| u64::from(s.1)).min(line)
    }

    /// A column's cells from one line to another, as Excel names a range: `D10:D25`.
    pub fn range_name(&self, from: u64, to: u64, col: usize) -> String {
        format!("{}:{}{}", self.cell_name(from, col), column_letters(col), self.excel_row(to))
    }

    /// A cell as Excel names it, with the sheet for a workbook: `D105`, `宛先!D105`,
    /// `'My list'!D105`.
    pub fn cell_name(&self, line: u64, col: usize) -> String {
        let cell = format!("{}{}", column_letters(col), self.excel_row(line));
        match &self.sheet {
            Some(sheet) => format!("{}!{cell}", sheet_ref(sheet)),
            None => cell,
        }
    }

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

/// Records between two progress reports: about 50 ms of reading in the browser.
const PROGRESS_EVERY: u64 = 50_000;

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

/// The line of the header: the one asked for, or the first record that looks like a header.
fn find_header_line(name: &str, text: &str, delimiter: u8, asked: Option<u64>) -> Result<u64> {
    let mut records = Records::new(text, delimiter);
    if let Some(n) = asked {
        // `n` is the row Excel shows: the line, less the newlines in quoted cells above it.
        let mut spread = 0;
        while let Some(r) = records.next_record() {
            let row = r.line - spread.min(r.line);
            if row == n && !r.is_blank() {
                return Ok(r.line);
            }
            if row >= n {
                break;
            }
            spread += r.spread;
        }
        return Err(no_header_at(name, n, "no record starts there, or it is empty"));
    }
    let mut shapes = Vec::new();
    while shapes.len() < HEADER_SCAN {
        let Some(r) = records.next_record() else { break };
        if !r.is_blank() {
            shapes.push(Shape::of(r.line, r.fields().map(|f| std::str::from_utf8(f).unwrap_or("x"))));
        }
    }
    Ok(shapes.get(header_index(&shapes)).map_or(1, |s| s.line))
}

fn no_header_at(name: &str, line: u64, why: &str) -> Error {
    Error::options(format!("the header row {line} holds no header: {why}"))
        .in_file(name)
        .hint("give the row number Excel shows beside the header, or leave header_row out to have it found")
}

fn above_header(line: u64, first: &str) -> Skipped {
    Skipped { line, reason: SkipReason::AboveHeader, text: label(first), cells: Vec::new(), rows_before: 0 }
}

fn note(line: u64, text: &str) -> Skipped {
    Skipped { line, reason: SkipReason::Notes, text: label(text), cells: Vec::new(), rows_before: 0 }
}

/// A column's letters as Excel shows them, from 0: A, Z, AA, XFD.
pub fn column_letters(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// A sheet's name in a cell reference: quoted when Excel would quote it (spaces, punctuation,
/// a leading digit), with `'` doubled.
fn sheet_ref(sheet: &str) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_' || c as u32 > 0x7F)
        && !sheet.starts_with(|c: char| c.is_ascii_digit());
    if plain && !sheet.is_empty() {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

/// Empty names become `column_N`; a repeated name gets ` (2)`, ` (3)`… so every column can be
/// named in options and findings.
fn unique_header(raw: Vec<String>) -> (Vec<String>, Vec<Renamed>) {
    let mut header: Vec<String> = Vec::with_capacity(raw.len());
    let mut renamed = Vec::new();
    for (i, name) in raw.into_iter().enumerate() {
        let base = if name.is_empty() { format!("column_{}", i + 1) } else { name.clone() };
        let mut candidate = base.clone();
        let mut n = 2;
        while header.contains(&candidate) {
            candidate = format!("{base} ({n})");
            n += 1;
        }
        if candidate != name {
            renamed.push(Renamed { column: i + 1, from: name, to: candidate.clone() });
        }
        header.push(candidate);
    }
    (header, renamed)
}

/// Pick the delimiter that splits the first records into the most consistent, widest rows.
pub fn sniff_delimiter(text: &str) -> u8 {
    const SAMPLE: usize = 64 * 1024;
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let truncated = end < text.len();
    let sample = text.get(..end).unwrap_or("");

    let mut best = (b',', 0.0f64, 0usize);
    for &d in &DELIMITERS {
        let mut records = Records::new(sample, d);
        let mut widths = Vec::with_capacity(100);
        while widths.len() < 100 {
            let Some(r) = records.next_record() else { break };
            if !r.is_blank() {
                widths.push(r.len());
            }
        }
        // The last record of a cut sample may itself be cut.
        let widths = if truncated && widths.len() > 1 { &widths[..widths.len() - 1] } else { &widths[..] };
        let Some(&head) = widths.first() else { continue };
        if head < 2 {
            continue;
        }
        let agree = widths.iter().filter(|&&w| w == head).count() as f64 / widths.len() as f64;
        if agree > best.1 + 1e-9 || ((agree - best.1).abs() <= 1e-9 && head > best.2) {
            best = (d, agree, head);
        }
    }
    best.0
}

/// Display form of a delimiter for reports and options: "," "\t" ";" "|".
pub fn delimiter_label(d: u8) -> String {
    match d {
        b'\t' => "\\t".to_string(),
        other => (other as char).to_string(),
    }
}

/// Parse a delimiter as the user writes it: ",", "tab", "\t", a literal TAB, ";", "|".
pub fn parse_delimiter(s: &str) -> Option<u8> {
    match s {
        "\\t" | "\t" => Some(b'\t'),
        s if s.eq_ignore_ascii_case("tab") => Some(b'\t'),
        s if s.eq_ignore_ascii_case("comma") => Some(b','),
        s if s.len() == 1 && s.is_ascii() && !matches!(s, "\"" | "\n" | "\r") => s.bytes().next(),
        _ => None,
    }
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

    fn parse(text: &str) -> TestResult<Table> {
        Ok(Table::parse("t.csv", text, None)?)
    }

    #[test]
    fn reads_quoted_fields_with_delimiters_quotes_and_newlines() -> TestResult {
        let t = parse("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,end\n")?;
        assert_eq!(t.len(), 4);
        assert_eq!(t.cell(0, 1), "a, b");
        assert_eq!(t.cell(1, 1), "say \"hi\"");
        assert_eq!(t.cell(2, 1), "two\nlines");
        // The record after a two-line cell starts on line 6.
        assert_eq!(t.place(3), Place { row: 4, line: 6 });
        Ok(())
    }

    #[test]
    fn crlf_blank_trailing_lines_and_no_final_newline() -> TestResult {
        let a = parse("id,name\r\n1,A\r\n2,B\r\n\r\n\r\n")?;
        let b = parse("id,name\n1,A\n2,B")?;
        for t in [&a, &b] {
            assert_eq!(t.len(), 2);
            assert_eq!(t.cell(1, 1), "B");
        }
        Ok(())
    }

    #[test]
    fn blank_records_are_skipped_and_not_numbered() -> TestResult {
        let t = parse("id,name\n1,A\n,\n\n2,B\n")?;
        assert_eq!(t.len(), 2);
        assert_eq!(t.blank_records, 1);
        assert_eq!(t.place(1), Place { row: 2, line: 5 });
        Ok(())
    }

    #[test]
    fn malformed_rows_are_set_aside_and_nothing_shifts() -> TestResult {
        let t = parse("id,name,email\n1,A,a@x\n2,B\n3,C,c@x,extra\n4,D,d@x\n")?;
        assert_eq!(t.len(), 2);
        assert_eq!(t.malformed.len(), 2);
        assert_eq!(t.malformed[0], Malformed { row: 2, line: 3, fields: 2, expected: 3 });
        assert_eq!(t.malformed[1].row, 3);
        assert_eq!(t.cell(1, 0), "4");
        assert_eq!(t.cell(1, 2), "d@x");
        assert_eq!(t.place(1).row, 4);
        assert_eq!(t.records(), 4);
        Ok(())
    }

    #[test]
    fn repeated_and_empty_header_names_are_renamed() -> TestResult {
        let t = parse("email,name,email,,email\n1,2,3,4,5\n")?;
        assert_eq!(t.header, vec!["email", "name", "email (2)", "column_4", "email (3)"]);
        assert_eq!(t.renamed.len(), 3);
        assert_eq!(t.renamed[0], Renamed { column: 3, from: "email".into(), to: "email (2)".into() });
        Ok(())
    }

    #[test]
    fn sniffs_each_delimiter() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("a;b;c\n1;\"2;x\";3\n"), b';');
        assert_eq!(sniff_delimiter("a|b\n1|2\n"), b'|');
        // Commas inside quoted fields must not win over the real delimiter.
        assert_eq!(sniff_delimiter("name;note\n\"A, B, C\";x\n\"D, E\";y\n"), b';');
        assert_eq!(sniff_delimiter("single\n1\n"), b',');
    }

    #[test]
    fn empty_file_is_an_error_naming_the_file() -> TestResult {
        let e = Table::parse("list.csv", "", None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Parse);
        assert!(e.to_string().starts_with("list.csv: "));
        assert!(Table::parse("l.csv", "\n\n", None).is_err());
        Ok(())
    }

    #[test]
    fn header_only_file_has_no_rows() -> TestResult {
        let t = parse("id,name\n")?;
        assert!(t.is_empty());
        assert_eq!(t.width(), 2);
        Ok(())
    }

    #[test]
    fn cell_out_of_range_is_empty_not_a_panic() -> TestResult {
        let t = parse("a,b\n1,2\n")?;
        assert_eq!(t.cell(5, 0), "");
        assert_eq!(t.cell(0, 9), "");
        Ok(())
    }

    #[test]
    fn delimiter_labels_round_trip() {
        for d in DELIMITERS {
            assert_eq!(parse_delimiter(&delimiter_label(d)), Some(d));
        }
        assert_eq!(parse_delimiter("tab"), Some(b'\t'));
        assert_eq!(parse_delimiter("\""), None);
        assert_eq!(parse_delimiter("ab"), None);
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
