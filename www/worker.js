// The engine's worker: holds the WebAssembly core and the current run, so the page never
// freezes and findings cross to the page in pages. Requests: {id, op, args}; replies:
// {id, ok, result} or {id, ok: false, error}; while running, {id, progress: {stage, fraction}}.
import init, * as core from './pkg/crosscheck.js';

let ready = null;
let memory = null;
let run = null;
let checked = null;
let lastFilter = '';
let lastTotal = 0;

const encoder = new TextEncoder();

/** The hash the page sent with the file, or one computed here. */
async function hashOf(file) {
  return typeof file.sha256 === 'string' ? file.sha256 : sha256(file.bytes);
}

// The browser's own SHA-256 (native code) instead of the core's (WebAssembly): several times
// faster on big files. Without crypto.subtle the core hashes the bytes itself.
async function sha256(data) {
  if (!globalThis.crypto || !crypto.subtle) return undefined;
  try {
    const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

const SLICE = 8 << 20;

const sizeOf = (file) => (file.bytes instanceof Blob ? file.bytes.size : file.bytes.length);

/**
 * A file's bytes into WebAssembly memory. A File is read from disk chunk by chunk, so it is never
 * held whole in JavaScript as well, and `progress` hears the share copied after each slice; bytes
 * already in JavaScript (the sample) go in at once.
 */
async function intoCore(file, progress = () => {}) {
  const data = file.bytes;
  const out = new core.FileBytes(sizeOf(file));
  if (!(data instanceof Blob)) {
    out.append(data);
    return out;
  }
  try {
    // In slices of a few MB: each read is one round trip to the browser's file reader, and only
    // two slices are in JavaScript at a time.
    // The next slice is asked for before this one is copied: the browser reads while we copy.
    const read = (at) => (at < data.size ? data.slice(at, at + SLICE).arrayBuffer() : null);
    let next = read(0);
    for (let at = 0; next; at += SLICE) {
      const slice = await next;
      next = read(at + SLICE);
      out.append(new Uint8Array(slice));
      progress(out.length / data.size);
    }
  } catch (err) {
    out.free();
    // Chromium refuses to read a file that changed on disk after it was chosen.
    if (err && err.name === 'NotReadableError') {
      const text = `${file.name}: the file cannot be read any more (changed or moved since it was chosen); choose it again`;
      throw { kind: 'io', message: text, text };
    }
    throw err;
  }
  return out;
}

// For the benchmark: how far WebAssembly memory has grown (it never shrinks, so this is its
// peak). A size only, never data.
self.wasmMemoryBytes = () => (memory ? memory.buffer.byteLength : 0);

const handlers = {
  version: () => core.version(),
  sample: () => core.sample(),
  inspect: async ({ file, fileOptions }) => {
    const hash = await hashOf(file);
    return core.inspect(file.name, await intoCore(file), JSON.stringify(fileOptions || {}), hash);
  },
  plan: async ({ source, list, options }) => {
    const [sourceHash, listHash] = [await hashOf(source), await hashOf(list)];
    return core.prepare(source.name, await intoCore(source), list.name, await intoCore(list),
      JSON.stringify(options || {}), sourceHash, listHash);
  },
  run: async ({ source, list, options }, id) => {
    if (run) run.free();
    run = null;
    // Hashing big files takes a moment (when the page has not done it already).
    const tell = (stage, fraction) => self.postMessage({ id, progress: { stage, fraction } });
    tell('reading', 0);
    const sourceHash = await hashOf(source);
    const listHash = await hashOf(list);
    // Copying the files in is the first tenth of the bar; the core's own stages follow.
    const share = sizeOf(source) / Math.max(1, sizeOf(source) + sizeOf(list));
    const sourceBytes = await intoCore(source, (f) => tell('reading', 0.1 * share * f));
    let listBytes;
    try {
      listBytes = await intoCore(list, (f) => tell('reading', 0.1 * (share + (1 - share) * f)));
    } catch (err) {
      sourceBytes.free();
      throw err;
    }
    run = core.reconcile(source.name, sourceBytes, list.name, listBytes, JSON.stringify(options || {}),
      (progress) => self.postMessage({ id, progress: { ...progress, fraction: 0.1 + 0.9 * progress.fraction } }), sourceHash, listHash);
    lastFilter = '';
    return { report: run.summary(), findingCount: run.findingCount() };
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
  validate: async ({ file, schemaName, schemaText, fileOptions }) => {
    if (checked) checked.free();
    checked = null;
    const hash = await hashOf(file);
    checked = core.validate(file.name, await intoCore(file), schemaName, schemaText, JSON.stringify(fileOptions || {}), hash);
    return { report: checked.summary(), findingCount: checked.findingCount() };
  },
  validationFindings: ({ start = 0, count = 500 }) => needChecked().page(start, count),
  validationExport: ({ what, lang }) => {
    const current = needChecked();
    if (what === 'csv') return { bytes: current.findingsCsv(), mime: 'text/csv', filename: 'crosscheck-validation.csv' };
    if (what === 'json') return { bytes: encoder.encode(current.reportJson()), mime: 'application/json', filename: 'crosscheck-validation.json' };
    return { bytes: encoder.encode(current.text(lang || 'en')), mime: 'text/plain', filename: 'crosscheck-validation.txt' };
  },
  export: ({ what, lang }) => {
    const current = needRun();
    if (what === 'csv') return { bytes: current.findingsCsv(), mime: 'text/csv', filename: 'crosscheck-findings.csv' };
    if (what === 'json') return { bytes: encoder.encode(current.reportJson()), mime: 'application/json', filename: 'crosscheck-report.json' };
    if (what === 'text') return { bytes: encoder.encode(current.text(lang || 'en')), mime: 'text/plain', filename: 'crosscheck-report.txt' };
    throw { kind: 'options', message: `unknown export "${what}"`, text: `unknown export "${what}"` };
  },
};

function needChecked() {
  if (!checked) throw { kind: 'options', message: 'nothing has been validated yet', text: 'nothing has been validated yet' };
  return checked;
}

function needRun() {
  if (!run) throw { kind: 'options', message: 'nothing has been run yet', text: 'nothing has been run yet' };
  return run;
}

// The core's errors arrive as plain objects with kind/message/text; anything else is a trap of
// the WebAssembly machine — in practice memory running out on files too big for the browser.
function fromCore(err) {
  return err && typeof err === 'object' && typeof err.kind === 'string';
}

function detail(err) {
  if (fromCore(err)) return err;
  const message = String(err && err.message ? err.message : err);
  const memory = err instanceof RangeError || (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError);
  return memory
    ? { kind: 'memory', message: `the browser ran out of memory (${message})`, text: `the browser ran out of memory (${message})`, hint: 'use smaller files, or the crosscheck command' }
    : { kind: 'internal', message, text: message };
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
    if (!handler) throw { kind: 'options', message: `unknown request "${op}"`, text: `unknown request "${op}"` };
    const result = await handler(args || {}, id);
    self.postMessage({ id, ok: true, result }, transferables(result));
  } catch (err) {
    // After a trap the instance cannot be trusted: the page starts a fresh worker.
    self.postMessage({ id, ok: false, error: detail(err), fatal: !fromCore(err) });
  }
};
