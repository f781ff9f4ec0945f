//! Cells as Excel names them: `D105`, `宛先!D105`, `'My list'!D105`, `D10:D25`.

use super::Table;

impl Table {
    /// Row `line` as Excel numbers it: the line, less the newlines inside quoted cells above.
    pub fn excel_row(&self, line: u64) -> u64 {
        let at = self.spread.partition_point(|&(from, _)| u64::from(from) <= line);
        line - at.checked_sub(1).and_then(|i| self.spread.get(i)).map_or(0, |s| u64::from(s.1)).min(line)
    }

    /// A column's cells from one line to another, as Excel names a range: `D10:D25`.
    pub fn range_name(&self, from: u64, to: u64, col: usize) -> String {
        format!("{}:{}{}", self.cell_name(from, col), column_letters(col), self.excel_row(to))
    }

    /// A cell as Excel names it, with the sheet for a workbook: `D105`, `宛先!D105`,
    /// `'My list'!D105`.
    pub fn cell_name(&self, line: u64, col: usize) -> String {
        let cell = format!("{}{}", column_letters(col), self.excel_row(line));
        match &self.sheet {
            Some(sheet) => format!("{}!{cell}", sheet_ref(sheet)),
            None => cell,
        }
    }
}

/// A column's letters as Excel shows them, from 0: A, Z, AA, XFD.
pub fn column_letters(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// A sheet's name in a cell reference: quoted when Excel would quote it (spaces, punctuation,
/// a leading digit), with `'` doubled.
fn sheet_ref(sheet: &str) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_' || c as u32 > 0x7F)
        && !sheet.starts_with(|c: char| c.is_ascii_digit());
    if plain && !sheet.is_empty() {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}
