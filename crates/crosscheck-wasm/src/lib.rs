//! JavaScript bindings, compiled only for WebAssembly: the page's worker calls these. Everything
//! here converts — bytes and JSON in, plain JS objects out — and the core does the work.
//!
//! Options travel as JSON text (the same text as the CLI's `--config`), so their errors carry the
//! same line numbers. Results are plain objects (`json_compatible`: maps become objects, not
//! `Map`s). A run stays in WebAssembly memory as a [`Run`] handle: the summary crosses at once,
//! the findings in pages, so 100 000 findings never become 100 000 JS objects at a time.

mod query;

use crosscheck::render::{self, Lang};
use crosscheck::{Error, ErrorKind, FileOptions, Input, Loaded, Options, Reconciled, Sha256, Side, Threads};
use query::{select, Filter};
use serde::Serialize;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// An error as the page receives it: the error's fields plus the one-line text.
fn js_error(e: Error) -> JsValue {
    #[derive(Serialize)]
    struct Shown<'a> {
        #[serde(flatten)]
        error: &'a Error,
        text: String,
    }
    let text = e.to_string();
    to_js(&Shown { error: &e, text: text.clone() }).unwrap_or_else(|_| JsValue::from_str(&text))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&format!("cannot hand the result to JavaScript: {e}")))
}

fn options(json: &str) -> Result<Options, JsValue> {
    if json.trim().is_empty() {
        return Ok(Options::default());
    }
    Options::from_json(json).map_err(js_error)
}

/// `{"encoding": …, "delimiter": …}` as JSON; empty means detect both.
fn parse_file_options(json: &str) -> Result<FileOptions, JsValue> {
    if json.trim().is_empty() {
        return Ok(FileOptions::default());
    }
    serde_json::from_str(json).map_err(|e| js_error(Error::options(format!("file options: {e}"))))
}

/// 32-bit WebAssembly has at most 4 GiB, and a run needs about 2.5 times its input at its peak:
/// refuse clearly rather than fail half-way.
const MAX_INPUT_BYTES: usize = 1500 << 20;

fn fits(bytes: usize) -> Result<(), JsValue> {
    if bytes <= MAX_INPUT_BYTES {
        return Ok(());
    }
    Err(js_error(
        Error::new(
            ErrorKind::Memory,
            format!(
                "the files are {} MB together; the browser can hold at most about {} MB",
                bytes >> 20,
                MAX_INPUT_BYTES >> 20
            ),
        )
        .hint("split the files, or use the crosscheck command, which has no such limit"),
    ))
}

/// A file's bytes in WebAssembly memory, filled by the worker chunk by chunk as it reads the
/// file from disk: a big file is never held in JavaScript as a whole as well (which would take
/// the page past three times the input's size), and the copy can report progress.
#[wasm_bindgen]
pub struct FileBytes {
    bytes: Vec<u8>,
}

#[wasm_bindgen]
impl FileBytes {
    /// Room for `size` bytes, reserved at once: refused when the browser cannot hold the file.
    #[wasm_bindgen(constructor)]
    pub fn new(size: usize) -> Result<FileBytes, JsValue> {
        let mut bytes = Vec::new();
        bytes.try_reserve_exact(size).map_err(|_| out_of_memory(size))?;
        Ok(FileBytes { bytes })
    }

    /// Add the next chunk of the file.
    pub fn append(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        self.bytes.try_reserve(chunk.len()).map_err(|_| out_of_memory(self.bytes.len() + chunk.len()))?;
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.bytes.len()
    }

    /// Where the bytes start in WebAssembly memory: the worker hands a view of them to the
    /// browser's SHA-256 (`crypto.subtle`), which copies them and hashes on its own thread.
    #[wasm_bindgen(getter)]
    pub fn address(&self) -> usize {
        self.bytes.as_ptr() as usize
    }
}

impl From<Vec<u8>> for FileBytes {
    fn from(bytes: Vec<u8>) -> FileBytes {
        FileBytes { bytes }
    }
}

fn out_of_memory(bytes: usize) -> JsValue {
    js_error(
        Error::new(ErrorKind::Memory, format!("the browser cannot hold {} MB more", bytes >> 20))
            .hint("split the files, or use the crosscheck command, which has no such limit"),
    )
}

/// Run the core once on a few thousand generated rows. WebAssembly starts in a baseline tier
/// and a long-running call never moves to optimised code while it runs, so without this the
/// first big file would be read by unoptimised code (about 5 times slower, measured in V8).
///
/// It goes through the functions the worker calls (read, inspect, plan, run, validate), with
/// their own progress callbacks (`None` here): optimised code guesses the target of each call
/// through a callback from what it has seen, and a run that then calls another target drops
/// back to the baseline tier until it returns. Warmed up through `reconcile` (another callback), the first
/// run in the page compared in ~330 ms where every later one took ~190 ms.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    let s = crosscheck_sample::generate(&crosscheck_sample::SampleSpec { rows: 3000, ..Default::default() });
    let read = |name: &str, bytes: Vec<u8>| LoadedFile::read(name.into(), FileBytes::from(bytes), "", false, None);
    // The Validate tab's call: each example schema against the file it describes.
    for ((name, schema), bytes) in crosscheck_sample::EXAMPLE_SCHEMAS.iter().zip([&s.list, &s.source]) {
        let _ = validate("warm-up".into(), FileBytes::from(bytes.clone()), name, schema, "", None, None);
    }
    if let (Ok(source), Ok(list)) = (read("warm-up source", s.source), read("warm-up list", s.list)) {
        let _ = (source.inspect(), list.inspect(), prepare_loaded(&source, &list, ""));
        let _ = reconcile_loaded(&source, &list, "", None);
    }
}

/// The core's words for the page's lists and its progress bars (`crosscheck::Vocabulary`):
/// finding kinds, steps, encodings, delimiters, sides, each call's stages on the bar.
#[wasm_bindgen]
pub fn vocabulary() -> Result<JsValue, JsValue> {
    to_js(&crosscheck::vocabulary())
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The built-in sample pair: `{source: {name, bytes}, list: {name, bytes}}`.
#[wasm_bindgen]
pub fn sample() -> Result<JsValue, JsValue> {
    let s = crosscheck_sample::demo();
    let pair = js_sys::Object::new();
    for (side, name, bytes) in [("source", "sample-source.csv", s.source), ("list", "sample-list.csv", s.list)] {
        let file = js_sys::Object::new();
        js_sys::Reflect::set(&file, &"name".into(), &name.into())?;
        js_sys::Reflect::set(&file, &"bytes".into(), &js_sys::Uint8Array::from(&bytes[..]))?;
        js_sys::Reflect::set(&pair, &side.into(), &file)?;
    }
    Ok(pair.into())
}

/// Describe one file: `file_options` is `{"encoding": …, "delimiter": …}` as JSON.
#[wasm_bindgen]
pub fn inspect(name: String, bytes: FileBytes, file_options: &str, sha256: Option<String>) -> Result<JsValue, JsValue> {
    fits(bytes.length())?;
    let options = parse_file_options(file_options)?;
    to_js(&crosscheck::inspect(Input::new(name, bytes.bytes).with_sha256(sha256), &options).map_err(js_error)?)
}

/// Read both files and plan the run: `{inputs, mapping, options}`.
#[wasm_bindgen]
pub fn prepare(
    source_name: String,
    source: FileBytes,
    list_name: String,
    list: FileBytes,
    options_json: &str,
    source_sha256: Option<String>,
    list_sha256: Option<String>,
) -> Result<JsValue, JsValue> {
    fits(source.length() + list.length())?;
    let o = options(options_json)?;
    let (source, list) = (
        Input::new(source_name, source.bytes).with_sha256(source_sha256),
        Input::new(list_name, list.bytes).with_sha256(list_sha256),
    );
    to_js(&crosscheck::prepare(source, list, &o).map_err(js_error)?)
}

/// Reconcile; `progress`, if given, is called with `{stage, fraction}` between stages.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // one argument per thing JavaScript hands over
pub fn reconcile(
    source_name: String,
    source: FileBytes,
    list_name: String,
    list: FileBytes,
    options_json: &str,
    progress: Option<js_sys::Function>,
    source_sha256: Option<String>,
    list_sha256: Option<String>,
) -> Result<Run, JsValue> {
    fits(source.length() + list.length())?;
    let o = options(options_json)?;
    let mut tell = progress_to(progress);
    let (source, list) = (
        Input::new(source_name, source.bytes).with_sha256(source_sha256),
        Input::new(list_name, list.bytes).with_sha256(list_sha256),
    );
    let inner = crosscheck::reconcile_with(source, list, &o, Threads::default(), &mut tell).map_err(js_error)?;
    Ok(Run::new(inner))
}

/// The progress callback as the core calls it: `{stage, fraction}` to `progress`, if given.
fn progress_to(progress: Option<js_sys::Function>) -> impl FnMut(crosscheck::Progress) {
    move |p: crosscheck::Progress| {
        if let (Some(f), Ok(v)) = (&progress, to_js(&p)) {
            // A failing progress callback must not stop the run.
            let _ = f.call1(&JsValue::NULL, &v);
        }
    }
}

/// A file read into a table and kept in WebAssembly memory: the worker reads each chosen file
/// once and uses it for the inspection, the plan and every run (until another file replaces it).
#[wasm_bindgen]
pub struct LoadedFile {
    inner: Arc<Loaded>,
}

#[wasm_bindgen]
impl LoadedFile {
    /// Read `bytes` (taken over) as `file_options` (`{"encoding": …, "delimiter": …}`) say;
    /// `progress`, if given, hears the share read (0 to 1) as it goes. With `hashed_by_caller`
    /// the caller hashes the bytes meanwhile and hands the hash over with `setSha256`; else the
    /// core hashes them.
    pub fn read(
        name: String,
        bytes: FileBytes,
        file_options: &str,
        hashed_by_caller: bool,
        progress: Option<js_sys::Function>,
    ) -> Result<LoadedFile, JsValue> {
        fits(bytes.length())?;
        let options = parse_file_options(file_options)?;
        let mut input = Input::new(name, bytes.bytes);
        if hashed_by_caller {
            input = input.hashed_by_caller();
        }
        let loaded = crosscheck::read(input, &options, &mut |f| {
            if let Some(p) = &progress {
                // A failing progress callback must not stop the reading.
                let _ = p.call1(&JsValue::NULL, &JsValue::from_f64(f));
            }
        })
        .map_err(js_error)?;
        Ok(LoadedFile { inner: Arc::new(loaded) })
    }

    /// The SHA-256 of its bytes (lower-case hex), from the caller that read it with
    /// `hashed_by_caller`. Refused once a plan or run shares the file (it is set right after
    /// reading) or when it is not a SHA-256.
    #[wasm_bindgen(js_name = setSha256)]
    pub fn set_sha256(&mut self, sha256: String) -> Result<(), JsValue> {
        match Arc::get_mut(&mut self.inner) {
            Some(loaded) => {
                let hash = Sha256::parse(&sha256).ok_or_else(|| js_error(Error::internal("not a SHA-256")))?;
                loaded.set_sha256(hash);
                Ok(())
            }
            _ => Err(js_error(Error::internal("the file's SHA-256 came too late or is not a SHA-256"))),
        }
    }

    /// The encoding it was read in (detected or asked for), as options name it.
    #[wasm_bindgen(getter)]
    pub fn encoding(&self) -> String {
        self.inner.encoding.clone()
    }

    /// The delimiter it was read with, as options name it.
    #[wasm_bindgen(getter)]
    pub fn delimiter(&self) -> String {
        self.inner.delimiter.clone()
    }

    /// What `inspect` tells of it: encoding, delimiter, rows, column profiles, a preview.
    pub fn inspect(&self) -> Result<JsValue, JsValue> {
        to_js(&crosscheck::describe(&self.inner))
    }
}

/// `prepare` on two files already read; `options_json` must name the file options they were
/// read with (the worker keys its files by them).
#[wasm_bindgen(js_name = prepareLoaded)]
pub fn prepare_loaded(source: &LoadedFile, list: &LoadedFile, options_json: &str) -> Result<JsValue, JsValue> {
    fits(source.inner.bytes + list.inner.bytes)?;
    let o = options(options_json)?;
    to_js(&crosscheck::prepare_loaded(&source.inner, &list.inner, &o).map_err(js_error)?)
}

/// `reconcile` on two files already read (see `prepareLoaded`).
#[wasm_bindgen(js_name = reconcileLoaded)]
pub fn reconcile_loaded(
    source: &LoadedFile,
    list: &LoadedFile,
    options_json: &str,
    progress: Option<js_sys::Function>,
) -> Result<Run, JsValue> {
    fits(source.inner.bytes + list.inner.bytes)?;
    let o = options(options_json)?;
    let mut tell = progress_to(progress);
    let inner =
        crosscheck::reconcile_loaded(source.inner.clone(), list.inner.clone(), &o, Threads::default(), &mut tell)
            .map_err(js_error)?;
    Ok(Run::new(inner))
}

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
    fn new(inner: Reconciled) -> Run {
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
                let e = Error::internal(format!("row: the side is \"source\" or \"list\", not \"{other}\""));
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

/// The example schemas built into the page: `[{name, title, text}]`.
#[wasm_bindgen(js_name = exampleSchemas)]
pub fn example_schemas() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Example {
        name: &'static str,
        title: String,
        text: &'static str,
    }
    let examples: Vec<Example> = crosscheck_sample::EXAMPLE_SCHEMAS
        .iter()
        .map(|(name, text)| {
            let title = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("title").and_then(|t| t.as_str()).map(str::to_string))
                .unwrap_or_else(|| name.to_string());
            Example { name, title, text }
        })
        .collect();
    to_js(&examples)
}

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
