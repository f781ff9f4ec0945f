//! Excel's error values (#N/A, #REF!): what a cell holds when its formula failed, in a
//! workbook or in a CSV saved from one. Not data: reconcile names each cell, validation refuses it.

/// What Excel (and LibreOffice, `Err:502`) writes in a cell whose formula failed.
const EXCEL_ERRORS: [&str; 16] = [
    "#N/A",
    "#REF!",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#GETTING_DATA",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#PYTHON!",
];

/// Whether cells' bytes (a CSV's text, a workbook's cell) may hold an error value: a `#`
/// anywhere, or an `Err:`; one SIMD search (a look at each record's fields while parsing cost
/// 140–300 instructions a record).
pub(crate) fn may_hold_excel_error(bytes: &[u8]) -> bool {
    // On `:` rather than `E`, far rarer in data than the capital letter.
    memchr::memchr2_iter(b'#', b':', bytes).any(|i| bytes[i] == b'#' || bytes[..=i].ends_with(b"Err:"))
}

/// An Excel error value, as written (`#N/A`), if `cell` is one.
pub(crate) fn excel_error(cell: &str) -> Option<&str> {
    let t = cell.trim_ascii();
    if !t.starts_with('#') && !t.starts_with("Err:") {
        return None;
    }
    let libre = t.strip_prefix("Err:").is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()));
    (libre || EXCEL_ERRORS.iter().any(|e| e.eq_ignore_ascii_case(t))).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_and_libreoffice_error_values_and_nothing_else() {
        for e in ["#N/A", "#REF!", " #DIV/0! ", "#name?", "Err:502"] {
            assert!(excel_error(e).is_some(), "{e}");
        }
        for v in ["", "#", "#1", "#N/A もう一度", "N/A", "Err:5021", "Err:", "#タグ", "A#N/A"] {
            assert_eq!(excel_error(v), None, "{v}");
        }
        for (text, may) in [("a,#N/A\n", true), ("x,Err:502", true), ("09:30,Error", false), ("a,b\n", false)] {
            assert_eq!(may_hold_excel_error(text.as_bytes()), may, "{text}");
        }
    }
}
