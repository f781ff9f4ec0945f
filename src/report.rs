//! The report contract (DESIGN.md): what was read, the options used, a summary whose buckets
//! add up to every input row, and the findings in a stable order.

use crate::options::Options;
use crate::plan::{MappedBy, Plan};
use crate::profile::Kind;
use crate::table::Renamed;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TOOL_NAME: &str = "crosscheck";
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub tool: Tool,
    pub inputs: Inputs,
    pub options: Options,
    pub mapping: Mapping,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    /// True when `max_findings` cut the list; the summary still counts everything.
    pub truncated: bool,
    /// The list checked against `options.schema`, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation: Option<crate::validate::Validation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Default for Tool {
    fn default() -> Self {
        Tool { name: TOOL_NAME, version: TOOL_VERSION }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inputs {
    pub source: InputInfo,
    pub list: InputInfo,
}

/// What was read from one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputInfo {
    pub name: String,
    pub sha256: String,
    pub bytes: usize,
    pub encoding: String,
    pub delimiter: String,
    /// Data records, malformed ones included (header and blank records not counted).
    pub rows: usize,
    pub columns: Vec<String>,
    /// Header cells renamed because they were empty or repeated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renamed_columns: Vec<Renamed>,
    /// Records with only empty fields, skipped.
    pub blank_records: usize,
}

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
    pub kind: Kind,
    pub mapped_by: MappedBy,
}

impl From<&Plan> for Mapping {
    fn from(plan: &Plan) -> Mapping {
        let cols = |pairs: &[crate::plan::Pair]| {
            pairs
                .iter()
                .map(|p| MappedColumn {
                    source: p.source.clone(),
                    list: p.list.clone(),
                    kind: p.kind,
                    mapped_by: p.mapped_by,
                })
                .collect()
        };
        Mapping {
            key: cols(&plan.key),
            columns: cols(&plan.columns),
            unmapped_source: plan.unmapped_source.clone(),
            unmapped_list: plan.unmapped_list.clone(),
        }
    }
}

/// Where each row of a file ended up. `rows = paired + unpaired + duplicate + malformed`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Buckets {
    pub rows: usize,
    /// Key found exactly once in each file: the rows were compared.
    pub paired: usize,
    /// Key not in the other file (missing / unexpected).
    pub unpaired: usize,
    /// Key repeated in this file or in the other one: never paired arbitrarily.
    pub duplicate: usize,
    /// Unreadable as a record, or with an empty key.
    pub malformed: usize,
}

impl Buckets {
    pub fn adds_up(&self) -> bool {
        self.paired + self.unpaired + self.duplicate + self.malformed == self.rows
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    pub missing: usize,
    pub unexpected: usize,
    pub duplicate: usize,
    pub mismatch: usize,
    pub crosswired: usize,
    pub shifted: usize,
    pub malformed: usize,
}

impl KindCounts {
    pub fn total(&self) -> usize {
        self.missing
            + self.unexpected
            + self.duplicate
            + self.mismatch
            + self.crosswired
            + self.shifted
            + self.malformed
    }

    pub fn add(&mut self, f: &Finding) {
        match f {
            Finding::Missing { .. } => self.missing += 1,
            Finding::Unexpected { .. } => self.unexpected += 1,
            Finding::Duplicate { .. } => self.duplicate += 1,
            Finding::Mismatch { .. } => self.mismatch += 1,
            Finding::Crosswired { .. } => self.crosswired += 1,
            Finding::Shifted { .. } => self.shifted += 1,
            Finding::Malformed { .. } => self.malformed += 1,
        }
    }
}

/// Per compared column: how many findings of each column-level kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ColumnCounts {
    pub mismatch: usize,
    pub crosswired: usize,
    pub shifted: usize,
}

/// Σ of a numeric column in each file, over its readable rows; values that are not numbers are
/// counted, not guessed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Total {
    #[serde(serialize_with = "number")]
    pub source: f64,
    #[serde(serialize_with = "number")]
    pub list: f64,
    #[serde(serialize_with = "number")]
    pub difference: f64,
    pub source_not_numbers: usize,
    pub list_not_numbers: usize,
}

/// Whole sums as JSON integers (5500, not 5500.0), as a person or a spreadsheet expects them.
fn number<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        s.serialize_i64(*x as i64)
    } else {
        s.serialize_f64(*x)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub source: Buckets,
    pub list: Buckets,
    pub findings: KindCounts,
    pub columns: BTreeMap<String, ColumnCounts>,
    pub totals: BTreeMap<String, Total>,
}

/// Which file a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Source,
    List,
}

/// One thing a person should look at. Rows are numbered as a spreadsheet shows them
/// (1 = first data record); keys are arrays so composite keys fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// Key in the source, in no list row.
    Missing { key: Vec<String>, source_row: u64 },
    /// Key in the list, in no source row.
    Unexpected { key: Vec<String>, list_row: u64 },
    /// Key more than once in `file`: all its rows, and the rows with that key in the other file.
    Duplicate { file: Side, key: Vec<String>, rows: Vec<u64>, other_rows: Vec<u64> },
    /// Same key, a compared column differs after normalisation.
    Mismatch {
        key: Vec<String>,
        column: String,
        list_column: String,
        source_value: String,
        list_value: String,
        source_row: u64,
        list_row: u64,
    },
    /// The list row's value belongs to exactly one other source record.
    Crosswired {
        key: Vec<String>,
        column: String,
        list_column: String,
        source_value: String,
        list_value: String,
        belongs_to: Vec<String>,
        source_row: u64,
        list_row: u64,
        belongs_to_row: u64,
    },
    /// A run of list rows whose `column` holds the value of the row `offset` rows above
    /// (`offset` > 0: values slid down; < 0: slid up).
    Shifted { column: String, list_column: String, offset: i64, list_rows: [u64; 2], rows: usize },
    /// A record that could not be used.
    Malformed {
        file: Side,
        row: u64,
        line: u64,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<String>,
    },
}

impl Finding {
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Missing { .. } => "missing",
            Finding::Unexpected { .. } => "unexpected",
            Finding::Duplicate { .. } => "duplicate",
            Finding::Mismatch { .. } => "mismatch",
            Finding::Crosswired { .. } => "crosswired",
            Finding::Shifted { .. } => "shifted",
            Finding::Malformed { .. } => "malformed",
        }
    }

    /// Sort key: kind in DESIGN.md's order, then the file, then the row a person would look at.
    pub fn order(&self) -> (u8, Side, u64) {
        match self {
            Finding::Missing { source_row, .. } => (0, Side::Source, *source_row),
            Finding::Unexpected { list_row, .. } => (1, Side::List, *list_row),
            Finding::Duplicate { file, rows, .. } => (2, *file, rows.first().copied().unwrap_or(0)),
            Finding::Mismatch { list_row, .. } => (3, Side::List, *list_row),
            Finding::Crosswired { list_row, .. } => (4, Side::List, *list_row),
            Finding::Shifted { list_rows, .. } => (5, Side::List, list_rows[0]),
            Finding::Malformed { file, row, .. } => (6, *file, *row),
        }
    }

    /// The compared column a finding is about, if any.
    pub fn column(&self) -> Option<&str> {
        match self {
            Finding::Mismatch { column, .. } | Finding::Crosswired { column, .. } | Finding::Shifted { column, .. } => {
                Some(column)
            }
            _ => None,
        }
    }
}

impl Report {
    /// Findings exist: the CLI's exit code 1.
    pub fn has_findings(&self) -> bool {
        self.summary.findings.total() > 0 || self.validation.as_ref().is_some_and(|v| v.has_findings())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
