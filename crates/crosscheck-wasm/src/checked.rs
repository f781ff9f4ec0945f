//! A finished validation, held in WebAssembly memory like a run, with the table it checked so
//! that its rows can be handed back page by page, cast as the schema says.

use crate::interop::{fits, js_error, parse_file_options, progress_to, to_js, FileBytes};
use crosscheck::render::{self, Lang};
use crosscheck::report::Issue;
use crosscheck::{CheckedRow, Error, Input, Pick};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Check one file against a Table Schema (JSON text); the result stays in WebAssembly memory.
/// `progress`, if given, hears `{stage, fraction}` as it goes (reading, checking, done).
#[wasm_bindgen]
pub fn validate(
    name: String,
    bytes: FileBytes,
    schema_name: &str,
    schema_json: &str,
    file_options: &str,
    sha256: Option<String>,
    progress: Option<js_sys::Function>,
) -> Result<Checked, JsValue> {
    fits(bytes.length())?;
    let options = parse_file_options(file_options)?;
    let input = Input::new(name, bytes.bytes).with_sha256(sha256);
    let mut tell = progress_to(progress);
    let validated =
        crosscheck::validate_kept(input, schema_json, schema_name, &options, None, &mut tell).map_err(js_error)?;
    Ok(Checked { validated, schema_name: schema_name.to_string() })
}

/// A finished validation, held in WebAssembly memory.
#[wasm_bindgen]
pub struct Checked {
    validated: crosscheck::Validated,
    schema_name: String,
}

#[wasm_bindgen]
impl Checked {
    /// The report without its findings: tool, input, schema, summary.
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        let r = self.validated.uncut_report();
        #[derive(Serialize)]
        struct Head<'a> {
            tool: &'a crosscheck::report::Tool,
            input: &'a crosscheck::report::InputInfo,
            schema_name: &'a str,
            summary: &'a crosscheck::report::ValidationSummary,
            findings: [(); 0],
        }
        to_js(&Head {
            tool: &r.tool,
            input: &r.input,
            schema_name: &self.schema_name,
            summary: &r.validation.summary,
            findings: [],
        })
    }

    #[wasm_bindgen(js_name = findingCount)]
    pub fn finding_count(&self) -> usize {
        self.validated.uncut_report().validation.findings.len()
    }

    /// Findings `start..start + count`.
    pub fn page(&self, start: usize, count: usize) -> Result<JsValue, JsValue> {
        let items: Vec<&crosscheck::report::Issue> =
            self.validated.uncut_report().validation.findings.iter().skip(start).take(count).collect();
        to_js(&items)
    }

    /// Rows `start..start + count` of those picked (`all`, `passed`, `failed`): `{row, line, ok,
    /// values, findings}`, a failed row's findings as the report's finding objects.
    pub fn rows(&self, pick: &str, start: usize, count: usize) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Shown<'a> {
            row: u64,
            line: u64,
            ok: bool,
            values: &'a Option<crosscheck::Values>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            findings: Vec<&'a Issue>,
        }
        let all = self.validated.findings();
        let rows: Vec<CheckedRow> = self.validated.rows(pick_of(pick)?, start, count);
        let shown: Vec<Shown> = rows
            .iter()
            .map(|r| Shown {
                row: r.row,
                line: r.line,
                ok: r.ok,
                values: &r.values,
                findings: r.findings.iter().filter_map(|&i| all.get(i)).collect(),
            })
            .collect();
        to_js(&shown)
    }

    /// How many rows `pick` holds.
    #[wasm_bindgen(js_name = rowCount)]
    pub fn row_count(&self, pick: &str) -> Result<usize, JsValue> {
        Ok(self.validated.count(pick_of(pick)?))
    }

    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> String {
        serde_json::to_string_pretty(self.validated.uncut_report()).unwrap_or_default()
    }

    #[wasm_bindgen(js_name = findingsCsv)]
    pub fn findings_csv(&self) -> Vec<u8> {
        render::validation_csv(&self.validated.uncut_report().validation)
    }

    pub fn text(&self, lang: &str) -> String {
        render::validation_text(self.validated.uncut_report(), &self.schema_name, Lang::from_locale(lang))
    }
}

fn pick_of(pick: &str) -> Result<Pick, JsValue> {
    match pick {
        "all" => Ok(Pick::All),
        "passed" => Ok(Pick::Passed),
        "failed" => Ok(Pick::Failed),
        other => {
            Err(js_error(Error::options(format!("rows: pick \"all\", \"passed\" or \"failed\", not \"{other}\""))))
        }
    }
}
