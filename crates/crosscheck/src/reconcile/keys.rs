//! Matching by key: each row's key normalised once into one buffer, both files' key hashes
//! sorted and walked side by side; a pair's keys are checked in the compare, so two keys that
//! only share a hash are never paired.

use super::Pair;
use crate::error::{Error, Result};
use crate::normalize::normalize_into;
use crate::plan::Plan;
use crate::read::table::{same_bytes, Table};
use crate::report::{Finding, Side};
use std::hash::BuildHasher;

pub(super) const NONE: u32 = u32::MAX;
/// Separates the parts of a composite key; cannot occur in normalised text a person typed.
pub(super) const KEY_SEP: char = '\u{1F}';

/// Each readable row's normalised key, in one buffer.
pub(super) struct Keys {
    pub(super) text: String,
    pub(super) ends: Vec<u32>,
}

impl Keys {
    pub(super) fn build(table: &Table, parts: &[Pair], side: Side) -> Result<Keys> {
        let mut text = String::with_capacity(table.len() * 10);
        let mut ends = Vec::with_capacity(table.len());
        let mut buf = String::new();
        for r in 0..table.len() {
            let start = text.len();
            for (n, p) in parts.iter().enumerate() {
                let col = match side {
                    Side::Source => p.source_index,
                    Side::List => p.list_index,
                };
                normalize_into(&p.normalize, table.cell(r, col), &mut buf);
                if buf.is_empty() {
                    // An empty part makes the whole key empty: such a row cannot be matched.
                    text.truncate(start);
                    break;
                }
                if n > 0 {
                    text.push(KEY_SEP);
                }
                text.push_str(&buf);
            }
            ends.push(u32::try_from(text.len()).map_err(|_| Error::internal("keys exceed 4 GiB"))?);
        }
        Ok(Keys { text, ends })
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn get(&self, r: usize) -> &str {
        let start = if r == 0 { 0 } else { self.ends.get(r - 1).copied().unwrap_or(0) as usize };
        let end = self.ends.get(r).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or("")
    }
}

/// A key's or a value's hash: 64 bits on every target, so that the CLI and the page count the
/// same repeats (with 32, two of a million values would often share one).
pub(super) fn key_hash(key: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x5EED).hash_one(key)
}

/// One file's (key hash, row) list, as `sorted_keys` makes it.
pub(super) type SortedKeys = [(u64, u32)];

/// One file's rows that have a key, as (key hash, row), sorted by hash, then key, then row: the
/// rows of a key sit together, in row order. Keys themselves are compared only where hashes tie.
/// Sorting two such lists and walking them side by side takes half the time of a hash table over
/// both files in WebAssembly (hashbrown probes four slots at a time there).
pub(super) fn sorted_keys(keys: &Keys, hash: &impl Fn(&str) -> u64) -> Vec<(u64, u32)> {
    let mut sorted = Vec::with_capacity(keys.len());
    for r in 0..keys.len() {
        let key = keys.get(r);
        if !key.is_empty() {
            sorted.push((hash(key), r as u32));
        }
    }
    sorted.sort_unstable();
    // Rows that share a hash (a repeated key, or rarely two keys) sit together: ordered by key.
    let mut rest = &mut sorted[..];
    while let Some(&(h, _)) = rest.first() {
        let n = rest.iter().take_while(|e| e.0 == h).count();
        let (run, after) = rest.split_at_mut(n);
        if n > 1 {
            run.sort_by(|x, y| keys.get(x.1 as usize).cmp(keys.get(y.1 as usize)));
        }
        rest = after;
    }
    sorted
}

/// Walks both files' sorted keys together and hands `each` the rows of one key in the source and
/// in the list (either may be empty). Rows of one file that share a hash are told apart by their
/// keys. One row on each side with the same hash is taken for a pair without comparing the keys
/// unless `compare_pairs`: the compare pass checks them (`KeyCheck`), where both rows are at hand.
pub(super) fn for_each_key(
    source: &[(u64, u32)],
    list: &[(u64, u32)],
    (source_keys, list_keys): (&Keys, &Keys),
    compare_pairs: bool,
    mut each: impl FnMut(&[(u64, u32)], &[(u64, u32)]),
) {
    use std::cmp::Ordering;
    // How many entries at the start of `sorted` have the first one's key.
    let run = |sorted: &[(u64, u32)], keys: &Keys| match sorted.split_first() {
        // The keys are looked at only where hashes tie: each is a random place in memory.
        Some((&(h, r), rest)) => {
            1 + rest.iter().take_while(|&&(h2, r2)| h2 == h && keys.get(r2 as usize) == keys.get(r as usize)).count()
        }
        None => 0,
    };
    let (mut a, mut b) = (source, list);
    while !a.is_empty() || !b.is_empty() {
        let (na, nb) = (run(a, source_keys), run(b, list_keys));
        let order = match (a.first(), b.first()) {
            (Some(x), Some(y)) => x.0.cmp(&y.0).then_with(|| {
                if !compare_pairs && na == 1 && nb == 1 {
                    Ordering::Equal
                } else {
                    source_keys.get(x.1 as usize).cmp(list_keys.get(y.1 as usize))
                }
            }),
            (Some(_), None) => Ordering::Less,
            (None, _) => Ordering::Greater,
        };
        let (take_a, take_b) = match order {
            Ordering::Less => (na, 0),
            Ordering::Greater => (0, nb),
            Ordering::Equal => (na, nb),
        };
        let ((ga, rest_a), (gb, rest_b)) = (a.split_at(take_a), b.split_at(take_b));
        each(ga, gb);
        (a, b) = (rest_a, rest_b);
    }
}

/// Checks in the compare pass that a pair's rows have the same key: equal raw key cells settle
/// it (equal text normalises alike); otherwise the normalised keys are compared.
pub(super) struct KeyCheck<'k> {
    pub(super) parts: &'k [Pair],
    pub(super) source_keys: &'k Keys,
    pub(super) list_keys: &'k Keys,
}

impl KeyCheck<'_> {
    pub(super) fn same(&self, source: &Table, list: &Table, s: usize, l: usize) -> bool {
        self.parts.iter().all(|p| same_bytes(source.cell_bytes(s, p.source_index), list.cell_bytes(l, p.list_index)))
            || self.source_keys.get(s) == self.list_keys.get(l)
    }
}

/// Keys walked while pairing between two progress reports (a random write each): ~25 ms in the
/// browser here, so that a PC a few times slower still hears from the run every ~250 ms.
pub(super) const PAIR_TICK: usize = 250_000;

/// The user-facing key of a row: the raw key cells, trimmed.
pub(super) fn raw_key(table: &Table, r: usize, parts: &[Pair], side: Side) -> Vec<String> {
    parts
        .iter()
        .map(|p| {
            let col = if side == Side::Source { p.source_index } else { p.list_index };
            table.cell(r, col).trim().to_string()
        })
        .collect()
}

/// The cell of a row's key (its first part) as Excel names it.
pub(super) fn key_cell(table: &Table, r: usize, parts: &[Pair], side: Side) -> String {
    let col = parts.first().map_or(0, |p| if side == Side::Source { p.source_index } else { p.list_index });
    table.cell_name(table.place(r).line, col)
}

/// Each key's finding — duplicate (a key repeated in a file, with the other file's rows beside
/// it; none of them paired), missing, unexpected — and the source row paired with each list row,
/// in list order (shift detection walks the list).
///
/// `tick` hears the share of keys walked, every `PAIR_TICK` keys or quarter, whichever is less.
pub(super) fn pair_up(
    source: &Table,
    list: &Table,
    plan: &Plan,
    (sorted_source, sorted_list): (&SortedKeys, &SortedKeys),
    keys: (&Keys, &Keys),
    compare_pairs: bool,
    tick: &mut dyn FnMut(f64),
) -> (Vec<Finding>, Vec<u32>) {
    let mut findings = Vec::new();
    let mut pair_of_list = vec![NONE; list.len()];
    let rows = |group: &[(u64, u32)], table: &Table| group.iter().map(|&(_, r)| table.place(r as usize).row).collect();
    let total = sorted_source.len() + sorted_list.len();
    let step = total.div_ceil(4).clamp(1, PAIR_TICK);
    let (mut walked, mut next) = (0, step);
    for_each_key(sorted_source, sorted_list, keys, compare_pairs, |s, l| {
        walked += s.len() + l.len();
        if walked >= next {
            tick(walked as f64 / total as f64);
            next = walked + step;
        }
        for (side, own, other, table, other_table) in
            [(Side::Source, s, l, source, list), (Side::List, l, s, list, source)]
        {
            if let [(_, first), _, ..] = own {
                let key = raw_key(table, *first as usize, &plan.key, side);
                findings.push(Finding::Duplicate {
                    file: side,
                    key,
                    rows: rows(own, table),
                    other_rows: rows(other, other_table),
                    cells: own.iter().map(|&(_, r)| key_cell(table, r as usize, &plan.key, side)).collect(),
                });
            }
        }
        match (s, l) {
            ([(_, s)], [(_, l)]) => {
                if let Some(p) = pair_of_list.get_mut(*l as usize) {
                    *p = *s;
                }
            }
            ([(_, s)], []) => findings.push(Finding::Missing {
                key: raw_key(source, *s as usize, &plan.key, Side::Source),
                source_row: source.place(*s as usize).row,
                source_cell: key_cell(source, *s as usize, &plan.key, Side::Source),
            }),
            ([], [(_, l)]) => findings.push(Finding::Unexpected {
                key: raw_key(list, *l as usize, &plan.key, Side::List),
                list_row: list.place(*l as usize).row,
                list_cell: key_cell(list, *l as usize, &plan.key, Side::List),
            }),
            _ => {}
        }
    });
    (findings, pair_of_list)
}
