//! Files read once and kept: the worker reads each chosen file when it is chosen and uses it for
//! the inspection, the plan and every run.

use crate::interop::{
    fits, inspection_to_js, js_error, options, parse_file_options, prepared_to_js, progress_to, FileBytes,
};
use crate::run::Run;
use crosscheck::{Error, Input, Loaded, Sha256, Threads};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

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

    /// The workbook sheet it was read from (chosen or found); undefined for a text file.
    #[wasm_bindgen(getter)]
    pub fn sheet(&self) -> Option<String> {
        self.inner.sheet.clone()
    }

    /// What `inspect` tells of it: encoding, delimiter, rows, column profiles, a preview, and
    /// what Excel did to its columns (`input.damage`, said in `damage_text`).
    pub fn inspect(&self) -> Result<JsValue, JsValue> {
        inspection_to_js(&crosscheck::describe(&self.inner))
    }
}

/// `prepare` on two files already read; `options_json` must name the file options they were
/// read with (the worker keys its files by them).
#[wasm_bindgen(js_name = prepareLoaded)]
pub fn prepare_loaded(source: &LoadedFile, list: &LoadedFile, options_json: &str) -> Result<JsValue, JsValue> {
    fits(source.inner.bytes + list.inner.bytes)?;
    let o = options(options_json)?;
    prepared_to_js(&crosscheck::prepare_loaded(&source.inner, &list.inner, &o).map_err(js_error)?)
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
