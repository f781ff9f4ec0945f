//! Control totals: the sum of each numeric column in both files.

use crate::options::Step;
use crate::par::Threads;
use crate::plan::{Pair, Plan};
use crate::read::table::Table;
use crate::report::Total;
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
