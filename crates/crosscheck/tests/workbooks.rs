//! Workbooks as staff hand them over, written by LibreOffice (tools/make_workbooks.py): each typed
//! cell read as the text Excel shows, the sheet chosen or found, reconciled like CSV; what cannot
//! be read safely refused with what to do.

#[path = "../../../tests/common/mod.rs"]
mod common;
#[path = "../../../tests/common/xlsx.rs"]
mod xlsx;

use common::{assert_conserved, fixture, fixture_path};
use crosscheck::{reconcile, reconcile_with, FileOptions, Finding, Input, Options, SheetChoice, Side, Threads};

/// Every cell of a file's list side, as the core read it (header first).
fn cells(list: Input, options: &Options) -> Vec<Vec<String>> {
    let source = Input::new("s.csv", "x,y\n1,2\n");
    let options = Options { key: Some(vec![crosscheck::ColumnSpec::pair("x", "顧客ID")]), ..options.clone() };
    let run = reconcile_with(source, list, &options, Threads::default(), &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    let mut row = 1;
    while let Some(r) = run.row(Side::List, row) {
        if out.is_empty() {
            out.push(r.header.clone());
        }
        out.push(r.cells);
        row += 1;
    }
    out
}

fn csv_cells(name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap_or_default().iter().map(str::to_string).collect()).collect()
}

#[test]
fn each_format_reads_as_the_text_excel_shows() {
    // Text with leading zeros, 1200 and 12.5, a #,##0 number, dates in 「yyyy年m月d日」 and
    // yyyy/mm/dd, a formula's cached value, #N/A, booleans and a time.
    let want = csv_cells("wb_list_expected.csv");
    for file in ["wb_list.xlsx", "wb_list.ods"] {
        assert_eq!(cells(fixture(file), &Options::default()), want, "{file}");
    }
}

#[test]
fn dates_in_the_1904_system() {
    assert_eq!(cells(fixture("wb_1904.xlsx"), &Options::default()), csv_cells("wb_1904_expected.csv"));
}

#[test]
fn the_first_sheet_that_holds_a_table_is_taken_and_reported() {
    // wb_list's first sheet 「説明」 holds a few lines of notes.
    let r = reconcile(fixture("wb_source.xlsx"), fixture("wb_list.xlsx"), &Options::default()).unwrap();
    assert_conserved(&r);
    assert_eq!(r.inputs.list.sheet.as_deref(), Some("宛先"));
    assert_eq!((r.inputs.list.encoding.as_str(), r.inputs.list.delimiter.as_str()), ("xlsx", ""));
    // The options used name the sheet, so they read the same one again.
    assert_eq!(r.options.list.sheet, Some(SheetChoice::Name("宛先".into())));
    let again = reconcile(fixture("wb_source.xlsx"), fixture("wb_list.xlsx"), &r.options).unwrap();
    assert_eq!(again.findings, r.findings);
    // One customer missing, one ポイント different: as the CSV copies of the same sheets say.
    assert_eq!((r.summary.findings.missing, r.summary.findings.mismatch, r.summary.findings.total()), (1, 1, 4));
    // Both files' #N/A (row 5's ポイント) is named where it stands; it is still compared as text.
    let errors: Vec<(&str, &str)> = r
        .findings
        .iter()
        .filter_map(|f| match f {
            Finding::ErrorCell { value, cell, .. } => Some((value.as_str(), cell.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(errors, [("#N/A", "顧客!D6"), ("#N/A", "宛先!D6")]);
    assert!(r.findings.iter().any(|f| matches!(f, Finding::Mismatch { source_value, list_value, .. } if source_value == "600" && list_value == "500")));
    let csv = reconcile(fixture("wb_source.csv"), fixture("wb_source.xlsx"), &Options::default()).unwrap();
    // The same, #N/A included: in both copies it is the one error cell each.
    let f = &csv.summary.findings;
    assert_eq!((f.total(), f.error_cell), (2, 2), "the CSV copy and the workbook hold the same");
}

#[test]
fn a_sheet_by_name_or_number_and_a_sheet_that_is_not_there() {
    let by =
        |sheet| Options { list: FileOptions { sheet: Some(sheet), ..FileOptions::default() }, ..Options::default() };
    let want = csv_cells("wb_list_expected.csv");
    assert_eq!(cells(fixture("wb_list.xlsx"), &by(SheetChoice::Name("宛先".into()))), want);
    assert_eq!(cells(fixture("wb_list.xlsx"), &by(SheetChoice::Index(2))), want);
    for wrong in [SheetChoice::Name("Sheet9".into()), SheetChoice::Index(0), SheetChoice::Index(3)] {
        let e =
            reconcile(fixture("wb_source.xlsx"), fixture("wb_list.xlsx"), &by(wrong.clone())).unwrap_err().to_string();
        assert!(e.starts_with(&format!("wb_list.xlsx: the workbook has no sheet {wrong}")), "{e}");
        assert!(e.contains("\"説明\", \"宛先\""), "{e}");
    }
    // The options JSON takes a name or a number.
    let o = Options::from_json(r#"{"list": {"sheet": 2}, "source": {"sheet": "顧客"}}"#).unwrap();
    assert_eq!((o.list.sheet, o.source.sheet), (Some(SheetChoice::Index(2)), Some(SheetChoice::Name("顧客".into()))));
}

#[test]
fn a_zip_that_is_not_a_workbook_is_a_clear_error() {
    let e = reconcile(
        fixture("wb_source.xlsx"),
        Input::new("list.xlsx", b"PK\x03\x04\x14\x00\x00\x00".to_vec()),
        &Options::default(),
    );
    let e = e.unwrap_err().to_string();
    assert!(e.starts_with("list.xlsx: the workbook cannot be read"), "{e}");
}

#[test]
fn an_empty_sheet_asked_for_is_an_error_naming_file_and_sheet() {
    for file in ["wb_empty_then_data.xlsx", "wb_empty_then_data.xls", "wb_empty_then_data.ods"] {
        let o = FileOptions { sheet: Some(SheetChoice::Index(1)), ..FileOptions::default() };
        let e = crosscheck::inspect(fixture(file), &o).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with(&format!("{file} [Sheet1]: the sheet is empty: there is no header row")), "{e}");
    }
}

#[test]
fn an_empty_first_sheet_is_passed_over() {
    for file in ["wb_empty_then_data.xlsx", "wb_empty_then_data.ods"] {
        let options = Options { key: Some(vec![crosscheck::ColumnSpec::named("顧客ID")]), ..Options::default() };
        let want = csv_cells("wb_empty_then_data_expected.csv");
        let header = want[0].join(",");
        let r = reconcile(Input::new("s.csv", format!("{header}\n")), fixture(file), &options).unwrap();
        assert_eq!(r.inputs.list.sheet.as_deref(), Some("Sheet2"), "{file}");
        assert_eq!(r.inputs.list.rows, want.len() - 1, "{file}");
    }
}

#[test]
fn validation_reads_typed_cells() {
    // A date cell satisfies a date field whatever its display format; 12.5 is no integer; the
    // #N/A error cell is refused as Excel's error (whatever the field's type), named with its row.
    let schema = r#"{"fields": [
        {"name": "顧客ID", "type": "string", "constraints": {"pattern": "[0-9]{5}"}},
        {"name": "ポイント", "type": "integer"},
        {"name": "登録日", "type": "date"}
    ]}"#;
    for file in ["wb_list.xlsx", "wb_list.ods"] {
        let r = crosscheck::validate(fixture(file), schema, "s.json", &FileOptions::default(), None).unwrap();
        let broken: Vec<(u64, String, String, String)> = r
            .validation
            .findings
            .iter()
            .filter_map(|f| match f {
                crosscheck::report::Issue::Invalid { row, column, value, rule, .. } => {
                    Some((*row, column.clone(), value.clone(), rule.clone()))
                }
                _ => None,
            })
            .collect();
        let want = [
            (2, "ポイント".into(), "12.5".into(), "type".into()),
            (5, "ポイント".into(), "#N/A".into(), "excel_error".into()),
        ];
        assert_eq!(broken, want, "{file}");
    }
}

#[test]
fn an_xls_reads_as_its_xlsx_twin() {
    // The same sheets saved by LibreOffice as Excel 97-2003: the same cells, the same findings.
    assert_eq!(cells(fixture("wb_list.xls"), &Options::default()), csv_cells("wb_list_expected.csv"));
    let xls = reconcile(fixture("wb_source.xls"), fixture("wb_list.xls"), &Options::default()).unwrap();
    let xlsx = reconcile(fixture("wb_source.xlsx"), fixture("wb_list.xlsx"), &Options::default()).unwrap();
    assert_conserved(&xls);
    assert_eq!((xls.inputs.list.encoding.as_str(), xls.inputs.list.sheet.as_deref()), ("xls", Some("宛先")));
    let names = |r: &crosscheck::Report| r.findings.iter().map(|f| format!("{f:?}")).collect::<Vec<_>>();
    assert_eq!(names(&xls), names(&xlsx));
    let options = Options { key: Some(vec![crosscheck::ColumnSpec::named("顧客ID")]), ..Options::default() };
    let want = csv_cells("wb_empty_then_data_expected.csv");
    let header = want[0].join(",");
    let r = reconcile(Input::new("s.csv", format!("{header}\n")), fixture("wb_empty_then_data.xls"), &options).unwrap();
    assert_eq!((r.inputs.list.sheet.as_deref(), r.inputs.list.rows), (Some("Sheet2"), want.len() - 1));
}

#[test]
fn a_sheet_spanning_far_past_its_data_is_refused_not_allocated() {
    // Three filled cells and one at XFD1048576: 17 billion cells if laid out.
    let e =
        reconcile(fixture("wb_source.xlsx"), fixture("wb_far_cell.xlsx"), &Options::default()).unwrap_err().to_string();
    assert!(e.starts_with("wb_far_cell.xlsx: sheet \"Sheet1\" spans A1:XFD1048576, too large to read"), "{e}");
}

#[test]
fn excel_cjk_built_in_date_formats_read_as_dates_in_both_systems() {
    use xlsx::Cell::{Number, Text};
    // 2024-04-01 is serial 45383 in the 1900 system, 43921 in the 1904 one. Excel's Japanese
    // built-ins: 31 yyyy年m月d日, 27 [$-411]ge.m.d, 14 m/d/yyyy, 57 gggee年m月d日, 58 m月d日;
    // 0 (General) stays a number.
    let formats = [14, 27, 31, 36, 50, 57, 58];
    for (serial, date1904) in [(45383.0, false), (43921.0, true)] {
        let mut header: Vec<xlsx::Cell> = vec![Text("顧客ID".into())];
        header.extend(formats.iter().map(|f| Text(format!("f{f}"))));
        header.push(Text("general".into()));
        let mut row = vec![Text("00001".into())];
        row.extend(formats.iter().map(|&f| Number(serial, f)));
        row.push(Number(serial, 0));
        let book = xlsx::workbook(&[("宛先", vec![header, row])], date1904);
        let got = cells(Input::new("cjk.xlsx", book), &Options::default());
        let mut want = vec!["00001".to_string()];
        want.extend(formats.iter().map(|_| "2024-04-01".to_string()));
        want.push(format!("{serial}"));
        assert_eq!(got[1], want, "date1904 = {date1904}");
    }
}

#[test]
fn a_big_sheet_reports_progress_as_it_is_read() {
    use xlsx::Cell::{Number, Text};
    let mut rows = vec![vec![Text("顧客ID".into()), Text("氏名".into()), Text("ポイント".into())]];
    rows.extend((1..=40_000).map(|i| vec![Text(format!("{i:06}")), Text(format!("名前{i}")), Number(f64::from(i), 0)]));
    let book = xlsx::workbook(&[("宛先", rows)], false);
    let mut heard = Vec::new();
    let loaded = crosscheck::read(Input::new("big.xlsx", book), &FileOptions::default(), &mut |f| heard.push(f))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.sheet.as_deref(), Some("宛先"));
    // 120,001 cells: three reports on the cells, one at their end, one as the table is built,
    // and the end; each further than the last.
    assert!(heard.len() >= 5, "{heard:?}");
    assert!(heard.windows(2).all(|w| w[0] < w[1]), "{heard:?}");
    assert!(heard[0] > 0.0 && heard[0] < 0.5, "{heard:?}");
    assert_eq!(heard.last(), Some(&1.0));
}

#[test]
fn a_workbook_s_shared_strings_report_progress_while_it_opens() {
    use xlsx::Cell::Text;
    // Strings that compress poorly (hex digits), as names and addresses do: over a megabyte
    // packed, all read when the workbook opens, before the first cell.
    let hex = |i: u64| {
        format!("{:016x}{:016x}", i.wrapping_mul(0x9E37_79B9_7F4A_7C15), i.wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
    };
    let mut rows = vec![vec![Text("顧客ID".into()), Text("メモ".into())]];
    rows.extend((1..=40_000u64).map(|i| vec![Text(format!("{i:06}")), Text(hex(i))]));
    let book = xlsx::workbook_with(&[("宛先", rows)], false, true);
    let mut heard = Vec::new();
    let loaded = crosscheck::read(Input::new("shared.xlsx", book), &FileOptions::default(), &mut |f| heard.push(f))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.sheet.as_deref(), Some("宛先"));
    // The shared strings are nearly all the packed bytes, so most of the reading share goes by
    // while they are read, in several reports, before the cells' own.
    let opening = heard.iter().filter(|&&f| f < 0.7).count();
    assert!(opening >= 4, "{heard:?}");
    assert!(heard.windows(2).all(|w| w[0] < w[1]), "{heard:?}");
}
