// The page's handle on the core: starts the worker (worker.js) and turns its messages into
// promises. In dist/crosscheck.html the worker's code and the wasm are inlined by tools/build.mjs
// as globalThis.CROSSCHECK_INLINE; served, they are files beside this one.

import { coreError, EngineError } from './errors.js';

function makeWorker() {
  const inline = globalThis.CROSSCHECK_INLINE;
  if (inline) {
    const url = URL.createObjectURL(new Blob([inline.worker], { type: 'text/javascript' }));
    const worker = new Worker(url); // a classic worker: see tools/build.mjs
    // The worker fetches its script asynchronously: revoke the URL only once it has started.
    return { worker, wasm: base64Bytes(inline.wasm), started: () => URL.revokeObjectURL(url) };
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  return { worker, wasm: new URL('./pkg/crosscheck_bg.wasm', import.meta.url).href, started: () => {} };
}

function base64Bytes(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

// A file is either a File (Blob) the user chose or bytes already in JavaScript (the sample). A
// File goes to the worker as it is (a handle: the worker reads it from disk into WebAssembly
// memory, hashes it there, and keeps the table for the next request); the page never holds a
// chosen file's bytes. Bytes get a copy the worker owns, moved rather than cloned (cloning in
// postMessage takes longer than copying here); the page keeps the original for the next run.
function forWorker(file) {
  return { name: file.name, bytes: file.bytes instanceof Blob ? file.bytes : file.bytes.slice() };
}

export function createEngine() {
  let current = null;
  let next = 1;
  const pending = new Map();

  function start() {
    const { worker, wasm, started } = makeWorker();
    worker.onmessage = ({ data }) => {
      const waiting = pending.get(data.id);
      if (!waiting) return;
      if (data.progress) {
        if (waiting.onProgress) waiting.onProgress(data.progress);
        return;
      }
      pending.delete(data.id);
      if (data.ok) waiting.resolve(data.result);
      else {
        // data.error is in the core's shape (errors.js), whoever made it.
        // A trapped instance is dropped; the next request starts a fresh one.
        if (data.fatal) stop();
        waiting.reject(new EngineError(data.error));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop(coreError('internal', event.message || 'the engine stopped'));
    };
    const ready = send(worker, 'init', { wasm });
    ready.then(started, started);
    current = { worker, ready };
    return current;
  }

  function stop(detail) {
    if (!current) return;
    current.worker.terminate();
    current = null;
    if (detail) {
      for (const waiting of pending.values()) waiting.reject(new EngineError(detail));
      pending.clear();
    }
  }

  function send(worker, op, args, onProgress, transfer = []) {
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, op, args }, transfer);
    });
  }

  async function call(op, args, onProgress, transfer = []) {
    const engine = current || start();
    await engine.ready;
    return send(engine.worker, op, args, onProgress, transfer);
  }

  /** A request carrying files: handed or moved to the worker. */
  async function callWithFiles(op, files, rest, onProgress) {
    const prepared = {};
    for (const [key, file] of Object.entries(files)) prepared[key] = forWorker(file);
    const moved = Object.values(prepared).filter((f) => f.bytes instanceof Uint8Array).map((f) => f.bytes.buffer);
    return call(op, { ...prepared, ...rest }, onProgress, moved);
  }

  return {
    version: () => call('version'),
    vocabulary: () => call('vocabulary'),
    sample: () => call('sample'),
    inspect: (name, bytes, fileOptions, onProgress) =>
      callWithFiles('inspect', { file: { name, bytes } }, { fileOptions }, onProgress),
    plan: (source, list, options) => callWithFiles('plan', { source, list }, { options }),
    run: (source, list, options, onProgress) => callWithFiles('run', { source, list }, { options }, onProgress),
    findings: (query) => call('findings', query),
    // No worker yet: nothing to forget (and none is started for it).
    forget: () => (current ? call('forget') : Promise.resolve(true)),
    rows: (sourceRow, listRow) => call('rows', { sourceRow, listRow }),
    export: (what, lang) => call('export', { what, lang }),
    examples: () => call('examples'),
    validate: (file, schemaName, schemaText, fileOptions, onProgress) =>
      callWithFiles('validate', { file }, { schemaName, schemaText, fileOptions }, onProgress),
    validationFindings: (start, count) => call('validationFindings', { start, count }),
    validationExport: (what, lang) => call('validationExport', { what, lang }),
    terminate: () => stop(),
  };
}
