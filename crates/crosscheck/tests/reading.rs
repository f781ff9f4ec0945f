//! Reading real files: one fixture per encoding and per CSV edge case, undecodable bytes, and
//! the csv-spectrum conformance suite.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::{fixture, run};
use crosscheck::{inspect, ErrorKind, FileOptions, Input};

fn names(file: &str) -> (String, Vec<String>) {
    let i = inspect(fixture(file), &FileOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let _ = &i.columns;
    (i.input.encoding.clone(), i.input.columns.clone())
}

#[test]
fn every_encoding_reads_the_same_table() {
    for (file, encoding, delimiter) in [
        ("enc_utf8.csv", "utf-8", ","),
        ("enc_utf8_bom.csv", "utf-8-bom", ","),
        ("enc_cp932.csv", "cp932", ","),
        ("enc_eucjp.csv", "euc-jp", ","),
        ("enc_utf16le.txt", "utf-16le", "\\t"),
        ("enc_utf16be.txt", "utf-16be", "\\t"),
    ] {
        let i = inspect(fixture(file), &FileOptions::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(i.input.encoding, encoding, "{file}");
        assert_eq!(i.input.delimiter, delimiter, "{file}");
        assert_eq!(i.input.columns, ["customer_id", "name", "email"], "{file}");
        assert_eq!(i.input.rows, 3, "{file}");
    }
}

#[test]
fn cp932_extension_characters_survive_and_match_utf8() {
    // 髙 﨑 ① ㈱ are NEC/IBM extensions: strict Shift_JIS rejects them, Excel writes them.
    let r = run("enc_utf8.csv", "enc_cp932.csv");
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.summary.source.paired, 3);
    let r = run("enc_utf16le.txt", "enc_cp932.csv");
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn undecodable_bytes_are_an_error_with_their_place() {
    let e = inspect(fixture("enc_cp932_bad.csv"), &FileOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Decode);
    assert_eq!(e.file.as_deref(), Some("enc_cp932_bad.csv"));
    assert_eq!(e.line, Some(3), "{e}");
    assert!(e.byte.is_some(), "{e}");
    assert!(!e.to_string().contains('\u{FFFD}'));
}

#[test]
fn a_named_encoding_overrides_detection() {
    let o = FileOptions { encoding: "utf-8".into(), ..FileOptions::default() };
    let e = inspect(fixture("enc_cp932.csv"), &o).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Decode);
    assert_eq!(e.line, Some(2), "{e}");
    let o = FileOptions { encoding: "shift_jis".into(), ..FileOptions::default() };
    assert_eq!(inspect(fixture("enc_cp932.csv"), &o).unwrap().input.encoding, "cp932");
}

#[test]
fn quoted_fields_crlf_blank_tail_and_no_final_newline() {
    let i = inspect(fixture("edge_quoted.csv"), &FileOptions::default()).unwrap();
    assert_eq!(i.input.rows, 3);
    for file in ["edge_crlf_blank_tail.csv", "edge_no_final_newline.csv"] {
        let i = inspect(fixture(file), &FileOptions::default()).unwrap();
        assert_eq!(i.input.rows, 2, "{file}");
    }
    // Same two records either way: reconciling them finds nothing.
    let r = run("edge_crlf_blank_tail.csv", "edge_no_final_newline.csv");
    assert!(r.findings.is_empty());
}

#[test]
fn delimiters_are_sniffed_and_can_be_named() {
    assert_eq!(inspect(fixture("edge_semicolon.csv"), &FileOptions::default()).unwrap().input.delimiter, ";");
    assert_eq!(inspect(fixture("edge_pipe.csv"), &FileOptions::default()).unwrap().input.delimiter, "|");
    let o = FileOptions { delimiter: ",".into(), ..FileOptions::default() };
    assert_eq!(inspect(fixture("edge_pipe.csv"), &o).unwrap().input.columns.len(), 1);
}

#[test]
fn repeated_header_names_are_reported_and_disambiguated() {
    let (_, cols) = names("edge_repeated_header.csv");
    assert_eq!(cols, ["customer_id", "email", "email (2)", "column_4"]);
    let i = inspect(fixture("edge_repeated_header.csv"), &FileOptions::default()).unwrap();
    assert_eq!(i.input.renamed_columns.len(), 2);
}

#[test]
fn malformed_rows_are_listed_with_row_and_line() {
    let i = inspect(fixture("edge_malformed.csv"), &FileOptions::default()).unwrap();
    assert_eq!(i.input.rows, 4);
    let got: Vec<_> = i.malformed.iter().map(|m| (m.row, m.line, m.message.as_str())).collect();
    assert_eq!(got, [(2, 3, "2 fields, header has 3"), (3, 4, "4 fields, header has 3")]);
}

#[test]
fn empty_input_is_a_clear_error() {
    let e = inspect(Input::new("empty.csv", Vec::new()), &FileOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Parse);
    assert!(e.to_string().starts_with("empty.csv: "), "{e}");
}

#[test]
fn a_file_that_cannot_be_paired_says_what_is_wrong_with_it() {
    // Each of these used to end in "no column … is unique in both files (name the key: --key …)".
    let fails = |list: Vec<u8>| {
        crosscheck::reconcile(fixture("kind_source.csv"), Input::new("list.csv", list), &crosscheck::Options::default())
            .expect_err("refused")
    };
    let e = fails("顧客ID,氏名,メールアドレス\n".into());
    assert_eq!(
        (e.kind, e.to_string().starts_with("list.csv: list.csv has a header and no rows")),
        (ErrorKind::Parse, true),
        "{e}"
    );
    let e = fails("customer_id,name\nC001,\"山田\nC002,鈴木\nC003,佐藤\n".into());
    assert_eq!((e.kind, e.line), (ErrorKind::Parse, Some(2)), "{e}");
    assert!(e.message.contains("a quote opened here is never closed, so the rest of the file is one field"), "{e}");
    let mut utf16_behind_bom = b"\xEF\xBB\xBF".to_vec();
    for unit in "customer_id,name\nC001,a\n".encode_utf16() {
        utf16_behind_bom.extend(unit.to_le_bytes());
    }
    let e = fails(utf16_behind_bom);
    assert_eq!(e.kind, ErrorKind::Decode, "{e}");
    assert!(e.message.contains("UTF-8 byte-order mark, but its text is UTF-16"), "{e}");
    // A quoted field over several lines that is closed is read as it is.
    let ok = crosscheck::inspect(Input::new("l.csv", "id,note\n1,\"two\nlines\"\n2,x\n"), &FileOptions::default());
    assert_eq!(ok.map(|i| i.input.rows).ok(), Some(2));
    // No key at all: the hint names no command-line flag (the page words it with its own
    // controls, the CLI with its flags); the remedy says which.
    let e = crosscheck::reconcile(
        Input::new("s.csv", "a,b\n1,x\n1,x\n"),
        Input::new("l.csv", "a,b\n1,x\n"),
        &crosscheck::Options::default(),
    )
    .expect_err("no key");
    assert_eq!((e.kind, e.remedy), (ErrorKind::Key, Some(crosscheck::Remedy::NameKey)));
    assert!(!e.hint.unwrap_or_default().contains("--"));
}
