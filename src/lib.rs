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
//! let report = reconcile(source, list, &Options::default()).unwrap();
//! assert_eq!(report.summary.findings.crosswired, 1); // C2's address is C1's
//! assert_eq!(report.summary.findings.mismatch, 0);   // width and case are not differences
//! ```
//!
//! The core knows nothing of WebAssembly or the DOM; it never panics on input: every failure is
//! an [`Error`] naming the file and, where it can, the line, row and column.

// One error type carrying file, line, row and column is worth its size: errors end a run, so
// they are returned once, never in a loop.
#![allow(clippy::result_large_err)]

pub mod decode;
pub mod error;
pub mod input;
pub mod normalize;
pub mod options;
pub mod par;
pub mod plan;
pub mod profile;
pub mod reconcile;
pub mod render;
pub mod report;
pub mod sample;
pub mod shift;
pub mod synonyms;
pub mod table;

pub use error::{Error, ErrorKind, Result};
pub use input::Input;
pub use options::{ColumnSpec, FileOptions, Options};
pub use report::{Finding, Report};

use input::{load, Loaded};
use report::{Inputs, Mapping, Summary, Tool};

/// Read both files, map their columns, match rows by key and report every discrepancy.
pub fn reconcile(source: Input, list: Input, options: &Options) -> Result<Report> {
    let (source, list) = load_both(source, list, options)?;
    let plan = plan::plan(&source.table, &list.table, options)?;
    let outcome = reconcile::reconcile(&source.table, &list.table, &plan)?;

    let mut used = options.clone();
    used.source.encoding = source.info.encoding.clone();
    used.source.delimiter = source.info.delimiter.clone();
    used.list.encoding = list.info.encoding.clone();
    used.list.delimiter = list.info.delimiter.clone();
    used.key = Some(plan.key.iter().map(|p| p.spec()).collect());
    used.columns = Some(
        plan.columns
            .iter()
            .zip(&outcome.identifying)
            .map(|(p, ident)| {
                let mut spec = p.spec();
                spec.identifying = spec.identifying.or(*ident);
                spec
            })
            .collect(),
    );
    used.map.clear();

    let mut findings = outcome.findings;
    let truncated = options.max_findings.is_some_and(|max| findings.len() > max);
    if let Some(max) = options.max_findings {
        findings.truncate(max);
    }
    Ok(Report {
        tool: Tool::default(),
        inputs: Inputs { source: source.info, list: list.info },
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
    })
}

/// The two files are read side by side (reading is much of the time).
fn load_both(source: Input, list: Input, options: &Options) -> Result<(Loaded, Loaded)> {
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
}

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
    let loaded = load(input, options)?;
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
    Ok(Inspection { tool: Tool::default(), input: loaded.info, malformed, columns })
}
