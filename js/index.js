// crosscheck for JavaScript: validate, reconcile and inspect files in the browser or in Node.js,
// on the same WebAssembly core as the page and the CLI. In a browser the core runs in a Web
// Worker (the host page never freezes); nothing is sent anywhere. Reference: docs/javascript.md.

import { wasmBase64, workerSource } from 'crosscheck:inline';
import { asCoreError, createEngine } from './engine.js';

/** A request the core refused: `kind`, `file`, `line`, `row`, `column`, `hint` say what and where. */
export class CrosscheckError extends Error {
  constructor(detail) {
    // Errors made here carry their line to show (`text`) as the core's do.
    detail = { ...detail, text: detail.text ?? detail.message };
    super(detail.text);
    this.name = 'CrosscheckError';
    this.kind = detail.kind;
    for (const k of ['file', 'line', 'row', 'column', 'hint']) if (detail[k] != null) this[k] = detail[k];
    this.detail = detail;
  }
}

let inlineBytes = null;
function inlineWasm() {
  if (!inlineBytes) {
    const raw = atob(wasmBase64);
    inlineBytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) inlineBytes[i] = raw.charCodeAt(i);
  }
  return inlineBytes;
}

const encoder = new TextEncoder();

/** What the caller handed over as {name, data: Blob | Uint8Array}. */
function asFile(input, fallbackName) {
  if (input == null) throw new CrosscheckError({ kind: 'options', message: 'no file was given' });
  if (typeof Blob !== 'undefined' && input instanceof Blob) return { name: input.name || fallbackName, data: input };
  if (typeof input === 'string') return { name: fallbackName, data: encoder.encode(input) };
  if (input instanceof ArrayBuffer) return { name: fallbackName, data: new Uint8Array(input) };
  if (ArrayBuffer.isView(input)) return { name: fallbackName, data: new Uint8Array(input.buffer, input.byteOffset, input.byteLength) };
  if (typeof input === 'object' && 'data' in input) return asFile(input.data, input.name || fallbackName);
  throw new CrosscheckError({ kind: 'options', message: 'a file is a File, a Blob, bytes (ArrayBuffer, Uint8Array), text, or {name, data}' });
}

const schemaText = (schema) => (typeof schema === 'string' ? schema : JSON.stringify(schema));
const FILE_OPTIONS = ['encoding', 'delimiter', 'sheet', 'header_row'];
const fileOptionsOf = (o) => Object.fromEntries(FILE_OPTIONS.filter((k) => o[k] != null).map((k) => [k, o[k]]));

/** Where the worker gets the WebAssembly module: a URL it can fetch, bytes, or a compiled module. */
async function wasmForWorker(wasm) {
  if (wasm == null) return inlineWasm().slice();
  // A Response cannot be posted to a worker: its bytes can.
  if (typeof Response !== 'undefined' && wasm instanceof Response) return new Uint8Array(await wasm.arrayBuffer());
  if (typeof wasm === 'string' || wasm instanceof URL) {
    const base = typeof document !== 'undefined' ? document.baseURI : undefined;
    return new URL(String(wasm), base).href;
  }
  return wasm;
}

/** The engine in a Web Worker started from the package's own code (no file for the host to serve). */
function workerBackend(wasm) {
  let worker = null;
  let starting = null;
  let next = 1;
  const pending = new Map();
  const stop = (error) => {
    if (worker) worker.terminate();
    worker = null;
    starting = null;
    for (const p of pending.values()) p.reject(new CrosscheckError(error));
    pending.clear();
  };
  const post = (op, args, onProgress) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, op, args });
    });
  const start = () => {
    const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = ({ data }) => {
      const waiting = pending.get(data.id);
      if (!waiting) return;
      if (data.progress) return waiting.onProgress && waiting.onProgress(data.progress);
      pending.delete(data.id);
      if (data.ok) return waiting.resolve(data.result);
      // After a trap the instance cannot be trusted: the next request starts a fresh one.
      if (data.fatal) stop({ kind: 'internal', message: 'the engine stopped', text: 'the engine stopped' });
      waiting.reject(new CrosscheckError(data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop({ kind: 'internal', message: event.message || 'the engine stopped', text: event.message || 'the engine stopped' });
    };
    starting = wasmForWorker(wasm)
      .then((w) => {
        // A Response is read once; a worker started again after a trap gets its bytes.
        if (w instanceof Uint8Array && wasm != null) wasm = w;
        return post('start', { wasm: w instanceof Uint8Array ? w.slice() : w });
      })
      .finally(() => URL.revokeObjectURL(url));
    return starting;
  };
  return {
    async call(op, args, onProgress) {
      if (!worker) start();
      await starting;
      return post(op, args, onProgress);
    },
    close: () => stop({ kind: 'options', message: 'the engine was closed', text: 'the engine was closed' }),
  };
}

/** The engine in this thread (Node.js; or `{ worker: false }`). */
function localBackend(wasm) {
  let engine = null;
  let started = null;
  return {
    async call(op, args, onProgress) {
      if (!engine) {
        engine = createEngine();
        started = engine.start(wasm ?? inlineWasm());
      }
      try {
        await started;
        return await engine.request(op, args, onProgress);
      } catch (err) {
        const { error, fatal } = asCoreError(err);
        if (fatal) engine = null;
        throw new CrosscheckError(error);
      }
    },
    close() {
      engine = null;
    },
  };
}

/**
 * A crosscheck engine. `worker` (default: true where Web Workers exist) runs the core off the
 * host page's thread; `wasm` is where the WebAssembly comes from (default: inside this module —
 * nothing for the host to serve).
 */
export function createCrosscheck({ worker = typeof Worker !== 'undefined', wasm } = {}) {
  const backend = worker ? workerBackend(wasm) : localBackend(wasm);
  const call = (op, args, onProgress) => backend.call(op, args, onProgress);

  const common = (handle) => ({
    report: () => call('report', { handle }),
    text: (lang = 'en') => call('text', { handle, lang }),
    csv: () => call('csv', { handle }),
    close: () => call('close', { handle }),
  });

  async function openValidation(file, schema, options = {}) {
    const f = asFile(file, options.name || 'file');
    const { handle, summary: overview } = await call(
      'validate',
      { file: f, schemaName: options.schemaName || 'schema.json', schemaText: schemaText(schema), fileOptions: fileOptionsOf(options) },
      options.onProgress,
    );
    return {
      overview,
      summary: overview.summary,
      findings: (start = 0, count = 500) => call('findings', { handle, start, count }),
      rows: ({ pick = 'all', start = 0, count = 1000 } = {}) => call('rows', { handle, pick, start, count }),
      rowCount: (pick = 'all') => call('rowCount', { handle, pick }),
      async *rowPages({ pick = 'all', size = 1000 } = {}) {
        for (let start = 0; ; start += size) {
          const page = await call('rows', { handle, pick, start, count: size });
          if (page.length === 0) return;
          yield page;
          if (page.length < size) return;
        }
      },
      ...common(handle),
    };
  }

  async function openReconciliation(source, list, options = {}) {
    const { onProgress, ...rest } = options;
    const { handle, summary: overview } = await call(
      'reconcile',
      { source: asFile(source, 'source'), list: asFile(list, 'list'), options: rest },
      onProgress,
    );
    return {
      overview,
      summary: overview.summary,
      findings: (start = 0, count = 500, filter = undefined) => call('findings', { handle, start, count, filter }),
      row: (side, row) => call('row', { handle, side, row }),
      ...common(handle),
    };
  }

  /** Open, take what is wanted, and always close. */
  async function once(open, take) {
    const handle = await open();
    try {
      return await take(handle);
    } finally {
      await handle.close();
    }
  }

  return {
    version: () => call('version', {}),
    vocabulary: () => call('vocabulary', {}),
    inspect: (file, options = {}) => call('inspect', { file: asFile(file, options.name || 'file'), fileOptions: fileOptionsOf(options) }),
    openValidation,
    openReconciliation,
    validate: (file, schema, options = {}) =>
      once(() => openValidation(file, schema, options), async (h) => {
        const report = await h.report();
        if (options.rows) report.rows = await h.rows({ pick: options.rows === true ? 'all' : options.rows, count: report.summary.rows + 1 });
        return report;
      }),
    reconcile: (source, list, options = {}) => once(() => openReconciliation(source, list, options), (h) => h.report()),
    close: () => backend.close(),
  };
}

// The calls on one engine made when first needed.
let shared = null;
const engine = () => (shared ??= createCrosscheck());

export const version = () => engine().version();
export const vocabulary = () => engine().vocabulary();
export const inspect = (file, options) => engine().inspect(file, options);
export const validate = (file, schema, options) => engine().validate(file, schema, options);
export const reconcile = (source, list, options) => engine().reconcile(source, list, options);
export const openValidation = (file, schema, options) => engine().openValidation(file, schema, options);
export const openReconciliation = (source, list, options) => engine().openReconciliation(source, list, options);
