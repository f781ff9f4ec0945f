//! Cross-wires: which source record owns a differing list value of an identifying column.

use super::hashsort::repeats;
use super::keys::{key_hash, NONE};
use crate::normalize::normalize_into;
use crate::plan::Pair;
use crate::read::table::Table;
use rustc_hash::FxHashMap;

/// Source rows looked at for cross-wires between two progress reports: well under 100 ms in the
/// browser.
const IDENTITY_TICK: usize = 300_000;

/// Which source record owns each of the differing list values of an identifying column.
pub(super) struct Identity<'a> {
    /// Value → its only source row, NONE (no source row has it) or SHARED (several have).
    pub(super) owners: FxHashMap<&'a str, u32>,
}

pub(super) const SHARED: u32 = u32::MAX - 1;

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
    pub(super) fn build(
        source: &Table,
        pair: &Pair,
        wanted: &[&'a str],
        tick: &mut dyn FnMut(f64),
    ) -> Option<Identity<'a>> {
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

    pub(super) fn owner(&self, value: &str) -> Option<usize> {
        self.owners.get(value).filter(|&&o| o != NONE && o != SHARED).map(|&o| o as usize)
    }
}
