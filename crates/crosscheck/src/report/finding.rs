//! The findings: one thing a person should look at each, in one vocabulary (`FindingKind`)
//! shared by the report, the text and CSV output, the bindings and the page.

use super::detail::{Candidate, Doubled, Lost, Misdirected, Slip};
use serde::Serialize;

/// What a finding is about, in the order a report lists them. The one list of kinds: the
/// report's `kind` field, the summary's counts, the text and CSV output and the page's filters
/// all take their names from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Key in the source, in no list row.
    Missing,
    /// Key in the list, in no source row.
    Unexpected,
    /// Key more than once in one file.
    Duplicate,
    /// Same key, a compared column differs after normalisation.
    Mismatch,
    /// The list row's value belongs to another source record.
    Crosswired,
    /// A column slid by a few rows.
    Shifted,
    /// A record that could not be used.
    Malformed,
    /// A totals row (合計) whose figure is not the sum of the rows above it.
    TotalMismatch,
    /// A cell holding Excel's error value (#N/A, #REF!): a formula that failed.
    ErrorCell,
    /// A missing record and an unexpected row that are one customer with a mistyped key.
    NearMiss,
    /// A list row whose columns point at two source records equally: not paired.
    Ambiguous,
}

impl FindingKind {
    pub const ALL: [FindingKind; 11] = [
        FindingKind::Missing,
        FindingKind::Unexpected,
        FindingKind::Duplicate,
        FindingKind::Mismatch,
        FindingKind::Crosswired,
        FindingKind::Shifted,
        FindingKind::Malformed,
        FindingKind::TotalMismatch,
        FindingKind::ErrorCell,
        FindingKind::NearMiss,
        FindingKind::Ambiguous,
    ];

    /// The name in a report's `kind` field and everywhere else (`crosswired`).
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::Unexpected => "unexpected",
            FindingKind::Duplicate => "duplicate",
            FindingKind::Mismatch => "mismatch",
            FindingKind::Crosswired => "crosswired",
            FindingKind::Shifted => "shifted",
            FindingKind::Malformed => "malformed",
            FindingKind::TotalMismatch => "total_mismatch",
            FindingKind::ErrorCell => "error_cell",
            FindingKind::NearMiss => "near_miss",
            FindingKind::Ambiguous => "ambiguous",
        }
    }

    pub fn from_name(name: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which file a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Source,
    List,
}

/// One thing a person should look at. Rows are numbered as a spreadsheet shows them
/// (1 = first data record); keys are arrays so composite keys fit. Each finding also names its
/// cells as Excel does (`D105`; `宛先!D105` in a workbook) so staff can jump to them: the key's
/// cell for a row, the column's cell for a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// Key in the source, in no list row.
    Missing {
        key: Vec<String>,
        source_row: u64,
        #[serde(skip_serializing_if = "String::is_empty")]
        source_cell: String,
    },
    /// Key in the list, in no source row.
    Unexpected {
        key: Vec<String>,
        list_row: u64,
        #[serde(skip_serializing_if = "String::is_empty")]
        list_cell: String,
    },
    /// Key more than once in `file`: all its rows, and the rows with that key in the other file.
    Duplicate {
        file: Side,
        key: Vec<String>,
        rows: Vec<u64>,
        other_rows: Vec<u64>,
        /// The key's cell in each of `rows`.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        cells: Vec<String>,
    },
    /// Same key, a compared column differs after normalisation.
    Mismatch {
        key: Vec<String>,
        column: String,
        list_column: String,
        source_value: String,
        list_value: String,
        source_row: u64,
        list_row: u64,
        #[serde(skip_serializing_if = "String::is_empty")]
        source_cell: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        list_cell: String,
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
        #[serde(skip_serializing_if = "String::is_empty")]
        source_cell: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        list_cell: String,
    },
    /// A run of list rows whose `column` holds the value of the row `offset` rows above
    /// (`offset` > 0: values slid down; < 0: slid up).
    Shifted {
        column: String,
        list_column: String,
        offset: i64,
        list_rows: [u64; 2],
        rows: usize,
        /// The block's cells in the list: `D10:D25`.
        #[serde(skip_serializing_if = "String::is_empty")]
        list_cells: String,
        /// The other columns that slid with it over the same rows (pasted one row off together).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        with: Vec<String>,
        /// The block's edges: values now in no row, values now on two rows.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        lost: Vec<Lost>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        doubled: Vec<Doubled>,
        /// The block's first row: whose value it holds instead of its own.
        #[serde(skip_serializing_if = "Option::is_none")]
        example: Option<Misdirected>,
    },
    /// A record that could not be used.
    Malformed {
        file: Side,
        row: u64,
        line: u64,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<String>,
        /// The key's cell when the key is empty, else the record's first cell.
        #[serde(skip_serializing_if = "String::is_empty")]
        cell: String,
    },
    /// A totals row's figure in `column` is not the sum of the `rows` data rows it totals.
    TotalMismatch {
        file: Side,
        /// The totals row's line (a workbook: its row on the sheet).
        line: u64,
        /// Its label as written: 合計, 小計, Total.
        label: String,
        column: String,
        /// The figure as the row has it, and the rows' sum.
        stated: String,
        sum: String,
        rows: usize,
        #[serde(skip_serializing_if = "String::is_empty")]
        cell: String,
    },
    /// A data cell holding Excel's error value (`#N/A`, `#REF!`, LibreOffice's `Err:502`); its
    /// text is compared as it stands.
    ErrorCell { file: Side, row: u64, line: u64, column: String, value: String, cell: String },
    /// A source record with no list row and a list row with no source record that are one
    /// customer: the other identifying columns (`agree`) match, the keys differ by one `slip`.
    NearMiss {
        key: Vec<String>,
        list_key: Vec<String>,
        /// The key column that was mistyped.
        column: String,
        list_column: String,
        slip: Slip,
        agree: Vec<String>,
        source_row: u64,
        list_row: u64,
        #[serde(skip_serializing_if = "String::is_empty")]
        source_cell: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        list_cell: String,
    },
    /// A list row whose identifying columns point at two (or more) source records equally: it
    /// is not paired, never decided silently.
    Ambiguous {
        key: Vec<String>,
        list_row: u64,
        #[serde(skip_serializing_if = "String::is_empty")]
        list_cell: String,
        candidates: Vec<Candidate>,
    },
}

impl Finding {
    pub fn kind(&self) -> FindingKind {
        match self {
            Finding::Missing { .. } => FindingKind::Missing,
            Finding::Unexpected { .. } => FindingKind::Unexpected,
            Finding::Duplicate { .. } => FindingKind::Duplicate,
            Finding::Mismatch { .. } => FindingKind::Mismatch,
            Finding::Crosswired { .. } => FindingKind::Crosswired,
            Finding::Shifted { .. } => FindingKind::Shifted,
            Finding::Malformed { .. } => FindingKind::Malformed,
            Finding::TotalMismatch { .. } => FindingKind::TotalMismatch,
            Finding::ErrorCell { .. } => FindingKind::ErrorCell,
            Finding::NearMiss { .. } => FindingKind::NearMiss,
            Finding::Ambiguous { .. } => FindingKind::Ambiguous,
        }
    }

    /// Sort key: kind in `FindingKind::ALL`'s order, then the file, then the row a person would look at.
    pub fn order(&self) -> (u8, Side, u64) {
        match self {
            Finding::Missing { source_row, .. } => (self.kind() as u8, Side::Source, *source_row),
            Finding::Unexpected { list_row, .. } => (self.kind() as u8, Side::List, *list_row),
            Finding::Duplicate { file, rows, .. } => (self.kind() as u8, *file, rows.first().copied().unwrap_or(0)),
            Finding::Mismatch { list_row, .. } => (self.kind() as u8, Side::List, *list_row),
            Finding::Crosswired { list_row, .. } => (self.kind() as u8, Side::List, *list_row),
            Finding::Shifted { list_rows, .. } => (self.kind() as u8, Side::List, list_rows[0]),
            Finding::Malformed { file, row, .. } => (self.kind() as u8, *file, *row),
            Finding::TotalMismatch { file, line, .. } => (self.kind() as u8, *file, *line),
            Finding::ErrorCell { file, row, .. } => (self.kind() as u8, *file, *row),
            Finding::NearMiss { list_row, .. } => (self.kind() as u8, Side::List, *list_row),
            Finding::Ambiguous { list_row, .. } => (self.kind() as u8, Side::List, *list_row),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip_and_match_serde() {
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::from_name(k.name()), Some(k));
            assert_eq!(serde_json::to_string(&k).ok(), Some(format!("\"{k}\"")));
        }
        let f = Finding::Missing { key: vec!["C1".into()], source_row: 3, source_cell: String::new() };
        let json = serde_json::to_value(&f).unwrap_or_default();
        assert_eq!(json["kind"], f.kind().name());
    }
}
