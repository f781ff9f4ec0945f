//! The harmless format variants a second tool would write: full-width digits, half-width
//! kana, hiragana, 和暦 (era) dates, ¥ amounts. None of them may be reported.

pub(crate) fn yen(n: u32) -> String {
    if n >= 1000 {
        format!("¥{},{:03}", n / 1000, n % 1000)
    } else {
        format!("¥{n}")
    }
}

/// 令和6年4月1日 / 平成31年4月30日 / 令和元年5月1日 for dates from 平成 on.
pub(crate) fn era(y: i32, m: u32, d: u32) -> Option<String> {
    let (name, first) = if (y, m, d) >= (2019, 5, 1) {
        ("令和", 2019)
    } else if (y, m, d) >= (1989, 1, 8) {
        ("平成", 1989)
    } else {
        return None;
    };
    let n = y - first + 1;
    let year = if n == 1 { "元".to_string() } else { n.to_string() };
    Some(format!("{name}{year}年{m}月{d}日"))
}

pub(crate) fn to_hiragana(s: &str) -> String {
    s.chars()
        .map(|c| if ('\u{30A1}'..='\u{30F6}').contains(&c) { char::from_u32(c as u32 - 0x60).unwrap_or(c) } else { c })
        .collect()
}

pub(crate) fn to_full_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c) } else { c })
        .collect()
}

/// Half-width katakana as old systems export it: ヤマダ → ﾔﾏﾀﾞ.
pub(crate) fn to_half_width_kana(s: &str) -> String {
    const PLAIN: &str = "ｧｱｨｲｩｳｪｴｫｵｶｶｷｷｸｸｹｹｺｺｻｻｼｼｽｽｾｾｿｿﾀﾀﾁﾁｯﾂﾂﾃﾃﾄﾄﾅﾆﾇﾈﾉﾊﾊﾊﾋﾋﾋﾌﾌﾌﾍﾍﾍﾎﾎﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜﾜｲｴｦﾝｳ";
    // Marks per katakana from ァ (U+30A1) to ヴ (U+30F4): 1 = dakuten, 2 = handakuten.
    const MARKS: &[u8] = concat!(
        "0000000000",      // ァアィイゥウェエォオ
        "0101010101",      // カガキギクグケゲコゴ
        "0101010101",      // サ行
        "01010010101",     // タダチヂッツヅテデトド
        "00000",           // ナ行
        "012012012012012", // ハバパ…
        "00000",           // マ行
        "000000",          // ャヤュユョヨ
        "00000",           // ラ行
        "0000001",         // ヮワヰヱヲンヴ
    )
    .as_bytes();
    let plain: Vec<char> = PLAIN.chars().collect();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let i = (c as u32).wrapping_sub(0x30A1) as usize;
        match (plain.get(i), MARKS.get(i)) {
            (Some(&h), Some(&m)) => {
                out.push(h);
                match m {
                    b'1' => out.push('ﾞ'),
                    b'2' => out.push('ﾟ'),
                    _ => {}
                }
            }
            _ => out.push(match c {
                'ー' => 'ｰ',
                ' ' | '\u{3000}' => ' ',
                _ => c,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck::{normalize, Step};

    #[test]
    fn variants_are_harmless_under_the_default_steps() {
        assert_eq!(
            normalize(&[Step::Nfkc, Step::Katakana, Step::RemoveSpaces], &to_half_width_kana("ヤマダ タロウ")),
            "ヤマダタロウ"
        );
        assert_eq!(to_half_width_kana("ガッコウ パン"), "ｶﾞｯｺｳ ﾊﾟﾝ");
        assert_eq!(normalize(&[Step::Nfkc], &to_half_width_kana("ヴァイオリン")), "ヴァイオリン");
        assert_eq!(to_hiragana("ヤマダ"), "やまだ");
        assert_eq!(era(2024, 4, 1).as_deref(), Some("令和6年4月1日"));
        assert_eq!(era(2019, 5, 1).as_deref(), Some("令和元年5月1日"));
        assert_eq!(era(2019, 4, 30).as_deref(), Some("平成31年4月30日"));
        // The era text the list carries reads back as the same date through the core's date step.
        for (y, m, d) in [(2024, 4, 1), (2019, 5, 1), (1989, 1, 8), (2000, 2, 29)] {
            let text = era(y, m, d).unwrap_or_default();
            assert_eq!(normalize(&[Step::Date], &text), format!("{y:04}-{m:02}-{d:02}"), "{text}");
        }
        assert_eq!(yen(3000), "¥3,000");
    }
}
