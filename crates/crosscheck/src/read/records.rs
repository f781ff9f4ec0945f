//! CSV text → records, each field placed in the text where it can be.
//!
//! Most lines of an export hold no quote: their fields are the bytes between delimiters, found
//! with `memchr` (SIMD), several times faster than a general parser — what decides the reading
//! time at a million rows in the browser. A line with a quote or a bare CR goes to `csv-core`,
//! the csv crate's own parser, so quoted fields, doubled quotes and embedded newlines are read
//! exactly as the csv crate reads them (the tests hold the two readers to the same records).

use memchr::{memchr, memchr3_iter};

/// Splits decoded text into records, one at a time (`next_record` lends the record).
pub struct Records<'t> {
    text: &'t [u8],
    delimiter: u8,
    /// Where the next record (or the blank lines before it) starts.
    pos: usize,
    /// 1-based line number of `pos`.
    line: u64,
    core: csv_core::Reader,
    /// Whether csv-core has read the first record (where it strips a byte-order mark).
    started: bool,
    /// The current record's fields: spans of `text`, or of `unescaped` when `in_text` is false.
    spans: Vec<(usize, usize)>,
    in_text: bool,
    unescaped: Vec<u8>,
    ends: Vec<usize>,
    /// The current record's `spread`.
    spread: u64,
    /// The current record ran to the end of the text inside a quote.
    unclosed: bool,
}

/// One record: where it is, and its fields.
pub struct Record<'r> {
    /// Physical line it starts on (1-based).
    pub line: u64,
    /// Byte offset just after it: the share of the text read so far.
    pub end: usize,
    /// Each field's span; in the text when `in_text`, else in `bytes`.
    pub spans: &'r [(usize, usize)],
    pub in_text: bool,
    /// Newlines inside its quoted fields: lines it spans past its first (Excel shows it as one
    /// row, so a later record's row in Excel is its line less these).
    pub spread: u64,
    /// A quote opened in it is never closed: it ran to the end of the text over lines that were
    /// meant to be records.
    pub unclosed: bool,
    bytes: &'r [u8],
}

impl Record<'_> {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn field(&self, i: usize) -> &[u8] {
        self.spans.get(i).and_then(|&(a, b)| self.bytes.get(a..b)).unwrap_or(&[])
    }

    pub fn fields(&self) -> impl Iterator<Item = &[u8]> + Clone + '_ {
        (0..self.len()).map(|i| self.field(i))
    }

    /// Every field empty or white space: Excel's trailing `,,,,` lines.
    pub fn is_blank(&self) -> bool {
        self.fields().all(|f| f.iter().all(|b| b.is_ascii_whitespace()))
    }
}

impl<'t> Records<'t> {
    pub fn new(text: &'t str, delimiter: u8) -> Records<'t> {
        Records {
            text: text.as_bytes(),
            delimiter,
            pos: 0,
            line: 1,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            started: false,
            spans: Vec::new(),
            in_text: true,
            unescaped: Vec::new(),
            ends: Vec::new(),
            spread: 0,
            unclosed: false,
        }
    }

    /// The next record, or None at the end of the text. The first record always goes through
    /// csv-core, which strips a byte-order mark there as the csv crate does.
    pub fn next_record(&mut self) -> Option<Record<'_>> {
        let text = self.text;
        // Blank lines between records are skipped, as csv-core skips them.
        while let Some(&(b'\r' | b'\n')) = text.get(self.pos) {
            self.line += u64::from(text[self.pos] == b'\n');
            self.pos += 1;
        }
        if self.pos >= text.len() {
            return None;
        }
        let (start, line) = (self.pos, self.line);
        let newline = memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
        let content_end = if newline > start && text[newline - 1] == b'\r' { newline - 1 } else { newline };
        self.spread = 0;
        self.unclosed = false;
        let end = if self.started && self.split_plain(start, content_end) {
            self.line += u64::from(newline < text.len());
            (newline + 1).min(text.len())
        } else {
            self.parse_with_core(start)
        };
        self.pos = end;
        let bytes = if self.in_text { text } else { &self.unescaped[..] };
        Some(Record {
            line,
            end,
            spans: &self.spans,
            in_text: self.in_text,
            spread: self.spread,
            unclosed: self.unclosed,
            bytes,
        })
    }

    /// Split `start..end` on the delimiter if it holds no quote and no CR; false otherwise.
    fn split_plain(&mut self, start: usize, end: usize) -> bool {
        self.spans.clear();
        self.in_text = true;
        let mut field = start;
        for i in memchr3_iter(self.delimiter, b'"', b'\r', &self.text[start..end]) {
            let at = start + i;
            if self.text[at] != self.delimiter {
                return false;
            }
            self.spans.push((field, at));
            field = at + 1;
        }
        self.spans.push((field, end));
        true
    }

    /// Read one record at `start` with csv-core; returns where the next one starts. Its fields
    /// are placed in the text when they stand there as read (no quote was removed).
    fn parse_with_core(&mut self, start: usize) -> usize {
        use csv_core::ReadRecordResult::*;
        self.started = true;
        let text = self.text;
        self.spans.clear();
        if self.unescaped.len() < 1024 {
            self.unescaped.resize(1024, 0);
        }
        if self.ends.len() < 64 {
            self.ends.resize(64, 0);
        }
        let (mut at, mut out, mut nends) = (start, 0, 0);
        loop {
            let input = text.get(at..).unwrap_or(&[]);
            let (result, nin, nout, nend) =
                self.core.read_record(input, &mut self.unescaped[out..], &mut self.ends[nends..]);
            at += nin;
            out += nout;
            nends += nend;
            match result {
                // Ends are written relative to the record, whatever buffer they went into.
                OutputFull => self.unescaped.resize(self.unescaped.len() * 2, 0),
                OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                // The whole rest of the text was given: empty input now tells csv-core it ended.
                InputEmpty if input.is_empty() => break,
                InputEmpty => {}
                Record | End => break,
            }
        }
        let mut from = 0;
        for &to in &self.ends[..nends] {
            self.spans.push((from, to));
            from = to;
        }
        let newlines = memchr::memchr_iter(b'\n', text.get(start..at).unwrap_or(&[])).count() as u64;
        self.line += newlines;
        let terminated = at > start && text.get(at - 1) == Some(&b'\n');
        self.spread = newlines.saturating_sub(u64::from(terminated));
        // Read to the end over several lines with an odd number of quotes: one was never closed.
        let quotes = memchr::memchr_iter(b'"', text.get(start..at).unwrap_or(&[])).count();
        self.unclosed = at >= text.len() && self.spread > 0 && quotes % 2 == 1;
        self.in_text = self.place_in_text(start);
        at
    }

    /// When every field of the record just read stands in the text as read, point at the text.
    fn place_in_text(&mut self, start: usize) -> bool {
        let (text, n) = (self.text, self.spans.len());
        let mut p = start;
        let in_place = self.spans.iter().enumerate().all(|(i, &(a, b))| {
            let field = self.unescaped.get(a..b).unwrap_or(&[]);
            let here = text.get(p..p + field.len()) == Some(field)
                && (i + 1 == n || text.get(p + field.len()) == Some(&self.delimiter));
            p += field.len() + 1;
            here
        });
        if in_place {
            let mut p = start;
            for span in &mut self.spans {
                let len = span.1 - span.0;
                *span = (p, p + len);
                p += len + 1;
            }
        }
        in_place
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both readers on the same text: (line, fields) of every record.
    fn ours(text: &str, d: u8) -> Vec<(u64, Vec<String>)> {
        let mut r = Records::new(text, d);
        let mut out = Vec::new();
        while let Some(rec) = r.next_record() {
            out.push((rec.line, rec.fields().map(|f| String::from_utf8_lossy(f).into_owned()).collect()));
        }
        out
    }

    fn theirs(text: &str, d: u8) -> Vec<Vec<String>> {
        let mut r =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(d).from_reader(text.as_bytes());
        r.byte_records()
            .filter_map(|rec| rec.ok())
            .map(|rec| rec.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect())
            .collect()
    }

    fn same(text: &str) {
        for d in [b',', b'\t', b';'] {
            let text = text.replace(',', &(d as char).to_string());
            let got: Vec<Vec<String>> = ours(&text, d).into_iter().map(|(_, f)| f).collect();
            assert_eq!(got, theirs(&text, d), "{text:?}");
        }
    }

    #[test]
    fn reads_what_the_csv_crate_reads() {
        for text in [
            "a,b,c\n1,2,3\n",
            "a,b\r\n1,2\r\n\r\n3,4",
            "a,b\n\n\n1,2\n",
            "a,b\n1,\"x,y\"\n\"q\"\"q\",z\n",
            "a,b\n1,\"multi\nline\"\n2,3\n",
            "a,b\n1,2\r3,4\n",
            "a,b\n1,x\"y\n",
            "\u{feff}\"a\",b\n1,2\n",
            "a,b\n1,2,3\n4\n",
            "a,b\n,\n ,\t\n",
            "a\n\"unterminated,1\n2\n",
            "a,b\n\"\"\n\"x\"y,z\n",
            "\r\n\r\na,b\r1,2\r",
            "a,b",
            "",
        ] {
            same(text);
        }
    }

    #[test]
    fn reads_what_the_csv_crate_reads_on_random_text() {
        // Short texts from the bytes that matter, 5 000 of them: every mix of quotes, CR, LF,
        // delimiters and blanks the two readers could disagree on.
        let alphabet = ['a', 'b', ',', ',', '"', '\r', '\n', '\n', ' ', '\t', 'あ'];
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..5_000 {
            let n = rng.usize(0..40);
            let text: String = (0..n).map(|_| alphabet[rng.usize(0..alphabet.len())]).collect();
            same(&text);
        }
    }

    #[test]
    fn counts_physical_lines() {
        let got: Vec<u64> = ours("h\n\n1\r\n\"a\nb\"\n2\n\n\n3", b',').into_iter().map(|(l, _)| l).collect();
        assert_eq!(got, vec![1, 3, 4, 6, 9]);
    }

    #[test]
    fn fields_stand_in_the_text_unless_quotes_were_removed() {
        let mut r = Records::new("h\n1,x\"y\n\"q\",2\n", b',');
        let mut in_text = Vec::new();
        while let Some(rec) = r.next_record() {
            in_text.push(rec.in_text);
        }
        assert_eq!(in_text, vec![true, true, false]);
    }
}
