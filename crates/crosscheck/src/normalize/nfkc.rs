//! A short way to NFKC for Japanese office text; the library does the rest.

use unicode_normalization::char::{compose, decompose_compatible};

/// NFKC of text made only of what Japanese office files are made of: ASCII, full-width ASCII,
/// U+3000, kana, kanji and half-width katakana (its voicing marks composed by the library's own
/// table). One pass, without the general algorithm's decomposition buffers (the compare pass on
/// generated pairs with variants: 1.6 → 0.9 s in WebAssembly), and most cells that differ
/// between two exports are such text. False when any other
/// character occurs (`out` is then garbage and the library does the work); a test holds this
/// to the library on every character it handles.
pub(super) fn nfkc_japanese(s: &str, out: &mut String) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::options::Step::*;
    use unicode_normalization::UnicodeNormalization;

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
}
