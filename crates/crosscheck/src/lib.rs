//! # crosscheck
//!
//! Reconcile a recipient list against the source records it was built from, and say exactly
//! what is wrong: rows **missing** from the list, **unexpected** rows, **duplicate** keys, values
//! that **mismatch**, contacts that are **crosswired** (an e-mail that belongs to another
//! customer), columns **shifted** by a few rows, and **malformed** rows.
//!
//! The data follows one path, one folder per stage:
//!
//! ```text
//! bytes ─read─▶ Table ─plan─▶ Plan ─reconcile─▶ Report ─render─▶ text / CSV / JSON
//!                 └──────validate (Table Schema)─────▶ ValidationReport
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

// The contracts: what goes in (options), what comes out (report), and what can go wrong.
mod error;
pub mod options;
pub mod report;

// The stages, in the order the data goes through them.
pub mod normalize;
mod plan;
mod read;
mod reconcile;
pub mod render;
mod validate;
mod value;

mod api;
mod par;
mod progress;
mod vocabulary;

pub use api::{
    describe, inspect, prepare, prepare_loaded, read, reconcile, reconcile_loaded, reconcile_with, validate,
    validate_kept, validate_loaded, validate_with, ColumnProfile, Inspection, MalformedRow, Prepared, Reconciled, Row,
};
pub use error::{Error, ErrorKind, Remedy, Result};
pub use normalize::{normalize, Step};
pub use options::{ColumnSpec, FileOptions, Options, Pairing, SheetChoice};
pub use par::Threads;
pub use progress::{Progress, Span, Stage};
pub use read::{Input, Loaded, Sha256};
pub use report::{Finding, FindingKind, Report, Side, ValidationReport};
pub use validate::rows::{CheckedRow, Pick, Validated, Values};
pub use vocabulary::{vocabulary, Vocabulary};

/// Unit tests return errors with `?` rather than unwrapping them: a failing test shows the error.
#[cfg(test)]
pub(crate) type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;
