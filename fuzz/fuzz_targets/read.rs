//! The reader: any bytes, under any encoding/delimiter choice, give a table or an error, never a
//! panic; and what it reads keeps its promises (cells in range, rows numbered upward).
#![no_main]
use crosscheck::{inspect, FileOptions, Input};
use libfuzzer_sys::fuzz_target;

const ENCODINGS: [&str; 7] = ["auto", "utf-8", "utf-16le", "utf-16be", "cp932", "euc-jp", "nonsense"];
const DELIMITERS: [&str; 6] = ["auto", ",", "\t", ";", "|", "::"];

fuzz_target!(|data: &[u8]| {
    let (choice, bytes) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let options = FileOptions {
        encoding: ENCODINGS[(choice % 7) as usize].to_string(),
        delimiter: DELIMITERS[((choice / 7) % 6) as usize].to_string(),
        ..FileOptions::default()
    };
    if let Ok(i) = inspect(Input::new("fuzz.csv", bytes.to_vec()), &options) {
        assert!(i.malformed.windows(2).all(|w| w[0].row < w[1].row));
        assert!(i.input.rows >= i.malformed.len());
    }
});
