//! The core's words, gathered for a front end to list: finding kinds, normalisation steps, the
//! encodings and delimiters a file can be read with, the ways rows are paired, the sides, and
//! the progress bars. The page
//! takes them from here (through the bindings) instead of keeping lists of its own.

use crate::options::{Pairing, Step};
use crate::progress::{self, Span};
use crate::read::table::DELIMITERS;
use crate::report::FindingKind;
use serde::Serialize;

/// The encodings a person can choose, by their options labels (detection can also report
/// `utf-8-bom`).
const ENCODINGS: [&str; 5] = ["utf-8", "utf-16le", "utf-16be", "cp932", "euc-jp"];

/// What a front end lists; "auto" (detect) is the first choice of `encodings` and `delimiters`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vocabulary {
    pub finding_kinds: Vec<&'static str>,
    pub validation_kinds: [&'static str; 3],
    pub steps: Vec<&'static str>,
    pub encodings: Vec<&'static str>,
    pub delimiters: Vec<String>,
    /// How rows are paired (`options.pairing`), "auto" first.
    pub pairings: Vec<&'static str>,
    pub sides: [&'static str; 2],
    pub progress: Bars,
}

/// Each call's progress bar: which stage runs from where to where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bars {
    pub reconcile: &'static [Span],
    pub reconcile_checked: &'static [Span],
    pub validate: &'static [Span],
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        finding_kinds: FindingKind::ALL.iter().map(|k| k.name()).collect(),
        validation_kinds: ["invalid", "duplicate", "malformed"],
        steps: Step::ALL.iter().map(|s| s.name()).collect(),
        encodings: std::iter::once("auto").chain(ENCODINGS).collect(),
        // As the characters themselves (a TAB, not "\t"): options take either.
        delimiters: std::iter::once("auto".to_string())
            .chain(DELIMITERS.iter().map(|&d| char::from(d).to_string()))
            .collect(),
        pairings: Pairing::ALL.iter().map(|p| p.name()).collect(),
        sides: ["source", "list"],
        progress: Bars {
            reconcile: &progress::RECONCILE,
            reconcile_checked: &progress::RECONCILE_CHECKED,
            validate: &progress::VALIDATE,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::FileOptions;
    use crate::read::{requested_delimiter, requested_encoding};

    #[test]
    fn every_encoding_and_delimiter_listed_is_one_the_options_take() {
        let v = vocabulary();
        for encoding in &v.encodings {
            let options = FileOptions { encoding: encoding.to_string(), ..FileOptions::default() };
            assert!(requested_encoding(&options, "a.csv").is_ok(), "{encoding}");
        }
        for delimiter in &v.delimiters {
            let options = FileOptions { delimiter: delimiter.clone(), ..FileOptions::default() };
            assert!(requested_delimiter(&options, "a.csv").is_ok(), "{delimiter:?}");
        }
        assert_eq!(v.finding_kinds.len(), FindingKind::ALL.len());
        let json = serde_json::to_value(&v).unwrap_or_default();
        assert_eq!(json["progress"]["validate"][1]["stage"], "checking");
        assert_eq!(json["finding_kinds"][4], "crosswired");
    }
}
