//! Validation before import: the same findings from the file in every encoding, the example
//! schema, the CLI's exit codes, and validation as part of a reconcile run.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::fixture;
use crosscheck::report::Issue;
use crosscheck::{
    reconcile, reconcile_with, validate, ColumnSpec, ErrorKind, FileOptions, Input, Options, Stage, Threads,
};

fn schema_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/recipient-list.json")
}

fn schema_text() -> String {
    std::fs::read_to_string(schema_path()).unwrap()
}

/// (row, column, rule) of every invalid value, and (rule, rows) of every duplicate.
type Invalid = Vec<(u64, String, String)>;
type Duplicates = Vec<(String, Vec<u64>)>;

fn found(file: &str) -> (Invalid, Duplicates) {
    let r = validate(fixture(file), &schema_text(), "recipient-list.json", &FileOptions::default(), None)
        .unwrap_or_else(|e| panic!("{e}"));
    let s = &r.validation.summary;
    assert_eq!(s.rows, s.valid_rows + s.invalid_rows + s.malformed_rows, "every row accounted for");
    let mut invalid = Vec::new();
    let mut dups = Vec::new();
    for f in &r.validation.findings {
        match f {
            Issue::Invalid { row, column, rule, message, .. } => {
                assert!(!message.ja.is_empty() && !message.en.is_empty());
                invalid.push((*row, column.clone(), rule.clone()))
            }
            Issue::Duplicate { rule, rows, .. } => dups.push((rule.clone(), rows.clone())),
            Issue::Malformed { .. } => {}
        }
    }
    (invalid, dups)
}

#[test]
fn every_broken_rule_is_found_with_row_and_column_in_every_encoding() {
    let expected: Vec<(u64, String, String)> = [
        (2, "郵便番号", "jpFormat"),
        (3, "メールアドレス", "format"),
        (3, "電話番号", "jpFormat"),
        (4, "登録日", "type"),
        (5, "都道府県", "enum"),
        (5, "ポイント", "minimum"),
        (6, "メールアドレス", "required"),
    ]
    .iter()
    .map(|(r, c, k)| (*r, c.to_string(), k.to_string()))
    .collect();
    for file in ["validate_list.csv", "validate_list_cp932.csv", "validate_list_utf16le.txt"] {
        let (invalid, dups) = found(file);
        assert_eq!(invalid, expected, "{file}");
        assert_eq!(dups, [("primaryKey".to_string(), vec![1, 5])], "{file}");
    }
}

#[test]
fn the_example_schemas_are_valid_and_accept_good_data() {
    let good = "顧客ID,氏名,フリガナ,メールアドレス,電話番号,郵便番号,都道府県,ポイント,ギフト金額,登録日\n\
                C0000001,髙橋 一郎,タカハシ イチロウ,ichiro@example.jp,090-1234-5678,100-0001,東京都,\"1,200\",\"￥1,000\",令和6年4月1日\n\
                C0000002,山田 花子,ヤマダ ハナコ,hanako@example.jp,0120-123-456,530-0001,大阪府,0,0,平成元年1月8日\n";
    // 平成元年 is 1989, before the schema's minimum of 2000-01-01.
    let r =
        validate(Input::new("good.csv", good), &schema_text(), "recipient-list.json", &FileOptions::default(), None)
            .unwrap();
    assert_eq!(r.validation.summary.findings.invalid, 1);
    assert_eq!(r.validation.summary.rules["minimum"], 1);
    let source = std::fs::read_to_string(schema_path().with_file_name("source-records.json")).unwrap();
    let checked = validate(
        Input::new(
            "empty.csv",
            "customer_id,name,kana,email,phone,postal_code,prefecture,points,gift_amount,registered_on\n",
        ),
        &source,
        "source-records.json",
        &FileOptions::default(),
        None,
    );
    assert!(checked.is_ok(), "the example schema is valid: {:?}", checked.err());
}

#[test]
fn a_wrong_schema_is_an_error_naming_field_and_problem() {
    let e = validate(
        fixture("validate_list.csv"),
        r#"{"fields": [{"name": "顧客ID", "type": "integr"}]}"#,
        "s.json",
        &FileOptions::default(),
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Schema);
    assert!(e.to_string().starts_with("s.json: field 1 (\"顧客ID\"), type: \"integr\" is not supported"), "{e}");
}

#[test]
fn totals_are_true_totals_when_the_list_is_cut() {
    let r = validate(fixture("validate_list.csv"), &schema_text(), "s.json", &FileOptions::default(), Some(2)).unwrap();
    assert_eq!(r.validation.findings.len(), 2);
    assert!(r.validation.truncated);
    assert_eq!(r.validation.summary.findings.invalid, 7);
}

#[test]
fn reconcile_validates_the_list_when_the_options_carry_a_schema() {
    let schema: serde_json::Value = serde_json::from_str(&schema_text()).unwrap();
    let options =
        Options { schema: Some(schema), key: Some(vec![ColumnSpec::named("顧客ID")]), ..Options::default() };
    // Checking the list has its own part of the bar, before the end: at 1M rows it once ran
    // for seconds after the bar said 100 %.
    let mut heard = Vec::new();
    let r = reconcile_with(
        fixture("validate_list.csv"),
        fixture("validate_list.csv"),
        &options,
        Threads::default(),
        &mut |p| heard.push(p),
    )
    .unwrap()
    .report;
    assert!(heard.windows(2).all(|w| w[0].fraction <= w[1].fraction), "{heard:?}");
    let checking: Vec<f64> = heard.iter().filter(|p| p.stage == Stage::Checking).map(|p| p.fraction).collect();
    assert!(!checking.is_empty() && checking.iter().all(|&f| f < 1.0), "{heard:?}");
    assert_eq!(heard.last().map(|p| (p.stage, p.fraction)), Some((Stage::Done, 1.0)));
    // The same file on both sides: C0000001 is a duplicate key, nothing else differs.
    assert_eq!(r.summary.findings.duplicate, 2);
    let v = r.validation.as_ref().unwrap();
    assert_eq!(v.summary.findings.invalid, 7);
    assert!(r.has_findings());
    assert!(r.to_json().contains("\"validation\""));
    let text = crosscheck::render::text(&r, crosscheck::render::Lang::En);
    assert!(text.contains("Validation summary") && text.contains("is not a postal code"), "{text}");
    // A wrong schema in the options is the same clear error.
    let bad = Options { schema: Some(serde_json::json!({"fields": "x"})), ..Options::default() };
    let e = reconcile(fixture("validate_list.csv"), fixture("validate_list.csv"), &bad).unwrap_err();
    assert!(e.to_string().starts_with("options.schema: fields:"), "{e}");
}
