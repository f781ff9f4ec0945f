//! The encodings a text file can be read in, by the labels options and reports use.

use encoding_rs::Encoding;
use std::fmt;
use TextEncoding::*;

/// The encodings a file can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    // Serialized as the canonical labels, so options and reports use one spelling.
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "utf-16le")]
    Utf16le,
    #[serde(rename = "utf-16be")]
    Utf16be,
    Cp932,
    EucJp,
}

impl TextEncoding {
    /// Canonical label used in reports and options: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "cp932", "euc-jp".
    pub fn label(self) -> &'static str {
        match self {
            Utf8 => "utf-8",
            Utf8Bom => "utf-8-bom",
            Utf16le => "utf-16le",
            Utf16be => "utf-16be",
            Cp932 => "cp932",
            EucJp => "euc-jp",
        }
    }

    /// Parse a user-given label, case-insensitive, with the usual aliases (`_` = `-`):
    /// utf8, utf-8-sig, utf-16 and unicode (Excel's name; both UTF-16LE), windows-31j, ms932,
    /// shift_jis, sjis, eucjp. Unknown → None.
    pub fn from_label(label: &str) -> Option<TextEncoding> {
        let label = label.trim().to_ascii_lowercase().replace('_', "-");
        Some(match label.as_str() {
            "utf-8" | "utf8" => Utf8,
            "utf-8-bom" | "utf-8-sig" | "utf8-bom" | "utf8-sig" => Utf8Bom,
            "utf-16" | "utf-16le" | "utf16" | "utf16le" | "unicode" => Utf16le,
            "utf-16be" | "utf16be" => Utf16be,
            "cp932" | "windows-31j" | "ms932" | "shift-jis" | "sjis" => Cp932,
            "euc-jp" | "eucjp" => EucJp,
            _ => return None,
        })
    }

    /// The name used in messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            Utf8 | Utf8Bom => "UTF-8",
            Utf16le => "UTF-16LE",
            Utf16be => "UTF-16BE",
            Cp932 => "CP932 (Shift_JIS)",
            EucJp => "EUC-JP",
        }
    }

    pub(super) fn bom(self) -> &'static [u8] {
        match self {
            Utf8Bom => b"\xEF\xBB\xBF",
            Utf16le => b"\xFF\xFE",
            Utf16be => b"\xFE\xFF",
            Utf8 | Cp932 | EucJp => b"",
        }
    }

    /// WHATWG Shift_JIS is Windows-31J: it has the NEC and IBM extensions (髙 﨑 ① ㈱).
    pub(super) fn encoding(self) -> &'static Encoding {
        match self {
            Utf8 | Utf8Bom => encoding_rs::UTF_8,
            Utf16le => encoding_rs::UTF_16LE,
            Utf16be => encoding_rs::UTF_16BE,
            Cp932 => encoding_rs::SHIFT_JIS,
            EucJp => encoding_rs::EUC_JP,
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;

    #[test]
    fn labels() -> TestResult {
        let all = [Utf8, Utf8Bom, Utf16le, Utf16be, Cp932, EucJp];
        for e in all {
            assert_eq!(TextEncoding::from_label(e.label()), Some(e));
            assert_eq!(e.to_string(), e.label());
            assert_eq!(serde_json::to_string(&e)?, format!("\"{}\"", e.label()));
        }
        let aliases = [
            ("UTF8", Utf8),
            ("utf-8-sig", Utf8Bom),
            ("UTF-16", Utf16le),
            ("unicode", Utf16le),
            ("utf-16BE", Utf16be),
            ("Windows-31J", Cp932),
            ("MS932", Cp932),
            ("Shift_JIS", Cp932),
            ("shift-jis", Cp932),
            ("SJIS", Cp932),
            ("EUCJP", EucJp),
            (" euc_jp ", EucJp),
        ];
        for (label, e) in aliases {
            assert_eq!(TextEncoding::from_label(label), Some(e), "{label}");
        }
        for unknown in ["", "latin1", "utf-32", "shift"] {
            assert_eq!(TextEncoding::from_label(unknown), None);
        }
        Ok(())
    }
}
