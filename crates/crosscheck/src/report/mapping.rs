//! Which columns were paired, and how each pair was found.

use crate::options::Pairing;
use serde::Serialize;

/// The column pairs used, and how each was found; columns left out of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapping {
    /// How rows were paired: `key` or `consensus`.
    pub pairing: Pairing,
    pub key: Vec<MappedColumn>,
    /// With consensus pairing, the columns that voted (source names; a composite in one entry).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identities: Vec<Vec<String>>,
    /// The keys weighed when the key was chosen automatically, in the order they were weighed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub key_candidates: Vec<KeyCandidate>,
    pub columns: Vec<MappedColumn>,
    pub unmapped_source: Vec<String>,
    pub unmapped_list: Vec<String>,
}

/// A key weighed: its columns, whether it is unique enough, and how many list rows it pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyCandidate {
    pub source: Vec<String>,
    pub list: Vec<String>,
    /// Nearly unique in both files (judged on a sample); only unique keys are weighed further.
    pub unique: bool,
    /// List rows sampled (all of them, up to 2,000), and how many it pairs: its value once among
    /// them and once in the source. Not counted (absent) when it repeats, or when it could not
    /// pair more rows than the key already found.
    pub sampled: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<usize>,
    /// The list rows it would pair, from the sample (exact when every row was sampled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs: Option<usize>,
    pub chosen: bool,
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
