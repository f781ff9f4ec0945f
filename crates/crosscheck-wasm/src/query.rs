//! Pick findings by kind, column and free text: what the page's filters and search box ask, so
//! that 100 000 findings never cross into JavaScript all at once.

use crosscheck::{normalize, Finding, Step};

/// A filter; empty parts match everything.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Kinds to keep ("mismatch", …); None or empty = all.
    pub kinds: Option<Vec<String>>,
    /// Source column name (for mismatch, crosswired, shifted).
    pub column: Option<String>,
    /// Text that must occur in the key, a value, a column name or a message (width and case
    /// folded, so ＴＡＲＯ finds taro).
    pub search: Option<String>,
}

const FOLD: [Step; 2] = [Step::Nfkc, Step::Lowercase];

/// Indices of the findings that pass the filter, in report order.
pub fn select(findings: &[Finding], filter: &Filter) -> Vec<u32> {
    let kinds: Vec<&str> = filter.kinds.iter().flatten().map(String::as_str).collect();
    let column = filter.column.as_deref().filter(|c| !c.is_empty());
    let needle = filter.search.as_deref().map(|s| normalize(&FOLD, s.trim())).filter(|s| !s.is_empty());
    findings
        .iter()
        .enumerate()
        .filter(|(_, f)| kinds.is_empty() || kinds.contains(&f.kind().name()))
        .filter(|(_, f)| column.is_none() || f.column() == column)
        .filter(|(_, f)| needle.as_deref().is_none_or(|n| texts(f).iter().any(|t| normalize(&FOLD, t).contains(n))))
        .map(|(i, _)| i as u32)
        .collect()
}

/// The text a person could search a finding by, its cells (D105) included.
fn texts(f: &Finding) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    match f {
        Finding::Missing { key, source_cell: cell, .. } | Finding::Unexpected { key, list_cell: cell, .. } => {
            out.extend(key.iter().map(String::as_str));
            out.push(cell);
        }
        Finding::Duplicate { key, cells, .. } => out.extend(key.iter().chain(cells).map(String::as_str)),
        Finding::Mismatch { key, column, list_column, source_value, list_value, source_cell, list_cell, .. } => {
            out.extend(key.iter().map(String::as_str));
            out.extend([column.as_str(), list_column, source_value, list_value, source_cell, list_cell]);
        }
        Finding::Crosswired {
            key,
            column,
            list_column,
            source_value,
            list_value,
            belongs_to,
            source_cell,
            list_cell,
            ..
        } => {
            out.extend(key.iter().chain(belongs_to).map(String::as_str));
            out.extend([column.as_str(), list_column, source_value, list_value, source_cell, list_cell]);
        }
        Finding::Shifted { column, list_column, list_cells, with, lost, doubled, example, .. } => {
            out.extend([column.as_str(), list_column, list_cells]);
            out.extend(with.iter().map(String::as_str));
            for l in lost {
                out.extend(l.key.iter().map(String::as_str));
                out.push(&l.value);
            }
            for d in doubled {
                out.extend(d.key.iter().map(String::as_str));
                out.push(&d.value);
            }
            if let Some(e) = example {
                out.extend(e.key.iter().chain(&e.belongs_to).map(String::as_str));
            }
        }
        Finding::NearMiss { key, list_key, column, list_column, source_cell, list_cell, .. } => {
            out.extend(key.iter().chain(list_key).map(String::as_str));
            out.extend([column.as_str(), list_column, source_cell, list_cell]);
        }
        Finding::Ambiguous { key, list_cell, candidates, .. } => {
            out.extend(key.iter().map(String::as_str));
            out.push(list_cell);
            out.extend(candidates.iter().flat_map(|c| &c.key).map(String::as_str));
        }
        Finding::Malformed { message, column, cell, .. } => {
            out.extend([message.as_str(), cell]);
            out.extend(column.as_deref());
        }
        Finding::TotalMismatch { label, column, cell, .. } => out.extend([label.as_str(), column, cell]),
        Finding::ErrorCell { column, value, cell, .. } => out.extend([column.as_str(), value, cell]),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck::Side;

    fn findings() -> Vec<Finding> {
        vec![
            Finding::Missing { key: vec!["C0001".into()], source_row: 1, source_cell: "A2".into() },
            Finding::Mismatch {
                key: vec!["C0002".into()],
                column: "email".into(),
                list_column: "メール".into(),
                source_value: "taro@example.jp".into(),
                list_value: "jiro@example.jp".into(),
                source_row: 2,
                list_row: 5,
                source_cell: "C3".into(),
                list_cell: "D105".into(),
            },
            Finding::Shifted {
                column: "email".into(),
                list_column: "メール".into(),
                offset: 1,
                list_rows: [3, 6],
                rows: 4,
                list_cells: "C4:C7".into(),
                with: Vec::new(),
                lost: Vec::new(),
                doubled: Vec::new(),
                example: None,
            },
            Finding::Malformed {
                file: Side::List,
                row: 9,
                line: 10,
                message: "2 fields, header has 3".into(),
                column: None,
                cell: "A10".into(),
            },
        ]
    }

    #[test]
    fn filters_by_kind_column_and_text() {
        let f = findings();
        assert_eq!(select(&f, &Filter::default()), [0, 1, 2, 3]);
        assert_eq!(
            select(&f, &Filter { kinds: Some(vec!["mismatch".into(), "missing".into()]), ..Filter::default() }),
            [0, 1]
        );
        assert_eq!(select(&f, &Filter { column: Some("email".into()), ..Filter::default() }), [1, 2]);
        assert_eq!(select(&f, &Filter { search: Some("ＴＡＲＯ".into()), ..Filter::default() }), [1]);
        assert_eq!(select(&f, &Filter { search: Some("c0001".into()), ..Filter::default() }), [0]);
        assert_eq!(select(&f, &Filter { search: Some("header".into()), ..Filter::default() }), [3]);
        // A cell as Excel names it, as staff type it.
        assert_eq!(select(&f, &Filter { search: Some("d105".into()), ..Filter::default() }), [1]);
        assert!(select(&f, &Filter { search: Some("nobody".into()), ..Filter::default() }).is_empty());
    }
}
