//! What a column holds, read from a sample of its values (and its header's role when the
//! content alone is ambiguous), and the normalisation steps that follow from it.

use super::synonyms::{role_of, Role};
use crate::options::Step;
use crate::read::table::Table;
use crate::report::ColumnKind;
use crate::value::date::parse_date;
use crate::value::japanese::{looks_like_email, looks_like_kana, looks_like_phone, looks_like_postal};
use crate::value::number::{parse_integer, parse_number};

impl ColumnKind {
    /// Default steps: e-mail → nfkc, trim, lowercase; phone/postal → nfkc,
    /// digits_only; numbers → integer/number; dates → date; text → nfkc, collapse_spaces, trim.
    pub fn default_steps(self) -> Vec<Step> {
        use Step::*;
        match self {
            ColumnKind::Email => vec![Nfkc, Trim, Lowercase],
            ColumnKind::Phone | ColumnKind::Postal => vec![Nfkc, DigitsOnly],
            ColumnKind::Integer => vec![Integer],
            ColumnKind::Number => vec![Number],
            ColumnKind::Date => vec![Date],
            // ﾔﾏﾀﾞ ﾀﾛｳ = やまだ たろう = ヤマダタロウ: readings differ in width, script and spacing only.
            ColumnKind::Kana => vec![Nfkc, Katakana, RemoveSpaces],
            ColumnKind::Code => vec![Nfkc, Trim],
            ColumnKind::Text | ColumnKind::Empty => vec![Nfkc, CollapseSpaces, Trim],
        }
    }

    /// Whether a value of this kind can point at one customer (and so be cross-wired).
    pub fn can_identify(self) -> bool {
        matches!(self, ColumnKind::Email | ColumnKind::Phone | ColumnKind::Kana | ColumnKind::Code | ColumnKind::Text)
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, ColumnKind::Integer | ColumnKind::Number)
    }
}

/// A column's profile, for `inspect` and for choosing mapping, key and steps.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Profile {
    pub name: String,
    pub kind: ColumnKind,
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
pub fn kind_of(values: &[&str], role: Option<Role>) -> ColumnKind {
    if values.is_empty() {
        return match role {
            Some(Role::Email) => ColumnKind::Email,
            Some(Role::Phone) => ColumnKind::Phone,
            Some(Role::Postal) => ColumnKind::Postal,
            Some(Role::Kana) => ColumnKind::Kana,
            Some(Role::Points | Role::Amount) => ColumnKind::Integer,
            Some(Role::Registered | Role::Birthday | Role::Date) => ColumnKind::Date,
            _ => ColumnKind::Empty,
        };
    }
    let most = |f: &dyn Fn(&str) -> bool| values.iter().filter(|v| f(v)).count() * 10 >= values.len() * 9;
    if most(&looks_like_email) {
        return ColumnKind::Email;
    }
    if most(&looks_like_postal) && (role == Some(Role::Postal) || values.iter().any(|v| v.contains(['-', '〒', '－'])))
    {
        return ColumnKind::Postal;
    }
    if most(&looks_like_phone)
        && (role == Some(Role::Phone) || values.iter().any(|v| v.contains(['-', '(', '+', '－'])))
    {
        return ColumnKind::Phone;
    }
    let date_role = matches!(role, Some(Role::Registered | Role::Birthday | Role::Date));
    let all_digits = |v: &str| v.chars().all(|c| c.is_ascii_digit());
    // 20240401 is a date only when the header says so; otherwise digits are numbers or codes.
    if most(&|v| parse_date(v).is_some() && (date_role || !all_digits(v))) {
        return ColumnKind::Date;
    }
    match role {
        Some(Role::Postal) if most(&looks_like_postal) => return ColumnKind::Postal,
        Some(Role::Phone) if most(&looks_like_phone) => return ColumnKind::Phone,
        _ => {}
    }
    if most(&|v| has_leading_zero(v) || !v.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))) {
        // fall through: not a number column
    } else if most(&|v| parse_integer(v).is_some()) {
        return ColumnKind::Integer;
    } else if most(&|v| parse_number(v).is_some()) {
        return ColumnKind::Number;
    }
    if most(&|v| v.chars().all(|c| c.is_ascii_digit())) {
        return ColumnKind::Code;
    }
    if most(&looks_like_kana) || role == Some(Role::Kana) && most(&|v| looks_like_kana(v) || v.is_ascii()) {
        return ColumnKind::Kana;
    }
    ColumnKind::Text
}

fn has_leading_zero(v: &str) -> bool {
    let mut chars = v.chars();
    matches!((chars.next(), chars.next()), (Some('0' | '０'), Some(c)) if c.is_ascii_digit() || ('０'..='９').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(values: &[&str]) -> ColumnKind {
        kind_of(values, None)
    }

    #[test]
    fn recognises_each_kind() {
        assert_eq!(kind(&["a@x.jp", "B@Example.CO.JP", "ｃ＠ｘ．ｊｐ"]), ColumnKind::Email);
        assert_eq!(kind(&["090-1234-5678", "03-1234-5678", "0312345678"]), ColumnKind::Phone);
        assert_eq!(kind(&["100-0001", "〒530-0001", "060-0000"]), ColumnKind::Postal);
        assert_eq!(kind(&["1200", "1,200", "¥3,000", "0"]), ColumnKind::Integer);
        assert_eq!(kind(&["1.5", "2", "3.25"]), ColumnKind::Number);
        assert_eq!(kind(&["2024-04-01", "2024/4/1", "令和6年4月1日"]), ColumnKind::Date);
        assert_eq!(kind(&["ヤマダ タロウ", "ｽｽﾞｷ ﾊﾅｺ", "たなか"]), ColumnKind::Kana);
        assert_eq!(kind(&["00123", "00456", "00789"]), ColumnKind::Code);
        assert_eq!(kind(&["山田 太郎", "鈴木　花子"]), ColumnKind::Text);
        assert_eq!(kind(&[]), ColumnKind::Empty);
    }

    #[test]
    fn the_header_breaks_ties() {
        assert_eq!(kind_of(&["1000001", "5300001"], Some(Role::Postal)), ColumnKind::Postal);
        assert_eq!(kind_of(&["09012345678"], Some(Role::Phone)), ColumnKind::Phone);
        assert_eq!(kind_of(&["20240401", "20231231"], Some(Role::Registered)), ColumnKind::Date);
        assert_eq!(kind_of(&["20240401", "20231231"], None), ColumnKind::Integer);
        assert_eq!(kind_of(&[], Some(Role::Email)), ColumnKind::Email);
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
