// The Validate tab: one file against a Table Schema (a built-in example or the user's own JSON),
// a summary by rule and column, and the findings in pages. Like the rest of the page, the file
// stays in memory here and in the worker; every value reaches the DOM through textContent.

import { t, num, bytesText, delimiterText, getLang, onLangChange, progressText } from './i18n.js';
import { download } from './download.js';
import { errorLine } from './errors.js';
import { h, $ } from './dom.js';
import { ENCODINGS, DELIMITERS, VALIDATION_KINDS } from './vocabulary.js';

const PAGE = 500;

export function initValidateTab(engine) {
  // This tab's own store, drawn from like the other tab's (state.js): the menus show it, never hold it.
  const state = {
    file: null, readAs: { encoding: 'auto', delimiter: 'auto' }, example: '', schema: null,
    examples: [], result: null, items: [], busy: false, error: null,
  };

  function showError(err) {
    state.error = err ? errorLine(err) : null;
    const box = $('validate-error');
    box.hidden = !state.error;
    box.textContent = state.error || '';
  }

  function fileOptions() {
    return { ...state.readAs };
  }

  function renderControls() {
    $('validate-run').disabled = state.busy || !state.file || !state.schema;
    const f = state.file;
    $('validate-file-info').textContent = f ? `${f.name} · ${bytesText(f.bytes.size ?? f.bytes.length)}` : t('validate.noFile');
    $('validate-schema-info').textContent = state.schema ? state.schema.name : t('validate.noSchema');
  }

  function fillSelects() {
    const fill = (select, values, value, label) => {
      select.replaceChildren(...values.map((v) => h('option', { value: v, text: label(v) })));
      select.value = value;
    };
    fill($('validate-encoding'), ENCODINGS, state.readAs.encoding, (v) => (v === 'auto' ? t('opt.auto') : v));
    fill($('validate-delimiter'), DELIMITERS, state.readAs.delimiter, (v) => (v === 'auto' ? t('opt.auto') : delimiterText(v)));
    const example = $('validate-example');
    example.replaceChildren(
      h('option', { value: '', text: t('validate.chooseExample') }),
      ...state.examples.map((x) => h('option', { value: x.name, text: x.title })),
    );
    example.value = state.example;
  }

  function renderSummary() {
    const box = $('validate-summary');
    const r = state.result;
    if (!r) {
      $('validate-result').hidden = true;
      return;
    }
    $('validate-result').hidden = false;
    const s = r.report.summary;
    for (const k of VALIDATION_KINDS) box.dataset[k] = String(s.findings[k]);
    box.dataset.rows = String(s.rows);
    box.dataset.validRows = String(s.valid_rows);
    box.dataset.invalidRows = String(s.invalid_rows);
    const card = (n, label, cls) => h('div', { class: `card ${cls || ''}` },
      h('span', { class: 'card-count', text: num(n) }),
      h('span', { class: 'card-label', text: label }));
    const cards = h('div', { class: 'cards' },
      card(s.rows, t('validate.rows')),
      card(s.valid_rows, t('validate.validRows')),
      card(s.invalid_rows, t('validate.invalidRows'), s.invalid_rows ? 'bad' : ''),
      card(s.findings.invalid, t('validate.k.invalid'), s.findings.invalid ? 'bad' : ''),
      card(s.findings.duplicate, t('validate.k.duplicate'), s.findings.duplicate ? 'bad' : ''),
      card(s.findings.malformed, t('validate.k.malformed'), s.findings.malformed ? 'bad' : ''),
    );
    const line = h('p', { class: 'muted', text: t('validate.summaryLine', {
      file: r.report.input.name, encoding: r.report.input.encoding, schema: r.report.schema_name,
    }) });
    const table = (caption, rows) => h('div', { class: 'table-wrap' },
      h('table', { class: 'numbers' },
        h('caption', { text: caption }),
        h('tbody', null,
          ...rows.map(([a, b]) => h('tr', null, h('th', { text: a }), h('td', { text: b }))),
          !rows.length && h('tr', null, h('td', { text: t('validate.none') })))));
    const tables = h('div', { class: 'summary-tables' },
      table(t('validate.byRule'), Object.entries(s.rules).map(([rule, n]) => [rule, num(n)])),
      table(t('validate.byColumn'), Object.entries(s.columns).map(([col, rules]) =>
        [col, Object.entries(rules).map(([rule, n]) => `${rule} ${num(n)}`).join(', ')])),
    );
    const parts = [line, cards, tables];
    if (s.unknown_columns.length) parts.push(h('p', { class: 'muted', text: t('validate.unknown', { columns: s.unknown_columns.join(', ') }) }));
    box.replaceChildren(...parts);
  }

  function renderRows() {
    const lang = getLang();
    const body = $('validate-rows');
    body.replaceChildren(...state.items.map((f) => {
      const message = f.kind === 'malformed' ? f.message : f.message[lang] || f.message.en;
      const where = f.kind === 'duplicate' ? f.rows.join(', ') : `${f.row} (${f.line})`;
      const column = f.kind === 'invalid' ? f.column : f.kind === 'duplicate' ? f.columns.join(' + ') : '';
      const value = f.kind === 'invalid' ? f.value : f.kind === 'duplicate' ? f.key.join(' / ') : '';
      return h('tr', { 'data-testid': 'validate-row' },
        h('td', { text: t(`validate.k.${f.kind}`) }), h('td', { text: where }), h('td', { text: column }),
        h('td', { class: 'value-text', text: value }), h('td', { text: f.rule || '' }), h('td', { text: message }));
    }));
    $('validate-more').hidden = !state.result || state.items.length >= state.result.findingCount;
  }

  async function more() {
    const page = await engine.validationFindings(state.items.length, PAGE);
    state.items.push(...page);
    renderRows();
  }

  // The bar while a validation runs (null: hidden).
  function renderProgress(p) {
    $('validate-progress-box').hidden = !p;
    if (!p) return;
    const { fraction, label } = progressText(p);
    $('validate-progress').value = fraction;
    $('validate-progress').dataset.stage = p.stage;
    $('validate-progress-label').textContent = label;
  }

  async function runValidation() {
    if (!state.file || !state.schema) return;
    state.busy = true;
    showError(null);
    renderControls();
    renderProgress({ stage: 'starting', fraction: 0 });
    try {
      state.result = await engine.validate(state.file, state.schema.name, state.schema.text, fileOptions(), renderProgress);
      state.items = [];
      renderSummary();
      await more();
    } catch (err) {
      state.result = null;
      renderSummary();
      showError(err);
    } finally {
      state.busy = false;
      renderProgress(null);
      renderControls();
    }
  }

  async function exportAs(what) {
    try {
      const out = await engine.validationExport(what, getLang());
      download(out.bytes, out.filename, out.mime);
    } catch (err) {
      showError(err);
    }
  }

  function selectTab(name) {
    for (const tab of ['reconcile', 'validate']) {
      const on = tab === name;
      $(`tab-${tab}`).setAttribute('aria-selected', String(on));
      $(`panel-${tab}`).hidden = !on;
    }
  }

  $('tab-reconcile').addEventListener('click', () => selectTab('reconcile'));
  $('tab-validate').addEventListener('click', () => selectTab('validate'));
  $('validate-file').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    e.target.value = '';
    if (!file) return;
    state.file = { name: file.name, bytes: file }; // read by the worker, as on the other tab
    state.result = null;
    renderSummary();
    renderControls();
  });
  $('validate-schema-file').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    e.target.value = '';
    if (!file) return;
    state.schema = { name: file.name, text: await file.text() };
    state.example = '';
    fillSelects();
    renderControls();
  });
  for (const what of ['encoding', 'delimiter']) {
    $(`validate-${what}`).addEventListener('change', (e) => {
      state.readAs[what] = e.target.value;
    });
  }
  $('validate-example').addEventListener('change', (e) => {
    state.example = e.target.value;
    const x = state.examples.find((s) => s.name === e.target.value);
    state.schema = x ? { name: x.name, text: x.text } : null;
    renderControls();
  });
  $('validate-run').addEventListener('click', runValidation);
  $('validate-more').addEventListener('click', () => more().catch(showError));
  $('validate-export-csv').addEventListener('click', () => exportAs('csv'));
  $('validate-export-json').addEventListener('click', () => exportAs('json'));
  $('validate-export-passed').addEventListener('click', () => exportAs('passed'));
  onLangChange(() => {
    fillSelects();
    renderControls();
    renderSummary();
    renderRows();
  });
  engine.examples().then((examples) => {
    state.examples = examples;
    fillSelects();
  }, showError);
  fillSelects();
  renderControls();
}
