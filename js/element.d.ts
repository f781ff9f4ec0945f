import type { CheckedRow, Progress, ValidationReport } from './report.js';
import type { CrosscheckError } from './index.js';

/**
 * `<crosscheck-validate schema="…">`: `schema` is the schema's JSON, `#id` of a
 * `<script type="application/json">`, or a URL of the host's; `rows` is all, passed, failed or
 * none; `encoding`, `delimiter`, `sheet`, `header-row` as in the file options; `lang` ja or en.
 */
export class CrosscheckValidate extends HTMLElement {
  /** The schema as an object, in place of the attribute. */
  schema: object | string | null;
  /** Check a file as if it had been chosen. */
  check(file: Blob): Promise<ValidationReport & { rows?: CheckedRow[] }>;
}

export interface CrosscheckValidateEventMap {
  'crosscheck-result': CustomEvent<ValidationReport & { rows?: CheckedRow[] }>;
  'crosscheck-error': CustomEvent<CrosscheckError>;
  'crosscheck-progress': CustomEvent<Progress>;
}

declare global {
  interface HTMLElementTagNameMap {
    'crosscheck-validate': CrosscheckValidate;
  }
}
