//! A cell's value read as its field's type and format says: integers, numbers (with
//! `decimalChar`, `groupChar`, `bareNumber`), booleans, dates and times, string formats (e-mail,
//! URI, UUID) and the Japanese formats. The rule a value breaks is named with its message.

use super::datetime::{parse_datetime, parse_time, Clock, DateTime};
use super::number::{Num, Syntax};
use super::schema::{DateFormat, DatePart, Field, JpFormat, StringFormat, Type};
use crate::report::{msg, Message};
use crate::value::date::{parse_date, parse_era_date, real_date};
use crate::value::japanese::{is_jp_phone, is_postal_code};
use std::borrow::Cow;
use std::cmp::Ordering;

/// A cell's value as its type reads it, for enum, bounds and uniqueness. Text is the cell
/// itself, borrowed from the table: a million-row file is checked without a string per cell.
#[derive(Debug, Clone)]
pub(crate) enum Logical<'a> {
    Text(Cow<'a, str>),
    /// integer, number and year.
    Number(Num<'a>),
    Bool(bool),
    Date((i32, u32, u32)),
    DateTime(DateTime<'a>),
    Time(Clock<'a>),
    YearMonth((i32, u32)),
    /// object and array: the JSON read.
    Json(Box<serde_json::Value>),
}

impl<'a> Logical<'a> {
    /// The text two equal values share ("01" and "1" as integers are one value, and so are two
    /// spellings of one instant).
    pub(crate) fn canonical(&self) -> Cow<'a, str> {
        match self {
            Logical::Text(s) => s.clone(),
            Logical::Number(n) => Cow::Owned(n.canonical()),
            Logical::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Logical::Date((y, m, d)) => Cow::Owned(format!("{y:04}-{m:02}-{d:02}")),
            Logical::DateTime(t) => Cow::Owned(t.canonical()),
            Logical::Time(t) => Cow::Owned(t.canonical()),
            Logical::YearMonth((y, m)) => Cow::Owned(format!("{y:04}-{m:02}")),
            // serde_json's maps are sorted by key: one text per value.
            Logical::Json(v) => Cow::Owned(v.to_string()),
        }
    }

    /// The same logical value (for `enum`): numbers and instants by value.
    pub(crate) fn same(&self, other: &Logical) -> bool {
        match (self, other) {
            (Logical::Number(a), Logical::Number(b)) => a.same(b),
            (Logical::DateTime(a), Logical::DateTime(b)) => a.compare(b) == Some(Ordering::Equal),
            (Logical::Time(a), Logical::Time(b)) => a.compare(b) == Some(Ordering::Equal),
            (Logical::Text(a), Logical::Text(b)) => a == b,
            (Logical::Bool(a), Logical::Bool(b)) => a == b,
            (Logical::Date(a), Logical::Date(b)) => a == b,
            (Logical::YearMonth(a), Logical::YearMonth(b)) => a == b,
            (Logical::Json(a), Logical::Json(b)) => a == b,
            _ => false,
        }
    }

    /// How the value compares with a bound of its field's type; None when they are unordered
    /// (NaN; a zoned and a floating datetime).
    pub(crate) fn compare(&self, other: &Logical) -> Option<Ordering> {
        match (self, other) {
            (Logical::Number(a), Logical::Number(b)) => a.compare(b),
            (Logical::Date(a), Logical::Date(b)) => Some(a.cmp(b)),
            (Logical::DateTime(a), Logical::DateTime(b)) => a.compare(b),
            (Logical::Time(a), Logical::Time(b)) => a.compare(b),
            (Logical::YearMonth(a), Logical::YearMonth(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// An owned copy, for values read once from the schema (enum, bounds).
    pub(crate) fn into_owned(self) -> Logical<'static> {
        match self {
            Logical::Text(s) => Logical::Text(Cow::Owned(s.into_owned())),
            Logical::Number(n) => Logical::Number(n.into_owned()),
            Logical::Bool(b) => Logical::Bool(b),
            Logical::Date(d) => Logical::Date(d),
            Logical::DateTime(t) => Logical::DateTime(t.into_owned()),
            Logical::Time(t) => Logical::Time(t.into_owned()),
            Logical::YearMonth(m) => Logical::YearMonth(m),
            Logical::Json(v) => Logical::Json(v),
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
        Type::Integer => read_number(field, value, false).map(Logical::Number).ok_or_else(|| {
            let hint_en = field.group_char.map_or(String::new(), |g| format!(" (thousands separator \"{g}\")"));
            not("整数", &format!("a whole number{hint_en}"))
        }),
        Type::Number => read_number(field, value, true).map(Logical::Number).ok_or_else(|| not("数値", "a number")),
        Type::Boolean => {
            if field.true_values.iter().any(|t| t == value) {
                Ok(Logical::Bool(true))
            } else if field.false_values.iter().any(|f| f == value) {
                Ok(Logical::Bool(false))
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
        Type::Datetime => parse_datetime(value).map(Logical::DateTime).ok_or_else(|| {
            not("日時（YYYY-MM-DDThh:mm:ss[.sss][Z|±hh:mm]）", "a date and time (YYYY-MM-DDThh:mm:ss[.sss][Z|±hh:mm])")
        }),
        Type::Time => {
            parse_time(value).map(Logical::Time).ok_or_else(|| not("時刻（hh:mm:ss[.sss]）", "a time (hh:mm:ss[.sss])"))
        }
        Type::Year => match (value.len(), value.bytes().all(|b| b.is_ascii_digit())) {
            (4, true) => {
                read_number(field, value, false).map(Logical::Number).ok_or_else(|| not("年（YYYY）", "a year (YYYY)"))
            }
            _ => Err(not("年（YYYY）", "a year (YYYY)")),
        },
        Type::Yearmonth => {
            let b = value.as_bytes();
            let digits = |r: std::ops::Range<usize>| {
                b.get(r.clone())
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    .then(|| value[r].parse::<u32>().ok())
                    .flatten()
            };
            let parsed = match (b.len(), b.get(4), digits(0..4), digits(5..7)) {
                (7, Some(b'-'), Some(y), Some(m)) if (1..=12).contains(&m) => Some((y as i32, m)),
                _ => None,
            };
            parsed.map(Logical::YearMonth).ok_or_else(|| not("年月（YYYY-MM）", "a year and month (YYYY-MM)"))
        }
        Type::Object | Type::Array => {
            let parsed = serde_json::from_str::<serde_json::Value>(value).ok().filter(|v| {
                if field.kind == Type::Object {
                    v.is_object()
                } else {
                    v.is_array()
                }
            });
            parsed.map(|v| Logical::Json(Box::new(v))).ok_or_else(|| {
                if field.kind == Type::Object {
                    not("JSON のオブジェクト", "a JSON object")
                } else {
                    not("JSON の配列", "a JSON array")
                }
            })
        }
    }
}

/// An integer (`fraction` false) or a number as the field writes it: NaN and INF, or digits
/// with the field's decimal and group characters, stripped of ¥, 円, % when not bare.
fn read_number<'a>(field: &Field, value: &'a str, fraction: bool) -> Option<Num<'a>> {
    if fraction {
        if let Some(n) = Num::special(value) {
            return Some(n);
        }
    }
    let s = digits_with_groups(field, unbare(field, value))?;
    Num::parse(s, Syntax { decimal_char: field.decimal_char, fraction })
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

/// An address as RFC 5321 writes one: a dot-atom local part of at most 64 characters (no empty
/// part between dots: `a..b` is none) and a domain of labels of letters, digits and inner
/// hyphens, 63 characters at most each (`-x.com` is none).
pub(super) fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.rsplit_once('@') else { return false };
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let label = |l: &str| {
        (1..=63).contains(&l.len())
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    (1..=64).contains(&local.len())
        && local.split('.').all(|part| !part.is_empty() && part.chars().all(atext))
        && domain.len() <= 253
        && domain.contains('.')
        && domain.split('.').all(label)
}

/// A URI as RFC 3986 writes one: a scheme, `:`, and the rest in its characters (percent-escaped
/// where need be); the rest may be empty (`http:` is a URI).
pub(super) fn is_uri(v: &str) -> bool {
    let Some((scheme, rest)) = v.split_once(':') else { return false };
    let allowed = |c: u8| c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&c);
    let b = rest.as_bytes();
    let escapes_ok = b
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'%')
        .all(|(i, _)| b.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)));
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && b.iter().all(|&c| allowed(c))
        && escapes_ok
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
