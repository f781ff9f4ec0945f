//! Control totals: the sum of each numeric column in both files, and each totals row (合計)
//! checked against the rows it totals.

use crate::options::Step;
use crate::par::Threads;
use crate::plan::{Pair, Plan};
use crate::read::layout::{SkipReason, Skipped};
use crate::read::table::Table;
use crate::report::{Finding, Side, Total};
use crate::value::number::parse_number;
use std::collections::BTreeMap;

/// Σ of each numeric column in both files; `tick` hears the share of those columns summed.
pub(super) fn totals(
    source: &Table,
    list: &Table,
    plan: &Plan,
    threads: Threads,
    tick: &mut dyn FnMut(f64),
) -> BTreeMap<String, Total> {
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
            threads.both_telling(|| sum(source, p.source_index), || tick(half), || sum(list, p.list_index));
        out.insert(
            p.source.clone(),
            Total { source: s, list: l, difference: l - s, source_not_numbers: sbad, list_not_numbers: lbad },
        );
        tick((i + 1) as f64 / numeric.len() as f64);
    }
    out
}

/// Each totals row's figures against the rows it totals: the rows since the previous totals row
/// (a 小計), or else every row above (a 合計 under subtotals); a figure neither adds up to is a
/// finding naming its cell.
pub(super) fn totals_rows(table: &Table, side: Side) -> Vec<Finding> {
    let totals: Vec<_> = table.skipped.iter().filter(|s| s.reason == SkipReason::Totals).collect();
    if totals.is_empty() {
        return Vec::new();
    }
    // Each column read once, whatever the number of subtotals: (Σ, numbers, filled cells) of the
    // rows above each totals row.
    let above = |col: usize| -> Vec<(f64, usize, usize)> {
        let (mut acc, mut r, mut out) = ((0.0, 0, 0), 0, Vec::with_capacity(totals.len()));
        for s in &totals {
            while r < s.rows_before.min(table.len()) {
                let v = table.cell(r, col);
                match parse_number(v) {
                    Some(x) => acc = (acc.0 + x, acc.1 + 1, acc.2 + 1),
                    None => acc.2 += usize::from(!v.trim().is_empty()),
                }
                r += 1;
            }
            out.push(acc);
        }
        out
    };
    let mut out = Vec::new();
    for col in 0..table.width() {
        let stated_here = |s: &&Skipped| s.cells.get(col).and_then(|c| parse_number(c)).is_some();
        if !totals.iter().any(stated_here) {
            continue;
        }
        let sums = above(col);
        for (i, s) in totals.iter().enumerate() {
            let label = s.cells.iter().position(|c| c.trim() == s.text);
            let (Some(stated), Some(&(all, numbers, filled))) = (s.cells.get(col), sums.get(i)) else { continue };
            let Some(figure) = parse_number(stated).filter(|_| label != Some(col)) else { continue };
            // A column of numbers only: a count under the IDs or the names is not their sum.
            if numbers == 0 || numbers * 2 < filled {
                continue;
            }
            // The previous totals row: where this one's group starts.
            let previous = i.checked_sub(1).and_then(|p| Some((sums.get(p)?.0, totals.get(p)?.rows_before)));
            let (before, since) = previous.unwrap_or((0.0, 0));
            let near = all - before;
            if same(figure, near) || same(figure, all) {
                continue;
            }
            let (sum, rows) = if since == 0 { (all, s.rows_before) } else { (near, s.rows_before - since) };
            out.push(Finding::TotalMismatch {
                file: side,
                line: s.line,
                label: s.text.clone(),
                column: table.header.get(col).cloned().unwrap_or_default(),
                stated: stated.clone(),
                sum: shown(sum),
                rows,
                cell: table.cell_name(s.line, col),
            });
        }
    }
    out
}

/// Equal as money and points are: to a millionth of the larger.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// A sum as a person writes it: 50,110 or 12.5, without float noise.
fn shown(x: f64) -> String {
    let rounded = (x * 1e6).round() / 1e6;
    if rounded.fract() == 0.0 && rounded.abs() < 9e15 {
        let digits = (rounded.abs() as u64).to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if rounded < 0.0 {
            format!("-{out}")
        } else {
            out
        }
    } else {
        format!("{rounded}")
    }
}
