//! The JavaScript bindings, run as WebAssembly in Node by wasm-bindgen-test:
//! `cargo test --target wasm32-unknown-unknown -p crosscheck-wasm --test wasm`.
#![cfg(target_arch = "wasm32")]

use crosscheck_wasm::{inspect, prepare, reconcile, sample, version, vocabulary, Run};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const SOURCE: &[u8] = include_bytes!("../../../tests/fixtures/incident_source.csv");
const LIST: &[u8] = include_bytes!("../../../tests/fixtures/incident_list.csv");

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, k| Reflect::get(&v, &k.into()).unwrap_or(JsValue::UNDEFINED))
}

fn num(v: &JsValue, path: &str) -> f64 {
    get(v, path).as_f64().unwrap_or(f64::NAN)
}

/// The incident pair (s.csv, l.csv) reconciled from bytes with `options` JSON.
fn incident(options: &str, progress: Option<js_sys::Function>) -> Result<Run, JsValue> {
    reconcile(
        "s.csv".into(),
        SOURCE.to_vec().into(),
        "l.csv".into(),
        LIST.to_vec().into(),
        options,
        progress,
        None,
        None,
    )
}

#[wasm_bindgen_test]
fn a_hash_from_the_caller_is_used_and_a_bad_one_ignored() {
    let given = "ab".repeat(32);
    let i = inspect("list.csv".into(), LIST.to_vec().into(), "", Some(given.clone())).unwrap();
    assert_eq!(get(&i, "input.sha256").as_string(), Some(given));
    let i = inspect("list.csv".into(), LIST.to_vec().into(), "", Some("nonsense".into())).unwrap();
    let own = get(&i, "input.sha256").as_string().unwrap();
    assert_eq!(own.len(), 64);
    assert_ne!(own, "nonsense");
    crosscheck_wasm::warm_up();
}

#[wasm_bindgen_test]
fn the_vocabulary_lists_the_core_s_words_and_bars() {
    let v = vocabulary().unwrap();
    assert_eq!(js_sys::Array::from(&get(&v, "finding_kinds")).length(), 11);
    assert_eq!(js_sys::Array::from(&get(&v, "steps")).get(0).as_string().as_deref(), Some("nfkc"));
    assert_eq!(js_sys::Array::from(&get(&v, "delimiters")).get(2).as_string().as_deref(), Some("\t"));
    let bar = js_sys::Array::from(&get(&v, "progress.reconcile"));
    assert_eq!(get(&bar.get(1), "stage").as_string().as_deref(), Some("reading_list"));
    assert_eq!(num(&bar.get(1), "end"), 0.55);
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn the_incident_is_one_shifted_finding_paged_from_a_handle() {
    let mut run = incident("", None).unwrap();
    let head = run.summary().unwrap();
    assert_eq!(num(&head, "summary.findings.shifted"), 1.0);
    assert_eq!(num(&head, "summary.findings.mismatch"), 0.0);
    // Plain objects, not Maps: the page reads them like the JSON report.
    assert!(get(&head, "summary.columns").is_object());
    assert_eq!(js_sys::Array::from(&get(&head, "findings")).length(), 0);
    assert_eq!(run.finding_count(), 1);
    let page = js_sys::Array::from(&run.page(0, 10).unwrap());
    assert_eq!(page.length(), 1);
    assert_eq!(get(&page.get(0), "finding.kind").as_string().as_deref(), Some("shifted"));
    assert!(get(&page.get(0), "finding.list_rows").is_object());
    assert_eq!(run.select(r#"{"kinds": ["mismatch"]}"#).unwrap(), 0);
    assert_eq!(js_sys::Array::from(&run.page(0, 10).unwrap()).length(), 0);
    let row = run.row("list", 101.0).unwrap();
    assert_eq!(js_sys::Array::from(&get(&row, "cells")).length(), js_sys::Array::from(&get(&row, "header")).length());
    assert!(run.row("list", 99_999.0).unwrap().is_null());
    // A side that is neither file is refused, not taken for the list.
    assert!(run.row("List", 101.0).is_err() && run.row("", 1.0).is_err());
    // Each finding comes with the core's sentence in both languages.
    let text = get(&page.get(0), "text.ja").as_string().unwrap_or_default();
    assert!(text.contains("101〜160 行目（C102:C161）で 1 行ずれています"), "{text}");
    assert!(get(&page.get(0), "text.en").as_string().unwrap_or_default().starts_with("the "));
    assert!(run.report_json().contains("\"kind\": \"shifted\""));
    assert!(run.findings_csv().starts_with(&[0xEF, 0xBB, 0xBF]));
}

#[wasm_bindgen_test]
fn progress_is_reported_in_order_and_ends_done() {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = seen.clone();
    let f = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
        sink.borrow_mut().push((get(&p, "stage").as_string().unwrap_or_default(), num(&p, "fraction")));
    });
    let func: js_sys::Function = f.as_ref().clone().into();
    incident("{}", Some(func)).unwrap();
    let seen = seen.borrow();
    let mut stages: Vec<&str> = seen.iter().map(|(s, _)| s.as_str()).collect();
    stages.dedup(); // reading reports several times per file
    assert_eq!(stages, ["reading_source", "reading_list", "mapping", "matching", "comparing", "done"]);
    assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1));
    // On one thread the two files' keys are sorted in turn, with a word between them.
    assert!(seen.iter().any(|(s, f)| s == "matching" && *f > 0.62 && *f < 0.69), "{seen:?}");
}

#[wasm_bindgen_test]
fn errors_are_objects_with_kind_place_and_text() {
    let bad = b"id,name\n1,\x82\xff\n".to_vec();
    let e = reconcile(
        "bad.csv".into(),
        bad.into(),
        "l.csv".into(),
        LIST.to_vec().into(),
        r#"{"source": {"encoding": "cp932"}}"#,
        None,
        None,
        None,
    )
    .err()
    .unwrap();
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("decode"));
    assert_eq!(get(&e, "file").as_string().as_deref(), Some("bad.csv"));
    assert_eq!(num(&e, "line"), 2.0);
    assert!(get(&e, "text").as_string().unwrap_or_default().starts_with("bad.csv: line 2"));
    let e = incident("{\"nope\": 1}", None).err().unwrap();
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("options"));
}

#[wasm_bindgen_test]
fn inspect_prepare_and_sample() {
    let i =
        inspect("list.csv".into(), LIST.to_vec().into(), r#"{"encoding": "auto", "delimiter": "auto"}"#, None).unwrap();
    assert_eq!(get(&i, "input.encoding").as_string().as_deref(), Some("utf-8"));
    assert_eq!(js_sys::Array::from(&get(&i, "preview")).length(), 5);
    let p =
        prepare("s.csv".into(), SOURCE.to_vec().into(), "l.csv".into(), LIST.to_vec().into(), "", None, None).unwrap();
    assert!(js_sys::Array::from(&get(&p, "options.key")).length() >= 1);
    let s = sample().unwrap();
    let source = Uint8Array::from(get(&s, "source.bytes")).to_vec();
    let list = Uint8Array::from(get(&s, "list.bytes")).to_vec();
    let run = reconcile("a".into(), source.into(), "b".into(), list.into(), "", None, None, None).unwrap();
    let head = run.summary().unwrap();
    for kind in ["missing", "unexpected", "duplicate", "mismatch", "crosswired", "shifted", "malformed"] {
        assert!(num(&head, &format!("summary.findings.{kind}")) >= 1.0, "{kind}");
    }
}

#[wasm_bindgen_test]
fn validation_with_an_example_schema() {
    use crosscheck_wasm::{example_schemas, validate};
    let examples = js_sys::Array::from(&example_schemas().unwrap());
    assert_eq!(examples.length(), 2);
    let schema = get(&examples.get(0), "text").as_string().unwrap();
    let list = include_bytes!("../../../tests/fixtures/validate_list_cp932.csv").to_vec();
    let checked = validate("list.csv".into(), list.into(), "recipient-list.json", &schema, "", None, None).unwrap();
    let head = checked.summary().unwrap();
    assert_eq!(num(&head, "summary.findings.invalid"), 7.0);
    assert_eq!(get(&head, "input.encoding").as_string().as_deref(), Some("cp932"));
    assert_eq!(checked.finding_count(), 8);
    let page = js_sys::Array::from(&checked.page(0, 3).unwrap());
    assert_eq!(page.length(), 3);
    assert!(get(&page.get(1), "message.ja").as_string().unwrap_or_default().contains("郵便番号"));
    let e =
        validate("l.csv".into(), b"a\n1\n".to_vec().into(), "s.json", "{\"fields\": 1}", "", None, None).err().unwrap();
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("schema"));
}

#[wasm_bindgen_test]
fn a_validation_hands_back_its_rows_cast_and_the_failed_ones_with_their_findings() {
    use crosscheck_wasm::validate;
    let schema = r#"{"fields": [{"name": "id", "type": "integer", "constraints": {"required": true}},
                                 {"name": "on", "type": "date"}, {"name": "ok", "type": "boolean"}]}"#;
    let csv = b"id,on,ok\n1,2024-04-01,true\nx,2024-04-02,false\n9007199254740993,,1\n".to_vec();
    let checked = validate("l.csv".into(), csv.into(), "s.json", schema, "", None, None).unwrap();
    assert_eq!(checked.row_count("passed").unwrap(), 2);
    assert_eq!(checked.row_count("failed").unwrap(), 1);
    let passed = js_sys::Array::from(&checked.rows("passed", 0, 10).unwrap());
    assert_eq!(passed.length(), 2);
    assert_eq!(num(&passed.get(0), "values.id"), 1.0);
    assert_eq!(get(&passed.get(0), "values.on").as_string().as_deref(), Some("2024-04-01"));
    assert_eq!(get(&passed.get(0), "values.ok").as_bool(), Some(true));
    // Past 2^53 an integer comes as its digits, not rounded.
    assert_eq!(get(&passed.get(1), "values.id").as_string().as_deref(), Some("9007199254740993"));
    assert!(get(&passed.get(1), "values.on").is_null());
    let failed = js_sys::Array::from(&checked.rows("failed", 0, 10).unwrap());
    assert_eq!(num(&failed.get(0), "row"), 2.0);
    assert_eq!(get(&failed.get(0), "ok").as_bool(), Some(false));
    assert_eq!(get(&failed.get(0), "values.id").as_string().as_deref(), Some("x"));
    let findings = js_sys::Array::from(&get(&failed.get(0), "findings"));
    assert_eq!(get(&findings.get(0), "column").as_string().as_deref(), Some("id"));
    assert_eq!(js_sys::Array::from(&checked.rows("all", 1, 10).unwrap()).length(), 2);
    assert_eq!(get(&checked.rows("some", 0, 1).err().unwrap(), "kind").as_string().as_deref(), Some("options"));
}

#[wasm_bindgen_test]
fn validation_reports_progress_in_order_and_ends_done() {
    use crosscheck_wasm::{example_schemas, validate};
    let schema = get(&js_sys::Array::from(&example_schemas().unwrap()).get(0), "text").as_string().unwrap();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = seen.clone();
    let f = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
        sink.borrow_mut().push((get(&p, "stage").as_string().unwrap_or_default(), num(&p, "fraction")));
    });
    let func: js_sys::Function = f.as_ref().clone().into();
    let list = include_bytes!("../../../tests/fixtures/validate_list_cp932.csv").to_vec();
    validate("list.csv".into(), list.into(), "recipient-list.json", &schema, "", None, Some(func)).unwrap();
    let seen = seen.borrow();
    let mut stages: Vec<&str> = seen.iter().map(|(s, _)| s.as_str()).collect();
    stages.dedup();
    assert_eq!(stages, ["reading", "checking", "done"]);
    assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1));
}

#[wasm_bindgen_test]
fn file_bytes_filled_in_chunks_read_as_the_whole() {
    use crosscheck_wasm::FileBytes;
    // As the worker fills them from a File's stream: odd chunk sizes, cutting characters.
    let chunked = |bytes: &[u8]| {
        let mut f = FileBytes::new(bytes.len()).unwrap();
        for chunk in bytes.chunks(7) {
            f.append(chunk).unwrap();
        }
        assert_eq!(f.length(), bytes.len());
        f
    };
    let whole = incident("", None).unwrap();
    let parts =
        reconcile("s.csv".into(), chunked(SOURCE), "l.csv".into(), chunked(LIST), "", None, None, None).unwrap();
    assert_eq!(whole.report_json(), parts.report_json());
    assert!(FileBytes::new(usize::MAX).is_err(), "an impossible size is an error, not a trap");
}

#[wasm_bindgen_test]
fn files_read_once_serve_inspect_plan_and_runs() {
    use crosscheck_wasm::{prepare_loaded, reconcile_loaded, LoadedFile};
    let read =
        |name: &str, bytes: &[u8]| LoadedFile::read(name.into(), bytes.to_vec().into(), "", false, None).unwrap();
    let (source, list) = (read("s.csv", SOURCE), read("l.csv", LIST));
    let inspected = list.inspect().unwrap();
    assert_eq!(get(&inspected, "input.name").as_string().as_deref(), Some("l.csv"));
    let plan = prepare_loaded(&source, &list, "").unwrap();
    assert!(js_sys::Array::from(&get(&plan, "options.key")).length() >= 1);
    let whole = incident("", None).unwrap();
    // Two runs on the same files: each the same as reading them afresh.
    for _ in 0..2 {
        let run = reconcile_loaded(&source, &list, "", None).unwrap();
        assert_eq!(run.report_json(), whole.report_json());
    }
}

#[wasm_bindgen_test]
fn a_file_hashed_by_the_caller_gets_its_hash_after_reading() {
    use crosscheck_wasm::{prepare_loaded, LoadedFile};
    let mut f = LoadedFile::read("l.csv".into(), LIST.to_vec().into(), "", true, None).unwrap();
    // Before the hash comes, an inspection says so (null), and a plan refuses the file rather
    // than name it by nothing.
    assert!(get(&f.inspect().unwrap(), "input.sha256").is_null());
    let other = LoadedFile::read("s.csv".into(), SOURCE.to_vec().into(), "", false, None).unwrap();
    assert!(prepare_loaded(&other, &f, "").is_err());
    assert!(f.set_sha256("not a hash".into()).is_err());
    let hash = "AB".repeat(32);
    f.set_sha256(hash.clone()).unwrap();
    assert_eq!(get(&f.inspect().unwrap(), "input.sha256").as_string(), Some(hash.to_lowercase()));
}

#[wasm_bindgen_test]
fn a_workbook_is_read_in_webassembly_with_its_sheets() {
    use crosscheck_wasm::LoadedFile;
    let bytes = include_bytes!("../../../tests/fixtures/wb_list.xlsx").to_vec();
    let f = LoadedFile::read("wb_list.xlsx".into(), bytes.into(), "", false, None).unwrap();
    assert_eq!((f.sheet().as_deref(), f.encoding().as_str()), (Some("宛先"), "xlsx"));
    let i = f.inspect().unwrap();
    assert_eq!(js_sys::Array::from(&get(&i, "input.sheets")).length(), 2);
    let first = js_sys::Array::from(&js_sys::Array::from(&get(&i, "preview")).get(0));
    assert_eq!(first.get(0).as_string().as_deref(), Some("00123"), "text keeps its leading zeros");
    let other = LoadedFile::read(
        "wb_list.xlsx".into(),
        include_bytes!("../../../tests/fixtures/wb_list.xlsx").to_vec().into(),
        r#"{"sheet": 1}"#,
        false,
        None,
    )
    .unwrap();
    assert_eq!(other.sheet().as_deref(), Some("説明"));
}

#[wasm_bindgen_test]
fn an_inspection_carries_what_excel_did_in_both_languages() {
    let bytes = include_bytes!("../../../tests/fixtures/damage_list.csv").to_vec();
    let i = inspect("damage_list.csv".into(), bytes.into(), "", None).unwrap();
    assert_eq!(js_sys::Array::from(&get(&i, "input.damage")).length(), 4);
    assert_eq!(get(&i, "input.damage.0.kind").as_string().as_deref(), Some("lost_leading_zeros"));
    assert_eq!(get(&i, "input.damage.0.examples.0.cell").as_string().as_deref(), Some("C4"));
    assert_eq!(
        get(&i, "damage_text.0.en").as_string().as_deref(),
        Some("Excel dropped the leading zeros of 2 values in 会員番号 (C4, C9): 3707 was probably 00003707.")
    );
    assert!(get(&i, "damage_text.3.ja").as_string().is_some_and(|s| s.contains("シリアル値")));
    // A file Excel left alone: no notes, and no field for them in the input.
    let clean = inspect("l.csv".into(), LIST.to_vec().into(), "", None).unwrap();
    assert!(get(&clean, "input.damage").is_undefined());
    assert_eq!(js_sys::Array::from(&get(&clean, "damage_text")).length(), 0);
}

#[wasm_bindgen_test]
fn a_list_without_an_id_is_paired_by_consensus_and_says_so() {
    // The vendor list: no ID, the E-mail column slid down one row in rows 101–160.
    let (source, list) = (
        include_bytes!("../../../tests/fixtures/vendor_source.csv"),
        include_bytes!("../../../tests/fixtures/vendor_list.csv"),
    );
    let p =
        prepare("s.csv".into(), source.to_vec().into(), "l.csv".into(), list.to_vec().into(), "", None, None).unwrap();
    assert_eq!(get(&p, "mapping.pairing").as_string().as_deref(), Some("consensus"));
    let said = get(&p, "pairing_text.ja").as_string().unwrap_or_default();
    assert!(said.contains("ID がないため"), "{said}");
    let candidates = js_sys::Array::from(&get(&p, "candidate_text"));
    assert_eq!(candidates.length(), js_sys::Array::from(&get(&p, "mapping.key_candidates")).length());
    assert!(candidates.length() >= 2);
    let run =
        reconcile("s.csv".into(), source.to_vec().into(), "l.csv".into(), list.to_vec().into(), "", None, None, None)
            .unwrap();
    let head = run.summary().unwrap();
    assert_eq!(num(&head, "summary.findings.shifted"), 1.0);
    assert_eq!(num(&head, "summary.findings.near_miss") + num(&head, "summary.findings.ambiguous"), 0.0);
}
