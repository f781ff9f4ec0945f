// The core's words the page lists: finding kinds, normalisation steps, encodings, delimiters,
// written once for all of JS. They mirror the core (src/report.rs Finding, src/normalize.rs
// Step::ALL, src/decode.rs, src/table.rs DELIMITERS), which is to export them later.

/** Finding kinds, in the order the summary shows them. */
export const KINDS = ['missing', 'unexpected', 'duplicate', 'mismatch', 'crosswired', 'shifted', 'malformed'];

/** Finding kinds of a validation (the Validate tab and the settings' schema). */
export const VALIDATION_KINDS = ['invalid', 'duplicate', 'malformed'];

/** Normalisation steps, in the order the "add a step" menu offers them. */
export const STEPS = ['nfkc', 'trim', 'collapse_spaces', 'remove_spaces', 'lowercase', 'katakana', 'digits_only', 'integer', 'number', 'date'];

/** Encodings a file can be read as ('auto': detected). */
export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'cp932', 'euc-jp'];
export const ENCODING_LABELS = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', cp932: 'CP932 (Shift_JIS)', 'euc-jp': 'EUC-JP' };

/** Delimiters a file can be read with ('auto': detected). */
export const DELIMITERS = ['auto', ',', '\t', ';', '|'];

/** Column roles / kinds that name the thing a cross-wired value is ("this e-mail belongs to …"). */
export const NOUNS = ['email', 'phone', 'name', 'kana', 'postal', 'address'];

/** The two files, as the core names them. */
export const SIDES = ['source', 'list'];
