//! JavaScript bindings, compiled only for WebAssembly: the page's worker calls these. Everything
//! here converts — bytes and JSON in, plain JS objects out — and the core does the work.
//!
//! Options travel as JSON text (the same text as the CLI's `--config`), so their errors carry the
//! same line numbers. Results are plain objects (`json_compatible`: maps become objects, not
//! `Map`s). A run stays in WebAssembly memory as a [`Run`] handle: the summary crosses at once,
//! the findings in pages, so 100 000 findings never become 100 000 JS objects at a time.

mod checked;
mod interop;
mod loaded;
mod query;
mod run;

pub use checked::{validate, Checked};
pub use interop::FileBytes;
pub use loaded::{prepare_loaded, reconcile_loaded, LoadedFile};
pub use run::Run;

use crosscheck::{Input, Threads};
use interop::{fits, inspection_to_js, js_error, options, parse_file_options, prepared_to_js, progress_to, to_js};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Run the core once on a few thousand generated rows, through the very calls the worker makes
/// (read, inspect, plan, run, validate): WebAssembly starts in a baseline tier that a long call
/// never leaves while it runs (the first big file was read ~5× slower), and warmed through other
/// calls the first run still compared in ~330 ms against ~190 ms (docs/architecture.md, warm-up).
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

/// Describe one file: `file_options` is `{"encoding": …, "delimiter": …}` as JSON. Its damage
/// notes (`input.damage`) come worded in both languages (`damage_text`).
#[wasm_bindgen]
pub fn inspect(name: String, bytes: FileBytes, file_options: &str, sha256: Option<String>) -> Result<JsValue, JsValue> {
    fits(bytes.length())?;
    let options = parse_file_options(file_options)?;
    inspection_to_js(
        &crosscheck::inspect(Input::new(name, bytes.bytes).with_sha256(sha256), &options).map_err(js_error)?,
    )
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
    prepared_to_js(&crosscheck::prepare(source, list, &o).map_err(js_error)?)
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
