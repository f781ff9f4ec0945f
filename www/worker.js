// The engine's worker: holds the WebAssembly core and the current run, so the page never
// freezes and findings cross to the page in pages. Requests: {id, op, args}; replies:
// {id, ok, result} or {id, ok: false, error}; while running, {id, progress: {stage, fraction}}.
import init, * as core from './pkg/crosscheck.js';

let ready = null;
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
async function sha256(bytes) {
  if (!globalThis.crypto || !crypto.subtle) return undefined;
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

const handlers = {
  version: () => core.version(),
  sample: () => core.sample(),
  inspect: async ({ file, fileOptions }) =>
    core.inspect(file.name, file.bytes, JSON.stringify(fileOptions || {}), await hashOf(file)),
  plan: async ({ source, list, options }) =>
    core.prepare(source.name, source.bytes, list.name, list.bytes, JSON.stringify(options || {}),
      await hashOf(source), await hashOf(list)),
  run: async ({ source, list, options }, id) => {
    if (run) run.free();
    run = null;
    // Hashing big files takes a moment (when the page has not done it already).
    self.postMessage({ id, progress: { stage: 'reading', fraction: 0 } });
    const sourceHash = await hashOf(source);
    self.postMessage({ id, progress: { stage: 'reading', fraction: 0.01 } });
    const listHash = await hashOf(list);
    run = core.reconcile(source.name, source.bytes, list.name, list.bytes, JSON.stringify(options || {}),
      (progress) => self.postMessage({ id, progress }), sourceHash, listHash);
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
    checked = core.validate(file.name, file.bytes, schemaName, schemaText, JSON.stringify(fileOptions || {}),
      await hashOf(file));
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
      ready = init({ module_or_path: args.wasm }).then(() => core.warmUp());
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
