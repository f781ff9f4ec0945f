//! The front door's calls: `reconcile`, `validate`, `inspect` and `prepare`; their `_with` forms
//! take the thread count and hear progress; the `_loaded` forms reuse files already read.

use crate::error::{Error, ErrorKind, Result};
use crate::options::{FileOptions, Options, SheetChoice, Step};
use crate::par::Threads;
use crate::plan::profile::{profile, Profile};
use crate::plan::{self, Plan};
use crate::progress::{self, Progress, Span, Stage};
use crate::read::layout::SkipReason;
use crate::read::{load, load_with_progress, Input, Loaded};
use crate::report::{
    InputInfo, Inputs, Mapping, RenamedColumn, Report, Side, SkippedLine, SkippedReason, Summary, Tool, Validation,
    ValidationReport,
};
use crate::validate::{self, rows::Validated, schema::Schema};
use serde::Serialize;
use std::sync::Arc;

/// Read both files, map their columns, match rows by key and report every discrepancy.
pub fn reconcile(source: Input, list: Input, options: &Options) -> Result<Report> {
    reconcile_with(source, list, options, Threads::default(), &mut |_| {}).map(|r| r.report)
}

/// A report with the two files it was made from, so that a finding's rows can be shown.
#[derive(Debug, Clone)]
pub struct Reconciled {
    pub report: Report,
    pub source: Arc<Loaded>,
    pub list: Arc<Loaded>,
}

/// One row of an input, header beside cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub header: Vec<String>,
    pub cells: Vec<String>,
}

impl Reconciled {
    /// The row numbered `row` (as findings number it) in one file; None for a malformed row or a
    /// number past the end.
    pub fn row(&self, side: Side, row: u64) -> Option<Row> {
        let table = match side {
            Side::Source => &self.source.table,
            Side::List => &self.list.table,
        };
        let r = table.index_of_row(row)?;
        Some(Row { header: table.header.clone(), cells: table.row_cells(r) })
    }
}

/// `reconcile` on `threads`, telling `progress` how far it is, and keeping the tables.
pub fn reconcile_with(
    source: Input,
    list: Input,
    options: &Options,
    threads: Threads,
    progress: &mut dyn FnMut(Progress),
) -> Result<Reconciled> {
    let bar = bar_of(options);
    let (source, list) = load_both(source, list, options, threads, bar, progress)?;
    reconcile_loaded(Arc::new(source), Arc::new(list), options, threads, progress)
}

/// `reconcile_with` on files already read with `options.source` and `options.list`: the page
/// reads each file once, when it is chosen, and keeps it for the plan and every run.
pub fn reconcile_loaded(
    source: Arc<Loaded>,
    list: Arc<Loaded>,
    options: &Options,
    threads: Threads,
    progress: &mut dyn FnMut(Progress),
) -> Result<Reconciled> {
    let bar = bar_of(options);
    // Refused before any work: a report must name both files by their hash.
    refuse_unhashed(&source)?;
    refuse_unhashed(&list)?;
    progress(progress::at(bar, Stage::Mapping, 0.0));
    // The mapping is made on one thread: the files' damage notes are looked for on the other
    // meanwhile (100 ms of a 1M-row run, once on its critical path).
    let (plan, ()) = threads.both(
        || plan::plan(&source.table, &list.table, options),
        || {
            for l in [&*source, &*list] {
                l.damage.get_or_init(|| plan::damage::damage(&l.table));
            }
        },
    );
    let plan = plan?;
    let inputs = Inputs { source: hashed_info(&source)?, list: hashed_info(&list)? };
    progress(progress::at(bar, Stage::Matching, 0.0));
    // -1 to 0: matching (keys read, pairs being found); 0 to 1: comparing.
    let outcome = crate::reconcile::reconcile(&source.table, &list.table, &plan, threads, &mut |f| {
        progress(if f < 0.0 {
            progress::at(bar, Stage::Matching, 1.0 + f)
        } else {
            progress::at(bar, Stage::Comparing, f)
        })
    })?;
    let used = used_options(options, &source, &list, &plan, &outcome.identifying);
    let validation = match &options.schema {
        Some(schema) => {
            let schema = Schema::from_value(schema, "options.schema")?;
            progress(progress::at(bar, Stage::Checking, 0.0));
            let tick = &mut |f| progress(progress::at(bar, Stage::Checking, f));
            Some(capped(validate::validate_with(&list.table, &schema, Side::List, tick)?, options.max_findings))
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
        inputs,
        options: used,
        mapping: plan.mapping(),
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

/// The progress bar a reconcile with these options draws.
fn bar_of(options: &Options) -> &'static [Span] {
    if options.schema.is_some() {
        &progress::RECONCILE_CHECKED
    } else {
        &progress::RECONCILE
    }
}

fn capped(mut v: Validation, max: Option<usize>) -> Validation {
    if let Some(max) = max {
        v.truncated = v.findings.len() > max;
        v.findings.truncate(max);
    }
    v
}

/// What a report says of a file it read.
fn info(loaded: &Loaded) -> InputInfo {
    let t = &loaded.table;
    InputInfo {
        name: loaded.name.clone(),
        sha256: loaded.sha256().map(|h| h.as_str().to_string()),
        bytes: loaded.bytes,
        encoding: loaded.encoding.clone(),
        delimiter: loaded.delimiter.clone(),
        rows: t.records(),
        columns: t.header.clone(),
        renamed_columns: t
            .renamed
            .iter()
            .map(|r| RenamedColumn { column: r.column, from: r.from.clone(), to: r.to.clone() })
            .collect(),
        sheet: loaded.sheet.clone(),
        sheets: loaded.sheets.clone(),
        blank_records: t.blank_records,
        header_row: t.excel_row(t.header_line),
        skipped: t
            .skipped
            .iter()
            .map(|s| SkippedLine {
                line: s.line,
                reason: match s.reason {
                    SkipReason::AboveHeader => SkippedReason::AboveHeader,
                    SkipReason::Totals => SkippedReason::Totals,
                    SkipReason::Notes => SkippedReason::Notes,
                },
                text: s.text.clone(),
                cell: t.cell_name(s.line, 0),
            })
            .collect(),
        damage: loaded.damage.get_or_init(|| plan::damage::damage(t)).clone(),
    }
}

/// `info` for a report, which names the file by its SHA-256: a file whose caller never handed its
/// hash over is refused rather than named by nothing.
fn hashed_info(loaded: &Loaded) -> Result<InputInfo> {
    refuse_unhashed(loaded)?;
    Ok(info(loaded))
}

fn refuse_unhashed(loaded: &Loaded) -> Result<()> {
    if loaded.sha256().is_none() {
        return Err(Error::internal(format!(
            "{}: its SHA-256 was to come from the caller and never came",
            loaded.name
        ))
        .hint("call set_sha256 (setSha256 in JavaScript) once the file is hashed"));
    }
    Ok(())
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

/// `validate`, telling `progress` how far it is (`progress::VALIDATE`: reading, then checking).
pub fn validate_with(
    input: Input,
    schema_json: &str,
    schema_name: &str,
    options: &FileOptions,
    max_findings: Option<usize>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ValidationReport> {
    Ok(validate_kept(input, schema_json, schema_name, options, max_findings, progress)?.into_report())
}

/// `validate_with`, keeping the table and the schema for the rows ([`Validated::rows`]).
pub fn validate_kept(
    input: Input,
    schema_json: &str,
    schema_name: &str,
    options: &FileOptions,
    max_findings: Option<usize>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Validated> {
    // The schema first: a wrong one is said before a big file is read.
    let (schema_value, schema) = read_schema(schema_json, schema_name)?;
    let bar = &progress::VALIDATE;
    progress(progress::at(bar, Stage::Reading, 0.0));
    let loaded = load_with_progress(input, options, &mut |f| progress(progress::at(bar, Stage::Reading, f)))?;
    check_loaded(Arc::new(loaded), schema_value, schema, max_findings, bar, progress)
}

/// Check a file already read (see [`read`]) against a Table Schema, keeping the table and the
/// schema: the result hands back the report and, page by page, the rows cast as the schema
/// says ([`Validated::rows`]) — what an import takes after the check.
pub fn validate_loaded(
    loaded: Arc<Loaded>,
    schema_json: &str,
    schema_name: &str,
    max_findings: Option<usize>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Validated> {
    let (schema_value, schema) = read_schema(schema_json, schema_name)?;
    check_loaded(loaded, schema_value, schema, max_findings, &progress::VALIDATE, progress)
}

fn read_schema(schema_json: &str, schema_name: &str) -> Result<(serde_json::Value, Schema)> {
    let schema_value: serde_json::Value =
        serde_json::from_str(schema_json.trim_start_matches('\u{FEFF}')).map_err(|e| {
            Error::new(ErrorKind::Schema, format!("not valid JSON: {e}"))
                .in_file(schema_name)
                .at_line(e.line() as u64)
                .hint("the schema must be one JSON object with a \"fields\" list")
        })?;
    // The report echoes the schema as given; the checks read its numbers as written.
    let mut exact = schema_value.clone();
    crate::validate::schema::keep_exact_numbers(schema_json.trim_start_matches('\u{FEFF}'), &mut exact);
    let schema = Schema::from_value(&exact, schema_name)?;
    Ok((schema_value, schema))
}

fn check_loaded(
    loaded: Arc<Loaded>,
    schema_value: serde_json::Value,
    schema: Schema,
    max_findings: Option<usize>,
    bar: &[Span],
    progress: &mut dyn FnMut(Progress),
) -> Result<Validated> {
    progress(progress::at(bar, Stage::Checking, 0.0));
    let tick = &mut |f| progress(progress::at(bar, Stage::Checking, f));
    let validation = validate::validate_with(&loaded.table, &schema, Side::List, tick)?;
    let (columns, _) = validate::columns(&loaded.table, &schema)?;
    let report =
        ValidationReport { tool: Tool::default(), input: hashed_info(&loaded)?, schema: schema_value, validation };
    progress(Progress { stage: Stage::Done, fraction: 1.0 });
    Ok(Validated::new(loaded, schema, columns, report, max_findings))
}

/// The options a run used: the given ones with everything detected filled in, so that feeding
/// them back reproduces the run.
fn used_options(
    options: &Options,
    source: &Loaded,
    list: &Loaded,
    plan: &Plan,
    identifying: &[Option<bool>],
) -> Options {
    let mut used = options.clone();
    used.source.encoding = source.encoding.clone();
    used.source.delimiter = source.delimiter.clone();
    used.list.encoding = list.encoding.clone();
    used.list.delimiter = list.delimiter.clone();
    // A workbook's sheet, by name, so that the options read the same sheet again.
    for (file, loaded) in [(&mut used.source, source), (&mut used.list, list)] {
        if let Some(sheet) = &loaded.sheet {
            file.sheet = Some(SheetChoice::Name(sheet.clone()));
        }
    }
    used.key = Some(plan.key.iter().map(|p| p.spec()).collect());
    used.pairing = plan.pairing;
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prepared {
    pub inputs: Inputs,
    pub mapping: Mapping,
    pub options: Options,
}

/// Read both files and plan the run (mapping, key, steps) without reconciling.
pub fn prepare(source: Input, list: Input, options: &Options) -> Result<Prepared> {
    let (source, list) = load_both(source, list, options, Threads::default(), &progress::RECONCILE, &mut |_| {})?;
    prepare_loaded(&source, &list, options)
}

/// `prepare` on files already read with `options.source` and `options.list`.
pub fn prepare_loaded(source: &Loaded, list: &Loaded, options: &Options) -> Result<Prepared> {
    let inputs = Inputs { source: hashed_info(source)?, list: hashed_info(list)? };
    let plan = plan::plan(&source.table, &list.table, options)?;
    let options = used_options(options, source, list, &plan, &[]);
    Ok(Prepared { mapping: plan.mapping(), inputs, options })
}

/// Read one file as `options` say, telling `progress` the share read (0 to 1): for callers that
/// keep files read once (the page's worker) and hand them to the `_loaded` forms.
pub fn read(input: Input, options: &FileOptions, progress: &mut dyn FnMut(f64)) -> Result<Loaded> {
    load_with_progress(input, options, progress)
}

/// The two files are read side by side where there are threads (reading is much of the time),
/// in turn where there is one (WebAssembly), each with its own part of the bar.
fn load_both(
    source: Input,
    list: Input,
    options: &Options,
    threads: Threads,
    bar: &[Span],
    progress: &mut dyn FnMut(Progress),
) -> Result<(Loaded, Loaded)> {
    if threads.count() == 1 {
        progress(progress::at(bar, Stage::ReadingSource, 0.0));
        let source =
            load_with_progress(source, &options.source, &mut |f| progress(progress::at(bar, Stage::ReadingSource, f)))?;
        progress(progress::at(bar, Stage::ReadingList, 0.0));
        let list =
            load_with_progress(list, &options.list, &mut |f| progress(progress::at(bar, Stage::ReadingList, f)))?;
        return Ok((source, list));
    }
    progress(progress::at(bar, Stage::Reading, 0.0));
    let (source, list) = threads.both(|| load(source, &options.source), || load(list, &options.list));
    Ok((source?, list?))
}

/// What `inspect` tells about one file: how it was read and what each column holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inspection {
    pub tool: Tool,
    pub input: InputInfo,
    pub malformed: Vec<MalformedRow>,
    pub columns: Vec<ColumnProfile>,
    /// The first few readable rows, as read.
    pub preview: Vec<Vec<String>>,
}

const PREVIEW_ROWS: usize = 5;

/// A record `inspect` could not read as a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MalformedRow {
    pub row: u64,
    pub line: u64,
    pub message: String,
}

/// One column's profile and the normalisation it would get by default.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnProfile {
    #[serde(flatten)]
    pub profile: Profile,
    pub normalize: Vec<Step>,
}

/// Read one file and describe it: encoding, delimiter, header, rows, column profiles.
pub fn inspect(input: Input, options: &FileOptions) -> Result<Inspection> {
    Ok(describe(&load(input, options)?))
}

/// What `inspect` tells of a file already read (its `sha256` is null while a caller that hashes
/// it has not handed the hash over).
pub fn describe(loaded: &Loaded) -> Inspection {
    let t = &loaded.table;
    let columns = (0..t.width())
        .map(|c| {
            let profile = profile(t, c);
            let normalize = profile.kind.default_steps();
            ColumnProfile { profile, normalize }
        })
        .collect();
    let malformed =
        t.malformed.iter().map(|m| MalformedRow { row: m.row, line: m.line, message: m.message() }).collect();
    let preview = (0..t.len().min(PREVIEW_ROWS)).map(|r| t.row_cells(r)).collect();
    let input = info(loaded);
    Inspection { tool: Tool::default(), input, malformed, columns, preview }
}
