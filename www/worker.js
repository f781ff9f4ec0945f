// The engine's worker: holds the WebAssembly core and the current run, so the page never freezes.
// Requests: {id, op, args}; replies: {id, ok, result} or {id, ok: false, error (errors.js's shape),
// fatal}; while working, {id, progress: {stage, fraction}}.

import init, * as core from './pkg/crosscheck.js';
import { coreError } from './errors.js';
import { FILE_SHARES, VALIDATE_SHARES, spanOf, within } from './progress-weights.js';

let ready = null;
let memory = null;
let run = null;
let checked = null;
let lastFilter = '';
let lastTotal = 0;

const encoder = new TextEncoder();
// Rows asked of the core at a time for an export of rows.
const ROWS_PAGE = 10_000;

// The browser's own SHA-256 (native code, on its own thread) instead of the core's
// (WebAssembly: ~300 ms for 128 MB against ~140 ms here, copy included) of bytes in
// WebAssembly memory: the browser copies them when asked, so the core can take them over at
// once. Null without crypto.subtle (the core hashes then); a failure is an error, as the report
// must name the file exactly.
function sha256(bytes) {
  if (!globalThis.crypto || !crypto.subtle) return null;
  const view = new Uint8Array(memory.buffer, bytes.address, bytes.length);
  return crypto.subtle.digest('SHA-256', view).then(
    (digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
    (err) => {
      throw coreError('internal', `the browser could not compute the file's SHA-256 (${err && err.message})`);
    },
  );
}

// The buffer a chosen file is read into, reused for every chunk; progress is told once per as
// many bytes read (the stream's chunks are far smaller).
const READ_BYTES = 8 << 20;

const sizeOf = (file) => (file.bytes instanceof Blob ? file.bytes.size : file.bytes.length);

/**
 * A file's bytes into WebAssembly memory. A File is read from disk as a stream, chunk by chunk,
 * so it is never held whole in JavaScript as well, and `progress` hears the share copied as it
 * goes; bytes already in JavaScript (the sample) go in at once.
 */
async function intoCore(file, progress = () => {}) {
  const data = file.bytes;
  const out = new core.FileBytes(sizeOf(file));
  if (!(data instanceof Blob)) {
    out.append(data);
    return out;
  }
  // The browser refuses to read a file that changed on disk after it was chosen (Chromium's
  // stream fails with a "network error").
  const unreadable = () =>
    coreError('io', 'the file cannot be read any more (changed or moved since it was chosen); choose it again', { file: file.name });
  try {
    const stream = data.stream();
    // Read into one buffer, used again for every chunk ("bring your own buffer"): choosing both
    // 1M files to Run enabled took ~1.12 s this way, ~1.34 s asking for slices, each a new
    // ArrayBuffer. A browser whose file streams are not byte streams hands over chunks of its
    // own.
    let reader = null;
    let buffer = null;
    try {
      reader = stream.getReader({ mode: 'byob' });
      buffer = new ArrayBuffer(READ_BYTES);
    } catch {
      reader = stream.getReader();
    }
    let told = 0;
    for (;;) {
      let chunk;
      try {
        chunk = await (buffer ? reader.read(new Uint8Array(buffer)) : reader.read());
      } catch {
        throw unreadable();
      }
      if (chunk.done) break;
      out.append(chunk.value);
      if (buffer) buffer = chunk.value.buffer;
      if (out.length - told >= READ_BYTES) {
        told = out.length;
        progress(out.length / data.size);
      }
    }
    // Not the size the File was chosen with: it changed on disk meanwhile.
    if (out.length !== data.size) throw unreadable();
  } catch (err) {
    out.free();
    throw err;
  }
  return out;
}

// Files read into tables, kept for the plan and the runs so that each chosen file is read once:
// file → {how it was asked to be read, LoadedFile}, the most recently used last. Two are kept (a
// source and a list); an older one is freed (a run still holding it keeps its own reference).
const files = new Map();
const KEPT_FILES = 2;
// Files no longer kept, freed once the request that let them go is done with them.
let retired = [];

/** `use(loadedFiles)` with each [file, fileOptions] read or taken from those kept. */
async function withFiles(wanted, use, progress = []) {
  const loaded = [];
  try {
    for (const [i, [file, fileOptions]] of wanted.entries()) loaded.push(await loadedFile(file, fileOptions, progress[i]));
    return use(loaded.map((l) => l.file));
  } finally {
    for (const l of loaded) if (!l.kept) l.file.free();
    for (const f of retired) f.free();
    retired = [];
  }
}

// A kept file serves a request that asks for what it was read with, or for what was detected
// then (the plan hands the detected encoding, delimiter and a workbook's sheet back as options).
const serves = (entry, how) =>
  (how.encoding === entry.how.encoding || how.encoding === entry.file.encoding) &&
  (how.delimiter === entry.how.delimiter || how.delimiter === entry.file.delimiter) &&
  (how.sheet === entry.how.sheet || how.sheet === entry.file.sheet) &&
  how.header_row === entry.how.header_row;

/** The file read as `fileOptions` say: kept from before, or read now (`progress` hears 0 to 1). */
async function loadedFile(file, fileOptions = {}, progress = () => {}) {
  const how = {
    encoding: fileOptions.encoding || 'auto',
    delimiter: fileOptions.delimiter || 'auto',
    sheet: fileOptions.sheet ?? undefined,
    header_row: fileOptions.header_row ?? undefined,
  };
  // A chosen File is known by its name, size and time of change (a File changed on disk can no
  // longer be read at all); bytes handed over (the sample) are read each time: they are small.
  const key = file.bytes instanceof Blob && JSON.stringify([file.name, file.bytes.size, file.bytes.lastModified]);
  const kept = key && files.get(key);
  if (kept && serves(kept, how)) {
    files.delete(key);
    files.set(key, kept);
    return { file: kept.file, kept: true };
  }
  const bytes = await intoCore(file, (f) => progress(within(FILE_SHARES.copy, f)));
  // The browser hashes a copy on its own thread while the core reads the file.
  const hash = sha256(bytes);
  const loaded = core.LoadedFile.read(file.name, bytes, JSON.stringify(how), hash !== null,
    (f) => progress(within(FILE_SHARES.parse, f)));
  if (hash !== null) {
    try {
      loaded.setSha256(await hash);
    } catch (err) {
      loaded.free();
      throw err;
    }
  }
  if (!key) return { file: loaded, kept: false };
  if (kept) retired.push(kept.file);
  files.delete(key);
  files.set(key, { how, file: loaded });
  for (const [k, old] of files) {
    if (files.size <= KEPT_FILES) break;
    files.delete(k);
    retired.push(old.file);
  }
  return { file: loaded, kept: true };
}

// For the benchmark: how far WebAssembly memory has grown (it never shrinks, so this is its
// peak). A size only, never data.
self.wasmMemoryBytes = () => (memory ? memory.buffer.byteLength : 0);

// The core's words and bars, asked once.
let words = null;
const vocabulary = () => (words ??= core.vocabulary());

const handlers = {
  version: () => core.version(),
  vocabulary,
  sample: () => core.sample(),
  // A chosen file is read here: the page hears how far (0 to 1) as it goes.
  inspect: async ({ file, fileOptions }, id) =>
    withFiles([[file, fileOptions]], ([f]) => f.inspect(), [(fraction) => self.postMessage({ id, progress: { stage: 'reading', fraction } })]),
  plan: async ({ source, list, options = {} }) =>
    withFiles([[source, options.source], [list, options.list]], ([s, l]) =>
      core.prepareLoaded(s, l, JSON.stringify(options))),
  run: async ({ source, list, options = {} }, id) => {
    if (run) run.free();
    run = null;
    const tell = (stage, fraction) => self.postMessage({ id, progress: { stage, fraction } });
    tell('reading', 0);
    // A file not read yet (or read with other options) is read first, on the bar's share the
    // core gives its reading stages.
    const bar = options.schema ? vocabulary().progress.reconcile_checked : vocabulary().progress.reconcile;
    const reading = [
      (f) => tell('reading_source', within(spanOf(bar, 'reading_source'), f)),
      (f) => tell('reading_list', within(spanOf(bar, 'reading_list'), f)),
    ];
    run = await withFiles([[source, options.source], [list, options.list]], ([s, l]) =>
      core.reconcileLoaded(s, l, JSON.stringify(options), (progress) => self.postMessage({ id, progress })), reading);
    lastFilter = '';
    return { report: run.summary(), findingCount: run.findingCount() };
  },
  // The page no longer shows the run: its findings and its hold on the files' tables go, so a
  // newly chosen file does not sit in memory beside the old ones.
  forget: () => {
    if (run) run.free();
    run = null;
    lastFilter = '';
    return true;
  },
  findings: ({ start = 0, count = 200, kinds = null, column = null, search = null }) => {
    const current = needRun();
    const filter = JSON.stringify({ kinds: kinds && kinds.length ? kinds : null, column: column || null, search: search || null });
    // Selecting walks every finding: only when the filter changes, not for every page.
    if (filter !== lastFilter) {
      lastTotal = current.select(filter);
      lastFilter = filter;
    }
    return { total: lastTotal, items: current.page(start, count) };
  },
  rows: ({ sourceRow, listRow }) => {
    const current = needRun();
    return {
      source: sourceRow == null ? null : current.row('source', sourceRow),
      list: listRow == null ? null : current.row('list', listRow),
    };
  },
  examples: () => core.exampleSchemas(),
  validate: async ({ file, schemaName, schemaText, fileOptions }, id) => {
    if (checked) checked.free();
    checked = null;
    // Copying the file in comes first on the bar; the core's reading and checking the rest.
    const tell = (stage, fraction) => self.postMessage({ id, progress: { stage, fraction } });
    tell('reading', 0);
    const bytes = await intoCore(file, (f) => tell('reading', within(VALIDATE_SHARES.copy, f)));
    let hash;
    try {
      hash = await sha256(bytes);
    } catch (err) {
      bytes.free();
      throw err;
    }
    checked = core.validate(file.name, bytes, schemaName, schemaText, JSON.stringify(fileOptions || {}), hash ?? undefined,
      (p) => tell(p.stage, within(VALIDATE_SHARES.core, p.fraction)));
    return { report: checked.summary(), findingCount: checked.findingCount() };
  },
  validationFindings: ({ start = 0, count = 500 }) => needChecked().page(start, count),
  validationExport: ({ what, lang }) => {
    const current = needChecked();
    if (what === 'passed') {
      // One JSON object a line, as `crosscheck validate --passed` writes them, read a page at a time.
      const parts = [];
      for (let start = 0; ; start += ROWS_PAGE) {
        const rows = current.rows('passed', start, ROWS_PAGE);
        for (const r of rows) parts.push(encoder.encode(`${JSON.stringify({ row: r.row, line: r.line, ok: r.ok, values: r.values })}\n`));
        if (rows.length < ROWS_PAGE) break;
      }
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
      return { bytes, mime: 'application/x-ndjson', filename: 'crosscheck-passed-rows.jsonl' };
    }
    if (what === 'csv') return { bytes: current.findingsCsv(), mime: 'text/csv', filename: 'crosscheck-validation.csv' };
    if (what === 'json') return { bytes: encoder.encode(current.reportJson()), mime: 'application/json', filename: 'crosscheck-validation.json' };
    return { bytes: encoder.encode(current.text(lang || 'en')), mime: 'text/plain', filename: 'crosscheck-validation.txt' };
  },
  export: ({ what, lang }) => {
    const current = needRun();
    if (what === 'csv') return { bytes: current.findingsCsv(), mime: 'text/csv', filename: 'crosscheck-findings.csv' };
    if (what === 'json') return { bytes: encoder.encode(current.reportJson()), mime: 'application/json', filename: 'crosscheck-report.json' };
    if (what === 'text') return { bytes: encoder.encode(current.text(lang || 'en')), mime: 'text/plain', filename: 'crosscheck-report.txt' };
    throw coreError('options', `unknown export "${what}"`);
  },
};

function needChecked() {
  if (!checked) throw coreError('options', 'nothing has been validated yet');
  return checked;
}

function needRun() {
  if (!run) throw coreError('options', 'nothing has been run yet');
  return run;
}

// Errors in the core's shape (errors.js) come from the core or from coreError here; anything
// else is a trap of the WebAssembly machine — in practice memory running out on files too big
// for the browser.
function fromCore(err) {
  return err && typeof err === 'object' && typeof err.kind === 'string';
}

function detail(err) {
  if (fromCore(err)) return err;
  const message = String(err && err.message ? err.message : err);
  const memory = err instanceof RangeError || (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError);
  // No hint: the page leads a memory error with its own sentence saying what to do.
  return coreError(memory ? 'memory' : 'internal', memory ? `the browser ran out of memory (${message})` : message);
}

// Buffers in a result are moved to the page, not copied.
function transferables(value, out = []) {
  if (value instanceof Uint8Array) out.push(value.buffer);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) transferables(v, out);
  return out;
}

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    if (op === 'init') {
      ready = init({ module_or_path: args.wasm }).then((exports) => {
        memory = exports.memory;
        core.warmUp();
      });
      await ready;
      self.postMessage({ id, ok: true, result: core.version() });
      return;
    }
    await ready;
    const handler = handlers[op];
    if (!handler) throw coreError('options', `unknown request "${op}"`);
    const result = await handler(args || {}, id);
    self.postMessage({ id, ok: true, result }, transferables(result));
  } catch (err) {
    // After a trap the instance cannot be trusted: the page starts a fresh worker.
    self.postMessage({ id, ok: false, error: detail(err), fatal: !fromCore(err) });
  }
};
