//! Formatted sheets as staff hand them over, CSV and workbook alike: the header found below
//! title and blank lines, the 合計 row and the notes after the table kept out of matching and
//! shown, the totals row's figure checked, and every finding naming its cell as Excel does.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::{findings, fixture, run, run_with};
use crosscheck::report::SkippedReason;
use crosscheck::{inspect, FileOptions, Options};
use serde_json::json;

#[test]
fn a_csv_saved_from_a_formatted_sheet_reconciles_cleanly_but_for_its_total() {
    let r = run("formatted_source.csv", "formatted_list.csv");
    let list = &r.inputs.list;
    assert_eq!(list.encoding, "cp932");
    assert_eq!(list.header_row, 4);
    assert_eq!(list.columns, ["顧客ID", "氏名", "メールアドレス", "ポイント"]);
    let skipped: Vec<(u64, SkippedReason, &str, &str)> =
        list.skipped.iter().map(|s| (s.line, s.reason, s.text.as_str(), s.cell.as_str())).collect();
    assert_eq!(
        skipped,
        [
            (1, SkippedReason::AboveHeader, "2024年度 ポイント付与一覧", "A1"),
            (2, SkippedReason::AboveHeader, "作成: 総務部", "A2"),
            (13, SkippedReason::Totals, "合計", "A13"),
            (15, SkippedReason::Notes, "※ ポイントは4月20日時点", "A15"),
        ]
    );
    // Not an unexpected key among them: 8 rows paired, 4 lines skipped; the blank line in the
    // table's tail is counted (blank lines above the header are part of the title block).
    assert_eq!((r.summary.list.rows, r.summary.list.paired, r.summary.list.skipped), (12, 8, 4));
    assert_eq!(list.rows, 8);
    assert_eq!(list.blank_records, 1);
    assert_eq!(
        findings(&r),
        vec![json!({"kind": "total_mismatch", "file": "list", "line": 13, "label": "合計", "column": "ポイント",
                    "stated": "22,805", "sum": "22,800", "rows": 8, "cell": "D13"})]
    );
    let said = crosscheck::render::sentence(&r, &r.findings[0], crosscheck::render::Lang::En);
    assert_eq!(
        said,
        "the 合計 row of formatted_list.csv (line 13, D13) says 22,805 in ポイント; its 8 rows add up to 22,800"
    );
}

#[test]
fn the_workbook_twin_reads_the_same_and_its_total_adds_up() {
    // LibreOffice's workbook: a merged title, a hidden row and column, a SUM formula under 合計.
    let i = inspect(fixture("wb_formatted.xlsx"), &FileOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(i.input.header_row, 4);
    assert_eq!(i.input.rows, 8);
    let reasons: Vec<(u64, SkippedReason)> = i.input.skipped.iter().map(|s| (s.line, s.reason)).collect();
    assert_eq!(
        reasons,
        [
            (1, SkippedReason::AboveHeader),
            (2, SkippedReason::AboveHeader),
            (13, SkippedReason::Totals),
            (15, SkippedReason::Notes)
        ]
    );
    assert_eq!(i.input.skipped[2].cell, "ポイント付与!A13");
    let r = run("formatted_source.csv", "wb_formatted.xlsx");
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(r.summary.list.paired, 8);
}

#[test]
fn the_header_row_can_be_given() {
    let options =
        |n| Options { list: FileOptions { header_row: Some(n), ..FileOptions::default() }, ..Options::default() };
    let r = run_with("formatted_source.csv", "formatted_list.csv", &options(4));
    assert_eq!(r.inputs.list.header_row, 4);
    // Row 3 is blank, row 40 is past the end: errors naming the file and the row.
    for n in [3, 40] {
        let e = crosscheck::reconcile(fixture("formatted_source.csv"), fixture("formatted_list.csv"), &options(n))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with(&format!("formatted_list.csv: the header row {n} holds no header")), "{e}");
    }
}

#[test]
fn cells_are_named_as_excel_shows_rows_after_a_cell_of_two_lines() {
    // The quoted note spans lines 3–4; Excel shows it as one row, so C003 is on Excel's row 4.
    let source = crosscheck::Input::new("s.csv", "id,note\nC001,a\nC002,\"two\nlines\"\nC003,b\n");
    let list = crosscheck::Input::new("l.csv", "id,note\nC001,a\nC002,\"two\nlines\"\nC003,c\n");
    let r = crosscheck::reconcile(source, list, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(findings(&r)[0]["list_cell"], "B4");
}

#[test]
fn subtotals_sum_their_group_and_the_grand_total_sums_every_row() {
    // 小計 on line 4 is right (30), the one on line 6 is 1 off (6, its row holds 5), 合計 sums
    // every row (35): one finding, naming line 6 and its cell.
    let text = "id,name,pts\n1,a,10\n2,b,20\n小計,,30\n3,c,5\n小計,,6\n合計,,35\n";
    let list = crosscheck::Input::new("l.csv", text);
    let source = crosscheck::Input::new("s.csv", "id,name,pts\n1,a,10\n2,b,20\n3,c,5\n");
    let r = crosscheck::reconcile(source, list, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    common::assert_conserved(&r);
    assert_eq!(
        findings(&r),
        vec![json!({"kind": "total_mismatch", "file": "list", "line": 6, "label": "小計", "column": "pts",
                    "stated": "6", "sum": "5", "rows": 1, "cell": "C6"})]
    );
    assert_eq!(r.summary.list.skipped, 3);
}
