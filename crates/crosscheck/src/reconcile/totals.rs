//! Control totals: the sum of each numeric column in both files, and each totals row (合計)
//! checked against the rows it totals.

use crate::options::Step;
use crate::par::Threads;
use crate::plan::{Pair, Plan};
use crate::read::layout::SkipReason;
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
    let mut out = Vec::new();
    let mut since = 0;
    for s in table.skipped.iter().filter(|s| s.reason == SkipReason::Totals) {
        let label_at = s.cells.iter().position(|c| c.trim() == s.text);
        for (col, stated) in s.cells.iter().enumerate() {
            let Some(figure) = parse_number(stated).filter(|_| Some(col) != label_at) else { continue };
            // A column of numbers only: a count under the IDs or the names is not their sum.
            let (numbers, filled) = (0..s.rows_before).fold((0, 0), |(n, f), r| {
                let v = table.cell(r, col);
                (n + usize::from(parse_number(v).is_some()), f + usize::from(!v.trim().is_empty()))
            });
            if numbers == 0 || numbers * 2 < filled {
                continue;
            }
            let sum = |rows: std::ops::Range<usize>| rows.filter_map(|r| parse_number(table.cell(r, col))).sum::<f64>();
            let (near, all) = (sum(since..s.rows_before), sum(0..s.rows_before));
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
        since = s.rows_before;
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
