//! The command's files: what it reads (a path, or `-` for standard input — once per run), and
//! the report it writes, never over one of the files it read, and whole or not at all.

use crosscheck::{Error, ErrorKind, Input};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The files a run reads, so the report is never written over one of them, and standard
/// input is read at most once.
#[derive(Default)]
pub struct Files {
    read: Vec<PathBuf>,
    stdin_for: Option<String>,
}

impl Files {
    /// A data file's bytes, named by its file name.
    pub fn input(&mut self, path: &str, what: &str) -> Result<Input, Error> {
        let bytes = self.bytes(path, what)?;
        let name = if path == "-" {
            "(stdin)".to_string()
        } else {
            Path::new(path).file_name().map_or(path.to_string(), |n| n.to_string_lossy().into_owned())
        };
        Ok(Input::new(name, bytes))
    }

    /// A text file (`--config`, `--schema`).
    pub fn text(&mut self, path: &str, what: &str) -> Result<String, Error> {
        let bytes = self.bytes(path, what)?;
        String::from_utf8(bytes).map_err(|_| {
            Error::new(ErrorKind::Io, format!("{what} is not UTF-8 text")).in_file(path).hint("save it as UTF-8")
        })
    }

    fn bytes(&mut self, path: &str, what: &str) -> Result<Vec<u8>, Error> {
        if path == "-" {
            if let Some(first) = &self.stdin_for {
                return Err(Error::options(format!(
                    "{first} and {what} are both `-`: standard input can be read only once"
                ))
                .hint("give one of them as a file"));
            }
            self.stdin_for = Some(what.to_string());
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| io_error("(stdin)", e))?;
            return Ok(bytes);
        }
        self.read.push(PathBuf::from(path));
        std::fs::read(path).map_err(|e| io_error(path, e))
    }

    /// Write the report to `path` (standard output when None): refused when it is one of the
    /// files read (by any path or link to it); written to a temporary file beside it and
    /// renamed into place, so a failure never leaves half a report or a damaged file.
    pub fn write(&mut self, path: Option<&PathBuf>, bytes: &[u8]) -> Result<(), Error> {
        self.write_with(path, &mut |w| w.write_all(bytes))
    }

    /// `write`, the text made by `fill` as it goes (rows by the page, never all in memory):
    /// the same checks, the same temporary file renamed into place. A run writes each path once.
    pub fn write_with(
        &mut self,
        path: Option<&PathBuf>,
        fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let Some(path) = path else {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            return fill(&mut out).and_then(|()| out.flush()).map_err(|e| write_error("(stdout)", e));
        };
        let name = path.display().to_string();
        // Only a regular file is replaced by rename: renaming over /dev/null or a FIFO would
        // put a plain file in its place (a real /dev/null once became one this way), and a link
        // would lose its target. Nor is a FIFO opened to compare it: that waits for a writer.
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let existing = std::fs::metadata(&target).ok();
        if existing.as_ref().is_some_and(|m| !m.is_file()) {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .and_then(|f| {
                    let mut out = std::io::BufWriter::new(f);
                    fill(&mut out).and_then(|()| out.flush())
                })
                .map_err(|e| write_error(&name, e));
        }
        self.not_an_input(path)?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut tmp =
            tempfile::Builder::new().prefix(".crosscheck-").tempfile_in(&dir).map_err(|e| write_error(&name, e))?;
        if let Some(m) = &existing {
            // A report written again keeps the mode its owner gave it; a new one stays 0600.
            tmp.as_file().set_permissions(m.permissions()).map_err(|e| write_error(&name, e))?;
        }
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut out).and_then(|()| out.flush()).map_err(|e| write_error(&name, e))?;
        drop(out);
        tmp.as_file().sync_all().map_err(|e| write_error(&name, e))?;
        tmp.persist(&target).map_err(|e| write_error(&name, e.error))?;
        Ok(())
    }

    /// Refuses an output that is one of the files read (by any path or link to it); a pipe or
    /// device is never one (nor opened to compare it: a FIFO would wait for a writer). A run
    /// with several outputs asks for each before it writes any.
    pub fn not_an_input(&self, path: &PathBuf) -> Result<(), Error> {
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            return Ok(());
        }
        match self.read.iter().find(|r| same_file::is_same_file(r, path).unwrap_or(false)) {
            Some(input) => Err(Error::options(format!(
                "the output would be written over {}, one of the files it reads",
                input.display()
            ))
            .in_file(path.display().to_string())
            .hint("choose another file for -o, --passed or --failed")),
            None => Ok(()),
        }
    }
}

/// Refuses two outputs of one run on one file (`-o r.jsonl --passed r.jsonl`) before anything
/// is written.
pub fn apart(outputs: &[Option<&PathBuf>]) -> Result<(), Error> {
    let given: Vec<&PathBuf> = outputs.iter().flatten().copied().collect();
    for (i, a) in given.iter().enumerate() {
        for b in &given[i + 1..] {
            let same = a == b || same_file::is_same_file(a, b).unwrap_or(false);
            if same {
                return Err(Error::options("two outputs of this run would be written to the same file")
                    .in_file(a.display().to_string())
                    .hint("give -o, --passed and --failed different files"));
            }
        }
    }
    Ok(())
}

fn io_error(file: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot read the file: {e}")).in_file(file).hint("check the path and permissions")
}

fn write_error(file: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot write the file: {e}")).in_file(file)
}
