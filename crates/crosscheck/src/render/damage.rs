//! What Excel did to a column, in one sentence, in Japanese and English: "Excel dropped the
//! leading zeros of 3 values in 会員番号 (D5, D9, D12): 12345 was probably 00012345."

use super::sentences::grouped;
use super::Lang;
use crate::report::{Damage, DamageKind};

/// A damage note in one sentence: what Excel did, how often, where, and the first example as
/// it most probably was.
pub fn damage_sentence(d: &Damage, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let (column, n) = (&d.column, grouped(d.count as u64));
    let mut cells: Vec<&str> = d.examples.iter().map(|e| e.cell.as_str()).collect();
    if d.count > d.examples.len() {
        cells.push("…");
    }
    let cells = cells.join(if ja { "、" } else { ", " });
    let first = d.examples.first();
    let value = first.map_or("", |e| e.value.as_str());
    let restored = first.and_then(|e| e.restored.as_deref()).unwrap_or("");
    let one = d.count == 1;
    match (d.kind, ja) {
        (DamageKind::LostLeadingZeros, false) => {
            let values = if one { "value" } else { "values" };
            format!("Excel dropped the leading zeros of {n} {values} in {column} ({cells}): {value} was probably {restored}.")
        }
        (DamageKind::LostLeadingZeros, true) => {
            format!("{column} の {n} 件は Excel が先頭の 0 を落としています（{cells}）。{value} は {restored} だったはずです。")
        }
        (DamageKind::PhoneAsNumber, false) => {
            let numbers = if one { "phone number" } else { "phone numbers" };
            let their = if one { "its" } else { "their" };
            format!(
                "Excel read {n} {numbers} in {column} as numbers and dropped {their} leading 0 ({cells}): {value} was probably {restored}."
            )
        }
        (DamageKind::PhoneAsNumber, true) => format!(
            "{column} の {n} 件は Excel が電話番号を数値として読み、先頭の 0 を落としています（{cells}）。{value} は {restored} だったはずです。"
        ),
        (DamageKind::ScientificNotation, false) => {
            let values = if one { "value" } else { "values" };
            let lost = match digits(value) {
                Some((of, kept)) => format!(
                    "{value} stands for a {of}-digit number of which only the first {kept} digits are left; take {} from the original file.",
                    if one { "it" } else { "them" }
                ),
                None => "their last digits are lost; take them from the original file.".to_string(),
            };
            format!("Excel wrote {n} {values} in {column} in scientific notation ({cells}): {lost}")
        }
        (DamageKind::ScientificNotation, true) => {
            let lost = match digits(value) {
                Some((of, kept)) => format!("{value} は {of} 桁の数で、残っているのは先頭の {kept} 桁だけです。"),
                None => "末尾の桁は失われています。".to_string(),
            };
            format!("{column} の {n} 件は Excel が指数表記にしています（{cells}）。{lost}元のファイルから取り直してください。")
        }
        (DamageKind::DateAsSerial, false) => {
            let dates = if one { "date" } else { "dates" };
            format!("Excel saved {n} {dates} in {column} as serial numbers ({cells}): {value} is {restored}.")
        }
        (DamageKind::DateAsSerial, true) => {
            format!("{column} の {n} 件は Excel が日付をシリアル値にしています（{cells}）。{value} は {restored} です。")
        }
    }
}

/// How many digits the number written as `4.90123E+12` has (13), and how many of them are left
/// (6).
fn digits(value: &str) -> Option<(u64, usize)> {
    let (mantissa, exponent) = value.split_once(['E', 'e'])?;
    let places: u64 = exponent.trim_start_matches('+').parse().ok()?;
    Some((places + 1, mantissa.chars().filter(char::is_ascii_digit).count()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::DamageExample;

    fn note(kind: DamageKind, count: usize, examples: &[(&str, &str, Option<&str>)]) -> Damage {
        let examples = examples
            .iter()
            .enumerate()
            .map(|(i, (cell, value, restored))| DamageExample {
                row: i as u64 + 1,
                line: i as u64 + 2,
                cell: cell.to_string(),
                value: value.to_string(),
                restored: restored.map(str::to_string),
            })
            .collect();
        Damage { column: "会員番号".into(), kind, count, examples }
    }

    #[test]
    fn each_kind_in_both_languages() {
        let zeros = note(
            DamageKind::LostLeadingZeros,
            3,
            &[("D5", "12345", Some("00012345")), ("D9", "7", None), ("D12", "8", None)],
        );
        assert_eq!(
            damage_sentence(&zeros, Lang::En),
            "Excel dropped the leading zeros of 3 values in 会員番号 (D5, D9, D12): 12345 was probably 00012345."
        );
        assert_eq!(
            damage_sentence(&zeros, Lang::Ja),
            "会員番号 の 3 件は Excel が先頭の 0 を落としています（D5、D9、D12）。12345 は 00012345 だったはずです。"
        );
        let phone = note(DamageKind::PhoneAsNumber, 1, &[("E7", "9012345678", Some("09012345678"))]);
        assert_eq!(
            damage_sentence(&phone, Lang::En),
            "Excel read 1 phone number in 会員番号 as numbers and dropped its leading 0 (E7): 9012345678 was probably 09012345678."
        );
        let sci = note(DamageKind::ScientificNotation, 7, &[("B4", "4.90123E+12", None)]);
        assert_eq!(
            damage_sentence(&sci, Lang::En),
            "Excel wrote 7 values in 会員番号 in scientific notation (B4, …): 4.90123E+12 stands for a 13-digit number of which only the first 6 digits are left; take them from the original file."
        );
        assert_eq!(
            damage_sentence(&sci, Lang::Ja),
            "会員番号 の 7 件は Excel が指数表記にしています（B4、…）。4.90123E+12 は 13 桁の数で、残っているのは先頭の 6 桁だけです。元のファイルから取り直してください。"
        );
        let serial = note(DamageKind::DateAsSerial, 2, &[("C3", "45383", Some("2024-04-01")), ("C8", "45000", None)]);
        assert_eq!(
            damage_sentence(&serial, Lang::En),
            "Excel saved 2 dates in 会員番号 as serial numbers (C3, C8): 45383 is 2024-04-01."
        );
        assert_eq!(
            damage_sentence(&serial, Lang::Ja),
            "会員番号 の 2 件は Excel が日付をシリアル値にしています（C3、C8）。45383 は 2024-04-01 です。"
        );
    }
}
