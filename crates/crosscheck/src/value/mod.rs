//! Values as people write them in Japanese office files, one copy each: numbers and amounts
//! (`number`), dates and era dates (`date`), Japanese formats such as postal codes and phone
//! numbers (`japanese`), Excel's error values (`excel`). Normalisation, profiling and validation all read values through these.

pub(crate) mod date;
pub(crate) mod excel;
pub(crate) mod japanese;
pub(crate) mod number;

use std::borrow::Cow;

/// ASCII and full-width digits as ASCII.
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// Fold the full-width and typographic forms a number or date is written with to ASCII.
pub(crate) fn fold_char(c: char) -> char {
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
pub(crate) fn folded(s: &str) -> Cow<'_, str> {
    let s = s.trim();
    if s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(fold_char).collect())
    }
}
