//! [`generate`] and [`demo`]: choosing which customers get which discrepancy, placing the
//! extra rows and the slid block, and writing the source and list CSV.

use fastrand::Rng;

use crate::customers::customer;
use crate::row::{fields, Edit, CHANGES};
use crate::{Sample, SampleSpec, Truth, LIST_HEADER, SOURCE_HEADER};

/// The demo pair for `npm start` and the page's "try with sample data": small, and holding
/// every finding kind and every harmless variant.
pub fn demo() -> Sample {
    generate(&SampleSpec {
        rows: 40,
        seed: 2024,
        rate: 0.3,
        shifted_block: Some(4),
        malformed: 1,
        ..SampleSpec::default()
    })
}

/// A row of the list: a customer (maybe edited), a new one, or a broken line.
#[derive(Clone, Copy)]
enum Entry {
    Customer(u64),
    Unexpected(u64),
    Malformed(u64),
}

pub fn generate(spec: &SampleSpec) -> Sample {
    let n = spec.rows;
    let seed = spec.seed;
    let mut rng = Rng::with_seed(seed);
    let rate = if spec.rate.is_finite() { spec.rate.clamp(0.0, 1.0) } else { 0.0 };
    let total = (n as f64 * rate).round() as usize;
    let share = |pct: usize| if rate > 0.0 { (total * pct / 100).max(1) } else { 0 };

    // List order before injections: every customer, maybe shuffled.
    let mut order: Vec<u64> = (0..n as u64).collect();
    if spec.shuffle {
        rng.shuffle(&mut order);
    }
    // The slid block (and the row above it, whose value slides in) stays free of other edits.
    let block_len = spec.shifted_block.filter(|&l| l >= 1 && l < n).unwrap_or(0);
    let block_start = if block_len > 0 { 1 + rng.usize(..n - block_len) } else { 0 };
    let mut reserved = vec![false; n];
    if block_len > 0 {
        for &c in &order[block_start - 1..block_start + block_len] {
            reserved[c as usize] = true;
        }
    }
    let mut pool: Vec<u64> = (0..n as u64).filter(|&c| !reserved[c as usize]).collect();
    rng.shuffle(&mut pool);
    let mut take = |k: usize| -> Vec<u64> {
        let k = k.min(pool.len());
        pool.split_off(pool.len() - k)
    };
    let missing = take(share(20));
    let changed = take(share(30));
    let swapped = take(share(10) * 2);
    let list_dups = take(share(10));
    let source_dups = take(share(10));
    let unexpected = share(20);

    // Keyless (no ID column in the list): every kind below stays observable, so each is
    // injected as in keyed mode and the list differs only by the missing column. None works by
    // changing a list row's ID alone: a missing customer is a dropped row; an unexpected row is
    // a new person (an e-mail and a phone no customer has; a name some may share, by chance); a
    // changed value, or a swapped or slid e-mail, leaves the row's other identifying columns
    // agreeing with its own record. The one injection that lives in an ID alone, a second
    // person under a repeated source key, is in the source, which keeps its ID column: the
    // repeat is still there to be seen, and that person's e-mail and phone are in no list row.
    // What keyless changes is naming: an unexpected row's key would be in neither file, so its
    // Truth is its list row (`unexpected_rows`) and `unexpected` stays empty; the other kinds
    // are named by the key of the source record they concern, which a keyless report can give.
    let mut truth = Truth { keyless: spec.keyless, ..Truth::default() };
    let mut edits = vec![Edit::default(); n];
    let mut is_missing = vec![false; n];
    for &c in &missing {
        is_missing[c as usize] = true;
        truth.missing.push(customer(seed, c).id);
    }
    for (i, &c) in changed.iter().enumerate() {
        let (change, column) = CHANGES[i % CHANGES.len()];
        edits[c as usize].change = Some(change);
        truth.mismatch.push((customer(seed, c).id, column.to_string()));
    }
    for pair in swapped.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        edits[a as usize].email_of = Some(b);
        edits[b as usize].email_of = Some(a);
        let (ia, ib) = (customer(seed, a).id, customer(seed, b).id);
        truth.crosswired.push((ia.clone(), ib.clone()));
        truth.crosswired.push((ib, ia));
    }
    for &c in &list_dups {
        truth.duplicate.push(customer(seed, c).id);
    }
    // A second person under a repeated source ID is seen only through the ID: paired by
    // consensus (keyless), that person is a source record no list row has — missing.
    for &c in &source_dups {
        let id = customer(seed, c).id;
        if spec.keyless {
            truth.missing.push(id);
        } else {
            truth.duplicate.push(id);
        }
    }

    // The list: customers in order, minus the missing; then the extra rows inserted at random
    // places outside the block.
    let mut entries: Vec<Entry> =
        order.iter().filter(|&&c| !is_missing[c as usize]).map(|&c| Entry::Customer(c)).collect();
    let mut block_at = match order.get(block_start) {
        Some(&first) if block_len > 0 => entries.iter().position(|e| matches!(e, Entry::Customer(c) if *c == first)),
        _ => None,
    };
    // Fresh indices for people who are not customers: unexpected rows, broken rows and the
    // second record under a repeated source key.
    let extra_base = n as u64 + 1_000_000;
    let mut extras: Vec<Entry> = list_dups.iter().map(|&c| Entry::Customer(c)).collect();
    extras.extend((0..unexpected as u64).map(|i| Entry::Unexpected(n as u64 + i)));
    extras.extend((0..spec.malformed as u64).map(|i| Entry::Malformed(extra_base + i)));
    for e in extras {
        let mut at = rng.usize(..=entries.len());
        if let Some(b) = block_at {
            // Never between the block's rows, nor between it and the row above it.
            if at >= b && at < b + block_len {
                at = b - 1;
            }
            if at <= b {
                block_at = Some(b + 1);
            }
        }
        entries.insert(at, e);
        match e {
            Entry::Unexpected(i) if !spec.keyless => truth.unexpected.push(customer(seed, i).id),
            _ => {}
        }
    }
    if let Some(b) = block_at {
        // Row b+i carries the e-mail of row b+i−1: the incident, a column slid down by one.
        for i in (b..b + block_len).rev() {
            if let (Some(Entry::Customer(above)), Some(Entry::Customer(c))) =
                (entries.get(i - 1).copied(), entries.get(i).copied())
            {
                let above_email = edits[above as usize].email_of.unwrap_or(above);
                edits[c as usize].email_of = Some(above_email);
            }
        }
        truth.shifted = Some((b + 1, block_len));
    }

    // Source: customers in id order; a repeated key gets a second, different person after it.
    let mut source = csv::WriterBuilder::new().from_writer(Vec::with_capacity(n * 150 + 200));
    let _ = source.write_record(SOURCE_HEADER);
    let mut is_source_dup = vec![false; n];
    for &c in &source_dups {
        is_source_dup[c as usize] = true;
    }
    let mut source_rows = 0;
    for c in 0..n as u64 {
        let cust = customer(seed, c);
        let _ = source.write_record(fields(&cust, seed, c, false, Edit::default(), None));
        source_rows += 1;
        if is_source_dup[c as usize] {
            let mut other = customer(seed, extra_base + 500_000 + c);
            other.id = cust.id.clone();
            let _ = source.write_record(fields(&other, seed, c, false, Edit::default(), None));
            source_rows += 1;
        }
    }

    let columns: Vec<usize> = {
        let mut cols: Vec<usize> = (0..10).collect();
        if spec.reorder_columns {
            rng.shuffle(&mut cols);
        }
        // Keyless: the same order with the ID column (0) taken out, after the shuffle, so the
        // random stream and so every other byte is the keyed list's.
        cols.retain(|&i| !(spec.keyless && i == 0));
        cols
    };
    let mut list = csv::WriterBuilder::new()
        .delimiter(spec.delimiter)
        .flexible(true)
        .from_writer(Vec::with_capacity(n * 160 + 200));
    let _ = list.write_record(columns.iter().map(|&i| LIST_HEADER[i]));
    for (row, e) in entries.iter().enumerate() {
        let record = match *e {
            Entry::Customer(c) => {
                let edit = edits[c as usize];
                let owner = edit.email_of.map(|o| customer(seed, o));
                fields(&customer(seed, c), seed, c, spec.variants, edit, owner.as_ref())
            }
            Entry::Unexpected(i) => fields(&customer(seed, i), seed, i, spec.variants, Edit::default(), None),
            Entry::Malformed(i) => fields(&customer(seed, i), seed, i, spec.variants, Edit::default(), None),
        };
        let mut cells: Vec<&str> = columns.iter().map(|&i| record[i].as_str()).collect();
        match e {
            Entry::Malformed(_) => {
                cells.pop();
                truth.malformed_rows.push(row + 1);
            }
            Entry::Unexpected(_) => truth.unexpected_rows.push(row + 1),
            Entry::Customer(_) => {}
        }
        let _ = list.write_record(cells);
    }
    truth.source_rows = source_rows;
    truth.list_rows = entries.len();
    Sample { source: source.into_inner().unwrap_or_default(), list: list.into_inner().unwrap_or_default(), truth }
}

#[cfg(test)]
mod tests {
    use super::*;
    type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

    #[test]
    fn same_spec_same_bytes() {
        let spec = SampleSpec { rows: 300, seed: 9, ..SampleSpec::default() };
        assert_eq!(generate(&spec), generate(&spec));
        assert_ne!(generate(&spec).list, generate(&SampleSpec { seed: 10, ..spec }).list);
    }

    #[test]
    fn truth_counts_add_up() -> TestResult {
        let s = generate(&SampleSpec {
            rows: 1000,
            rate: 0.05,
            malformed: 2,
            shifted_block: Some(60),
            ..SampleSpec::default()
        });
        let t = &s.truth;
        assert_eq!(t.source_rows, 1000 + 5);
        assert_eq!(t.list_rows, 1000 - t.missing.len() + t.unexpected.len() + 5 + 2);
        assert_eq!(t.malformed_rows.len(), 2);
        assert_eq!(t.shifted.map(|s| s.1), Some(60));
        let text = String::from_utf8(s.list)?;
        assert_eq!(text.lines().count(), t.list_rows + 1);
        Ok(())
    }

    #[test]
    fn tiny_and_odd_specs_do_not_panic() {
        for rows in [0, 1, 2, 3, 5] {
            for block in [None, Some(1), Some(3), Some(10)] {
                let s = generate(&SampleSpec {
                    rows,
                    rate: 1.0,
                    shifted_block: block,
                    malformed: 2,
                    ..SampleSpec::default()
                });
                assert!(s.truth.list_rows >= 2);
            }
        }
        let _ = generate(&SampleSpec { rows: 10, rate: f64::NAN, ..SampleSpec::default() });
    }

    #[test]
    fn the_demo_holds_every_kind() {
        let t = demo().truth;
        assert!(!t.missing.is_empty() && !t.unexpected.is_empty() && t.duplicate.len() >= 2);
        assert!(t.mismatch.len() >= 2 && t.crosswired.len() == 2 && t.shifted.is_some() && t.malformed_rows.len() == 1);
    }
}
