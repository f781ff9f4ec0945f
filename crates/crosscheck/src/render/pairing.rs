//! How rows were paired, in a sentence: by the key, or by the consensus of the identifying
//! columns — and each key weighed, with the rows it pairs, so the user sees why.

use super::sentences::grouped;
use super::Lang;
use crate::options::Pairing;
use crate::report::{KeyCandidate, Mapping};

/// Voters named in the pairing sentence; the others are counted.
const VOTERS_NAMED: usize = 6;

/// "rows paired by the key 顧客ID = 顧客ID", or, without an ID in both files, "rows paired by
/// what most of 氏名, メールアドレス say; each row named by 氏名".
pub fn pairing_sentence(mapping: &Mapping, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let key: Vec<String> = mapping.key.iter().map(|k| format!("{} = {}", k.source, k.list)).collect();
    let key = key.join(" + ");
    // A few voters by name: a file of 20,000 unique columns made this sentence 189,000 characters.
    let named: Vec<String> = mapping.identities.iter().take(VOTERS_NAMED).map(|unit| unit.join(" + ")).collect();
    let mut voters = named.join(if ja { "、" } else { ", " });
    let more = mapping.identities.len().saturating_sub(VOTERS_NAMED);
    if more > 0 {
        let more = grouped(more as u64);
        voters += &if ja { format!(" ほか {more} 列") } else { format!(" and {more} more columns") };
    }
    match (mapping.pairing, ja) {
        (Pairing::Consensus, true) => {
            format!("ID がないため、{voters} の多数が指す元データの行と対応づけました（行の名前はキー {key}）")
        }
        (Pairing::Consensus, false) => {
            format!("no ID in both files: each row is paired with the record most of {voters} point at (rows named by {key})")
        }
        (_, true) => format!("キー {key} で対応づけました"),
        (_, false) => format!("rows paired by the key {key}"),
    }
}

/// One key weighed: "氏名 = お名前: pairs 300 of 300 sampled rows (chosen)", or "… repeats".
pub fn candidate_sentence(c: &KeyCandidate, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let cols: Vec<String> = c.source.iter().zip(&c.list).map(|(s, l)| format!("{s} = {l}")).collect();
    let cols = cols.join(" + ");
    let chosen = match (c.chosen, ja) {
        (false, _) => "",
        (true, true) => "（採用）",
        (true, false) => " (chosen)",
    };
    let sampled = grouped(c.sampled as u64);
    match (c.pairs, ja) {
        (Some(pairs), true) => {
            let found = grouped(c.found.unwrap_or(0) as u64);
            format!("{cols}: 約 {} 行を対応づけます（調べた {sampled} 行中 {found} 行）{chosen}", grouped(pairs as u64))
        }
        (Some(pairs), false) => {
            let found = grouped(c.found.unwrap_or(0) as u64);
            format!("{cols}: pairs about {} rows ({found} of {sampled} sampled){chosen}", grouped(pairs as u64))
        }
        (None, true) if c.unique => format!("{cols}: 採用したキーより多くは対応づけられないため、数えていません"),
        (None, false) if c.unique => format!("{cols}: not counted: it could not pair more rows than the key chosen"),
        (None, true) => format!("{cols}: 値が重複するためキーになりません"),
        (None, false) => format!("{cols}: its values repeat, so it cannot be the key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_voters_are_named_and_the_rest_counted() {
        let mut mapping = Mapping {
            pairing: Pairing::Consensus,
            key: vec![],
            identities: (0..20_000).map(|i| vec![format!("col{i}")]).collect(),
            key_candidates: vec![],
            columns: vec![],
            unmapped_source: vec![],
            unmapped_list: vec![],
        };
        let en = pairing_sentence(&mapping, Lang::En);
        assert!(en.contains("col0, col1, col2, col3, col4, col5 and 19,994 more columns"), "{en}");
        assert!(en.len() < 300, "{}", en.len());
        let ja = pairing_sentence(&mapping, Lang::Ja);
        assert!(ja.contains("col5 ほか 19,994 列"), "{ja}");
        mapping.identities.truncate(2);
        assert!(!pairing_sentence(&mapping, Lang::En).contains("more"));
    }
}
