//! Keys typed by hand: a source record with no list row and a list row with no source record
//! whose IDs are one slip apart (O for 0, a character dropped, added, or two swapped) and whose
//! other identifying columns agree are one customer — one `near_miss`, and a pair, instead of
//! a missing and an unexpected. Where the columns do not agree they stay missing and unexpected.

use super::keys::{key_hash, raw_key};
use crate::normalize::normalize_into;
use crate::plan::{Pair, Plan};
use crate::read::table::Table;
use crate::report::{Finding, Side, Slip};
use rustc_hash::FxHashMap;

/// Near misses are looked for only when the missing records and the unexpected rows are at
/// most this many each (each key is filed under its deletions: ~10 hashes a key).
const MAX_UNPAIRED: usize = 100_000;

/// How `typed` differs from `meant`, when it is by one slip.
pub(super) fn slip(meant: &str, typed: &str) -> Option<Slip> {
    let (a, b): (Vec<char>, Vec<char>) = (meant.chars().collect(), typed.chars().collect());
    if a == b {
        return None;
    }
    let one_out = |long: &[char], short: &[char]| {
        let i = long.iter().zip(short).take_while(|(x, y)| x == y).count();
        long.get(i + 1..) == short.get(i..)
    };
    match b.len() as i64 - a.len() as i64 {
        -1 if one_out(&a, &b) => Some(Slip::Dropped),
        1 if one_out(&b, &a) => Some(Slip::Added),
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            if diff.iter().all(|&i| look_alike(a[i]) == look_alike(b[i])) {
                Some(Slip::LookAlike)
            } else if let [i, j] = diff[..] {
                (j == i + 1 && a[i] == b[j] && a[j] == b[i]).then_some(Slip::Swapped)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A digit and the letters typed for it.
fn look_alike(c: char) -> char {
    match c {
        'O' | 'o' => '0',
        'I' | 'l' | '|' => '1',
        _ => c,
    }
}

/// The identifying columns (other than `except`) whose values are the same in both rows, or
/// None when one of them differs or none has a value on both sides.
pub(super) fn agreeing(
    source: &Table,
    list: &Table,
    plan: &Plan,
    (s, l): (usize, usize),
    except: &[&Pair],
) -> Option<Vec<String>> {
    let (mut a, mut b) = (String::new(), String::new());
    let mut agree = Vec::new();
    let others = plan.columns.iter().filter(|p| {
        p.identifying.unwrap_or_else(|| p.kind.can_identify())
            && !except.iter().any(|e| e.source_index == p.source_index || e.list_index == p.list_index)
    });
    for p in others {
        normalize_into(&p.normalize, source.cell(s, p.source_index), &mut a);
        normalize_into(&p.normalize, list.cell(l, p.list_index), &mut b);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        if a != b {
            return None;
        }
        agree.push(p.list.clone());
    }
    (!agree.is_empty()).then_some(agree)
}

/// Pair the missing records and unexpected rows that are one customer with a mistyped key:
/// their two findings become one `near_miss`; the pairs (source row, list row) are returned, to
/// be compared as pairs.
pub(super) fn pair_near_misses(
    source: &Table,
    list: &Table,
    plan: &Plan,
    findings: &mut Vec<Finding>,
) -> Vec<(usize, usize)> {
    // Only a key of one column typed by hand.
    let [key] = &plan.key[..] else { return Vec::new() };
    if !key.id {
        return Vec::new();
    }
    let rows_of = |kind: fn(&Finding) -> Option<u64>| -> Vec<u64> { findings.iter().filter_map(kind).collect() };
    let missing = rows_of(|f| if let Finding::Missing { source_row, .. } = f { Some(*source_row) } else { None });
    let unexpected = rows_of(|f| if let Finding::Unexpected { list_row, .. } = f { Some(*list_row) } else { None });
    // Typed keys are a few slips; files whose keys mostly differ are not the same customers,
    // and filing every key under each of its deletions would cost gigabytes at a million.
    if missing.is_empty() || unexpected.is_empty() || missing.len().max(unexpected.len()) > MAX_UNPAIRED {
        return Vec::new();
    }
    // Findings name rows as a person counts them; back to the tables' row indices.
    let index = |t: &Table, rows: &[u64]| -> FxHashMap<u64, usize> {
        rows.iter().filter_map(|&row| t.index_of_row(row).map(|r| (row, r))).collect()
    };
    let (s_at, l_at) = (index(source, &missing), index(list, &unexpected));
    let norm = |t: &Table, r: usize, col: usize| {
        let mut buf = String::new();
        normalize_into(&key.normalize, t.cell(r, col), &mut buf);
        buf
    };
    // Each missing key under itself and each of its one-character deletions, look-alikes as
    // the digits they stand for: a slip's two keys share one of these.
    let mut variants: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for &s in s_at.values() {
        for v in deletions(&norm(source, s, key.source_index)) {
            variants.entry(key_hash(&v)).or_default().push(s);
        }
    }
    let mut found: Vec<(usize, usize, Slip, Vec<String>)> = Vec::new();
    for &l in l_at.values() {
        let typed = norm(list, l, key.list_index);
        let mut candidates: Vec<usize> =
            deletions(&typed).filter_map(|v| variants.get(&key_hash(&v))).flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        for s in candidates {
            if let Some(slip) = slip(&norm(source, s, key.source_index), &typed) {
                if let Some(agree) = agreeing(source, list, plan, (s, l), &[key]) {
                    found.push((s, l, slip, agree));
                }
            }
        }
    }
    // One customer each way only: a record two rows could be (or a row two records could be)
    // stays missing and unexpected.
    let once = |s: usize, l: usize| found.iter().filter(|f| f.0 == s || f.1 == l).count() == 1;
    let sure: Vec<_> = found.iter().filter(|f| once(f.0, f.1)).cloned().collect();
    if sure.is_empty() {
        return Vec::new();
    }
    let paired_s: rustc_hash::FxHashSet<u64> = sure.iter().map(|f| source.place(f.0).row).collect();
    let paired_l: rustc_hash::FxHashSet<u64> = sure.iter().map(|f| list.place(f.1).row).collect();
    findings.retain(|f| match f {
        Finding::Missing { source_row, .. } => !paired_s.contains(source_row),
        Finding::Unexpected { list_row, .. } => !paired_l.contains(list_row),
        _ => true,
    });
    let pairs = sure.iter().map(|f| (f.0, f.1)).collect();
    for (s, l, slip, agree) in sure {
        findings.push(near_miss(source, list, key, (s, l), slip, agree));
    }
    pairs
}

pub(super) fn near_miss(
    source: &Table,
    list: &Table,
    key: &Pair,
    (s, l): (usize, usize),
    slip: Slip,
    agree: Vec<String>,
) -> Finding {
    let part = std::slice::from_ref(key);
    Finding::NearMiss {
        key: raw_key(source, s, part, Side::Source),
        list_key: raw_key(list, l, part, Side::List),
        column: key.source.clone(),
        list_column: key.list.clone(),
        slip,
        agree,
        source_row: source.place(s).row,
        list_row: list.place(l).row,
        source_cell: source.cell_name(source.place(s).line, key.source_index),
        list_cell: list.cell_name(list.place(l).line, key.list_index),
    }
}

/// A key with look-alikes read as digits, and each of its one-character deletions.
fn deletions(key: &str) -> impl Iterator<Item = String> + '_ {
    let canon: Vec<char> = key.chars().map(look_alike).collect();
    let whole: String = canon.iter().collect();
    let n = canon.len();
    std::iter::once(whole)
        .chain((0..n).map(move |i| canon.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| c).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_slip_is_named_and_two_slips_are_none() {
        assert_eq!(slip("C0012", "CO012"), Some(Slip::LookAlike));
        assert_eq!(slip("C1012", "Cl0I2"), Some(Slip::LookAlike));
        assert_eq!(slip("C0012", "C012"), Some(Slip::Dropped));
        assert_eq!(slip("C0012", "C00112"), Some(Slip::Added));
        assert_eq!(slip("C0012", "C0021"), Some(Slip::Swapped));
        assert_eq!(slip("C0012", "C0012"), None);
        assert_eq!(slip("C0012", "C0013"), None, "another digit is another customer's ID");
        assert_eq!(slip("C0012", "C0210"), None);
        assert_eq!(slip("C0012", "C01"), None);
    }

    #[test]
    fn a_slip_and_its_key_share_a_variant() {
        for (meant, typed) in [("C0012", "CO012"), ("C0012", "C012"), ("C0012", "C00112"), ("C0012", "C0021")] {
            let a: Vec<String> = deletions(meant).collect();
            assert!(deletions(typed).any(|v| a.contains(&v)), "{meant} {typed}");
        }
    }
}
