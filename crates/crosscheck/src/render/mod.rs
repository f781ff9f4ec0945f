//! Reports for people and for Excel: `text` (Japanese or English, summary first), `csv` (UTF-8
//! with BOM, safe against formula injection), and the finding sentences both use (with `damage`:
//! what Excel did to a file's columns) — written once
//! here, also handed to the page by the bindings. JSON is the report's own serde form.

mod csv;
mod damage;
mod pairing;
mod sentences;
mod text;

pub use csv::{csv, neutralize, validation_csv, CSV_COLUMNS};
pub use damage::damage_sentence;
pub use pairing::{candidate_sentence, pairing_sentence};
pub use sentences::{describe, describe_issue, kind_label, layout_sentence, sentence};
pub use text::{text, validation_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// Japanese when the locale (`LANG`, `LC_ALL`, …) starts with `ja`, English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_the_language() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
