//! The report contract: what was read, the options used, a summary whose buckets
//! add up to every input row, and the findings in a stable order. A leaf: it imports none of
//! the stages, which all write into it.

mod damage;
mod detail;
mod finding;
mod input;
mod mapping;
mod validation;

pub use damage::{Damage, DamageExample, DamageKind};
pub use detail::{Candidate, Doubled, Lost, Misdirected, Slip};
pub use finding::{Finding, FindingKind, Side};
pub use input::{InputInfo, RenamedColumn, SkippedLine, SkippedReason};
pub use mapping::{ColumnKind, KeyCandidate, MappedBy, MappedColumn, Mapping};
pub(crate) use validation::msg;
pub use validation::{Issue, IssueCounts, Message, Validation, ValidationReport, ValidationSummary};

use crate::options::Options;
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
    pub validation: Option<Validation>,
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

/// Where each record of a file ended up.
/// `rows = paired + unpaired + duplicate + malformed + skipped`.
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
    /// Not rows of the table: title lines above the header, totals rows, notes after the table
    /// (`inputs.*.skipped` lists them).
    pub skipped: usize,
}

impl Buckets {
    pub fn adds_up(&self) -> bool {
        self.paired + self.unpaired + self.duplicate + self.malformed + self.skipped == self.rows
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
    pub total_mismatch: usize,
    pub error_cell: usize,
    pub near_miss: usize,
    pub ambiguous: usize,
}

impl KindCounts {
    pub fn total(&self) -> usize {
        FindingKind::ALL.into_iter().map(|k| self.get(k)).sum()
    }

    pub fn add(&mut self, f: &Finding) {
        *self.get_mut(f.kind()) += 1;
    }

    pub fn get(&self, kind: FindingKind) -> usize {
        let mut copy = *self;
        *copy.get_mut(kind)
    }

    fn get_mut(&mut self, kind: FindingKind) -> &mut usize {
        match kind {
            FindingKind::Missing => &mut self.missing,
            FindingKind::Unexpected => &mut self.unexpected,
            FindingKind::Duplicate => &mut self.duplicate,
            FindingKind::Mismatch => &mut self.mismatch,
            FindingKind::Crosswired => &mut self.crosswired,
            FindingKind::Shifted => &mut self.shifted,
            FindingKind::Malformed => &mut self.malformed,
            FindingKind::TotalMismatch => &mut self.total_mismatch,
            FindingKind::ErrorCell => &mut self.error_cell,
            FindingKind::NearMiss => &mut self.near_miss,
            FindingKind::Ambiguous => &mut self.ambiguous,
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

impl Report {
    /// Findings exist: the CLI's exit code 1.
    pub fn has_findings(&self) -> bool {
        self.summary.findings.total() > 0 || self.validation.as_ref().is_some_and(|v| v.has_findings())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
