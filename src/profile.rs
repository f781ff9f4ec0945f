//! What a column holds, read from a sample of its values (and its header's role when the
//! content alone is ambiguous), and the normalisation steps that follow from it.

use crate::normalize::{parse_date, parse_integer, parse_number, Step};
use crate::synonyms::{role_of, Role};
use crate::table::Table;

/// The shape of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Email,
    Phone,
    Postal,
    Integer,
    Number,
    Date,
    Kana,
    /// Digits with significant leading zeros, codes: compared as text, never summed.
    Code,
    Text,
    /// No non-empty value in the sample.
    Empty,
}

impl Kind {
    /// Default steps per DESIGN.md: e-mail → nfkc, trim, lowercase; phone/postal → nfkc,
    /// digits_only; numbers → integer/number; dates → date; text → nfkc, collapse_spaces, trim.
    pub fn default_steps(self) -> Vec<Step> {
        use Step::*;
        match self {
            Kind::Email => vec![Nfkc, Trim, Lowercase],
            Kind::Phone | Kind::Postal => vec![Nfkc, DigitsOnly],
            Kind::Integer => vec![Integer],
            Kind::Number => vec![Number],
            Kind::Date => vec![Date],
            // ﾔﾏﾀﾞ ﾀﾛｳ = やまだ たろう = ヤマダタロウ: readings differ in width, script and spacing only.
            Kind::Kana => vec![Nfkc, Katakana, RemoveSpaces],
            Kind::Code => vec![Nfkc, Trim],
            Kind::Text | Kind::Empty => vec![Nfkc, CollapseSpaces, Trim],
        }
    }

    /// Whether a value of this kind can point at one customer (and so be cross-wired).
    pub fn can_identify(self) -> bool {
        matches!(self, Kind::Email | Kind::Phone | Kind::Kana | Kind::Code | Kind::Text)
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Integer | Kind::Number)
    }
}

/// A column's profile, for `inspect` and for choosing mapping, key and steps.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Profile {
    pub name: String,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Values looked at (non-empty), and how many of them were distinct (raw).
    pub sampled: usize,
    pub distinct: usize,
    pub empty: usize,
}

const SAMPLE: usize = 2000;

/// Rows spread evenly over the table, so a sorted file's tail is seen too.
pub fn sample_rows(len: usize, n: usize) -> impl Iterator<Item = usize> {
    let step = if len <= n { 1 } else { len / n };
    (0..len).step_by(step.max(1)).take(n)
}

pub fn profile(table: &Table, col: usize) -> Profile {
    let name = table.header.get(col).cloned().unwrap_or_default();
    let role = role_of(&name);
    let mut values = Vec::new();
    let mut empty = 0;
    for r in sample_rows(table.len(), SAMPLE) {
        let v = table.cell(r, col).trim();
        if v.is_empty() {
            empty += 1;
        } else {
            values.push(v);
        }
    }
    let kind = kind_of(&values, role);
    let mut distinct = values.clone();
    distinct.sort_unstable();
    distinct.dedup();
    Profile { name, kind, role, sampled: values.len(), distinct: distinct.len(), empty }
}

/// The kind most values agree on (90 %), the header's role breaking ties the content leaves open.
pub fn kind_of(values: &[&str], role: Option<Role>) -> Kind {
    if values.is_empty() {
        return match role {
            Some(Role::Email) => Kind::Email,
            Some(Role::Phone) => Kind::Phone,
            Some(Role::Postal) => Kind::Postal,
            Some(Role::Kana) => Kind::Kana,
            Some(Role::Points | Role::Amount) => Kind::Integer,
            Some(Role::Registered | Role::Birthday | Role::Date) => Kind::Date,
            _ => Kind::Empty,
        };
    }
    let most = |f: &dyn Fn(&str) -> bool| values.iter().filter(|v| f(v)).count() * 10 >= values.len() * 9;
    if most(&looks_like_email) {
        return Kind::Email;
    }
    if most(&looks_like_postal) && (role == Some(Role::Postal) || values.iter().any(|v| v.contains(['-', '〒', '－'])))
    {
        return Kind::Postal;
    }
    if most(&looks_like_phone)
        && (role == Some(Role::Phone) || values.iter().any(|v| v.contains(['-', '(', '+', '－'])))
    {
        return Kind::Phone;
    }
    let date_role = matches!(role, Some(Role::Registered | Role::Birthday | Role::Date));
    let all_digits = |v: &str| v.chars().all(|c| c.is_ascii_digit());
    // 20240401 is a date only when the header says so; otherwise digits are numbers or codes.
    if most(&|v| parse_date(v).is_some() && (date_role || !all_digits(v))) {
        return Kind::Date;
    }
    match role {
        Some(Role::Postal) if most(&looks_like_postal) => return Kind::Postal,
        Some(Role::Phone) if most(&looks_like_phone) => return Kind::Phone,
        _ => {}
    }
    if most(&|v| has_leading_zero(v) || !v.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))) {
        // fall through: not a number column
    } else if most(&|v| parse_integer(v).is_some()) {
        return Kind::Integer;
    } else if most(&|v| parse_number(v).is_some()) {
        return Kind::Number;
    }
    if most(&|v| v.chars().all(|c| c.is_ascii_digit())) {
        return Kind::Code;
    }
    if most(&looks_like_kana) || role == Some(Role::Kana) && most(&|v| looks_like_kana(v) || v.is_ascii()) {
        return Kind::Kana;
    }
    Kind::Text
}

fn has_leading_zero(v: &str) -> bool {
    let mut chars = v.chars();
    matches!((chars.next(), chars.next()), (Some('0' | '０'), Some(c)) if c.is_ascii_digit() || ('０'..='９').contains(&c))
}

pub fn looks_like_email(v: &str) -> bool {
    let v = v.trim();
    let Some((local, domain)) = v.rsplit_once(['@', '＠']) else { return false };
    !local.is_empty() && domain.contains(['.', '．']) && !domain.starts_with('.') && !v.contains(char::is_whitespace)
}

fn digits(v: &str) -> usize {
    v.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count()
}

fn only(v: &str, extra: &[char]) -> bool {
    v.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || extra.contains(&c))
}

pub fn looks_like_postal(v: &str) -> bool {
    let v = v.trim().trim_start_matches('〒').trim();
    only(v, &['-', '－', 'ー', '‐']) && digits(v) == 7
}

pub fn looks_like_phone(v: &str) -> bool {
    let v = v.trim();
    let n = digits(v);
    only(v, &['-', '－', 'ー', '‐', '(', ')', '（', '）', '+', ' ', '　'])
        && (10..=13).contains(&n)
        && (v.starts_with(['0', '０', '+', '(', '（']))
}

fn looks_like_kana(v: &str) -> bool {
    v.chars().all(|c| {
        matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{FF66}'..='\u{FF9F}' | '゛' | '゜' | '・')
            || c.is_whitespace()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(values: &[&str]) -> Kind {
        kind_of(values, None)
    }

    #[test]
    fn recognises_each_kind() {
        assert_eq!(kind(&["a@x.jp", "B@Example.CO.JP", "ｃ＠ｘ．ｊｐ"]), Kind::Email);
        assert_eq!(kind(&["090-1234-5678", "03-1234-5678", "0312345678"]), Kind::Phone);
        assert_eq!(kind(&["100-0001", "〒530-0001", "060-0000"]), Kind::Postal);
        assert_eq!(kind(&["1200", "1,200", "¥3,000", "0"]), Kind::Integer);
        assert_eq!(kind(&["1.5", "2", "3.25"]), Kind::Number);
        assert_eq!(kind(&["2024-04-01", "2024/4/1", "令和6年4月1日"]), Kind::Date);
        assert_eq!(kind(&["ヤマダ タロウ", "ｽｽﾞｷ ﾊﾅｺ", "たなか"]), Kind::Kana);
        assert_eq!(kind(&["00123", "00456", "00789"]), Kind::Code);
        assert_eq!(kind(&["山田 太郎", "鈴木　花子"]), Kind::Text);
        assert_eq!(kind(&[]), Kind::Empty);
    }

    #[test]
    fn the_header_breaks_ties() {
        assert_eq!(kind_of(&["1000001", "5300001"], Some(Role::Postal)), Kind::Postal);
        assert_eq!(kind_of(&["09012345678"], Some(Role::Phone)), Kind::Phone);
        assert_eq!(kind_of(&["20240401", "20231231"], Some(Role::Registered)), Kind::Date);
        assert_eq!(kind_of(&["20240401", "20231231"], None), Kind::Integer);
        assert_eq!(kind_of(&[], Some(Role::Email)), Kind::Email);
    }

    #[test]
    fn sampling_covers_the_whole_column() {
        let rows: Vec<usize> = sample_rows(10_000, 100).collect();
        assert_eq!(rows.len(), 100);
        assert!(rows.last().is_some_and(|&r| r >= 9_900));
        assert_eq!(sample_rows(3, 100).count(), 3);
        assert_eq!(sample_rows(0, 100).count(), 0);
    }
}
