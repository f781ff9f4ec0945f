//! The rows an import needs back after a validation: each with its place, whether it passed,
//! and its values — cast as the schema says for a row that passed every rule, as the file holds
//! them for one that did not — in pages, cast when asked for, so that a million-row file is
//! never held as JSON all at once.

use super::cast::{cast, Logical};
use super::number::Num;
use super::schema::{Schema, Type};
use crate::read::Loaded;
use crate::report::{Issue, ValidationReport};
use serde::Serialize;
use serde_json::{Map, Value};
use std::sync::Arc;

/// Which rows to page through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pick {
    /// Every data record, malformed ones included, in the file's order.
    All,
    /// The rows that broke no rule (what an import takes).
    Passed,
    /// The rows with at least one finding, malformed ones included.
    Failed,
}

/// One data record after validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedRow {
    /// As findings number rows: 1 = the first data record.
    pub row: u64,
    /// The physical line it starts on (a workbook: its row on the sheet).
    pub line: u64,
    /// True when the row broke no rule.
    pub ok: bool,
    /// Field name → value. A passed row's values are cast: integer → number (a string of digits
    /// past ±(2^53−1)), number → number (null for NaN and ±INF), boolean → true/false, date →
    /// "YYYY-MM-DD", datetime → "YYYY-MM-DDThh:mm:ss[.s](Z|±hh:mm)" (no zone for a value
    /// written without one; 24:00:00 as the next day's 00:00:00), time → "hh:mm:ss[.s]" (and its
    /// zone, if any),
    /// year → number, yearmonth → "YYYY-MM", object/array → the JSON, others → the text, a
    /// missing value → null. A failed row's values are the cells' text. None (null) for a
    /// malformed record, whose cells do not line up with the fields.
    pub values: Option<Values>,
    /// The row's findings: indices into [`Validated::findings`] (the report's `findings` when it
    /// was not cut), in that list's order; empty for a passed row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<usize>,
}

/// A row's values in the schema's field order (a JSON object, written in that order, so that a
/// line reads as the file does; serde_json's own map would sort the names).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Values(pub Vec<(String, Value)>);

impl Values {
    /// The value of the field called `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The values as a JSON object (its names sorted, as serde_json keeps them).
    pub fn to_map(&self) -> Map<String, Value> {
        self.0.iter().cloned().collect()
    }
}

impl FromIterator<(String, Value)> for Values {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Values(iter.into_iter().collect())
    }
}

impl Serialize for Values {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// A validation with the table and schema it was made from, to hand its rows back.
#[derive(Debug, Clone)]
pub struct Validated {
    loaded: Arc<Loaded>,
    schema: Schema,
    /// Each field's column in the table.
    columns: Vec<usize>,
    /// The whole report, findings uncut (`report` cuts them to `max_findings`).
    report: ValidationReport,
    max_findings: Option<usize>,
    /// (row number, finding index) for every row a finding names, sorted.
    by_row: Vec<(u64, usize)>,
    /// The row numbers with findings, sorted, once each.
    failed: Vec<u64>,
    /// The table indices of the readable rows among them, sorted.
    failed_readable: Vec<usize>,
}

impl Validated {
    pub(crate) fn new(
        loaded: Arc<Loaded>,
        schema: Schema,
        columns: Vec<usize>,
        report: ValidationReport,
        max_findings: Option<usize>,
    ) -> Validated {
        let mut by_row = Vec::new();
        for (i, f) in report.validation.findings.iter().enumerate() {
            match f {
                Issue::Invalid { row, .. } | Issue::Malformed { row, .. } => by_row.push((*row, i)),
                Issue::Duplicate { rows, .. } => by_row.extend(rows.iter().map(|&r| (r, i))),
            }
        }
        by_row.sort_unstable();
        let mut failed: Vec<u64> = by_row.iter().map(|&(r, _)| r).collect();
        failed.dedup();
        let table = &loaded.table;
        let failed_readable = failed.iter().filter_map(|&r| table.index_of_row(r)).collect();
        Validated { loaded, schema, columns, report, max_findings, by_row, failed, failed_readable }
    }

    /// The report, its findings cut to `max_findings` as asked (the summary counts them all).
    pub fn report(&self) -> ValidationReport {
        let mut report = ValidationReport {
            tool: self.report.tool.clone(),
            input: self.report.input.clone(),
            schema: self.report.schema.clone(),
            validation: crate::report::Validation {
                file: self.report.validation.file.clone(),
                summary: self.report.validation.summary.clone(),
                findings: Vec::new(),
                truncated: false,
            },
        };
        let all = &self.report.validation.findings;
        let keep = self.max_findings.map_or(all.len(), |m| m.min(all.len()));
        report.validation.findings = all[..keep].to_vec();
        report.validation.truncated = keep < all.len();
        report
    }

    /// The report, without a copy.
    pub fn into_report(self) -> ValidationReport {
        let mut report = self.report;
        if let Some(max) = self.max_findings {
            report.validation.truncated = report.validation.findings.len() > max;
            report.validation.findings.truncate(max);
        }
        report
    }

    /// The report with every finding, whatever `max_findings` says, without a copy (a handle
    /// that pages findings and rows keeps one report, not two).
    pub fn uncut_report(&self) -> &ValidationReport {
        &self.report
    }

    /// Every finding, never cut: what [`CheckedRow::findings`] indexes.
    pub fn findings(&self) -> &[Issue] {
        &self.report.validation.findings
    }

    /// The file as read.
    pub fn loaded(&self) -> &Arc<Loaded> {
        &self.loaded
    }

    /// How many rows `pick` gives.
    pub fn count(&self, pick: Pick) -> usize {
        let all = self.loaded.table.records();
        match pick {
            Pick::All => all,
            Pick::Failed => self.failed.len(),
            Pick::Passed => self.loaded.table.len() - self.failed_readable.len(),
        }
    }

    /// Up to `count` rows of `pick`, from its `start`-th (0-based) on: page through with
    /// `start += count` until a page comes back short.
    pub fn rows(&self, pick: Pick, start: usize, count: usize) -> Vec<CheckedRow> {
        let table = &self.loaded.table;
        let mut out = Vec::with_capacity(count.min(10_000));
        // Past the end is an empty page, whatever `start` (from JavaScript, up to 2^53): the
        // arithmetic below may then not overflow.
        if start >= self.count(pick) {
            return out;
        }
        match pick {
            Pick::All => {
                // Rows are numbered 1, 2, … across readable and malformed records alike.
                let last = self.last_row();
                let mut n = start as u64 + 1;
                while out.len() < count && n <= last {
                    out.extend(self.record(n));
                    n += 1;
                }
            }
            Pick::Failed => {
                for &n in self.failed.iter().skip(start).take(count) {
                    out.extend(self.record(n));
                }
            }
            Pick::Passed => {
                // The start-th passed row is table index start + k, k the failed rows before it:
                // the first k with failed_readable[k] - k > start (that difference never falls).
                let failed = &self.failed_readable;
                let (mut lo, mut hi) = (0, failed.len());
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if failed[mid] - mid <= start {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                let mut k = lo;
                let mut i = start + k;
                while out.len() < count && i < table.len() {
                    if self.failed_readable.get(k) == Some(&i) {
                        k += 1;
                    } else {
                        out.push(self.passed(i));
                    }
                    i += 1;
                }
            }
        }
        out
    }

    fn last_row(&self) -> u64 {
        let table = &self.loaded.table;
        let readable = table.len().checked_sub(1).map_or(0, |i| table.place(i).row);
        readable.max(table.malformed.last().map_or(0, |m| m.row))
    }

    /// Row number `n`, readable or malformed; None if no record has that number.
    fn record(&self, n: u64) -> Option<CheckedRow> {
        let table = &self.loaded.table;
        let findings = self.findings_of(n);
        if let Some(i) = table.index_of_row(n) {
            if findings.is_empty() {
                return Some(self.passed(i));
            }
            let values = self
                .schema
                .fields
                .iter()
                .zip(&self.columns)
                .map(|(f, &c)| (f.name.clone(), Value::String(table.cell(i, c).to_string())))
                .collect();
            return Some(CheckedRow { row: n, line: table.place(i).line, ok: false, values: Some(values), findings });
        }
        // Malformed records are in row order: a file with many stays quick to page through.
        let m = table.malformed.binary_search_by_key(&n, |m| m.row).ok().and_then(|i| table.malformed.get(i))?;
        Some(CheckedRow { row: n, line: m.line, ok: false, values: None, findings })
    }

    fn findings_of(&self, n: u64) -> Vec<usize> {
        let from = self.by_row.partition_point(|&(r, _)| r < n);
        let mut found: Vec<usize> = self.by_row[from..].iter().take_while(|&&(r, _)| r == n).map(|&(_, f)| f).collect();
        found.sort_unstable();
        found
    }

    /// Readable row `i`, which broke no rule, cast.
    fn passed(&self, i: usize) -> CheckedRow {
        let table = &self.loaded.table;
        let values = self
            .schema
            .fields
            .iter()
            .zip(&self.columns)
            .map(|(f, &c)| {
                let text = table.cell(i, c);
                let value = if f.missing_values.iter().any(|m| m == text) {
                    Value::Null
                } else {
                    // It passed, so it casts; were it ever not to, its text is handed back.
                    cast(f, text).map_or_else(|_| Value::String(text.to_string()), |l| json(f.kind, &l, text))
                };
                (f.name.clone(), value)
            })
            .collect();
        let place = table.place(i);
        CheckedRow { row: place.row, line: place.line, ok: true, values: Some(values), findings: Vec::new() }
    }
}

/// JavaScript's largest exact integer, 2^53 − 1: past it an integer is handed over as its digits.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// A value as JSON, as its type says (see [`CheckedRow::values`]).
fn json(kind: Type, value: &Logical, text: &str) -> Value {
    match value {
        Logical::Number(n) if matches!(kind, Type::Integer | Type::Year) => match n.to_i64() {
            Some(i) if i.abs() <= MAX_SAFE_INTEGER => Value::from(i),
            _ => Value::String(n.canonical()),
        },
        Logical::Number(n) => number(n),
        Logical::Bool(b) => Value::Bool(*b),
        Logical::DateTime(t) => Value::String(t.normalised()),
        Logical::Time(t) => Value::String(t.normalised()),
        Logical::Json(v) => (**v).clone(),
        Logical::Text(_) => Value::String(text.to_string()),
        Logical::Date(_) | Logical::YearMonth(_) => Value::String(value.canonical().into_owned()),
    }
}

/// The nearest double; JSON has no NaN or infinity, so those are null.
fn number(n: &Num) -> Value {
    serde_json::Number::from_f64(n.to_f64()).map_or(Value::Null, Value::Number)
}
