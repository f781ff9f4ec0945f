//! The `crosscheck` command: every exit code, every output format, stdin, -o, --config.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::fixture_path;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck")).args(args).env("LANG", "C").output().unwrap()
}

fn f(name: &str) -> String {
    fixture_path(name).display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn exit_0_when_nothing_is_found() {
    let o = crosscheck(&["reconcile", &f("kind_source.csv"), &f("kind_source.csv")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("No findings."));
}

#[test]
fn exit_1_with_findings_and_the_summary_first() {
    let o = crosscheck(&["reconcile", &f("kind_source.csv"), &f("kind_missing_list.csv")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let summary = out.find("Summary").unwrap();
    let findings = out.find("Findings").unwrap();
    assert!(summary < findings);
    assert!(out.contains("10 rows = 9 paired + 1 unpaired + 0 duplicate + 0 malformed"), "{out}");
    assert!(out.contains("C004  not in kind_missing_list.csv (kind_source.csv row 4, A5)"), "{out}");
}

#[test]
fn exit_2_on_usage_errors_and_unreadable_input_with_one_clear_line() {
    for args in [
        vec!["reconcile".to_string(), f("kind_source.csv")],
        vec!["reconcile".into(), f("kind_source.csv"), "/no/such/file.csv".into()],
        vec!["reconcile".into(), f("kind_source.csv"), f("enc_cp932_bad.csv")],
        vec!["reconcile".into(), f("kind_source.csv"), f("kind_source.csv"), "--key".into(), "nope".into()],
        vec!["reconcile".into(), f("kind_source.csv"), f("kind_source.csv"), "--map".into(), "x".into()],
        vec!["reconcile".into(), f("kind_source.csv"), f("kind_source.csv"), "--list-encoding".into(), "ebcdic".into()],
        vec!["inspect".into(), "/no/such/file.csv".into()],
        vec!["frobnicate".into()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = crosscheck(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
    }
    let o = crosscheck(&["reconcile", &f("kind_source.csv"), &f("enc_cp932_bad.csv")]);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("crosscheck: error: enc_cp932_bad.csv: line 3, byte "), "{err}");
}

#[test]
fn one_thread_gives_the_same_report_as_two() {
    let run = |threads: &str| {
        let o = crosscheck(&[
            "reconcile",
            &f("incident_source.csv"),
            &f("incident_list.csv"),
            "--format",
            "json",
            "--threads",
            threads,
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        stdout(&o)
    };
    let one = run("1");
    assert!(one.contains("\"crosswired\""), "{one}");
    assert_eq!(one, run("2"));
    for bad in ["0", "3", "many"] {
        let o = crosscheck(&["reconcile", &f("incident_source.csv"), &f("incident_list.csv"), "--threads", bad]);
        assert_eq!(o.status.code(), Some(2), "--threads {bad}: {}", stderr(&o));
    }
}

#[test]
fn json_is_the_report_contract() {
    let o = crosscheck(&["reconcile", &f("kind_source.csv"), &f("kind_crosswired_list.csv"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["tool"]["name"], "crosscheck");
    assert_eq!(v["inputs"]["list"]["encoding"], "utf-8");
    assert_eq!(v["inputs"]["source"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["summary"]["findings"]["crosswired"], 1);
    assert_eq!(v["findings"][0]["belongs_to"][0], "C008");
}

#[test]
fn csv_has_a_bom_and_no_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.csv");
    std::fs::write(
        &list,
        "customer_id,name,email,points\n=HYPERLINK(\"x\"),x,y@x.jp,1\nC001,@SUM(A1),user1@example.jp,100\n",
    )
    .unwrap();
    let out = dir.path().join("findings.csv");
    let o = crosscheck(&[
        "reconcile",
        &f("kind_source.csv"),
        list.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}kind,file,key,".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let mut cells = 0;
    for rec in reader.records() {
        for cell in rec.unwrap().iter() {
            cells += 1;
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
    }
    assert!(cells > 0);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains("'@SUM(A1)"), "{text}");
}

#[test]
fn japanese_when_lang_is_japanese() {
    let o = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["reconcile", &f("incident_source.csv"), &f("incident_list.csv")])
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(out.contains("概要"), "{out}");
    assert!(
        out.contains(
            "メールアドレス列が 101〜160 行目（C102:C161）で 1 行ずれています（各行に 1 行上の値が入っています）"
        ),
        "{out}"
    );
}

#[test]
fn reads_standard_input_and_a_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("options.json");
    std::fs::write(&config, r#"{"key": [{"source": "customer_id", "list": "顧客ID"}], "max_findings": 5}"#).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["reconcile", &f("kind_source.csv"), "-", "--config", config.to_str().unwrap(), "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let list = std::fs::read(fixture_path("kind_missing_list.csv")).unwrap();
    child.stdin.take().unwrap().write_all(&list).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["inputs"]["list"]["name"], "(stdin)");
    assert_eq!(v["options"]["max_findings"], 5);
    assert_eq!(v["findings"][0]["key"][0], "C004");

    // Notepad saves UTF-8 with a byte-order mark: the same options, read the same.
    std::fs::write(&config, "\u{FEFF}{\"max_findings\": 0}").unwrap();
    let o = crosscheck(&[
        "reconcile",
        &f("kind_source.csv"),
        &f("kind_missing_list.csv"),
        "--config",
        config.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["truncated"].as_bool(), v["summary"]["findings"]["missing"].as_u64()), (Some(true), Some(1)));

    std::fs::write(&config, "{ not json").unwrap();
    let o =
        crosscheck(&["reconcile", &f("kind_source.csv"), &f("kind_source.csv"), "--config", config.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("options.json"), "{}", stderr(&o));
}

#[test]
fn key_and_map_flags() {
    let o = crosscheck(&[
        "reconcile",
        &f("kind_source.csv"),
        &f("kind_mismatch_list.csv"),
        "--key",
        "customer_id=顧客ID",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["mapping"]["key"][0]["mapped_by"], "options");
    assert_eq!(v["summary"]["findings"]["mismatch"], 1);
}

#[test]
fn inspect_describes_a_file() {
    let o = crosscheck(&["inspect", &f("enc_cp932.csv")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("enc_cp932.csv: cp932, delimiter \",\", 3 rows, 3 columns"), "{out}");
    assert!(out.contains("email"), "{out}");
    let o = crosscheck(&["inspect", &f("edge_malformed.csv"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["malformed"][0]["row"], 2);
    assert_eq!(v["columns"][2]["kind"], "email");
}

#[test]
fn validate_exit_codes_and_formats() {
    let schema = fixture_path("../../schemas/recipient-list.json").display().to_string();
    let list = fixture_path("validate_list_cp932.csv").display().to_string();
    let o = crosscheck(&["validate", &list, "--schema", &schema]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("6 rows = 0 valid + 6 invalid + 0 malformed"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "顧客ID,氏名,フリガナ,メールアドレス,電話番号,郵便番号,都道府県,ポイント,ギフト金額,登録日\nC0000001,山田 太郎,ヤマダ タロウ,taro@example.jp,090-1234-5678,100-0001,東京都,10,0,2024-04-01\n").unwrap();
    let o = crosscheck(&["validate", good.to_str().unwrap(), "--schema", &schema]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));

    let bad_schema = dir.path().join("bad.json");
    std::fs::write(&bad_schema, "{\"fields\": [{\"name\": \"a\", \"constraints\": {\"pattern\": \"(\"}}]}").unwrap();
    let o = crosscheck(&["validate", &list, "--schema", bad_schema.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("crosscheck: error: bad.json: field 1 (\"a\"), constraints.pattern:"), "{err}");

    let o = crosscheck(&["validate", &list, "--schema", &schema, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.starts_with(&[0xEF, 0xBB, 0xBF]));
    let o = crosscheck(&["validate", &list, "--schema", &schema, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["input"]["encoding"], "cp932");
    assert_eq!(json["summary"]["rules"]["jpFormat"], 2);
    assert_eq!(json["findings"][1]["message"]["ja"], "「1000001」は郵便番号（NNN-NNNN、半角）の形ではありません");
}

#[test]
fn workbooks_and_their_sheets() {
    // The first sheet that holds a table, or the one asked for by name or number.
    let o = crosscheck(&["reconcile", &f("wb_source.xlsx"), &f("wb_list.ods"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["inputs"]["list"]["sheet"].as_str(), v["inputs"]["list"]["encoding"].as_str()),
        (Some("宛先"), Some("ods"))
    );
    assert_eq!(v["summary"]["findings"]["mismatch"], 1);
    let o =
        crosscheck(&["reconcile", &f("wb_source.ods"), &f("wb_list.xlsx"), "--list-sheet", "1", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2), "the notes sheet has no key column");
    let o = crosscheck(&["inspect", &f("wb_list.ods"), "--sheet", "宛先"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("wb_list.ods: ods, sheet \"宛先\", 10 rows, 7 columns"), "{}", stdout(&o));
    let o = crosscheck(&["inspect", &f("wb_list.xlsx"), "--sheet", "宛先2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wb_list.xlsx: the workbook has no sheet \"宛先2\""), "{}", stderr(&o));
    // Excel 97-2003 too; the text names each finding's cells, the #N/A cells among them.
    let o = crosscheck(&["reconcile", &f("wb_source.xls"), &f("wb_list.xls")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("(wb_source.xls row 6, 顧客!D7) ≠ \"500\" (wb_list.xls row 6, 宛先!D7)"), "{text}");
    assert!(text.contains("error cell wb_list.xls row 5, 宛先!D6: ポイント holds Excel's error value #N/A"), "{text}");
}

#[test]
fn what_excel_did_is_said_under_each_file() {
    // inspect: under the file's line, one sentence per damaged column.
    let o = crosscheck(&["inspect", &f("damage_list.csv")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("damage_list.csv: cp932"), "{out}");
    assert_eq!(
        lines[1],
        "  Excel dropped the leading zeros of 2 values in 会員番号 (C4, C9): 3707 was probably 00003707."
    );
    assert!(
        lines[4].starts_with("  Excel saved 2 dates in 登録日 as serial numbers (F7, F12): 45388 is 2024-04-06."),
        "{out}"
    );
    let o = crosscheck(&["inspect", &f("damage_list.csv"), "--lang", "ja"]);
    assert!(
        stdout(&o).contains("  電話番号 の 2 件は Excel が電話番号を数値として読み、先頭の 0 を落としています（D6、D11）。9000050035 は 09000050035 だったはずです。"),
        "{}",
        stdout(&o)
    );
    // reconcile: in the summary, named by file; the notes are not findings of their own.
    let o = crosscheck(&["reconcile", &f("damage_source.csv"), &f("damage_list.csv")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let said = "  damage_list.csv: Excel wrote 2 values in JANコード in scientific notation (E5, E10)";
    assert!(out.find(said).is_some_and(|at| at < out.find("Findings").unwrap_or(0)), "{out}");
    assert!(!out.contains("damage_source.csv: Excel"), "{out}");
    // validate: under the line that says how the file was read.
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("schema.json");
    std::fs::write(&schema, r#"{"fields": [{"name": "顧客ID", "constraints": {"required": true}}]}"#).unwrap();
    let o = crosscheck(&["validate", &f("damage_list.csv"), "--schema", schema.to_str().unwrap()]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[1].starts_with("  read as cp932"), "{out}");
    assert!(lines[2].starts_with("  Excel dropped the leading zeros of 2 values in 会員番号"), "{out}");
    let o = crosscheck(&["validate", &f("damage_list.csv"), "--schema", schema.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["input"]["damage"][1]["kind"], "phone_as_number");
}

#[test]
fn pairing_flag_and_the_keys_weighed() {
    // The vendor list (お名前, E-mail, 付与ポイント; no ID) with the E-mail column slid down one
    // row in rows 101–160: by consensus (the automatic choice) one shifted finding; told to pair
    // by the e-mail as the key, the slid column is the frame, and the names look slid instead.
    let (source, list) = (f("vendor_source.csv"), f("vendor_list.csv"));
    let auto = crosscheck(&["reconcile", &source, &list]);
    let out = stdout(&auto);
    assert!(
        out.contains("no ID in both files: each row is paired with the record most of 氏名, メールアドレス point at"),
        "{out}"
    );
    assert!(
        out.contains("keys weighed:")
            && out.contains("氏名 = お名前: pairs about 300 rows (300 of 300 sampled) (chosen)"),
        "{out}"
    );
    assert!(out.contains("shifted 1,") && out.contains("mismatch 0,"), "{out}");
    let json = |o: &Output| serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
    let consensus = crosscheck(&["reconcile", &source, &list, "--pairing", "consensus", "--format", "json"]);
    let key = crosscheck(&[
        "reconcile",
        &source,
        &list,
        "--key",
        "メールアドレス=E-mail",
        "--pairing",
        "key",
        "--format",
        "json",
    ]);
    // Named as the key, the e-mail is still a column that may slide: paired by consensus.
    let named = crosscheck(&["reconcile", &source, &list, "--key", "メールアドレス=E-mail", "--format", "json"]);
    assert_eq!(json(&named)["summary"]["findings"]["shifted"], 1);
    assert_eq!(json(&named)["mapping"]["key"][0]["source"], "メールアドレス");
    let (c, k) = (json(&consensus), json(&key));
    assert_eq!(
        (c["mapping"]["pairing"].as_str(), c["options"]["pairing"].as_str()),
        (Some("consensus"), Some("consensus"))
    );
    assert_eq!(k["mapping"]["pairing"], "key");
    assert_eq!(c["summary"]["findings"]["shifted"], 1);
    assert_eq!(k["summary"]["columns"]["氏名"]["shifted"], 1, "{}", k["summary"]);
    assert!(k["findings"].as_array().map_or(0, Vec::len) > 1);
    let bad = crosscheck(&["reconcile", &source, &list, "--pairing", "vote"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_report_is_never_written_over_a_file_it_reads() {
    // `-o s.csv` used to write the report over the source: the records were gone.
    let dir = tempfile::tempdir().unwrap();
    let (source, list, config) = (dir.path().join("s.csv"), dir.path().join("l.csv"), dir.path().join("o.json"));
    std::fs::copy(fixture_path("kind_source.csv"), &source).unwrap();
    std::fs::copy(fixture_path("kind_missing_list.csv"), &list).unwrap();
    std::fs::write(&config, "{}").unwrap();
    let link = dir.path().join("link.csv");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&source, &link).unwrap();
    let other_path = dir.path().join(".").join("s.csv");
    let before = std::fs::read(&source).unwrap();
    let (s, l, c) = (source.display().to_string(), list.display().to_string(), config.display().to_string());
    for target in [&source, &list, &config, &link, &other_path] {
        let out = target.display().to_string();
        let o = crosscheck(&["reconcile", &s, &l, "--config", &c, "-o", &out]);
        assert_eq!(o.status.code(), Some(2), "{out}: {}", stderr(&o));
        assert!(stderr(&o).contains("one of the files it reads"), "{}", stderr(&o));
    }
    let schema = dir.path().join("schema.json");
    std::fs::write(&schema, r#"{"fields": [{"name": "customer_id"}]}"#).unwrap();
    for target in [&s, &schema.display().to_string()] {
        let o = crosscheck(&["validate", &s, "--schema", &schema.display().to_string(), "-o", target]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("one of the files it reads"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&source).unwrap(), before, "the source is untouched");
    // Written whole through a temporary file beside it; nothing else is left in the folder.
    let report = dir.path().join("report.json");
    let o = crosscheck(&["reconcile", &s, &l, "--format", "json", "-o", &report.display().to_string()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(serde_json::from_slice::<serde_json::Value>(&std::fs::read(&report).unwrap()).is_ok());
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.starts_with(".crosscheck-")), "{names:?}");
    // A report that cannot be written is an error naming it, and leaves no file behind.
    let o = crosscheck(&["reconcile", &s, &l, "-o", &dir.path().join("no/such/dir/r.txt").display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write the file"), "{}", stderr(&o));
}

/// A FIFO (or /dev/null) is written into, not replaced by a plain file; a link is followed;
/// a report written again keeps its mode.
#[cfg(unix)]
#[test]
fn the_report_goes_through_fifos_and_links_and_keeps_its_mode() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let (s, l) = (f("kind_source.csv"), f("kind_missing_list.csv"));
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = crosscheck(&["reconcile", &s, &l, "--format", "json", "-o", &fifo.display().to_string()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // Checked before joining: a reader still waiting on a replaced FIFO would never return.
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
    assert!(reader.join().unwrap().contains("\"summary\""));

    let report = dir.path().join("report.txt");
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("latest.txt");
    std::os::unix::fs::symlink(&report, &link).unwrap();
    let o = crosscheck(&["reconcile", &s, &l, "-o", &link.display().to_string()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(std::fs::read_to_string(&report).unwrap().contains("missing"));
    assert_eq!(std::fs::metadata(&report).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn config_and_schema_can_come_from_standard_input() {
    let run = |args: &[&str], input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(args)
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let o = run(
        &["reconcile", &f("kind_source.csv"), &f("kind_missing_list.csv"), "--config", "-", "--format", "json"],
        r#"{"max_findings": 0}"#,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["truncated"], true);
    let schema = r#"{"fields": [{"name": "customer_id", "constraints": {"required": true}}]}"#;
    let o = run(&["validate", &f("kind_source.csv"), "--schema", "-"], schema);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["validate", "-", "--schema", "-"], schema);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standard input can be read only once"), "{}", stderr(&o));
}

#[test]
fn a_missing_key_is_told_with_the_command_s_flags() {
    let dir = tempfile::tempdir().unwrap();
    let (s, l) = (dir.path().join("s.csv"), dir.path().join("l.csv"));
    std::fs::write(&s, "a,b\n1,x\n1,x\n").unwrap();
    std::fs::write(&l, "a,b\n1,x\n").unwrap();
    let o = crosscheck(&["reconcile", &s.display().to_string(), &l.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("(name the key: --key COLUMN or --key SOURCE_COLUMN=LIST_COLUMN)"), "{}", stderr(&o));
}

/// `--passed` and `--failed`: the rows as JSON Lines, written as safely as the report.
#[test]
fn validate_writes_the_passed_and_failed_rows_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (file, schema) = (dir.path().join("in.csv"), dir.path().join("s.json"));
    std::fs::write(
        &file,
        "id,pts,on\nC1,\"1,200\",2024-04-01\nC2,x,2024-04-02\nC3,9007199254740993\nC4,-,2024-04-04\n",
    )
    .unwrap();
    std::fs::write(
        &schema,
        r#"{"fields": [{"name": "id"}, {"name": "pts", "type": "integer", "groupChar": ","},
                       {"name": "on", "type": "date"}], "missingValues": ["", "-"]}"#,
    )
    .unwrap();
    let (passed, failed, report) =
        (dir.path().join("ok.jsonl"), dir.path().join("bad.jsonl"), dir.path().join("r.json"));
    let path = |p: &std::path::Path| p.display().to_string();
    let o = crosscheck(&[
        "validate",
        &path(&file),
        "--schema",
        &path(&schema),
        "--format",
        "json",
        "-o",
        &path(&report),
        "--passed",
        &path(&passed),
        "--failed",
        &path(&failed),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines = |p: &std::path::Path| -> Vec<serde_json::Value> {
        std::fs::read_to_string(p).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    assert_eq!(
        lines(&passed),
        [
            serde_json::json!({"row": 1, "line": 2, "ok": true, "values": {"id": "C1", "pts": 1200, "on": "2024-04-01"}}),
            serde_json::json!({"row": 4, "line": 5, "ok": true, "values": {"id": "C4", "pts": null, "on": "2024-04-04"}}),
        ]
    );
    // Each line's values in the schema's field order, as the file has its columns.
    let first = std::fs::read_to_string(&passed).unwrap();
    assert!(
        first.starts_with(r#"{"row":1,"line":2,"ok":true,"values":{"id":"C1","pts":1200,"on":"2024-04-01"}}"#),
        "{first}"
    );
    let bad = lines(&failed);
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(bad.len(), 2);
    assert_eq!(bad[0]["values"], serde_json::json!({"id": "C2", "pts": "x", "on": "2024-04-02"}));
    let finding = &report["findings"][bad[0]["findings"][0].as_u64().unwrap() as usize];
    assert_eq!((finding["row"].as_u64(), finding["column"].as_str()), (Some(2), Some("pts")));
    assert_eq!(bad[1]["values"], serde_json::Value::Null, "row 3 is malformed");
    assert_eq!(report["findings"][bad[1]["findings"][0].as_u64().unwrap() as usize]["kind"], "malformed");
    // A new rows file is the owner's alone, as a report is.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&passed).unwrap().permissions().mode() & 0o777, 0o600);
    }

    // Never over an input, never two outputs on one file, never cut findings under --failed.
    for args in [
        vec!["--passed", file.to_str().unwrap()],
        vec!["--failed", schema.to_str().unwrap()],
        vec!["-o", passed.to_str().unwrap(), "--passed", passed.to_str().unwrap()],
        vec!["--failed", failed.to_str().unwrap(), "--max-findings", "1"],
    ] {
        let mut all = vec!["validate", file.to_str().unwrap(), "--schema", schema.to_str().unwrap()];
        all.extend(&args);
        let o = crosscheck(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("id,pts,on\n"), "the input is untouched");
    // Every output is checked before any is written: a refused -o leaves no rows file behind.
    let fresh = passed.with_file_name("fresh.jsonl");
    let o = crosscheck(&[
        "validate",
        file.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
        "--passed",
        fresh.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!fresh.exists(), "nothing written before the refusal");
}
