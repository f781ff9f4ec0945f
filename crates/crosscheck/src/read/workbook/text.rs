//! A typed cell as the text Excel shows: numbers without float noise, dates as YYYY-MM-DD in
//! both date systems, times and durations, booleans, error values as written.

use calamine::Data;

/// A typed cell as Excel shows it.
pub(super) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number_text(*x),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_duration() => duration_text(d.as_f64()),
        Data::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            let (date, time) = (format!("{y:04}-{m:02}-{day:02}"), format!("{h:02}:{min:02}:{s:02}"));
            if d.as_f64() < 1.0 {
                time
            } else if (h, min, s) == (0, 0, 0) {
                date
            } else {
                format!("{date} {time}")
            }
        }
        // OpenDocument's dates and times: 2024-04-01, 2024-04-01T09:30:00, PT09H30M00S.
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).replacen('T', " ", 1),
        Data::DurationIso(s) => iso_duration_text(s).unwrap_or_else(|| s.clone()),
        Data::Error(e) => e.to_string(),
    }
}

/// A number as Excel shows it: whole numbers exactly (a 13-digit JAN code stays whole), others
/// to 12 significant digits, as a General cell shows them — so float noise (1200.0000000002,
/// 0.30000000000000004) goes and 12.5 stays.
fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let significant = |x: f64, digits: usize| -> f64 { format!("{x:.*e}", digits - 1).parse().unwrap_or(x) };
    let whole = |x: f64| x == x.trunc() && x.abs() < 1e15;
    // Most numbers in a sheet are whole: written at once, without the rounding's two formattings
    // (1.7 % of reading a 1M-row list, in `format_exact`).
    if whole(x) {
        return format!("{}", x as i64);
    }
    let exact = significant(x, 15);
    if whole(exact) {
        return format!("{}", exact as i64);
    }
    let shown = significant(x, 12);
    if whole(shown) {
        format!("{}", shown as i64)
    } else {
        format!("{shown}")
    }
}

/// A duration (a time cell past 24 h, `[h]:mm:ss`) in hours, minutes and seconds.
fn duration_text(days: f64) -> String {
    let secs = (days * 86_400.0).round() as i64;
    format!("{}:{:02}:{:02}", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// PT09H30M00S → 09:30:00.
fn iso_duration_text(s: &str) -> Option<String> {
    let rest = s.strip_prefix("PT")?;
    let (h, rest) = rest.split_once('H')?;
    let (m, rest) = rest.split_once('M')?;
    let sec = rest.strip_suffix('S')?;
    let sec: f64 = sec.parse().ok()?;
    Some(format!("{:02}:{:02}:{:02}", h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, sec.round() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_without_float_noise() {
        let cases = [
            (1200.0000000002, "1200"),
            (12.5, "12.5"),
            (0.1 + 0.2, "0.3"),
            (-3.0, "-3"),
            (1e20, "100000000000000000000"),
        ];
        for (x, text) in cases {
            assert_eq!(number_text(x), text, "{x}");
        }
        assert_eq!(number_text(1234567.891), "1234567.891");
        assert_eq!(number_text(4901234567894.0), "4901234567894");
    }

    #[test]
    fn dates_in_both_systems_and_times() {
        let date = |v, is_1904| cell_text(&Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, is_1904)));
        // 2024-04-01 is serial 45383 in the 1900 system, 43921 in the 1904 one.
        assert_eq!(date(45383.0, false), "2024-04-01");
        assert_eq!(date(43921.0, true), "2024-04-01");
        assert_eq!(date(45383.5, false), "2024-04-01 12:00:00");
        assert_eq!(date(0.395833333333333, false), "09:30:00");
        assert_eq!(cell_text(&Data::DateTimeIso("2024-04-01T00:00:00".into())), "2024-04-01");
        assert_eq!(cell_text(&Data::DurationIso("PT09H30M00S".into())), "09:30:00");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(cell_text(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
    }
}
