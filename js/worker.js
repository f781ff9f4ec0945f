// The package's Web Worker: the engine (engine.js) behind messages, so the host page never
// freezes. Requests {id, op, args}; replies {id, ok, result} or {id, ok: false, error, fatal};
// while working, {id, progress: {stage, fraction}}.

import { asCoreError, createEngine } from './engine.js';

const engine = createEngine();

// Buffers in a result are moved to the host page, not copied.
function transferables(value, out = []) {
  if (value instanceof Uint8Array) out.push(value.buffer);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) transferables(v, out);
  return out;
}

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    const result =
      op === 'start'
        ? await engine.start(args.wasm)
        : await engine.request(op, args, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, ok: true, result }, transferables(result));
  } catch (err) {
    const { error, fatal } = asCoreError(err);
    self.postMessage({ id, ok: false, error, fatal });
  }
};
