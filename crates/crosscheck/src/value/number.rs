//! Numbers and amounts: 1,200 = ¥1,200 = 1200円 = １２００ = △500 (negative), 1.2E+05.

use super::folded;
use std::borrow::Cow;

/// Split an amount into its sign and the digits-with-separators part: handles ¥ ￥ \ (the yen
/// sign as CP932 decodes it), a trailing 円, and △ ▲ - − for negatives.
pub(crate) fn strip_amount(s: &str) -> Option<(bool, &str)> {
    let mut t = s.trim();
    let mut negative = false;
    if let Some(rest) = t.strip_prefix(['-', '△', '▲']) {
        negative = true;
        t = rest.trim_start();
    } else if let Some(rest) = t.strip_prefix('+') {
        t = rest.trim_start();
    }
    if let Some(rest) = t.strip_prefix(['¥', '￥', '\\']) {
        t = rest.trim_start();
    }
    if !negative {
        if let Some(rest) = t.strip_prefix('-') {
            negative = true;
            t = rest.trim_start();
        }
    }
    if let Some(rest) = t.strip_suffix('円') {
        t = rest.trim_end();
    }
    (!t.is_empty()).then_some((negative, t))
}

/// The integer part with optional thousands separators: "1200" or "1,200" (groups of three).
pub(crate) fn grouped_digits(int: &str) -> Option<Cow<'_, str>> {
    if int.is_empty() {
        return None;
    }
    if !int.contains(',') {
        return int.bytes().all(|b| b.is_ascii_digit()).then_some(Cow::Borrowed(int));
    }
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    Some(Cow::Owned(digits))
}

/// "1,200", "¥1,200", "1200円", "△500", "１，２００", "1200.00" → the integer; None otherwise.
pub(crate) fn parse_integer(s: &str) -> Option<i128> {
    let f = folded(s);
    let (negative, body) = strip_amount(&f)?;
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.bytes().all(|b| b == b'0') {
            return None;
        }
    }
    let digits = grouped_digits(int)?;
    let n: i128 = digits.parse().ok()?;
    Some(if negative { -n } else { n })
}

/// Like `parse_integer`, with a decimal fraction and an optional exponent (1.2E+05, as Excel
/// writes big numbers).
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    // Plain ASCII digits, most cells of a points or amount column: no folding, no text to build.
    // Up to 15 digits an integer is exact in an f64, as the general path below would give.
    if (1..=15).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64);
    }
    let f = folded(s);
    let (negative, body) = strip_amount(&f)?;
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let int = if int.is_empty() && frac.is_some() { Cow::Borrowed("0") } else { grouped_digits(int)? };
    if exponent.is_none() && frac.is_none() {
        // Whole numbers, the common case: no text to build.
        let x: f64 = int.parse().ok()?;
        return x.is_finite().then_some(if negative { -x } else { x });
    }
    let mut text = int.into_owned();
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.push('.');
        text.push_str(frac);
    }
    if let Some(e) = exponent {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.push('e');
        text.push_str(e);
    }
    let x: f64 = text.parse().ok()?;
    if !x.is_finite() {
        return None;
    }
    Some(if negative { -x } else { x })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::options::Step::*;

    #[test]
    fn integers_in_the_ways_people_write_them() {
        for s in [
            "1200",
            "1,200",
            "¥1,200",
            "￥1,200",
            "\\1,200",
            "1200円",
            "1,200 円",
            "１，２００",
            " 1200 ",
            "1200.00",
            "+1200",
        ] {
            assert_eq!(parse_integer(s), Some(1200), "{s}");
        }
        for s in ["-500", "△500", "▲500", "−500", "¥-500"] {
            assert_eq!(parse_integer(s), Some(-500), "{s}");
        }
        for s in ["", "abc", "12,00", "1,2000", "1.5", "¥", "1 200", "0x10", "12-3"] {
            assert_eq!(parse_integer(s), None, "{s}");
        }
        assert_eq!(parse_integer("99999999999999999999999999999999999999999999"), None);
        assert_eq!(normalize(&[Integer], "¥1,200"), "1200");
        assert_eq!(normalize(&[Integer], "n/a"), "n/a");
    }

    #[test]
    fn numbers_with_fractions_and_exponents() {
        assert_eq!(parse_number("1,200.50"), Some(1200.5));
        assert_eq!(parse_number(".5"), Some(0.5));
        assert_eq!(parse_number("1.2E+05"), Some(120000.0));
        assert_eq!(parse_number("△0.25"), Some(-0.25));
        assert_eq!(parse_number("1e999"), None);
        assert_eq!(parse_number("1."), None);
        assert_eq!(parse_number("1e"), None);
        assert_eq!(normalize(&[Number], "1,200.00"), "1200");
        assert_eq!(normalize(&[Number], "0.10"), "0.1");
    }
}
