//! Match the rows of two tables by key and say what differs.
//!
//! Hot path, in this order: normalise each row's key once into one buffer; sort both files' key
//! hashes and walk them side by side (a pair's keys are checked in the compare); for each
//! compared column, compare the raw cells of each pair first and normalise only when they differ
//! (equal raw text is equal normalised text, and most cells are equal). Only the few rows that
//! still differ are looked at again for slides (shift) and cross-wires.

use crate::error::{Error, Result};
use crate::hashsort::repeats;
use crate::normalize::{normalize_into, parse_number, Step};
use crate::par::{both, both_telling, threads};
use crate::plan::{Pair, Plan};
use crate::report::{Buckets, ColumnCounts, Finding, KindCounts, Side, Total};
use crate::shift::{find_blocks, Block};
use crate::table::{same_bytes, Table};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::hash::BuildHasher;

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

const NONE: u32 = u32::MAX;
/// Separates the parts of a composite key; cannot occur in normalised text a person typed.
const KEY_SEP: char = '\u{1F}';

/// Each readable row's normalised key, in one buffer.
struct Keys {
    text: String,
    ends: Vec<u32>,
}

impl Keys {
    fn build(table: &Table, parts: &[Pair], side: Side) -> Result<Keys> {
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

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, r: usize) -> &str {
        let start = if r == 0 { 0 } else { self.ends.get(r - 1).copied().unwrap_or(0) as usize };
        let end = self.ends.get(r).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or("")
    }
}

/// A key's or a value's hash: 64 bits on every target, so that the CLI and the page count the
/// same repeats (with 32, two of a million values would often share one).
fn key_hash(key: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x5EED).hash_one(key)
}

/// One file's (key hash, row) list, as `sorted_keys` makes it.
type SortedKeys = [(u64, u32)];

/// One file's rows that have a key, as (key hash, row), sorted by hash, then key, then row: the
/// rows of a key sit together, in row order. Keys themselves are compared only where hashes tie.
/// Sorting two such lists and walking them side by side takes half the time of a hash table over
/// both files in WebAssembly (hashbrown probes four slots at a time there).
fn sorted_keys(keys: &Keys, hash: &impl Fn(&str) -> u64) -> Vec<(u64, u32)> {
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
fn for_each_key(
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
struct KeyCheck<'k> {
    parts: &'k [Pair],
    source_keys: &'k Keys,
    list_keys: &'k Keys,
}

impl KeyCheck<'_> {
    fn same(&self, source: &Table, list: &Table, s: usize, l: usize) -> bool {
        self.parts.iter().all(|p| same_bytes(source.cell_bytes(s, p.source_index), list.cell_bytes(l, p.list_index)))
            || self.source_keys.get(s) == self.list_keys.get(l)
    }
}

/// Source rows looked at for cross-wires between two progress reports: well under 100 ms in the
/// browser.
const IDENTITY_TICK: usize = 300_000;

/// Keys walked while pairing between two progress reports (a random write each): ~25 ms in the
/// browser here, so that a PC a few times slower still hears from the run every ~250 ms.
const PAIR_TICK: usize = 250_000;

/// The user-facing key of a row: the raw key cells, trimmed.
fn raw_key(table: &Table, r: usize, parts: &[Pair], side: Side) -> Vec<String> {
    parts
        .iter()
        .map(|p| {
            let col = if side == Side::Source { p.source_index } else { p.list_index };
            table.cell(r, col).trim().to_string()
        })
        .collect()
}

/// Each key's finding — duplicate (a key repeated in a file, with the other file's rows beside
/// it; none of them paired), missing, unexpected — and the source row paired with each list row,
/// in list order (shift detection walks the list).
///
/// `tick` hears the share of keys walked, every `PAIR_TICK` keys or quarter, whichever is less.
fn pair_up(
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
            }),
            ([], [(_, l)]) => findings.push(Finding::Unexpected {
                key: raw_key(list, *l as usize, &plan.key, Side::List),
                list_row: list.place(*l as usize).row,
            }),
            _ => {}
        }
    });
    (findings, pair_of_list)
}

/// `progress` hears how far comparing is (0 to 1) as it goes; before it, how far matching is,
/// from -1 to 0.
pub fn reconcile(source: &Table, list: &Table, plan: &Plan, progress: &mut dyn FnMut(f64)) -> Result<Outcome> {
    reconcile_hashing(source, list, plan, key_hash, progress)
}

/// `reconcile` with the key hash given (tests give poor ones, to see that shared hashes do not
/// change the outcome).
fn reconcile_hashing(
    source: &Table,
    list: &Table,
    plan: &Plan,
    hash: impl Fn(&str) -> u64 + Sync,
    progress: &mut dyn FnMut(f64),
) -> Result<Outcome> {
    if plan.key.is_empty() {
        return Err(Error::internal("reconcile was called without a key"));
    }
    let (source_keys, list_keys) =
        both(|| Keys::build(source, &plan.key, Side::Source), || Keys::build(list, &plan.key, Side::List));
    let (source_keys, list_keys) = (source_keys?, list_keys?);
    // Matching is told as -1 to 0: keys read (-0.8), sorted (-0.45 between the two files on one
    // thread; -0.1), then paired (up to 0).
    progress(-0.8);
    let (sorted_source, sorted_list) =
        both_telling(|| sorted_keys(&source_keys, &hash), || progress(-0.45), || sorted_keys(&list_keys, &hash));
    progress(-0.1);

    let mut findings = Vec::new();
    let mut sb = Buckets { rows: source.records(), ..Buckets::default() };
    let mut lb = Buckets { rows: list.records(), ..Buckets::default() };
    let key_names = plan.key.iter().map(|p| p.source.as_str()).collect::<Vec<_>>().join(", ");

    for (table, keys, side) in [(source, &source_keys, Side::Source), (list, &list_keys, Side::List)] {
        for r in (0..table.len()).filter(|&r| keys.get(r).is_empty()) {
            findings.push(Finding::Malformed {
                file: side,
                row: table.place(r).row,
                line: table.place(r).line,
                message: format!("the key ({key_names}) is empty"),
                column: Some(key_names.clone()),
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
        match differences(source, list, plan, &pair_of_list, check, &mut |f| progress(0.4 * f)) {
            Some(diffs) => break (keyed, pair_of_list, diffs),
            None => compare_pairs = true,
        }
    };
    findings.extend(keyed);
    drop((sorted_source, sorted_list));

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
        if threads() > 1 {
            if let Some(b) = work.next() {
                let (a, b) = both(|| one(a, &mut |_| {}), || one(b, &mut |_| {}));
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

    progress(0.8);
    for (table, side) in [(source, Side::Source), (list, Side::List)] {
        for m in &table.malformed {
            findings.push(Finding::Malformed {
                file: side,
                row: m.row,
                line: m.line,
                message: m.message(),
                column: None,
            });
        }
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
                "rows do not add up for {name}: {} rows but {} paired + {} unpaired + {} duplicate + {} malformed",
                b.rows, b.paired, b.unpaired, b.duplicate, b.malformed
            ))
            .hint("this is a bug in crosscheck; please report it with the options used"));
        }
    }
    let totals = totals(source, list, plan, &mut |f| progress(0.85 + 0.15 * f));
    Ok(Outcome { findings, source: sb, list: lb, counts, columns, totals, identifying })
}

/// The buckets are counted from the findings themselves (and the pairs), so the conservation
/// check tests the findings a person reads, not a separate tally that could drift from them.
fn fill_buckets(findings: &[Finding], pair_of_list: &[u32], sb: &mut Buckets, lb: &mut Buckets) {
    let paired = pair_of_list.iter().filter(|&&p| p != NONE).count();
    sb.paired = paired;
    lb.paired = paired;
    for f in findings {
        match f {
            Finding::Missing { .. } => sb.unpaired += 1,
            Finding::Unexpected { .. } => lb.unpaired += 1,
            // The other file's rows count here only when the key is single there; repeated
            // there too, that file's own duplicate finding counts them.
            Finding::Duplicate { file, rows, other_rows, .. } => {
                let (own, other) = if *file == Side::Source { (&mut *sb, &mut *lb) } else { (&mut *lb, &mut *sb) };
                own.duplicate += rows.len();
                if other_rows.len() == 1 {
                    other.duplicate += 1;
                }
            }
            Finding::Malformed { file: Side::Source, .. } => sb.malformed += 1,
            Finding::Malformed { file: Side::List, .. } => lb.malformed += 1,
            _ => {}
        }
    }
}

/// A compared cell that still differs after normalisation.
struct Diff {
    list_row: usize,
    source_row: usize,
    list_norm: String,
}

/// The pairs whose cells differ after normalisation, per compared column (in plan order).
///
/// Row by row rather than column by column: the list is in another order than the source, so
/// each pair's source row is a random place in memory, and visiting it once for all columns
/// costs one cache miss instead of one per column. The list is split between two threads.
///
/// With `check`, each pair's keys are checked as well: None when two rows were paired whose keys
/// only share a hash.
fn differences(
    source: &Table,
    list: &Table,
    plan: &Plan,
    pair_of_list: &[u32],
    check: Option<&KeyCheck>,
    progress: &mut dyn FnMut(f64),
) -> Option<Vec<Vec<Diff>>> {
    let rows = |range: std::ops::Range<usize>| {
        let mut out: Vec<Vec<Diff>> = plan.columns.iter().map(|_| Vec::new()).collect();
        let tolerances: Vec<Option<f64>> =
            plan.columns.iter().map(|p| p.tolerance.filter(|_| p.normalize.contains(&Step::Number))).collect();
        let (mut a, mut b) = (String::new(), String::new());
        for first in range.clone().step_by(TOUCH_BLOCK) {
            let block = first..(first + TOUCH_BLOCK).min(range.end);
            // The block's source rows are at random places: a tight loop that only reads them
            // has many of those reads in flight at once, where the compare below would wait
            // for each in turn (WebAssembly has no prefetch). Compare pass 470 → 265 ms in
            // WebAssembly at 1M rows, native run 1.0 → 0.8 s.
            let touched = pair_of_list.get(block.clone()).unwrap_or(&[]).iter().filter(|&&s| s != NONE);
            std::hint::black_box(touched.fold(0u32, |sum, &s| sum.wrapping_add(source.touch(s as usize))));
            for l in block {
                let Some(&s) = pair_of_list.get(l).filter(|&&s| s != NONE) else { continue };
                if check.is_some_and(|k| !k.same(source, list, s as usize, l)) {
                    return None;
                }
                for (c, pair) in plan.columns.iter().enumerate() {
                    // Raw bytes first: most cells are equal as written, and then there is nothing to do.
                    if same_bytes(source.cell_bytes(s as usize, pair.source_index), list.cell_bytes(l, pair.list_index))
                    {
                        continue;
                    }
                    let (sv, lv) = (source.cell(s as usize, pair.source_index), list.cell(l, pair.list_index));
                    normalize_into(&pair.normalize, sv, &mut a);
                    normalize_into(&pair.normalize, lv, &mut b);
                    if !equal(&a, &b, tolerances[c]) {
                        out[c].push(Diff { list_row: l, source_row: s as usize, list_norm: b.clone() });
                    }
                }
            }
        }
        Some(out)
    };
    // In chunks, each shared between the threads, so that progress can be told between them.
    let n = pair_of_list.len();
    let parts = threads();
    let chunk = CHUNK_ROWS * parts;
    let mut all: Vec<Vec<Diff>> = plan.columns.iter().map(|_| Vec::new()).collect();
    let mut start = 0;
    while start < n {
        let end = (start + chunk).min(n);
        let mid = start + (end - start) / parts;
        let (first, second) =
            if parts > 1 { both(|| rows(start..mid), || rows(mid..end)) } else { (rows(start..end), Some(Vec::new())) };
        let (first, second) = (first?, second?);
        for (c, (f, s)) in first.into_iter().zip(second.into_iter().chain(std::iter::repeat_with(Vec::new))).enumerate()
        {
            if let Some(out) = all.get_mut(c) {
                out.extend(f);
                out.extend(s);
            }
        }
        progress(end as f64 / n as f64);
        start = end;
    }
    Some(all)
}

/// List rows whose source rows are read ahead together: their lines (~5 a row) stay well
/// inside a core's L2 cache; 64 to 512 measured alike, 4096 slower.
const TOUCH_BLOCK: usize = 256;

/// Pairs compared between two progress reports (per thread): about 40 ms in the browser here,
/// so that a PC a few times slower still hears from the run every ~250 ms.
const CHUNK_ROWS: usize = 100_000;

/// One column's differences as findings: slides first, then cross-wires, then mismatches.
fn column_findings(
    source: &Table,
    list: &Table,
    plan: &Plan,
    pair: &Pair,
    pair_of_list: &[u32],
    diffs: Vec<Diff>,
    tick: &mut dyn FnMut(f64),
) -> (Vec<Finding>, Option<bool>) {
    let (sc, lc) = (pair.source_index, pair.list_index);
    let steps = &pair.normalize[..];
    if diffs.is_empty() {
        return (Vec::new(), None);
    }

    let mut out = Vec::new();
    // Slides: does list row i hold the value that belongs to list row j?
    let mismatched: Vec<usize> = diffs.iter().map(|d| d.list_row).collect();
    let norm_of: FxHashMap<usize, &str> = diffs.iter().map(|d| (d.list_row, d.list_norm.as_str())).collect();
    let mut own_cache: FxHashMap<usize, String> = FxHashMap::default();
    let blocks = find_blocks(&mismatched, list.len(), |i, j| {
        let Some(&s) = pair_of_list.get(j).filter(|&&s| s != NONE) else { return false };
        let own = own_cache.entry(s as usize).or_insert_with(|| {
            let mut buf = String::new();
            normalize_into(steps, source.cell(s as usize, sc), &mut buf);
            buf
        });
        norm_of.get(&i).is_some_and(|v| !v.is_empty() && v == own)
    });
    for b in &blocks {
        out.push(shifted(list, pair, b));
    }

    let rest: Vec<&Diff> = diffs.iter().filter(|d| !blocks.iter().any(|b| b.contains(d.list_row))).collect();
    let asked = !rest.is_empty();
    let wanted: Vec<&str> = rest.iter().map(|d| d.list_norm.as_str()).collect();
    let ident = Identity::build(source, pair, &wanted, tick);
    for d in rest {
        let (sv, lv) = (source.cell(d.source_row, sc), list.cell(d.list_row, lc));
        let base = (plan_key(source, d.source_row, plan), pair.source.clone(), pair.list.clone());
        let (source_row, list_row) = (source.place(d.source_row).row, list.place(d.list_row).row);
        match ident.as_ref().and_then(|id| id.owner(&d.list_norm)).filter(|&t| t != d.source_row) {
            Some(t) => out.push(Finding::Crosswired {
                key: base.0,
                column: base.1,
                list_column: base.2,
                source_value: sv.to_string(),
                list_value: lv.to_string(),
                belongs_to: plan_key(source, t, plan),
                source_row,
                list_row,
                belongs_to_row: source.place(t).row,
            }),
            None => out.push(Finding::Mismatch {
                key: base.0,
                column: base.1,
                list_column: base.2,
                source_value: sv.to_string(),
                list_value: lv.to_string(),
                source_row,
                list_row,
            }),
        }
    }
    (out, asked.then_some(ident.is_some()))
}

fn plan_key(source: &Table, r: usize, plan: &Plan) -> Vec<String> {
    raw_key(source, r, &plan.key, Side::Source)
}

fn shifted(list: &Table, pair: &Pair, b: &Block) -> Finding {
    Finding::Shifted {
        column: pair.source.clone(),
        list_column: pair.list.clone(),
        offset: b.offset,
        list_rows: [list.place(b.first).row, list.place(b.last).row],
        rows: b.len(),
    }
}

fn equal(a: &str, b: &str, tolerance: Option<f64>) -> bool {
    if a == b {
        return true;
    }
    match (tolerance, parse_number(a), parse_number(b)) {
        (Some(t), Some(x), Some(y)) => (x - y).abs() <= t,
        _ => false,
    }
}

/// Which source record owns each of the differing list values of an identifying column.
struct Identity<'a> {
    /// Value → its only source row, NONE (no source row has it) or SHARED (several have).
    owners: FxHashMap<&'a str, u32>,
}

const SHARED: u32 = u32::MAX - 1;

impl<'a> Identity<'a> {
    /// Looks up only `wanted` (the few values that differ), so the source column is normalised
    /// once and nothing is allocated per row. None when the column does not identify anyone: by
    /// the options, by its kind, or because more than 5 % of its source values repeat.
    /// `tick` hears the share of the column looked at, every few hundred thousand rows.
    ///
    /// Kept out of `reconcile`: inlined there (with everything else, by LLVM or wasm-opt), the
    /// one huge function made Node's V8 (11.3) compile the compare pass worse, 200 → 280 ms at
    /// 1M rows; Chromium's V8 compiled both alike.
    #[inline(never)]
    fn build(source: &Table, pair: &Pair, wanted: &[&'a str], tick: &mut dyn FnMut(f64)) -> Option<Identity<'a>> {
        if wanted.is_empty() || pair.identifying == Some(false) {
            return None;
        }
        if pair.identifying.is_none() && !pair.kind.can_identify() {
            return None;
        }
        let mut owners: FxHashMap<&str, u32> = wanted.iter().filter(|v| !v.is_empty()).map(|&v| (v, NONE)).collect();
        // The wanted values by hash, so each source value is hashed once for both questions.
        let mut by_hash: FxHashMap<u64, Vec<&str>> = FxHashMap::default();
        for &v in owners.keys() {
            by_hash.entry(key_hash(v)).or_default().push(v);
        }
        let judge = pair.identifying.is_none();
        // Repeats are counted on the sorted hashes (a hash set of a million values is a cache
        // miss per insert). A column that repeats a lot shows it in its first quarter already:
        // it is let go then, without reading the rest.
        let mut hashes: Vec<u64> = Vec::with_capacity(if judge { source.len() } else { 0 });
        let checkpoint = source.len().div_ceil(4).max(1);
        let too_many = |repeats: usize, of: usize| repeats * 100 > of * 5;
        let mut buf = String::new();
        for r in 0..source.len() {
            if r % IDENTITY_TICK == IDENTITY_TICK - 1 {
                tick(r as f64 / source.len() as f64);
            }
            if judge && r == checkpoint && too_many(repeats(&mut hashes), source.len()) {
                // Already more repeats than 5 % of the whole column allows: it identifies no one.
                return None;
            }
            normalize_into(&pair.normalize, source.cell(r, pair.source_index), &mut buf);
            if buf.is_empty() {
                continue;
            }
            let h = key_hash(&buf);
            if let Some(candidates) = by_hash.get(&h) {
                if let Some(&v) = candidates.iter().find(|&&v| v == buf) {
                    if let Some(o) = owners.get_mut(v) {
                        *o = if *o == NONE { r as u32 } else { SHARED };
                    }
                }
            }
            if judge {
                hashes.push(h);
            }
        }
        if judge && too_many(repeats(&mut hashes), hashes.len()) {
            return None;
        }
        Some(Identity { owners })
    }

    fn owner(&self, value: &str) -> Option<usize> {
        self.owners.get(value).filter(|&&o| o != NONE && o != SHARED).map(|&o| o as usize)
    }
}

/// Σ of each numeric column in both files; `tick` hears the share of those columns summed.
fn totals(source: &Table, list: &Table, plan: &Plan, tick: &mut dyn FnMut(f64)) -> BTreeMap<String, Total> {
    let mut out = BTreeMap::new();
    let numeric: Vec<&Pair> = plan
        .columns
        .iter()
        .filter(|p| p.kind.is_numeric() || p.normalize.iter().any(|s| matches!(s, Step::Integer | Step::Number)))
        .collect();
    for (i, p) in numeric.iter().enumerate() {
        let sum = |t: &Table, col: usize| {
            let (mut total, mut bad) = (0.0f64, 0usize);
            for r in 0..t.len() {
                let v = t.cell(r, col);
                match parse_number(v) {
                    Some(x) => total += x,
                    None if v.trim().is_empty() => {}
                    None => bad += 1,
                }
            }
            (total, bad)
        };
        let half = (i as f64 + 0.5) / numeric.len() as f64;
        let ((s, sbad), (l, lbad)) =
            both_telling(|| sum(source, p.source_index), || tick(half), || sum(list, p.list_index));
        out.insert(
            p.source.clone(),
            Total { source: s, list: l, difference: l - s, source_not_numbers: sbad, list_not_numbers: lbad },
        );
        tick((i + 1) as f64 / numeric.len() as f64);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::sample::{generate, SampleSpec};
    use crate::TestResult;

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
            let good = reconcile_hashing(&source, &list, &plan, key_hash, &mut |_| {})?;
            assert!(good.counts.missing + good.counts.duplicate > 0 || spec.rate == 0.0);
            for hash in poor {
                assert_eq!(reconcile_hashing(&source, &list, &plan, hash, &mut |_| {})?, good);
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
        reconcile(&source, &list, &plan, &mut |f| heard.push(f))?;
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
                let got = reconcile_hashing(&source, &list, &plan, hash, &mut |_| {})?;
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
        assert!(differences(&source, &list, &plan, &pairs, Some(&check), &mut |_| {}).is_none());
        // …comparing keys, only B is a pair.
        let (found, pairs) = pair_up(&source, &list, &plan, (&ss, &ls), (&sk, &lk), true, &mut |_| {});
        assert_eq!(pairs, vec![1, NONE]);
        assert_eq!(found.len(), 2, "{found:?}");
        Ok(())
    }
}
