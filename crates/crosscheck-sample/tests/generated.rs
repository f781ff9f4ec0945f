//! The generator's ground truth against what reconciliation finds: realistic data, harmless
//! variants everywhere, every kind injected — the counts must agree exactly.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::assert_conserved;
use crosscheck::report::{Finding, Side};
use crosscheck::{reconcile, reconcile_with, Input, Options, Threads};
use crosscheck_sample::{demo, generate, Sample, SampleSpec};
use std::collections::BTreeSet;

fn check(sample: Sample) {
    let t = sample.truth;
    let r =
        reconcile(Input::new("source.csv", sample.source), Input::new("list.csv", sample.list), &Options::default())
            .unwrap_or_else(|e| panic!("{e}"));
    assert_conserved(&r);
    assert_eq!(r.inputs.source.rows, t.source_rows);
    assert_eq!(r.inputs.list.rows, t.list_rows);
    let key_of = |k: &[String]| k.join("|");
    let mut missing = BTreeSet::new();
    let mut unexpected = BTreeSet::new();
    let mut duplicate = BTreeSet::new();
    let mut mismatch = BTreeSet::new();
    let mut crosswired = BTreeSet::new();
    let mut shifted = Vec::new();
    let mut malformed = Vec::new();
    for f in &r.findings {
        match f {
            Finding::Missing { key, .. } => _ = missing.insert(key_of(key)),
            Finding::Unexpected { key, .. } => _ = unexpected.insert(key_of(key)),
            Finding::Duplicate { key, .. } => _ = duplicate.insert(key_of(key)),
            Finding::Mismatch { key, column, .. } => _ = mismatch.insert((key_of(key), column.clone())),
            Finding::Crosswired { key, belongs_to, .. } => _ = crosswired.insert((key_of(key), key_of(belongs_to))),
            Finding::Shifted { list_rows, rows, offset, column, .. } => {
                shifted.push((list_rows[0] as usize, *rows, *offset, column.clone()))
            }
            Finding::Malformed { file: Side::List, row, .. } => malformed.push(*row as usize),
            Finding::Malformed { file: Side::Source, row, .. } => panic!("source row {row} malformed"),
            Finding::TotalMismatch { line, .. } => panic!("a totals row on line {line} in generated files"),
            Finding::ErrorCell { cell, .. } => panic!("an error value in {cell} of generated files"),
            Finding::NearMiss { list_row, .. } => panic!("a mistyped key on list row {list_row} of generated files"),
            Finding::Ambiguous { list_row, .. } => panic!("list row {list_row} of generated files is ambiguous"),
        }
    }
    assert_eq!(missing, t.missing.iter().cloned().collect());
    assert_eq!(unexpected, t.unexpected.iter().cloned().collect());
    assert_eq!(duplicate, t.duplicate.iter().cloned().collect());
    assert_eq!(mismatch, t.mismatch.iter().cloned().collect());
    assert_eq!(crosswired, t.crosswired.iter().cloned().collect());
    assert_eq!(
        shifted,
        t.shifted.map(|(first, rows)| (first, rows, 1, "email".to_string())).into_iter().collect::<Vec<_>>()
    );
    assert_eq!(malformed, t.malformed_rows);
}

#[test]
fn the_demo_is_found_exactly() {
    check(demo());
}

#[test]
fn generated_pairs_are_found_exactly() {
    for seed in 1..=4 {
        check(generate(&SampleSpec {
            rows: 3000,
            seed,
            rate: 0.02,
            shifted_block: Some(60),
            malformed: 3,
            ..SampleSpec::default()
        }));
    }
    check(generate(&SampleSpec {
        rows: 500,
        seed: 5,
        shuffle: false,
        reorder_columns: false,
        ..SampleSpec::default()
    }));
    check(generate(&SampleSpec { rows: 500, seed: 6, delimiter: b'\t', ..SampleSpec::default() }));
    check(generate(&SampleSpec { rows: 500, seed: 7, variants: false, ..SampleSpec::default() }));
}

#[test]
fn one_thread_and_two_give_the_same_report() {
    // Every kind, and enough rows that each half of the split compare has pairs of its own.
    let sample = generate(&SampleSpec {
        rows: 3000,
        seed: 8,
        rate: 0.02,
        shifted_block: Some(60),
        malformed: 3,
        ..SampleSpec::default()
    });
    let run = |threads: usize| {
        let r = reconcile_with(
            Input::new("source.csv", sample.source.clone()),
            Input::new("list.csv", sample.list.clone()),
            &Options::default(),
            Threads::new(threads),
            &mut |_| {},
        );
        r.unwrap_or_else(|e| panic!("{e}")).report.to_json()
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert!(one.contains("\"shifted\"") && one.contains("\"crosswired\""), "{one}");
}
