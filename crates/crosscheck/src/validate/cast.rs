//! A cell's value read as its field's type and format says: integers, numbers (with
//! `decimalChar`, `groupChar`, `bareNumber`), booleans, dates and times, string formats (e-mail,
//! URI, UUID) and the Japanese formats. The rule a value breaks is named with its message.

use super::schema::{DateFormat, DatePart, Field, JpFormat, StringFormat, Type};
use crate::report::{msg, Message};
use crate::value::date::{parse_date, parse_era_date, real_date};
use crate::value::japanese::{is_jp_phone, is_postal_code};
use std::borrow::Cow;

/// A cell's value as its type reads it, for enum, minimum/maximum and uniqueness. Text is the
/// cell itself, borrowed from the table: a million-row file is checked without a string per cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Logical<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    Date((i32, u32, u32)),
}

impl<'a> Logical<'a> {
    /// The text two equal values share ("01" and "1" as integers are one value).
    pub(super) fn canonical(&self) -> Cow<'a, str> {
        match self {
            Logical::Text(s) => s.clone(),
            Logical::Number(x) => Cow::Owned(x.to_string()),
            Logical::Date((y, m, d)) => Cow::Owned(format!("{y:04}-{m:02}-{d:02}")),
        }
    }
}

pub(super) type Broken = (&'static str, Message);

/// Read the value as its field's type; the rule broken is "type" (or "format").
pub(super) fn cast<'a>(field: &Field, value: &'a str) -> Result<Logical<'a>, Broken> {
    let not = |ja: &str, en: &str| -> Broken {
        ("type", msg(format!("「{value}」は{ja}ではありません"), format!("\"{value}\" is not {en}")))
    };
    match field.kind {
        Type::String | Type::Any => {
            let ok = match field.string_format {
                StringFormat::Default => true,
                StringFormat::Email => is_email(value),
                StringFormat::Uri => is_uri(value),
                StringFormat::Uuid => is_uuid(value),
            };
            if ok {
                Ok(Logical::Text(Cow::Borrowed(value)))
            } else {
                let (ja, en) = match field.string_format {
                    StringFormat::Email => ("メールアドレスの形", "an e-mail address"),
                    StringFormat::Uri => ("URI", "a URI"),
                    _ => ("UUID", "a UUID"),
                };
                Err(("format", msg(format!("「{value}」は{ja}ではありません"), format!("\"{value}\" is not {en}"))))
            }
        }
        Type::Integer => parse_integer(field, value).map(|n| Logical::Number(n as f64)).ok_or_else(|| {
            let hint_en = field.group_char.map_or(String::new(), |g| format!(" (thousands separator \"{g}\")"));
            not("整数", &format!("a whole number{hint_en}"))
        }),
        Type::Number => parse_number(field, value).map(Logical::Number).ok_or_else(|| not("数値", "a number")),
        Type::Boolean => {
            if field.true_values.iter().any(|t| t == value) {
                Ok(Logical::Text(Cow::Borrowed("true")))
            } else if field.false_values.iter().any(|f| f == value) {
                Ok(Logical::Text(Cow::Borrowed("false")))
            } else {
                let both: Vec<&str> = field.true_values.iter().chain(&field.false_values).map(String::as_str).collect();
                Err((
                    "type",
                    msg(
                        format!("「{value}」は真偽値（{}）ではありません", both.join("、")),
                        format!("\"{value}\" is not true or false ({})", both.join(", ")),
                    ),
                ))
            }
        }
        Type::Date => {
            let (parsed, how) = match &field.date_format {
                DateFormat::Default => (iso_date(value), "YYYY-MM-DD".to_string()),
                DateFormat::Any => {
                    (parse_date(value), "2024-04-01 / 2024/4/1 / 2024年4月1日 / 令和6年4月1日".to_string())
                }
                DateFormat::Pattern(parts) => (pattern_date(parts, value), pattern_text(parts)),
            };
            parsed.map(Logical::Date).ok_or_else(|| {
                (
                    "type",
                    msg(
                        format!("「{value}」は実在する日付（{how}）ではありません"),
                        format!("\"{value}\" is not a date that exists, written {how}"),
                    ),
                )
            })
        }
        Type::Datetime => {
            let ok = value.len() >= 19
                && value.is_char_boundary(10)
                && iso_date(&value[..10]).is_some()
                && value.as_bytes()[10] == b'T'
                && value.get(11..19).is_some_and(is_time)
                && matches!(value.get(19..), Some("" | "Z")) | value.get(19..).is_some_and(is_offset);
            if ok {
                Ok(Logical::Text(Cow::Borrowed(value)))
            } else {
                Err(not("日時（YYYY-MM-DDThh:mm:ssZ）", "a date and time (YYYY-MM-DDThh:mm:ssZ)"))
            }
        }
        Type::Time => {
            if is_time(value) {
                Ok(Logical::Text(Cow::Borrowed(value)))
            } else {
                Err(not("時刻（hh:mm:ss）", "a time (hh:mm:ss)"))
            }
        }
        Type::Year => match (value.len(), value.parse::<i32>()) {
            (4, Ok(y)) if value.bytes().all(|b| b.is_ascii_digit()) => Ok(Logical::Number(f64::from(y))),
            _ => Err(not("年（YYYY）", "a year (YYYY)")),
        },
        Type::Yearmonth => {
            let ok = value.len() == 7
                && value.as_bytes()[4] == b'-'
                && value[..4].bytes().all(|b| b.is_ascii_digit())
                && value[5..]
                    .parse::<u32>()
                    .is_ok_and(|m| (1..=12).contains(&m) && value[5..].bytes().all(|b| b.is_ascii_digit()));
            if ok {
                Ok(Logical::Text(Cow::Borrowed(value)))
            } else {
                Err(not("年月（YYYY-MM）", "a year and month (YYYY-MM)"))
            }
        }
    }
}

/// Strips what a non-bare number may carry around it (¥, 円, %, spaces).
pub(super) fn unbare<'a>(field: &Field, value: &'a str) -> &'a str {
    if field.bare_number {
        return value;
    }
    let keep = |c: char| c.is_ascii_digit() || c == '-' || c == '+' || c == field.decimal_char;
    let start = value.find(keep).unwrap_or(value.len());
    let end = value.rfind(|c: char| c.is_ascii_digit() || c == field.decimal_char).map_or(start, |i| i + 1);
    value.get(start..end.max(start)).unwrap_or("")
}

/// `s` without its group characters (borrowed when it has none, as most cells).
pub(super) fn digits_with_groups<'a>(field: &Field, s: &'a str) -> Option<Cow<'a, str>> {
    let out = match field.group_char {
        Some(g) if s.contains(g) => Cow::Owned(s.chars().filter(|&c| c != g).collect()),
        _ => Cow::Borrowed(s),
    };
    (!out.is_empty()).then_some(out)
}

pub(super) fn parse_integer(field: &Field, value: &str) -> Option<i128> {
    let s = digits_with_groups(field, unbare(field, value))?;
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

pub(super) fn parse_number(field: &Field, value: &str) -> Option<f64> {
    if matches!(value, "NaN" | "INF" | "-INF") {
        return value.replace("INF", "inf").parse().ok();
    }
    let s = digits_with_groups(field, unbare(field, value))?;
    let s = if field.decimal_char == '.' {
        s
    } else {
        Cow::Owned(s.replace('.', "\u{0}").replace(field.decimal_char, "."))
    };
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let ok = !(int.is_empty() && frac.is_empty()) && digits(int) && digits(frac) && exponent_ok(exponent);
    if !ok {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// An exponent's digits, if there is an exponent.
pub(super) fn exponent_ok(e: Option<&str>) -> bool {
    match e {
        None => true,
        Some(e) => {
            let d = e.strip_prefix(['-', '+']).unwrap_or(e);
            !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
        }
    }
}

/// Exactly YYYY-MM-DD.
pub(super) fn iso_date(v: &str) -> Option<(i32, u32, u32)> {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        v.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
    };
    real_date(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

pub(super) fn pattern_date(parts: &[DatePart], v: &str) -> Option<(i32, u32, u32)> {
    let (mut y, mut m, mut d) = (None, None, None);
    let mut rest = v;
    for p in parts {
        match p {
            DatePart::Literal(l) => rest = rest.strip_prefix(l.as_str())?,
            part => {
                let max = if *part == DatePart::Year { 4 } else { 2 };
                let n = rest.bytes().take(max).take_while(u8::is_ascii_digit).count();
                if n == 0 || (*part == DatePart::Year && n != 4) {
                    return None;
                }
                let value: u32 = rest[..n].parse().ok()?;
                match part {
                    DatePart::Year => y = Some(value as i32),
                    DatePart::Month => m = Some(value),
                    _ => d = Some(value),
                }
                rest = &rest[n..];
            }
        }
    }
    if !rest.is_empty() {
        return None;
    }
    real_date(y?, m?, d?)
}

pub(super) fn pattern_text(parts: &[DatePart]) -> String {
    parts
        .iter()
        .map(|p| match p {
            DatePart::Year => "YYYY",
            DatePart::Month => "M",
            DatePart::Day => "D",
            DatePart::Literal(l) => l.as_str(),
        })
        .collect()
}

pub(super) fn is_time(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 8
        && b[2] == b':'
        && b[5] == b':'
        && [0, 1, 3, 4, 6, 7].iter().all(|&i| b[i].is_ascii_digit())
        && v[0..2].parse::<u32>().is_ok_and(|h| h < 24)
        && v[3..5].parse::<u32>().is_ok_and(|m| m < 60)
        && v[6..8].parse::<u32>().is_ok_and(|s| s < 60)
}

pub(super) fn is_offset(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 6 && matches!(b[0], b'+' | b'-') && b[3] == b':' && [1, 2, 4, 5].iter().all(|&i| b[i].is_ascii_digit())
}

pub(super) fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else { return false };
    let fine = |c: char| {
        c.is_ascii_graphic() && !matches!(c, '@' | '(' | ')' | ',' | ';' | ':' | '<' | '>' | '[' | ']' | '"' | '\\')
    };
    !local.is_empty()
        && local.chars().all(fine)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && domain.contains('.')
        && domain.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

pub(super) fn is_uri(v: &str) -> bool {
    let Some((scheme, rest)) = v.split_once(':') else { return false };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && !rest.is_empty()
        && !rest.chars().any(char::is_whitespace)
}

pub(super) fn is_uuid(v: &str) -> bool {
    let groups: Vec<&str> = v.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub(super) fn jp_format(f: JpFormat, v: &str) -> Result<(), Broken> {
    let ok = match f {
        JpFormat::PostalCode => is_postal_code(v),
        JpFormat::Phone => is_jp_phone(v),
        JpFormat::EraDate => parse_era_date(v).is_some(),
    };
    if ok {
        return Ok(());
    }
    let (ja, en) = match f {
        JpFormat::PostalCode => {
            ("郵便番号（NNN-NNNN、半角）の形ではありません", "is not a postal code written NNN-NNNN")
        }
        JpFormat::Phone => ("日本の電話番号ではありません", "is not a Japanese phone number"),
        JpFormat::EraDate => (
            "実在する和暦の日付ではありません（例: 令和6年4月1日）",
            "is not an era date that exists (e.g. 令和6年4月1日)",
        ),
    };
    Err(("jpFormat", msg(format!("「{v}」は{ja}"), format!("\"{v}\" {en}"))))
}
