//! The one error type of the crate.
//!
//! Every failure the core can meet is a value of [`Error`]: it names the file, and where known the
//! line, row, byte and column, so that the message shown to a person can say exactly where the
//! problem is and what to do about it. The core never panics on input; a panic inside WebAssembly
//! would kill the page's engine.

use std::fmt;

/// What went wrong, broadly. Scripts and the page branch on this; people read the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The bytes are not text in the detected or requested encoding.
    Decode,
    /// The text could not be read as a table (no header, unreadable CSV).
    Parse,
    /// The options name something that does not exist or make no sense.
    Options,
    /// No key could be found or the key is unusable.
    Key,
    /// Reading or writing a file failed.
    Io,
    /// A validation schema that is itself wrong.
    Schema,
    /// The files are too big for the memory available (in the browser: 4 GiB at most).
    Memory,
    /// A check the library makes on its own result failed: a bug, never the user's fault.
    Internal,
}

/// An error with the place it happened.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Error {
    pub kind: ErrorKind,
    /// The file's name as the user gave it (`source.csv`), or `source`/`list` when unnamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Physical line (1 = header line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Data row (1 = first record after the header).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// Byte offset in the file, 0-based.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// What to do, as a code a front end words with its own controls (the CLI its flags, the
    /// page its buttons): the core knows neither.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Remedy>,
}

/// A remedy a front end words its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// Name the key column (or columns).
    NameKey,
    /// Name the key and pair rows by it.
    PairByKey,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            file: None,
            line: None,
            row: None,
            byte: None,
            column: None,
            message: message.into(),
            hint: None,
            remedy: None,
        }
    }

    pub fn options(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Options, message)
    }

    pub fn internal(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Internal, message)
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Error {
        self.file = Some(file.into());
        self
    }

    pub fn at_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    pub fn at_row(mut self, row: u64) -> Error {
        self.row = Some(row);
        self
    }

    pub fn at_byte(mut self, byte: u64) -> Error {
        self.byte = Some(byte);
        self
    }

    pub fn in_column(mut self, column: impl Into<String>) -> Error {
        self.column = Some(column.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    pub fn remedy(mut self, remedy: Remedy) -> Error {
        self.remedy = Some(remedy);
        self
    }
}

/// One line: `file: line L, row R, column "C": message (hint)`.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(line) = self.line {
            place.push(format!("line {line}"));
        }
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        if let Some(byte) = self.byte {
            place.push(format!("byte {byte}"));
        }
        if let Some(column) = &self.column {
            place.push(format!("column \"{column}\""));
        }
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        if !place.is_empty() {
            write!(f, "{}: ", place.join(", "))?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_on_one_line_with_place_and_hint() {
        let e = Error::new(ErrorKind::Decode, "bytes 0x82 0xFF are not CP932")
            .in_file("list.csv")
            .at_line(12)
            .at_byte(345)
            .hint("choose the file's encoding with --list-encoding");
        assert_eq!(
            e.to_string(),
            "list.csv: line 12, byte 345: bytes 0x82 0xFF are not CP932 (choose the file's encoding with --list-encoding)"
        );
        assert!(!e.to_string().contains('\n'));
    }
}
