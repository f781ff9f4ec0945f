//! Excel's error values (#N/A, #REF!) in cells: a formula that could not work out its value
//! left it there — in a workbook, or in a CSV saved from one. Each is a finding naming its cell,
//! and its text is still compared as it stands.

use crate::read::table::Table;
use crate::report::{Finding, Side};
use crate::value::excel::excel_error;

/// Every data cell of `table` holding an error value, in row order.
pub(super) fn error_cells(table: &Table, side: Side) -> Vec<Finding> {
    // Most files hold no '#' or "Err:" at all, as their table noted while it was read (on the
    // reading thread); only the others are looked at cell by cell.
    if !table.may_hold_errors {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in 0..table.len() {
        for c in 0..table.width() {
            if let Some(value) = excel_error(table.cell(r, c)) {
                let place = table.place(r);
                out.push(Finding::ErrorCell {
                    file: side,
                    row: place.row,
                    line: place.line,
                    column: table.header[c].clone(),
                    value: value.to_string(),
                    cell: table.cell_name(place.line, c),
                });
            }
        }
    }
    out
}
