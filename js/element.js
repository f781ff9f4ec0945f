// <crosscheck-validate>: a file chooser that checks the chosen file against a Table Schema, for
// host pages without a build step. It shows the verdict in Japanese or English and emits the
// same result as validate() as a `crosscheck-result` event (errors: `crosscheck-error`).

import { CrosscheckError, validate } from './index.js';

const WORDS = {
  ja: {
    choose: 'チェックするファイル',
    checking: 'チェックしています…',
    ok: (n) => `${n} 行すべてがスキーマどおりです。`,
    bad: (n, passed, failed) => `${n} 行のうち ${passed} 行が通り、${failed} 行に問題があります。`,
    more: (n) => `ほか ${n} 件`,
    schema: 'スキーマを読み込めません',
    row: (r) => `${r} 行目`,
  },
  en: {
    choose: 'File to check',
    checking: 'Checking…',
    ok: (n) => `All ${n} rows follow the schema.`,
    bad: (n, passed, failed) => `Of ${n} rows, ${passed} passed and ${failed} have problems.`,
    more: (n) => `and ${n} more`,
    schema: 'The schema cannot be loaded',
    row: (r) => `row ${r}`,
  },
};

// Findings listed in the element; all of them are in the event's result.
const SHOWN = 20;

const STYLE = `
:host { display: block; font: inherit; }
label { display: block; margin-bottom: .25em; }
.status { margin: .5em 0; }
.status.bad { color: #a4000f; }
ul { margin: 0; padding-left: 1.25em; }
li { margin: .15em 0; }
`;

export class CrosscheckValidate extends HTMLElement {
  static observedAttributes = ['lang'];

  #schema = null;
  #root;
  #input;
  #status;
  #list;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    // A constructed style sheet, which a host's Content-Security-Policy does not block as it
    // would a <style> element without 'unsafe-inline'.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    this.#root.adoptedStyleSheets = [sheet];
    this.#root.innerHTML = `<label part="label"><span></span><br><input type="file" part="input"></label><p class="status" part="status" role="status" aria-live="polite"></p><ul part="findings"></ul>`;
    this.#input = this.#root.querySelector('input');
    this.#status = this.#root.querySelector('.status');
    this.#list = this.#root.querySelector('ul');
    this.#input.addEventListener('change', () => this.#input.files[0] && this.check(this.#input.files[0]));
  }

  connectedCallback() {
    this.#label();
  }

  attributeChangedCallback() {
    this.#label();
  }

  /** The schema as an object (instead of the `schema` attribute). */
  get schema() {
    return this.#schema;
  }

  set schema(value) {
    this.#schema = value;
  }

  get #words() {
    const lang = (this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en').toLowerCase();
    return lang.startsWith('ja') ? WORDS.ja : WORDS.en;
  }

  #label() {
    this.#root.querySelector('label span').textContent = this.#words.choose;
  }

  /** The schema from the property, or the `schema` attribute: JSON, `#id` of a script element, or a URL. */
  async #schemaText() {
    if (this.#schema) return this.#schema;
    const at = (this.getAttribute('schema') || '').trim();
    if (at.startsWith('{')) return at;
    if (at.startsWith('#')) {
      const el = document.getElementById(at.slice(1));
      if (!el) throw new CrosscheckError({ kind: 'schema', message: `no element ${at} holds the schema` });
      return el.textContent;
    }
    if (!at) throw new CrosscheckError({ kind: 'schema', message: 'no schema: set the schema attribute or property' });
    const response = await fetch(new URL(at, document.baseURI));
    if (!response.ok) throw new CrosscheckError({ kind: 'schema', message: `${at}: HTTP ${response.status}`, file: at });
    return response.text();
  }

  /** Check `file` and emit the result; resolves to it. */
  async check(file) {
    const words = this.#words;
    this.#status.className = 'status';
    this.#status.textContent = words.checking;
    this.#list.replaceChildren();
    const rows = this.getAttribute('rows') || 'all';
    const options = { rows: rows === 'none' ? false : rows };
    for (const [attr, key] of [['encoding', 'encoding'], ['delimiter', 'delimiter'], ['sheet', 'sheet'], ['header-row', 'header_row']]) {
      const v = this.getAttribute(attr);
      if (v != null) options[key] = key === 'header_row' ? Number(v) : v;
    }
    options.onProgress = (progress) => this.dispatchEvent(new CustomEvent('crosscheck-progress', { detail: progress }));
    try {
      let schema;
      try {
        schema = await this.#schemaText();
      } catch (err) {
        throw err instanceof CrosscheckError ? err : new CrosscheckError({ kind: 'schema', message: `${words.schema}: ${err.message}` });
      }
      // The package's shared engine: one worker for the host's calls and every element.
      const result = await validate(file, schema, options);
      this.#show(result);
      this.dispatchEvent(new CustomEvent('crosscheck-result', { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (err) {
      this.#status.className = 'status bad';
      this.#status.textContent = err.message;
      this.dispatchEvent(new CustomEvent('crosscheck-error', { detail: err, bubbles: true, composed: true }));
      throw err;
    }
  }

  #show(result) {
    const words = this.#words;
    const lang = words === WORDS.ja ? 'ja' : 'en';
    const s = result.summary;
    const failed = s.invalid_rows + s.malformed_rows;
    this.#status.className = failed ? 'status bad' : 'status';
    this.#status.textContent = failed ? words.bad(s.rows, s.valid_rows, failed) : words.ok(s.rows);
    const items = result.findings.slice(0, SHOWN).map((f) => {
      const li = document.createElement('li');
      const where = f.rows ? f.rows.map(words.row).join(', ') : words.row(f.row);
      const message = typeof f.message === 'string' ? f.message : f.message[lang];
      li.textContent = `${where}${f.column ? ` · ${f.column}` : ''}: ${message}`;
      return li;
    });
    const total = s.findings.invalid + s.findings.duplicate + s.findings.malformed;
    if (total > SHOWN) {
      const li = document.createElement('li');
      li.textContent = words.more(total - SHOWN);
      items.push(li);
    }
    this.#list.replaceChildren(...items);
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('crosscheck-validate')) {
  customElements.define('crosscheck-validate', CrosscheckValidate);
}
