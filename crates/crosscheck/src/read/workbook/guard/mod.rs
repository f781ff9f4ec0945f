//! What a workbook asks for, bounded before calamine opens it. calamine unpacks and lays out
//! what a file declares — every sheet of an .xls or .ods as wide and tall as its farthest cell,
//! an .xlsx's shared strings whole — so a small damaged or hostile file could ask for gigabytes
//! (a damaged 9 KB .xls asked for 35 GB), and a failed allocation aborts the page's engine
//! where no error can be returned. Each check here reads the file's own structure, cheaply.

use crate::error::{Error, ErrorKind, Result};
use std::io::{self, Cursor, Read};

mod ods;
mod xls;

/// Cells a workbook may lay out (rows × columns of each sheet, from its first filled cell to
/// its farthest): 20 million, a million rows of 20 columns.
pub(super) const MAX_CELLS: u64 = 20_000_000;

/// What a ZIP entry read whole (shared strings, styles, an .ods's content) may unpack to.
const WHOLE_MAX: u64 = 1 << 30;
/// What all of a ZIP's entries may unpack to, the streamed worksheets included.
const TOTAL_MAX: u64 = 4 << 30;
/// What to do with a workbook that cannot be read, whatever the reason.
pub(super) const SAVE_AGAIN: &str = "open it in Excel and save it again, or save the sheet as CSV UTF-8";

pub(super) const ZIP: &[u8] = b"PK\x03\x04";
pub(super) const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// How a ZIP workbook's packed bytes divide: the parts calamine reads whole when it opens the
/// workbook (shared strings, styles) and the worksheets, read cell by cell after — for the
/// progress bar's shares. Zero for an .xls.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Packed {
    pub whole: u64,
    pub sheets: u64,
}

/// The workbook's declared and real sizes within bounds, or an error naming the file.
pub(crate) fn check(bytes: &[u8], file: &str) -> Result<Packed> {
    if bytes.starts_with(ZIP) {
        zip(bytes, file)
    } else if bytes.starts_with(OLE2) {
        ole2(bytes, file).map(|()| Packed::default())
    } else {
        Ok(Packed::default())
    }
}

fn unreadable(file: &str, why: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Parse, format!("the workbook cannot be read ({why})")).in_file(file).hint(SAVE_AGAIN)
}

fn protected(file: &str) -> Error {
    Error::new(ErrorKind::Parse, "the workbook is password-protected: it cannot be read")
        .in_file(file)
        .hint("open it in Excel, remove the password (File > Info > Protect Workbook) and save it again")
}

fn unpacks_to(file: &str, part: &str, size: u64, packed: usize) -> Error {
    let mb = |n: u64| n.div_ceil(1 << 20);
    Error::new(
        ErrorKind::Parse,
        format!(
            "the workbook unpacks to more than {} MB from {} MB ({part}): too large to read — a damaged file or a zip bomb",
            mb(size),
            mb(packed as u64)
        ),
    )
    .in_file(file)
    .hint(SAVE_AGAIN)
}

/// `span`: `A1:XFD1048576`, or how many cells.
pub(super) fn too_many_cells(file: &str, sheet: &str, span: &str) -> Error {
    Error::new(ErrorKind::Parse, format!("sheet \"{sheet}\" spans {span}, too large to read"))
        .in_file(file)
        .hint("delete the rows and columns past the table in Excel, or save the sheet as CSV UTF-8")
}

/// .xlsx and .ods: the sizes the ZIP declares, and an .ods's sheets measured.
fn zip(bytes: &[u8], file: &str) -> Result<Packed> {
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(file, e))?;
    let (mut total, mut ods, mut packed) = (0u64, None, Packed::default());
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| unreadable(file, e))?;
        let name = entry.name().map_err(|e| unreadable(file, e))?.to_string();
        if entry.encrypted() {
            return Err(protected(file));
        }
        total = total.saturating_add(entry.size());
        let part = if name.starts_with("xl/worksheets/") { &mut packed.sheets } else { &mut packed.whole };
        *part = part.saturating_add(entry.compressed_size());
        // Worksheets are read cell by cell, under the cell bound; the rest is read whole.
        let streamed = name.starts_with("xl/worksheets/") && !name.contains("_rels");
        if total > TOTAL_MAX || (!streamed && entry.size() > WHOLE_MAX) {
            return Err(unpacks_to(file, &name, entry.size().max(total), bytes.len()));
        }
        if name == "content.xml" {
            ods = Some((i, entry.size()));
        }
    }
    // An entry that unpacks past its declared size is an error of the ZIP reader (calamine's
    // too): sizes can be trusted once checked. An .ods's sheets are laid out from content.xml.
    if let Some((i, declared)) = ods {
        let mut entry = archive.by_index(i).map_err(|e| unreadable(file, e))?;
        let mut spans = ods::Spans::default();
        spans.measure(io::BufReader::new((&mut entry).take(declared))).map_err(|e| unreadable(file, e))?;
        if let Some((sheet, cells)) = spans.too_many(MAX_CELLS) {
            return Err(too_many_cells(file, &sheet, &format!("{cells} cells")));
        }
    }
    Ok(packed)
}

/// .xls: the container opened, its workbook stream's sheets measured as calamine lays them out.
fn ole2(bytes: &[u8], file: &str) -> Result<()> {
    let mut container = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| unreadable(file, e))?;
    // An .xlsx saved with a password is an OLE2 container holding the encrypted package.
    if container.exists("/EncryptedPackage") {
        return Err(protected(file));
    }
    let Some(name) = ["/Workbook", "/Book"].into_iter().find(|n| container.exists(n)) else {
        return Err(unreadable(file, "it holds no workbook stream"));
    };
    let mut stream = Vec::new();
    let reader = container.open_stream(name).map_err(|e| unreadable(file, e))?;
    // A stream is never longer than the file that holds it, whatever a damaged header says.
    reader.take(bytes.len() as u64).read_to_end(&mut stream).map_err(|e| unreadable(file, e))?;
    match xls::sheets(&stream, MAX_CELLS) {
        Ok(()) => Ok(()),
        Err(xls::Refused::Password) => Err(protected(file)),
        Err(xls::Refused::Cells(sheet, u64::MAX)) => Err(unreadable(file, format!("sheet \"{sheet}\" is damaged"))),
        Err(xls::Refused::Cells(sheet, cells)) => Err(too_many_cells(file, &sheet, &format!("{cells} cells"))),
    }
}
