//! A report for people (text, Japanese or English, summary first) and for Excel (CSV, UTF-8 with
//! BOM, safe against formula injection). JSON is the report's own serde form.

use crate::report::{Buckets, Finding, Report, Side};
use crate::validate::{Issue, Validation};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// Japanese when the locale (`LANG`, `LC_ALL`, …) starts with `ja`, English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

fn kind_label(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("missing", Lang::En) => "missing",
        ("unexpected", Lang::En) => "unexpected",
        ("duplicate", Lang::En) => "duplicate",
        ("mismatch", Lang::En) => "mismatch",
        ("crosswired", Lang::En) => "crosswired",
        ("shifted", Lang::En) => "shifted",
        ("malformed", Lang::En) => "malformed",
        ("missing", Lang::Ja) => "欠落",
        ("unexpected", Lang::Ja) => "余分",
        ("duplicate", Lang::Ja) => "重複",
        ("mismatch", Lang::Ja) => "不一致",
        ("crosswired", Lang::Ja) => "取り違え",
        ("shifted", Lang::Ja) => "ずれ",
        ("malformed", Lang::Ja) => "読めない行",
        _ => "?",
    }
}

const KINDS: [&str; 7] = ["missing", "unexpected", "duplicate", "mismatch", "crosswired", "shifted", "malformed"];

fn side_name(report: &Report, side: Side) -> &str {
    match side {
        Side::Source => &report.inputs.source.name,
        Side::List => &report.inputs.list.name,
    }
}

fn buckets_line(name: &str, b: &Buckets, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{name}: {} rows = {} paired + {} unpaired + {} duplicate + {} malformed",
            b.rows, b.paired, b.unpaired, b.duplicate, b.malformed
        ),
        Lang::Ja => format!(
            "{name}: {} 行 = 照合 {} + 相手なし {} + 重複 {} + 読めない行 {}",
            b.rows, b.paired, b.unpaired, b.duplicate, b.malformed
        ),
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Summary first, then one line per finding.
pub fn text(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let s = &report.summary;
    let (src, lst) = (&report.inputs.source, &report.inputs.list);
    let _ = writeln!(out, "crosscheck {} — {} ⇄ {}", report.tool.version, src.name, lst.name);
    let _ = writeln!(out, "{}", if lang == Lang::Ja { "概要" } else { "Summary" });
    let _ = writeln!(out, "  {}", buckets_line(&src.name, &s.source, lang));
    let _ = writeln!(out, "  {}", buckets_line(&lst.name, &s.list, lang));
    let counts = serde_json::to_value(s.findings).unwrap_or_default();
    let per_kind: Vec<String> = KINDS
        .iter()
        .map(|k| {
            let n = counts.get(*k).and_then(|v| v.as_u64()).unwrap_or(0);
            match lang {
                Lang::En => format!("{} {n}", kind_label(k, lang)),
                Lang::Ja => format!("{} {n} 件", kind_label(k, lang)),
            }
        })
        .collect();
    let _ = writeln!(out, "  {}", per_kind.join(if lang == Lang::Ja { "、" } else { ", " }));
    let key: Vec<String> = report.mapping.key.iter().map(|k| format!("{} = {}", k.source, k.list)).collect();
    let _ = writeln!(out, "  {}: {}", if lang == Lang::Ja { "キー" } else { "key" }, key.join(" + "));
    for (col, t) in &s.totals {
        let _ = match lang {
            Lang::En => writeln!(
                out,
                "  total {col}: source {}, list {} (difference {})",
                number(t.source),
                number(t.list),
                number(t.difference)
            ),
            Lang::Ja => writeln!(
                out,
                "  合計 {col}: 元データ {}、リスト {}（差 {}）",
                number(t.source),
                number(t.list),
                number(t.difference)
            ),
        };
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "{}", if lang == Lang::Ja { "問題は見つかりませんでした。" } else { "No findings." });
        if let Some(v) = &report.validation {
            out.push_str(&validation_body(v, lang));
        }
        return out;
    }
    let _ = writeln!(out, "{}", if lang == Lang::Ja { "検出事項" } else { "Findings" });
    for f in &report.findings {
        let _ = writeln!(out, "  {:<10} {}", kind_label(f.kind(), lang), describe(report, f, lang));
    }
    if report.truncated {
        let _ = writeln!(
            out,
            "{}",
            match lang {
                Lang::En => format!("(only the first {} findings are listed)", report.findings.len()),
                Lang::Ja => format!("（最初の {} 件のみ表示）", report.findings.len()),
            }
        );
    }
    if let Some(v) = &report.validation {
        out.push_str(&validation_body(v, lang));
    }
    out
}

/// A validation for people: the summary first, then one line per finding.
pub fn validation_text(r: &crate::ValidationReport, schema_name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let _ = match lang {
        Lang::En => writeln!(out, "crosscheck {} — {} checked against {schema_name}", r.tool.version, r.input.name),
        Lang::Ja => writeln!(out, "crosscheck {} — {} を {schema_name} で検証", r.tool.version, r.input.name),
    };
    let _ = match lang {
        Lang::En => writeln!(out, "  read as {}, delimiter \"{}\"", r.input.encoding, r.input.delimiter),
        Lang::Ja => writeln!(out, "  文字コード {}、区切り文字「{}」", r.input.encoding, r.input.delimiter),
    };
    out.push_str(&validation_body(&r.validation, lang));
    out
}

fn validation_body(v: &Validation, lang: Lang) -> String {
    let mut out = String::new();
    let s = &v.summary;
    let ja = lang == Lang::Ja;
    let _ = writeln!(out, "{}", if ja { "検証の概要" } else { "Validation summary" });
    let _ = match lang {
        Lang::En => writeln!(
            out,
            "  {}: {} rows = {} valid + {} invalid + {} malformed",
            v.file, s.rows, s.valid_rows, s.invalid_rows, s.malformed_rows
        ),
        Lang::Ja => writeln!(
            out,
            "  {}: {} 行 = 問題なし {} + 問題あり {} + 読めない行 {}",
            v.file, s.rows, s.valid_rows, s.invalid_rows, s.malformed_rows
        ),
    };
    let f = &s.findings;
    let _ = match lang {
        Lang::En => writeln!(out, "  invalid {}, duplicate {}, malformed {}", f.invalid, f.duplicate, f.malformed),
        Lang::Ja => {
            writeln!(out, "  不正な値 {} 件、重複 {} 件、読めない行 {} 件", f.invalid, f.duplicate, f.malformed)
        }
    };
    if !s.rules.is_empty() {
        let rules: Vec<String> = s.rules.iter().map(|(r, n)| format!("{r} {n}")).collect();
        let _ = writeln!(out, "  {}: {}", if ja { "規則ごと" } else { "by rule" }, rules.join(", "));
        let cols: Vec<String> = s
            .columns
            .iter()
            .map(|(c, rules)| {
                let r: Vec<String> = rules.iter().map(|(r, n)| format!("{r} {n}")).collect();
                format!("{c} ({})", r.join(", "))
            })
            .collect();
        let _ = writeln!(out, "  {}: {}", if ja { "列ごと" } else { "by column" }, cols.join(", "));
    }
    if !s.unknown_columns.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {}",
            if ja {
                "スキーマにない列（検証していません）"
            } else {
                "not in the schema (not checked)"
            },
            s.unknown_columns.join(", ")
        );
    }
    if v.findings.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            if ja { "規則に反する値はありませんでした。" } else { "Every value follows the rules." }
        );
        return out;
    }
    let _ = writeln!(out, "{}", if ja { "検証の検出事項" } else { "Validation findings" });
    for f in &v.findings {
        let _ = writeln!(out, "  {}", describe_issue(f, lang));
    }
    if v.truncated {
        let _ = writeln!(
            out,
            "{}",
            if ja {
                format!("（最初の {} 件のみ表示）", v.findings.len())
            } else {
                format!("(only the first {} findings are listed)", v.findings.len())
            }
        );
    }
    out
}

/// One validation finding in a sentence.
pub fn describe_issue(f: &Issue, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let pick = |m: &crate::validate::Message| if ja { m.ja.clone() } else { m.en.clone() };
    match f {
        Issue::Invalid { row, line, column, rule, message, .. } => {
            if ja {
                format!("不正な値   {row} 行目（{line} 行）「{column}」列: {} [{rule}]", pick(message))
            } else {
                format!("invalid    row {row} (line {line}), column \"{column}\": {} [{rule}]", pick(message))
            }
        }
        Issue::Duplicate { rule, columns, message, .. } => {
            if ja {
                format!("重複       {}: {} [{rule}]", columns.join(" + "), pick(message))
            } else {
                format!("duplicate  {}: {} [{rule}]", columns.join(" + "), pick(message))
            }
        }
        Issue::Malformed { row, line, message, .. } => {
            if ja {
                format!("読めない行 {row} 行目（{line} 行）: {message}")
            } else {
                format!("malformed  row {row} (line {line}): {message}")
            }
        }
    }
}

/// Validation findings as CSV for Excel (UTF-8 with BOM, formula-safe).
pub fn validation_csv(v: &Validation) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut w = csv::WriterBuilder::new().from_writer(&mut out);
    let _ = w.write_record(["kind", "file", "row", "line", "column", "value", "rule", "message_ja", "message_en"]);
    for f in &v.findings {
        let row: [String; 9] = match f {
            Issue::Invalid { row, line, column, value, rule, message, .. } => [
                "invalid".into(),
                v.file.clone(),
                row.to_string(),
                line.to_string(),
                column.clone(),
                value.clone(),
                rule.clone(),
                message.ja.clone(),
                message.en.clone(),
            ],
            Issue::Duplicate { rule, columns, key, rows, message, .. } => [
                "duplicate".into(),
                v.file.clone(),
                rows.iter().map(u64::to_string).collect::<Vec<_>>().join(" "),
                String::new(),
                columns.join(" + "),
                key.join(" / "),
                rule.clone(),
                message.ja.clone(),
                message.en.clone(),
            ],
            Issue::Malformed { row, line, message, .. } => [
                "malformed".into(),
                v.file.clone(),
                row.to_string(),
                line.to_string(),
                String::new(),
                String::new(),
                String::new(),
                message.clone(),
                message.clone(),
            ],
        };
        let _ = w.write_record(row.iter().map(|c| neutralize(c).into_owned()));
    }
    let _ = w.flush();
    drop(w);
    out
}

/// One finding in a sentence.
pub fn describe(report: &Report, f: &Finding, lang: Lang) -> String {
    let (src, lst) = (&report.inputs.source.name, &report.inputs.list.name);
    let key = |k: &[String]| k.join(" / ");
    match (f, lang) {
        (Finding::Missing { key: k, source_row }, Lang::En) => {
            format!("{}  in {src} row {source_row}, not in {lst}", key(k))
        }
        (Finding::Missing { key: k, source_row }, Lang::Ja) => {
            format!("{}  {src} の {source_row} 行目にあり、{lst} にありません", key(k))
        }
        (Finding::Unexpected { key: k, list_row }, Lang::En) => {
            format!("{}  in {lst} row {list_row}, not in {src}", key(k))
        }
        (Finding::Unexpected { key: k, list_row }, Lang::Ja) => {
            format!("{}  {lst} の {list_row} 行目にあり、{src} にありません", key(k))
        }
        (Finding::Duplicate { file, key: k, rows, other_rows }, _) => {
            let rows: Vec<String> = rows.iter().map(u64::to_string).collect();
            let other: Vec<String> = other_rows.iter().map(u64::to_string).collect();
            let other_file = side_name(report, if *file == Side::Source { Side::List } else { Side::Source });
            match lang {
                Lang::En => {
                    let mut s = format!("{}  {} rows {}", key(k), side_name(report, *file), rows.join(", "));
                    if !other.is_empty() {
                        let _ = write!(s, " ({other_file} row {})", other.join(", "));
                    }
                    s
                }
                Lang::Ja => {
                    let mut s = format!("{}  {} の {} 行目", key(k), side_name(report, *file), rows.join(", "));
                    if !other.is_empty() {
                        let _ = write!(s, "（{other_file} では {} 行目）", other.join(", "));
                    }
                    s
                }
            }
        }
        (Finding::Mismatch { key: k, column, source_value, list_value, source_row, list_row, .. }, Lang::En) => {
            format!(
                "{}  {column}: \"{source_value}\" ({src} row {source_row}) ≠ \"{list_value}\" ({lst} row {list_row})",
                key(k)
            )
        }
        (Finding::Mismatch { key: k, column, source_value, list_value, source_row, list_row, .. }, Lang::Ja) => {
            format!(
                "{}  {column}: {src} {source_row} 行目「{source_value}」≠ {lst} {list_row} 行目「{list_value}」",
                key(k)
            )
        }
        (Finding::Crosswired { key: k, column, list_value, belongs_to, list_row, belongs_to_row, .. }, Lang::En) => {
            format!(
            "{}  {column} \"{list_value}\" in {lst} row {list_row} belongs to customer {} ({src} row {belongs_to_row})",
            key(k),
            key(belongs_to)
        )
        }
        (Finding::Crosswired { key: k, column, list_value, belongs_to, list_row, belongs_to_row, .. }, Lang::Ja) => {
            format!(
            "{}  {lst} {list_row} 行目の {column}「{list_value}」は 顧客 {} のものです（{src} {belongs_to_row} 行目）",
            key(k),
            key(belongs_to)
        )
        }
        (Finding::Shifted { column, offset, list_rows, .. }, Lang::En) => {
            let dir = if *offset > 0 { "above" } else { "below" };
            format!(
                "{column}: {lst} rows {}–{} hold the value of the row {} {dir} (shifted by {offset})",
                list_rows[0],
                list_rows[1],
                offset.abs()
            )
        }
        (Finding::Shifted { column, offset, list_rows, .. }, Lang::Ja) => {
            let dir = if *offset > 0 { "下" } else { "上" };
            format!(
                "{column} 列が {lst} の {}〜{} 行目で {} 行{dir}にずれています",
                list_rows[0],
                list_rows[1],
                offset.abs()
            )
        }
        (Finding::Malformed { file, row, line, message, .. }, Lang::En) => {
            format!("{} row {row} (line {line}): {message}", side_name(report, *file))
        }
        (Finding::Malformed { file, row, line, message, .. }, Lang::Ja) => {
            format!("{} の {row} 行目（{line} 行）: {message}", side_name(report, *file))
        }
    }
}

/// A cell Excel would run as a formula gets a leading apostrophe (OWASP's advice for CSV
/// injection); everything else is written as is.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

pub const CSV_COLUMNS: [&str; 14] = [
    "kind",
    "file",
    "key",
    "column",
    "list_column",
    "source_row",
    "list_row",
    "source_value",
    "list_value",
    "belongs_to",
    "belongs_to_row",
    "offset",
    "rows",
    "message",
];

/// Findings as CSV for Excel: UTF-8 with a BOM (so Excel reads it as UTF-8), one row per finding.
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut w = csv::WriterBuilder::new().from_writer(&mut out);
    let _ = w.write_record(CSV_COLUMNS);
    for f in &report.findings {
        let _ = w.write_record(csv_row(report, f).iter().map(|c| neutralize(c).into_owned()));
    }
    // The list's validation findings, when the options carried a schema, in the same columns.
    for f in report.validation.iter().flat_map(|v| &v.findings) {
        let mut r: [String; 14] = Default::default();
        r[1] = report.inputs.list.name.clone();
        match f {
            Issue::Invalid { row, column, value, rule, message, .. } => {
                r[0] = "invalid".into();
                (r[3], r[6], r[8], r[13]) =
                    (column.clone(), row.to_string(), value.clone(), format!("{rule}: {}", message.en));
            }
            Issue::Duplicate { rule, columns, key, rows, message, .. } => {
                r[0] = "duplicate".into();
                r[2] = key.join(" / ");
                r[3] = columns.join(" + ");
                r[6] = rows.iter().map(u64::to_string).collect::<Vec<_>>().join(" ");
                r[13] = format!("{rule}: {}", message.en);
            }
            Issue::Malformed { .. } => continue, // already among the reconcile findings
        }
        let _ = w.write_record(r.iter().map(|c| neutralize(c).into_owned()));
    }
    let _ = w.flush();
    drop(w);
    out
}

fn csv_row(report: &Report, f: &Finding) -> [String; 14] {
    let mut r: [String; 14] = Default::default();
    r[0] = f.kind().to_string();
    let key = |k: &[String]| k.join(" / ");
    match f {
        Finding::Missing { key: k, source_row } => {
            r[1] = report.inputs.source.name.clone();
            r[2] = key(k);
            r[5] = source_row.to_string();
        }
        Finding::Unexpected { key: k, list_row } => {
            r[1] = report.inputs.list.name.clone();
            r[2] = key(k);
            r[6] = list_row.to_string();
        }
        Finding::Duplicate { file, key: k, rows, other_rows } => {
            r[1] = side_name(report, *file).to_string();
            r[2] = key(k);
            let join = |v: &[u64]| v.iter().map(u64::to_string).collect::<Vec<_>>().join(" ");
            let (own, other) = if *file == Side::Source { (5, 6) } else { (6, 5) };
            r[own] = join(rows);
            r[other] = join(other_rows);
            r[12] = rows.len().to_string();
        }
        Finding::Mismatch { key: k, column, list_column, source_value, list_value, source_row, list_row } => {
            r[2] = key(k);
            r[3] = column.clone();
            r[4] = list_column.clone();
            r[5] = source_row.to_string();
            r[6] = list_row.to_string();
            r[7] = source_value.clone();
            r[8] = list_value.clone();
        }
        Finding::Crosswired {
            key: k,
            column,
            list_column,
            source_value,
            list_value,
            belongs_to,
            source_row,
            list_row,
            belongs_to_row,
        } => {
            r[2] = key(k);
            r[3] = column.clone();
            r[4] = list_column.clone();
            r[5] = source_row.to_string();
            r[6] = list_row.to_string();
            r[7] = source_value.clone();
            r[8] = list_value.clone();
            r[9] = key(belongs_to);
            r[10] = belongs_to_row.to_string();
        }
        Finding::Shifted { column, list_column, offset, list_rows, rows } => {
            r[1] = report.inputs.list.name.clone();
            r[3] = column.clone();
            r[4] = list_column.clone();
            r[6] = format!("{}-{}", list_rows[0], list_rows[1]);
            r[11] = offset.to_string();
            r[12] = rows.to_string();
        }
        Finding::Malformed { file, row, line, message, .. } => {
            r[1] = side_name(report, *file).to_string();
            let i = if *file == Side::Source { 5 } else { 6 };
            r[i] = row.to_string();
            r[13] = format!("line {line}: {message}");
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized() {
        for bad in ["=1+1", "+81", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralize(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralize("山田"), "山田");
        assert_eq!(neutralize("a=b"), "a=b");
    }

    #[test]
    fn locale_picks_the_language() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
