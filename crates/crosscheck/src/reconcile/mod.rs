//! Match the rows of two tables by key and say what differs.
//!
//! Hot path, in this order: normalise each row's key once into one buffer; sort both files' key
//! hashes and walk them side by side (a pair's keys are checked in the compare); for each
//! compared column, compare the raw cells of each pair first and normalise only when they differ
//! (equal raw text is equal normalised text, and most cells are equal). Only the few rows that
//! still differ are looked at again for slides (shift) and cross-wires.

mod compare;
mod consensus;
mod conservation;
mod edges;
mod errors;
mod hashsort;
mod identity;
mod keys;
mod near_miss;
mod shift;
mod totals;

use crate::error::{Error, Result};
use crate::options::Pairing;
use crate::par::Threads;
use crate::plan::{Pair, Plan};
use crate::read::table::Table;
use crate::report::{Buckets, ColumnCounts, Finding, KindCounts, Side, Total};
use compare::{column_findings, differences, Diff};
use consensus::pair_by_consensus;
use conservation::fill_buckets;
use errors::error_cells;
use keys::{key_hash, pair_up, sorted_keys, KeyCheck, Keys};
use near_miss::pair_near_misses;
use std::collections::BTreeMap;
use totals::{totals, totals_rows};

/// Findings and the summary parts that reconcile computes.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub source: Buckets,
    pub list: Buckets,
    pub counts: KindCounts,
    pub columns: BTreeMap<String, ColumnCounts>,
    pub totals: BTreeMap<String, Total>,
    /// Per compared column (by position in the plan), whether values there identify a customer;
    /// `None` when the column had no difference and the question never came up.
    pub identifying: Vec<Option<bool>>,
}

/// `progress` hears how far comparing is (0 to 1) as it goes; before it, how far matching is,
/// from -1 to 0.
pub fn reconcile(
    source: &Table,
    list: &Table,
    plan: &Plan,
    threads: Threads,
    progress: &mut dyn FnMut(f64),
) -> Result<Outcome> {
    reconcile_hashing(source, list, plan, threads, key_hash, progress)
}

/// `reconcile` with the key hash given (tests give poor ones, to see that shared hashes do not
/// change the outcome).
fn reconcile_hashing(
    source: &Table,
    list: &Table,
    plan: &Plan,
    threads: Threads,
    hash: impl Fn(&str) -> u64 + Sync,
    progress: &mut dyn FnMut(f64),
) -> Result<Outcome> {
    let bucket =
        |t: &Table| Buckets { rows: t.records() + t.skipped.len(), skipped: t.skipped.len(), ..Buckets::default() };
    let (mut sb, mut lb) = (bucket(source), bucket(list));
    let (mut findings, pair_of_list, diffs) = match plan.pairing {
        Pairing::Consensus => {
            let (found, pair_of_list) = pair_by_consensus(source, list, plan, threads, &mut |f| progress(-1.0 + f))?;
            progress(0.0);
            let diffs = differences(source, list, plan, threads, &pair_of_list, None, &mut |f| progress(0.4 * f))
                .ok_or_else(|| Error::internal("comparing consensus pairs failed"))?;
            (found, pair_of_list, diffs)
        }
        _ => match_by_key(source, list, plan, threads, hash, progress)?,
    };

    let mut columns = BTreeMap::new();
    let mut identifying = Vec::with_capacity(plan.columns.len());
    progress(0.4);
    // Each column's findings are independent: columns go in groups, one per thread, with a
    // progress report after each group.
    // On one thread (WebAssembly) a column also tells how far its cross-wire check is.
    let mut results: Vec<(Vec<Finding>, Option<bool>)> = Vec::with_capacity(plan.columns.len());
    let mut work = plan.columns.iter().zip(diffs);
    let one = |(pair, d): (&Pair, Vec<Diff>), tick: &mut dyn FnMut(f64)| {
        column_findings(source, list, plan, pair, &pair_of_list, d, tick)
    };
    let share = 0.4 / plan.columns.len().max(1) as f64;
    while let Some(a) = work.next() {
        if threads.count() > 1 {
            if let Some(b) = work.next() {
                let (a, b) = threads.both(|| one(a, &mut |_| {}), || one(b, &mut |_| {}));
                results.extend([a, b]);
                progress(0.4 + share * results.len() as f64);
                continue;
            }
        }
        let done = results.len() as f64;
        results.push(one(a, &mut |f| progress(0.4 + share * (done + f))));
        progress(0.4 + share * results.len() as f64);
    }
    for (pair, (found, ident)) in plan.columns.iter().zip(results) {
        let counts = columns.entry(pair.source.clone()).or_insert_with(ColumnCounts::default);
        for f in &found {
            match f {
                Finding::Mismatch { .. } => counts.mismatch += 1,
                Finding::Crosswired { .. } => counts.crosswired += 1,
                Finding::Shifted { .. } => counts.shifted += 1,
                _ => {}
            }
        }
        findings.extend(found);
        identifying.push(ident);
    }

    moved_together(&mut findings);
    progress(0.8);
    for (table, side) in [(source, Side::Source), (list, Side::List)] {
        for m in &table.malformed {
            findings.push(Finding::Malformed {
                file: side,
                row: m.row,
                line: m.line,
                message: m.message(),
                column: None,
                cell: table.cell_name(m.line, 0),
            });
        }
        findings.extend(totals_rows(table, side));
        findings.extend(error_cells(table, side));
    }
    findings.sort_by_key(|f| f.order());
    progress(0.85);

    let mut counts = KindCounts::default();
    for f in &findings {
        counts.add(f);
    }
    fill_buckets(&findings, &pair_of_list, &mut sb, &mut lb);
    for (b, name) in [(&sb, &source.name), (&lb, &list.name)] {
        if !b.adds_up() {
            return Err(Error::internal(format!(
                "rows do not add up for {name}: {} rows but {} paired + {} unpaired + {} duplicate + {} malformed + {} skipped",
                b.rows, b.paired, b.unpaired, b.duplicate, b.malformed, b.skipped
            ))
            .hint("this is a bug in crosscheck; please report it with the options used"));
        }
    }
    let totals = totals(source, list, plan, threads, &mut |f| progress(0.85 + 0.15 * f));
    Ok(Outcome { findings, source: sb, list: lb, counts, columns, totals, identifying })
}

/// Pairing by the key: each row's key normalised, both files' keys sorted and walked together.
/// The findings of pairing, the source row of each list row, and each compared column's
/// differences.
fn match_by_key(
    source: &Table,
    list: &Table,
    plan: &Plan,
    threads: Threads,
    hash: impl Fn(&str) -> u64 + Sync,
    progress: &mut dyn FnMut(f64),
) -> Result<Matched> {
    if plan.key.is_empty() {
        return Err(Error::internal("reconcile was called without a key"));
    }
    let (source_keys, list_keys) =
        threads.both(|| Keys::build(source, &plan.key, Side::Source), || Keys::build(list, &plan.key, Side::List));
    let (source_keys, list_keys) = (source_keys?, list_keys?);
    // Matching is told as -1 to 0: keys read (-0.8), sorted (-0.45 between the two files on one
    // thread; -0.1), then paired (up to 0).
    progress(-0.8);
    let (sorted_source, sorted_list) = threads.both_telling(
        || sorted_keys(&source_keys, &hash),
        || progress(-0.45),
        || sorted_keys(&list_keys, &hash),
    );
    progress(-0.1);

    let mut findings = Vec::new();
    let key_names = plan.key.iter().map(|p| p.source.as_str()).collect::<Vec<_>>().join(", ");

    for (table, keys, side) in [(source, &source_keys, Side::Source), (list, &list_keys, Side::List)] {
        for r in (0..table.len()).filter(|&r| keys.get(r).is_empty()) {
            findings.push(Finding::Malformed {
                file: side,
                row: table.place(r).row,
                line: table.place(r).line,
                message: format!("the key ({key_names}) is empty"),
                column: Some(key_names.clone()),
                cell: keys::key_cell(table, r, &plan.key, side),
            });
        }
    }
    // Pairs are taken on equal hashes first and their keys checked while comparing; should two
    // different keys ever share a hash (as good as never with 64 bits), matching is done again
    // comparing every pair's keys.
    let mut compare_pairs = false;
    let (keyed, pair_of_list, diffs) = loop {
        let sorted = (&sorted_source[..], &sorted_list[..]);
        let tick = &mut |f| progress(-0.1 + 0.1 * f);
        let (keyed, pair_of_list) =
            pair_up(source, list, plan, sorted, (&source_keys, &list_keys), compare_pairs, tick);
        progress(0.0);
        let check = KeyCheck { parts: &plan.key, source_keys: &source_keys, list_keys: &list_keys };
        let check = (!compare_pairs).then_some(&check);
        match differences(source, list, plan, threads, &pair_of_list, check, &mut |f| progress(0.4 * f)) {
            Some(diffs) => break (keyed, pair_of_list, diffs),
            None => compare_pairs = true,
        }
    };
    findings.extend(keyed);
    let (mut pair_of_list, mut diffs) = (pair_of_list, diffs);
    let near = pair_near_misses(source, list, plan, &mut findings);
    if !near.is_empty() {
        // Their keys differ by design: compared apart from the key check, then merged in list order.
        let mut only = vec![keys::NONE; list.len()];
        for &(s, l) in &near {
            only[l] = s as u32;
            pair_of_list[l] = s as u32;
        }
        let more = differences(source, list, plan, threads, &only, None, &mut |_| {})
            .ok_or_else(|| Error::internal("comparing near misses failed"))?;
        for (column, extra) in diffs.iter_mut().zip(more) {
            column.extend(extra);
            column.sort_by_key(|d| d.list_row);
        }
    }
    Ok((findings, pair_of_list, diffs))
}

/// Columns that slid over the same rows by the same offset were pasted one row off together:
/// each finding names the others.
fn moved_together(findings: &mut [Finding]) {
    let blocks: Vec<(String, i64, [u64; 2])> = findings
        .iter()
        .filter_map(|f| match f {
            Finding::Shifted { list_column, offset, list_rows, .. } => Some((list_column.clone(), *offset, *list_rows)),
            _ => None,
        })
        .collect();
    for f in findings.iter_mut() {
        if let Finding::Shifted { list_column, offset, list_rows, with, .. } = f {
            with.extend(
                blocks
                    .iter()
                    .filter(|b| b.1 == *offset && b.2 == *list_rows && b.0 != *list_column)
                    .map(|b| b.0.clone()),
            );
        }
    }
}

/// What pairing found, the source row of each list row, and each compared column's differences.
type Matched = (Vec<Finding>, Vec<u32>, Vec<Vec<Diff>>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::TestResult;
    use crosscheck_sample::{generate, SampleSpec};
    use keys::NONE;

    #[test]
    fn keys_that_share_a_hash_are_told_apart() -> TestResult {
        // Hashes that collide always, often, or never: every outcome must be the same. With
        // colliding hashes, rows of different keys are first paired, and the compare pass must
        // catch it and have matching done again.
        let poor: [fn(&str) -> u64; 3] = [|_| 0, |k| k.len() as u64, |k| k.bytes().last().map_or(0, u64::from)];
        for spec in [
            SampleSpec { rows: 400, rate: 0.1, ..SampleSpec::default() },
            SampleSpec { rows: 300, rate: 0.05, shifted_block: Some(12), malformed: 3, ..SampleSpec::default() },
            SampleSpec { rows: 50, rate: 0.0, shuffle: false, ..SampleSpec::default() },
        ] {
            let sample = generate(&spec);
            let source = Table::parse("source.csv", std::str::from_utf8(&sample.source)?, None)?;
            let list = Table::parse("list.csv", std::str::from_utf8(&sample.list)?, None)?;
            let plan = crate::plan::plan(&source, &list, &Options::default())?;
            let good = reconcile_hashing(&source, &list, &plan, Threads::default(), key_hash, &mut |_| {})?;
            assert!(good.counts.missing + good.counts.duplicate > 0 || spec.rate == 0.0);
            for hash in poor {
                assert_eq!(reconcile_hashing(&source, &list, &plan, Threads::default(), hash, &mut |_| {})?, good);
            }
        }
        Ok(())
    }

    #[test]
    fn progress_is_told_within_pairing_and_totals_and_never_goes_back() -> TestResult {
        // Pairing and the totals each ran for ~100 ms at 1M rows without a word: a PC a few
        // times slower than this one would have waited over 250 ms.
        let sample = generate(&SampleSpec { rows: 2000, rate: 0.02, ..SampleSpec::default() });
        let source = Table::parse("source.csv", std::str::from_utf8(&sample.source)?, None)?;
        let list = Table::parse("list.csv", std::str::from_utf8(&sample.list)?, None)?;
        let plan = crate::plan::plan(&source, &list, &Options::default())?;
        let mut heard = Vec::new();
        reconcile(&source, &list, &plan, Threads::default(), &mut |f| heard.push(f))?;
        assert!(heard.windows(2).all(|w| w[0] <= w[1]), "{heard:?}");
        let within = |lo: f64, hi: f64| heard.iter().filter(|&&f| f > lo && f < hi).count();
        assert!(within(-0.1, 0.0) >= 3, "pairing: {heard:?}");
        assert!(within(0.85, 1.0) >= 1, "totals: {heard:?}");
        Ok(())
    }

    #[test]
    fn matching_agrees_with_a_plain_map_of_keys() -> TestResult {
        // Random files whose keys come from a few values (so repeats, one-sided keys and empty
        // keys are common), matched with a good hash and with one that always collides, against
        // the obvious reference: a map from each normalised key to its rows in each file.
        let mut rng = fastrand::Rng::with_seed(11);
        let mut checked = 0;
        for round in 0..300 {
            let file = |rng: &mut fastrand::Rng, header: &str| {
                let mut text = format!("{header}\n");
                for _ in 0..rng.usize(0..12) {
                    // " k1" and "k1" are one key once trimmed; "" is an empty key.
                    let key = ["k1", " k1", "k2", "K3", "k4", "", "k5"][rng.usize(0..7)];
                    text.push_str(&format!("{key},{}\n", rng.u8(0..3)));
                }
                text
            };
            let source = Table::parse("s.csv", &file(&mut rng, "id,v"), None)?;
            let list = Table::parse("l.csv", &file(&mut rng, "id,v"), None)?;
            let options: Options = serde_json::from_str(r#"{"key": [{"source": "id", "list": "id"}]}"#)?;
            let Ok(plan) = crate::plan::plan(&source, &list, &options) else { continue };
            checked += 1;
            let mut want: BTreeMap<String, [Vec<u64>; 2]> = BTreeMap::new();
            for (side, table) in [source.clone(), list.clone()].iter().enumerate() {
                for r in 0..table.len() {
                    let key = crate::normalize::normalize(&plan.key[0].normalize, table.cell(r, 0));
                    if !key.is_empty() {
                        want.entry(key).or_default()[side].push(table.place(r).row);
                    }
                }
            }
            for hash in [key_hash as fn(&str) -> u64, |_| 0] {
                let got = reconcile_hashing(&source, &list, &plan, Threads::default(), hash, &mut |_| {})?;
                let (mut missing, mut unexpected, mut duplicates) = (Vec::new(), Vec::new(), Vec::new());
                for f in &got.findings {
                    match f {
                        Finding::Missing { source_row, .. } => missing.push(*source_row),
                        Finding::Unexpected { list_row, .. } => unexpected.push(*list_row),
                        Finding::Duplicate { file, rows, other_rows, .. } => {
                            duplicates.push((*file, rows.clone(), other_rows.clone()))
                        }
                        _ => {}
                    }
                }
                let (mut want_missing, mut want_unexpected, mut want_duplicates, mut paired) =
                    (Vec::new(), Vec::new(), Vec::new(), 0);
                for [s, l] in want.values() {
                    match (s.len(), l.len()) {
                        (1, 1) => paired += 1,
                        (1, 0) => want_missing.push(s[0]),
                        (0, 1) => want_unexpected.push(l[0]),
                        _ => {}
                    }
                    if s.len() > 1 {
                        want_duplicates.push((Side::Source, s.clone(), l.clone()));
                    }
                    if l.len() > 1 {
                        want_duplicates.push((Side::List, l.clone(), s.clone()));
                    }
                }
                want_missing.sort();
                want_unexpected.sort();
                duplicates.sort();
                want_duplicates.sort();
                assert_eq!(missing, want_missing, "round {round}");
                assert_eq!(unexpected, want_unexpected, "round {round}");
                assert_eq!(duplicates, want_duplicates, "round {round}");
                assert_eq!(got.source.paired, paired, "round {round}");
            }
        }
        assert!(checked > 250, "only {checked} rounds had a plan");
        Ok(())
    }

    #[test]
    fn a_pair_of_different_keys_is_caught_in_the_compare() -> TestResult {
        let source = Table::parse("s.csv", "id,v\nA,1\nB,2\n", None)?;
        let list = Table::parse("l.csv", "id,v\nB,2\nC,3\n", None)?;
        let plan = crate::plan::plan(&source, &list, &Options::default())?;
        let keys = |t: &Table, side| Keys::build(t, &plan.key, side);
        let (sk, lk) = (keys(&source, Side::Source)?, keys(&list, Side::List)?);
        let (ss, ls) = (sorted_keys(&sk, &|_| 7), sorted_keys(&lk, &|_| 7));
        // Trusting the hashes, A is paired with B and B with C…
        let (_, pairs) = pair_up(&source, &list, &plan, (&ss, &ls), (&sk, &lk), false, &mut |_| {});
        let check = KeyCheck { parts: &plan.key, source_keys: &sk, list_keys: &lk };
        assert!(differences(&source, &list, &plan, Threads::default(), &pairs, Some(&check), &mut |_| {}).is_none());
        // …comparing keys, only B is a pair.
        let (found, pairs) = pair_up(&source, &list, &plan, (&ss, &ls), (&sk, &lk), true, &mut |_| {});
        assert_eq!(pairs, vec![1, NONE]);
        assert_eq!(found.len(), 2, "{found:?}");
        Ok(())
    }
}
