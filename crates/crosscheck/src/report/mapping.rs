//! Which columns were paired, and how each pair was found.

use serde::Serialize;

/// The column pairs used, and how each was found; columns left out of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapping {
    pub key: Vec<MappedColumn>,
    pub columns: Vec<MappedColumn>,
    pub unmapped_source: Vec<String>,
    pub unmapped_list: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappedColumn {
    pub source: String,
    pub list: String,
    pub kind: ColumnKind,
    pub mapped_by: MappedBy,
}

/// The shape of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Email,
    Phone,
    Postal,
    Integer,
    Number,
    Date,
    Kana,
    /// Digits with significant leading zeros, codes: compared as text, never summed.
    Code,
    Text,
    /// No non-empty value in the sample.
    Empty,
}

/// How a pair of columns was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MappedBy {
    Options,
    Exact,
    Normalized,
    Synonym,
    Content,
}
