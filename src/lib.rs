//! # crosscheck
//!
//! Reconcile a recipient list against the source records it was built from, and say exactly
//! what is wrong: rows **missing** from the list, **unexpected** rows, **duplicate** keys, values
//! that **mismatch**, contacts that are **crosswired** (an e-mail that belongs to another
//! customer), columns **shifted** by a few rows, and **malformed** rows.
//!
//! The data follows one path, one module per stage:
//!
//! ```text
//! bytes ─decode─▶ text ─table─▶ Table ─plan─▶ Plan ─reconcile─▶ Report ─render─▶ text / CSV / JSON
//! ```
//!
//! ```
//! use crosscheck::{reconcile, Input, Options};
//!
//! let source = Input::new("source.csv", "customer_id,name,email\nC1,山田 太郎,taro@example.jp\nC2,鈴木 花子,hanako@example.jp\n");
//! let list = Input::new("list.csv", "顧客ID,氏名,メールアドレス\nC1,山田　太郎,TARO@example.jp\nC2,鈴木 花子,taro@example.jp\n");
//! let report = reconcile(source, list, &Options::default())?;
//! assert_eq!(report.summary.findings.crosswired, 1); // C2's address is C1's
//! assert_eq!(report.summary.findings.mismatch, 0);   // width and case are not differences
//! # Ok::<(), crosscheck::Error>(())
//! ```
//!
//! The core knows nothing of WebAssembly or the DOM; it never panics on input: every failure is
//! an [`Error`] naming the file and, where it can, the line, row and column.

// One error type carrying file, line, row and column is worth its size: errors end a run, so
// they are returned once, never in a loop.
#![allow(clippy::result_large_err)]

pub mod decode;
pub mod error;
pub mod hashsort;
pub mod input;
pub mod normalize;
pub mod options;
pub mod par;
pub mod plan;
pub mod profile;
pub mod query;
pub mod reconcile;
pub mod records;
pub mod render;
pub mod report;
pub mod sample;
pub mod schema;
pub mod shift;
pub mod synonyms;
pub mod table;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind, Result};
pub use input::Input;
pub use options::{ColumnSpec, FileOptions, Options};
pub use report::{Finding, Report};

pub use input::Loaded;
use input::{load, load_with_progress};
use report::{Inputs, Mapping, Summary, Tool};
use std::sync::Arc;

pub use report::Side;

/// Unit tests return errors with `?` rather than unwrapping them: a failing test shows the error.
#[cfg(test)]
pub(crate) type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Read both files, map their columns, match rows by key and report every discrepancy.
pub fn reconcile(source: Input, list: Input, options: &Options) -> Result<Report> {
    reconcile_with(source, list, options, &mut |_| {}).map(|r| r.report)
}

/// How far a run is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Progress {
    pub stage: Stage,
    /// Share of the whole run done, 0 to 1.
    pub fraction: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Both files at once (natively).
    Reading,
    ReadingSource,
    ReadingList,
    /// Validation: each row against the schema.
    Checking,
    Mapping,
    Matching,
    Comparing,
    Done,
}

/// A report with the two files it was made from, so that a finding's rows can be shown.
#[derive(Debug, Clone)]
pub struct Reconciled {
    pub report: Report,
    pub source: Arc<Loaded>,
    pub list: Arc<Loaded>,
}

/// One row of an input, header beside cells.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Row {
    pub header: Vec<String>,
    pub cells: Vec<String>,
}

impl Reconciled {
    /// The row numbered `row` (as findings number it) in one file; None for a malformed row or a
    /// number past the end.
    pub fn row(&self, side: report::Side, row: u64) -> Option<Row> {
        let table = match side {
            report::Side::Source => &self.source.table,
            report::Side::List => &self.list.table,
        };
        let r = table.index_of_row(row)?;
        Some(Row { header: table.header.clone(), cells: table.row_cells(r) })
    }
}

/// `reconcile`, reporting progress between stages and keeping the tables.
pub fn reconcile_with(
    source: Input,
    list: Input,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Reconciled> {
    let (source, list) = load_both(source, list, options, progress)?;
    reconcile_loaded(Arc::new(source), Arc::new(list), options, progress)
}

/// `reconcile_with` on files already read with `options.source` and `options.list`: the page
/// reads each file once, when it is chosen, and keeps it for the plan and every run.
pub fn reconcile_loaded(
    source: Arc<Loaded>,
    list: Arc<Loaded>,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Reconciled> {
    progress(Progress { stage: Stage::Mapping, fraction: 0.55 });
    let plan = plan::plan(&source.table, &list.table, options)?;
    progress(Progress { stage: Stage::Matching, fraction: 0.6 });
    // -1 to 0: matching (keys read, pairs being found); 0 to 1: comparing.
    let outcome = reconcile::reconcile(&source.table, &list.table, &plan, &mut |f| {
        let (stage, fraction) =
            if f < 0.0 { (Stage::Matching, 0.7 + 0.1 * f) } else { (Stage::Comparing, 0.7 + 0.3 * f) };
        progress(Progress { stage, fraction })
    })?;
    let used = used_options(options, &source, &list, &plan, &outcome.identifying);
    let validation = match &options.schema {
        Some(schema) => {
            let schema = schema::Schema::from_value(schema, "options.schema")?;
            Some(capped(validate::validate(&list.table, &schema, Side::List)?, options.max_findings))
        }
        None => None,
    };
    let mut findings = outcome.findings;
    let truncated = options.max_findings.is_some_and(|max| findings.len() > max);
    if let Some(max) = options.max_findings {
        findings.truncate(max);
    }
    let report = Report {
        tool: Tool::default(),
        inputs: Inputs { source: source.info.clone(), list: list.info.clone() },
        options: used,
        mapping: Mapping::from(&plan),
        summary: Summary {
            source: outcome.source,
            list: outcome.list,
            findings: outcome.counts,
            columns: outcome.columns,
            totals: outcome.totals,
        },
        findings,
        truncated,
        validation,
    };
    progress(Progress { stage: Stage::Done, fraction: 1.0 });
    Ok(Reconciled { report, source, list })
}

fn capped(mut v: validate::Validation, max: Option<usize>) -> validate::Validation {
    if let Some(max) = max {
        v.truncated = v.findings.len() > max;
        v.findings.truncate(max);
    }
    v
}

/// What `validate` reports: the file as read, the schema used, and what breaks it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ValidationReport {
    pub tool: Tool,
    pub input: report::InputInfo,
    /// The schema as given.
    pub schema: serde_json::Value,
    #[serde(flatten)]
    pub validation: validate::Validation,
}

/// Check one file against a Table Schema (JSON text; `schema_name` names it in errors).
pub fn validate(
    input: Input,
    schema_json: &str,
    schema_name: &str,
    options: &FileOptions,
    max_findings: Option<usize>,
) -> Result<ValidationReport> {
    validate_with(input, schema_json, schema_name, options, max_findings, &mut |_| {})
}

/// `validate`, telling `progress` how far it is: reading to 0.3, then checking the rows.
pub fn validate_with(
    input: Input,
    schema_json: &str,
    schema_name: &str,
    options: &FileOptions,
    max_findings: Option<usize>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ValidationReport> {
    let schema_value: serde_json::Value =
        serde_json::from_str(schema_json.trim_start_matches('\u{FEFF}')).map_err(|e| {
            Error::new(ErrorKind::Schema, format!("not valid JSON: {e}"))
                .in_file(schema_name)
                .at_line(e.line() as u64)
                .hint("the schema must be one JSON object with a \"fields\" list")
        })?;
    let schema = schema::Schema::from_value(&schema_value, schema_name)?;
    progress(Progress { stage: Stage::Reading, fraction: 0.0 });
    let loaded =
        load_with_progress(input, options, &mut |f| progress(Progress { stage: Stage::Reading, fraction: 0.3 * f }))?;
    progress(Progress { stage: Stage::Checking, fraction: 0.3 });
    let tick = &mut |f| progress(Progress { stage: Stage::Checking, fraction: 0.3 + 0.7 * f });
    let validation = capped(validate::validate_with(&loaded.table, &schema, Side::List, tick)?, max_findings);
    progress(Progress { stage: Stage::Done, fraction: 1.0 });
    Ok(ValidationReport { tool: Tool::default(), input: loaded.info, schema: schema_value, validation })
}

/// The options a run used: the given ones with everything detected filled in, so that feeding
/// them back reproduces the run.
fn used_options(
    options: &Options,
    source: &Loaded,
    list: &Loaded,
    plan: &plan::Plan,
    identifying: &[Option<bool>],
) -> Options {
    let mut used = options.clone();
    used.source.encoding = source.info.encoding.clone();
    used.source.delimiter = source.info.delimiter.clone();
    used.list.encoding = list.info.encoding.clone();
    used.list.delimiter = list.info.delimiter.clone();
    used.key = Some(plan.key.iter().map(|p| p.spec()).collect());
    used.columns = Some(
        plan.columns
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut spec = p.spec();
                spec.identifying = spec.identifying.or(identifying.get(i).copied().flatten());
                spec
            })
            .collect(),
    );
    used.map.clear();
    used
}

/// What a run would use, before running it: for the page to show the mapping, the key and
/// each column's steps for the user to change.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Prepared {
    pub inputs: Inputs,
    pub mapping: Mapping,
    pub options: Options,
}

/// Read both files and plan the run (mapping, key, steps) without reconciling.
pub fn prepare(source: Input, list: Input, options: &Options) -> Result<Prepared> {
    let (source, list) = load_both(source, list, options, &mut |_| {})?;
    prepare_loaded(&source, &list, options)
}

/// `prepare` on files already read with `options.source` and `options.list`.
pub fn prepare_loaded(source: &Loaded, list: &Loaded, options: &Options) -> Result<Prepared> {
    let plan = plan::plan(&source.table, &list.table, options)?;
    let options = used_options(options, source, list, &plan, &[]);
    let inputs = Inputs { source: source.info.clone(), list: list.info.clone() };
    Ok(Prepared { mapping: Mapping::from(&plan), inputs, options })
}

/// The two files are read side by side where there are threads (reading is much of the time),
/// in turn in WebAssembly.
fn load_both(
    source: Input,
    list: Input,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Loaded, Loaded)> {
    if cfg!(target_arch = "wasm32") {
        progress(Progress { stage: Stage::ReadingSource, fraction: 0.0 });
        let source = load_with_progress(source, &options.source, &mut |f| {
            progress(Progress { stage: Stage::ReadingSource, fraction: 0.3 * f })
        })?;
        progress(Progress { stage: Stage::ReadingList, fraction: 0.3 });
        let list = load_with_progress(list, &options.list, &mut |f| {
            progress(Progress { stage: Stage::ReadingList, fraction: 0.3 + 0.25 * f })
        })?;
        return Ok((source, list));
    }
    progress(Progress { stage: Stage::Reading, fraction: 0.0 });
    let (source, list) = par::both(|| load(source, &options.source), || load(list, &options.list));
    Ok((source?, list?))
}

/// What `inspect` tells about one file: how it was read and what each column holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Inspection {
    pub tool: Tool,
    pub input: report::InputInfo,
    pub malformed: Vec<MalformedRow>,
    pub columns: Vec<ColumnProfile>,
    /// The first few readable rows, as read.
    pub preview: Vec<Vec<String>>,
}

const PREVIEW_ROWS: usize = 5;

/// A record `inspect` could not read as a row.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MalformedRow {
    pub row: u64,
    pub line: u64,
    pub message: String,
}

/// One column's profile and the normalisation it would get by default.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ColumnProfile {
    #[serde(flatten)]
    pub profile: profile::Profile,
    pub normalize: Vec<normalize::Step>,
}

/// Read one file and describe it: encoding, delimiter, header, rows, column profiles.
pub fn inspect(input: Input, options: &FileOptions) -> Result<Inspection> {
    Ok(describe(&load(input, options)?))
}

/// What `inspect` tells of a file already read.
pub fn describe(loaded: &Loaded) -> Inspection {
    let t = &loaded.table;
    let columns = (0..t.width())
        .map(|c| {
            let profile = profile::profile(t, c);
            let normalize = profile.kind.default_steps();
            ColumnProfile { profile, normalize }
        })
        .collect();
    let malformed =
        t.malformed.iter().map(|m| MalformedRow { row: m.row, line: m.line, message: m.message() }).collect();
    let preview = (0..t.len().min(PREVIEW_ROWS)).map(|r| t.row_cells(r)).collect();
    Inspection { tool: Tool::default(), input: loaded.info.clone(), malformed, columns, preview }
}
