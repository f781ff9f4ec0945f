//! A list opened in Excel and saved again: every column Excel damaged is said, with where and
//! what the value most probably was, and nothing is undone — the damaged values are compared as
//! the file holds them, so their mismatches stand beside the note that explains them.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::{fixture, run};
use crosscheck::render::{damage_sentence, Lang};
use crosscheck::report::DamageKind;
use crosscheck::{inspect, FileOptions};

/// A damage note as compared here: column, kind, count, and each example's cell, value and
/// restored value.
type Note<'a> = (&'a str, DamageKind, usize, Vec<(&'a str, &'a str, Option<&'a str>)>);

#[test]
fn each_damaged_column_of_an_excel_saved_list_is_said_and_nothing_undone() {
    let r = run("damage_source.csv", "damage_list.csv");
    assert_eq!(r.inputs.source.damage, vec![], "the source is as it was written");
    let list = &r.inputs.list;
    let got: Vec<Note> = list
        .damage
        .iter()
        .map(|d| {
            let examples =
                d.examples.iter().map(|e| (e.cell.as_str(), e.value.as_str(), e.restored.as_deref())).collect();
            (d.column.as_str(), d.kind, d.count, examples)
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "会員番号",
                DamageKind::LostLeadingZeros,
                2,
                vec![("C4", "3707", Some("00003707")), ("C9", "9877", Some("00009877"))]
            ),
            (
                "電話番号",
                DamageKind::PhoneAsNumber,
                2,
                vec![("D6", "9000050035", Some("09000050035")), ("D11", "9000100070", Some("09000100070"))]
            ),
            (
                "JANコード",
                DamageKind::ScientificNotation,
                2,
                vec![("E5", "4.90123E+12", None), ("E10", "4.90123E+12", None)]
            ),
            (
                "登録日",
                DamageKind::DateAsSerial,
                2,
                vec![("F7", "45388", Some("2024-04-06")), ("F12", "45393", Some("2024-04-11"))]
            ),
        ]
    );
    assert_eq!(
        damage_sentence(&list.damage[0], Lang::En),
        "Excel dropped the leading zeros of 2 values in 会員番号 (C4, C9): 3707 was probably 00003707."
    );
    // Said, not undone: the plan compares as it did without the notes. The damaged phone
    // numbers, IDs and dates are mismatches; 会員番号 is compared as integers (two of the list's
    // twelve codes lost their zeros: too many for it to read as a code), and 3707 = 00003707.
    assert_eq!(r.summary.findings.mismatch, 6);
    for column in ["電話番号", "JANコード", "登録日"] {
        assert_eq!(r.summary.columns.get(column).map(|c| c.mismatch), Some(2), "{column}");
    }
    assert_eq!(r.summary.columns.get("会員番号").map_or(0, |c| c.mismatch), 0);
    assert!(!list.damage.iter().any(|d| d.column == "ポイント"));
    // The JSON names the kinds in snake_case.
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap_or_default();
    assert_eq!(json["inputs"]["list"]["damage"][3]["kind"], "date_as_serial");
    assert_eq!(json["inputs"]["list"]["damage"][2]["examples"][0].get("restored"), None);
    assert_eq!(json["inputs"]["source"].get("damage"), None, "no damage, no field");
}

#[test]
fn inspect_says_the_same_of_the_file_alone() {
    let i = inspect(fixture("damage_list.csv"), &FileOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<DamageKind> = i.input.damage.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, DamageKind::ALL);
    let clean = inspect(fixture("damage_source.csv"), &FileOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(clean.input.damage, vec![]);
}
