// The progress bar. Which stage of a call runs from where to where is the core's (its
// `vocabulary().progress`, crates/crosscheck/src/progress.rs); what lives here is only how the
// worker shares one of those stages between its own steps (copying a file into WebAssembly
// memory, then the core parsing it).

/** A chosen file: copied in, then parsed by the core, within whatever part of the bar it has. */
export const FILE_SHARES = { copy: { start: 0, share: 0.3 }, parse: { start: 0.3, share: 0.7 } };

/** A validation: the file copied in first, then the core's own bar (reading, checking). */
export const VALIDATE_SHARES = { copy: { start: 0, share: 0.15 }, core: { start: 0.15, share: 0.85 } };

/** A stage of one of the core's bars as {start, share}; a stage not on the bar takes none. */
export function spanOf(bar, stage) {
  const s = bar.find((x) => x.stage === stage);
  return s ? { start: s.start, share: s.end - s.start } : { start: 0, share: 0 };
}

/** Where `fraction` (0 to 1) of a part lands on the bar. */
export const within = ({ start, share }, fraction) => start + share * fraction;

