//! Where the table stands on a formatted sheet, for CSV and workbooks alike: the header is the
//! first row that looks like one (title, blank and note lines above it skipped), and totals rows
//! (合計, 小計, Total …) and the notes after the table are set aside, counted and shown, never
//! read as data.

use crate::value::folded;
use crate::value::number::parse_number;

/// Why a line of the file is not a row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// A title, note or date line above the header.
    AboveHeader,
    /// A totals row: 合計, 小計, 総計, Total, Subtotal …
    Totals,
    /// A line of notes after the table.
    Notes,
}

/// A line that is not a row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Where it starts, as the file numbers lines (a workbook: the sheet's row).
    pub line: u64,
    pub reason: SkipReason,
    /// Its first filled cell, as a person recognises the line (合計, 顧客一覧 2026年11月).
    pub text: String,
    /// A totals row's cells, in the header's columns, for checking its figures.
    pub cells: Vec<String>,
    /// Data rows above it: a totals row sums those.
    pub rows_before: usize,
}

/// Records looked at for the header: title blocks are a few lines, never dozens.
pub const HEADER_SCAN: usize = 64;

/// A record's outline, enough to tell a header from a title line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape {
    pub line: u64,
    /// Non-empty cells.
    pub filled: usize,
    /// Up to the last non-empty cell (Excel pads title lines with empty fields).
    pub width: usize,
    /// Filled cells that are words, not numbers or dates.
    pub words: usize,
}

impl Shape {
    pub fn of<'a>(line: u64, cells: impl Iterator<Item = &'a str>) -> Shape {
        let mut s = Shape { line, ..Shape::default() };
        for (i, c) in cells.enumerate() {
            let c = c.trim();
            if c.is_empty() {
                continue;
            }
            s.filled += 1;
            s.width = i + 1;
            if parse_number(c).is_none() && crate::value::date::parse_date(c).is_none() {
                s.words += 1;
            }
        }
        s
    }
}

/// Which of the first non-blank records is the header: the first with two or more filled cells
/// covering at least 60 % of the width of the rows that follow, mostly words. A wide row of
/// numbers first means data without title lines: the first record is the header, as before.
pub fn header_index(shapes: &[Shape]) -> usize {
    for (i, s) in shapes.iter().enumerate() {
        let wide = shapes.iter().skip(i).take(4).map(|s| s.width).max().unwrap_or(0);
        if s.filled >= 2 && s.filled * 5 >= wide * 3 {
            return if s.words * 2 > s.filled { i } else { 0 };
        }
    }
    0
}

/// The label of a totals row, written as staff write it: 合計, 合　計, 小計:, Total, GRAND TOTAL.
pub fn is_totals_label(cell: &str) -> bool {
    let cell = cell.trim();
    if cell.len() > 40 || !may_be_totals_label(cell.as_bytes()) {
        return false;
    }
    let word: String = folded(cell).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    let word = word.trim_end_matches([':', '：']);
    matches!(
        word,
        "合計"
            | "小計"
            | "総計"
            | "総合計"
            | "計"
            | "累計"
            | "中計"
            | "total"
            | "totals"
            | "subtotal"
            | "grandtotal"
            | "sum"
    )
}

/// Whether a (trimmed) cell starts as a totals label can: T, S, G (half or full width), 合, 小,
/// 総, 計, 累 or 中. Most first cells are IDs, names or places (a list's 都道府県: every record
/// of it once went through the folding, 4 % of a 1M-row run): rejected on their first bytes.
fn may_be_totals_label(cell: &[u8]) -> bool {
    // The characters' UTF-8 bytes, matched at once (a loop of starts_with took 51 instructions a
    // record); the test below checks them against the characters.
    matches!(
        cell,
        [b'T' | b't' | b'S' | b's' | b'G' | b'g', ..]
            | [0xE5, 0x90, 0x88, ..] // 合
            | [0xE5, 0xB0, 0x8F, ..] // 小
            | [0xE7, 0xB7, 0x8F, ..] // 総
            | [0xE8, 0xA8, 0x88, ..] // 計
            | [0xE7, 0xB4, 0xAF, ..] // 累
            | [0xE4, 0xB8, 0xAD, ..] // 中
            | [0xEF, 0xBC, 0xB4 | 0xB3 | 0xA7, ..] // Ｔ Ｓ Ｇ
            | [0xEF, 0xBD, 0x94 | 0x93 | 0x87, ..] // ｔ ｓ ｇ
    )
}

/// The end of the table, found while its records are read: a totals row, or a blank line,
/// followed to the end by nothing but notes (lines far narrower than the header) and totals.
#[derive(Debug, Default)]
pub struct End {
    tail: Option<Tail>,
    /// A line of notes fills at most this many cells.
    note_cells: usize,
    pub skipped: Vec<Skipped>,
}

/// Where a possible tail starts: the table's rows and malformed records then, and the notes
/// among malformed records since (their text is kept nowhere else).
#[derive(Debug, PartialEq)]
pub struct Tail {
    pub rows: usize,
    pub malformed: usize,
    pub notes: Vec<(u64, String)>,
}

impl End {
    pub fn new(header: &[String], skipped: Vec<Skipped>) -> End {
        let filled = header.iter().filter(|h| !h.trim().is_empty()).count();
        End { tail: None, note_cells: (filled / 3).max(1), skipped }
    }

    /// A blank record at this point (`rows` rows and `malformed` records read so far).
    pub fn blank(&mut self, rows: usize, malformed: usize) {
        self.tail.get_or_insert(Tail { rows, malformed, notes: Vec::new() });
    }

    /// A non-blank record: true when it is a totals row, set aside here.
    pub fn record<'a>(
        &mut self,
        line: u64,
        cells: impl Iterator<Item = &'a [u8]> + Clone,
        rows: usize,
        malformed: usize,
        is_malformed: bool,
    ) -> bool {
        let text = |c: &'a [u8]| String::from_utf8_lossy(c).trim().to_string();
        let first = cells.clone().find(|c| !c.trim_ascii().is_empty());
        // Looked at as text only when its bytes may start a totals label (or a wide space).
        let maybe = |c: &[u8]| {
            let c = c.trim_ascii_start();
            may_be_totals_label(c) || c.starts_with("\u{3000}".as_bytes())
        };
        if first.is_some_and(|c| maybe(c) && is_totals_label(&String::from_utf8_lossy(c))) {
            self.skipped.push(Skipped {
                line,
                reason: SkipReason::Totals,
                text: first.map(text).unwrap_or_default(),
                cells: cells.map(text).collect(),
                rows_before: rows,
            });
            self.tail.get_or_insert(Tail { rows, malformed, notes: Vec::new() });
            return true;
        }
        if let Some(tail) = &mut self.tail {
            let filled = cells.filter(|c| !c.trim_ascii().is_empty()).count();
            if filled <= self.note_cells {
                if is_malformed {
                    tail.notes.push((line, first.map(text).unwrap_or_default()));
                }
            } else {
                self.tail = None;
            }
        }
        false
    }

    /// Where the tail of notes starts, if the table has one: the rows and malformed records to
    /// keep, and the notes among the malformed records after them.
    pub fn finish(&mut self) -> Option<Tail> {
        self.tail.take()
    }
}

/// A skipped line's text, shortened for a report.
pub fn label(text: &str) -> String {
    const MAX: usize = 40;
    let t = text.trim();
    if t.chars().count() <= MAX {
        t.to_string()
    } else {
        format!("{}…", t.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(lines: &[&str]) -> Vec<Shape> {
        lines.iter().enumerate().map(|(i, l)| Shape::of(i as u64 + 1, l.split(','))).collect()
    }

    #[test]
    fn the_header_is_the_first_row_that_looks_like_one() {
        let formatted = [
            "ポイント付与リスト 2026年11月,,,,",
            "作成: 総務部,,,作成日 2026-11-01,",
            "顧客ID,氏名,メール,ポイント,金額",
            "C1,山田,a@x.jp,120,1200",
        ];
        assert_eq!(header_index(&shapes(&formatted)), 2);
        assert_eq!(header_index(&shapes(&["id,name", "1,a"])), 0);
        // Numbers first: data with no title, read as before.
        assert_eq!(header_index(&shapes(&["1,2,3", "4,5,6"])), 0);
        assert_eq!(header_index(&shapes(&["only"])), 0);
        assert_eq!(header_index(&[]), 0);
        // A one-column file keeps its first line as the header.
        assert_eq!(header_index(&shapes(&["email", "a@x.jp"])), 0);
    }

    #[test]
    fn totals_labels_as_staff_write_them() {
        for yes in [
            "合計",
            "合　計",
            " 小計：",
            "総計",
            "中計",
            "累計",
            "Total",
            "GRAND TOTAL",
            "Sub total",
            "ＴＯＴＡＬ",
            "計",
        ] {
            assert!(is_totals_label(yes), "{yes}");
        }
        for no in ["合計金額", "C0001", "Tanaka", "", "山田", "Summary", "計算"] {
            assert!(!is_totals_label(no), "{no}");
        }
        // The first characters let through, and their neighbours not.
        for c in "TtSsGg合小総計累中ＴｔＳｓＧｇ".chars() {
            assert!(may_be_totals_label(c.to_string().as_bytes()), "{c}");
        }
        for c in "AaZz0合".chars().filter(|c| *c != '合').chain("吉少緑訂紫串ＵｕＲｒＦｆ都福".chars())
        {
            assert!(!may_be_totals_label(c.to_string().as_bytes()), "{c}");
        }
    }

    #[test]
    fn the_end_is_a_totals_row_or_a_blank_line_then_only_notes() {
        let header: Vec<String> = ["id", "name", "points"].map(String::from).to_vec();
        let cells = |s: &'static str| s.split(',').map(str::as_bytes).collect::<Vec<_>>();
        let mut end = End::new(&header, Vec::new());
        assert!(!end.record(2, cells("1,a,10").into_iter(), 0, 0, false));
        end.blank(1, 0);
        // A row after the blank line: the table goes on.
        assert!(!end.record(4, cells("2,b,20").into_iter(), 1, 0, false));
        assert!(end.record(5, cells(",合計,30").into_iter(), 2, 0, false));
        assert!(!end.record(6, cells("※ 11月末時点").into_iter(), 2, 0, true));
        assert_eq!(end.finish(), Some(Tail { rows: 2, malformed: 0, notes: vec![(6, "※ 11月末時点".to_string())] }));
        assert_eq!(end.skipped.len(), 1);
        assert_eq!((end.skipped[0].rows_before, end.skipped[0].cells.len()), (2, 3));
        // A subtotal inside the table, then data: no tail.
        let mut end = End::new(&header, Vec::new());
        assert!(end.record(3, cells("小計,,30").into_iter(), 2, 0, false));
        assert!(!end.record(4, cells("3,c,5").into_iter(), 2, 0, false));
        assert_eq!(end.finish(), None);
    }
}
