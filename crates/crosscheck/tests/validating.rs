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

/// Tests return errors with `?`: a failing test shows the error.
type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

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

/// The spec's own cases, one class at a time: each check is of what the Table Schema text
/// says, which frictionless-py and f64 arithmetic both got wrong somewhere
/// (docs/table-schema.md).
mod by_the_spec {
    use super::*;

    type Found = (Vec<(u64, String)>, Vec<(String, Vec<u64>)>);

    /// The (row, rule) of every invalid value and the (rule, rows) of every duplicate.
    fn check(schema: &str, csv: &str) -> TestResult<Found> {
        let r = validate(Input::new("t.csv", csv), schema, "s.json", &FileOptions::default(), None)?;
        let mut invalid = Vec::new();
        let mut dups = Vec::new();
        for f in r.validation.findings {
            match f {
                Issue::Invalid { row, rule, .. } => invalid.push((row, rule)),
                Issue::Duplicate { rule, rows, .. } => dups.push((rule, rows)),
                Issue::Malformed { .. } => {}
            }
        }
        Ok((invalid, dups))
    }

    fn one(kind: &str, extra: &str) -> String {
        format!(r#"{{"fields": [{{"name": "v", "type": "{kind}"{extra}}}]}}"#)
    }

    fn rules(found: &Found) -> Vec<(u64, &str)> {
        found.0.iter().map(|(r, rule)| (*r, rule.as_str())).collect()
    }

    #[test]
    fn integers_compare_exactly_at_any_length() -> TestResult {
        let unique = one("integer", r#", "constraints": {"unique": true}"#);
        let found = check(&unique, "v\n9007199254740992\n9007199254740993\n")?;
        assert_eq!(found, (vec![], vec![]), "two integers f64 cannot tell apart are not duplicates");
        let found = check(&unique, "v\n12\n012\n+12\n")?;
        assert_eq!(found.1, [("unique".to_string(), vec![1, 2, 3])], "one integer written three ways");
        let max = one("integer", r#", "constraints": {"maximum": 9007199254740992}"#);
        assert_eq!(rules(&check(&max, "v\n9007199254740992\n9007199254740993\n")?), [(2, "maximum")]);
        let long = "1".repeat(41);
        let min = one("integer", r#", "constraints": {"minimum": "99999999999999999999999999999999999999999"}"#);
        assert_eq!(rules(&check(&one("integer", ""), &format!("v\n{long}\n-{long}\n"))?), []);
        assert_eq!(rules(&check(&min, &format!("v\n{long}\n1{long}\n"))?), [(1, "minimum")]);
        Ok(())
    }

    #[test]
    fn a_schemas_numbers_are_read_as_written_past_what_json_parsers_keep() -> TestResult {
        // serde_json rounds these into an f64: the bound would let the next value through.
        let max = one("integer", r#", "constraints": {"maximum": 12345678901234567890123}"#);
        let found = check(&max, "v\n12345678901234567890123\n12345678901234567890124\n")?;
        assert_eq!(rules(&found), [(2, "maximum")]);
        let min = one("number", r#", "constraints": {"minimum": 0.10000000000000001}"#);
        assert_eq!(rules(&check(&min, "v\n0.1\n0.10000000000000001\n")?), [(1, "minimum")]);
        let listed = one("integer", r#", "constraints": {"enum": [1, 98765432109876543210987]}"#);
        let found = check(&listed, "v\n98765432109876543210987\n98765432109876543210988\n1\n")?;
        assert_eq!(rules(&found), [(2, "enum")]);
        Ok(())
    }

    #[test]
    fn numbers_compare_exactly() -> TestResult {
        let max = one("number", r#", "constraints": {"maximum": 0.1}"#);
        assert_eq!(rules(&check(&max, "v\n0.1\n0.10000000000000001\n1e-1\n")?), [(2, "maximum")]);
        let unique = one("number", r#", "constraints": {"unique": true}"#);
        assert_eq!(check(&unique, "v\n0.1\n0.10000000000000001\n")?, (vec![], vec![]));
        let found = check(&unique, "v\n0\n-0\n0.0e7\n")?;
        assert_eq!(found.1, [("unique".to_string(), vec![1, 2, 3])], "0 and -0 are one number");
        assert_eq!(rules(&check(&one("number", ""), "v\n1e400\n-1E-400\n")?), [], "valid in form");
        Ok(())
    }

    #[test]
    fn nan_and_inf_in_any_case_are_numbers_and_nan_meets_no_bound() -> TestResult {
        let any = one("number", "");
        assert_eq!(rules(&check(&any, "v\nNaN\nnan\nInf\n-inf\n+INF\n-INF\n")?), []);
        assert_eq!(rules(&check(&any, "v\nInfinity\n-NaN\n")?), [(1, "type"), (2, "type")]);
        let min = one("number", r#", "constraints": {"minimum": 0}"#);
        assert_eq!(rules(&check(&min, "v\nNaN\ninf\n-INF\n")?), [(1, "minimum"), (3, "minimum")]);
        Ok(())
    }

    #[test]
    fn values_that_break_another_rule_still_count_for_unique_and_the_key() -> TestResult {
        let schema = r#"{"fields": [{"name": "v", "constraints": {"maxLength": 3, "unique": true}}]}"#;
        let found = check(schema, "v\nabcd\nabcd\n")?;
        assert_eq!(rules(&found), [(1, "maxLength"), (2, "maxLength")]);
        assert_eq!(found.1, [("unique".to_string(), vec![1, 2])]);
        let key =
            r#"{"fields": [{"name": "id", "type": "integer", "constraints": {"minimum": 10}}], "primaryKey": "id"}"#;
        assert_eq!(check(key, "id\n5\n05\n")?.1, [("primaryKey".to_string(), vec![1, 2])]);
        // A value that is not of its type is no value to compare.
        let typed = one("integer", r#", "constraints": {"unique": true}"#);
        assert_eq!(check(&typed, "v\nx\nx\n")?.1, []);
        Ok(())
    }

    #[test]
    fn enum_values_are_compared_as_logical_values() -> TestResult {
        let schema =
            one("boolean", r#", "trueValues": ["はい"], "falseValues": ["いいえ"], "constraints": {"enum": [true]}"#);
        assert_eq!(rules(&check(&schema, "v\nはい\nいいえ\n")?), [(2, "enum")]);
        let as_text =
            one("boolean", r#", "trueValues": ["はい"], "falseValues": ["いいえ"], "constraints": {"enum": ["はい"]}"#);
        assert_eq!(rules(&check(&as_text, "v\nはい\nいいえ\n")?), [(2, "enum")]);
        let numbers = one("number", r#", "constraints": {"enum": [0.1, "1.50"]}"#);
        assert_eq!(rules(&check(&numbers, "v\n0.10\n1.5\n0.10000000000000001\n")?), [(3, "enum")]);
        let with_empty = one("integer", r#", "constraints": {"enum": [1, ""]}"#);
        // "" is a missing value, which never reaches the enum: no value to read there, no error.
        assert_eq!(rules(&check(&with_empty, "v\n1\n2\n")?), [(2, "enum")]);
        let e = check(&one("integer", r#", "constraints": {"enum": ["x"]}"#), "v\n1\n").unwrap_err();
        assert!(e.to_string().contains("constraints.enum: \"x\" is not a value of type integer"), "{e}");
        Ok(())
    }

    #[test]
    fn pattern_classes_are_unicode_as_in_xml_schema() -> TestResult {
        let digits = r#"{"fields": [{"name": "v", "constraints": {"pattern": "\\d+"}}]}"#;
        assert_eq!(rules(&check(digits, "v\n１２３\n123\nabc\n")?), [(3, "pattern")]);
        let word = r#"{"fields": [{"name": "v", "constraints": {"pattern": "\\w+"}}]}"#;
        assert_eq!(rules(&check(word, "v\n日本\nabc\na b\n")?), [(3, "pattern")]);
        Ok(())
    }

    #[test]
    fn datetimes_take_fractions_refuse_impossible_zones_and_are_instants() -> TestResult {
        let any = one("datetime", "");
        let found = check(&any, "v\n2024-04-01T00:00:00.123Z\n2024-04-01T09:00:00+24:00\n2024-04-01T09:00:00+09:60\n2024-04-01T09:00:00.5+09:00\n")?;
        assert_eq!(rules(&found), [(2, "type"), (3, "type")]);
        let unique = one("datetime", r#", "constraints": {"unique": true}"#);
        let found = check(
            &unique,
            "v\n2024-01-01T00:00:00Z\n2024-01-01T00:00:00+00:00\n2024-01-01T09:00:00+09:00\n2024-01-01T00:00:00\n",
        )?;
        assert_eq!(found.1, [("unique".to_string(), vec![1, 2, 3])], "one instant; a floating time is another");
        let bounded = one("datetime", r#", "constraints": {"maximum": "2024-01-01T00:00:00Z"}"#);
        assert_eq!(
            rules(&check(&bounded, "v\n2024-01-01T08:59:59+09:00\n2024-01-01T09:00:00.001+09:00\n")?),
            [(2, "maximum")]
        );
        let found = check(&bounded, "v\n2023-12-31T00:00:00\n")?;
        assert_eq!(rules(&found), [(1, "maximum")], "a time without a zone is not ordered against one with");
        let time = one("time", "");
        assert_eq!(rules(&check(&time, "v\n09:30:00.250\n09:30\n")?), [(2, "type")]);
        Ok(())
    }

    #[test]
    fn email_and_uri_as_their_rfcs_write_them() -> TestResult {
        let email = one("string", r#", "format": "email""#);
        let long = format!("{}@x.com", "a".repeat(65));
        let csv = format!("v\na..b@x.com\na@-x.com\n{long}\n{}@x.com\na.b@x-y.com\n", "a".repeat(64));
        assert_eq!(rules(&check(&email, &csv)?), [(1, "format"), (2, "format"), (3, "format")]);
        let uri = one("string", r#", "format": "uri""#);
        assert_eq!(
            rules(&check(&uri, "v\nhttp:\nmailto:a@x.jp\nhttp://x.jp/a b\nhttp://x.jp/%zz\n")?),
            [(3, "format"), (4, "format")]
        );
        Ok(())
    }

    const V2: &str = r#""$schema": "https://datapackage.org/profiles/2.0/tableschema.json""#;

    #[test]
    fn v2_exclusive_bounds_and_a_fields_own_missing_values_are_checked() -> TestResult {
        let schema = format!(
            r#"{{{V2}, "fields": [{{"name": "n", "type": "integer", "constraints": {{"exclusiveMinimum": 0, "exclusiveMaximum": 10}}}},
                 {{"name": "m", "type": "integer", "missingValues": ["-"], "constraints": {{"required": true}}}}],
                "missingValues": ["", "NA"]}}"#
        );
        let found = check(&schema, "n,m\n0,1\n10,2\n5,-\nNA,\n9,3\n")?;
        assert_eq!(rules(&found), [(1, "exclusiveMinimum"), (2, "exclusiveMaximum"), (3, "required"), (4, "type")]);
        Ok(())
    }

    #[test]
    fn v2_parts_not_checked_are_refused_by_name() {
        let cases = [
            (
                format!(r#"{{{V2}, "fields": [{{"name": "v"}}], "uniqueKeys": [["v"]]}}"#),
                "uniqueKeys: is not supported",
            ),
            (format!(r#"{{{V2}, "fields": [{{"name": "v", "categories": ["a"]}}]}}"#), "categories: is not supported"),
            (
                format!(
                    r#"{{{V2}, "fields": [{{"name": "v", "type": "object", "constraints": {{"jsonSchema": {{}}}}}}]}}"#
                ),
                "constraints.jsonSchema: is not supported",
            ),
            (format!(r#"{{{V2}, "fields": [{{"name": "v"}}], "fieldsMatch": "partial"}}"#), "fieldsMatch: \"partial\""),
        ];
        for (schema, said) in cases {
            let e = check(&schema, "v\n1\n").unwrap_err();
            assert!(e.to_string().contains(said), "{schema}\n→ {e}");
        }
        // v2's default fieldsMatch is exact: the fields, in the file's order.
        let e = check(&format!(r#"{{{V2}, "fields": [{{"name": "b"}}, {{"name": "a"}}]}}"#), "a,b\n1,2\n").unwrap_err();
        assert!(e.to_string().contains("fieldsMatch \"exact\""), "{e}");
        let subset = format!(r#"{{{V2}, "fieldsMatch": "subset", "fields": [{{"name": "b"}}]}}"#);
        assert!(check(&subset, "a,b\n1,2\n").is_ok());
    }
}

/// The rows an import takes after the check: cast as the schema says, page by page.
mod rows_handed_back {
    use super::*;
    use crosscheck::{read, validate_loaded, Pick};
    use serde_json::json;
    use std::sync::Arc;

    const SCHEMA: &str = r#"{"fields": [
        {"name": "id", "type": "integer", "constraints": {"unique": true}},
        {"name": "rate", "type": "number"},
        {"name": "ok", "type": "boolean", "trueValues": ["はい"], "falseValues": ["いいえ"]},
        {"name": "on", "type": "date", "format": "%Y/%m/%d"},
        {"name": "at", "type": "datetime"},
        {"name": "t", "type": "time"},
        {"name": "y", "type": "year"},
        {"name": "ym", "type": "yearmonth"},
        {"name": "obj", "type": "object"},
        {"name": "name"}
    ], "missingValues": ["", "-"]}"#;

    fn checked(csv: &str) -> TestResult<crosscheck::Validated> {
        let loaded = read(Input::new("t.csv", csv), &FileOptions::default(), &mut |_| {})?;
        Ok(validate_loaded(Arc::new(loaded), SCHEMA, "s.json", None, &mut |_| {})?)
    }

    const HEADER: &str = "id,rate,ok,on,at,t,y,ym,obj,name\n";

    #[test]
    fn a_passed_row_is_cast_as_the_schema_says() -> TestResult {
        let csv = format!(
            "{HEADER}0012,1.50,はい,2024/4/1,2024-04-01T09:00:00.120+09:00,09:30:00,2024,2024-04,\"{{\"\"a\"\": 1}}\",山田\n\
             9007199254740993,NaN,いいえ,2024/12/31,2024-04-01T00:00:00+00:00,23:59:59.5,1999,1999-12,{{}},-\n"
        );
        let v = checked(&csv)?;
        let rows = v.rows(Pick::Passed, 0, 10);
        assert_eq!(rows.len(), 2);
        let first = serde_json::to_value(&rows[0]).unwrap_or_default();
        assert_eq!(
            first,
            json!({"row": 1, "line": 2, "ok": true, "values": {
                "id": 12, "rate": 1.5, "ok": true, "on": "2024-04-01", "at": "2024-04-01T09:00:00.12+09:00",
                "t": "09:30:00", "y": 2024, "ym": "2024-04", "obj": {"a": 1}, "name": "山田"}})
        );
        let second = serde_json::to_value(&rows[1]).unwrap_or_default();
        let values = &second["values"];
        assert_eq!(values["id"], json!("9007199254740993"), "past 2^53 − 1: the digits");
        assert_eq!(values["rate"], json!(null), "NaN has no JSON number");
        assert_eq!(values["at"], json!("2024-04-01T00:00:00Z"));
        assert_eq!(values["t"], json!("23:59:59.5"));
        assert_eq!(values["name"], json!(null), "a missing value");
        Ok(())
    }

    #[test]
    fn a_failed_row_gives_its_text_and_its_findings() -> TestResult {
        let csv = format!(
            "{HEADER}1,0.5,はい,2024/4/1,2024-04-01T09:00:00Z,09:30:00,2024,2024-04,{{}},a\n\
             1,x,はい,2024/4/1,2024-04-01T09:00:00Z,09:30:00,2024,2024-04,{{}},b\n\
             3,0.5\n\
             4,0.5,はい,2024/4/1,2024-04-01T09:00:00Z,09:30:00,2024,2024-04,{{}},d\n"
        );
        let v = checked(&csv)?;
        assert_eq!((v.count(Pick::All), v.count(Pick::Passed), v.count(Pick::Failed)), (4, 1, 3));
        let failed = v.rows(Pick::Failed, 0, 10);
        assert_eq!(failed.iter().map(|r| (r.row, r.ok)).collect::<Vec<_>>(), [(1, false), (2, false), (3, false)]);
        // Row 2: its own bad number, and the duplicate id it shares with row 1.
        let kinds: Vec<&str> = failed[1]
            .findings
            .iter()
            .map(|&i| match &v.findings()[i] {
                Issue::Invalid { rule, .. } => rule.as_str(),
                Issue::Duplicate { rule, .. } => rule.as_str(),
                Issue::Malformed { .. } => "malformed",
            })
            .collect();
        assert_eq!(kinds, ["unique", "type"]);
        let values = failed[1].values.as_ref().ok_or_else(|| crosscheck::Error::options("values"))?;
        assert_eq!(values.get("rate"), Some(&json!("x")));
        assert_eq!(values.get("id"), Some(&json!("1")), "a failed row's values are its text");
        let names: Vec<&str> = values.0.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["id", "rate", "ok", "on", "at", "t", "y", "ym", "obj", "name"], "in the schema's order");
        assert!(failed[2].values.is_none(), "a malformed record's cells do not line up with fields");
        assert!(matches!(v.findings()[failed[2].findings[0]], Issue::Malformed { .. }));
        let passed = v.rows(Pick::Passed, 0, 10);
        assert_eq!(passed.iter().map(|r| r.row).collect::<Vec<_>>(), [4]);
        let all = v.rows(Pick::All, 0, 10);
        assert_eq!(
            all.iter().map(|r| (r.row, r.ok)).collect::<Vec<_>>(),
            [(1, false), (2, false), (3, false), (4, true)]
        );
        // A page past the end is empty, however far (JavaScript may ask for 2^53): no overflow.
        for pick in [Pick::All, Pick::Passed, Pick::Failed] {
            assert!(v.rows(pick, usize::MAX, 5).is_empty());
            assert!(v.rows(pick, v.count(pick), 5).is_empty());
        }
        Ok(())
    }

    #[test]
    fn pages_meet_end_to_end_whatever_their_size() -> TestResult {
        let mut csv = String::from(HEADER);
        for i in 0..50 {
            // Every third row has a bad rate; row 20 is malformed.
            let rate = if i % 3 == 0 { "x" } else { "1" };
            if i == 19 {
                csv += "20\n";
            } else {
                csv += &format!("{i},{rate},はい,2024/4/1,2024-04-01T09:00:00Z,09:30:00,2024,2024-04,{{}},n\n");
            }
        }
        let v = checked(&csv)?;
        for pick in [Pick::All, Pick::Passed, Pick::Failed] {
            let whole: Vec<u64> = v.rows(pick, 0, 1000).iter().map(|r| r.row).collect();
            assert_eq!(whole.len(), v.count(pick), "{pick:?}");
            for size in [1, 3, 7, 50] {
                let mut paged = Vec::new();
                let mut start = 0;
                loop {
                    let page = v.rows(pick, start, size);
                    paged.extend(page.iter().map(|r| r.row));
                    if page.len() < size {
                        break;
                    }
                    start += size;
                }
                assert_eq!(paged, whole, "{pick:?} in pages of {size}");
            }
        }
        let report = v.report();
        assert_eq!(report.validation.summary.valid_rows, v.count(Pick::Passed));
        assert_eq!(report.validation.summary.rows, v.count(Pick::All));
        Ok(())
    }

    #[test]
    fn the_report_is_the_one_validate_gives() -> TestResult {
        let loaded = read(fixture("validate_list.csv"), &FileOptions::default(), &mut |_| {})?;
        let v = validate_loaded(Arc::new(loaded), &schema_text(), "s.json", Some(2), &mut |_| {})?;
        let direct =
            validate(fixture("validate_list.csv"), &schema_text(), "s.json", &FileOptions::default(), Some(2))?;
        assert_eq!(v.report(), direct);
        assert_eq!(v.findings().len(), 8, "rows index every finding, uncut");
        assert_eq!(v.into_report(), direct);
        Ok(())
    }
}
