//! Lists without a shared ID, as vendors get them: rows paired by the consensus of their
//! identifying columns, the column that moved named as such, the automatic key weighed, and
//! keys typed by hand.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::{assert_conserved, findings};
use crosscheck::render::{sentence, Lang};
use crosscheck::{reconcile, Input, Options, Pairing, Report};
use serde_json::{json, Value};

/// 300 customers, as in the incident: (顧客ID, 氏名, メールアドレス, ポイント). Names are unique,
/// points repeat (weak), e-mails are unique.
fn customers(n: usize) -> Vec<[String; 4]> {
    let family = [
        "佐藤",
        "鈴木",
        "高橋",
        "田中",
        "伊藤",
        "渡辺",
        "山本",
        "中村",
        "小林",
        "加藤",
        "吉田",
        "山田",
        "佐々木",
        "山口",
        "松本",
        "井上",
        "木村",
        "林",
        "斎藤",
        "清水",
    ];
    let given = [
        "太郎",
        "花子",
        "一郎",
        "美咲",
        "健太",
        "陽子",
        "大輔",
        "愛",
        "翔",
        "結衣",
        "蓮",
        "葵",
        "悠真",
        "凛",
        "湊",
        "陽菜",
        "樹",
        "芽依",
        "大和",
        "さくら",
    ];
    (0..n)
        .map(|i| {
            [
                format!("C{:04}", i + 1),
                format!(
                    "{} {}{}",
                    family[i % 20],
                    given[(i / 20) % 20],
                    if i >= 400 { (i / 400).to_string() } else { String::new() }
                ),
                format!("user{:04}@example.jp", i + 1),
                ((i * 37 % 50 + 1) * 10).to_string(),
            ]
        })
        .collect()
}

fn csv(header: &str, rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = format!("{header}\n");
    for r in rows {
        out.push_str(&r.join(","));
        out.push('\n');
    }
    out
}

fn source_of(people: &[[String; 4]]) -> Input {
    Input::new("source.csv", csv("顧客ID,氏名,メールアドレス,ポイント", people.iter().map(|p| p.to_vec())))
}

/// `column` of list rows `first..=last` (1-based) holds the value of the row `offset` above.
fn slide(values: &mut [String], first: usize, last: usize, offset: i64) {
    let own = values.to_vec();
    for row in first..=last {
        let from = row as i64 - offset;
        values[row - 1] = own[(from - 1) as usize].clone();
    }
}

fn run(source: Input, list: Input, options: &Options) -> Report {
    let r = reconcile(source, list, options).unwrap_or_else(|e| panic!("{e}"));
    assert_conserved(&r);
    r
}

fn said(r: &Report, i: usize) -> (String, String) {
    (sentence(r, &r.findings[i], Lang::Ja), sentence(r, &r.findings[i], Lang::En))
}

#[test]
fn the_incident_without_an_id_is_one_shifted_finding_on_the_email() {
    // The vendor list: お名前, E-mail, 付与ポイント — no customer ID — with the E-mail column moved
    // down one row in rows 101–160.
    let people = customers(300);
    let mut mails: Vec<String> = people.iter().map(|p| p[2].clone()).collect();
    slide(&mut mails, 101, 160, 1);
    let list = csv(
        "お名前,E-mail,付与ポイント",
        people.iter().zip(&mails).map(|(p, m)| vec![p[1].clone(), m.clone(), p[3].clone()]),
    );
    let r = run(source_of(&people), Input::new("list.csv", list), &Options::default());
    assert_eq!(r.mapping.pairing, Pairing::Consensus);
    let f = findings(&r);
    assert_eq!(
        f,
        vec![json!({"kind": "shifted", "column": "メールアドレス", "list_column": "E-mail", "offset": 1,
            "list_rows": [101, 160], "rows": 60, "list_cells": "B102:B161",
            "lost": [{"key": [people[159][1]], "source_row": 160, "list_row": 160, "value": "user0160@example.jp"}],
            "doubled": [{"key": [people[99][1]], "value": "user0100@example.jp", "list_rows": [100, 101]}],
            "example": {"list_row": 101, "key": [people[100][1]], "value": "user0100@example.jp",
                        "belongs_to": [people[99][1]], "belongs_to_list_row": 100}})],
        "nothing else: no name shifted, no missing address, no duplicate"
    );
    assert_eq!((r.summary.source.paired, r.summary.list.paired), (300, 300));
    let (ja, en) = said(&r, 0);
    let (a, b, c) = (&people[99][1], &people[100][1], &people[159][1]);
    assert!(ja.contains("E-mail列が 101〜160 行目") && ja.contains("1 行ずれています"), "{ja}");
    assert!(ja.contains(&format!("{b} 宛のメールは {a} に届きます")), "{ja}");
    assert!(
        ja.contains(&format!("{c}（160 行目）のメールアドレス「user0160@example.jp」はどの行にもありません")),
        "{ja}"
    );
    assert!(
        ja.contains(&format!("{a} のメールアドレス「user0100@example.jp」が 100 行目と 101 行目の 2 行にあります")),
        "{ja}"
    );
    assert!(en.contains(&format!("so mail for {b} goes to {a}")), "{en}");
    assert!(en.contains("is in no row") && en.contains("is on two rows: 100 and 101"), "{en}");
}

#[test]
fn without_a_weak_column_the_rows_around_the_block_decide() {
    // Only お名前 and E-mail: every row of the block ties one vote to one; the rows above and
    // below it, paired in step, say which record each row is.
    let people = customers(300);
    let mut mails: Vec<String> = people.iter().map(|p| p[2].clone()).collect();
    slide(&mut mails, 101, 160, 1);
    let list = csv("お名前,E-mail", people.iter().zip(&mails).map(|(p, m)| vec![p[1].clone(), m.clone()]));
    let r = run(source_of(&people), Input::new("list.csv", list), &Options::default());
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (&f[0]["column"], &f[0]["offset"], &f[0]["list_rows"]),
        (&json!("メールアドレス"), &json!(1), &json!([101, 160]))
    );
}

#[test]
fn the_name_column_two_rows_up_in_a_block_of_forty() {
    let people = customers(300);
    let mut names: Vec<String> = people.iter().map(|p| p[1].clone()).collect();
    slide(&mut names, 50, 89, -2);
    let list = csv(
        "お名前,E-mail,付与ポイント",
        people.iter().zip(&names).map(|(p, n)| vec![n.clone(), p[2].clone(), p[3].clone()]),
    );
    let r = run(source_of(&people), Input::new("list.csv", list), &Options::default());
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (&f[0]["column"], &f[0]["offset"], &f[0]["list_rows"], &f[0]["rows"]),
        (&json!("氏名"), &json!(-2), &json!([50, 89]), &json!(40))
    );
    // Slid up: the block's first two names fell out, the two below it are on two rows each.
    let lost: Vec<&Value> = f[0]["lost"].as_array().into_iter().flatten().map(|l| &l["source_row"]).collect();
    assert_eq!(lost, [&json!(50), &json!(51)]);
    let doubled: Vec<&Value> = f[0]["doubled"].as_array().into_iter().flatten().map(|d| &d["list_rows"]).collect();
    assert_eq!(doubled, [&json!([88, 90]), &json!([89, 91])]);
}

#[test]
fn two_columns_pasted_one_row_off_together_are_each_named() {
    // With the ID in both files: 氏名 and メールアドレス moved down together in rows 30–49.
    let people = customers(120);
    let (mut names, mut mails): (Vec<String>, Vec<String>) =
        people.iter().map(|p| (p[1].clone(), p[2].clone())).unzip();
    slide(&mut names, 30, 49, 1);
    slide(&mut mails, 30, 49, 1);
    let rows = |i: usize, p: &[String; 4]| vec![p[0].clone(), names[i].clone(), mails[i].clone(), p[3].clone()];
    let list = csv("顧客ID,お名前,E-mail,付与ポイント", people.iter().enumerate().map(|(i, p)| rows(i, p)));
    let r = run(source_of(&people), Input::new("list.csv", list), &Options::default());
    assert_eq!(r.mapping.pairing, Pairing::Key);
    let f = findings(&r);
    assert_eq!(f.len(), 2, "{f:#?}");
    for (one, other) in [(&f[0], "E-mail"), (&f[1], "お名前")] {
        assert_eq!((&one["kind"], &one["offset"], &one["list_rows"]), (&json!("shifted"), &json!(1), &json!([30, 49])));
        assert_eq!(one["with"], json!([other]));
    }
    let (ja, en) = said(&r, 0);
    assert!(ja.contains("E-mail 列も同じ行で同じだけずれています"), "{ja}");
    assert!(en.contains("E-mail moved with it"), "{en}");
}

#[test]
fn two_columns_moved_together_without_an_id_are_each_named() {
    // No ID; お名前 and E-mail moved together, フリガナ and 電話 stayed: two votes against two,
    // the points decide, and both moved columns are named.
    let people = customers(120);
    let kana = |i: usize| format!("カナ{i:04}");
    let phone = |i: usize| format!("090-0000-{i:04}");
    let source = csv(
        "顧客ID,氏名,フリガナ,メールアドレス,電話番号,ポイント",
        people
            .iter()
            .enumerate()
            .map(|(i, p)| vec![p[0].clone(), p[1].clone(), kana(i), p[2].clone(), phone(i), p[3].clone()]),
    );
    let (mut names, mut mails): (Vec<String>, Vec<String>) =
        people.iter().map(|p| (p[1].clone(), p[2].clone())).unzip();
    slide(&mut names, 30, 49, 1);
    slide(&mut mails, 30, 49, 1);
    let list = csv(
        "お名前,フリガナ,E-mail,電話,付与ポイント",
        people
            .iter()
            .enumerate()
            .map(|(i, p)| vec![names[i].clone(), kana(i), mails[i].clone(), phone(i), p[3].clone()]),
    );
    let r = run(Input::new("source.csv", source), Input::new("list.csv", list), &Options::default());
    assert_eq!(r.mapping.pairing, Pairing::Consensus);
    let f = findings(&r);
    let shifted: Vec<(&Value, &Value, &Value)> =
        f.iter().map(|f| (&f["list_column"], &f["list_rows"], &f["with"])).collect();
    assert_eq!(
        shifted,
        [
            (&json!("お名前"), &json!([30, 49]), &json!(["E-mail"])),
            (&json!("E-mail"), &json!([30, 49]), &json!(["お名前"]))
        ],
        "{f:#?}"
    );
}

#[test]
fn the_automatic_key_is_the_one_that_pairs_the_most_rows() {
    // 姓, 名, 生年月日 and メールアドレス in both files; homonyms (several 山田 太郎), and 20 of the
    // e-mails retyped in the list. The three columns together pair every row; the e-mail, fewer.
    let family = ["山田", "鈴木", "佐藤"];
    let given = ["太郎", "花子"];
    // Six names, each born on each of 34 days: only the three columns together tell people apart.
    let person = |i: usize| {
        let birth = format!("1980-{:02}-{:02}", 1 + (i / 6) % 12, 1 + i / 72);
        [family[i % 3].to_string(), given[(i / 3) % 2].to_string(), birth, format!("p{i}@example.jp")]
    };
    let source = csv("姓,名,生年月日,メールアドレス", (0..200).map(|i| person(i).to_vec()));
    let list = csv(
        "姓,名,生年月日,メールアドレス",
        (0..200).map(|i| {
            let mut p = person(i).to_vec();
            if i % 10 == 3 {
                p[3] = format!("new{i}@example.com");
            }
            p
        }),
    );
    let r = run(Input::new("source.csv", source), Input::new("list.csv", list), &Options::default());
    let key: Vec<&str> = r.mapping.key.iter().map(|k| k.source.as_str()).collect();
    assert_eq!(key, ["姓", "名", "生年月日"]);
    let weighed: Vec<(Vec<String>, bool, Option<usize>, bool)> =
        r.mapping.key_candidates.iter().map(|c| (c.source.clone(), c.unique, c.pairs, c.chosen)).collect();
    let email = weighed.iter().find(|c| c.0 == ["メールアドレス"]).expect("the e-mail is weighed");
    assert_eq!((email.1, email.2, email.3), (true, Some(180), false));
    for single in ["姓", "名"] {
        let c = weighed.iter().find(|c| c.0 == [single]).expect("each name column is weighed");
        assert!(!c.1, "{single} repeats");
    }
    assert!(!weighed.iter().any(|c| c.0 == ["姓", "名"]), "homonyms: the name pair is not unique, so not listed");
    let chosen = weighed.iter().find(|c| c.3).expect("one is chosen");
    assert_eq!((chosen.0.len(), chosen.2), (3, Some(200)));
    // The 20 retyped e-mails are what they are: mismatches, each row paired by its name and birth date.
    assert_eq!((r.summary.findings.mismatch, r.summary.source.paired), (20, 200));
    assert_eq!(r.summary.findings.total(), 20);
}

/// A keyed source and list (顧客ID, 氏名, メールアドレス, ポイント) whose IDs are retyped in the
/// list as `typed` says (list row → ID as typed).
fn typed_keys(typed: &[(usize, &str)], change_mail: &[usize], options: &Options) -> Report {
    let people = customers(40);
    let list = csv(
        "顧客ID,お名前,E-mail,付与ポイント",
        people.iter().enumerate().map(|(i, p)| {
            let id = typed.iter().find(|t| t.0 == i + 1).map_or(p[0].clone(), |t| t.1.to_string());
            let mail = if change_mail.contains(&(i + 1)) { format!("other{i}@example.com") } else { p[2].clone() };
            vec![id, p[1].clone(), mail, p[3].clone()]
        }),
    );
    run(source_of(&people), Input::new("list.csv", list), options)
}

#[test]
fn each_kind_of_typed_key_is_one_near_miss() {
    // O for 0, a digit dropped, one added, two swapped, and full-width digits with a slip.
    let typed = [(3, "CO003"), (7, "C007"), (12, "C00112"), (15, "C0051"), (21, "Ｃ０２１")];
    // Paired by the ID as the user names it, or by consensus (the automatic choice: the name
    // and the e-mail pair more rows than the retyped IDs do).
    let by_id = Options { key: Some(vec![crosscheck::ColumnSpec::pair("顧客ID", "顧客ID")]), ..Options::default() };
    for (options, pairing) in [(by_id, Pairing::Key), (Options::default(), Pairing::Consensus)] {
        let r = typed_keys(&typed, &[], &options);
        assert_eq!(r.mapping.pairing, pairing);
        let f = findings(&r);
        let got: Vec<(&Value, &Value, &Value, &Value)> =
            f.iter().map(|f| (&f["kind"], &f["key"], &f["list_key"], &f["slip"])).collect();
        assert_eq!(
            got,
            [
                (&json!("near_miss"), &json!(["C0003"]), &json!(["CO003"]), &json!("look_alike")),
                (&json!("near_miss"), &json!(["C0007"]), &json!(["C007"]), &json!("dropped")),
                (&json!("near_miss"), &json!(["C0012"]), &json!(["C00112"]), &json!("added")),
                (&json!("near_miss"), &json!(["C0015"]), &json!(["C0051"]), &json!("swapped")),
                (&json!("near_miss"), &json!(["C0021"]), &json!(["Ｃ０２１"]), &json!("dropped")),
            ],
            "{:?}: {f:#?}",
            pairing
        );
        assert_eq!(f[0]["agree"], json!(["お名前", "E-mail"]));
        assert_eq!((f[0]["source_row"].clone(), f[0]["list_row"].clone()), (json!(3), json!(3)));
        assert_eq!((r.summary.source.paired, r.summary.source.unpaired, r.summary.list.unpaired), (40, 0, 0));
        assert_eq!(r.summary.findings.near_miss, 5);
        let (ja, en) = said(&r, 1);
        assert!(ja.contains("C0007 ではなく C007 と入力されています（1 文字抜け）"), "{ja}");
        assert!(en.contains("was typed C007 for C0007 (a character left out)"), "{en}");
    }
}

#[test]
fn a_typed_key_whose_other_columns_disagree_stays_missing_and_unexpected() {
    let by_id = Options { key: Some(vec![crosscheck::ColumnSpec::pair("顧客ID", "顧客ID")]), ..Options::default() };
    for options in [by_id, Options::default()] {
        let r = typed_keys(&[(7, "C007")], &[7], &options);
        let kinds: Vec<&str> = r.findings.iter().map(|f| f.kind().name()).collect();
        assert_eq!(kinds, ["missing", "unexpected"], "{:?}", r.mapping.pairing);
    }
}

#[test]
fn a_repeated_name_votes_beside_its_birth_date() {
    // 30 people, ten of them named 山田 太郎 (born on different days), no ID in the list; one
    // 山田 太郎's e-mail was retyped. The e-mail alone points nowhere for that row; the name with
    // the birth date points at its record: one mismatch, not a missing and an unexpected.
    let person = |i: usize| {
        let name = if i.is_multiple_of(3) { "山田 太郎".to_string() } else { format!("佐藤 {i}") };
        [format!("C{i:03}"), name, format!("1980-01-{:02}", i + 1), format!("p{i}@example.jp")]
    };
    let source = csv("顧客ID,氏名,生年月日,メールアドレス", (0..30).map(|i| person(i).to_vec()));
    let list = csv(
        "氏名,生年月日,メールアドレス",
        (0..30).map(|i| {
            let p = person(i);
            let mail = if i == 9 { "retyped@example.com".to_string() } else { p[3].clone() };
            vec![p[1].clone(), p[2].clone(), mail]
        }),
    );
    let r = run(Input::new("source.csv", source), Input::new("list.csv", list), &Options::default());
    assert!(
        r.mapping.identities.contains(&vec!["氏名".to_string(), "生年月日".to_string()]),
        "{:?}",
        r.mapping.identities
    );
    let f = findings(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (&f[0]["kind"], &f[0]["list_value"], &f[0]["list_row"]),
        (&json!("mismatch"), &json!("retyped@example.com"), &json!(10))
    );
}
