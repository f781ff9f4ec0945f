//! What was read from one file, as a report tells it.

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
}

/// A header cell that had to be renamed to keep column names unique and non-empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenamedColumn {
    /// 1-based column position.
    pub column: usize,
    pub from: String,
    pub to: String,
}
