//! Telling encodings apart where the bytes alone do not: UTF-16 without a BOM, and the reading
//! that looks more like Japanese when CP932 and EUC-JP both read a file cleanly.

use super::encoding::TextEncoding;
use encoding_rs::Encoder;

/// UTF-16 without BOM: ASCII characters put a NUL in every other byte. Looks at the first 4 KB.
pub(super) fn sniff_utf16(bytes: &[u8]) -> Option<TextEncoding> {
    let units = bytes.get(..4096).unwrap_or(bytes).chunks_exact(2);
    let pairs = units.len();
    let (mut nul_even, mut nul_odd) = (0usize, 0usize);
    for unit in units {
        if let [even, odd] = unit {
            nul_even += usize::from(*even == 0);
            nul_odd += usize::from(*odd == 0);
        }
    }
    let strong = |many: usize, few: usize| pairs > 0 && many * 4 >= pairs && few * 10 <= many;
    if strong(nul_odd, nul_even) {
        Some(TextEncoding::Utf16le)
    } else if strong(nul_even, nul_odd) {
        Some(TextEncoding::Utf16be)
    } else {
        None
    }
}

/// How much a text looks like Japanese. A wrong reading of CP932 as EUC-JP gives random kanji,
/// many of them rare (JIS level 2); a wrong reading of EUC-JP as CP932 gives half-width kana
/// that break kana spelling (a voicing mark after a vowel), half-width punctuation, private-use
/// characters. Real text gives kana and common (level 1) kanji.
///
/// `chardetng` (given the `.jp` hint) was tried in its place and reads short CP932 half-width
/// kana (ﾔﾏﾀﾞ ｹﾝｼﾞ) as EUC-JP, which a test here forbids; on a 256 KB tie it took ~40 ms against
/// ~20, and it adds 44 KB to the .wasm. Kept by hand.
pub(super) fn plausibility(text: &str) -> i64 {
    let mut euc = encoding_rs::EUC_JP.new_encoder();
    let mut prev = '\n';
    let mut score = 0i64;
    for c in text.chars() {
        score += match c {
            '\u{3041}'..='\u{30FF}' => 3, // hiragana, katakana
            '\u{4E00}'..='\u{9FFF}' if common_kanji(&mut euc, c) => 3,
            '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' => 1, // Japanese punctuation, full-width ASCII
            '\u{FF61}'..='\u{FF9F}' => halfwidth_kana(prev, c),
            '\u{E000}'..='\u{F8FF}' => -6, // private use (CP932 user-defined area)
            _ if c.is_ascii() => 0,
            _ => -2, // rare kanji, Greek, Cyrillic, box drawing, ...
        };
        prev = c;
    }
    score
}

/// JIS X 0208 level 1 (rows 16–47, EUC-JP lead bytes 0xB0–0xCF): the 2,965 common kanji.
fn common_kanji(euc: &mut Encoder, c: char) -> bool {
    let (mut utf8, mut out) = ([0u8; 4], [0u8; 4]);
    let (_, _, written) = euc.encode_from_utf8_without_replacement(c.encode_utf8(&mut utf8), &mut out, false);
    written == 2 && matches!(out, [0xB0..=0xCF, ..])
}

/// A half-width katakana character, judged by the one before it.
fn halfwidth_kana(prev: char, c: char) -> i64 {
    let after_kana = ('\u{FF66}'..='\u{FF9F}').contains(&prev);
    let voiceable = matches!(prev, 'ｳ' | 'ｶ'..='ﾄ' | 'ﾊ'..='ﾎ');
    match c {
        'ﾞ' if voiceable => 2,
        'ﾟ' if ('ﾊ'..='ﾎ').contains(&prev) => 2,
        'ﾞ' | 'ﾟ' => -4,
        // Small kana, the long-vowel mark and ﾝ do not begin a word.
        'ｧ'..='ｰ' | 'ﾝ' if after_kana => 1,
        'ｧ'..='ｰ' | 'ﾝ' => -3,
        '｡'..='･' => -2, // half-width punctuation
        _ => 1,
    }
}
