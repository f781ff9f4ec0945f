//! `pattern` constraints: XML Schema regular expressions (the syntax Table Schema names) run on
//! the `regex` crate. XML Schema's classes are Unicode and differ from Perl's, so they are
//! written out before compiling: `\d` is any decimal digit (１２３ too), `\w` any character but
//! punctuation, separators and others (日本 and `$`, not `_`), `\s` only space, tab, CR and LF,
//! and `.` anything but CR and LF. The whole value must match (XML Schema anchors patterns).

/// A `pattern` constraint: the text as written and its compiled form.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub source: String,
    regex: regex::Regex,
}

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, String> {
        let regex = regex::Regex::new(&format!("^(?:{})$", translate(source))).map_err(|e| e.to_string())?;
        Ok(Pattern { source: source.to_string(), regex })
    }

    pub fn matches(&self, value: &str) -> bool {
        self.regex.is_match(value)
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

const WORD: &str = r"\p{P}\p{Z}\p{C}";
const SPACE: &str = r"\x20\t\n\r";

/// XML Schema's escapes and `.` in the regex crate's words; the rest as written (an escape the
/// crate does not know, such as `\i`, is then an error naming the pattern).
fn translate(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    // How deep in [...] (a subtraction nests one class in another).
    let mut depth = 0usize;
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push('\\');
                    break;
                };
                // Inside [...] a class is nested, which the crate reads as a union.
                let class = |set: &str, negated: bool| {
                    let hat = if negated { "^" } else { "" };
                    format!("[{hat}{set}]")
                };
                match e {
                    'd' => out.push_str(r"\p{Nd}"),
                    'D' => out.push_str(r"\P{Nd}"),
                    'w' => out.push_str(&class(WORD, true)),
                    'W' => out.push_str(&class(WORD, false)),
                    's' => out.push_str(&class(SPACE, false)),
                    'S' => out.push_str(&class(SPACE, true)),
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            '[' if depth == 0 => {
                depth = 1;
                out.push('[');
                // A leading ^ belongs to the class's opening.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
            }
            // XML Schema's class subtraction, `[a-z-[aeiou]]`, is the crate's `--` (a plain
            // nested class would be a union).
            '-' if depth > 0 && chars.peek() == Some(&'[') => {
                chars.next();
                depth += 1;
                out.push_str("--[");
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(']');
            }
            '.' if depth == 0 => out.push_str(r"[^\n\r]"),
            // Not anchors in XML Schema (patterns are anchored whole): plain characters.
            '^' | '$' if depth == 0 => {
                out.push('\\');
                out.push(c);
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(p: &str, v: &str) -> bool {
        Pattern::new(p).map(|p| p.matches(v)).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    #[test]
    fn classes_are_xml_schemas_unicode_ones() {
        assert!(matches(r"\d+", "１２３"));
        assert!(matches(r"\d{3}", "123"));
        assert!(matches(r"\w+", "日本"));
        assert!(matches(r"\w", "$"), "a symbol is a word character in XML Schema");
        assert!(!matches(r"\w", "_"), "punctuation is not");
        assert!(matches(r"[\w-]+", "日本-東京"));
        assert!(!matches(r"\s", "\u{3000}"), "\\s is space, tab, CR and LF only");
        assert!(matches(r"\S+", "山田\u{3000}太郎"));
        assert!(!matches(r"a.b", "a\rb"));
        assert!(matches(r"[.]", "."));
        assert!(!matches(r"C[0-9]{4}", "xC0001"), "anchored");
        assert!(Pattern::new(r"\i").is_err());
        // Subtraction, and ^ and $ as the characters they are.
        assert!(matches(r"[a-z-[aeiou]]+", "xyz"));
        assert!(!matches(r"[a-z-[aeiou]]", "a"));
        assert!(!matches(r"[\p{L}-[a-z]]", "q"));
        assert!(matches(r"$\d", "$5"));
        assert!(matches(r"a^b", "a^b"));
        assert!(matches(r"[^$]", "x") && !matches(r"[^$]", "$"));
    }
}
