//! An .ods's content.xml measured as calamine lays it out: each table's filled cells, repeats
//! counted (`number-rows-repeated`, `number-columns-repeated`, capped as calamine caps them),
//! from the first filled cell to the farthest.

use quick_xml::events::{BytesStart, Event};
use std::io::BufRead;

/// Excel's limits, which calamine caps an .ods's repeats at.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// First row, last row, first column, last column: where a table's filled cells lie.
type Corners = (u64, u64, u64, u64);

#[derive(Default)]
pub(super) struct Spans {
    /// Each table's name and where its filled cells lie (none: an empty table).
    tables: Vec<(String, Option<Corners>)>,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| a.value.to_string())
}

fn repeats(e: &BytesStart, name: &str, cap: u64) -> u64 {
    attr(e, name).and_then(|v| v.trim().parse::<u64>().ok()).unwrap_or(1).clamp(1, cap)
}

impl Spans {
    pub(super) fn measure(&mut self, source: impl BufRead) -> Result<(), quick_xml::Error> {
        let mut reader = quick_xml::Reader::from_reader(source);
        let mut buf = Vec::new();
        let (mut row, mut col, mut row_repeat, mut row_cols) = (0u64, 0u64, 1u64, None::<(u64, u64)>);
        loop {
            let event = reader.read_event_into(&mut buf)?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "table:table" => {
                        self.tables.push((attr(&e, "table:name").unwrap_or_default(), None));
                        row = 0;
                    }
                    "table:table-row" => {
                        (col, row_cols) = (0, None);
                        row_repeat = repeats(&e, "table:number-rows-repeated", MAX_ROWS);
                        if empty {
                            row = (row + row_repeat).min(MAX_ROWS);
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        let n = repeats(&e, "table:number-columns-repeated", MAX_COLUMNS);
                        let filled = attr(&e, "office:value-type").is_some() || attr(&e, "table:formula").is_some();
                        if filled || !empty {
                            let (a, b) = row_cols.unwrap_or((col, col + n - 1));
                            row_cols = Some((a.min(col), b.max(col + n - 1)));
                        }
                        col = (col + n).min(MAX_COLUMNS);
                    }
                    _ => {}
                },
                Event::End(e) if e.name().as_ref() == "table:table-row" => {
                    if let (Some((c0, c1)), Some((_, span))) = (row_cols, self.tables.last_mut()) {
                        let last = (row + row_repeat - 1).min(MAX_ROWS - 1);
                        let (r0, r1, a, b) = span.unwrap_or((row, last, c0, c1));
                        *span = Some((r0.min(row), r1.max(last), a.min(c0), b.max(c1)));
                    }
                    row = (row + row_repeat).min(MAX_ROWS);
                }
                _ => {}
            }
            buf.clear();
        }
        Ok(())
    }

    /// The first table (by name) past `max` cells, all tables together, if any.
    pub(super) fn too_many(&self, max: u64) -> Option<(String, u64)> {
        let mut total = 0u64;
        for (name, span) in &self.tables {
            let cells = span.map_or(0, |(r0, r1, c0, c1)| (r1 - r0 + 1).saturating_mul(c1 - c0 + 1));
            total = total.saturating_add(cells);
            if total > max {
                return Some((name.clone(), cells));
            }
        }
        None
    }
}
