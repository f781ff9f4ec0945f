// The core's words the page lists — finding kinds, normalisation steps, encodings, delimiters,
// ways of pairing rows — taken from the core at start-up (its `vocabulary()`), so the page keeps
// no list of its own. The arrays are filled in place: modules that import them see the core's.

/** Finding kinds, in the order the summary shows them. */
export const KINDS = [];
/** Finding kinds of a validation (the Validate tab). */
export const VALIDATION_KINDS = [];
/** Normalisation steps, in the order the "add a step" menu offers them. */
export const STEPS = [];
/** Encodings a file can be read as ('auto': detected). */
export const ENCODINGS = [];
/** Delimiters a file can be read with ('auto': detected). */
export const DELIMITERS = [];
/** How rows can be paired (the core's `pairing` option), 'auto' first; each in the page's own
 * words (i18n `pairing.*`). */
export const PAIRINGS = [];
/** The two files, as the core names them: the page's two slots, so fixed here (index.html). */
export const SIDES = ['source', 'list'];

/** How an encoding is shown in a menu (the page's own words for the core's labels). */
export const ENCODING_LABELS = {
  'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', cp932: 'CP932 (Shift_JIS)', 'euc-jp': 'EUC-JP',
  // A workbook's format, reported where a text file's encoding is.
  xlsx: 'Excel (.xlsx)', xls: 'Excel 97-2003 (.xls)', xlsb: 'Excel (.xlsb)', ods: 'OpenDocument (.ods)',
};

const fill = (list, values) => list.splice(0, list.length, ...values);

/** Take the core's vocabulary (worker.js `vocabulary`, the core's `crosscheck::Vocabulary`). */
export function setVocabulary(v) {
  fill(KINDS, v.finding_kinds);
  fill(VALIDATION_KINDS, v.validation_kinds);
  fill(STEPS, v.steps);
  fill(ENCODINGS, v.encodings);
  fill(DELIMITERS, v.delimiters);
  fill(PAIRINGS, v.pairings);
}
