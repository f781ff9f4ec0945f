//! Each finding in a sentence, in Japanese and English: the one place they are worded.

use super::Lang;
use crate::report::{Finding, FindingKind, Issue, Message, Report, Side};
use std::fmt::Write;

/// A finding kind's name for people, in the report's language.
pub fn kind_label(kind: FindingKind, lang: Lang) -> &'static str {
    match (kind.name(), lang) {
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

pub(super) fn side_name(report: &Report, side: Side) -> &str {
    match side {
        Side::Source => &report.inputs.source.name,
        Side::List => &report.inputs.list.name,
    }
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

/// One validation finding in a sentence.
pub fn describe_issue(f: &Issue, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let pick = |m: &Message| if ja { m.ja.clone() } else { m.en.clone() };
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
