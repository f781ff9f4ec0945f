//! An .xls's workbook stream walked as calamine walks it, to know what it would lay out: each
//! sheet's cells from the first filled one to the farthest, and the space a DIMENSIONS record
//! makes it reserve. BIFF records are [type u16][length u16][data] ([MS-XLS] 2.1.4).

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const FILEPASS: u16 = 0x002F;
const DIMENSIONS: u16 = 0x0200;
const FORMULA: u16 = 0x0006;
const MULRK: u16 = 0x00BD;
/// Records that hold one cell at (row u16, column u16): NUMBER, LABEL, RSTRING, BOOLERR, RK,
/// LABELSST.
const CELLS: [u16; 6] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD];

pub(super) enum Refused {
    Password,
    /// A sheet (by name) and the cells it would lay out.
    Cells(String, u64),
}

fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let (head, tail) = rest.split_at_checked(4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let (data, next) = tail.split_at_checked(len)?;
        rest = next;
        Some((typ, data))
    })
}

fn u16_at(d: &[u8], at: usize) -> Option<u64> {
    d.get(at..at + 2).map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(d: &[u8], at: usize) -> Option<u64> {
    d.get(at..at + 4).map(|b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
}

/// Every sheet within `max` cells (all of them together: calamine lays them all out on
/// opening), or which one is not; a workbook with a password is refused.
pub(super) fn sheets(stream: &[u8], max: u64) -> Result<(), Refused> {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            FILEPASS if u16_at(data, 0).unwrap_or(0) != 0 => return Err(Refused::Password),
            BOUNDSHEET => sheets.push((u32_at(data, 0).unwrap_or(u64::MAX), sheet_name(data, sheets.len()))),
            EOF => break,
            _ => {}
        }
    }
    let mut total = 0u64;
    for (at, name) in sheets {
        // A sheet placed past the stream's end: calamine would slice out of bounds (a panic, which
        // aborts the page's engine), found by the damage test.
        let Some(sheet) = usize::try_from(at).ok().and_then(|at| stream.get(at..)) else {
            return Err(Refused::Cells(name, u64::MAX));
        };
        let cells = laid_out(sheet).ok_or_else(|| Refused::Cells(name.clone(), u64::MAX))?;
        total = total.saturating_add(cells);
        if total > max {
            return Err(Refused::Cells(name, cells));
        }
    }
    Ok(())
}

/// A BOUNDSHEET's name (BIFF8: length, a flag for two-byte characters, then the characters),
/// or the sheet's number.
fn sheet_name(data: &[u8], index: usize) -> String {
    let fallback = || format!("{}", index + 1);
    let (Some(&len), Some(&flags)) = (data.get(6), data.get(7)) else { return fallback() };
    let len = usize::from(len);
    let name = if flags & 1 == 1 {
        data.get(8..8 + 2 * len).map(|b| {
            String::from_utf16_lossy(&b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect::<Vec<_>>())
        })
    } else {
        data.get(8..8 + len).map(|b| b.iter().map(|&c| char::from(c)).collect())
    };
    name.filter(|n| !n.is_empty()).unwrap_or_else(fallback)
}

/// The cells one sheet substream makes calamine hold: its values' and formulas' ranges, or the
/// space a DIMENSIONS record reserves if larger; None for a DIMENSIONS that runs backwards
/// (calamine's row count would wrap).
fn laid_out(sheet: &[u8]) -> Option<u64> {
    #[derive(Default)]
    struct Span(Option<(u64, u64, u64, u64)>);
    impl Span {
        fn add(&mut self, row: u64, first: u64, last: u64) {
            let (r0, r1, c0, c1) = self.0.unwrap_or((row, row, first, last));
            self.0 = Some((r0.min(row), r1.max(row), c0.min(first), c1.max(last)));
        }
        fn cells(&self) -> u64 {
            self.0.map_or(0, |(r0, r1, c0, c1)| (r1 - r0 + 1).saturating_mul(c1.saturating_sub(c0) + 1))
        }
    }
    let (mut values, mut formulas, mut reserved) = (Span::default(), Span::default(), 0u64);
    let (mut seen_bof, mut depth) = (false, 0usize);
    for (typ, d) in records(sheet) {
        // Embedded charts and macro sheets are substreams calamine passes over.
        if depth > 0 {
            match typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = |d: &[u8]| Some((u16_at(d, 0)?, u16_at(d, 2)?));
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => {
                let (rf, rl, cf, cl) = match d.len() {
                    10 => (u16_at(d, 0)?, u16_at(d, 2)?, u16_at(d, 4)?, u16_at(d, 6)?),
                    14 | 16 => (u32_at(d, 0)?, u32_at(d, 4)?, u16_at(d, 8)?, u16_at(d, 10)?),
                    _ => continue,
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                if rl >= 1 && cl >= 1 {
                    if rl - 1 < rf {
                        return None;
                    }
                    reserved = reserved.max((rl - rf).saturating_mul(cl - cf));
                }
            }
            FORMULA => {
                if let Some((r, c)) = at(d) {
                    values.add(r, c, c);
                    formulas.add(r, c, c);
                }
            }
            MULRK => {
                if let (Some((r, first)), Some(last)) = (at(d), d.len().checked_sub(2).and_then(|n| u16_at(d, n))) {
                    // Running backwards, calamine's count of them would underflow.
                    if last < first {
                        return None;
                    }
                    values.add(r, first, last);
                }
            }
            t if CELLS.contains(&t) => {
                if let Some((r, c)) = at(d) {
                    values.add(r, c, c);
                }
            }
            _ => {}
        }
    }
    Some(reserved.max(values.cells()).saturating_add(formulas.cells()))
}
