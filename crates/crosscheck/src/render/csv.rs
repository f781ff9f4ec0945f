//! Findings as CSV for Excel: UTF-8 with a BOM, one row per finding, formula-safe.

use super::sentences::side_name;
use crate::report::{Finding, Issue, Report, Side, Validation};

/// Validation findings as CSV for Excel (UTF-8 with BOM, formula-safe).
pub fn validation_csv(v: &Validation) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut w = csv::WriterBuilder::new().from_writer(&mut out);
    let _ =
        w.write_record(["kind", "file", "row", "line", "column", "value", "rule", "message_ja", "message_en", "cell"]);
    for f in &v.findings {
        let row: [String; 10] = match f {
            Issue::Invalid { row, line, column, value, rule, message, cell, .. } => [
                "invalid".into(),
                v.file.clone(),
                row.to_string(),
                line.to_string(),
                column.clone(),
                value.clone(),
                rule.clone(),
                message.ja.clone(),
                message.en.clone(),
                cell.clone(),
            ],
            Issue::Duplicate { rule, columns, key, rows, message, .. } => [
                "duplicate".into(),
                v.file.clone(),
                rows.iter().map(u64::to_string).collect::<Vec<_>>().join(" "),
                String::new(),
                columns.join(" + "),
                key.join(" / "),
                rule.clone(),
                message.ja.clone(),
                message.en.clone(),
                String::new(),
            ],
            Issue::Malformed { row, line, message, cell, .. } => [
                "malformed".into(),
                v.file.clone(),
                row.to_string(),
                line.to_string(),
                String::new(),
                String::new(),
                String::new(),
                message.clone(),
                message.clone(),
                cell.clone(),
            ],
        };
        let _ = w.write_record(row.iter().map(|c| neutralize(c).into_owned()));
    }
    let _ = w.flush();
    drop(w);
    out
}

/// A cell Excel would run as a formula gets a leading apostrophe (OWASP's advice for CSV
/// injection); everything else is written as is.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

pub const CSV_COLUMNS: [&str; 16] = [
    "kind",
    "file",
    "key",
    "column",
    "list_column",
    "source_row",
    "list_row",
    "source_value",
    "list_value",
    "belongs_to",
    "belongs_to_row",
    "offset",
    "rows",
    "message",
    "source_cell",
    "list_cell",
];

/// Findings as CSV for Excel: UTF-8 with a BOM (so Excel reads it as UTF-8), one row per finding.
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut w = csv::WriterBuilder::new().from_writer(&mut out);
    let _ = w.write_record(CSV_COLUMNS);
    for f in &report.findings {
        let _ = w.write_record(csv_row(report, f).iter().map(|c| neutralize(c).into_owned()));
    }
    // The list's validation findings, when the options carried a schema, in the same columns.
    for f in report.validation.iter().flat_map(|v| &v.findings) {
        let mut r: [String; 16] = Default::default();
        r[1] = report.inputs.list.name.clone();
        match f {
            Issue::Invalid { row, column, value, rule, message, cell, .. } => {
                r[0] = "invalid".into();
                (r[3], r[6], r[8], r[13], r[15]) =
                    (column.clone(), row.to_string(), value.clone(), format!("{rule}: {}", message.en), cell.clone());
            }
            Issue::Duplicate { rule, columns, key, rows, message, .. } => {
                r[0] = "duplicate".into();
                r[2] = key.join(" / ");
                r[3] = columns.join(" + ");
                r[6] = rows.iter().map(u64::to_string).collect::<Vec<_>>().join(" ");
                r[13] = format!("{rule}: {}", message.en);
            }
            Issue::Malformed { .. } => continue, // already among the reconcile findings
        }
        let _ = w.write_record(r.iter().map(|c| neutralize(c).into_owned()));
    }
    let _ = w.flush();
    drop(w);
    out
}

fn csv_row(report: &Report, f: &Finding) -> [String; 16] {
    let mut r: [String; 16] = Default::default();
    r[0] = f.kind().to_string();
    let key = |k: &[String]| k.join(" / ");
    match f {
        Finding::Missing { key: k, source_row, source_cell } => {
            r[1] = report.inputs.source.name.clone();
            r[2] = key(k);
            r[5] = source_row.to_string();
            r[14] = source_cell.clone();
        }
        Finding::Unexpected { key: k, list_row, list_cell } => {
            r[1] = report.inputs.list.name.clone();
            r[2] = key(k);
            r[6] = list_row.to_string();
            r[15] = list_cell.clone();
        }
        Finding::Duplicate { file, key: k, rows, other_rows, cells } => {
            r[1] = side_name(report, *file).to_string();
            r[2] = key(k);
            let join = |v: &[u64]| v.iter().map(u64::to_string).collect::<Vec<_>>().join(" ");
            let (own, other) = if *file == Side::Source { (5, 6) } else { (6, 5) };
            r[own] = join(rows);
            r[other] = join(other_rows);
            r[12] = rows.len().to_string();
            r[own + 9] = cells.join(" ");
        }
        Finding::Mismatch {
            key: k,
            column,
            list_column,
            source_value,
            list_value,
            source_row,
            list_row,
            source_cell,
            list_cell,
        } => two_rows(
            &mut r,
            key(k),
            [column, list_column],
            [*source_row, *list_row],
            [source_value, list_value],
            [source_cell, list_cell],
        ),
        Finding::Crosswired {
            key: k,
            column,
            list_column,
            source_value,
            list_value,
            belongs_to,
            source_row,
            list_row,
            belongs_to_row,
            source_cell,
            list_cell,
        } => {
            let values = [source_value, list_value];
            two_rows(&mut r, key(k), [column, list_column], [*source_row, *list_row], values, [source_cell, list_cell]);
            r[9] = key(belongs_to);
            r[10] = belongs_to_row.to_string();
        }
        Finding::Shifted { column, list_column, offset, list_rows, rows, list_cells, .. } => {
            r[13] = super::sentence(report, f, super::Lang::En);
            r[1] = report.inputs.list.name.clone();
            r[15] = list_cells.clone();
            r[3] = column.clone();
            r[4] = list_column.clone();
            r[6] = format!("{}-{}", list_rows[0], list_rows[1]);
            r[11] = offset.to_string();
            r[12] = rows.to_string();
        }
        Finding::Malformed { file, row, line, message, cell, .. } => {
            r[1] = side_name(report, *file).to_string();
            let i = if *file == Side::Source { 5 } else { 6 };
            r[i] = row.to_string();
            r[i + 9] = cell.clone();
            r[13] = format!("line {line}: {message}");
        }
        Finding::TotalMismatch { file, column, cell, .. } => {
            r[1] = side_name(report, *file).to_string();
            r[3] = column.clone();
            r[if *file == Side::Source { 14 } else { 15 }] = cell.clone();
            r[13] = super::sentence(report, f, super::Lang::En);
        }
        Finding::NearMiss {
            key: k,
            list_key,
            column,
            list_column,
            source_row,
            list_row,
            source_cell,
            list_cell,
            ..
        } => {
            let keys = [&key(k), &key(list_key)];
            two_rows(&mut r, key(k), [column, list_column], [*source_row, *list_row], keys, [source_cell, list_cell]);
            r[13] = super::sentence(report, f, super::Lang::En);
        }
        Finding::Ambiguous { key: k, list_row, list_cell, .. } => {
            r[1] = report.inputs.list.name.clone();
            r[2] = key(k);
            r[6] = list_row.to_string();
            r[15] = list_cell.clone();
            r[13] = super::sentence(report, f, super::Lang::En);
        }
        Finding::ErrorCell { file, row, column, value, cell, .. } => {
            r[1] = side_name(report, *file).to_string();
            r[3] = column.clone();
            let i = if *file == Side::Source { 5 } else { 6 };
            r[i] = row.to_string();
            r[i + 9] = cell.clone();
            r[i + 2] = value.clone();
        }
    }
    r
}

/// The columns a finding about a pair of rows fills: its key, column, rows, values and cells.
fn two_rows(
    r: &mut [String],
    key: String,
    columns: [&String; 2],
    rows: [u64; 2],
    values: [&String; 2],
    cells: [&String; 2],
) {
    r[2] = key;
    (r[3], r[4]) = (columns[0].clone(), columns[1].clone());
    (r[5], r[6]) = (rows[0].to_string(), rows[1].to_string());
    (r[7], r[8]) = (values[0].clone(), values[1].clone());
    (r[14], r[15]) = (cells[0].clone(), cells[1].clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized() {
        for bad in ["=1+1", "+81", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralize(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralize("山田"), "山田");
        assert_eq!(neutralize("a=b"), "a=b");
    }
}
