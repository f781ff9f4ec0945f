//! What `validate` reports of one file: every broken rule with its place, and a summary whose
//! rows add up.

use super::{InputInfo, Side, Tool};
use serde::Serialize;
use std::collections::BTreeMap;

/// A message for a person, in both languages the tool speaks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    pub ja: String,
    pub en: String,
}

pub(crate) fn msg(ja: impl Into<String>, en: impl Into<String>) -> Message {
    Message { ja: ja.into(), en: en.into() }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Issue {
    /// A value that breaks a rule of its field.
    Invalid {
        file: Side,
        row: u64,
        line: u64,
        column: String,
        value: String,
        rule: String,
        message: Message,
        /// The cell as Excel names it: `D105`, `宛先!D105`.
        #[serde(skip_serializing_if = "String::is_empty")]
        cell: String,
    },
    /// A value (`unique`) or key (`primaryKey`) on more than one row: all the rows.
    Duplicate { file: Side, rule: String, columns: Vec<String>, key: Vec<String>, rows: Vec<u64>, message: Message },
    /// A record that could not be read as a row.
    Malformed {
        file: Side,
        row: u64,
        line: u64,
        message: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        cell: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IssueCounts {
    pub invalid: usize,
    pub duplicate: usize,
    pub malformed: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ValidationSummary {
    /// Data records, malformed ones included.
    pub rows: usize,
    /// rows = valid_rows + invalid_rows + malformed_rows.
    pub valid_rows: usize,
    pub invalid_rows: usize,
    pub malformed_rows: usize,
    pub findings: IssueCounts,
    /// Per column, per rule: how many findings.
    pub columns: BTreeMap<String, BTreeMap<String, usize>>,
    /// Per rule: how many findings.
    pub rules: BTreeMap<String, usize>,
    /// Columns of the file that the schema does not describe (not checked).
    pub unknown_columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validation {
    /// The file checked (its name as given).
    pub file: String,
    pub summary: ValidationSummary,
    pub findings: Vec<Issue>,
    /// True when `max_findings` cut the list (the summary still counts everything).
    pub truncated: bool,
}

impl Validation {
    pub fn has_findings(&self) -> bool {
        let f = &self.summary.findings;
        f.invalid + f.duplicate + f.malformed > 0
    }
}

/// What `validate` reports: the file as read, the schema used, and what breaks it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ValidationReport {
    pub tool: Tool,
    pub input: InputInfo,
    /// The schema as given.
    pub schema: serde_json::Value,
    #[serde(flatten)]
    pub validation: Validation,
}
