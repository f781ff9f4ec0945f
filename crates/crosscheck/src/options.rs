//! The options contract: one JSON object shared by the CLI (`--config`), the npm API and the page.
//!
//! Everything is optional; what is left out is detected, and the report echoes the options that
//! were actually used with the detected parts filled in, so a saved report's options reproduce
//! the run exactly.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    #[serde(default)]
    pub source: FileOptions,
    #[serde(default)]
    pub list: FileOptions,
    /// Key columns (composite when more than one). Omitted: chosen automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Vec<ColumnSpec>>,
    /// How rows are paired: `key` (by the key's value), `consensus` (with the source record most
    /// of a row's identifying columns agree on) or `auto` (omitted): by the key when it is an ID
    /// or a code (named here or chosen), else by consensus when some columns can vote.
    #[serde(default, skip_serializing_if = "Pairing::is_auto")]
    pub pairing: Pairing,
    /// The compared columns, exhaustively. Omitted: every column the automatic mapping pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<ColumnSpec>>,
    /// Pairs pinned on top of the automatic mapping (the CLI's `--map SRC=LIST`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub map: Vec<ColumnSpec>,
    /// Keep at most this many findings in the report; the summary still counts them all.
    #[serde(default)]
    pub max_findings: Option<usize>,
    /// A Table Schema the list must also satisfy: validation in the same run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<serde_json::Value>,
}

/// How list rows find their source records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pairing {
    #[default]
    Auto,
    Key,
    Consensus,
}

impl Pairing {
    pub const ALL: [Pairing; 3] = [Pairing::Auto, Pairing::Key, Pairing::Consensus];

    pub fn is_auto(&self) -> bool {
        *self == Pairing::Auto
    }

    pub fn name(self) -> &'static str {
        match self {
            Pairing::Auto => "auto",
            Pairing::Key => "key",
            Pairing::Consensus => "consensus",
        }
    }
}

/// How to read one file. `"auto"` (or omitted) means detect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileOptions {
    #[serde(default = "auto")]
    pub encoding: String,
    #[serde(default = "auto")]
    pub delimiter: String,
    /// A workbook's sheet: its name or its 1-based position; omitted, the first that holds a
    /// table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<SheetChoice>,
    /// The header's row as Excel numbers it (the line, in a CSV); omitted, it is found: the
    /// first row that looks like a header, below title and blank lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_row: Option<u64>,
}

/// Which sheet of a workbook: `"宛先"` or `2`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SheetChoice {
    Index(usize),
    Name(String),
}

impl std::fmt::Display for SheetChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetChoice::Index(i) => write!(f, "{i}"),
            SheetChoice::Name(n) => write!(f, "\"{n}\""),
        }
    }
}

impl Default for FileOptions {
    fn default() -> Self {
        FileOptions { encoding: auto(), delimiter: auto(), sheet: None, header_row: None }
    }
}

fn auto() -> String {
    "auto".to_string()
}

/// One column pair: a key part or a compared column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    /// Column name in the source file.
    pub source: String,
    /// Column name in the list; omitted: the column the mapping pairs with `source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// Normalisation steps, left to right; omitted: chosen from the column's content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalize: Option<Vec<Step>>,
    /// For `number` columns: values closer than this are equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// Whether a value here identifies a customer (so it can be cross-wired); omitted: decided
    /// from the column's kind and uniqueness in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifying: Option<bool>,
}

impl ColumnSpec {
    pub fn named(source: &str) -> ColumnSpec {
        ColumnSpec { source: source.to_string(), list: None, normalize: None, tolerance: None, identifying: None }
    }

    pub fn pair(source: &str, list: &str) -> ColumnSpec {
        ColumnSpec { list: Some(list.to_string()), ..ColumnSpec::named(source) }
    }
}

impl Options {
    /// Parse the options JSON, with a message that says where it is wrong. A byte-order mark
    /// (Notepad writes one) is not part of the JSON.
    pub fn from_json(text: &str) -> Result<Options> {
        serde_json::from_str(text.trim_start_matches('\u{FEFF}')).map_err(|e| {
            Error::options(format!("the options are not valid: {e}"))
                .at_line(e.line() as u64)
                .hint("see the options format in the README")
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A normalisation step, by the name it has in options JSON and on the CLI; `normalize` applies
/// them.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;

    #[test]
    fn the_design_example_parses() -> TestResult {
        let o = Options::from_json(
            r#"{
              "source": {"encoding": "auto", "delimiter": "auto"},
              "list":   {"encoding": "cp932", "delimiter": ","},
              "key": [{"source": "customer_id", "list": "顧客ID", "normalize": ["nfkc", "trim"]}],
              "columns": [
                {"source": "email", "list": "メールアドレス", "normalize": ["nfkc", "trim", "lowercase"]},
                {"source": "points", "list": "ポイント", "normalize": ["integer"]}
              ],
              "max_findings": null
            }"#,
        )?;
        assert_eq!(o.list.encoding, "cp932");
        assert_eq!(o.key.as_deref().and_then(|k| k.first()).and_then(|k| k.list.as_deref()), Some("顧客ID"));
        assert_eq!(
            o.columns.as_deref().and_then(|c| c.get(1)).and_then(|c| c.normalize.clone()),
            Some(vec![Step::Integer])
        );
        Ok(())
    }

    #[test]
    fn empty_object_means_everything_automatic() -> TestResult {
        let o = Options::from_json("{}")?;
        assert_eq!(o, Options::default());
        assert_eq!(o.source.encoding, "auto");
        Ok(())
    }

    #[test]
    fn unknown_fields_and_steps_are_errors_with_a_line() {
        let e = Options::from_json("{\n\"colums\": []}").unwrap_err();
        assert!(e.to_string().contains("colums"), "{e}");
        assert_eq!(e.line, Some(2));
        let e = Options::from_json(r#"{"columns": [{"source": "a", "normalize": ["upper"]}]}"#).unwrap_err();
        assert!(e.to_string().contains("upper"), "{e}");
    }

    #[test]
    fn round_trips() -> TestResult {
        let o = Options { key: Some(vec![ColumnSpec::pair("id", "顧客ID")]), ..Options::default() };
        assert_eq!(Options::from_json(&o.to_json())?, o);
        Ok(())
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
    fn a_byte_order_mark_is_not_part_of_the_json() -> TestResult {
        let with_bom = Options::from_json("\u{FEFF}{\"max_findings\": 3}")?;
        assert_eq!(with_bom.max_findings, Some(3));
        assert!(Options::from_json("x{}").is_err());
        Ok(())
    }
}
