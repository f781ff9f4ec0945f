//! The normalisation steps (`options::Step`), applied left to right to a cell before comparing.
//!
//! Each step is cheap on the common case: ASCII input skips Unicode normalisation entirely, and
//! `normalize_into` reuses the caller's buffer so a column of a million cells allocates nothing
//! per cell.

mod nfkc;
mod write;

pub use crate::options::Step;
use crate::value::ascii_digit;
use crate::value::date::parse_date;
use crate::value::number::{parse_integer, parse_number};
use nfkc::nfkc_japanese;
use std::cell::RefCell;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
use write::{push_digits, push_display, push_integer, push_number};

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

fn to_katakana(c: char) -> char {
    match c {
        // ぁ..ゖ and ゝゞ sit exactly 0x60 below their katakana.
        '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309E}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::date::parse_date;
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
