// 1. Files: the two slots. Choosing (or dropping) a file, how to read it (encoding, delimiter),
// reading and inspecting it in the worker, and drawing the slot: facts, notes, a preview.

import { state, engine, emptySlot, fileOptions } from './state.js';
import { h, $ } from './dom.js';
import { t, num, bytesText, delimiterText, getLang } from './i18n.js';
import { ENCODINGS, ENCODING_LABELS, DELIMITERS, SIDES } from './vocabulary.js';
import { enqueue } from './locks.js';
import { showError, clearError, errorText } from './error-box.js';
import { clearPlan, planIfReady } from './mapping.js';
import { resetResult } from './result.js';

const PREVIEW_COLUMNS = 50;

const encodingText = (v) => ENCODING_LABELS[v] || v;

// A loaded settings file may name a value (an alias such as "shift_jis") the list lacks: it is
// offered too, as it is.
function fillSelect(select, values, value, label) {
  const all = values.includes(value) ? values : [...values, value];
  select.replaceChildren(...all.map((v) => h('option', { value: v, text: values.includes(v) ? label(v) : v })));
  select.value = value;
}

/** The encoding and delimiter menus of both slots, set to state.readAs. */
export function renderReadAs() {
  for (const side of SIDES) {
    const how = state.readAs[side];
    fillSelect($(`${side}-encoding`), ENCODINGS, how.encoding, (v) => (v === 'auto' ? t('opt.auto') : encodingText(v)));
    fillSelect($(`${side}-delimiter`), DELIMITERS, how.delimiter, (v) => (v === 'auto' ? t('opt.auto') : delimiterText(v)));
  }
}

function chooseFile(side, fileObj) {
  if (!fileObj) return;
  // The File itself, not its bytes: the worker reads it from disk into WebAssembly memory when
  // it is needed, so a big file is not held in the page as well. Nothing is written anywhere.
  enqueue(async () => {
    state.slots[side] = { ...emptySlot(), file: { name: fileObj.name, bytes: fileObj } };
    // Another file: its own sheets, its own header.
    delete state.readAs[side].sheet;
    delete state.readAs[side].header_row;
    await readAgain(side);
  });
}

// The file in `side` read (again) as chosen: what was planned and run on it goes.
async function readAgain(side) {
  clearError();
  clearPlan();
  resetResult();
  await inspectSide(side);
  await planIfReady();
}

export async function inspectSide(side) {
  const slot = state.slots[side];
  if (!slot.file) return;
  Object.assign(slot, { info: null, error: null, loading: true, read: 0 });
  renderSlot(side);
  try {
    slot.info = await engine.inspect(slot.file.name, slot.file.bytes, fileOptions(side), (p) => showReading(side, p.fraction));
  } catch (err) {
    slot.error = err;
    showError(err);
  } finally {
    slot.loading = false;
    renderSlot(side);
  }
}

/** How far the worker has read a chosen file (a big one takes a second or more); kept, so that
 * the slot drawn again meanwhile (another language) goes on from there. */
function showReading(side, fraction) {
  state.slots[side].read = fraction;
  const bar = document.querySelector(`[data-testid="${side}-reading"]`);
  if (bar) bar.value = fraction;
}

export function renderSlot(side) {
  const slot = state.slots[side];
  const box = $(`${side}-info`);
  box.closest('.slot').classList.toggle('loaded', Boolean(slot.info));
  box.replaceChildren();
  if (!slot.file) return;
  if (slot.loading) {
    const reading = t('slot.reading', { name: slot.file.name });
    box.append(
      h('p', { class: 'muted', text: reading }),
      h('progress', { max: '1', value: String(slot.read || 0), 'aria-label': reading, 'data-testid': `${side}-reading` }),
    );
    return;
  }
  if (slot.error) {
    box.append(h('p', { class: 'inline-error', text: `${t('slot.failed', { name: slot.file.name })} ${errorText(slot.error)}` }));
    // A header row the user named that holds no header: another can be named, or it found again.
    if (state.readAs[side].header_row) box.append(headerPick(side, state.readAs[side].header_row));
    return;
  }
  if (slot.info) box.append(...slotInfo(side, slot.info));
}

/** The header row, as Excel numbers rows: found by the core, or named here (a formatted sheet
 * whose title lines look like a header); "find it" goes back to the core's choice. */
function headerPick(side, row) {
  const named = state.readAs[side].header_row != null;
  const input = h('input', { type: 'number', min: '1', step: '1', id: `${side}-header-row`, 'data-testid': `${side}-header-row` });
  input.value = String(row);
  input.addEventListener('change', () => {
    const n = Number(input.value);
    if (!Number.isInteger(n) || n < 1) {
      input.value = String(row);
      return;
    }
    state.readAs[side].header_row = n;
    enqueue(() => readAgain(side));
  });
  const find = named && h('button', { type: 'button', class: 'link-button', 'data-testid': `${side}-header-find`, text: t('info.headerFind') });
  if (find) {
    find.addEventListener('click', () => {
      delete state.readAs[side].header_row;
      enqueue(() => readAgain(side));
    });
  }
  return h('p', { class: 'header-pick' }, h('label', { for: `${side}-header-row`, text: t(named ? 'info.headerNamed' : 'info.headerFound') }), input, find || null);
}

// What the inspection found: facts, renamed headers, unreadable records, the first rows.
function slotInfo(side, info) {
  const input = info.input;
  const opts = fileOptions(side);
  const shown = (chosen, value, fmt) => (chosen === 'auto' ? t('info.detected', { value: fmt(value) }) : fmt(value));
  const facts = [
    ['file', 'info.file', input.name],
    ['size', 'info.size', bytesText(input.bytes)],
    ['encoding', 'info.encoding', shown(opts.encoding, input.encoding, encodingText)],
    // A workbook has a sheet where a text file has a delimiter.
    input.sheet == null
      ? ['delimiter', 'info.delimiter', shown(opts.delimiter, input.delimiter, delimiterText)]
      : ['sheet', 'info.sheet', input.sheet],
    ['rows', 'info.rows', num(input.rows)],
    ['columns', 'info.columns', num(input.columns.length)],
    ['malformed', 'info.malformed', num(info.malformed.length)],
  ];
  if (input.blank_records) facts.push(['blank', 'info.blank', num(input.blank_records)]);
  // A formatted sheet: where its header was found, and each line that is not a row of the table
  // (titles above the header, totals rows, notes after it), with its cell.
  if (input.header_row > 1) facts.push(['header', 'info.header_row', num(input.header_row)]);
  if (input.skipped?.length) {
    const lines = input.skipped.map((s) => `${s.cell} ${t(`skip.${s.reason}`)}: ${s.text}`);
    facts.push(['skipped', 'info.skipped', lines.join(' / ')]);
  }
  const dl = h('dl', { class: 'facts' }, ...facts.map(([field, label, value]) =>
    h('div', { class: `fact fact-${field}` },
      h('dt', { text: t(label) }),
      h('dd', { text: value, 'data-testid': `${side}-info-${field}` }))));
  // What Excel did to its columns (lost leading zeros, phone numbers as numbers, IDs in
  // scientific notation, dates as serials), each in the core's words: said, never undone.
  if (input.damage?.length) {
    const lang = getLang();
    dl.append(h('div', { class: 'fact fact-damage' },
      h('dt', { text: t('info.damage') }),
      h('dd', { 'data-testid': `${side}-info-damage` },
        h('ul', { class: 'damage-list' }, ...input.damage.map((d, i) => h('li', { 'data-kind': d.kind },
          h('span', { class: 'damage-kind', text: t('info.damageKind', { kind: t(`damage.${d.kind}`) }) }), ' ',
          h('span', { text: info.damage_text?.[i]?.[lang] ?? d.column })))))));
  }
  const parts = [dl];

  if (input.sheets?.length > 1) {
    // A workbook of several sheets: the one read is chosen here (the core took the first that
    // holds a table); choosing another reads the file again.
    const pick = h('select', { id: `${side}-sheet`, 'data-testid': `${side}-sheet` },
      ...input.sheets.map((name) => h('option', { value: name, text: name })));
    pick.value = input.sheet;
    pick.addEventListener('change', () => {
      state.readAs[side].sheet = pick.value;
      delete state.readAs[side].header_row;
      enqueue(() => readAgain(side));
    });
    parts.push(h('p', { class: 'sheet-pick' }, h('label', { for: `${side}-sheet`, text: t('info.sheetPick') }), pick));
  }
  parts.push(headerPick(side, input.header_row));
  if (input.renamed_columns?.length) {
    // A rename is {column: its 1-based position, from: the name in the file, to: the name used}.
    const items = input.renamed_columns.map((r) => t('info.renamedItem', { column: r.to, was: r.from || t('info.empty') }));
    parts.push(h('p', { class: 'note', 'data-testid': `${side}-renamed`, text: t('info.renamed', { list: items.join('、') }) }));
  }
  if (info.malformed.length) {
    parts.push(h('ul', { class: 'malformed-list', 'data-testid': `${side}-malformed-list` },
      ...info.malformed.slice(0, 5).map((m) => h('li', { text: t('info.malformedItem', { row: num(m.row), line: num(m.line), message: m.message }) })),
      info.malformed.length > 5 && h('li', { text: t('info.more', { n: num(info.malformed.length - 5) }) })));
  }

  const kinds = new Map((info.columns || []).map((c) => [c.name, c.kind]));
  // The first PREVIEW_COLUMNS columns: a file of 20,000 drew 160,000 cells per preview.
  const hidden = Math.max(0, input.columns.length - PREVIEW_COLUMNS);
  const more = () => (hidden ? h('td', { class: 'muted small', text: t('info.moreColumns', { n: num(hidden) }) }) : null);
  const headRow = h('tr', null, ...input.columns.slice(0, PREVIEW_COLUMNS).map((name) => {
    const kind = kinds.get(name);
    return h('th', { scope: 'col' }, h('span', { class: 'col-name', text: name }),
      kind ? h('span', { class: 'col-kind', text: t(`ckind.${kind}`) }) : null);
  }), more());
  const tbody = h('tbody', null, ...(info.preview || []).map((row) =>
    h('tr', null, ...row.slice(0, PREVIEW_COLUMNS).map((cell) => h('td', { text: cell })), hidden ? h('td') : null)));
  parts.push(h('div', { class: 'table-wrap preview-wrap' },
    h('table', { class: 'preview', 'data-testid': `${side}-preview` }, h('caption', { text: t('info.preview') }), h('thead', null, headRow), tbody)));
  return parts;
}

// The sample: both slots filled with the core's own example files, read automatically.
async function loadSample() {
  clearError();
  try {
    const { source, list } = await engine.sample();
    for (const side of SIDES) state.readAs[side] = { encoding: 'auto', delimiter: 'auto' };
    renderReadAs();
    state.slots.source = { ...emptySlot(), file: source };
    state.slots.list = { ...emptySlot(), file: list };
    clearPlan();
    resetResult();
    for (const side of SIDES) await inspectSide(side);
    await planIfReady();
  } catch (err) {
    showError(err);
  }
}

function wireSlot(side) {
  const input = $(`${side}-file`);
  input.addEventListener('change', () => {
    const f = input.files && input.files[0];
    input.value = ''; // the same file can be chosen again after an edit on disk
    chooseFile(side, f);
  });
  const drop = document.querySelector(`[data-testid="${side}-drop"]`);
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = state.running ? 'none' : 'copy';
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (!state.running) chooseFile(side, e.dataTransfer.files && e.dataTransfer.files[0]);
  });
  for (const what of ['encoding', 'delimiter']) {
    $(`${side}-${what}`).addEventListener('change', (e) => {
      state.readAs[side][what] = e.target.value;
      enqueue(async () => {
        if (state.slots[side].file) await readAgain(side);
      });
    });
  }
}

export function wireFiles() {
  for (const side of SIDES) wireSlot(side);
  $('sample').addEventListener('click', () => enqueue(loadSample));
  // A file dropped beside a drop zone must not make the browser navigate away (and lose state).
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (e) => {
      if (!(e.target instanceof Element && e.target.closest('.drop'))) {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
      }
    });
  }
}
