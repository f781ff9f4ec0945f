//! Delimiters: sniffed from the first records, named as options write them.

use crate::read::records::Records;

/// Delimiters we sniff for, in order of preference when the evidence ties.
pub const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Pick the delimiter that splits the first records into the most consistent, widest rows.
pub fn sniff_delimiter(text: &str) -> u8 {
    const SAMPLE: usize = 64 * 1024;
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let truncated = end < text.len();
    let sample = text.get(..end).unwrap_or("");

    let mut best = (b',', 0.0f64, 0usize);
    for &d in &DELIMITERS {
        let mut records = Records::new(sample, d);
        let mut widths = Vec::with_capacity(100);
        while widths.len() < 100 {
            let Some(r) = records.next_record() else { break };
            if !r.is_blank() {
                widths.push(r.len());
            }
        }
        // The last record of a cut sample may itself be cut.
        let widths = if truncated && widths.len() > 1 { &widths[..widths.len() - 1] } else { &widths[..] };
        let Some(&head) = widths.first() else { continue };
        if head < 2 {
            continue;
        }
        let agree = widths.iter().filter(|&&w| w == head).count() as f64 / widths.len() as f64;
        if agree > best.1 + 1e-9 || ((agree - best.1).abs() <= 1e-9 && head > best.2) {
            best = (d, agree, head);
        }
    }
    best.0
}

/// Display form of a delimiter for reports and options: "," "\t" ";" "|".
pub fn delimiter_label(d: u8) -> String {
    match d {
        b'\t' => "\\t".to_string(),
        other => (other as char).to_string(),
    }
}

/// Parse a delimiter as the user writes it: ",", "tab", "\t", a literal TAB, ";", "|".
pub fn parse_delimiter(s: &str) -> Option<u8> {
    match s {
        "\\t" | "\t" => Some(b'\t'),
        s if s.eq_ignore_ascii_case("tab") => Some(b'\t'),
        s if s.eq_ignore_ascii_case("comma") => Some(b','),
        s if s.len() == 1 && s.is_ascii() && !matches!(s, "\"" | "\n" | "\r") => s.bytes().next(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_delimiter() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("a;b;c\n1;\"2;x\";3\n"), b';');
        assert_eq!(sniff_delimiter("a|b\n1|2\n"), b'|');
        // Commas inside quoted fields must not win over the real delimiter.
        assert_eq!(sniff_delimiter("name;note\n\"A, B, C\";x\n\"D, E\";y\n"), b';');
        assert_eq!(sniff_delimiter("single\n1\n"), b',');
    }

    #[test]
    fn delimiter_labels_round_trip() {
        for d in DELIMITERS {
            assert_eq!(parse_delimiter(&delimiter_label(d)), Some(d));
        }
        assert_eq!(parse_delimiter("tab"), Some(b'\t'));
        assert_eq!(parse_delimiter("\""), None);
        assert_eq!(parse_delimiter("ab"), None);
    }
}
