//! Japanese formats, one copy each: the loose forms a column's content is recognised by
//! (`looks_like_*`: full-width digits, 〒, brackets allowed) and the strict forms validation
//! requires (`is_*`: as a partner's import expects them written).

pub(crate) fn looks_like_email(v: &str) -> bool {
    let v = v.trim();
    let Some((local, domain)) = v.rsplit_once(['@', '＠']) else { return false };
    !local.is_empty() && domain.contains(['.', '．']) && !domain.starts_with('.') && !v.contains(char::is_whitespace)
}

fn digits(v: &str) -> usize {
    v.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count()
}

fn only(v: &str, extra: &[char]) -> bool {
    v.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || extra.contains(&c))
}

pub(crate) fn looks_like_postal(v: &str) -> bool {
    let v = v.trim().trim_start_matches('〒').trim();
    only(v, &['-', '－', 'ー', '‐']) && digits(v) == 7
}

pub(crate) fn looks_like_phone(v: &str) -> bool {
    let v = v.trim();
    let n = digits(v);
    only(v, &['-', '－', 'ー', '‐', '(', ')', '（', '）', '+', ' ', '　'])
        && (10..=13).contains(&n)
        && (v.starts_with(['0', '０', '+', '(', '（']))
}

pub(crate) fn looks_like_kana(v: &str) -> bool {
    v.chars().all(|c| {
        matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{FF66}'..='\u{FF9F}' | '゛' | '゜' | '・')
            || c.is_whitespace()
    })
}

/// NNN-NNNN in ASCII digits.
pub(crate) fn is_postal_code(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 8 && b[3] == b'-' && b.iter().enumerate().all(|(i, c)| i == 3 || c.is_ascii_digit())
}

/// A Japanese number as written: ASCII digits with optional hyphens or parentheses; 10 digits
/// for fixed lines and 0120/0570 numbers, 11 for mobile/IP/0800 (020, 050, 060, 070, 080, 090).
pub(crate) fn is_jp_phone(v: &str) -> bool {
    if v.is_empty() || !v.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '(' | ')')) {
        return false;
    }
    if v.starts_with('-') || v.ends_with('-') || v.contains("--") {
        return false;
    }
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    let eleven = ["020", "050", "060", "070", "080", "090", "0800"].iter().any(|p| digits.starts_with(p));
    if eleven {
        digits.len() == 11
    } else {
        digits.len() == 10 && digits.starts_with('0') && !digits.starts_with("00")
    }
}
