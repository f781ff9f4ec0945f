//! What a slid block does at its edges: the values that fell out (in no row), the values now on
//! two rows, and whose value the block's first row holds — the mail that goes to a neighbour.

use super::keys::{raw_key, NONE};
use super::shift::Block;
use crate::normalize::normalize_into;
use crate::plan::{Pair, Plan};
use crate::read::table::Table;
use crate::report::{Doubled, Lost, Misdirected, Side};
use rustc_hash::FxHashSet;

/// A shifted column's edges, block by block. `in_list` holds the list column's normalised
/// values (its hashes), to tell a value in no row from one that is elsewhere in the list.
pub(super) struct Edges<'a> {
    pub(super) source: &'a Table,
    pub(super) list: &'a Table,
    pub(super) plan: &'a Plan,
    pub(super) pair: &'a Pair,
    pub(super) pair_of_list: &'a [u32],
    in_list: FxHashSet<u64>,
}

impl<'a> Edges<'a> {
    pub(super) fn new(
        source: &'a Table,
        list: &'a Table,
        plan: &'a Plan,
        pair: &'a Pair,
        pair_of_list: &'a [u32],
    ) -> Self {
        let mut buf = String::new();
        let in_list = (0..list.len())
            .filter_map(|r| {
                normalize_into(&pair.normalize, list.cell(r, pair.list_index), &mut buf);
                (!buf.is_empty()).then(|| super::keys::key_hash(&buf))
            })
            .collect();
        Edges { source, list, plan, pair, pair_of_list, in_list }
    }

    fn paired(&self, row: i64) -> Option<usize> {
        let r = usize::try_from(row).ok()?;
        self.pair_of_list.get(r).filter(|&&s| s != NONE).map(|&s| s as usize)
    }

    fn own(&self, s: usize) -> String {
        let mut buf = String::new();
        normalize_into(&self.pair.normalize, self.source.cell(s, self.pair.source_index), &mut buf);
        buf
    }

    fn held(&self, l: usize) -> String {
        let mut buf = String::new();
        normalize_into(&self.pair.normalize, self.list.cell(l, self.pair.list_index), &mut buf);
        buf
    }

    fn key(&self, s: usize) -> Vec<String> {
        raw_key(self.source, s, &self.plan.key, Side::Source)
    }

    /// Slid down by k (k > 0), the k values above the block are on two rows (their own and
    /// one in the block) and the block's last k values are in no row; slid up, the reverse.
    pub(super) fn of(&self, b: &Block) -> (Vec<Lost>, Vec<Doubled>, Option<Misdirected>) {
        let k = b.offset;
        let m = k.unsigned_abs() as i64;
        let (first, last) = (b.first as i64, b.last as i64);
        let (doubled_rows, lost_rows) =
            if k > 0 { (first - m..first, last - m + 1..last + 1) } else { (last + 1..last + 1 + m, first..first + m) };
        let mut doubled = Vec::new();
        for j in doubled_rows {
            let (Some(s), Ok(l)) = (self.paired(j), usize::try_from(j)) else { continue };
            if l >= self.list.len() {
                continue;
            }
            let own = self.own(s);
            // Its own row still holds it, and the block's row holds it too.
            if !own.is_empty() && self.held(l) == own {
                let other = (j + k) as usize;
                let (a, b) = (l.min(other), l.max(other));
                doubled.push(Doubled {
                    key: self.key(s),
                    value: self.source.cell(s, self.pair.source_index).trim().to_string(),
                    list_rows: [self.list.place(a).row, self.list.place(b).row],
                });
            }
        }
        let mut lost = Vec::new();
        for j in lost_rows {
            let Some(s) = self.paired(j) else { continue };
            let own = self.own(s);
            if !own.is_empty() && !self.in_list.contains(&super::keys::key_hash(&own)) {
                lost.push(Lost {
                    key: self.key(s),
                    source_row: self.source.place(s).row,
                    list_row: self.list.place(j as usize).row,
                    value: self.source.cell(s, self.pair.source_index).trim().to_string(),
                });
            }
        }
        let example = match (self.paired(first), self.paired(first - k)) {
            (Some(s), Some(owner)) => Some(Misdirected {
                list_row: self.list.place(b.first).row,
                key: self.key(s),
                value: self.list.cell(b.first, self.pair.list_index).trim().to_string(),
                belongs_to: self.key(owner),
                belongs_to_list_row: self.list.place((first - k) as usize).row,
            }),
            _ => None,
        };
        (lost, doubled, example)
    }
}
