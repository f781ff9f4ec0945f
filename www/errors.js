// The one shape of an engine error: the core's Error as it serialises (crates/crosscheck/src/error.rs,
// through crates/crosscheck-wasm/src/interop.rs js_error), {kind, message, text, file?, line?, row?, column?, hint?}, `text` being
// the line to show. The worker makes its own errors in it (coreError); the page reads them here.

// Nothing here imports anything: the worker bundles this file too.

/** An error in the core's shape, its `text` written the way the core's Display writes it. */
export function coreError(kind, message, { file, line, row, column, hint } = {}) {
  const place = [line != null && `line ${line}`, row != null && `row ${row}`, column != null && `column "${column}"`].filter(Boolean);
  const text = `${file != null ? `${file}: ` : ''}${place.length ? `${place.join(', ')}: ` : ''}${message}${hint ? ` (${hint})` : ''}`;
  const fields = Object.entries({ file, line, row, column, hint }).filter(([, v]) => v != null);
  return { kind, message, ...Object.fromEntries(fields), text };
}

/** A request the engine refused: an Error whose message is the line to show, the shape as `detail`. */
export class EngineError extends Error {
  constructor(detail) {
    super(detail.text || detail.message);
    this.detail = detail;
  }
}

/** The same error told in other words (e.g. naming the settings file it came from). */
export function retold(err, text) {
  return new EngineError({ ...(err && err.detail), text });
}

/** The one line to show for any error: the engine's text, else an Error's message. */
export function errorLine(err) {
  const d = err && err.detail;
  return (d && (d.text || d.message)) || (err && err.message) || String(err);
}
