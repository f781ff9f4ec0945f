// How one progress bar (0 to 1) is shared out between the stages of the worker's requests. The
// run's shares mirror the core's own stages (src/lib.rs), so that the worker's reading and the
// core's stages meet on one bar; the core is to export them later.

// The core reads the source up to 0.3 and the list up to 0.55, then maps, matches and compares.

export const PROGRESS_WEIGHTS = {
  // A run whose files must be read first: as the core's reading_source and reading_list stages.
  run: { source: { start: 0, share: 0.3 }, list: { start: 0.3, share: 0.25 } },
  // One file read, within whatever part of the bar it has: copied into WebAssembly memory, then
  // parsed by the core.
  file: { copy: { start: 0, share: 0.3 }, parse: { start: 0.3, share: 0.7 } },
  // A validation: the file copied in, then the core's own 0 to 1 (reading, checking).
  validate: { copy: { start: 0, share: 0.15 }, core: { start: 0.15, share: 0.85 } },
};

/** Where `fraction` (0 to 1) of a stage lands on the bar. */
export const within = ({ start, share }, fraction) => start + share * fraction;
