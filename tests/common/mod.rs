//! Shared helpers for the integration tests: fixtures by name, and a reconcile that also checks
//! the conservation rule on every run.

#![allow(dead_code)]

use crosscheck::{reconcile, Input, Options, Report};
use std::path::PathBuf;

pub fn fixture_path(name: &str) -> PathBuf {
    // Fixtures are shared by every crate's tests, at the workspace's root.
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

pub fn fixture(name: &str) -> Input {
    let bytes = std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"));
    Input::new(name, bytes)
}

/// Reconcile two fixtures and assert that every row of both files is in exactly one bucket.
pub fn run(source: &str, list: &str) -> Report {
    run_with(source, list, &Options::default())
}

pub fn run_with(source: &str, list: &str, options: &Options) -> Report {
    let report = reconcile(fixture(source), fixture(list), options).unwrap_or_else(|e| panic!("{e}"));
    assert_conserved(&report);
    report
}

pub fn assert_conserved(report: &Report) {
    for (name, b) in [("source", &report.summary.source), ("list", &report.summary.list)] {
        assert_eq!(
            b.paired + b.unpaired + b.duplicate + b.malformed + b.skipped,
            b.rows,
            "{name} rows do not add up: {b:?}"
        );
    }
    for (b, input) in [(&report.summary.source, &report.inputs.source), (&report.summary.list, &report.inputs.list)] {
        assert_eq!(b.rows, input.rows + input.skipped.len());
        assert_eq!(b.skipped, input.skipped.len());
    }
}

/// The findings as JSON values, for assertions that read like the report.
pub fn findings(report: &Report) -> Vec<serde_json::Value> {
    report.findings.iter().map(|f| serde_json::to_value(f).unwrap()).collect()
}
