// The Validate tab: one file against a Table Schema (a built-in example or the user's own JSON),
// a summary by rule and column, and the findings in pages. Like the rest of the page, the file
// stays in memory here and in the worker; every value reaches the DOM through textContent.

import { t, num, bytesText, getLang, onLangChange, progressText } from './i18n.js';
import { download } from './exports.js';

const $ = (id) => document.getElementById(id);
const PAGE = 500;
const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'cp932', 'euc-jp'];
const DELIMITERS = ['auto', ',', '\t', ';', '|'];

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

export function initValidateTab(engine) {
  const state = { file: null, schema: null, examples: [], result: null, items: [], busy: false, error: null };

  function showError(err) {
    state.error = err ? (err.detail && err.detail.text) || err.message || String(err) : null;
    const box = $('validate-error');
    box.hidden = !state.error;
    box.textContent = state.error || '';
  }

  function fileOptions() {
    return { encoding: $('validate-encoding').value, delimiter: $('validate-delimiter').value };
  }

  function renderControls() {
    $('validate-run').disabled = state.busy || !state.file || !state.schema;
    const f = state.file;
    $('validate-file-info').textContent = f ? `${f.name} · ${bytesText(f.bytes.size ?? f.bytes.length)}` : t('validate.noFile');
    $('validate-schema-info').textContent = state.schema ? state.schema.name : t('validate.noSchema');
  }

  function fillSelects() {
    const fill = (select, values, label) => {
      const keep = select.value;
      select.replaceChildren(...values.map((v) => {
        const o = el('option', label(v));
        o.value = v;
        return o;
      }));
      select.value = keep && values.includes(keep) ? keep : values[0];
    };
    fill($('validate-encoding'), ENCODINGS, (v) => (v === 'auto' ? t('opt.auto') : v));
    fill($('validate-delimiter'), DELIMITERS, (v) => (v === 'auto' ? t('opt.auto') : v === '\t' ? t('opt.tab') : v));
    const example = $('validate-example');
    const keep = example.value;
    const none = el('option', t('validate.chooseExample'));
    none.value = '';
    example.replaceChildren(none, ...state.examples.map((x) => {
      const o = el('option', x.title);
      o.value = x.name;
      return o;
    }));
    example.value = keep;
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
    for (const k of ['invalid', 'duplicate', 'malformed']) box.dataset[k] = String(s.findings[k]);
    box.dataset.rows = String(s.rows);
    box.dataset.validRows = String(s.valid_rows);
    box.dataset.invalidRows = String(s.invalid_rows);
    const cards = el('div', null, 'cards');
    const card = (n, label, cls) => {
      const c = el('div', null, `card ${cls || ''}`);
      c.append(el('span', num(n), 'card-count'), el('span', label, 'card-label'));
      return c;
    };
    cards.append(
      card(s.rows, t('validate.rows')),
      card(s.valid_rows, t('validate.validRows')),
      card(s.invalid_rows, t('validate.invalidRows'), s.invalid_rows ? 'bad' : ''),
      card(s.findings.invalid, t('validate.k.invalid'), s.findings.invalid ? 'bad' : ''),
      card(s.findings.duplicate, t('validate.k.duplicate'), s.findings.duplicate ? 'bad' : ''),
      card(s.findings.malformed, t('validate.k.malformed'), s.findings.malformed ? 'bad' : ''),
    );
    const line = el('p', t('validate.summaryLine', {
      file: r.report.input.name, encoding: r.report.input.encoding, schema: r.report.schema_name,
    }), 'muted');
    const tables = el('div', null, 'summary-tables');
    const table = (caption, rows) => {
      const wrap = el('div', null, 'table-wrap');
      const tb = el('table', null, 'numbers');
      tb.append(el('caption', caption));
      const body = el('tbody');
      for (const [a, b] of rows) {
        const tr = el('tr');
        tr.append(el('th', a), el('td', b));
        body.append(tr);
      }
      if (!rows.length) {
        const tr = el('tr');
        tr.append(el('td', t('validate.none')));
        body.append(tr);
      }
      tb.append(body);
      wrap.append(tb);
      return wrap;
    };
    tables.append(
      table(t('validate.byRule'), Object.entries(s.rules).map(([rule, n]) => [rule, num(n)])),
      table(t('validate.byColumn'), Object.entries(s.columns).map(([col, rules]) =>
        [col, Object.entries(rules).map(([rule, n]) => `${rule} ${num(n)}`).join(', ')])),
    );
    const parts = [line, cards, tables];
    if (s.unknown_columns.length) parts.push(el('p', t('validate.unknown', { columns: s.unknown_columns.join(', ') }), 'muted'));
    box.replaceChildren(...parts);
  }

  function renderRows() {
    const lang = getLang();
    const body = $('validate-rows');
    body.replaceChildren(...state.items.map((f) => {
      const tr = el('tr');
      tr.dataset.testid = 'validate-row';
      const message = f.kind === 'malformed' ? f.message : f.message[lang] || f.message.en;
      const where = f.kind === 'duplicate' ? f.rows.join(', ') : `${f.row} (${f.line})`;
      const column = f.kind === 'invalid' ? f.column : f.kind === 'duplicate' ? f.columns.join(' + ') : '';
      const value = f.kind === 'invalid' ? f.value : f.kind === 'duplicate' ? f.key.join(' / ') : '';
      tr.append(
        el('td', t(`validate.k.${f.kind}`)), el('td', where), el('td', column),
        el('td', value, 'value-text'), el('td', f.rule || ''), el('td', message),
      );
      return tr;
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
    $('validate-example').value = '';
    renderControls();
  });
  $('validate-example').addEventListener('change', (e) => {
    const x = state.examples.find((s) => s.name === e.target.value);
    state.schema = x ? { name: x.name, text: x.text } : null;
    renderControls();
  });
  $('validate-run').addEventListener('click', runValidation);
  $('validate-more').addEventListener('click', () => more().catch(showError));
  $('validate-export-csv').addEventListener('click', () => exportAs('csv'));
  $('validate-export-json').addEventListener('click', () => exportAs('json'));
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
