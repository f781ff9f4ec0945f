//! `datetime` and `time` values as XML Schema writes them (Table Schema v2 names its dateTime):
//! `YYYY-MM-DDThh:mm:ss`, optional fractional seconds, an optional zone `Z` or `±hh:mm` no more
//! than 14 hours away; `24:00:00` is the next day's midnight. A zoned value is an instant: `…T09:00:00+09:00` and `…T00:00:00Z` are one
//! value for `unique`, `enum` and bounds.

use super::cast::iso_date;
use std::borrow::Cow;
use std::cmp::Ordering;

/// A time of day with its fraction and zone (minutes east of UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clock<'a> {
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// The fraction's digits, trailing zeros dropped ("" for none): ".120" is ".12".
    pub fraction: Cow<'a, str>,
    pub zone: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateTime<'a> {
    pub date: (i32, u32, u32),
    pub clock: Clock<'a>,
}

/// `hh:mm:ss[.s+][Z|±hh:mm]`.
pub(crate) fn parse_time(v: &str) -> Option<Clock<'_>> {
    let b = v.as_bytes();
    let two = |i: usize| -> Option<u32> {
        let d = b.get(i..i + 2)?;
        d.iter().all(u8::is_ascii_digit).then(|| u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
    };
    if b.get(2) != Some(&b':') || b.get(5) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (two(0)?, two(3)?, two(6)?);
    if hour > 24 || minute > 59 || second > 59 {
        return None;
    }
    let mut rest = &v[8..];
    let mut fraction = Cow::Borrowed("");
    if let Some(f) = rest.strip_prefix('.') {
        let n = f.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        fraction = Cow::Borrowed(f[..n].trim_end_matches('0'));
        rest = &f[n..];
    }
    // 24:00:00 is the end of the day (XML Schema 1.1, ISO 8601:2004): the next day's midnight.
    if hour == 24 && (minute, second, fraction.as_ref()) != (0, 0, "") {
        return None;
    }
    let zone = match rest {
        "" => None,
        "Z" => Some(0),
        z => Some(parse_zone(z)?),
    };
    Some(Clock { hour, minute, second, fraction, zone })
}

/// `±hh:mm`, at most 14:00 either way (XML Schema's bound; `+24:00` and `+09:60` are no zone).
fn parse_zone(z: &str) -> Option<i32> {
    let b = z.as_bytes();
    if b.len() != 6 || b[3] != b':' || !matches!(b[0], b'+' | b'-') {
        return None;
    }
    let h: i32 = z.get(1..3)?.parse().ok().filter(|_| b[1..3].iter().all(u8::is_ascii_digit))?;
    let m: i32 = z.get(4..6)?.parse().ok().filter(|_| b[4..6].iter().all(u8::is_ascii_digit))?;
    if m > 59 || h * 60 + m > 14 * 60 {
        return None;
    }
    Some(if b[0] == b'-' { -(h * 60 + m) } else { h * 60 + m })
}

/// `YYYY-MM-DDThh:mm:ss[.s+][Z|±hh:mm]`, a date that exists.
pub(crate) fn parse_datetime(v: &str) -> Option<DateTime<'_>> {
    if v.len() < 19 || !v.is_char_boundary(10) || v.as_bytes()[10] != b'T' {
        return None;
    }
    Some(DateTime { date: iso_date(&v[..10])?, clock: parse_time(&v[11..])? })
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn days(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count (civil_from_days).
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl DateTime<'_> {
    pub(crate) fn into_owned(self) -> DateTime<'static> {
        DateTime { date: self.date, clock: self.clock.into_owned() }
    }

    /// Seconds since the epoch, in UTC for a zoned value, as written for a floating one.
    fn seconds(&self) -> i64 {
        let (y, m, d) = self.date;
        let c = &self.clock;
        days(y, m, d) * 86_400 + i64::from(c.hour * 3600 + c.minute * 60 + c.second)
            - i64::from(c.zone.unwrap_or(0)) * 60
    }

    /// The text one instant shares whatever its zone: in UTC with `Z`; a value without a zone
    /// as written (it is no instant, and never the same value as a zoned one).
    pub(crate) fn canonical(&self) -> String {
        let s = self.seconds();
        let (y, m, d) = civil(s.div_euclid(86_400));
        let t = s.rem_euclid(86_400);
        let zone = if self.clock.zone.is_some() { "Z" } else { "" };
        let dot = if self.clock.fraction.is_empty() { "" } else { "." };
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{dot}{}{zone}",
            t / 3600,
            t / 60 % 60,
            t % 60,
            self.clock.fraction
        )
    }

    /// As written, normalised: the fraction without trailing zeros, a zero offset as `Z`,
    /// 24:00:00 as the next day's 00:00:00.
    pub(crate) fn normalised(&self) -> String {
        let (y, m, d) = self.date;
        let (y, m, d) = if self.clock.hour == 24 { civil(days(y, m, d) + 1) } else { (i64::from(y), m, d) };
        format!("{y:04}-{m:02}-{d:02}T{}", self.clock.normalised())
    }

    /// Order of instants; None between a zoned value and a floating one (XML Schema leaves them
    /// unordered).
    pub(crate) fn compare(&self, other: &DateTime) -> Option<Ordering> {
        if self.clock.zone.is_some() != other.clock.zone.is_some() {
            return None;
        }
        Some(
            self.seconds()
                .cmp(&other.seconds())
                .then_with(|| fraction_cmp(&self.clock.fraction, &other.clock.fraction)),
        )
    }
}

impl Clock<'_> {
    pub(crate) fn into_owned(self) -> Clock<'static> {
        Clock { fraction: Cow::Owned(self.fraction.into_owned()), ..self }
    }

    pub(crate) fn normalised(&self) -> String {
        let dot = if self.fraction.is_empty() { "" } else { "." };
        let zone = match self.zone {
            None => String::new(),
            Some(0) => "Z".to_string(),
            Some(z) => format!("{}{:02}:{:02}", if z < 0 { '-' } else { '+' }, z.abs() / 60, z.abs() % 60),
        };
        format!("{:02}:{:02}:{:02}{dot}{}{zone}", self.hour % 24, self.minute, self.second, self.fraction)
    }

    /// Seconds into the day, in UTC for a zoned time (a day's wrap kept: times compare within one
    /// day).
    fn seconds(&self) -> i64 {
        i64::from(self.hour % 24 * 3600 + self.minute * 60 + self.second) - i64::from(self.zone.unwrap_or(0)) * 60
    }

    /// The time in UTC, marked with the day it falls on as `compare` counts it (`01:00:00+02:00`
    /// is `-1d 23:00:00Z`, not `23:00:00Z`): `unique` and `enum` then agree with the bounds.
    pub(crate) fn canonical(&self) -> String {
        let (day, s) = (self.seconds().div_euclid(86_400), self.seconds().rem_euclid(86_400));
        let day = match day {
            0 => String::new(),
            d => format!("{d:+}d "),
        };
        let zone = if self.zone.is_some() { "Z" } else { "" };
        let dot = if self.fraction.is_empty() { "" } else { "." };
        format!("{day}{:02}:{:02}:{:02}{dot}{}{zone}", s / 3600, s / 60 % 60, s % 60, self.fraction)
    }

    pub(crate) fn compare(&self, other: &Clock) -> Option<Ordering> {
        if self.zone.is_some() != other.zone.is_some() {
            return None;
        }
        Some(self.seconds().cmp(&other.seconds()).then_with(|| fraction_cmp(&self.fraction, &other.fraction)))
    }
}

/// Fractions without trailing zeros compare as digit strings: ".5" > ".49".
fn fraction_cmp(a: &str, b: &str) -> Ordering {
    a.cmp(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fractions_and_zones_within_fourteen_hours() {
        for ok in
            ["2024-04-01T09:30:00Z", "2024-04-01T09:30:00.123Z", "2024-04-01T09:30:00", "2024-04-01T09:30:00-14:00"]
        {
            assert!(parse_datetime(ok).is_some(), "{ok}");
        }
        for bad in [
            "2024-04-01T09:30:00+24:00",
            "2024-04-01T09:30:00+09:60",
            "2024-04-01T09:30:00+14:01",
            "2024-04-01T09:30:00.Z",
            "2024-04-01T24:00:01Z",
            "2024-04-01T24:00:00.5Z",
            "2024-02-30T00:00:00Z",
            "2024-04-01 09:30:00",
        ] {
            assert!(parse_datetime(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_zoned_time_is_one_value_exactly_when_it_compares_equal() {
        // 01:00+02:00 is 23:00 UTC the day before: the bounds say it is less than 23:00Z, so
        // `unique` and `enum` must not call the two one value.
        let (a, b, c) = (parse_time("01:00:00+02:00"), parse_time("23:00:00Z"), parse_time("00:00:00+01:00"));
        let (a, b, c) = (a.expect("a"), b.expect("b"), c.expect("c"));
        assert_eq!(a.compare(&b), Some(Ordering::Less));
        assert_ne!(a.canonical(), b.canonical());
        assert_eq!(a.compare(&c), Some(Ordering::Equal));
        assert_eq!(a.canonical(), c.canonical());
        assert_eq!(parse_time("09:30:00+09:00").map(|t| t.canonical()), Some("00:30:00Z".to_string()));
    }

    #[test]
    fn one_instant_is_one_value() {
        let text = |s: &str| parse_datetime(s).map(|d| d.canonical());
        assert_eq!(text("2024-01-01T00:00:00Z"), text("2024-01-01T00:00:00+00:00"));
        assert_eq!(text("2024-01-01T09:00:00.500+09:00"), Some("2024-01-01T00:00:00.5Z".to_string()));
        assert_eq!(text("2024-01-01T00:30:00+01:00"), Some("2023-12-31T23:30:00Z".to_string()));
        assert_ne!(text("2024-01-01T00:00:00"), text("2024-01-01T00:00:00Z"));
        let (a, b) = (parse_datetime("2024-01-01T00:00:00.1Z"), parse_datetime("2024-01-01T00:00:00.09Z"));
        assert_eq!(a.zip(b).and_then(|(a, b)| a.compare(&b)), Some(Ordering::Greater));
        assert_eq!(
            parse_datetime("2024-01-01T09:00:00.120-00:00").map(|d| d.normalised()),
            Some("2024-01-01T09:00:00.12Z".to_string())
        );
        assert_eq!(civil(days(2000, 2, 29)), (2000, 2, 29));
        let end = parse_datetime("2024-12-31T24:00:00Z");
        assert_eq!(end.as_ref().map(|d| d.canonical()), Some("2025-01-01T00:00:00Z".to_string()));
        assert_eq!(end.map(|d| d.normalised()), Some("2025-01-01T00:00:00Z".to_string()));
        assert_eq!(parse_time("24:00:00").map(|t| t.normalised()), Some("00:00:00".to_string()));
    }
}
