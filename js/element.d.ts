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
  addEventListener<K extends keyof CrosscheckValidateEventMap>(
    type: K,
    listener: (this: CrosscheckValidate, event: CrosscheckValidateEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CrosscheckValidateEventMap>(
    type: K,
    listener: (this: CrosscheckValidate, event: CrosscheckValidateEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's events (`crosscheck-result` and `crosscheck-error` bubble out of its shadow root; progress does not). */
export interface CrosscheckValidateEventMap extends HTMLElementEventMap {
  /** The same result as `validate()`, rows as the `rows` attribute picks them. */
  'crosscheck-result': CustomEvent<ValidationReport & { rows?: CheckedRow[] }>;
  'crosscheck-error': CustomEvent<CrosscheckError>;
  'crosscheck-progress': CustomEvent<Progress>;
}

declare global {
  interface HTMLElementTagNameMap {
    'crosscheck-validate': CrosscheckValidate;
  }
}
