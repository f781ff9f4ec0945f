//! Pairing by consensus, for lists without an ID: each identifying column (an e-mail, a phone, a
//! name that does not repeat, a name with its birth date) votes for the one source record its
//! value belongs to, and a list row is paired with the record most of its columns vote for.
//! A column whose value points elsewhere is then simply a column that differs — and where it
//! differs row after row, it is the column that slid (`shift`), whichever column names the row.
//!
//! Ties are broken by the weak columns (points, dates: values many records share), then by the
//! row order around them (the rows above and below paired in step); a tie that stays is an
//! `ambiguous` finding, never decided silently.

use super::keys::{for_each_key, key_cell, key_hash, raw_key, sorted_keys, Keys, NONE};
use crate::error::Result;
use crate::normalize::normalize_into;
use crate::par::Threads;
use crate::plan::{Pair, Plan};
use crate::read::table::{same_bytes, Table};
use crate::report::{Candidate, Finding, Side};

/// A vote for a value several source records share: the low bits index `groups`.
const GROUP: u32 = 1 << 31;
/// A vote counts this much more than all weak columns together can.
const VOTE: u32 = 64;

/// What one list row's columns say.
#[derive(Clone)]
enum Choice {
    /// One record has the most votes (after the tie-breaks).
    Firm(u32),
    /// Several records have as many votes and as many weak columns agreeing.
    Tied(Vec<u32>),
    /// The row's values each belong to several records (repeated in the source).
    Shared(u32),
    /// No value of the row is in the source.
    Nobody,
    /// Every identifying value is empty.
    Empty,
}

/// The findings of pairing (missing, unexpected, duplicate, ambiguous, malformed) and the
/// source row paired with each list row, as `keys::pair_up` gives them for a key.
pub(super) fn pair_by_consensus(
    source: &Table,
    list: &Table,
    plan: &Plan,
    threads: Threads,
    tick: &mut dyn FnMut(f64),
) -> Result<(Vec<Finding>, Vec<u32>)> {
    let units: Vec<Vec<Pair>> = plan
        .identities
        .iter()
        .map(|unit| unit.iter().filter_map(|&i| plan.columns.get(i).cloned()).collect())
        .collect();
    let v = units.len().max(1);
    let mut votes = vec![NONE; list.len() * v];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut source_has = vec![false; source.len()];
    // How many of each list row's identifying units have a value.
    let mut valued = vec![0u32; list.len()];
    for (u, parts) in units.iter().enumerate() {
        let (sk, lk) =
            threads.both(|| Keys::build(source, parts, Side::Source), || Keys::build(list, parts, Side::List));
        let (sk, lk) = (sk?, lk?);
        for (r, h) in source_has.iter_mut().enumerate() {
            *h |= !sk.get(r).is_empty();
        }
        for (r, n) in valued.iter_mut().enumerate() {
            *n += u32::from(!lk.get(r).is_empty());
        }
        let (ss, ls) = threads.both(|| sorted_keys(&sk, &key_hash), || sorted_keys(&lk, &key_hash));
        // Keys are compared where hashes tie: no compare pass checks these pairs afterwards.
        for_each_key(&ss, &ls, (&sk, &lk), true, |s, l| {
            if s.is_empty() || l.is_empty() {
                return;
            }
            let vote = match s {
                [(_, r)] => *r,
                _ => {
                    groups.push(s.iter().map(|e| e.1).collect());
                    GROUP | (groups.len() - 1) as u32
                }
            };
            for &(_, lr) in l {
                if let Some(slot) = votes.get_mut(lr as usize * v + u) {
                    *slot = vote;
                }
            }
        });
        tick((u + 1) as f64 / (units.len() + 1) as f64);
    }
    let judge = Judge { source, list, plan, units: &units, votes: &votes, v, valued: &valued };
    let mut choices: Vec<Choice> = (0..list.len()).map(|l| judge.choose(l)).collect();
    judge.break_ties_by_order(&mut choices);
    let out = judge.settle(choices, &groups, &source_has);
    tick(1.0);
    Ok(out)
}

/// (record or group, list row) for the rows whose choice `pick` names one, sorted.
fn rows_by(choices: &[Choice], pick: impl Fn(&Choice) -> Option<u32>) -> Vec<(u32, usize)> {
    let mut out: Vec<(u32, usize)> = choices.iter().enumerate().filter_map(|(l, c)| Some((pick(c)?, l))).collect();
    out.sort_unstable();
    out
}

struct Judge<'a> {
    source: &'a Table,
    list: &'a Table,
    plan: &'a Plan,
    units: &'a [Vec<Pair>],
    votes: &'a [u32],
    v: usize,
    /// How many of each list row's identifying units have a value.
    valued: &'a [u32],
}

impl Judge<'_> {
    /// The records list row `l` votes for, each with its number of votes, most first.
    fn tally(&self, l: usize) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(self.v);
        for &s in self.votes.get(l * self.v..(l + 1) * self.v).unwrap_or(&[]) {
            if s == NONE || s & GROUP != 0 {
                continue;
            }
            match out.iter_mut().find(|e| e.0 == s) {
                Some(e) => e.1 += 1,
                None => out.push((s, 1)),
            }
        }
        out.sort_by_key(|e| (std::cmp::Reverse(e.1), e.0));
        out
    }

    /// How many weak columns (compared, but in no identifying unit) agree between the rows.
    fn weak(&self, l: usize, s: usize) -> u32 {
        let (mut a, mut b) = (String::new(), String::new());
        let mut n = 0;
        for (i, p) in self.plan.columns.iter().enumerate() {
            if self.plan.identities.iter().any(|u| u.contains(&i)) {
                continue;
            }
            let (sv, lv) = (self.source.cell_bytes(s, p.source_index), self.list.cell_bytes(l, p.list_index));
            if same_bytes(sv, lv) {
                n += u32::from(!self.source.cell(s, p.source_index).trim().is_empty());
                continue;
            }
            normalize_into(&p.normalize, self.source.cell(s, p.source_index), &mut a);
            normalize_into(&p.normalize, self.list.cell(l, p.list_index), &mut b);
            n += u32::from(!a.is_empty() && a == b);
        }
        n.min(VOTE - 1)
    }

    fn score(&self, l: usize, s: u32) -> u32 {
        let votes = self.tally(l).iter().find(|e| e.0 == s).map_or(0, |e| e.1);
        votes * VOTE + self.weak(l, s as usize)
    }

    /// Whether `votes` of row `l`'s units are enough to pair it: at least half of its units with
    /// a value that several records do not share (a name alone, its e-mail and ID pointing
    /// nowhere, is not enough; a name with a common date says nothing either way).
    fn enough(&self, l: usize, votes: u32) -> bool {
        let row = self.votes.get(l * self.v..(l + 1) * self.v).unwrap_or(&[]);
        let shared = row.iter().filter(|&&s| s != NONE && s & GROUP != 0).count() as u32;
        votes * 2 >= self.valued.get(l).copied().unwrap_or(0).saturating_sub(shared)
    }

    fn choose(&self, l: usize) -> Choice {
        if self.valued.get(l).copied().unwrap_or(0) == 0 {
            return Choice::Empty;
        }
        let tally = self.tally(l);
        let Some(&(_, most)) = tally.first() else {
            let shared = self.votes.get(l * self.v..(l + 1) * self.v).unwrap_or(&[]).iter().find(|&&s| s != NONE);
            return match shared {
                Some(&g) => Choice::Shared(g & !GROUP),
                None => Choice::Nobody,
            };
        };
        if !self.enough(l, most) {
            return Choice::Nobody;
        }
        let tops: Vec<u32> = tally.iter().take_while(|e| e.1 == most).map(|e| e.0).collect();
        if let [s] = tops[..] {
            return Choice::Firm(s);
        }
        let weighed: Vec<(u32, u32)> = tops.iter().map(|&s| (s, self.weak(l, s as usize))).collect();
        let best = weighed.iter().map(|e| e.1).max().unwrap_or(0);
        let still: Vec<u32> = weighed.iter().filter(|e| e.1 == best).map(|e| e.0).collect();
        match still[..] {
            [s] => Choice::Firm(s),
            _ => Choice::Tied(still),
        }
    }

    /// A tied row between rows paired in step (the same distance between list and source row
    /// above and below it) takes the candidate in that step: a slid block ties on every row,
    /// and the rows around it say where it belongs.
    fn break_ties_by_order(&self, choices: &mut [Choice]) {
        let step = |c: &Choice, l: usize| match c {
            Choice::Firm(s) => Some(*s as i64 - l as i64),
            _ => None,
        };
        let mut above: Vec<Option<i64>> = vec![None; choices.len()];
        let mut last = None;
        for (l, c) in choices.iter().enumerate() {
            above[l] = last;
            last = step(c, l).or(last);
        }
        let mut below = None;
        for l in (0..choices.len()).rev() {
            let here = step(&choices[l], l);
            if let (Choice::Tied(tops), Some(a), Some(b)) = (&choices[l], above[l], below) {
                let fits: Vec<u32> = tops.iter().copied().filter(|&s| a == b && s as i64 - l as i64 == a).collect();
                if let [s] = fits[..] {
                    choices[l] = Choice::Firm(s);
                }
            }
            below = here.or(below);
        }
    }

    /// Each record to the row with the best claim on it; rows that claim a record equally are
    /// duplicates; a row outbid takes its next candidate if free, else it is unexpected.
    fn settle(&self, mut choices: Vec<Choice>, groups: &[Vec<u32>], source_has: &[bool]) -> (Vec<Finding>, Vec<u32>) {
        let (source, list, plan) = (self.source, self.list, self.plan);
        let mut findings = Vec::new();
        let mut pair_of_list = vec![NONE; list.len()];
        let mut taken = vec![false; source.len()];
        let claims = rows_by(&choices, |c| if let Choice::Firm(s) = c { Some(*s) } else { None });
        let mut outbid: Vec<(usize, u32)> = Vec::new();
        for group in claims.chunk_by(|a, b| a.0 == b.0) {
            let s = group[0].0;
            if let [(_, l)] = group {
                pair_of_list[*l] = s;
                taken[s as usize] = true;
                continue;
            }
            let scored: Vec<(u32, usize)> = group.iter().map(|&(_, l)| (self.score(l, s), l)).collect();
            let best = scored.iter().map(|e| e.0).max().unwrap_or(0);
            let top: Vec<usize> = scored.iter().filter(|e| e.0 == best).map(|e| e.1).collect();
            taken[s as usize] = true;
            if let [l] = top[..] {
                pair_of_list[l] = s;
            } else {
                findings.push(Finding::Duplicate {
                    file: Side::List,
                    key: raw_key(list, top[0], &plan.key, Side::List),
                    rows: top.iter().map(|&l| list.place(l).row).collect(),
                    other_rows: vec![source.place(s as usize).row],
                    cells: top.iter().map(|&l| key_cell(list, l, &plan.key, Side::List)).collect(),
                });
            }
            outbid.extend(scored.iter().filter(|e| e.0 != best).map(|e| (e.1, s)));
        }
        outbid.sort_unstable();
        for (l, lost) in outbid {
            let next =
                self.tally(l).into_iter().find(|&(s, votes)| s != lost && !taken[s as usize] && self.enough(l, votes));
            match next {
                Some((s, _)) => {
                    pair_of_list[l] = s;
                    taken[s as usize] = true;
                }
                None => choices[l] = Choice::Nobody,
            }
        }
        // A tie whose other candidates other rows have firmly taken is no tie.
        for (l, c) in choices.iter_mut().enumerate() {
            if let Choice::Tied(tops) = c {
                if let [s] = tops.iter().copied().filter(|&s| !taken[s as usize]).collect::<Vec<_>>()[..] {
                    pair_of_list[l] = s;
                    taken[s as usize] = true;
                    *c = Choice::Firm(s);
                }
            }
        }
        // Rows whose values are each shared by the same records: those records repeat.
        let by_group = rows_by(&choices, |c| if let Choice::Shared(g) = c { Some(*g) } else { None });
        for rows in by_group.chunk_by(|a, b| a.0 == b.0) {
            let members = groups.get(rows[0].0 as usize).map_or(&[][..], |g| &g[..]);
            let list_rows: Vec<usize> = rows.iter().map(|e| e.1).collect();
            if members.is_empty() || members.iter().any(|&s| taken[s as usize]) {
                for &l in &list_rows {
                    choices[l] = Choice::Nobody;
                }
                continue;
            }
            for &s in members {
                taken[s as usize] = true;
            }
            let (s_rows, l_rows): (Vec<u64>, Vec<u64>) = (
                members.iter().map(|&s| source.place(s as usize).row).collect(),
                list_rows.iter().map(|&l| list.place(l).row).collect(),
            );
            findings.push(Finding::Duplicate {
                file: Side::Source,
                key: raw_key(source, members[0] as usize, &plan.key, Side::Source),
                rows: s_rows.clone(),
                other_rows: l_rows.clone(),
                cells: members.iter().map(|&s| key_cell(source, s as usize, &plan.key, Side::Source)).collect(),
            });
            if list_rows.len() > 1 {
                findings.push(Finding::Duplicate {
                    file: Side::List,
                    key: raw_key(list, list_rows[0], &plan.key, Side::List),
                    rows: l_rows,
                    other_rows: s_rows,
                    cells: list_rows.iter().map(|&l| key_cell(list, l, &plan.key, Side::List)).collect(),
                });
            }
        }
        let mut candidates_of_ambiguous = vec![false; source.len()];
        for (l, c) in choices.iter().enumerate() {
            match c {
                Choice::Tied(tops) => {
                    let candidates = tops
                        .iter()
                        .map(|&s| {
                            candidates_of_ambiguous[s as usize] = true;
                            Candidate {
                                key: raw_key(source, s as usize, &plan.key, Side::Source),
                                source_row: source.place(s as usize).row,
                                columns: self.pointing(l, s),
                                taken: taken[s as usize],
                            }
                        })
                        .collect();
                    findings.push(Finding::Ambiguous {
                        key: raw_key(list, l, &plan.key, Side::List),
                        list_row: list.place(l).row,
                        list_cell: key_cell(list, l, &plan.key, Side::List),
                        candidates,
                    });
                }
                Choice::Nobody if pair_of_list[l] == NONE => findings.push(Finding::Unexpected {
                    key: raw_key(list, l, &plan.key, Side::List),
                    list_row: list.place(l).row,
                    list_cell: key_cell(list, l, &plan.key, Side::List),
                }),
                Choice::Empty => findings.push(self.empty(list, l, Side::List)),
                _ => {}
            }
        }
        for s in 0..source.len() {
            if !source_has[s] {
                findings.push(self.empty(source, s, Side::Source));
            } else if !taken[s] && !candidates_of_ambiguous[s] {
                findings.push(Finding::Missing {
                    key: raw_key(source, s, &plan.key, Side::Source),
                    source_row: source.place(s).row,
                    source_cell: key_cell(source, s, &plan.key, Side::Source),
                });
            }
        }
        (findings, pair_of_list)
    }

    /// The list columns of row `l` whose values point at record `s`.
    fn pointing(&self, l: usize, s: u32) -> Vec<String> {
        let votes = self.votes.get(l * self.v..(l + 1) * self.v).unwrap_or(&[]);
        votes
            .iter()
            .zip(self.units)
            .filter(|(&vote, _)| vote == s)
            .flat_map(|(_, unit)| unit.iter().map(|p| p.list.clone()))
            .collect()
    }

    fn empty(&self, table: &Table, r: usize, side: Side) -> Finding {
        let names: Vec<&str> = self.units.iter().flatten().map(|p| p.source.as_str()).collect();
        let names = names.join(", ");
        Finding::Malformed {
            file: side,
            row: table.place(r).row,
            line: table.place(r).line,
            message: format!("the identifying columns ({names}) are empty"),
            column: Some(names),
            cell: key_cell(table, r, &self.plan.key, side),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::options::{Options, Pairing};
    use crate::read::table::Table;
    use crate::{ErrorKind, TestResult, Threads};

    #[test]
    fn random_lists_are_paired_without_panics_and_every_row_is_accounted_for() -> TestResult {
        // Values from small pools, so repeats, ties, empty values and rows pointing at several
        // records are common; the outcome must always add up (reconcile checks it, and fails
        // with an internal error otherwise).
        let mut rng = fastrand::Rng::with_seed(17);
        let mut paired = 0;
        for round in 0..400 {
            let file = |rng: &mut fastrand::Rng| {
                let mut text = String::from("name,email,phone,pts\n");
                for _ in 0..rng.usize(0..14) {
                    let name = ["山田", "鈴木", "佐藤", "", "田中"][rng.usize(0..5)];
                    let mail = ["a@x.jp", "b@x.jp", "c@x.jp", "", "d@x.jp", "e@x.jp"][rng.usize(0..6)];
                    let phone = ["0901", "0902", "", "0903"][rng.usize(0..4)];
                    text.push_str(&format!("{name},{mail},{phone},{}\n", rng.u8(0..3)));
                }
                text
            };
            let source = Table::parse("s.csv", &file(&mut rng), None)?;
            let list = Table::parse("l.csv", &file(&mut rng), None)?;
            let options = Options { pairing: Pairing::Consensus, ..Options::default() };
            let Ok(plan) = crate::plan::plan(&source, &list, &options) else { continue };
            match crate::reconcile::reconcile(&source, &list, &plan, Threads::default(), &mut |_| {}) {
                Ok(out) => {
                    assert!(out.source.adds_up() && out.list.adds_up(), "round {round}");
                    paired += out.source.paired;
                }
                Err(e) => assert_ne!(e.kind, ErrorKind::Internal, "round {round}: {e}"),
            }
        }
        assert!(paired > 50, "only {paired} rows paired in all rounds");
        Ok(())
    }
}
