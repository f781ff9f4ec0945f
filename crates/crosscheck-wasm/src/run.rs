//! A finished run, held in WebAssembly memory: the summary crosses at once, the findings in pages
//! (with the core's sentence for each), rows on demand.

use crate::interop::{js_error, to_js};
use crate::query::{select, Filter};
use crosscheck::render::{self, Lang};
use crosscheck::{Error, Options, Reconciled, Side};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A finished run, held in WebAssembly memory.
#[wasm_bindgen]
pub struct Run {
    inner: Reconciled,
    /// Indices of the findings that pass the current filter.
    selected: Vec<u32>,
}

#[derive(Serialize)]
struct Item<'a> {
    index: u32,
    finding: &'a crosscheck::Finding,
    /// The finding's sentence in both languages, worded by the core (`render::sentence`), so
    /// the page and the CLI's text say the same.
    text: crosscheck::report::Message,
}

impl Run {
    pub(crate) fn new(inner: Reconciled) -> Run {
        let selected = (0..inner.report.findings.len() as u32).collect();
        Run { inner, selected }
    }

    fn sentence(&self, f: &crosscheck::Finding) -> crosscheck::report::Message {
        let r = &self.inner.report;
        crosscheck::report::Message { ja: render::sentence(r, f, Lang::Ja), en: render::sentence(r, f, Lang::En) }
    }
}

#[wasm_bindgen]
impl Run {
    /// The report without its findings (`findings: []`): summary, inputs, options, mapping.
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        let r = &self.inner.report;
        #[derive(Serialize)]
        struct Head<'a> {
            tool: &'a crosscheck::report::Tool,
            inputs: &'a crosscheck::report::Inputs,
            options: &'a Options,
            mapping: &'a crosscheck::report::Mapping,
            summary: &'a crosscheck::report::Summary,
            findings: [(); 0],
            truncated: bool,
            /// The list's validation summary, when the options carried a schema (its findings
            /// are in the JSON report).
            #[serde(skip_serializing_if = "Option::is_none")]
            validation: Option<ValidationHead<'a>>,
        }
        #[derive(Serialize)]
        struct ValidationHead<'a> {
            file: &'a str,
            summary: &'a crosscheck::report::ValidationSummary,
        }
        to_js(&Head {
            tool: &r.tool,
            inputs: &r.inputs,
            options: &r.options,
            mapping: &r.mapping,
            summary: &r.summary,
            findings: [],
            truncated: r.truncated,
            validation: r.validation.as_ref().map(|v| ValidationHead { file: &v.file, summary: &v.summary }),
        })
    }

    #[wasm_bindgen(js_name = findingCount)]
    pub fn finding_count(&self) -> usize {
        self.inner.report.findings.len()
    }

    /// Keep the findings that pass `filter_json` (`{"kinds": [...], "column": …, "search": …}`);
    /// returns how many do.
    pub fn select(&mut self, filter_json: &str) -> Result<usize, JsValue> {
        let filter: Filter = if filter_json.trim().is_empty() {
            Filter::default()
        } else {
            serde_json::from_str(filter_json).map_err(|e| js_error(Error::options(format!("filter: {e}"))))?
        };
        self.selected = select(&self.inner.report.findings, &filter);
        Ok(self.selected.len())
    }

    /// `[{index, finding}]` for the selected findings `start..start + count`.
    pub fn page(&self, start: usize, count: usize) -> Result<JsValue, JsValue> {
        let findings = &self.inner.report.findings;
        let items: Vec<Item> = self
            .selected
            .iter()
            .skip(start)
            .take(count)
            .filter_map(|&i| {
                findings.get(i as usize).map(|finding| Item { index: i, finding, text: self.sentence(finding) })
            })
            .collect();
        to_js(&items)
    }

    /// `{header, cells}` of the row numbered `row` in "source" or "list"; null when there is none;
    /// any other side is an error, not the list.
    pub fn row(&self, side: &str, row: f64) -> Result<JsValue, JsValue> {
        let side = match side {
            "source" => Side::Source,
            "list" => Side::List,
            other => {
                let e = Error::options(format!("row: the side is \"source\" or \"list\", not \"{other}\""));
                return Err(js_error(e));
            }
        };
        match self.inner.row(side, row as u64) {
            Some(r) => to_js(&r),
            None => Ok(JsValue::NULL),
        }
    }

    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> String {
        self.inner.report.to_json()
    }

    /// The findings as CSV for Excel: UTF-8 with BOM, formula-safe.
    #[wasm_bindgen(js_name = findingsCsv)]
    pub fn findings_csv(&self) -> Vec<u8> {
        render::csv(&self.inner.report)
    }

    pub fn text(&self, lang: &str) -> String {
        render::text(&self.inner.report, Lang::from_locale(lang))
    }
}
