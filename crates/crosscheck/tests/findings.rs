//! One fixture pair per finding kind, the normalisation traps that must not be reported, and the
//! incident itself.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::{findings, run, run_with};
use crosscheck::{reconcile, Finding, FindingKind, Input, Options};
use serde_json::json;

#[test]
fn nothing_wrong_nothing_found() {
    let r = run("kind_source.csv", "kind_source.csv");
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.summary.source.paired, 10);
    assert_eq!(r.mapping.key[0].source, "customer_id");
}

#[test]
fn missing() {
    let r = run("kind_source.csv", "kind_missing_list.csv");
    assert_eq!(findings(&r), vec![json!({"kind": "missing", "key": ["C004"], "source_row": 4, "source_cell": "A5"})]);
    assert_eq!(r.summary.source.unpaired, 1);
    assert_eq!(r.summary.list.rows, 9);
}

#[test]
fn unexpected() {
    let r = run("kind_source.csv", "kind_unexpected_list.csv");
    assert_eq!(findings(&r), vec![json!({"kind": "unexpected", "key": ["C099"], "list_row": 11, "list_cell": "A12"})]);
}

#[test]
fn duplicate_lists_all_rows_and_pairs_none() {
    let r = run("kind_source.csv", "kind_duplicate_list.csv");
    assert_eq!(
        findings(&r),
        vec![json!({"kind": "duplicate", "file": "list", "key": ["C005"], "rows": [5, 11], "other_rows": [5],
                    "cells": ["A6", "A12"]})]
    );
    assert_eq!(r.summary.list.duplicate, 2);
    assert_eq!(r.summary.source.duplicate, 1);
    assert_eq!(r.summary.source.paired, 9);
}

#[test]
fn mismatch_shows_both_raw_values() {
    let r = run("kind_source.csv", "kind_mismatch_list.csv");
    assert_eq!(
        findings(&r),
        vec![json!({"kind": "mismatch", "key": ["C006"], "column": "points", "list_column": "ポイント",
                    "source_value": "600", "list_value": "650", "source_row": 6, "list_row": 6,
                    "source_cell": "D7", "list_cell": "D7"})]
    );
    assert_eq!(r.summary.columns["points"].mismatch, 1);
    let t = &r.summary.totals["points"];
    assert_eq!((t.source, t.list, t.difference), (5500.0, 5550.0, 50.0));
    // Whole sums are JSON integers, as the contract shows them.
    assert_eq!(
        serde_json::to_value(t).unwrap(),
        json!({"source": 5500, "list": 5550, "difference": 50, "source_not_numbers": 0, "list_not_numbers": 0})
    );
}

#[test]
fn crosswired_names_the_customer_the_value_belongs_to() {
    let r = run("kind_source.csv", "kind_crosswired_list.csv");
    assert_eq!(
        findings(&r),
        vec![json!({"kind": "crosswired", "key": ["C003"], "column": "email", "list_column": "メールアドレス",
                    "source_value": "user3@example.jp", "list_value": "user8@example.jp",
                    "belongs_to": ["C008"], "source_row": 3, "list_row": 3, "belongs_to_row": 8,
                    "source_cell": "C4", "list_cell": "C4"})]
    );
}

#[test]
fn crosswired_name_when_the_list_has_no_id() {
    // The list has no id: rows are paired by consensus; the names were slipped between two rows,
    // and the points (a weak column) side with the e-mails.
    let source = Input::new(
        "source.csv",
        "customer_id,name,email,pts\nC1,山田 太郎,taro@x.jp,10\nC2,鈴木 花子,hanako@x.jp,20\nC3,佐藤 一郎,ichiro@x.jp,30\n",
    );
    let list = Input::new(
        "list.csv",
        "氏名,メール,pts\n鈴木 花子,taro@x.jp,10\n山田 太郎,hanako@x.jp,20\n佐藤 一郎,ichiro@x.jp,30\n",
    );
    let r = reconcile(source, list, &Options::default()).unwrap();
    common::assert_conserved(&r);
    assert_eq!(r.mapping.pairing, crosscheck::Pairing::Consensus);
    assert_eq!(r.mapping.key[0].source, "email");
    let f = findings(&r);
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!(f[0]["kind"], "crosswired");
    assert_eq!(f[0]["key"], json!(["taro@x.jp"]));
    assert_eq!(f[0]["column"], "name");
    assert_eq!(f[0]["belongs_to"], json!(["hanako@x.jp"]));
    assert_eq!(f[1]["belongs_to"], json!(["taro@x.jp"]));
}

#[test]
fn two_columns_that_disagree_with_nothing_else_to_tell_are_ambiguous() {
    // Without the points, nothing says whether the names or the e-mails slipped: both rows are
    // shown as ambiguous (each with its two candidates), and neither is paired.
    let source = Input::new(
        "source.csv",
        "customer_id,name,email\nC1,山田 太郎,taro@x.jp\nC2,鈴木 花子,hanako@x.jp\nC3,佐藤 一郎,ichiro@x.jp\n",
    );
    let list =
        Input::new("list.csv", "氏名,メール\n鈴木 花子,taro@x.jp\n山田 太郎,hanako@x.jp\n佐藤 一郎,ichiro@x.jp\n");
    let r = reconcile(source, list, &Options::default()).unwrap();
    common::assert_conserved(&r);
    let f = findings(&r);
    assert_eq!(
        f[0],
        json!({"kind": "ambiguous", "key": ["taro@x.jp"], "list_row": 1, "list_cell": "B2", "candidates": [
            {"key": ["taro@x.jp"], "source_row": 1, "columns": ["メール"], "taken": false},
            {"key": ["hanako@x.jp"], "source_row": 2, "columns": ["氏名"], "taken": false}]})
    );
    assert_eq!((f.len(), f[1]["kind"].as_str()), (2, Some("ambiguous")), "{f:#?}");
    assert_eq!((r.summary.source.paired, r.summary.source.unpaired, r.summary.list.unpaired), (1, 2, 2));
}

#[test]
fn malformed_row_is_reported_and_nothing_else_moves() {
    let r = run("kind_source.csv", "kind_malformed_list.csv");
    assert_eq!(
        findings(&r),
        vec![
            json!({"kind": "missing", "key": ["C007"], "source_row": 7, "source_cell": "A8"}),
            json!({"kind": "malformed", "file": "list", "row": 7, "line": 8, "message": "3 fields, header has 4",
                   "cell": "A8"}),
        ]
    );
    assert_eq!(r.summary.list.malformed, 1);
    assert_eq!(r.summary.list.paired, 9);
}

#[test]
fn normalisation_traps_are_not_reported() {
    // ＡＢＣ１２３ = ABC123, U+3000 = space, ﾔﾏﾀﾞ = ヤマダ = やまだ, 090-1234-5678 = 09012345678,
    // mail case, "1,200" = ¥1,200 = 1200, 令和6年4月1日 = 2024/4/1 = 2024-04-01, 〒100-0001.
    let r = run("trap_source.csv", "trap_list.csv");
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(r.summary.source.paired, 2);
    let mapped: Vec<_> = r.mapping.columns.iter().map(|c| c.list.as_str()).collect();
    assert_eq!(mapped, ["氏名", "フリガナ", "メールアドレス", "電話番号", "郵便番号", "ポイント", "登録日"]);
}

#[test]
fn the_incident_is_one_shifted_finding_not_sixty_mismatches() {
    let r = run("incident_source.csv", "incident_list.csv");
    assert_eq!(
        findings(&r),
        vec![json!({"kind": "shifted", "column": "email", "list_column": "メールアドレス",
                    "offset": 1, "list_rows": [101, 160], "rows": 60, "list_cells": "C102:C161",
                    "lost": [{"key": ["C0160"], "source_row": 160, "list_row": 160, "value": "c160@example.jp"}],
                    "doubled": [{"key": ["C0100"], "value": "c100@example.jp", "list_rows": [100, 101]}],
                    "example": {"list_row": 101, "key": ["C0101"], "value": "c100@example.jp",
                                "belongs_to": ["C0100"], "belongs_to_list_row": 100}})]
    );
    assert_eq!(r.summary.columns["email"].shifted, 1);
    assert_eq!(r.summary.columns["email"].mismatch, 0);
    assert_eq!(r.summary.columns["email"].crosswired, 0);
}

#[test]
fn findings_are_ordered_by_kind_then_row() {
    // The demo pair holds every kind, several of most: within a kind, by file, then by row.
    let demo = crosscheck_sample::demo();
    let r = reconcile(Input::new("source.csv", demo.source), Input::new("list.csv", demo.list), &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    common::assert_conserved(&r);
    let kinds: Vec<FindingKind> = r.findings.iter().map(|f| f.kind()).collect();
    let mut in_order = kinds.clone();
    in_order.sort();
    assert_eq!(kinds, in_order, "kinds in FindingKind::ALL's order");
    let rows = |kind: FindingKind| -> Vec<u64> {
        r.findings
            .iter()
            .filter(|f| f.kind() == kind)
            .map(|f| match f {
                Finding::Missing { source_row, .. } => *source_row,
                Finding::Unexpected { list_row, .. } | Finding::Mismatch { list_row, .. } => *list_row,
                Finding::Crosswired { list_row, .. } => *list_row,
                _ => 0,
            })
            .collect()
    };
    for kind in [FindingKind::Missing, FindingKind::Unexpected, FindingKind::Mismatch, FindingKind::Crosswired] {
        let got = rows(kind);
        assert!(got.len() >= 2, "the demo has at least two {kind} findings: {got:?}");
        assert!(got.windows(2).all(|w| w[0] < w[1]), "{kind} findings by row: {got:?}");
    }
}

#[test]
fn options_used_are_echoed_and_reproduce_the_run() {
    let r = run("trap_source.csv", "trap_list.csv");
    let used = &r.options;
    assert_eq!(used.list.encoding, "utf-8");
    assert_eq!(used.key.as_ref().unwrap()[0].list.as_deref(), Some("顧客ID"));
    let again = run_with("trap_source.csv", "trap_list.csv", used);
    assert_eq!(again.findings, r.findings);
    assert_eq!(again.options, r.options);
}

#[test]
fn max_findings_cuts_the_list_not_the_counts() {
    let o = Options { max_findings: Some(0), ..Options::default() };
    let r = run_with("kind_source.csv", "kind_missing_list.csv", &o);
    assert!(r.findings.is_empty());
    assert!(r.truncated);
    assert_eq!(r.summary.findings.missing, 1);
}

#[test]
fn a_column_identifies_while_at_most_5_percent_of_its_source_values_repeat() {
    // 400 customers; the first `shared` share one note, the rest have their own. The list swaps
    // the notes of the last two: a cross-wire while the column identifies, else two mismatches.
    let kinds = |shared: usize| {
        let mut source = String::from("customer_id,note\n");
        let mut list = String::from("顧客ID,備考\n");
        for i in 1..=400 {
            let note = |i: usize| if i <= shared { "共通メモ".to_string() } else { format!("メモ{i}番") };
            let listed = match i {
                399 => note(400),
                400 => note(399),
                _ => note(i),
            };
            source.push_str(&format!("C{i:03},{}\n", note(i)));
            list.push_str(&format!("C{i:03},{listed}\n"));
        }
        let r = reconcile(Input::new("source.csv", source), Input::new("list.csv", list), &Options::default()).unwrap();
        common::assert_conserved(&r);
        findings(&r).iter().map(|f| f["kind"].as_str().unwrap_or("").to_string()).collect::<Vec<_>>()
    };
    // 21 rows share a value: 20 repeats of 400 is 5 %.
    assert_eq!(kinds(21), ["crosswired", "crosswired"]);
    assert_eq!(kinds(22), ["mismatch", "mismatch"]);
    // Repeating from the first rows on: let go before the end of the column, same answer.
    assert_eq!(kinds(300), ["mismatch", "mismatch"]);
}
