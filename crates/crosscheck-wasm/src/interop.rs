//! The one place values cross between JavaScript and the core: errors as plain objects, results
//! through serde, options from JSON text, file bytes into WebAssembly memory, progress callbacks.

use crosscheck::render::{candidate_sentence, damage_sentence, pairing_sentence, Lang};
use crosscheck::report::Message;
use crosscheck::{Error, ErrorKind, FileOptions, Inspection, Options, Prepared};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// An error as the page receives it: the error's fields plus the one-line text.
pub(crate) fn js_error(e: Error) -> JsValue {
    #[derive(Serialize)]
    struct Shown<'a> {
        #[serde(flatten)]
        error: &'a Error,
        text: String,
    }
    let text = e.to_string();
    to_js(&Shown { error: &e, text: text.clone() }).unwrap_or_else(|_| JsValue::from_str(&text))
}

pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&format!("cannot hand the result to JavaScript: {e}")))
}

/// An inspection as the page shows a file: with each damage note (`input.damage`) in the core's
/// words, both languages, at the same index of `damage_text`.
pub(crate) fn inspection_to_js(inspection: &Inspection) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Shown<'a> {
        #[serde(flatten)]
        inspection: &'a Inspection,
        damage_text: Vec<Message>,
    }
    let damage_text = inspection
        .input
        .damage
        .iter()
        .map(|d| Message { ja: damage_sentence(d, Lang::Ja), en: damage_sentence(d, Lang::En) })
        .collect();
    to_js(&Shown { inspection, damage_text })
}

/// A prepared run as the page shows it: with how rows will be paired and each key weighed, in
/// the core's words, both languages (`pairing_text`, `candidate_text` at the candidates' index).
pub(crate) fn prepared_to_js(prepared: &Prepared) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Shown<'a> {
        #[serde(flatten)]
        prepared: &'a Prepared,
        pairing_text: Message,
        candidate_text: Vec<Message>,
    }
    let both = |f: &dyn Fn(Lang) -> String| Message { ja: f(Lang::Ja), en: f(Lang::En) };
    let m = &prepared.mapping;
    let pairing_text = both(&|lang| pairing_sentence(m, lang));
    let candidate_text = m.key_candidates.iter().map(|c| both(&|lang| candidate_sentence(c, lang))).collect();
    to_js(&Shown { prepared, pairing_text, candidate_text })
}

pub(crate) fn options(json: &str) -> Result<Options, JsValue> {
    if json.trim().is_empty() {
        return Ok(Options::default());
    }
    Options::from_json(json).map_err(js_error)
}

/// `{"encoding": …, "delimiter": …}` as JSON; empty means detect both.
pub(crate) fn parse_file_options(json: &str) -> Result<FileOptions, JsValue> {
    if json.trim().is_empty() {
        return Ok(FileOptions::default());
    }
    serde_json::from_str(json).map_err(|e| js_error(Error::options(format!("file options: {e}"))))
}

/// 32-bit WebAssembly has at most 4 GiB, and a run needs about 2.5 times its input at its peak:
/// refuse clearly rather than fail half-way.
pub(crate) const MAX_INPUT_BYTES: usize = 1500 << 20;

pub(crate) fn fits(bytes: usize) -> Result<(), JsValue> {
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
    pub(crate) bytes: Vec<u8>,
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

pub(crate) fn out_of_memory(bytes: usize) -> JsValue {
    js_error(
        Error::new(ErrorKind::Memory, format!("the browser cannot hold {} MB more", bytes >> 20))
            .hint("split the files, or use the crosscheck command, which has no such limit"),
    )
}

/// The progress callback as the core calls it: `{stage, fraction}` to `progress`, if given.
pub(crate) fn progress_to(progress: Option<js_sys::Function>) -> impl FnMut(crosscheck::Progress) {
    move |p: crosscheck::Progress| {
        if let (Some(f), Ok(v)) = (&progress, to_js(&p)) {
            // A failing progress callback must not stop the run.
            let _ = f.call1(&JsValue::NULL, &v);
        }
    }
}
