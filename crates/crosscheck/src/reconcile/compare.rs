//! Comparing each pair's cells, column by column: raw text first, normalised only when it
//! differs; then what the differences are — shifted blocks, cross-wires or mismatches.

use super::edges::Edges;
use super::identity::Identity;
use super::keys::{raw_key, KeyCheck, NONE};
use super::near_miss;
use super::shift::{find_blocks, Block};
use crate::normalize::{normalize_into, Step};
use crate::options::Pairing;
use crate::par::Threads;
use crate::plan::{Pair, Plan};
use crate::read::table::{same_bytes, Table};
use crate::report::{Doubled, Finding, Lost, Misdirected, Side};
use crate::value::number::parse_number;
use rustc_hash::FxHashMap;

/// A compared cell that still differs after normalisation.
pub(super) struct Diff {
    pub(super) list_row: usize,
    pub(super) source_row: usize,
    pub(super) list_norm: String,
}

/// The pairs whose cells differ after normalisation, per compared column (in plan order).
///
/// Row by row rather than column by column: the list is in another order than the source, so
/// each pair's source row is a random place in memory, and visiting it once for all columns
/// costs one cache miss instead of one per column. The list is split between two threads.
///
/// With `check`, each pair's keys are checked as well: None when two rows were paired whose keys
/// only share a hash.
pub(super) fn differences(
    source: &Table,
    list: &Table,
    plan: &Plan,
    threads: Threads,
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
    let parts = threads.count();
    let chunk = CHUNK_ROWS * parts;
    let mut all: Vec<Vec<Diff>> = plan.columns.iter().map(|_| Vec::new()).collect();
    let mut start = 0;
    while start < n {
        let end = (start + chunk).min(n);
        let mid = start + (end - start) / parts;
        let (first, second) = if parts > 1 {
            threads.both(|| rows(start..mid), || rows(mid..end))
        } else {
            (rows(start..end), Some(Vec::new()))
        };
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
pub(super) const TOUCH_BLOCK: usize = 256;

/// Pairs compared between two progress reports (per thread): about 40 ms in the browser here,
/// so that a PC a few times slower still hears from the run every ~250 ms.
pub(super) const CHUNK_ROWS: usize = 100_000;

/// One column's differences as findings: slides first, then cross-wires, then mismatches.
pub(super) fn column_findings(
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
    if !blocks.is_empty() {
        let edges = Edges::new(source, list, plan, pair, pair_of_list);
        for b in &blocks {
            out.push(shifted(list, pair, b, edges.of(b)));
        }
    }

    let rest: Vec<&Diff> = diffs.iter().filter(|d| !blocks.iter().any(|b| b.contains(d.list_row))).collect();
    let asked = !rest.is_empty();
    let wanted: Vec<&str> = rest.iter().map(|d| d.list_norm.as_str()).collect();
    let ident = Identity::build(source, pair, &wanted, tick);
    let mut own = String::new();
    for d in rest {
        let (sv, lv) = (source.cell(d.source_row, sc), list.cell(d.list_row, lc));
        // Paired by consensus, an ID one slip from its record's was typed by hand.
        if pair.id && plan.pairing == Pairing::Consensus {
            normalize_into(steps, sv, &mut own);
            let slip = near_miss::slip(&own, &d.list_norm);
            let agree = slip.and_then(|_| near_miss::agreeing(source, list, plan, (d.source_row, d.list_row), &[pair]));
            if let (Some(slip), Some(agree)) = (slip, agree) {
                out.push(near_miss::near_miss(source, list, pair, (d.source_row, d.list_row), slip, agree));
                continue;
            }
        }
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
                source_cell: source.cell_name(source.place(d.source_row).line, sc),
                list_cell: list.cell_name(list.place(d.list_row).line, lc),
            }),
            None => out.push(Finding::Mismatch {
                key: base.0,
                column: base.1,
                list_column: base.2,
                source_value: sv.to_string(),
                list_value: lv.to_string(),
                source_row,
                list_row,
                source_cell: source.cell_name(source.place(d.source_row).line, sc),
                list_cell: list.cell_name(list.place(d.list_row).line, lc),
            }),
        }
    }
    (out, asked.then_some(ident.is_some()))
}

pub(super) fn plan_key(source: &Table, r: usize, plan: &Plan) -> Vec<String> {
    raw_key(source, r, &plan.key, Side::Source)
}

pub(super) fn shifted(
    list: &Table,
    pair: &Pair,
    b: &Block,
    (lost, doubled, example): (Vec<Lost>, Vec<Doubled>, Option<Misdirected>),
) -> Finding {
    Finding::Shifted {
        column: pair.source.clone(),
        list_column: pair.list.clone(),
        offset: b.offset,
        list_rows: [list.place(b.first).row, list.place(b.last).row],
        rows: b.len(),
        list_cells: list.range_name(list.place(b.first).line, list.place(b.last).line, pair.list_index),
        with: Vec::new(),
        lost,
        doubled,
        example,
    }
}

pub(super) fn equal(a: &str, b: &str, tolerance: Option<f64>) -> bool {
    if a == b {
        return true;
    }
    match (tolerance, parse_number(a), parse_number(b)) {
        (Some(t), Some(x), Some(y)) => (x - y).abs() <= t,
        _ => false,
    }
}
