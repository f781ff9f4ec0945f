//! A small .xlsx writer for tests that need what LibreOffice does not write: Excel's CJK built-in
//! date formats (numFmtId 27–36, 50–58, which LibreOffice saves as custom codes) and sheets of
//! tens of thousands of cells. Only the parts a reader needs: content types, workbook, its
//! relations, styles and the sheets, cells inline.

use std::io::Write;

/// A cell: text, or a number in the given built-in number format (0 = General).
pub enum Cell {
    Text(String),
    Number(f64, u32),
}

/// A workbook of `sheets` (name, rows from A1), in the 1904 date system if `date1904`, its text
/// cells inline.
pub fn workbook(sheets: &[(&str, Vec<Vec<Cell>>)], date1904: bool) -> Vec<u8> {
    workbook_with(sheets, date1904, false)
}

/// The same, the text cells in a shared-strings table if `shared` (as Excel writes them).
pub fn workbook_with(sheets: &[(&str, Vec<Vec<Cell>>)], date1904: bool, shared: bool) -> Vec<u8> {
    let mut formats: Vec<u32> = vec![0];
    for (_, rows) in sheets {
        for cell in rows.iter().flatten() {
            if let Cell::Number(_, f) = cell {
                if !formats.contains(f) {
                    formats.push(*f);
                }
            }
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut put = |path: &str, text: String| {
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(path, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    };
    let overrides: String = (1..=sheets.len())
        .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        .collect();
    let strings_type = if shared {
        r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
    } else {
        ""
    };
    put(
        "[Content_Types].xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{strings_type}{overrides}</Types>"#
        ),
    );
    put("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string());
    let names: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!(r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#, n = i + 1))
        .collect();
    let pr = if date1904 { r#"<workbookPr date1904="1"/>"# } else { "<workbookPr/>" };
    put(
        "xl/workbook.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{pr}<sheets>{names}</sheets></workbook>"#
        ),
    );
    let mut rels: String = (1..=sheets.len())
        .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
        .collect();
    rels.push_str(&format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#, sheets.len() + 1));
    if shared {
        rels.push_str(&format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#, sheets.len() + 2));
    }
    let mut strings: Vec<&str> = Vec::new();
    put(
        "xl/_rels/workbook.xml.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    let xfs: String = formats
        .iter()
        .map(|f| format!(r#"<xf numFmtId="{f}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>"#))
        .collect();
    put(
        "xl/styles.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="{}">{xfs}</cellXfs></styleSheet>"#,
            formats.len()
        ),
    );
    for (i, (_, rows)) in sheets.iter().enumerate() {
        let width = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:{}{}"/><sheetData>"#,
            letters(width - 1),
            rows.len().max(1)
        );
        for (r, row) in rows.iter().enumerate() {
            xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                let at = format!("{}{}", letters(c), r + 1);
                match cell {
                    Cell::Text(t) if shared => {
                        xml.push_str(&format!(r#"<c r="{at}" t="s"><v>{}</v></c>"#, strings.len()));
                        strings.push(t);
                    }
                    Cell::Text(t) => {
                        xml.push_str(&format!(r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#, escape(t)))
                    }
                    Cell::Number(x, f) => {
                        let s = formats.iter().position(|g| g == f).unwrap_or(0);
                        xml.push_str(&format!(r#"<c r="{at}" s="{s}"><v>{x}</v></c>"#));
                    }
                }
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData></worksheet>");
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), xml);
    }
    if shared {
        let items: String = strings.iter().map(|t| format!("<si><t>{}</t></si>", escape(t))).collect();
        put(
            "xl/sharedStrings.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{items}</sst>"#,
                n = strings.len()
            ),
        );
    }
    zip.finish().expect("zip finish").into_inner()
}

fn letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
