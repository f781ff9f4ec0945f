//! Normalisation steps (DESIGN.md table), applied left to right to a cell before comparing.
//!
//! Each step is cheap on the common case: ASCII input skips Unicode normalisation entirely, and
//! `normalize_into` reuses the caller's buffer so a column of a million cells allocates nothing
//! per cell.

use std::borrow::Cow;
use std::cell::RefCell;
use unicode_normalization::char::{compose, decompose_compatible};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Unicode NFKC: ＡＢＣ１２３→ABC123, ＠→@, ﾔﾏﾀﾞ→ヤマダ, U+3000→space.
    Nfkc,
    /// Strip leading/trailing whitespace (U+3000 included).
    Trim,
    /// Each whitespace run → one space.
    CollapseSpaces,
    /// Remove all whitespace.
    RemoveSpaces,
    Lowercase,
    /// Hiragana → katakana.
    Katakana,
    /// Keep digits only (full-width digits become ASCII), leading zeros kept.
    DigitsOnly,
    /// 1,200 = ¥1,200 = 1200円 = １２００ → 1200. Values that are not integers stay as they are.
    Integer,
    /// Like `integer` with decimals: 1,200.50 → 1200.5.
    Number,
    /// 2024/4/1 = 2024年4月1日 = 令和6年4月1日 → 2024-04-01. Only real dates; others stay as they are.
    Date,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::Nfkc,
        Step::Trim,
        Step::CollapseSpaces,
        Step::RemoveSpaces,
        Step::Lowercase,
        Step::Katakana,
        Step::DigitsOnly,
        Step::Integer,
        Step::Number,
        Step::Date,
    ];

    /// The name used in options JSON and on the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Step::Nfkc => "nfkc",
            Step::Trim => "trim",
            Step::CollapseSpaces => "collapse_spaces",
            Step::RemoveSpaces => "remove_spaces",
            Step::Lowercase => "lowercase",
            Step::Katakana => "katakana",
            Step::DigitsOnly => "digits_only",
            Step::Integer => "integer",
            Step::Number => "number",
            Step::Date => "date",
        }
    }

    pub fn from_name(name: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

thread_local! {
    // Steps that cannot work in place write here, then swap with the caller's buffer.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Apply `steps` to `input`, leaving the result in `out` (cleared first).
pub fn normalize_into(steps: &[Step], input: &str, out: &mut String) {
    out.clear();
    out.push_str(input);
    // Most keys, codes and e-mail addresses are plain ASCII that no step changes: settled by
    // looking at the bytes, without running the steps.
    if input.is_ascii() && steps.iter().all(|&step| leaves_ascii(step, input.as_bytes())) {
        return;
    }
    SCRATCH.with(|scratch| {
        // A re-entrant call (there is none today) falls back to a fresh buffer instead of panicking.
        let mut fresh = String::new();
        let mut guard = scratch.try_borrow_mut();
        let tmp: &mut String = match guard.as_deref_mut() {
            Ok(s) => s,
            Err(_) => &mut fresh,
        };
        for &step in steps {
            apply(step, out, tmp);
        }
    });
}

pub fn normalize(steps: &[Step], input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    normalize_into(steps, input, &mut out);
    out
}

/// Whether `step` leaves this ASCII text as it is (false when it cannot tell cheaply).
fn leaves_ascii(step: Step, s: &[u8]) -> bool {
    // ASCII white space as `char::is_whitespace` (and so `trim`) knows it.
    let space = |b: &u8| *b == b' ' || (b'\t'..=b'\r').contains(b);
    match step {
        // NFKC and the kana steps change no ASCII character.
        Step::Nfkc | Step::Katakana => true,
        Step::Trim => !s.first().is_some_and(space) && !s.last().is_some_and(space),
        Step::CollapseSpaces => {
            s.iter().all(|b| !space(b) || *b == b' ') && !s.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
        }
        Step::RemoveSpaces => !s.iter().any(space),
        Step::Lowercase => !s.iter().any(u8::is_ascii_uppercase),
        Step::DigitsOnly => s.iter().all(u8::is_ascii_digit),
        Step::Integer | Step::Number | Step::Date => false,
    }
}

fn apply(step: Step, s: &mut String, tmp: &mut String) {
    match step {
        Step::Nfkc => {
            // NFKC leaves ASCII unchanged; Japanese office text takes the short way; the quick
            // check settles most other text.
            if s.is_ascii() {
                return;
            }
            if nfkc_japanese(s, tmp) {
                std::mem::swap(s, tmp);
                return;
            }
            if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
                return;
            }
            tmp.clear();
            tmp.extend(s.nfkc());
            std::mem::swap(s, tmp);
        }
        Step::Trim => {
            let end = s.trim_end().len();
            s.truncate(end);
            let start = s.len() - s.trim_start().len();
            if start > 0 {
                s.drain(..start);
            }
        }
        Step::CollapseSpaces => {
            if !s.chars().any(char::is_whitespace) {
                return;
            }
            tmp.clear();
            let mut in_space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    if !in_space {
                        tmp.push(' ');
                    }
                    in_space = true;
                } else {
                    tmp.push(c);
                    in_space = false;
                }
            }
            std::mem::swap(s, tmp);
        }
        Step::RemoveSpaces => s.retain(|c| !c.is_whitespace()),
        Step::Lowercase => {
            if s.is_ascii() {
                s.make_ascii_lowercase();
            } else {
                tmp.clear();
                tmp.extend(s.chars().flat_map(char::to_lowercase));
                std::mem::swap(s, tmp);
            }
        }
        Step::Katakana => {
            if s.is_ascii() {
                return;
            }
            tmp.clear();
            tmp.extend(s.chars().map(to_katakana));
            std::mem::swap(s, tmp);
        }
        Step::DigitsOnly => {
            if s.is_ascii() {
                s.retain(|c| c.is_ascii_digit());
            } else {
                tmp.clear();
                tmp.extend(s.chars().filter_map(ascii_digit));
                std::mem::swap(s, tmp);
            }
        }
        Step::Integer => {
            if let Some(n) = parse_integer(s) {
                s.clear();
                push_integer(s, n);
            }
        }
        Step::Number => {
            if let Some(x) = parse_number(s) {
                s.clear();
                push_number(s, x);
            }
        }
        Step::Date => {
            if let Some((y, m, d)) = parse_date(s) {
                s.clear();
                match u64::try_from(y) {
                    Ok(y) => {
                        push_digits(s, y, 4);
                        s.push('-');
                        push_digits(s, m.into(), 2);
                        s.push('-');
                        push_digits(s, d.into(), 2);
                    }
                    Err(_) => push_display(s, format_args!("{y:04}-{m:02}-{d:02}")),
                }
            }
        }
    }
}

/// NFKC of text made only of what Japanese office files are made of: ASCII, full-width ASCII,
/// U+3000, kana, kanji and half-width katakana (its voicing marks composed by the library's own
/// table). One pass, without the general algorithm's decomposition buffers (the compare pass on
/// generated pairs with variants: 1.6 → 0.9 s in WebAssembly), and most cells that differ
/// between two exports are such text. False when any other
/// character occurs (`out` is then garbage and the library does the work); a test holds this
/// to the library on every character it handles.
fn nfkc_japanese(s: &str, out: &mut String) -> bool {
    out.clear();
    for c in s.chars() {
        match c {
            '\0'..='\x7F'
            // Hiragana and katakana without the lone voicing marks, CJK ideographs (and
            // extension A): NFKC leaves them as they are.
            | '\u{3041}'..='\u{3096}'
            | '\u{309D}'..='\u{309E}'
            | '\u{30A1}'..='\u{30FE}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}' => out.push(c),
            '\u{3000}' => out.push(' '),
            // Full-width ASCII: ＡＢＣ１２３＠ → ABC123@.
            '\u{FF01}'..='\u{FF5E}' => match char::from_u32(c as u32 - 0xFEE0) {
                Some(a) => out.push(a),
                None => return false,
            },
            // Half-width katakana and punctuation: one full-width character each.
            '\u{FF61}'..='\u{FF9D}' => {
                let mut n = 0;
                decompose_compatible(c, |d| {
                    out.push(d);
                    n += 1;
                });
                if n != 1 {
                    return false;
                }
            }
            // ﾞ ﾟ voice the kana before them: ｶﾞ → ガ. Where no composed character exists the
            // general algorithm decides.
            '\u{FF9E}' | '\u{FF9F}' => {
                let mark = if c == '\u{FF9E}' { '\u{3099}' } else { '\u{309A}' };
                match out.pop().and_then(|base| compose(base, mark)) {
                    Some(voiced) => out.push(voiced),
                    None => return false,
                }
            }
            _ => return false,
        }
    }
    true
}

fn push_display(s: &mut String, v: impl std::fmt::Display) {
    use std::fmt::Write;
    let _ = write!(s, "{v}"); // writing to a String cannot fail
}

/// `n` in decimal, zero-padded to `width` (at most 20) digits, as `{n:0width$}` writes it. The
/// integer and date steps write one for each cell that differs as written (`1,200`, `2024/4/1`):
/// through `fmt` (and i128's software division) that was ~40 ms of a 1M run with variants in a
/// WebAssembly profile; compare pass ~584 → ~558 ms.
fn push_digits(s: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    while n > 0 || at + width > digits.len() {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if at == 0 {
            break;
        }
    }
    s.extend(digits[at..].iter().map(|&b| char::from(b)));
}

/// An integer as `Display` writes it.
fn push_integer(s: &mut String, n: impl Into<i128>) {
    let n: i128 = n.into();
    match u64::try_from(n.unsigned_abs()) {
        Ok(magnitude) => {
            if n < 0 {
                s.push('-');
            }
            push_digits(s, magnitude, 1);
        }
        Err(_) => push_display(s, n),
    }
}

/// Canonical text of a number: whole numbers without a fraction, so 1200 = 1200.00.
fn push_number(s: &mut String, x: f64) {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        push_integer(s, x as i64);
    } else {
        push_display(s, x);
    }
}

fn to_katakana(c: char) -> char {
    match c {
        // ぁ..ゖ and ゝゞ sit exactly 0x60 below their katakana.
        '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309E}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// ASCII and full-width digits as ASCII.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// Fold the full-width and typographic forms a number or date is written with to ASCII.
fn fold_char(c: char) -> char {
    match c {
        '０'..='９' => ascii_digit(c).unwrap_or(c),
        '，' => ',',
        '．' => '.',
        '／' => '/',
        '：' => ':',
        '－' | '−' | '‐' | '‒' | '–' | 'ー' => '-',
        '＋' => '+',
        '\u{3000}' => ' ',
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// ASCII text (nearly every cell) is already folded: borrowed, no allocation.
fn folded(s: &str) -> Cow<'_, str> {
    let s = s.trim();
    if s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(fold_char).collect())
    }
}

/// Split an amount into its sign and the digits-with-separators part: handles ¥ ￥ \ (the yen
/// sign as CP932 decodes it), a trailing 円, and △ ▲ - − for negatives.
fn strip_amount(s: &str) -> Option<(bool, &str)> {
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
fn grouped_digits(int: &str) -> Option<Cow<'_, str>> {
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
pub fn parse_integer(s: &str) -> Option<i128> {
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
pub fn parse_number(s: &str) -> Option<f64> {
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

/// A Japanese era: first day, last day (None = current) of the era.
struct Era {
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

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn real_date(y: i32, m: u32, d: u32) -> Option<(i32, u32, u32)> {
    ((1..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Reads a run of ASCII digits (at most `max`) from the front of `s`.
fn take_number(s: &str, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// Reads one of the separators from the front of `s`.
fn take_sep<'a>(s: &'a str, seps: &[&str]) -> Option<&'a str> {
    seps.iter().find_map(|sep| s.strip_prefix(sep))
}

/// After the date: nothing, 日-less end, or a time such as " 0:00:00" / "T09:30" (Excel exports).
fn rest_is_time(rest: &str) -> bool {
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
fn month_day(s: &str, kanji: bool) -> Option<(u32, u32, &str)> {
    let (m, s) = take_number(s.trim_start(), 2)?;
    let s = if kanji { take_sep(s.trim_start(), &["月"])? } else { take_sep(s, &["-", "/", "."])? };
    let (d, s) = take_number(s.trim_start(), 2)?;
    let s = if kanji { take_sep(s.trim_start(), &["日"])? } else { s };
    Some((m, d, s))
}

/// 2024-04-01, 2024/4/1, 2024.4.1, 20240401, 2024年4月1日, 令和6年4月1日, 平成元年1月8日, R6.4.1,
/// optionally followed by a time. Only dates that exist (and, for eras, fall within the era).
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
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
pub fn parse_era_date(s: &str) -> Option<(i32, u32, u32)> {
    let f = folded(s);
    let s = f.trim();
    ERAS.iter().any(|e| e.names.iter().any(|n| s.starts_with(n))).then(|| parse_date(s))?
}

fn era_date(era: &Era, s: &str) -> Option<(i32, u32, u32)> {
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
    let within = date >= era.start && era.end.map_or(true, |end| date <= end);
    within.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::TestResult;
    use Step::*;

    #[test]
    fn the_ascii_shortcut_gives_what_the_steps_give() {
        // Every step alone and in the kinds' default lists, on random ASCII with the characters
        // that matter (white space of each kind, upper case, digits, punctuation).
        let alphabet = [b' ', b' ', b'\t', b'\n', 0x0B, b'\r', b'a', b'Z', b'0', b'9', b'-', b'@', b'.', b',', b'/'];
        let mut lists: Vec<Vec<Step>> = Step::ALL.iter().map(|&s| vec![s]).collect();
        lists.extend([
            vec![Step::Nfkc, Step::Trim, Step::Lowercase],
            vec![Step::Nfkc, Step::CollapseSpaces, Step::Trim],
            vec![Step::Nfkc, Step::Katakana, Step::RemoveSpaces],
            vec![Step::Nfkc, Step::DigitsOnly],
            vec![Step::Trim, Step::Integer, Step::CollapseSpaces],
            vec![Step::RemoveSpaces, Step::Date, Step::DigitsOnly],
        ]);
        let mut rng = fastrand::Rng::with_seed(3);
        for _ in 0..5_000 {
            let n = rng.usize(0..8);
            let text: String = (0..n).map(|_| alphabet[rng.usize(0..alphabet.len())] as char).collect();
            for steps in &lists {
                let (mut slow, mut tmp) = (text.clone(), String::new());
                for &step in steps {
                    apply(step, &mut slow, &mut tmp);
                }
                assert_eq!(normalize(steps, &text), slow, "{steps:?} on {text:?}");
            }
        }
    }

    #[test]
    fn digits_are_written_as_display_writes_them() {
        let mut rng = fastrand::Rng::with_seed(5);
        let mut values: Vec<i128> = vec![0, 1, -1, 9, 10, -10, 99, 100, i128::from(u64::MAX), -i128::from(u64::MAX)];
        values.extend([i128::from(u64::MAX) + 1, i128::MAX, i128::MIN]);
        values.extend((0..2_000).map(|_| i128::from(rng.i64(..)) >> rng.u32(0..63)));
        for n in values {
            let mut s = String::from("x");
            push_integer(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
        for (n, width) in [(0, 4), (7, 4), (2024, 4), (12345, 4), (5, 2), (31, 2), (0, 1), (u64::MAX, 2)] {
            let mut s = String::new();
            push_digits(&mut s, n, width);
            assert_eq!(s, format!("{n:0width$}"));
        }
    }

    #[test]
    fn the_japanese_nfkc_gives_what_the_library_gives() {
        let library = |s: &str| s.nfkc().collect::<String>();
        // Each character it handles, alone and after a kana it might voice.
        let handled =
            ['\u{3000}'..='\u{3000}', '\u{3041}'..='\u{30FF}', '\u{3400}'..='\u{9FFF}', '\u{FF01}'..='\u{FF9F}'];
        for c in handled.into_iter().flatten() {
            for text in [c.to_string(), format!("ｶ{c}"), format!("ﾊ{c}x")] {
                let mut out = String::new();
                if nfkc_japanese(&text, &mut out) {
                    assert_eq!(out, library(&text), "{text:?}");
                }
            }
        }
        // Random mixtures, with characters it leaves to the library (combining marks, ①, é, ㈱).
        let alphabet: Vec<char> =
            "aZ9 @.ＡＺａ９＠－\u{3000}あがゔアガヴヷーヽヾ・山田髙ｱｶﾊｳﾜｦｯｰﾞﾟ｡\u{3099}\u{309B}①é㈱".chars().collect();
        let mut rng = fastrand::Rng::with_seed(5);
        let mut handled = 0;
        for _ in 0..20_000 {
            let text: String = (0..rng.usize(0..8)).map(|_| alphabet[rng.usize(0..alphabet.len())]).collect();
            let mut out = String::new();
            if nfkc_japanese(&text, &mut out) {
                handled += 1;
                assert_eq!(out, library(&text), "{text:?}");
            }
            assert_eq!(normalize(&[Nfkc], &text), library(&text), "{text:?}");
        }
        assert!(handled > 5_000, "only {handled} texts took the short way");
    }

    #[test]
    fn step_names_round_trip_and_match_serde() -> TestResult {
        for s in Step::ALL {
            assert_eq!(Step::from_name(s.name()), Some(s));
            assert_eq!(serde_json::to_string(&s)?, format!("\"{}\"", s.name()));
        }
        assert_eq!(Step::from_name("NFKC"), None);
        Ok(())
    }

    #[test]
    fn nfkc_folds_width_and_composes_half_width_kana() {
        assert_eq!(normalize(&[Nfkc], "ＡＢＣ１２３"), "ABC123");
        assert_eq!(normalize(&[Nfkc], "taro＠example.jp"), "taro@example.jp");
        assert_eq!(normalize(&[Nfkc], "ﾔﾏﾀﾞ"), "ヤマダ");
        assert_eq!(normalize(&[Nfkc], "山田\u{3000}太郎"), "山田 太郎");
        assert_eq!(normalize(&[Nfkc], "plain ascii"), "plain ascii");
    }

    #[test]
    fn whitespace_steps_include_ideographic_space() {
        assert_eq!(normalize(&[Trim], "\u{3000} 山田 \t"), "山田");
        assert_eq!(normalize(&[CollapseSpaces], "山田\u{3000}\u{3000} 太郎"), "山田 太郎");
        assert_eq!(normalize(&[RemoveSpaces], "山田\u{3000}太郎 "), "山田太郎");
        assert_eq!(normalize(&[Trim], ""), "");
    }

    #[test]
    fn lowercase_katakana_digits() {
        assert_eq!(normalize(&[Lowercase], "Taro@Example.JP"), "taro@example.jp");
        assert_eq!(normalize(&[Lowercase], "ÀÉ"), "àé");
        assert_eq!(normalize(&[Katakana], "やまだ たろう"), "ヤマダ タロウ");
        assert_eq!(normalize(&[Katakana], "ゝゞー"), "ヽヾー");
        assert_eq!(normalize(&[DigitsOnly], "090-1234-5678"), "09012345678");
        assert_eq!(normalize(&[DigitsOnly], "〒０１２－３４５６"), "0123456");
    }

    #[test]
    fn steps_apply_left_to_right() {
        // Half-width kana only composes after nfkc; katakana then folds hiragana.
        assert_eq!(
            normalize(&[Nfkc, Katakana, RemoveSpaces], "ﾔﾏﾀﾞ ﾀﾛｳ"),
            normalize(&[Nfkc, Katakana, RemoveSpaces], "やまだ　たろう")
        );
        assert_eq!(normalize(&[Nfkc, Trim, Lowercase], " ＴＡＲＯ@x.jp\u{3000}"), "taro@x.jp");
    }

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
    fn era_dates_only() {
        assert_eq!(parse_era_date("令和6年4月1日"), Some((2024, 4, 1)));
        assert_eq!(parse_era_date("平成元年1月8日"), Some((1989, 1, 8)));
        assert_eq!(parse_era_date("2024年4月1日"), None);
        assert_eq!(parse_era_date("平成31年5月1日"), None);
    }

    #[test]
    fn arbitrary_text_never_panics() {
        for s in [
            "令",
            "令和",
            "令和元",
            "元年",
            "2024年",
            "年月日",
            "R",
            "\u{FFFF}",
            "2024-",
            "¥円",
            "-",
            "△",
            "1,",
            ",1",
            "e5",
            "1e+",
        ] {
            for step in Step::ALL {
                let _ = normalize(&[step], s);
            }
            let _ = (parse_date(s), parse_integer(s), parse_number(s));
        }
    }
}
