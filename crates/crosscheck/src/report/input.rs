//! What was read from one file, as a report tells it.

use super::Damage;
use serde::Serialize;

/// What was read from one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputInfo {
    pub name: String,
    /// Of the bytes as given; `null` only in an inspection of a file whose caller has not yet handed
    /// its hash over (a report refuses such a file).
    pub sha256: Option<String>,
    pub bytes: usize,
    pub encoding: String,
    pub delimiter: String,
    /// Data records, malformed ones included (header and blank records not counted).
    pub rows: usize,
    pub columns: Vec<String>,
    /// Header cells renamed because they were empty or repeated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renamed_columns: Vec<RenamedColumn>,
    /// The sheet read, for a workbook (its `encoding` is then the workbook's format: `xlsx`,
    /// `xls`, `xlsb` or `ods`, and its `delimiter` is empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// A workbook's sheets, in its order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// Records with only empty fields, skipped.
    pub blank_records: usize,
    /// The header's row as Excel numbers it (the line, in a CSV): found below title and blank
    /// lines, or as the `header_row` option says.
    pub header_row: u64,
    /// Lines that are not rows of the table, each shown: titles above the header, totals rows,
    /// notes after the table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedLine>,
    /// What Excel did to its columns (codes that lost their leading zeros, phone numbers read as
    /// numbers, IDs in scientific notation, dates as serial numbers): said, never undone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub damage: Vec<Damage>,
}

/// A line that is not a row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedLine {
    pub line: u64,
    pub reason: SkippedReason,
    /// Its first filled cell (合計, 顧客一覧 2026年11月), shortened.
    pub text: String,
    /// Where it is, as Excel names the line's first cell.
    pub cell: String,
}

/// Why a line is not a row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkippedReason {
    AboveHeader,
    Totals,
    Notes,
}

/// A header cell that had to be renamed to keep column names unique and non-empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenamedColumn {
    /// 1-based column position.
    pub column: usize,
    pub from: String,
    pub to: String,
}
