//! One input file, from bytes to a table: hash, decode, parse. The hash is taken of the bytes as
//! given so the sign-off receipt names exactly the file that was checked.

use crate::decode::{decode_with_progress, TextEncoding};
use crate::error::{Error, Result};
use crate::options::FileOptions;
use crate::report::InputInfo;
use crate::table::{delimiter_label, parse_delimiter, Table, DELIMITERS};
use sha2::{Digest, Sha256};

/// A file as the user handed it over.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file's name, used in findings and errors (`source.csv`).
    pub name: String,
    pub bytes: Vec<u8>,
    /// The bytes' SHA-256 (hex) when the caller already has it: the browser hashes with its
    /// native `crypto.subtle`, about twice as fast as SHA-256 compiled to WebAssembly even
    /// counting the copy it makes (128 MB: ~140 ms against ~300 ms).
    pub sha256: Option<String>,
}

/// Whether `hex` reads as a SHA-256: 64 hexadecimal digits.
pub fn is_sha256(hex: &str) -> bool {
    hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input { name: name.into(), bytes: bytes.into(), sha256: None }
    }

    /// The same input, with its SHA-256 computed by the caller (lower-case hex of these bytes).
    pub fn with_sha256(mut self, sha256: Option<String>) -> Input {
        self.sha256 = sha256.filter(|h| is_sha256(h));
        self
    }

    /// The same input, hashed by the caller while it is read: `InputInfo::sha256` stays empty
    /// until the caller sets it (the page's worker hashes on the browser's own thread meanwhile).
    pub fn hashed_by_caller(mut self) -> Input {
        self.sha256 = Some(String::new());
        self
    }
}

/// A file read into a table, with what was detected.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub table: Table,
    pub info: InputInfo,
}

/// The encoding the options ask for: None = detect.
pub fn requested_encoding(options: &FileOptions, file: &str) -> Result<Option<TextEncoding>> {
    match options.encoding.trim() {
        "" | "auto" => Ok(None),
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
    let sha256 = input.sha256.unwrap_or_else(|| hex(&Sha256::digest(&input.bytes)));
    // Decoding is the first 15 % (UTF-8 is only checked: it goes by at once), parsing the rest.
    let decoded = decode_with_progress(input.bytes, encoding, &name, &mut |f| progress(0.15 * f))?;
    progress(0.15);
    let encoding_label = decoded.encoding.label().to_string();
    let table = Table::parse_with_progress(&name, decoded.text, delimiter, &mut |f| progress(0.15 + 0.85 * f))?;
    let info = InputInfo {
        name,
        sha256,
        bytes,
        encoding: encoding_label,
        delimiter: delimiter_label(table.delimiter),
        rows: table.records(),
        columns: table.header.clone(),
        renamed_columns: table.renamed.clone(),
        blank_records: table.blank_records,
    };
    Ok(Loaded { table, info })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;

    #[test]
    fn loads_and_describes_a_file() -> TestResult {
        let l = load(Input::new("a.csv", "id;name\n1;x\n".as_bytes()), &FileOptions::default())?;
        assert_eq!(l.info.delimiter, ";");
        assert_eq!(l.info.encoding, "utf-8");
        assert_eq!(l.info.rows, 1);
        // sha256("id;name\n1;x\n")
        assert_eq!(l.info.sha256.len(), 64);
        assert_eq!(l.info.sha256, hex(&Sha256::digest(b"id;name\n1;x\n")));
        Ok(())
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
