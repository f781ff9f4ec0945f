//! One input file, from bytes to a table: hash, decode, parse. The hash is taken of the bytes as
//! given so the sign-off receipt names exactly the file that was checked.

use super::decode::{decode_with_progress, TextEncoding};
use super::table::{delimiter_label, parse_delimiter, Table, DELIMITERS};
use crate::error::{Error, Result};
use crate::options::FileOptions;
use crate::report::Damage;
use serde::Serialize;
use sha2::Digest;
use std::sync::OnceLock;

/// A SHA-256 as lower-case hex: 64 digits, never empty, so a receipt cannot name a file by "".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Sha256(String);

impl Sha256 {
    /// `hex` if it reads as a SHA-256 (64 hexadecimal digits, either case).
    pub fn parse(hex: &str) -> Option<Sha256> {
        (hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| Sha256(hex.to_ascii_lowercase()))
    }

    /// The SHA-256 of `bytes`.
    pub fn of(bytes: &[u8]) -> Sha256 {
        Sha256(sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who hashes an input's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Hash {
    /// The core, while reading.
    Here,
    /// The caller, already.
    Given(Sha256),
    /// The caller, while the core reads: handed over with [`Loaded::set_sha256`].
    Later,
}

/// A file as the user handed it over.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file's name, used in findings and errors (`source.csv`).
    pub name: String,
    pub bytes: Vec<u8>,
    hash: Hash,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input { name: name.into(), bytes: bytes.into(), hash: Hash::Here }
    }

    /// The same input, with its SHA-256 computed by the caller (hex of these bytes; anything
    /// else is ignored and the core hashes). The browser hashes with its native
    /// `crypto.subtle`, about twice as fast as SHA-256 compiled to WebAssembly even counting the
    /// copy it makes (128 MB: ~140 ms against ~300 ms).
    pub fn with_sha256(mut self, sha256: Option<String>) -> Input {
        if let Some(h) = sha256.as_deref().and_then(Sha256::parse) {
            self.hash = Hash::Given(h);
        }
        self
    }

    /// The same input, hashed by the caller while it is read: the caller hands the hash over
    /// with [`Loaded::set_sha256`], and a report refuses a file whose hash never came.
    pub fn hashed_by_caller(mut self) -> Input {
        self.hash = Hash::Later;
        self
    }
}

/// A file read into a table, with what was detected.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub(crate) table: Table,
    pub(crate) name: String,
    /// Its size in bytes, as handed over.
    pub bytes: usize,
    pub(crate) sha256: Option<Sha256>,
    /// The encoding it was read in, as options name it (`cp932`).
    pub encoding: String,
    /// The delimiter it was read with, as options name it (`,`, `\t`); empty for a workbook.
    pub delimiter: String,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// A workbook's sheets, in its order.
    pub sheets: Vec<String>,
    /// What Excel did to its columns, found once when first asked for (a file read once serves
    /// its inspection, its plan and every run).
    pub(crate) damage: OnceLock<Vec<Damage>>,
}

impl Loaded {
    /// The SHA-256 of the bytes it was read from, when the caller hashed them (see
    /// [`Input::hashed_by_caller`]).
    pub fn set_sha256(&mut self, sha256: Sha256) {
        self.sha256 = Some(sha256);
    }

    pub fn sha256(&self) -> Option<&Sha256> {
        self.sha256.as_ref()
    }
}

/// The encoding the options ask for: None = detect.
pub fn requested_encoding(options: &FileOptions, file: &str) -> Result<Option<TextEncoding>> {
    match options.encoding.trim() {
        // A workbook is known by its bytes; its format, echoed as the encoding, reads as "detect".
        "" | "auto" | "xlsx" | "xls" | "xlsb" | "ods" => Ok(None),
        label => TextEncoding::from_label(label).map(Some).ok_or_else(|| {
            Error::options(format!("unknown encoding \"{label}\""))
                .in_file(file)
                .hint("use auto, utf-8, utf-16le, utf-16be, cp932 (Shift_JIS) or euc-jp")
        }),
    }
}

/// The delimiter the options ask for: None = sniff.
pub fn requested_delimiter(options: &FileOptions, file: &str) -> Result<Option<u8>> {
    match options.delimiter.as_str() {
        "" | "auto" => Ok(None),
        label => parse_delimiter(label).map(Some).ok_or_else(|| {
            let known: Vec<String> = DELIMITERS.iter().map(|&d| delimiter_label(d)).collect();
            Error::options(format!("unknown delimiter \"{label}\""))
                .in_file(file)
                .hint(format!("use auto, {}", known.join(" ")))
        }),
    }
}

pub fn load(input: Input, options: &FileOptions) -> Result<Loaded> {
    load_with_progress(input, options, &mut |_| {})
}

/// `load`, with the share of the file read reported as it goes.
pub fn load_with_progress(input: Input, options: &FileOptions, progress: &mut dyn FnMut(f64)) -> Result<Loaded> {
    let name = input.name;
    let encoding = requested_encoding(options, &name)?;
    let delimiter = requested_delimiter(options, &name)?;
    let bytes = input.bytes.len();
    let sha256 = match input.hash {
        Hash::Here => Some(Sha256::of(&input.bytes)),
        Hash::Given(h) => Some(h),
        Hash::Later => None,
    };
    // A workbook has a sheet where a text file has a delimiter; its format stands as its encoding.
    let (table, encoding, delimiter, sheet, sheets) = if super::workbook::is_workbook(&input.bytes) {
        let sheet = super::workbook::read(input.bytes, &name, options.sheet.as_ref(), options.header_row, progress)?;
        (sheet.table, sheet.format.to_string(), String::new(), Some(sheet.name), sheet.names)
    } else {
        // Decoding is the first 15 % (UTF-8 is only checked: it goes by at once), parsing the rest.
        let decoded = decode_with_progress(input.bytes, encoding, &name, &mut |f| progress(0.15 * f))?;
        progress(0.15);
        let encoding = decoded.encoding.label().to_string();
        let table = Table::parse_with_progress(&name, decoded.text, delimiter, options.header_row, &mut |f| {
            progress(0.15 + 0.85 * f)
        })?;
        let delimiter = delimiter_label(table.delimiter);
        (table, encoding, delimiter, None, Vec::new())
    };
    progress(1.0);
    Ok(Loaded { table, name, bytes, sha256, encoding, delimiter, sheet, sheets, damage: OnceLock::new() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;

    #[test]
    fn loads_and_describes_a_file() -> TestResult {
        let l = load(Input::new("a.csv", "id;name\n1;x\n".as_bytes()), &FileOptions::default())?;
        assert_eq!(l.delimiter, ";");
        assert_eq!(l.encoding, "utf-8");
        assert_eq!(l.table.records(), 1);
        // `printf 'id;name\n1;x\n' | sha256sum`
        let known = "f513b53f75e63666cdc1e53d9bdb7fe7c728fc02b2ea96c2491dbc6f073c4cf2";
        assert_eq!(l.sha256().map(Sha256::as_str), Some(known));
        // The empty input's, from FIPS 180-2's test vectors.
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(Sha256::of(b"").as_str(), empty);
        Ok(())
    }

    #[test]
    fn a_hash_is_64_hex_digits_or_nothing() {
        let upper = "F513B53F75E63666CDC1E53D9BDB7FE7C728FC02B2EA96C2491DBC6F073C4CF2";
        assert_eq!(Sha256::parse(upper).map(|h| h.0), Some(upper.to_ascii_lowercase()));
        for bad in ["", "f513", &upper.replace('F', "g"), &format!("{upper}0")] {
            assert_eq!(Sha256::parse(bad), None, "{bad}");
        }
        let given = Input::new("a.csv", "x\n").with_sha256(Some(upper.into()));
        assert_eq!(given.hash, Hash::Given(Sha256(upper.to_ascii_lowercase())));
        assert_eq!(Input::new("a.csv", "x\n").with_sha256(Some(String::new())).hash, Hash::Here);
        let later = load(Input::new("a.csv", "x\n").hashed_by_caller(), &FileOptions::default());
        assert!(matches!(later.map(|l| l.sha256), Ok(None)));
    }

    #[test]
    fn bad_option_values_are_errors_naming_the_file() {
        let o = FileOptions { encoding: "latin-9".into(), ..FileOptions::default() };
        let e = load(Input::new("a.csv", "a\n"), &o).unwrap_err();
        assert!(e.to_string().starts_with("a.csv: unknown encoding"), "{e}");
        let o = FileOptions { delimiter: "::".into(), ..FileOptions::default() };
        assert!(load(Input::new("a.csv", "a\n"), &o).is_err());
    }
}
