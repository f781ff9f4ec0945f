//! Building a table: from CSV text (the header found, records placed, malformed ones set aside,
//! totals rows and notes cut off) or from a workbook sheet's rows, the same way.

use super::delimiter::sniff_delimiter;
use super::{push_row, too_big, Malformed, Renamed, Table, EXTRA};
use crate::error::{Error, ErrorKind, Result};
use crate::read::layout::{header_index, label, End, Shape, SkipReason, Skipped, Tail, HEADER_SCAN};
use crate::read::records::Records;
use crate::value::excel::may_hold_excel_error;

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
                Some(r) if r.unclosed => return Err(unclosed(name, r.line)),
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
            if record.unclosed {
                return Err(unclosed(name, record.line));
            }
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
        // One search of the whole text on the reading thread, rather than a look at each record
        // (140–300 instructions a record; this: a few per 32 bytes).
        table.may_hold_errors = may_hold_excel_error(text.as_bytes()) || may_hold_excel_error(table.extra.as_bytes());
        table.text = text;
        table.finish(end);
        Ok(table)
    }

    /// A table from rows of cells already read (a workbook's sheet), with the header on line
    /// `header_row` (None: found); `line` is each row's line as a spreadsheet numbers it. Rows
    /// whose cells are all empty are counted as blank; the cells are stored one after another in
    /// one text. `progress` hears the share of the rows placed.
    pub fn from_rows(
        name: &str,
        rows: Vec<(u64, Vec<String>)>,
        header_row: Option<u64>,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Table> {
        let count = rows.len().max(1) as f64;
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
        for (i, (line, mut values)) in rows.enumerate() {
            if (i as u64).is_multiple_of(PROGRESS_EVERY) {
                progress(i as f64 / count);
            }
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
            if !table.may_hold_errors {
                table.may_hold_errors = values.iter().any(|v| may_hold_excel_error(v.as_bytes()));
            }
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
            may_hold_errors: false,
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
}

/// Records between two progress reports: about 50 ms of reading in the browser.
const PROGRESS_EVERY: u64 = 50_000;
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

/// A quote that is never closed makes the rest of the file one field: every row after it would
/// be lost without a word.
fn unclosed(name: &str, line: u64) -> Error {
    Error::new(ErrorKind::Parse, "a quote opened here is never closed, so the rest of the file is one field")
        .in_file(name)
        .at_line(line)
        .hint("close the quote (\"), or save the file again from Excel")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::table::Place;

    use crate::TestResult;

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
}
