//! The findings: one thing a person should look at each, in one vocabulary (`FindingKind`)
//! shared by the report, the text and CSV output, the bindings and the page.

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
}

impl FindingKind {
    pub const ALL: [FindingKind; 7] = [
        FindingKind::Missing,
        FindingKind::Unexpected,
        FindingKind::Duplicate,
        FindingKind::Mismatch,
        FindingKind::Crosswired,
        FindingKind::Shifted,
        FindingKind::Malformed,
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
    pub fn kind(&self) -> FindingKind {
        match self {
            Finding::Missing { .. } => FindingKind::Missing,
            Finding::Unexpected { .. } => FindingKind::Unexpected,
            Finding::Duplicate { .. } => FindingKind::Duplicate,
            Finding::Mismatch { .. } => FindingKind::Mismatch,
            Finding::Crosswired { .. } => FindingKind::Crosswired,
            Finding::Shifted { .. } => FindingKind::Shifted,
            Finding::Malformed { .. } => FindingKind::Malformed,
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
        let f = Finding::Missing { key: vec!["C1".into()], source_row: 3 };
        let json = serde_json::to_value(&f).unwrap_or_default();
        assert_eq!(json["kind"], f.kind().name());
    }
}
