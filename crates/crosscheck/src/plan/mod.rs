//! Which list column holds which source column, which columns form the key, and how each
//! column's values are normalised before they are compared.
//!
//! Everything can be given in the options; what is not given is chosen here, in this order:
//! exact header, normalised header, the synonym table, then content (how many of the list's
//! values occur in the source column). The key is a mapped column (or pair) whose values are
//! unique in both files and mostly shared between them, ids preferred over e-mails over phones.
//! `damage` says, for each file, what Excel did to its columns (lost leading zeros, …).

pub(crate) mod damage;
mod key;
pub(crate) mod profile;
mod synonyms;

use crate::error::{Error, ErrorKind, Remedy, Result};
use crate::normalize::{normalize_into, Step};
use crate::options::{ColumnSpec, Options, Pairing};
use crate::read::table::Table;
use crate::report::{ColumnKind, KeyCandidate, MappedBy, MappedColumn, Mapping};
use profile::{profile, sample_rows, Profile};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};
use synonyms::header_key;
pub(crate) use synonyms::{role_of, Role};

/// One source column paired with one list column, and how to compare them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Pair {
    pub source: String,
    pub list: String,
    #[serde(skip)]
    pub source_index: usize,
    #[serde(skip)]
    pub list_index: usize,
    pub kind: ColumnKind,
    pub normalize: Vec<Step>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifying: Option<bool>,
    pub mapped_by: MappedBy,
    /// An ID or a code: typed by hand, so a value one slip from its record's is a near miss.
    #[serde(skip)]
    pub id: bool,
}

impl Pair {
    pub fn spec(&self) -> ColumnSpec {
        ColumnSpec {
            source: self.source.clone(),
            list: Some(self.list.clone()),
            normalize: Some(self.normalize.clone()),
            tolerance: self.tolerance,
            identifying: self.identifying,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Plan {
    /// `Key` or `Consensus`, never `Auto`.
    pub pairing: Pairing,
    /// Paired by the key, the rows' key; by consensus, what names a row in the findings.
    pub key: Vec<Pair>,
    /// Compared columns: paired by the key, the key's columns are not among them (they are
    /// equal by definition); by consensus they are.
    pub columns: Vec<Pair>,
    /// With consensus pairing, the identifying units that vote (indices into `columns`).
    pub identities: Vec<Vec<usize>>,
    pub candidates: Vec<KeyCandidate>,
    pub unmapped_source: Vec<String>,
    pub unmapped_list: Vec<String>,
}

impl Plan {
    /// The mapping as a report tells it.
    pub fn mapping(&self) -> Mapping {
        let cols = |pairs: &[Pair]| {
            pairs
                .iter()
                .map(|p| MappedColumn {
                    source: p.source.clone(),
                    list: p.list.clone(),
                    kind: p.kind,
                    mapped_by: p.mapped_by,
                })
                .collect()
        };
        Mapping {
            pairing: self.pairing,
            key: cols(&self.key),
            identities: self
                .identities
                .iter()
                .map(|unit| unit.iter().filter_map(|&i| self.columns.get(i)).map(|p| p.source.clone()).collect())
                .collect(),
            key_candidates: self.candidates.clone(),
            columns: cols(&self.columns),
            unmapped_source: self.unmapped_source.clone(),
            unmapped_list: self.unmapped_list.clone(),
        }
    }
}

/// Build the plan for two tables under the options.
pub fn plan(source: &Table, list: &Table, options: &Options) -> Result<Plan> {
    let sp: Vec<Profile> = (0..source.width()).map(|c| profile(source, c)).collect();
    let lp: Vec<Profile> = (0..list.width()).map(|c| profile(list, c)).collect();
    let ctx = Ctx { source, list, sp: &sp, lp: &lp };

    let mut pairs: Vec<Pair> = match &options.columns {
        Some(specs) => specs.iter().map(|s| ctx.resolve(s, &[])).collect::<Result<_>>()?,
        None => {
            let mut pinned = Vec::new();
            for spec in &options.map {
                pinned.push(ctx.resolve(spec, &[])?);
            }
            ctx.auto_map(pinned)
        }
    };

    let (key, candidates): (Vec<Pair>, _) = match &options.key {
        Some(specs) if !specs.is_empty() => {
            (specs.iter().map(|s| ctx.resolve(s, &pairs)).collect::<Result<_>>()?, Vec::new())
        }
        _ => ctx.auto_key(&pairs).map_err(|e| empty_table(source, list).unwrap_or(e))?,
    };
    // An ID or a code is trusted to tell which row is whose; anything else (an e-mail, a name)
    // is itself what may have slid, so rows are paired by what most of their columns say —
    // when some columns can say it. A key named in the options is trusted as much: an e-mail
    // named as the key is still a column that may have slid (`"pairing": "key"` trusts it).
    let mut pairing = match options.pairing {
        Pairing::Auto if key.iter().all(|p| p.id) => Pairing::Key,
        chosen => chosen,
    };
    let consensus = |mut pairs: Vec<Pair>| {
        // Every key column is compared too: its value may be the one that moved.
        for k in &key {
            if !pairs.iter().any(|p| p.source_index == k.source_index && p.list_index == k.list_index) {
                pairs.retain(|p| p.source_index != k.source_index && p.list_index != k.list_index);
                pairs.push(k.clone());
            }
        }
        pairs.sort_by_key(|p| p.source_index);
        let identities = ctx.identities(&pairs, &key);
        (pairs, identities)
    };
    let mut identities = Vec::new();
    if pairing != Pairing::Key {
        let (with_key, voters) = consensus(pairs.clone());
        if !voters.is_empty() {
            (pairs, identities, pairing) = (with_key, voters, Pairing::Consensus);
        } else if pairing == Pairing::Consensus {
            return Err(Error::new(
                ErrorKind::Key,
                "no column identifies a customer in both files (an e-mail, a phone number, a name that does not repeat)",
            )
            .hint("name the key and pair rows by it")
            .remedy(Remedy::PairByKey));
        } else {
            pairing = Pairing::Key;
        }
    }
    if pairing == Pairing::Key {
        // Key columns are equal by definition once matched; compare the rest.
        let in_key = |p: &Pair| key.iter().any(|k| k.source_index == p.source_index || k.list_index == p.list_index);
        pairs.retain(|p| !in_key(p));
    }

    let used_source = |i: usize| key.iter().chain(&pairs).any(|p| p.source_index == i);
    let used_list = |i: usize| key.iter().chain(&pairs).any(|p| p.list_index == i);
    let unmapped_source = (0..source.width()).filter(|&i| !used_source(i)).map(|i| sp[i].name.clone()).collect();
    let unmapped_list = (0..list.width()).filter(|&i| !used_list(i)).map(|i| lp[i].name.clone()).collect();
    Ok(Plan { pairing, key, columns: pairs, identities, candidates, unmapped_source, unmapped_list })
}

/// When no key can be found because a file has no rows, that is what to say.
fn empty_table(source: &Table, list: &Table) -> Option<Error> {
    let empty = [source, list].into_iter().find(|t| t.records() == 0)?;
    Some(
        Error::new(ErrorKind::Parse, format!("{} has a header and no rows", empty.name))
            .in_file(empty.name.clone())
            .hint("check that it is the right file, and that its rows were saved"),
    )
}

struct Ctx<'a> {
    source: &'a Table,
    list: &'a Table,
    sp: &'a [Profile],
    lp: &'a [Profile],
}

impl Ctx<'_> {
    fn pair(&self, s: usize, l: usize, by: MappedBy, spec: Option<&ColumnSpec>) -> Pair {
        let (sk, lk) = (self.sp[s].kind, self.lp[l].kind);
        // The source decides, unless it says less than the list does.
        let kind = if matches!(sk, ColumnKind::Text | ColumnKind::Empty | ColumnKind::Code)
            && !matches!(lk, ColumnKind::Text | ColumnKind::Empty)
        {
            lk
        } else {
            sk
        };
        let normalize = spec.and_then(|s| s.normalize.clone()).unwrap_or_else(|| kind.default_steps());
        Pair {
            source: self.sp[s].name.clone(),
            list: self.lp[l].name.clone(),
            source_index: s,
            list_index: l,
            kind,
            normalize,
            tolerance: spec.and_then(|s| s.tolerance),
            identifying: spec.and_then(|s| s.identifying),
            mapped_by: by,
            id: self.sp[s].role == Some(Role::Id) || kind == ColumnKind::Code,
        }
    }

    /// A column pair named in the options; the list side defaults to the mapped partner, then
    /// to the same name.
    fn resolve(&self, spec: &ColumnSpec, mapped: &[Pair]) -> Result<Pair> {
        let s = self.source.column_index(&spec.source).ok_or_else(|| no_column(self.source, &spec.source))?;
        let l = match &spec.list {
            Some(name) => self.list.column_index(name).ok_or_else(|| no_column(self.list, name))?,
            None => match mapped.iter().find(|p| p.source_index == s) {
                Some(p) => p.list_index,
                None => self.list.column_index(&spec.source).ok_or_else(|| {
                    no_column(self.list, &spec.source).hint(format!(
                        "name the list's column too: {{\"source\": \"{}\", \"list\": \"…\"}} or --key SRC=LIST",
                        spec.source
                    ))
                })?,
            },
        };
        Ok(self.pair(s, l, MappedBy::Options, Some(spec)))
    }

    fn auto_map(&self, mut pairs: Vec<Pair>) -> Vec<Pair> {
        // Each rule as the key it compares: exact header, normalised header, role. List columns
        // are filed under their key once, so a file of 20,000 columns is mapped in one pass per
        // rule, not 20,000² comparisons (it took minutes).
        type Key = fn(&Profile) -> Option<String>;
        let rules: [(MappedBy, Key); 3] = [
            (MappedBy::Exact, |p| Some(p.name.clone())),
            (MappedBy::Normalized, |p| Some(header_key(&p.name))),
            (MappedBy::Synonym, |p| p.role.map(|r| format!("{r:?}"))),
        ];
        let mut source_taken = vec![false; self.sp.len()];
        let mut list_taken = vec![false; self.lp.len()];
        for p in &pairs {
            source_taken[p.source_index] = true;
            list_taken[p.list_index] = true;
        }
        for (by, key) in rules {
            let mut filed: FxHashMap<String, Vec<usize>> = FxHashMap::default();
            for (l, lp) in self.lp.iter().enumerate().filter(|(l, _)| !list_taken[*l]) {
                if let Some(k) = key(lp) {
                    filed.entry(k).or_default().push(l);
                }
            }
            for (s, sp) in self.sp.iter().enumerate() {
                if source_taken[s] {
                    continue;
                }
                let Some(candidates) = key(sp).and_then(|k| filed.get(&k)) else { continue };
                let free: Vec<usize> = candidates.iter().copied().filter(|&l| !list_taken[l]).collect();
                // Two list columns fitting one source column is ambiguous: leave it to a later rule.
                if let [l] = free[..] {
                    pairs.push(self.pair(s, l, by, None));
                    (source_taken[s], list_taken[l]) = (true, true);
                }
            }
        }
        self.map_by_content(&mut pairs);
        pairs.sort_by_key(|p| p.source_index);
        pairs
    }

    /// Pair the columns still unmapped when most of a list column's values occur in a source
    /// column (after the source column's default normalisation).
    fn map_by_content(&self, pairs: &mut Vec<Pair>) {
        let free_s: Vec<usize> = (0..self.sp.len()).filter(|&s| !pairs.iter().any(|p| p.source_index == s)).collect();
        let free_l: Vec<usize> = (0..self.lp.len()).filter(|&l| !pairs.iter().any(|p| p.list_index == l)).collect();
        let mut scored = Vec::new();
        for &s in &free_s {
            if self.sp[s].kind == ColumnKind::Empty || self.sp[s].sampled == 0 {
                continue;
            }
            let steps = self.sp[s].kind.default_steps();
            let mut set = None;
            for &l in &free_l {
                if self.lp[l].sampled == 0 {
                    continue;
                }
                let set = set.get_or_insert_with(|| value_hashes(self.source, s, &steps));
                let score = overlap(self.list, l, &steps, set);
                if score >= 0.5 {
                    scored.push((score, s, l));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, s, l) in scored {
            if !pairs.iter().any(|p| p.source_index == s || p.list_index == l) {
                pairs.push(self.pair(s, l, MappedBy::Content, None));
            }
        }
    }
}

fn value_hashes(t: &Table, col: usize, steps: &[Step]) -> FxHashSet<u64> {
    let mut buf = String::new();
    (0..t.len())
        .filter_map(|r| {
            normalize_into(steps, t.cell(r, col), &mut buf);
            (!buf.is_empty()).then(|| hash_str(&buf))
        })
        .collect()
}

fn overlap(t: &Table, col: usize, steps: &[Step], set: &FxHashSet<u64>) -> f64 {
    let mut buf = String::new();
    let (mut n, mut found) = (0usize, 0usize);
    for r in sample_rows(t.len(), 500) {
        normalize_into(steps, t.cell(r, col), &mut buf);
        if !buf.is_empty() {
            n += 1;
            found += usize::from(set.contains(&hash_str(&buf)));
        }
    }
    if n == 0 {
        0.0
    } else {
        found as f64 / n as f64
    }
}

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

fn no_column(table: &Table, name: &str) -> Error {
    Error::options(format!("there is no column \"{name}\"; its columns are: {}", table.header.join(", ")))
        .in_file(table.name.clone())
        .in_column(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;

    fn table(name: &str, text: &str) -> TestResult<Table> {
        Ok(Table::parse(name, text, None)?)
    }

    const SOURCE: &str = "customer_id,name,email,phone,points\n\
        C001,山田 太郎,taro@example.jp,090-1111-2222,100\n\
        C002,鈴木 花子,hanako@example.jp,090-3333-4444,200\n\
        C003,佐藤 一郎,ichiro@example.jp,090-5555-6666,300\n";

    #[test]
    fn maps_japanese_headers_by_synonym_and_picks_the_id_as_key() -> TestResult {
        let s = table("s.csv", SOURCE)?;
        let l = table(
            "l.csv",
            "ポイント,メールアドレス,顧客ID,お名前,TEL\n100,taro@example.jp,C001,山田 太郎,09011112222\n\
             200,hanako@example.jp,C002,鈴木 花子,09033334444\n",
        )?;
        let p = plan(&s, &l, &Options::default())?;
        assert_eq!(p.key.len(), 1);
        assert_eq!((p.key[0].source.as_str(), p.key[0].list.as_str()), ("customer_id", "顧客ID"));
        let cols: Vec<_> = p.columns.iter().map(|c| (c.source.as_str(), c.list.as_str(), c.mapped_by)).collect();
        assert_eq!(
            cols,
            vec![
                ("name", "お名前", MappedBy::Synonym),
                ("email", "メールアドレス", MappedBy::Synonym),
                ("phone", "TEL", MappedBy::Synonym),
                ("points", "ポイント", MappedBy::Synonym),
            ]
        );
        assert_eq!(p.columns[1].normalize, vec![Step::Nfkc, Step::Trim, Step::Lowercase]);
        assert_eq!(p.columns[2].normalize, vec![Step::Nfkc, Step::DigitsOnly]);
        assert_eq!(p.columns[3].normalize, vec![Step::Integer]);
        Ok(())
    }

    #[test]
    fn maps_unknown_headers_by_content() -> TestResult {
        let s = table("s.csv", SOURCE)?;
        let l = table("l.csv", "id,連絡先\nC001,TARO@example.jp\nC002,hanako@example.jp\nC003,x@y.jp\n")?;
        let p = plan(&s, &l, &Options::default())?;
        let email = p.columns.iter().find(|c| c.source == "email").ok_or("email is not compared")?;
        assert_eq!((email.list.as_str(), email.mapped_by), ("連絡先", MappedBy::Content));
        assert_eq!(p.unmapped_source, vec!["name", "phone", "points"]);
        Ok(())
    }

    #[test]
    fn without_an_id_the_email_is_the_key() -> TestResult {
        let s = table("s.csv", "name,email\nA,a@x.jp\nB,b@x.jp\nA,c@x.jp\n")?;
        let l = table("l.csv", "氏名,メール\nA,c@x.jp\nB,b@x.jp\n")?;
        let p = plan(&s, &l, &Options::default())?;
        assert_eq!(p.key[0].source, "email");
        assert_eq!(p.columns[0].source, "name");
        Ok(())
    }

    #[test]
    fn a_composite_key_when_no_single_column_is_unique() -> TestResult {
        let s = table("s.csv", "family,given,pts\n山田,太郎,1\n山田,花子,2\n鈴木,太郎,3\n")?;
        let l = table("l.csv", "family,given,pts\n山田,花子,2\n鈴木,太郎,3\n山田,太郎,1\n")?;
        let p = plan(&s, &l, &Options::default())?;
        let key: Vec<_> = p.key.iter().map(|k| k.source.as_str()).collect();
        assert_eq!(key, vec!["family", "given"]);
        Ok(())
    }

    #[test]
    fn options_override_mapping_key_and_steps() -> TestResult {
        let s = table("s.csv", SOURCE)?;
        let l = table("l.csv", "no,mail\nC001,taro@example.jp\n")?;
        let o = Options::from_json(
            r#"{"key": [{"source": "customer_id", "list": "no"}],
                "columns": [{"source": "email", "list": "mail", "normalize": ["trim"]}]}"#,
        )?;
        let p = plan(&s, &l, &o)?;
        assert_eq!(p.key[0].list, "no");
        assert_eq!(p.columns.len(), 1);
        assert_eq!(p.columns[0].normalize, vec![Step::Trim]);
        assert_eq!(p.columns[0].mapped_by, MappedBy::Options);
        Ok(())
    }

    #[test]
    fn a_missing_column_is_a_clear_error() -> TestResult {
        let s = table("s.csv", SOURCE)?;
        let l = table("l.csv", "id,mail\nC001,a@x\n")?;
        let o = Options::from_json(r#"{"key": [{"source": "kunde"}]}"#)?;
        let e = plan(&s, &l, &o).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Options);
        assert!(e.to_string().contains("s.csv: column \"kunde\": there is no column \"kunde\""), "{e}");
        Ok(())
    }

    #[test]
    fn a_file_of_thousands_of_columns_is_mapped_column_by_column() -> TestResult {
        // 3,000 columns, the list's in reverse order and half of them re-headed in capitals
        // (mapped by the normalised header). A file of 20,000 took minutes when every source
        // column was held against every list column; the figures are in docs/benchmarks.md.
        let n = 3000;
        let names: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
        let row = |r: usize| (0..n).map(|i| format!("v{r}_{i}")).collect::<Vec<_>>().join(",");
        let s = table("s.csv", &format!("{}\n{}\n{}\n", names.join(","), row(0), row(1)))?;
        let rev: Vec<usize> = (0..n).rev().collect();
        let head: Vec<String> =
            rev.iter().map(|&i| if i % 2 == 0 { names[i].to_uppercase() } else { names[i].clone() }).collect();
        let cells = |r: usize| rev.iter().map(|&i| format!("v{r}_{i}")).collect::<Vec<_>>().join(",");
        let l = table("l.csv", &format!("{}\n{}\n{}\n", head.join(","), cells(0), cells(1)))?;
        let p = plan(&s, &l, &Options::default())?;
        // By consensus the key's columns are compared too: each column once.
        let mut all: Vec<&Pair> = p.key.iter().chain(&p.columns).collect();
        all.sort_by_key(|c| c.source_index);
        all.dedup_by_key(|c| c.source_index);
        assert_eq!(all.len(), n);
        assert!(all.iter().all(|c| c.list.to_lowercase() == c.source), "every column to its own");
        let exact = all.iter().filter(|c| c.mapped_by == MappedBy::Exact).count();
        assert_eq!(exact, n / 2);
        Ok(())
    }

    #[test]
    fn no_usable_key_is_an_error() -> TestResult {
        let s = table("s.csv", "a,b\n1,x\n1,x\n")?;
        let l = table("l.csv", "a,b\n1,x\n")?;
        assert_eq!(plan(&s, &l, &Options::default()).unwrap_err().kind, ErrorKind::Key);
        Ok(())
    }
}
