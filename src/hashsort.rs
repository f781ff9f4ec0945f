//! Sorting by 64-bit hashes, the two big sorts of a run (each file's keys; each identifying
//! column's values, to count repeats).
//!
//! Hashes are spread evenly, so their top byte splits a list into 256 buckets of like size: one
//! pass counts the buckets, one places each item in its own, and each bucket (~4 000 items at a
//! million) is then sorted while it sits in cache, where a comparison sort of the whole list
//! moves every item through memory some twenty times.

/// Buckets by the hash's top byte.
const BUCKETS: usize = 256;

/// Below this many items the buckets would hold a few items each: a plain sort.
const SMALL: usize = 1 << 12;

/// Sorts `items` as `sort_unstable` does, for items whose order begins with `hash(item)` (a
/// hash, or a tuple led by one): the buckets are then in order, and sorting each one sorts all.
pub fn sort_by_hash<T: Copy + Ord>(items: &mut Vec<T>, hash: impl Fn(&T) -> u64) {
    if items.len() < SMALL {
        items.sort_unstable();
        return;
    }
    let bucket = |t: &T| (hash(t) >> 56) as usize;
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
    let mut next = starts;
    // Every place is written below (the counts add up to the length); the copy only gives the
    // vector its length without asking `T` for a default.
    let mut placed = items.clone();
    for t in items.iter() {
        let b = bucket(t);
        if let Some(at) = next.get_mut(b) {
            if let Some(slot) = placed.get_mut(*at) {
                *slot = *t;
            }
            *at += 1;
        }
    }
    for b in 0..BUCKETS {
        if let Some(run) = placed.get_mut(starts[b]..starts[b + 1]) {
            run.sort_unstable();
        }
    }
    *items = placed;
}

/// How many of `hashes` repeat an earlier one (the count less the distinct values); sorts them.
pub fn repeats(hashes: &mut Vec<u64>) -> usize {
    sort_by_hash(hashes, |&h| h);
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
            sort_by_hash(&mut got, |&h| h);
            assert_eq!(got, want, "{n} items, {distinct} distinct");
        }
    }

    #[test]
    fn sorts_tuples_led_by_the_hash() {
        // Rows that share a hash stay ordered by row; hashes crowded into a few buckets (one
        // top byte) are sorted all the same.
        let mut rng = fastrand::Rng::with_seed(3);
        let mut got: Vec<(u64, u32)> =
            (0..30_000u32).map(|r| ((rng.u64(..4) << 56) | rng.u64(..1000), 30_000 - r)).collect();
        let mut want = got.clone();
        want.sort_unstable();
        sort_by_hash(&mut got, |t| t.0);
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
