// The package's engine: the WebAssembly core and the results it holds, driven by plain
// requests `(op, args, onProgress)`. It runs in a Web Worker (worker.js) in a browser, or in
// the caller's own thread (Node.js, or `{ worker: false }`). Nothing here touches the DOM.

import init, * as core from 'crosscheck-core';

/** An error in the core's shape ({kind, message, text, file?, line?, row?, column?, hint?}). */
export function coreError(kind, message, extra = {}) {
  const { file, line, row, column, hint } = extra;
  const place = [line != null && `line ${line}`, row != null && `row ${row}`, column != null && `column "${column}"`].filter(Boolean);
  const text = `${file != null ? `${file}: ` : ''}${place.length ? `${place.join(', ')}: ` : ''}${message}${hint ? ` (${hint})` : ''}`;
  const fields = Object.entries({ file, line, row, column, hint }).filter(([, v]) => v != null);
  return { kind, message, ...Object.fromEntries(fields), text };
}

export const fromCore = (err) => !!err && typeof err === 'object' && typeof err.kind === 'string';

// A file is read into WebAssembly memory in slices of this size, so a large File is never held
// whole in JavaScript as well.
const SLICE = 8 << 20;

/** An input as the caller handed it over: {name, data: Blob | Uint8Array}. */
async function intoCore(file) {
  const { data } = file;
  const size = data instanceof Blob ? data.size : data.length;
  const out = new core.FileBytes(size);
  try {
    if (!(data instanceof Blob)) out.append(data);
    else {
      for (let at = 0; at < size; at += SLICE) {
        out.append(new Uint8Array(await data.slice(at, at + SLICE).arrayBuffer()));
      }
      if (out.length !== size) throw coreError('io', 'the file changed while it was read; choose it again', { file: file.name });
    }
  } catch (err) {
    out.free();
    if (fromCore(err)) throw err;
    throw coreError('io', `the file cannot be read (${err && err.message})`, { file: file.name });
  }
  return out;
}

/** The SHA-256 of bytes in WebAssembly memory, by the platform (faster than the core's). */
async function sha256(memory, bytes) {
  if (!globalThis.crypto || !crypto.subtle) return undefined;
  const view = new Uint8Array(memory.buffer, bytes.address, bytes.length);
  const digest = await crypto.subtle.digest('SHA-256', view);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const ROW_PICKS = ['all', 'passed', 'failed'];

export function createEngine() {
  let ready = null;
  let memory = null;
  const held = new Map();
  let nextHandle = 1;

  const hold = (kind, value) => {
    const handle = nextHandle++;
    held.set(handle, { kind, value });
    return handle;
  };
  const take = (handle, kind) => {
    const h = held.get(handle);
    if (!h) throw coreError('options', 'this result was closed (or never opened)');
    if (kind && h.kind !== kind) throw coreError('options', `this is a ${h.kind} result, not a ${kind} one`);
    return h.value;
  };
  const options = (o) => JSON.stringify(o ?? {});

  const ops = {
    version: () => core.version(),
    vocabulary: () => core.vocabulary(),
    inspect: async ({ file, fileOptions }) => {
      const bytes = await intoCore(file);
      return core.inspect(file.name, bytes, options(fileOptions), await sha256(memory, bytes));
    },
    validate: async ({ file, schemaName, schemaText, fileOptions }, tell) => {
      tell({ stage: 'reading', fraction: 0 });
      const bytes = await intoCore(file);
      const hash = await sha256(memory, bytes);
      const checked = core.validate(file.name, bytes, schemaName, schemaText, options(fileOptions), hash, tell);
      return { handle: hold('validation', checked), summary: checked.summary() };
    },
    reconcile: async ({ source, list, options: o }, tell) => {
      tell({ stage: 'reading', fraction: 0 });
      const s = await intoCore(source);
      let l;
      try {
        l = await intoCore(list);
      } catch (err) {
        s.free();
        throw err;
      }
      const [sh, lh] = [await sha256(memory, s), await sha256(memory, l)];
      const run = core.reconcile(source.name, s, list.name, l, options(o), tell, sh, lh);
      return { handle: hold('reconciliation', run), summary: run.summary() };
    },
    findings: ({ handle, start = 0, count = 500, filter }) => {
      const value = take(handle);
      const h = held.get(handle);
      if (h.kind === 'validation') return { total: value.findingCount(), items: value.page(start, count) };
      const wanted = options({ kinds: filter?.kinds?.length ? filter.kinds : null, column: filter?.column ?? null, search: filter?.search ?? null });
      if (h.filter !== wanted) {
        h.total = value.select(wanted);
        h.filter = wanted;
      }
      return { total: h.total, items: value.page(start, count) };
    },
    rows: ({ handle, pick = 'all', start = 0, count = 1000 }) => {
      if (!ROW_PICKS.includes(pick)) throw coreError('options', `rows: pick is one of ${ROW_PICKS.join(', ')}, not "${pick}"`);
      return take(handle, 'validation').rows(pick, start, count);
    },
    rowCount: ({ handle, pick = 'all' }) => take(handle, 'validation').rowCount(pick),
    row: ({ handle, side, row }) => take(handle, 'reconciliation').row(side, row),
    report: ({ handle }) => JSON.parse(take(handle).reportJson()),
    text: ({ handle, lang = 'en' }) => take(handle).text(lang),
    csv: ({ handle }) => take(handle).findingsCsv(),
    close: ({ handle }) => {
      const h = held.get(handle);
      if (h) {
        h.value.free();
        held.delete(handle);
      }
      return true;
    },
  };

  return {
    /** Load the WebAssembly module: bytes, a URL, a Response or a compiled module. */
    async start(wasm) {
      ready ??= init({ module_or_path: wasm }).then((exports) => {
        memory = exports.memory;
      });
      await ready;
      return core.version();
    },
    async request(op, args = {}, tell = () => {}) {
      await ready;
      const f = ops[op];
      if (!f) throw coreError('options', `unknown request "${op}"`);
      return f(args, tell);
    },
  };
}

/** Any failure as the core's shape; a trap of the WebAssembly machine is marked fatal. */
export function asCoreError(err) {
  if (fromCore(err)) return { error: err, fatal: false };
  const message = String(err && err.message ? err.message : err);
  const memory = err instanceof RangeError || (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError);
  return {
    error: coreError(memory ? 'memory' : 'internal', memory ? `out of memory (${message})` : message),
    fatal: true,
  };
}
