//! A finished validation, held in WebAssembly memory like a run.

use crate::interop::{fits, js_error, parse_file_options, progress_to, to_js, FileBytes};
use crosscheck::render::{self, Lang};
use crosscheck::Input;
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
    let report =
        crosscheck::validate_with(input, schema_json, schema_name, &options, None, &mut tell).map_err(js_error)?;
    Ok(Checked { report, schema_name: schema_name.to_string() })
}

/// A finished validation, held in WebAssembly memory.
#[wasm_bindgen]
pub struct Checked {
    report: crosscheck::ValidationReport,
    schema_name: String,
}

#[wasm_bindgen]
impl Checked {
    /// The report without its findings: tool, input, schema, summary.
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        let r = &self.report;
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
        self.report.validation.findings.len()
    }

    /// Findings `start..start + count`.
    pub fn page(&self, start: usize, count: usize) -> Result<JsValue, JsValue> {
        let items: Vec<&crosscheck::report::Issue> =
            self.report.validation.findings.iter().skip(start).take(count).collect();
        to_js(&items)
    }

    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> String {
        serde_json::to_string_pretty(&self.report).unwrap_or_default()
    }

    #[wasm_bindgen(js_name = findingsCsv)]
    pub fn findings_csv(&self) -> Vec<u8> {
        render::validation_csv(&self.report.validation)
    }

    pub fn text(&self, lang: &str) -> String {
        render::validation_text(&self.report, &self.schema_name, Lang::from_locale(lang))
    }
}
