//! Choosing the key: every mapped column that could identify a row, and (when no single column
//! pairs nearly every row) pairs and triples of the others, weighed by how many sampled list
//! rows they would pair; the one that pairs the most wins, the usual order (ID, code, e-mail,
//! phone, name) deciding ties. Also which columns vote when rows are paired by consensus.

use super::profile::sample_rows;
use super::{Ctx, Pair, Role};
use crate::error::{Error, ErrorKind, Remedy, Result};
use crate::normalize::{normalize_into, Step};
use crate::read::table::Table;
use crate::report::{ColumnKind, KeyCandidate};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

/// List rows sampled to weigh a candidate (spread evenly over the list).
const SAMPLE: usize = 2000;
/// Columns combined into pairs and triples, at most: 8 give 28 pairs and 56 triples.
const COMBINED: usize = 8;
/// An ID pairing this share (%) of the rows the best candidate pairs is chosen over it.
const ID_WITHIN: usize = 99;
/// A single column that pairs this share of the sample leaves too little for a composite to win.
const NEARLY_ALL: f64 = 0.99;

/// A candidate's columns (indices into the mapped pairs) and what weighing it found.
struct Weighed {
    parts: Vec<usize>,
    unique: bool,
    found: Option<usize>,
}

impl Ctx<'_> {
    /// The usual order of the columns a key is made of; 9 for columns that never are.
    fn rank(&self, p: &Pair) -> usize {
        match self.sp[p.source_index].role {
            Some(Role::Id) => 0,
            _ => match p.kind {
                ColumnKind::Code => 1,
                ColumnKind::Email => 2,
                ColumnKind::Phone => 3,
                ColumnKind::Text | ColumnKind::Kana => 4,
                // A birth date tells people apart only beside a name.
                ColumnKind::Date => 8,
                _ => 9,
            },
        }
    }

    /// The key that pairs the most sampled list rows, and every candidate weighed.
    pub(super) fn auto_key(&self, pairs: &[Pair]) -> Result<(Vec<Pair>, Vec<KeyCandidate>)> {
        let mut order: Vec<usize> = (0..pairs.len()).filter(|&i| self.rank(&pairs[i]) < 9).collect();
        order.sort_by_key(|&i| self.rank(&pairs[i]));
        let n = sample_rows(self.list.len(), SAMPLE).count().max(1);
        let mut weighed: Vec<Weighed> = Vec::new();
        let mut best: Option<usize> = None;
        let weigh = |parts: Vec<usize>, weighed: &mut Vec<Weighed>, best: &mut Option<usize>| {
            let refs: Vec<&Pair> = parts.iter().map(|&i| &pairs[i]).collect();
            // A column named as the ID may repeat more: its repeats are what we are here to find.
            let tolerated = if parts.len() == 1 && self.rank(refs[0]) == 0 { 10 } else { 2 };
            let unique = self.unique(&refs, tolerated);
            // Candidates come in the usual order: a later one must pair more rows to win, and
            // an ID's rows by more than a hundredth. One that could not, even pairing every
            // sampled row it has a key for, is not counted: each count walks the whole source
            // (on the ID-keyed recon-1M, two such walks were 7 % of the run).
            let bar = best.map_or(0, |b: usize| {
                let w: &Weighed = &weighed[b];
                let found = w.found.unwrap_or(0);
                if w.parts.len() == 1 && self.rank(&pairs[w.parts[0]]) <= 1 {
                    found * 100 / ID_WITHIN
                } else {
                    found
                }
            });
            let hopeless = best.is_some() && self.keyed(&refs) <= bar;
            let shared = (unique && !hopeless).then(|| self.shared(&refs));
            // Half the sampled keys found at least, as a key shared by both files must.
            if shared.is_some_and(|(found, keyed)| found > bar && found * 2 >= keyed) {
                *best = Some(weighed.len());
            }
            weighed.push(Weighed { parts, unique, found: shared.map(|s| s.0) });
        };
        for &i in &order {
            if self.rank(&pairs[i]) < 8 {
                weigh(vec![i], &mut weighed, &mut best);
            }
        }
        let nearly_all = |best: &Option<usize>, weighed: &[Weighed]| {
            best.and_then(|b| weighed[b].found).is_some_and(|f| f as f64 >= n as f64 * NEARLY_ALL)
        };
        // Composites of the columns that are not unique on their own (a unique column makes any
        // composite holding it unique too, and pairs no more rows than it does alone).
        let alone_unique = |i: usize, weighed: &[Weighed]| weighed.iter().any(|w| w.parts == [i] && w.unique);
        let few: Vec<usize> = order.iter().copied().filter(|&i| !alone_unique(i, &weighed)).take(COMBINED).collect();
        for size in [2, 3] {
            if nearly_all(&best, &weighed) {
                break;
            }
            for parts in combinations(&few, size) {
                // A triple holding a unique pair pairs no more rows than the pair.
                let holds_unique_pair = size == 3
                    && weighed
                        .iter()
                        .any(|w| w.parts.len() == 2 && w.unique && w.parts.iter().all(|p| parts.contains(p)));
                // Dates only beside a name or another column: never two dates alone.
                let dates = parts.iter().filter(|&&i| self.rank(&pairs[i]) == 8).count();
                if holds_unique_pair || dates == parts.len() || dates > 1 {
                    continue;
                }
                weigh(parts, &mut weighed, &mut best);
            }
        }
        // An ID (or a code) pairing nearly as many rows as the best is the key all the same: the
        // few rows another column pairs more are the ones whose ID repeats or was mistyped,
        // which are findings of their own (duplicate, near_miss).
        let id = weighed.iter().position(|w| {
            let (Some(found), Some(top)) = (w.found, best.and_then(|b| weighed[b].found)) else { return false };
            w.parts.len() == 1 && self.rank(&pairs[w.parts[0]]) <= 1 && found * 100 >= top * ID_WITHIN
        });
        let best = id.or(best);
        let Some(b) = best else {
            return Err(Error::new(
                ErrorKind::Key,
                "no column (or pair or triple of columns) is unique in both files and shared by them",
            )
            .hint("name the key: the column (or columns) both files identify customers by")
            .remedy(Remedy::NameKey));
        };
        let key: Vec<Pair> = weighed[b].parts.iter().map(|&i| pairs[i].clone()).collect();
        let candidates = weighed
            .iter()
            .enumerate()
            .filter(|(_, w)| w.parts.len() == 1 || w.found.is_some())
            .map(|(i, w)| KeyCandidate {
                source: w.parts.iter().map(|&p| pairs[p].source.clone()).collect(),
                list: w.parts.iter().map(|&p| pairs[p].list.clone()).collect(),
                unique: w.unique,
                sampled: n,
                found: w.found,
                pairs: w.found.map(|f| estimate(f, n, self.list.len())),
                chosen: i == b,
            })
            .collect();
        Ok((key, candidates))
    }

    /// The identifying units that vote when rows are paired by consensus: each mapped column
    /// that can point at one customer and is nearly unique in both files; a name that repeats,
    /// beside its reading or the birth date (生年月日: not any date, which many people share)
    /// when the two together do not; and the key when
    /// it is a composite. Indices into `columns`.
    pub(super) fn identities(&self, columns: &[Pair], key: &[Pair]) -> Vec<Vec<usize>> {
        let unique = |parts: &[&Pair]| {
            let id = parts.len() == 1 && self.rank(parts[0]) == 0;
            self.unique(parts, if id { 10 } else { 2 })
        };
        let mut out: Vec<Vec<usize>> = Vec::new();
        let mut repeating_names = Vec::new();
        for (i, p) in columns.iter().enumerate() {
            let can = p.identifying.unwrap_or_else(|| p.kind.can_identify() || self.rank(p) == 0);
            if !can {
                continue;
            }
            if unique(&[p]) {
                out.push(vec![i]);
            } else if p.kind == ColumnKind::Text && self.sp[p.source_index].role == Some(Role::Name) {
                repeating_names.push(i);
            }
        }
        let alone = |i: usize, out: &[Vec<usize>]| out.iter().any(|u| u == &[i]);
        for &name in &repeating_names {
            let beside = columns.iter().enumerate().find(|(i, p)| {
                !alone(*i, &out)
                    && *i != name
                    && (p.kind == ColumnKind::Kana || self.sp[p.source_index].role == Some(Role::Birthday))
                    && unique(&[&columns[name], p])
            });
            if let Some((i, _)) = beside {
                out.push(vec![name, i]);
            }
        }
        if key.len() > 1 {
            let parts: Option<Vec<usize>> = key
                .iter()
                .map(|k| columns.iter().position(|c| c.source_index == k.source_index && c.list_index == k.list_index))
                .collect();
            let mut parts = parts.unwrap_or_default();
            parts.sort_unstable();
            if !parts.is_empty() && !parts.iter().any(|p| alone(*p, &out)) && !out.contains(&parts) {
                out.push(parts);
            }
        }
        out
    }

    /// Sampled list rows with a key (every part non-empty): the most a key could pair.
    fn keyed(&self, parts: &[&Pair]) -> usize {
        let mut buf = String::new();
        sample_rows(self.list.len(), SAMPLE)
            .filter(|&r| key_hash(self.list, r, parts, |p| p.list_index, &mut buf).is_some())
            .count()
    }

    /// Nearly unique in both files, judged on a sample: duplicates are findings, not a reason
    /// to reject the key, so `percent` % of repeats are tolerated.
    pub(super) fn unique(&self, parts: &[&Pair], percent: usize) -> bool {
        let ok = |t: &Table, side: fn(&Pair) -> usize| {
            let mut seen = FxHashSet::default();
            let mut n = 0usize;
            let mut buf = String::new();
            for r in sample_rows(t.len(), SAMPLE) {
                let h = key_hash(t, r, parts, side, &mut buf);
                if let Some(h) = h {
                    n += 1;
                    seen.insert(h);
                }
            }
            n > 0 && n - seen.len() <= n * percent / 100
        };
        ok(self.source, |p| p.source_index) && ok(self.list, |p| p.list_index)
    }

    /// How many sampled list rows this key would pair (its key once in the sample and once in
    /// the source), and how many have a key at all. The sample's keys go into a small table and
    /// the source is walked against it (a table of every source key cost a tenth of a second at
    /// a million rows).
    fn shared(&self, parts: &[&Pair]) -> (usize, usize) {
        let mut buf = String::new();
        // Key hash → how many sampled list rows and how many source rows have that key.
        let mut wanted: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
        let mut keyed = 0usize;
        for r in sample_rows(self.list.len(), SAMPLE) {
            if let Some(h) = key_hash(self.list, r, parts, |p| p.list_index, &mut buf) {
                keyed += 1;
                wanted.entry(h).or_default().0 += 1;
            }
        }
        for r in 0..self.source.len() {
            if let Some(h) = key_hash(self.source, r, parts, |p| p.source_index, &mut buf) {
                if let Some(e) = wanted.get_mut(&h) {
                    e.1 += 1;
                }
            }
        }
        (wanted.values().filter(|&&(l, s)| l == 1 && s == 1).count(), keyed)
    }
}

/// The list rows a key pairs, from the share of the sample it pairs.
fn estimate(found: usize, sampled: usize, rows: usize) -> usize {
    if sampled >= rows {
        found
    } else {
        ((found as f64 / sampled.max(1) as f64) * rows as f64).round() as usize
    }
}

/// Every way to take `size` of `items`, in order.
fn combinations(items: &[usize], size: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut pick = Vec::with_capacity(size);
    fn walk(items: &[usize], size: usize, from: usize, pick: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if pick.len() == size {
            out.push(pick.clone());
            return;
        }
        for i in from..items.len() {
            pick.push(items[i]);
            walk(items, size, i + 1, pick, out);
            pick.pop();
        }
    }
    walk(items, size, 0, &mut pick, &mut out);
    out
}

/// Hash of a row's normalised key parts; None when any part is empty.
pub(super) fn key_hash(
    t: &Table,
    row: usize,
    parts: &[&Pair],
    side: fn(&Pair) -> usize,
    buf: &mut String,
) -> Option<u64> {
    let mut h = FxHasher::default();
    for p in parts {
        let cell = t.cell(row, side(p));
        // Printable ASCII without spaces is its own normal form under these steps: hashed as it
        // stands. An ID column walked to its end for the key choice: 215 → ~40 instructions a
        // row, 190 M fewer at 1M rows (docs/benchmarks.md, 2026-12-04).
        if !cell.is_empty() && as_it_stands(&p.normalize) && cell.bytes().all(|b| b.is_ascii_graphic()) {
            cell.hash(&mut h);
            continue;
        }
        normalize_into(&p.normalize, cell, buf);
        if buf.is_empty() {
            return None;
        }
        buf.hash(&mut h);
    }
    Some(h.finish())
}

/// Steps that leave printable ASCII without spaces as it is.
fn as_it_stands(steps: &[Step]) -> bool {
    steps.iter().all(|s| matches!(s, Step::Nfkc | Step::Trim | Step::CollapseSpaces | Step::RemoveSpaces))
}
