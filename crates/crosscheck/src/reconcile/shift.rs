//! Shifted columns: the incident's pattern. When a column slides by k rows, every row of the
//! block holds the value that belongs to the row k away; reporting each row as a mismatch (or a
//! cross-wire) buries the one fact a person needs: "this column is off by one in rows 101–160".

/// The furthest slide looked for, in rows.
pub const MAX_OFFSET: usize = 10;
/// Fewer consecutive rows than this are coincidence (or a swap), not a slide.
pub const MIN_ROWS: usize = 3;

/// A run of list rows (indices into the list's readable rows, inclusive) where row `i` holds the
/// value belonging to row `i - offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub first: usize,
    pub last: usize,
    pub offset: i64,
}

impl Block {
    /// Rows in the block (never 0: a block has a first and a last row).
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.last - self.first + 1
    }

    pub fn contains(&self, i: usize) -> bool {
        (self.first..=self.last).contains(&i)
    }
}

/// Find slid blocks among the `mismatched` rows (sorted, ascending). `holds(i, j)` tells whether
/// row `i`'s value is the one that belongs to row `j`. Longest blocks win; blocks never overlap.
pub fn find_blocks(mismatched: &[usize], rows: usize, mut holds: impl FnMut(usize, usize) -> bool) -> Vec<Block> {
    let mut candidates = Vec::new();
    for k in (1..=MAX_OFFSET as i64).flat_map(|k| [k, -k]) {
        let mut run: Option<(usize, usize)> = None;
        let close = |run: Option<(usize, usize)>, out: &mut Vec<Block>| {
            if let Some((first, last)) = run {
                if last - first + 1 >= MIN_ROWS {
                    out.push(Block { first, last, offset: k });
                }
            }
        };
        for &i in mismatched {
            let j = i as i64 - k;
            let hit = j >= 0 && (j as usize) < rows && holds(i, j as usize);
            run = match (run, hit) {
                (Some((first, last)), true) if last + 1 == i => Some((first, i)),
                (prev, true) => {
                    close(prev, &mut candidates);
                    Some((i, i))
                }
                (prev, false) => {
                    close(prev, &mut candidates);
                    None
                }
            };
        }
        close(run, &mut candidates);
    }
    // Longest first; among equals the smaller slide, then the earlier block.
    candidates.sort_by_key(|b| (std::cmp::Reverse(b.len()), b.offset.abs(), b.first));
    let mut chosen: Vec<Block> = Vec::new();
    for b in candidates {
        if !chosen.iter().any(|c| c.first <= b.last && b.first <= c.last) {
            chosen.push(b);
        }
    }
    chosen.sort_by_key(|b| b.first);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `values[i]` is what row i holds; `own[i]` what belongs to it.
    fn blocks(values: &[&str], own: &[&str]) -> Vec<Block> {
        let mismatched: Vec<usize> = (0..values.len()).filter(|&i| values[i] != own[i]).collect();
        find_blocks(&mismatched, values.len(), |i, j| values[i] == own[j])
    }

    #[test]
    fn a_column_slid_down_by_one_is_one_block() {
        let own: Vec<String> = (0..200).map(|i| format!("m{i}")).collect();
        let mut values = own.clone();
        // Rows 100..=159 hold the value of the row above; the last value falls off.
        for i in (100..160).rev() {
            values[i] = own[i - 1].clone();
        }
        let own: Vec<&str> = own.iter().map(|s| s.as_str()).collect();
        let values: Vec<&str> = values.iter().map(|s| s.as_str()).collect();
        assert_eq!(blocks(&values, &own), vec![Block { first: 100, last: 159, offset: 1 }]);
    }

    #[test]
    fn slid_up_by_two_has_a_negative_offset() {
        let own = ["a", "b", "c", "d", "e", "f", "g"];
        let values = ["a", "d", "e", "f", "g", "f", "g"];
        assert_eq!(blocks(&values, &own), vec![Block { first: 1, last: 4, offset: -2 }]);
    }

    #[test]
    fn a_swap_of_two_rows_is_not_a_shift() {
        let own = ["a", "b", "c", "d"];
        let values = ["a", "c", "b", "d"];
        assert!(blocks(&values, &own).is_empty());
    }

    #[test]
    fn two_rows_are_too_few() {
        let own = ["a", "b", "c", "d", "e"];
        let values = ["a", "a", "b", "d", "e"];
        assert!(blocks(&values, &own).is_empty());
    }

    #[test]
    fn offsets_beyond_ten_are_not_searched() {
        let own: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let mut values = own.clone();
        values[20..30].clone_from_slice(&own[9..19]);
        let own: Vec<&str> = own.iter().map(|s| s.as_str()).collect();
        let values: Vec<&str> = values.iter().map(|s| s.as_str()).collect();
        assert!(blocks(&values, &own).is_empty());
    }

    #[test]
    fn nothing_mismatched_nothing_found() {
        assert!(find_blocks(&[], 0, |_, _| true).is_empty());
    }
}
