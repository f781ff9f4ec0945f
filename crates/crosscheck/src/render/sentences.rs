//! Each finding in a sentence, in Japanese and English: the one place they are worded.

use super::Lang;
use crate::plan::role_of;
use crate::report::{
    Candidate, ColumnKind, Doubled, Finding, FindingKind, InputInfo, Issue, Lost, Message, Misdirected, Report, Side,
    SkippedReason, Slip,
};

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
        ("total_mismatch", Lang::En) => "total mismatch",
        ("error_cell", Lang::En) => "error cell",
        ("near_miss", Lang::En) => "near miss",
        ("ambiguous", Lang::En) => "ambiguous",
        ("missing", Lang::Ja) => "欠落",
        ("unexpected", Lang::Ja) => "余分",
        ("duplicate", Lang::Ja) => "重複",
        ("mismatch", Lang::Ja) => "不一致",
        ("crosswired", Lang::Ja) => "取り違え",
        ("shifted", Lang::Ja) => "ずれ",
        ("malformed", Lang::Ja) => "読めない行",
        ("total_mismatch", Lang::Ja) => "合計の不一致",
        ("error_cell", Lang::Ja) => "エラー値",
        ("near_miss", Lang::Ja) => "キーの打ち間違い",
        ("ambiguous", Lang::Ja) => "判別できない行",
        _ => "?",
    }
}

pub(super) fn side_name(report: &Report, side: Side) -> &str {
    match side {
        Side::Source => &report.inputs.source.name,
        Side::List => &report.inputs.list.name,
    }
}

/// What a cross-wired value is, for its sentence ("this e-mail belongs to …"): the role its
/// header names, else the kind of its values.
fn noun(report: &Report, column: &str, list_column: &str, lang: Lang) -> String {
    use crate::plan::Role;
    let role = role_of(list_column).or_else(|| role_of(column));
    let kind = report.mapping.columns.iter().find(|c| c.source == column).map(|c| c.kind);
    let word = match (role, kind) {
        (Some(Role::Email), _) | (None, Some(ColumnKind::Email)) => Some(("e-mail", "メールアドレス")),
        (Some(Role::Phone), _) | (None, Some(ColumnKind::Phone)) => Some(("phone number", "電話番号")),
        (Some(Role::Name), _) => Some(("name", "氏名")),
        (Some(Role::Kana), _) | (None, Some(ColumnKind::Kana)) => Some(("name reading", "フリガナ")),
        (Some(Role::Postal), _) | (None, Some(ColumnKind::Postal)) => Some(("postal code", "郵便番号")),
        (Some(Role::Address), _) => Some(("address", "住所")),
        _ => None,
    };
    let shown = if list_column.is_empty() { column } else { list_column };
    match (word, lang) {
        (Some((en, _)), Lang::En) => en.to_string(),
        (Some((_, ja)), Lang::Ja) => ja.to_string(),
        (None, Lang::En) => format!("value of {shown}"),
        (None, Lang::Ja) => format!("{shown} の値"),
    }
}

/// A count or row number as the page shows it (1,234), in either language.
pub(super) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// ", D105" after a row number, when the cell is known.
fn at(cell: &str, ja: bool) -> String {
    match (cell.is_empty(), ja) {
        (true, _) => String::new(),
        (false, true) => format!("、{cell}"),
        (false, false) => format!(", {cell}"),
    }
}

/// Rows as a sentence lists them: the first eight, then "…".
fn row_list(rows: &[u64]) -> String {
    let shown: Vec<String> = rows.iter().take(8).map(|&r| grouped(r)).collect();
    let shown = shown.join(", ");
    if rows.len() > 8 {
        format!("{shown}, …")
    } else {
        shown
    }
}

/// A finding in one sentence, its values left out (the page shows them apart, with what
/// differs highlighted; `describe` adds them for text output). The one wording of a finding:
/// the page's list, detail panel and receipt and the CLI's text all use it.
pub fn sentence(report: &Report, f: &Finding, lang: Lang) -> String {
    let (source, list) = (&report.inputs.source.name, &report.inputs.list.name);
    let ja = lang == Lang::Ja;
    let key = |k: &[String]| k.join(" / ");
    match f {
        Finding::Missing { source_row, source_cell, .. } => {
            let (row, cell) = (grouped(*source_row), at(source_cell, ja));
            if ja {
                format!("{list} にありません（{source} の {row} 行目{cell}）")
            } else {
                format!("not in {list} ({source} row {row}{cell})")
            }
        }
        Finding::Unexpected { list_row, list_cell, .. } => {
            let (row, cell) = (grouped(*list_row), at(list_cell, ja));
            if ja {
                format!("{source} にありません（{list} の {row} 行目{cell}）")
            } else {
                format!("not in {source} ({list} row {row}{cell})")
            }
        }
        Finding::Duplicate { file, rows, other_rows, .. } => {
            let (own, other) = match file {
                Side::Source => (source, list),
                Side::List => (list, source),
            };
            let (n, rows) = (grouped(rows.len() as u64), row_list(rows));
            let others = row_list(other_rows);
            match (ja, other_rows.is_empty()) {
                (true, false) => format!("{own} に {n} 回あります（{rows} 行目）。{other} では {others} 行目"),
                (true, true) => format!("{own} に {n} 回あります（{rows} 行目）。{other} にはありません"),
                (false, false) => format!("{n} times in {own} (rows {rows}); {other} row {others}"),
                (false, true) => format!("{n} times in {own} (rows {rows}); not in {other}"),
            }
        }
        Finding::Mismatch { column, .. } => {
            if ja {
                format!("{column} の値が違います")
            } else {
                format!("the {column} values differ")
            }
        }
        Finding::Crosswired { column, list_column, belongs_to, .. } => {
            let (noun, owner) = (noun(report, column, list_column, lang), key(belongs_to));
            if ja {
                format!("この行の{noun}は 顧客 {owner} のものです")
            } else {
                format!("this {noun} belongs to customer {owner}")
            }
        }
        Finding::Shifted {
            column, list_column, offset, list_rows, list_cells, with, lost, doubled, example, ..
        } => {
            let shown = if list_column.is_empty() { column } else { list_column };
            let (n, from, to) = (grouped(offset.unsigned_abs()), grouped(list_rows[0]), grouped(list_rows[1]));
            let cells = match (list_cells.is_empty(), ja) {
                (true, _) => String::new(),
                (false, true) => format!("（{list_cells}）"),
                (false, false) => format!(" ({list_cells})"),
            };
            let base = match (ja, *offset > 0) {
                (true, down) => {
                    let dir = if down { "上" } else { "下" };
                    format!(
                        "{shown}列が {from}〜{to} 行目{cells}で {n} 行ずれています（各行に {n} 行{dir}の値が入っています）"
                    )
                }
                (false, down) => {
                    let rows = if offset.unsigned_abs() == 1 { "row" } else { "rows" };
                    let dir = if down { "above" } else { "below" };
                    format!(
                        "the {shown} column is shifted by {n} {rows} in rows {from}–{to}{cells} (each row holds the value of the row {n} {dir})"
                    )
                }
            };
            let noun = noun(report, column, list_column, lang);
            let mut parts = vec![base];
            parts.extend(example.as_ref().map(|e| misdirected(e, &noun, ja)));
            parts.extend(lost.iter().map(|l| lost_value(l, &noun, ja)));
            parts.extend(doubled.iter().map(|d| doubled_value(d, &noun, ja)));
            if !with.is_empty() {
                let cols = with.join(if ja { "、" } else { ", " });
                parts.push(if ja {
                    format!("{cols} 列も同じ行で同じだけずれています")
                } else {
                    format!("{cols} moved with it, over the same rows")
                });
            }
            parts.join(if ja { "。" } else { "; " })
        }
        Finding::NearMiss { column, list_column, key: k, list_key, slip, agree, source_row, list_row, .. } => {
            let shown = if list_column.is_empty() { column } else { list_column };
            let (sr, lr, agree) = (grouped(*source_row), grouped(*list_row), agree.join(if ja { "、" } else { ", " }));
            let (k, lk) = (key(k), key(list_key));
            if ja {
                format!("同じ顧客のようです: {shown} が {k} ではなく {lk} と入力されています（{}）。{agree} は一致しています（{source} の {sr} 行目、{list} の {lr} 行目）", slip_words(*slip, ja))
            } else {
                format!("probably one customer: {shown} was typed {lk} for {k} ({}); {agree} agree ({source} row {sr}, {list} row {lr})", slip_words(*slip, ja))
            }
        }
        Finding::Ambiguous { list_row, candidates, .. } => {
            let row = grouped(*list_row);
            let each: Vec<String> = candidates.iter().map(|c| candidate(c, ja)).collect();
            if ja {
                format!("{list} の {row} 行目は {} のどれとも取れるため、対応づけていません", each.join("、"))
            } else {
                format!("{list} row {row} could be {}: it is not paired", each.join(" or "))
            }
        }
        Finding::Malformed { file, row, line, message, column, cell } => {
            let file = side_name(report, *file);
            let (row, line, cell) = (grouped(*row), grouped(*line), at(cell, ja));
            match (column, ja) {
                (Some(c), true) => format!("{file} の {row} 行目{cell}: キー「{c}」が空です"),
                (Some(c), false) => format!("{file} row {row}{cell}: the key {c} is empty"),
                (None, true) => format!("{file} の {line} 行{cell}: {message}"),
                (None, false) => format!("{file} line {line}{cell}: {message}"),
            }
        }
        Finding::TotalMismatch { file, line, label, column, stated, sum, rows, cell } => {
            let file = side_name(report, *file);
            let (line, rows, cell) = (grouped(*line), grouped(*rows as u64), at(cell, ja));
            if ja {
                format!("{file} の「{label}」行（{line} 行{cell}）の{column}は {stated} ですが、{rows} 行を足すと {sum} です")
            } else {
                format!("the {label} row of {file} (line {line}{cell}) says {stated} in {column}; its {rows} rows add up to {sum}")
            }
        }
        Finding::ErrorCell { file, row, column, value, cell, .. } => {
            let file = side_name(report, *file);
            let (row, cell) = (grouped(*row), at(cell, ja));
            if ja {
                format!("{file} の {row} 行目{cell}の{column}は Excel のエラー値 {value} です（数式が値を出せませんでした）。この文字のまま比べています")
            } else {
                format!("{file} row {row}{cell}: {column} holds Excel's error value {value} (a formula that failed); it is compared as that text")
            }
        }
    }
}

fn misdirected(e: &Misdirected, noun: &str, ja: bool) -> String {
    let (row, owner_row, who, owner) =
        (grouped(e.list_row), grouped(e.belongs_to_list_row), e.key.join(" / "), e.belongs_to.join(" / "));
    let mail = noun == "e-mail" || noun == "メールアドレス";
    match (ja, mail) {
        (true, true) => format!("たとえば {row} 行目（{who}）には {owner}（{owner_row} 行目）の{noun}が入っており、{who} 宛のメールは {owner} に届きます"),
        (true, false) => format!("たとえば {row} 行目（{who}）には {owner}（{owner_row} 行目）の{noun}が入っています"),
        (false, true) => format!("row {row} ({who}) holds the {noun} of {owner} (row {owner_row}), so mail for {who} goes to {owner}"),
        (false, false) => format!("row {row} ({who}) holds the {noun} of {owner} (row {owner_row})"),
    }
}

fn lost_value(l: &Lost, noun: &str, ja: bool) -> String {
    let (who, row) = (l.key.join(" / "), grouped(l.list_row));
    if ja {
        format!("{who}（{row} 行目）の{noun}「{}」はどの行にもありません", l.value)
    } else {
        format!("the {noun} of {who} (row {row}), \"{}\", is in no row", l.value)
    }
}

fn doubled_value(d: &Doubled, noun: &str, ja: bool) -> String {
    let (who, a, b) = (d.key.join(" / "), grouped(d.list_rows[0]), grouped(d.list_rows[1]));
    if ja {
        format!("{who} の{noun}「{}」が {a} 行目と {b} 行目の 2 行にあります", d.value)
    } else {
        format!("the {noun} of {who}, \"{}\", is on two rows: {a} and {b}", d.value)
    }
}

fn candidate(c: &Candidate, ja: bool) -> String {
    let (who, row, cols) = (c.key.join(" / "), grouped(c.source_row), c.columns.join(if ja { "、" } else { ", " }));
    if ja {
        format!("{who}（元データ {row} 行目。{cols} が一致）")
    } else {
        format!("{who} (source row {row}, by {cols})")
    }
}

fn slip_words(slip: Slip, ja: bool) -> &'static str {
    match (slip, ja) {
        (Slip::LookAlike, false) => "a letter for the digit it looks like, as O for 0",
        (Slip::Dropped, false) => "a character left out",
        (Slip::Added, false) => "a character too many",
        (Slip::Swapped, false) => "two characters swapped",
        (Slip::LookAlike, true) => "数字に似た文字。0 と O など",
        (Slip::Dropped, true) => "1 文字抜け",
        (Slip::Added, true) => "1 文字多い",
        (Slip::Swapped, true) => "隣り合う 2 文字の入れ替わり",
    }
}

/// A finding as a line of text output: its key, its sentence, and the values it is about.
pub fn describe(report: &Report, f: &Finding, lang: Lang) -> String {
    let key = |k: &[String]| k.join(" / ");
    let said = sentence(report, f, lang);
    match f {
        Finding::Missing { key: k, .. } | Finding::Unexpected { key: k, .. } | Finding::Duplicate { key: k, .. } => {
            format!("{}  {said}", key(k))
        }
        Finding::Mismatch {
            key: k, source_value, list_value, source_row, list_row, source_cell, list_cell, ..
        } => {
            let (source, list) = (&report.inputs.source.name, &report.inputs.list.name);
            let ja = lang == Lang::Ja;
            let (sc, lc) = (at(source_cell, ja), at(list_cell, ja));
            match lang {
                Lang::En => format!(
                    "{}  {said}: \"{source_value}\" ({source} row {source_row}{sc}) ≠ \"{list_value}\" ({list} row {list_row}{lc})",
                    key(k)
                ),
                Lang::Ja => format!(
                    "{}  {said}: {source} {source_row} 行目{sc}「{source_value}」≠ {list} {list_row} 行目{lc}「{list_value}」",
                    key(k)
                ),
            }
        }
        Finding::Crosswired { key: k, list_value, belongs_to_row, list_row, list_cell, .. } => {
            let (source, list) = (&report.inputs.source.name, &report.inputs.list.name);
            let lc = at(list_cell, lang == Lang::Ja);
            match lang {
                Lang::En => format!(
                    "{}  {said}: \"{list_value}\" ({list} row {list_row}{lc}; {source} row {belongs_to_row})",
                    key(k)
                ),
                Lang::Ja => format!(
                    "{}  {said}:「{list_value}」（{list} の {list_row} 行目{lc}。{source} の {belongs_to_row} 行目）",
                    key(k)
                ),
            }
        }
        Finding::NearMiss { key: k, .. } | Finding::Ambiguous { key: k, .. } => format!("{}  {said}", key(k)),
        Finding::Shifted { .. }
        | Finding::Malformed { .. }
        | Finding::TotalMismatch { .. }
        | Finding::ErrorCell { .. } => said,
    }
}

/// Where a file's table stands, when it does not start on the first line or has lines that
/// are not rows: "header on row 4; skipped: row 1 (above the header: 顧客一覧), row 52 (totals:
/// 合計)". None for a plain file.
pub fn layout_sentence(input: &InputInfo, lang: Lang) -> Option<String> {
    if input.skipped.is_empty() && input.header_row <= 1 {
        return None;
    }
    let ja = lang == Lang::Ja;
    let why = |r: SkippedReason| match (r, ja) {
        (SkippedReason::AboveHeader, false) => "above the header",
        (SkippedReason::Totals, false) => "totals",
        (SkippedReason::Notes, false) => "notes",
        (SkippedReason::AboveHeader, true) => "見出しより上",
        (SkippedReason::Totals, true) => "合計行",
        (SkippedReason::Notes, true) => "注記",
    };
    let lines: Vec<String> = input
        .skipped
        .iter()
        .take(8)
        .map(|s| {
            if ja {
                format!("{} 行目（{}: {}）", grouped(s.line), why(s.reason), s.text)
            } else {
                format!("row {} ({}: {})", grouped(s.line), why(s.reason), s.text)
            }
        })
        .collect();
    let more = if input.skipped.len() > 8 { ", …" } else { "" };
    let header = grouped(input.header_row);
    Some(match (ja, lines.is_empty()) {
        (true, true) => format!("{}: 見出しは {header} 行目", input.name),
        (true, false) => format!(
            "{}: 見出しは {header} 行目。除外した行 {} 件: {}{more}",
            input.name,
            input.skipped.len(),
            lines.join("、")
        ),
        (false, true) => format!("{}: header on row {header}", input.name),
        (false, false) => {
            format!(
                "{}: header on row {header}; {} lines skipped: {}{more}",
                input.name,
                input.skipped.len(),
                lines.join(", ")
            )
        }
    })
}

/// One validation finding in a sentence.
pub fn describe_issue(f: &Issue, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let pick = |m: &Message| if ja { m.ja.clone() } else { m.en.clone() };
    match f {
        Issue::Invalid { row, line, column, rule, message, cell, .. } => {
            let cell = at(cell, ja);
            if ja {
                format!("不正な値   {row} 行目（{line} 行{cell}）「{column}」列: {} [{rule}]", pick(message))
            } else {
                format!("invalid    row {row} (line {line}{cell}), column \"{column}\": {} [{rule}]", pick(message))
            }
        }
        Issue::Duplicate { rule, columns, message, .. } => {
            if ja {
                format!("重複       {}: {} [{rule}]", columns.join(" + "), pick(message))
            } else {
                format!("duplicate  {}: {} [{rule}]", columns.join(" + "), pick(message))
            }
        }
        Issue::Malformed { row, line, message, cell, .. } => {
            let cell = at(cell, ja);
            if ja {
                format!("読めない行 {row} 行目（{line} 行{cell}）: {message}")
            } else {
                format!("malformed  row {row} (line {line}{cell}): {message}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_as_the_page_shows_them() {
        let cases = [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (12345, "12,345"), (1234567, "1,234,567")];
        for (n, text) in cases {
            assert_eq!(grouped(n), text);
        }
        assert_eq!(row_list(&[1, 2, 3]), "1, 2, 3");
        assert_eq!(row_list(&(1..=10).collect::<Vec<_>>()), "1, 2, 3, 4, 5, 6, 7, 8, …");
    }
}
