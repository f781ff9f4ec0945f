//! Dates as written in Japan: 2024-04-01, 2024/4/1, 2024年4月1日, 20240401, and era dates
//! (令和6年4月1日, 平成元年1月8日, R6.4.1) — only dates that exist, within their era.

use super::folded;

/// A Japanese era: first day, last day (None = current) of the era.
pub(crate) struct Era {
    names: &'static [&'static str],
    start: (i32, u32, u32),
    end: Option<(i32, u32, u32)>,
}

const ERAS: [Era; 5] = [
    Era { names: &["明治", "M", "m"], start: (1868, 1, 25), end: Some((1912, 7, 29)) },
    Era { names: &["大正", "T", "t"], start: (1912, 7, 30), end: Some((1926, 12, 24)) },
    Era { names: &["昭和", "S", "s"], start: (1926, 12, 25), end: Some((1989, 1, 7)) },
    Era { names: &["平成", "H", "h"], start: (1989, 1, 8), end: Some((2019, 4, 30)) },
    Era { names: &["令和", "R", "r"], start: (2019, 5, 1), end: None },
];

pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

pub(crate) fn real_date(y: i32, m: u32, d: u32) -> Option<(i32, u32, u32)> {
    ((1..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Reads a run of ASCII digits (at most `max`) from the front of `s`.
pub(crate) fn take_number(s: &str, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// Reads one of the separators from the front of `s`.
pub(crate) fn take_sep<'a>(s: &'a str, seps: &[&str]) -> Option<&'a str> {
    seps.iter().find_map(|sep| s.strip_prefix(sep))
}

/// After the date: nothing, 日-less end, or a time such as " 0:00:00" / "T09:30" (Excel exports).
pub(crate) fn rest_is_time(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.is_empty() {
        return true;
    }
    let t = rest.strip_prefix('T').unwrap_or(rest).trim_start();
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.contains(':')
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ' ' | 'Z' | '+' | '-'))
}

/// Month and day after the year, in any of the accepted spellings; returns what follows.
pub(crate) fn month_day(s: &str, kanji: bool) -> Option<(u32, u32, &str)> {
    let (m, s) = take_number(s.trim_start(), 2)?;
    let s = if kanji { take_sep(s.trim_start(), &["月"])? } else { take_sep(s, &["-", "/", "."])? };
    let (d, s) = take_number(s.trim_start(), 2)?;
    let s = if kanji { take_sep(s.trim_start(), &["日"])? } else { s };
    Some((m, d, s))
}

/// 2024-04-01, 2024/4/1, 2024.4.1, 20240401, 2024年4月1日, 令和6年4月1日, 平成元年1月8日, R6.4.1,
/// optionally followed by a time. Only dates that exist (and, for eras, fall within the era).
pub(crate) fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let f = folded(s);
    let s = f.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(era) = ERAS.iter().find(|e| e.names.iter().any(|n| s.starts_with(n))) {
        let name_len = era.names.iter().find(|n| s.starts_with(*n))?.len();
        return era_date(era, s[name_len..].trim_start());
    }
    // 20240401
    if s.len() >= 8
        && s.as_bytes()[..8].iter().all(u8::is_ascii_digit)
        && !s.as_bytes().get(8).is_some_and(u8::is_ascii_digit)
    {
        let (y, m, d) = (s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..8].parse().ok()?);
        return rest_is_time(&s[8..]).then(|| real_date(y, m, d))?;
    }
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n != 4 {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let rest = &s[4..];
    let (kanji, rest) = match take_sep(rest.trim_start(), &["年"]) {
        Some(r) => (true, r),
        None => (false, take_sep(rest, &["-", "/", "."])?),
    };
    let (m, d, rest) = month_day(rest, kanji)?;
    rest_is_time(rest).then(|| real_date(y, m, d))?
}

/// Only an era date (令和6年4月1日, 平成元年1月8日, R6.4.1) that exists in its era.
pub(crate) fn parse_era_date(s: &str) -> Option<(i32, u32, u32)> {
    let f = folded(s);
    let s = f.trim();
    ERAS.iter().any(|e| e.names.iter().any(|n| s.starts_with(n))).then(|| parse_date(s))?
}

pub(crate) fn era_date(era: &Era, s: &str) -> Option<(i32, u32, u32)> {
    let (n, rest) = match s.strip_prefix('元') {
        Some(r) => (1, r),
        None => take_number(s, 2)?,
    };
    if n == 0 {
        return None;
    }
    let (kanji, rest) = match take_sep(rest.trim_start(), &["年"]) {
        Some(r) => (true, r),
        None => (false, take_sep(rest, &["-", "/", "."])?),
    };
    let (m, d, rest) = month_day(rest, kanji)?;
    if !rest_is_time(rest) {
        return None;
    }
    let date = real_date(era.start.0 + n as i32 - 1, m, d)?;
    let within = date >= era.start && era.end.is_none_or(|end| date <= end);
    within.then_some(date)
}

/// The date an Excel serial number stands for in the 1900 date system, the one Excel on Windows
/// writes (1 = 1900-01-01; from 61 on, days since 1899-12-30, past the 29 February 1900 Excel
/// counts that never was). None before 1 March 1900 and past 9999.
pub(crate) fn excel_serial_date(serial: u32) -> Option<(i32, u32, u32)> {
    if !(61..=2_958_465).contains(&serial) {
        return None;
    }
    // Days from 1970-01-01 (serial 25569), then the civil date (H. Hinnant's days_from_civil,
    // inverted: eras of 400 years from 0000-03-01).
    let z = i64::from(serial) - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    real_date(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::options::Step::*;

    #[test]
    fn dates_in_every_accepted_spelling() {
        for s in [
            "2024-04-01",
            "2024/4/1",
            "2024.4.1",
            "20240401",
            "2024年4月1日",
            "2024年 4月 1日",
            "令和6年4月1日",
            "R6.4.1",
            "r6/4/1",
            "２０２４／４／１",
            "2024/4/1 0:00:00",
            "2024-04-01T09:30:00",
        ] {
            assert_eq!(parse_date(s), Some((2024, 4, 1)), "{s}");
        }
        assert_eq!(normalize(&[Date], "2024年4月1日"), "2024-04-01");
        assert_eq!(normalize(&[Date], "someday"), "someday");
    }

    #[test]
    fn only_real_dates() {
        for s in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024/4",
            "24/4/1",
            "2024-4-1x",
            "20241301",
            "2024年4月1",
            "0000-01-01",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2000-02-29"), Some((2000, 2, 29)));
        assert_eq!(parse_date("1900-02-29"), None);
    }

    #[test]
    fn era_dates_exist_only_within_their_era() {
        assert_eq!(parse_date("平成元年1月8日"), Some((1989, 1, 8)));
        assert_eq!(parse_date("昭和64年1月7日"), Some((1989, 1, 7)));
        assert_eq!(parse_date("昭和64年1月8日"), None);
        assert_eq!(parse_date("平成元年1月7日"), None);
        assert_eq!(parse_date("平成31年4月30日"), Some((2019, 4, 30)));
        assert_eq!(parse_date("平成31年5月1日"), None);
        assert_eq!(parse_date("令和元年5月1日"), Some((2019, 5, 1)));
        assert_eq!(parse_date("令和元年4月30日"), None);
        assert_eq!(parse_date("明治元年1月25日"), Some((1868, 1, 25)));
        assert_eq!(parse_date("明治元年1月24日"), None);
        assert_eq!(parse_date("明治45年7月29日"), Some((1912, 7, 29)));
        assert_eq!(parse_date("大正元年7月30日"), Some((1912, 7, 30)));
        assert_eq!(parse_date("大正15年12月24日"), Some((1926, 12, 24)));
        assert_eq!(parse_date("昭和元年12月25日"), Some((1926, 12, 25)));
        assert_eq!(parse_date("H31.4.30"), Some((2019, 4, 30)));
        assert_eq!(parse_date("令和0年5月1日"), None);
        assert_eq!(parse_date("平成"), None);
    }

    #[test]
    fn excel_serials_are_the_dates_excel_shows() {
        assert_eq!(excel_serial_date(45383), Some((2024, 4, 1)));
        assert_eq!(excel_serial_date(61), Some((1900, 3, 1)));
        assert_eq!(excel_serial_date(25569), Some((1970, 1, 1)));
        assert_eq!(excel_serial_date(36586), Some((2000, 3, 1)));
        assert_eq!(excel_serial_date(2_958_465), Some((9999, 12, 31)));
        assert_eq!((excel_serial_date(60), excel_serial_date(2_958_466)), (None, None));
    }

    #[test]
    fn era_dates_only() {
        assert_eq!(parse_era_date("令和6年4月1日"), Some((2024, 4, 1)));
        assert_eq!(parse_era_date("平成元年1月8日"), Some((1989, 1, 8)));
        assert_eq!(parse_era_date("2024年4月1日"), None);
        assert_eq!(parse_era_date("平成31年5月1日"), None);
    }
}
