//! Match the rows of two tables by key and say what differs.
//!
//! Hot path, in this order: normalise each row's key once into one buffer; hash-join; for each
//! compared column, compare the raw cells of each pair first and normalise only when they differ
//! (equal raw text is equal normalised text, and most cells are equal). Only the few rows that
//! still differ are looked at again for slides (shift) and cross-wires.

use crate::error::{Error, Result};
use crate::normalize::{normalize_into, parse_number, Step};
use crate::plan::{Pair, Plan};
use crate::report::{Buckets, ColumnCounts, Finding, KindCounts, Side, Total};
use crate::shift::{find_blocks, Block};
use crate::table::Table;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

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

    fn get(&self, r: usize) -> &str {
        let start = if r == 0 { 0 } else { self.ends.get(r - 1).copied().unwrap_or(0) as usize };
        let end = self.ends.get(r).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or("")
    }
}

/// Where a key sits in one file: first and last row, count, and a chain through the rest.
#[derive(Clone, Copy)]
struct Slot {
    first: u32,
    last: u32,
    count: u32,
}

struct Index<'k> {
    slots: FxHashMap<&'k str, Slot>,
    /// Next readable row with the same key, or NONE.
    next: Vec<u32>,
}

impl<'k> Index<'k> {
    fn build(keys: &'k Keys, rows: usize) -> Index<'k> {
        let mut slots: FxHashMap<&str, Slot> = FxHashMap::default();
        slots.reserve(rows);
        let mut next = vec![NONE; rows];
        for r in 0..rows {
            let k = keys.get(r);
            if k.is_empty() {
                continue;
            }
            let r32 = r as u32;
            slots
                .entry(k)
                .and_modify(|s| {
                    if let Some(n) = next.get_mut(s.last as usize) {
                        *n = r32;
                    }
                    s.last = r32;
                    s.count += 1;
                })
                .or_insert(Slot { first: r32, last: r32, count: 1 });
        }
        Index { slots, next }
    }

    fn rows(&self, slot: Slot) -> Vec<usize> {
        let mut out = Vec::with_capacity(slot.count as usize);
        let mut r = slot.first;
        while r != NONE && out.len() < slot.count as usize {
            out.push(r as usize);
            r = self.next.get(r as usize).copied().unwrap_or(NONE);
        }
        out
    }
}

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

pub fn reconcile(source: &Table, list: &Table, plan: &Plan) -> Result<Outcome> {
    if plan.key.is_empty() {
        return Err(Error::internal("reconcile was called without a key"));
    }
    let source_keys = Keys::build(source, &plan.key, Side::Source)?;
    let list_keys = Keys::build(list, &plan.key, Side::List)?;
    let s_index = Index::build(&source_keys, source.len());
    let l_index = Index::build(&list_keys, list.len());

    let mut findings = Vec::new();
    let mut sb = Buckets { rows: source.records(), ..Buckets::default() };
    let mut lb = Buckets { rows: list.records(), ..Buckets::default() };
    // Source row paired with each list row, in list order (shift detection walks the list).
    let mut pair_of_list = vec![NONE; list.len()];
    let key_names = plan.key.iter().map(|p| p.source.as_str()).collect::<Vec<_>>().join(", ");

    for (table, keys, own, other, side) in
        [(source, &source_keys, &s_index, &l_index, Side::Source), (list, &list_keys, &l_index, &s_index, Side::List)]
    {
        for r in 0..table.len() {
            let k = keys.get(r);
            let Some(&slot) = own.slots.get(k) else {
                findings.push(Finding::Malformed {
                    file: side,
                    row: table.place(r).row,
                    line: table.place(r).line,
                    message: format!("the key ({key_names}) is empty"),
                    column: Some(key_names.clone()),
                });
                continue;
            };
            let theirs = other.slots.get(k).copied();
            if slot.count > 1 {
                if slot.first as usize == r {
                    let rows = own.rows(slot).into_iter().map(|i| table.place(i).row).collect();
                    let other_table = if side == Side::Source { list } else { source };
                    let other_rows =
                        theirs.map(|t| other.rows(t).into_iter().map(|i| other_table.place(i).row).collect()).unwrap_or_default();
                    findings.push(Finding::Duplicate { file: side, key: raw_key(table, r, &plan.key, side), rows, other_rows });
                }
                continue;
            }
            match (theirs, side) {
                (None, Side::Source) => {
                    findings.push(Finding::Missing { key: raw_key(table, r, &plan.key, side), source_row: table.place(r).row })
                }
                (None, Side::List) => {
                    findings.push(Finding::Unexpected { key: raw_key(table, r, &plan.key, side), list_row: table.place(r).row })
                }
                // Repeated on the other side: accounted for by that side's duplicate finding.
                (Some(t), _) if t.count > 1 => {}
                (Some(t), Side::List) => {
                    if let Some(p) = pair_of_list.get_mut(r) {
                        *p = t.first;
                    }
                }
                (Some(_), Side::Source) => {}
            }
        }
    }
    drop((s_index, l_index));

    let mut columns = BTreeMap::new();
    let mut identifying = Vec::with_capacity(plan.columns.len());
    for pair in &plan.columns {
        let (found, ident) = compare_column(source, list, plan, pair, &pair_of_list);
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

    for (table, side) in [(source, Side::Source), (list, Side::List)] {
        for m in &table.malformed {
            findings.push(Finding::Malformed { file: side, row: m.row, line: m.line, message: m.message(), column: None });
        }
    }
    findings.sort_by_key(|f| f.order());

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
    let totals = totals(source, list, plan);
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

/// Compare one column over all pairs; then find slides and cross-wires among the differences.
fn compare_column(
    source: &Table,
    list: &Table,
    plan: &Plan,
    pair: &Pair,
    pair_of_list: &[u32],
) -> (Vec<Finding>, Option<bool>) {
    let (sc, lc) = (pair.source_index, pair.list_index);
    let steps = &pair.normalize[..];
    let tolerance = pair.tolerance.filter(|_| steps.contains(&Step::Number));
    let mut diffs = Vec::new();
    let (mut a, mut b) = (String::new(), String::new());
    for (l, &s) in pair_of_list.iter().enumerate() {
        if s == NONE {
            continue;
        }
        let (sv, lv) = (source.cell(s as usize, sc), list.cell(l, lc));
        if sv == lv {
            continue;
        }
        normalize_into(steps, sv, &mut a);
        normalize_into(steps, lv, &mut b);
        if !equal(&a, &b, tolerance) {
            diffs.push(Diff { list_row: l, source_row: s as usize, list_norm: b.clone() });
        }
    }
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
    let ident = Identity::build(source, pair, !asked);
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

/// Which source record owns each normalised value of an identifying column.
struct Identity {
    owners: FxHashMap<String, u32>,
}

const SHARED: u32 = u32::MAX;

impl Identity {
    /// None when the column does not identify anyone: by the options, by its kind, or because
    /// more than 5 % of its source values repeat.
    fn build(source: &Table, pair: &Pair, nothing_to_ask: bool) -> Option<Identity> {
        if nothing_to_ask || pair.identifying == Some(false) {
            return None;
        }
        if pair.identifying.is_none() && !pair.kind.can_identify() {
            return None;
        }
        let mut owners: FxHashMap<String, u32> = FxHashMap::default();
        let mut buf = String::new();
        let mut values = 0usize;
        for r in 0..source.len() {
            normalize_into(&pair.normalize, source.cell(r, pair.source_index), &mut buf);
            if buf.is_empty() {
                continue;
            }
            values += 1;
            owners.entry(buf.clone()).and_modify(|o| *o = SHARED).or_insert(r as u32);
        }
        let unique = owners.values().filter(|&&o| o != SHARED).count();
        if pair.identifying.is_none() && unique * 100 < values * 95 {
            return None;
        }
        Some(Identity { owners })
    }

    fn owner(&self, value: &str) -> Option<usize> {
        self.owners.get(value).filter(|&&o| o != SHARED).map(|&o| o as usize)
    }
}

/// Σ of each numeric column in both files.
fn totals(source: &Table, list: &Table, plan: &Plan) -> BTreeMap<String, Total> {
    let mut out = BTreeMap::new();
    for p in plan.columns.iter().filter(|p| p.kind.is_numeric() || p.normalize.iter().any(|s| matches!(s, Step::Integer | Step::Number))) {
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
        let (s, sbad) = sum(source, p.source_index);
        let (l, lbad) = sum(list, p.list_index);
        out.insert(
            p.source.clone(),
            Total { source: s, list: l, difference: l - s, source_not_numbers: sbad, list_not_numbers: lbad },
        );
    }
    out
}
