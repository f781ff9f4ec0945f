//! Sorting 64-bit hashes: the identity check counts a column's repeated values on its sorted
//! hashes (a million of them per column).
//!
//! Hashes are spread evenly, so their top byte splits a list into 256 buckets of like size: one
//! pass counts the buckets, one swaps each item into its own (in place), and each bucket (~4 000
//! items at a million) is then sorted while it sits in cache, where a comparison sort of the
//! whole list moves every item through memory some twenty times.
//!
//! `radsort` (eight byte passes through a scratch list) was measured in its place: the library
//! benchmark at 1M 1.01–1.07× the time in three interleaved runs and its peak 488 → 496 MB (the
//! scratch list); one 1M sort ~20 ms against ~18. Kept by hand.

/// Buckets by the hash's top byte.
const BUCKETS: usize = 256;

/// Below this many items the buckets would hold a few items each: a plain sort.
const SMALL: usize = 1 << 12;

/// Sorts `items` (hashes, spread evenly) as `sort_unstable` does: the buckets are in order, and
/// sorting each one sorts all.
pub fn sort_hashes(items: &mut [u64]) {
    if items.len() < SMALL {
        items.sort_unstable();
        return;
    }
    let bucket = |h: &u64| (h >> 56) as usize;
    // starts[b]..starts[b + 1] will hold bucket b.
    let mut starts = [0usize; BUCKETS + 1];
    for t in items.iter() {
        if let Some(n) = starts.get_mut(bucket(t) + 1) {
            *n += 1;
        }
    }
    for b in 0..BUCKETS {
        starts[b + 1] += starts[b];
    }
    // Each item is swapped straight into its bucket (American flag sort): no second list.
    // `next[b]` is where bucket b's next item goes; the items before it are in place.
    let mut next = starts;
    for b in 0..BUCKETS {
        while next[b] < starts[b + 1] {
            let i = next[b];
            // Swap the item at i into its bucket until one that belongs at i arrives.
            while let Some(t) = items.get(i) {
                let home = bucket(t);
                if home == b {
                    break;
                }
                let Some(j) = next.get_mut(home) else { break };
                if *j >= items.len() {
                    break;
                }
                items.swap(i, *j);
                *j += 1;
            }
            next[b] += 1;
        }
    }
    for b in 0..BUCKETS {
        if let Some(run) = items.get_mut(starts[b]..starts[b + 1]) {
            run.sort_unstable();
        }
    }
}

/// How many of `hashes` repeat an earlier one (the count less the distinct values); sorts them.
pub fn repeats(hashes: &mut [u64]) -> usize {
    sort_hashes(hashes);
    hashes.windows(2).filter(|w| w[0] == w[1]).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(n: usize, distinct: u64, seed: u64) -> Vec<u64> {
        let mut rng = fastrand::Rng::with_seed(seed);
        // Spread like real hashes, with repeats: `distinct` values, each a random 64-bit one.
        let values: Vec<u64> = (0..distinct).map(|_| rng.u64(..)).collect();
        (0..n).map(|_| values[rng.usize(..values.len())]).collect()
    }

    #[test]
    fn sorts_as_a_plain_sort_does() {
        for (n, distinct) in [(0, 1), (1, 1), (100, 50), (SMALL, 10), (50_000, 40_000), (50_000, 3)] {
            let mut got = hashes(n, distinct, n as u64);
            let mut want = got.clone();
            want.sort_unstable();
            sort_hashes(&mut got);
            assert_eq!(got, want, "{n} items, {distinct} distinct");
        }
    }

    #[test]
    fn sorts_hashes_crowded_into_few_buckets() {
        // Poor hashes (four top bytes only) are sorted all the same.
        let mut rng = fastrand::Rng::with_seed(3);
        let mut got: Vec<u64> = (0..30_000).map(|_| (rng.u64(..4) << 56) | rng.u64(..1000)).collect();
        let mut want = got.clone();
        want.sort_unstable();
        sort_hashes(&mut got);
        assert_eq!(got, want);
    }

    #[test]
    fn counts_repeats_of_earlier_values() {
        for (n, distinct) in [(0, 1), (10, 10), (20_000, 15_000), (20_000, 47)] {
            let mut h = hashes(n, distinct, 9);
            let unique: std::collections::HashSet<u64> = h.iter().copied().collect();
            assert_eq!(repeats(&mut h), n - unique.len(), "{n} items");
        }
    }
}
