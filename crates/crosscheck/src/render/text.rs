//! A report as text for people: the summary first, then one line per finding.

use super::damage::damage_sentence;
use super::pairing::{candidate_sentence, pairing_sentence};
use super::sentences::{describe, describe_issue, grouped, kind_label, layout_sentence};
use super::Lang;
use crate::report::{Buckets, FindingKind, Report, Validation, ValidationReport};
use std::fmt::Write;

/// Keys weighed that the text names; the JSON report has them all.
const CANDIDATES_LISTED: usize = 10;

fn buckets_line(name: &str, b: &Buckets, lang: Lang) -> String {
    let skipped = match (b.skipped, lang) {
        (0, _) => String::new(),
        (n, Lang::En) => format!(" + {n} skipped"),
        (n, Lang::Ja) => format!(" + 除外 {n}"),
    };
    let line = match lang {
        Lang::En => format!(
            "{name}: {} rows = {} paired + {} unpaired + {} duplicate + {} malformed",
            b.rows, b.paired, b.unpaired, b.duplicate, b.malformed
        ),
        Lang::Ja => format!(
            "{name}: {} 行 = 照合 {} + 相手なし {} + 重複 {} + 読めない行 {}",
            b.rows, b.paired, b.unpaired, b.duplicate, b.malformed
        ),
    };
    line + &skipped
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
    for input in [src, lst] {
        if let Some(said) = layout_sentence(input, lang) {
            let _ = writeln!(out, "  {said}");
        }
        for d in &input.damage {
            let _ = writeln!(out, "  {}: {}", input.name, damage_sentence(d, lang));
        }
    }
    let per_kind: Vec<String> = FindingKind::ALL
        .into_iter()
        .map(|k| {
            let n = s.findings.get(k);
            match lang {
                Lang::En => format!("{} {n}", kind_label(k, lang)),
                Lang::Ja => format!("{} {n} 件", kind_label(k, lang)),
            }
        })
        .collect();
    let _ = writeln!(out, "  {}", per_kind.join(if lang == Lang::Ja { "、" } else { ", " }));
    let key: Vec<String> = report.mapping.key.iter().map(|k| format!("{} = {}", k.source, k.list)).collect();
    let _ = writeln!(out, "  {}: {}", if lang == Lang::Ja { "キー" } else { "key" }, key.join(" + "));
    let _ = writeln!(out, "  {}", pairing_sentence(&report.mapping, lang));
    if report.mapping.key_candidates.len() > 1 {
        let _ = writeln!(out, "  {}", if lang == Lang::Ja { "キーの候補:" } else { "keys weighed:" });
        // The chosen key and the first others (all of them are in the JSON report): a file of
        // 20,000 unique columns weighs 20,000 keys.
        let cands = &report.mapping.key_candidates;
        for c in cands.iter().enumerate().filter(|(i, c)| c.chosen || *i < CANDIDATES_LISTED).map(|(_, c)| c) {
            let _ = writeln!(out, "    {}", candidate_sentence(c, lang));
        }
        let listed = cands.iter().enumerate().filter(|(i, c)| c.chosen || *i < CANDIDATES_LISTED).count();
        if cands.len() > listed {
            let more = grouped((cands.len() - listed) as u64);
            let _ = match lang {
                Lang::En => writeln!(out, "    … and {more} more (in the JSON report)"),
                Lang::Ja => writeln!(out, "    …ほか {more} 件（JSON のレポートにすべてあります）"),
            };
        }
    }
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
pub fn validation_text(r: &ValidationReport, schema_name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let _ = match lang {
        Lang::En => writeln!(out, "crosscheck {} — {} checked against {schema_name}", r.tool.version, r.input.name),
        Lang::Ja => writeln!(out, "crosscheck {} — {} を {schema_name} で検証", r.tool.version, r.input.name),
    };
    let _ = match lang {
        Lang::En => writeln!(out, "  read as {}, delimiter \"{}\"", r.input.encoding, r.input.delimiter),
        Lang::Ja => writeln!(out, "  文字コード {}、区切り文字「{}」", r.input.encoding, r.input.delimiter),
    };
    if let Some(said) = layout_sentence(&r.input, lang) {
        let _ = writeln!(out, "  {said}");
    }
    for d in &r.input.damage {
        let _ = writeln!(out, "  {}", damage_sentence(d, lang));
    }
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
