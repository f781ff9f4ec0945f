//! The generator's ground truth against what reconciliation finds: realistic data, harmless
//! variants everywhere, every kind injected — the counts must agree exactly.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::assert_conserved;
use crosscheck::report::{Finding, Side};
use crosscheck::{reconcile, reconcile_with, Input, Options, Threads};
use crosscheck_sample::{demo, generate, Sample, SampleSpec, Truth, LIST_HEADER};
use std::collections::{BTreeSet, HashSet};

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
    let mut unexpected_rows = Vec::new();
    for f in &r.findings {
        match f {
            Finding::Missing { key, .. } => _ = missing.insert(key_of(key)),
            Finding::Unexpected { key, list_row, .. } => {
                unexpected.insert(key_of(key));
                unexpected_rows.push(*list_row as usize);
            }
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
    unexpected_rows.sort_unstable();
    assert_eq!(unexpected_rows, t.unexpected_rows);
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

/// A list's header and records (flexible: a broken row is short).
fn records(list: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(list);
    let header = reader.headers().unwrap_or_else(|e| panic!("{e}")).iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap_or_else(|e| panic!("{e}")).iter().map(String::from).collect());
    (header, rows.collect())
}

#[test]
fn keyless_lists_are_the_keyed_lists_without_the_id_column() {
    let id = LIST_HEADER[0];
    let specs = [
        SampleSpec { rows: 3000, seed: 3, rate: 0.02, shifted_block: Some(60), malformed: 3, ..SampleSpec::default() },
        SampleSpec {
            rows: 500,
            seed: 5,
            shuffle: false,
            reorder_columns: false,
            malformed: 2,
            ..SampleSpec::default()
        },
        SampleSpec { rows: 500, seed: 6, delimiter: b'\t', ..SampleSpec::default() },
        SampleSpec { rows: 2000, seed: 7, rate: 0.05, variants: false, malformed: 4, ..SampleSpec::default() },
    ];
    for spec in specs {
        let keyed = generate(&spec);
        let keyless_spec = SampleSpec { keyless: true, ..spec.clone() };
        let keyless = generate(&keyless_spec);
        assert_eq!(keyless, generate(&keyless_spec), "deterministic");
        assert_eq!(keyless.source, keyed.source, "the source keeps its IDs, byte for byte");
        let (keyed_header, keyed_rows) = records(&keyed.list, spec.delimiter);
        let (header, rows) = records(&keyless.list, spec.delimiter);
        let at = keyed_header.iter().position(|h| h == id).unwrap_or_else(|| panic!("keyed list has {id}"));
        let mut want = keyed_header.clone();
        want.remove(at);
        assert_eq!(header, want, "the keyed header without {id}");
        assert!(!header.iter().any(|h| h == id));
        assert_eq!(rows.len(), keyed_rows.len());
        assert_eq!(rows.len(), keyless.truth.list_rows);
        // No cell is an ID (C0000001): not under another heading either.
        let is_id = |c: &str| c.len() == 8 && c.starts_with('C') && c[1..].bytes().all(|b| b.is_ascii_digit());
        for (i, (row, keyed_row)) in rows.iter().zip(&keyed_rows).enumerate() {
            assert!(!row.iter().any(|c| is_id(c)), "row {}: {row:?}", i + 1);
            if keyless.truth.malformed_rows.contains(&(i + 1)) {
                assert_eq!(row.len(), header.len() - 1, "row {} is still a field short", i + 1);
            } else {
                let mut want = keyed_row.clone();
                want.remove(at);
                assert_eq!(row, &want, "row {}", i + 1);
            }
        }
        // The same truth, but unexpected rows named by row alone (their keys are in neither
        // file), and the second person under a repeated source ID missing (seen only by ID).
        let t = &keyless.truth;
        assert_eq!(t.unexpected_rows.len(), keyed.truth.unexpected.len());
        let repeated: Vec<String> =
            keyed.truth.duplicate.iter().filter(|k| !t.duplicate.contains(k)).cloned().collect();
        let mut missing = keyed.truth.missing.clone();
        missing.extend(repeated.iter().cloned());
        let duplicate = keyed.truth.duplicate.iter().filter(|k| !repeated.contains(k)).cloned().collect();
        assert_eq!(t, &Truth { keyless: true, unexpected: Vec::new(), missing, duplicate, ..keyed.truth.clone() });
    }
}

#[test]
fn keyless_unexpected_rows_are_the_rows_no_customer_is_in() {
    // Without variants the list's e-mail and phone are the source's text: every row but the
    // unexpected and broken ones shares one of the two with a source record (a changed e-mail
    // keeps its phone, a changed phone its e-mail, a swapped or slid e-mail is still a customer's).
    let s = generate(&SampleSpec {
        rows: 2000,
        seed: 11,
        rate: 0.05,
        shifted_block: Some(40),
        malformed: 2,
        variants: false,
        keyless: true,
        ..SampleSpec::default()
    });
    let (_, source) = records(&s.source, b',');
    let known: HashSet<&str> = source.iter().flat_map(|r| [r[3].as_str(), r[4].as_str()]).collect();
    let (header, rows) = records(&s.list, b',');
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
    let (email, phone) = (col(LIST_HEADER[3]), col(LIST_HEADER[4]));
    let t = &s.truth;
    assert!(t.keyless && t.unexpected.is_empty() && !t.unexpected_rows.is_empty());
    let mut unknown = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if t.malformed_rows.contains(&(i + 1)) {
            continue;
        }
        if !known.contains(row[email].as_str()) && !known.contains(row[phone].as_str()) {
            unknown.push(i + 1);
        }
    }
    assert_eq!(unknown, t.unexpected_rows);
}

#[test]
fn keyless_lists_are_paired_by_consensus_as_the_id_pairs_them() {
    // The same customers and discrepancies, once with the ID in the list and once without: the
    // consensus of e-mail and phone finds what the ID finds. The one difference: a source ID
    // repeated for a second person cannot be seen without the ID in the list, so that second
    // person is missing rather than a duplicate.
    for spec in [
        SampleSpec { rows: 3000, rate: 0.02, ..SampleSpec::default() },
        SampleSpec { rows: 2000, rate: 0.01, shifted_block: Some(40), shuffle: false, ..SampleSpec::default() },
    ] {
        let run = |keyless: bool| {
            let s = generate(&SampleSpec { keyless, ..spec.clone() });
            let r = reconcile(Input::new("source.csv", s.source), Input::new("list.csv", s.list), &Options::default())
                .unwrap_or_else(|e| panic!("{e}"));
            assert_conserved(&r);
            r
        };
        let (keyed, keyless) = (run(false), run(true));
        assert_eq!(keyless.mapping.pairing, crosscheck::Pairing::Consensus);
        let (a, b) = (&keyed.summary.findings, &keyless.summary.findings);
        let source_repeats =
            keyed.findings.iter().filter(|f| matches!(f, Finding::Duplicate { file: Side::Source, .. })).count();
        assert_eq!(b.missing, a.missing + source_repeats, "{spec:?}");
        assert_eq!(b.duplicate, a.duplicate - source_repeats, "{spec:?}");
        assert_eq!(
            (b.unexpected, b.mismatch, b.crosswired, b.shifted),
            (a.unexpected, a.mismatch, a.crosswired, a.shifted),
            "{spec:?}"
        );
        assert_eq!((b.near_miss, b.ambiguous), (0, 0), "{spec:?}");
    }
}
