// The page's controller: one state object, small render functions that draw from it, and the
// event handlers that call the engine (a Web Worker) and update the state.
//
// Personal data (file bytes, cells, findings) lives only in variables here and in the worker:
// nothing is stored, nothing is sent, and every cell reaches the DOM through textContent.

import { createEngine } from './engine.js';
import { t, num, bytesText, setLang, defaultLang, getLang, onLangChange, progressText } from './i18n.js';
import { VirtualList } from './virtual-list.js';
import { describe, keyText, rowsText } from './finding-text.js';
import { rowsToShow, detailBody, valuesElement } from './detail.js';
import { saveOptions, readOptionsFile } from './exports.js';
import { download } from './download.js';
import { errorLine, retold } from './errors.js';
import { buildReceipt, receiptFilename } from './receipt.js';
import { initValidateTab } from './validate-tab.js';
import { h, $ } from './dom.js';
import { KINDS, STEPS, ENCODINGS, ENCODING_LABELS, DELIMITERS, NOUNS, SIDES } from './vocabulary.js';

const RECEIPT_FINDINGS = 200;

const clone = (x) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
const delimiterText = (d) => (d === '\t' ? t('opt.tab') : d);

// ---------------------------------------------------------------------------------------------
// State: the one place the page's data lives.

const state = {
  pending: 0, // queued engine tasks (read, inspect, plan, run) not yet finished
  running: false,
  exporting: false,
  slots: { source: emptySlot(), list: emptySlot() },
  loadedOptions: null, // {name, options} from "load settings", applied at the next plan
  plan: null, // engine.plan result
  options: null, // the options the run uses: the plan's, edited by the user
  edited: false,
  userPaired: new Set(), // source columns whose pairing the user chose
  settingsNote: '',
  progress: null, // {stage, fraction} while running
  report: null,
  ahead: null, // the run started with the proposed mapping before Run was clicked (see runAhead)
  findingCount: 0,
  shownTotal: null,
  stale: false,
  filter: { kind: null, column: null, search: '' },
  selected: null, // {item, data, error, loading}: the finding in the detail panel
  error: null,
};

function emptySlot() {
  return { file: null, info: null, error: null, loading: false, read: 0 };
}

const engine = createEngine();

// ---------------------------------------------------------------------------------------------
// Errors, the task queue and what is locked meanwhile.

// The line errors.js reads from any error; one the browser's memory could not hold is led by
// the page's own sentence saying what to do.
function errorText(err) {
  const line = errorLine(err);
  return err?.detail?.kind === 'memory' ? `${t('error.memory')} (${line})` : line;
}

function showError(err) {
  state.error = err;
  renderError();
}

function clearError() {
  state.error = null;
  renderError();
}

function renderError() {
  const box = $('error');
  box.hidden = !state.error;
  $('error-text').textContent = state.error ? errorText(state.error) : '';
  box.dataset.kind = state.error?.detail?.kind || '';
}

// Work that changes what the engine holds (read, inspect, plan, run) runs one task at a time, in
// the order it was asked for: a file chosen while another is being read waits its turn instead
// of being dropped, and a plan never mixes with a half-read file.
let chain = Promise.resolve();
function enqueue(task) {
  state.pending++;
  applyLocks();
  chain = chain
    .then(task)
    .catch(showError)
    .finally(() => {
      state.pending--;
      applyLocks();
    });
  return chain;
}

// A disabled <fieldset> disables every control inside it, also the ones rendered later. Files
// can be chosen while others are read; everything waits while a run is under way.
function applyLocks() {
  const working = state.pending > 0;
  $('files').disabled = state.running;
  $('sample').disabled = state.running;
  $('mapping').disabled = working;
  $('run-box').disabled = working;
  $('exports').disabled = working || state.exporting;
  document.body.classList.toggle('busy', working || state.exporting);
  renderRunState();
}

function ready() {
  return Boolean(state.slots.source.info && state.slots.list.info);
}

function renderRunState() {
  $('run').disabled = state.pending > 0 || !ready();
  $('run-hint').textContent = ready() ? (state.edited ? t('mapping.edited') : t('run.ready')) : t('run.hint');
}

// ---------------------------------------------------------------------------------------------
// 1. Files: drop zones, inspect, encoding / delimiter overrides.

function fillSelect(select, values, label) {
  const keep = select.value;
  select.replaceChildren(...values.map((v) => h('option', { value: v, text: label(v) })));
  setSelectValue(select, keep || values[0]);
}

// A loaded settings file may name a value (an alias such as "shift_jis") the list lacks.
function setSelectValue(select, value) {
  if (![...select.options].some((o) => o.value === value)) select.append(h('option', { value, text: value }));
  select.value = value;
}

function renderOverrideSelects() {
  for (const side of SIDES) {
    fillSelect($(`${side}-encoding`), ENCODINGS, (v) => (v === 'auto' ? t('opt.auto') : ENCODING_LABELS[v] || v));
    fillSelect($(`${side}-delimiter`), DELIMITERS, (v) => (v === 'auto' ? t('opt.auto') : v === '\t' ? t('opt.tab') : v));
  }
}

function fileOptions(side) {
  return { encoding: $(`${side}-encoding`).value || 'auto', delimiter: $(`${side}-delimiter`).value || 'auto' };
}

async function loadFile(side, file) {
  state.slots[side] = { ...emptySlot(), file };
  clearError();
  clearPlan();
  resetResult();
  await inspectSide(side);
  await planIfReady();
}

function chooseFile(side, fileObj) {
  if (!fileObj) return;
  // The File itself, not its bytes: the worker reads it from disk into WebAssembly memory when
  // it is needed, so a big file is not held in the page as well. Nothing is written anywhere.
  enqueue(async () => loadFile(side, { name: fileObj.name, bytes: fileObj }));
}

async function inspectSide(side) {
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

function renderSlot(side) {
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
    return;
  }
  const info = slot.info;
  if (!info) return;
  const input = info.input;
  const opts = fileOptions(side);
  const shown = (chosen, value, fmt) => (chosen === 'auto' ? t('info.detected', { value: fmt(value) }) : fmt(value));
  const facts = [
    ['file', 'info.file', input.name],
    ['size', 'info.size', bytesText(input.bytes)],
    ['encoding', 'info.encoding', shown(opts.encoding, input.encoding, (v) => ENCODING_LABELS[v] || v)],
    ['delimiter', 'info.delimiter', shown(opts.delimiter, input.delimiter, delimiterText)],
    ['rows', 'info.rows', num(input.rows)],
    ['columns', 'info.columns', num(input.columns.length)],
    ['malformed', 'info.malformed', num(info.malformed.length)],
  ];
  if (input.blank_records) facts.push(['blank', 'info.blank', num(input.blank_records)]);
  const dl = h('dl', { class: 'facts' });
  for (const [field, label, value] of facts) {
    dl.append(
      h('div', { class: `fact fact-${field}` },
        h('dt', { text: t(label) }),
        h('dd', { text: value, 'data-testid': `${side}-info-${field}` })),
    );
  }
  box.append(dl);

  if (input.renamed_columns?.length) {
    // A rename is {column: its 1-based position, from: the name in the file, to: the name used}.
    const items = input.renamed_columns.map((r) => t('info.renamedItem', { column: r.to, was: r.from || t('info.empty') }));
    box.append(h('p', { class: 'note', 'data-testid': `${side}-renamed`, text: t('info.renamed', { list: items.join('、') }) }));
  }
  if (info.malformed.length) {
    const ul = h('ul', { class: 'malformed-list', 'data-testid': `${side}-malformed-list` });
    for (const m of info.malformed.slice(0, 5)) {
      ul.append(h('li', { text: t('info.malformedItem', { row: num(m.row), line: num(m.line), message: m.message }) }));
    }
    if (info.malformed.length > 5) ul.append(h('li', { text: t('info.more', { n: num(info.malformed.length - 5) }) }));
    box.append(ul);
  }

  const kinds = new Map((info.columns || []).map((c) => [c.name, c.kind]));
  const table = h('table', { class: 'preview', 'data-testid': `${side}-preview` }, h('caption', { text: t('info.preview') }));
  const headRow = h('tr');
  for (const name of input.columns) {
    const kind = kinds.get(name);
    headRow.append(
      h('th', { scope: 'col' }, h('span', { class: 'col-name', text: name }),
        kind ? h('span', { class: 'col-kind', text: t(`ckind.${kind}`) }) : null),
    );
  }
  const tbody = h('tbody');
  for (const row of info.preview || []) tbody.append(h('tr', null, ...row.map((cell) => h('td', { text: cell }))));
  table.append(h('thead', null, headRow), tbody);
  box.append(h('div', { class: 'table-wrap preview-wrap' }, table));
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
    $(`${side}-${what}`).addEventListener('change', () => enqueue(async () => {
      if (!state.slots[side].file) return;
      clearError();
      clearPlan();
      resetResult();
      await inspectSide(side);
      await planIfReady();
    }));
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Mapping: which list column each source column is compared with, the key, the steps.

function planOptions() {
  const o = state.loadedOptions ? clone(state.loadedOptions.options) : {};
  o.source = { ...(o.source || {}), ...fileOptions('source') };
  o.list = { ...(o.list || {}), ...fileOptions('list') };
  return o;
}

function fileOf(side) {
  const f = state.slots[side].file;
  return { name: f.name, bytes: f.bytes };
}

function clearPlan() {
  state.plan = null;
  state.options = null;
  state.edited = false;
  state.userPaired.clear();
  renderMapping();
}

async function planIfReady() {
  if (!ready()) {
    clearPlan();
    renderRunState();
    return;
  }
  try {
    await planOnce();
    if (state.loadedOptions) state.settingsNote = t('settings.loaded', { name: state.loadedOptions.name });
    runAhead();
  } catch (err) {
    const loaded = state.loadedOptions;
    if (loaded) {
      // Settings that do not fit these files: drop them and fall back to detection, so the page
      // stays usable; the error names the settings file and says what did not fit.
      state.loadedOptions = null;
      state.settingsNote = '';
      await planOnce().catch(() => {});
      showError(retold(err, `${loaded.name}: ${errorText(err)}`));
    } else if (err.detail?.kind === 'key') {
      // No key found: exactly when the user must choose one, so offer the table anyway.
      manualPlan();
      showError(retold(err, `${errorText(err)} ${t('mapping.chooseKey')}`));
    } else {
      showError(err);
    }
  } finally {
    renderMapping();
    renderRunState();
  }
}

async function planOnce() {
  state.plan = null;
  state.options = null;
  state.edited = false;
  state.userPaired.clear();
  const plan = await engine.plan(fileOf('source'), fileOf('list'), planOptions());
  state.plan = plan;
  state.options = clone(plan.options);
}

// A mapping the user fills in by hand: same-named headers paired, no key yet.
function manualPlan() {
  const sourceCols = state.slots.source.info.input.columns;
  const listCols = state.slots.list.info.input.columns;
  state.plan = { mapping: { key: [], columns: [], unmapped_source: [...sourceCols], unmapped_list: [...listCols] }, options: {} };
  const columns = sourceCols
    .filter((c) => listCols.includes(c))
    .map((c) => ({ source: c, list: c, normalize: [...(sourceProfile(c)?.normalize || [])] }));
  state.options = { ...planOptions(), columns };
  delete state.options.key;
  state.edited = true;
}

function specOf(source) {
  const o = state.options;
  const ki = (o.key || []).findIndex((k) => k.source === source);
  if (ki >= 0) return { where: 'key', index: ki, spec: o.key[ki] };
  const ci = (o.columns || []).findIndex((c) => c.source === source);
  if (ci >= 0) return { where: 'columns', index: ci, spec: o.columns[ci] };
  return null;
}

function mappedEntry(source) {
  const m = state.plan?.mapping;
  return m ? [...(m.key || []), ...(m.columns || [])].find((p) => p.source === source) : undefined;
}

// The list partner of a spec; a key spec may leave it to the mapping.
function listOf(spec) {
  return spec.list ?? mappedEntry(spec.source)?.list ?? null;
}

function sourceProfile(name) {
  return (state.slots.source.info?.columns || []).find((c) => c.name === name);
}

function edited() {
  state.edited = true;
  state.settingsNote = t('mapping.edited');
  markStale();
  renderMapping();
  renderRunState();
}

function removeSpec(source) {
  const o = state.options;
  o.columns = (o.columns || []).filter((c) => c.source !== source);
  if (o.key) {
    o.key = o.key.filter((k) => k.source !== source);
    if (!o.key.length) delete o.key; // no key named: the engine chooses one again
  }
}

function setPartner(source, list) {
  const o = state.options;
  const found = specOf(source);
  if (!list) {
    removeSpec(source);
  } else {
    // One list column pairs with one source column: take it away from any other.
    for (const other of [...(o.key || []), ...(o.columns || [])]) {
      if (other.source !== source && listOf(other) === list) removeSpec(other.source);
    }
    if (found) found.spec.list = list;
    else {
      o.columns = o.columns || [];
      o.columns.push({ source, list, normalize: [...(sourceProfile(source)?.normalize || [])] });
    }
  }
  state.userPaired.add(source);
  edited();
}

function setKey(source) {
  const o = state.options;
  const found = specOf(source);
  if (!found) return;
  const spec = { ...found.spec, list: listOf(found.spec) };
  const oldKey = (o.key || []).filter((k) => k.source !== source);
  o.columns = (o.columns || []).filter((c) => c.source !== source);
  // The former key parts become compared columns again.
  for (const k of oldKey) if (listOf(k)) o.columns.unshift({ ...k, list: listOf(k) });
  o.key = [spec];
  edited();
}

function changeSteps(source, fn) {
  const found = specOf(source);
  if (!found) return;
  found.spec.normalize = fn([...(found.spec.normalize || [])]);
  edited();
}

function renderMapping() {
  const body = $('mapping-body');
  const tbody = $('mapping-rows');
  $('settings-note').textContent = state.settingsNote;
  const ok = Boolean(state.plan && state.options && ready());
  body.hidden = !ok;
  $('mapping-empty').hidden = ok;
  tbody.replaceChildren();
  if (!ok) return;

  const o = state.options;
  const sourceCols = state.slots.source.info.input.columns;
  const listCols = state.slots.list.info.input.columns;
  const keyParts = o.key || [];
  for (const name of sourceCols) {
    const found = specOf(name);
    const partner = found ? listOf(found.spec) : null;
    const entry = mappedEntry(name);
    const tr = h('tr', { 'data-testid': 'mapping-row', 'data-source': name, class: found ? (found.where === 'key' ? 'is-key' : 'is-compared') : 'is-unmapped' });

    tr.append(h('th', { scope: 'row', text: name }));
    tr.append(h('td', { class: 'arrow', 'aria-hidden': 'true', text: '⇄' }));

    const select = h('select', { 'data-testid': 'map-list', 'data-source': name, 'aria-label': t('mapping.listLabel', { column: name }) });
    select.append(h('option', { value: '', text: t('mapping.notCompared') }));
    for (const l of listCols) select.append(h('option', { value: l, text: l }));
    select.value = partner || '';
    select.addEventListener('change', () => setPartner(name, select.value));
    tr.append(h('td', { class: 'list-cell' }, select));

    const keyCell = h('td', { class: 'key-cell' });
    const radio = h('input', {
      type: 'radio', name: 'key-column', value: name, 'data-testid': 'key-radio',
      'aria-label': t('mapping.keyRadio', { column: name }),
    });
    radio.checked = keyParts.length === 1 && keyParts[0].source === name;
    radio.disabled = !partner;
    radio.addEventListener('change', () => radio.checked && setKey(name));
    keyCell.append(radio);
    if (keyParts.length > 1 && found?.where === 'key') {
      keyCell.append(h('span', { class: 'key-part', text: t('mapping.keyPart', { i: found.index + 1, n: keyParts.length }) }));
    }
    tr.append(keyCell);

    tr.append(h('td', { class: 'steps-cell' }, found ? stepsEditor(name, found.spec.normalize || []) : h('span', { class: 'muted', text: '—' })));

    const kind = entry?.kind || sourceProfile(name)?.kind;
    const by = state.userPaired.has(name) ? 'user' : entry?.mapped_by;
    const about = [kind ? t(`ckind.${kind}`) : '', found && by ? t(`mapping.by.${by}`) : ''].filter(Boolean).join(' · ');
    tr.append(h('td', { class: 'about-cell muted small', text: about }));
    tbody.append(tr);
  }

  const used = new Set([...(o.key || []), ...(o.columns || [])].map(listOf));
  const unmapped = listCols.filter((l) => !used.has(l));
  $('mapping-unmapped').textContent = unmapped.length ? t('mapping.unmappedList', { list: unmapped.join(', ') }) : t('mapping.allMapped');
}

function stepsEditor(column, steps) {
  const wrap = h('div', { class: 'steps' });
  const ul = h('ul', { class: 'chips' });
  steps.forEach((step, i) => {
    const remove = h('button', { type: 'button', class: 'chip-remove', 'data-testid': 'remove-step', 'aria-label': t('mapping.removeStep', { step: t(`step.${step}`) }), text: '×' });
    remove.addEventListener('click', () => changeSteps(column, (s) => s.filter((_, j) => j !== i)));
    ul.append(h('li', { class: 'chip', 'data-step': step, title: `${step}: ${t(`step.${step}.title`)}` }, h('span', { text: t(`step.${step}`) }), remove));
  });
  if (!steps.length) ul.append(h('li', { class: 'muted small', text: t('mapping.noSteps') }));
  const add = h('select', { class: 'add-step', 'data-testid': 'add-step', 'aria-label': t('mapping.addStepLabel', { column }) });
  add.append(h('option', { value: '', text: t('mapping.addStep') }));
  for (const s of STEPS) add.append(h('option', { value: s, text: t(`step.${s}`), title: t(`step.${s}.title`) }));
  add.addEventListener('change', () => add.value && changeSteps(column, (s) => [...s, add.value]));
  wrap.append(ul, add);
  return wrap;
}

function wireSettings() {
  $('save-settings').addEventListener('click', () => {
    saveOptions(state.options || planOptions());
    state.settingsNote = t('settings.saved');
    renderMapping();
  });
  const input = $('load-settings');
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    clearError();
    let options;
    try {
      options = await readOptionsFile(file);
    } catch (err) {
      showError(err);
      return;
    }
    enqueue(() => applySettings(file.name, options));
  });
}

async function applySettings(name, options) {
  state.loadedOptions = { name, options };
  // The file's encodings and delimiters become the slots' choices.
  let reread = false;
  for (const side of SIDES) {
    for (const what of ['encoding', 'delimiter']) {
      const v = options[side]?.[what];
      if (typeof v === 'string' && v !== $(`${side}-${what}`).value) {
        setSelectValue($(`${side}-${what}`), v);
        reread = true;
      }
    }
  }
  state.settingsNote = t('settings.pending', { name });
  markStale();
  if (reread) for (const side of SIDES) if (state.slots[side].file) await inspectSide(side);
  await planIfReady();
  renderMapping();
}

// ---------------------------------------------------------------------------------------------
// 3. Run.

function renderProgress() {
  const p = state.progress;
  $('progress-box').hidden = !p;
  if (!p) return;
  const { fraction, label } = progressText(p);
  $('progress').value = fraction;
  $('progress-label').textContent = label;
  $('progress').dataset.stage = p.stage;
}

function run() {
  if (ready() && !state.pending) enqueue(runTask);
}

// The run starts as soon as the plan is there, with the mapping as proposed: most runs use it
// unchanged, and while the person reads the mapping the worker is idle, so Run then shows a
// result that is ready (at a million rows, about a second sooner). An edited mapping is run
// anew when Run is clicked; this one is let go. Only when no result is on show: the worker
// holds one run, and this would replace it.
function runAhead() {
  if (state.report || !ready() || !state.plan) return;
  // One ahead of an earlier plan is replaced: the worker frees it when this one starts.
  const options = clone(state.options || planOptions());
  const ahead = { options: JSON.stringify(options), progress: null, onProgress: null, settled: false };
  ahead.result = engine.run(fileOf('source'), fileOf('list'), options, (p) => {
    ahead.progress = p;
    if (ahead.onProgress) ahead.onProgress(p);
  });
  // A failure is told only if Run asks for this run.
  ahead.result.catch(() => {}).finally(() => {
    ahead.settled = true;
    renderAhead();
  });
  state.ahead = ahead;
  renderAhead();
}

// The run ahead if it was started with exactly these options; any other is let go (the worker
// frees it).
function takeAhead(options) {
  const ahead = state.ahead;
  if (!ahead) return null;
  state.ahead = null;
  renderAhead();
  if (ahead.options === JSON.stringify(options)) return ahead;
  engine.forget().catch(() => {});
  return null;
}

function renderAhead() {
  const a = state.ahead;
  $('run').dataset.ahead = !a ? '' : a.settled ? 'done' : 'running';
}

async function runTask() {
  clearError();
  const options = clone(state.options || planOptions());
  const ahead = takeAhead(options);
  // The engine replaces its findings: the old result (and any page still on its way) goes.
  resetResult();
  const onProgress = (p) => {
    state.progress = p;
    renderProgress();
  };
  // A run ahead that is done shows at once; one under way goes on showing its progress.
  if (!ahead?.settled) onProgress(ahead?.progress || { stage: 'starting', fraction: 0 });
  if (ahead) ahead.onProgress = onProgress;
  state.running = true;
  applyLocks();
  try {
    const { report, findingCount } = await (ahead ? ahead.result : engine.run(fileOf('source'), fileOf('list'), options, onProgress));
    state.report = report;
    state.findingCount = findingCount;
    state.stale = false;
    showResult();
  } catch (err) {
    showError(err);
  } finally {
    state.progress = null;
    renderProgress();
    state.running = false;
    applyLocks();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Result: summary, findings, detail.

function markStale() {
  if (!state.report) return;
  state.stale = true;
  $('stale').hidden = false;
}

function resetResult() {
  // The worker lets the run go too (a failure there only means there was nothing to let go).
  if (state.report || state.ahead) engine.forget().catch(() => {});
  state.ahead = null;
  renderAhead();
  state.report = null;
  state.selected = null;
  state.stale = false;
  $('result').hidden = true;
  $('stale').hidden = true;
  $('detail').hidden = true;
  view.clear();
}

// What a column's values name, for "this e-mail belongs to customer …".
function nounOf(f) {
  const role = (side, name) => (state.slots[side].info?.columns || []).find((c) => c.name === name)?.role;
  const r = role('list', f.list_column) || role('source', f.column);
  if (r && NOUNS.includes(r)) return r;
  const kind = state.report?.mapping?.columns?.find((c) => c.source === f.column)?.kind;
  return kind && NOUNS.includes(kind) ? kind : null;
}

// Whether a source column holds names or e-mail addresses (masked in the receipt).
function privacyOf(sourceColumn) {
  if (!sourceColumn) return null;
  const prof = sourceProfile(sourceColumn);
  const pair = state.report?.mapping && [...state.report.mapping.key, ...state.report.mapping.columns].find((p) => p.source === sourceColumn);
  const listProf = pair && (state.slots.list.info?.columns || []).find((c) => c.name === pair.list);
  const marks = [prof?.role, prof?.kind, pair?.kind, listProf?.role, listProf?.kind];
  if (marks.includes('email')) return 'email';
  if (marks.includes('name') || marks.includes('kana')) return 'name';
  return null;
}

function ctx() {
  const r = state.report;
  return {
    sourceName: r?.inputs.source.name ?? '',
    listName: r?.inputs.list.name ?? '',
    fmtKey: (parts) => parts.join(' / '),
    nounOf,
  };
}

function showResult() {
  $('result').hidden = false;
  $('summary').hidden = true;
  $('stale').hidden = true;
  state.filter = { kind: null, column: null, search: '' };
  $('filter-search').value = '';
  state.selected = null;
  $('detail').hidden = true;
  view.setSelected(null);
  renderSummary();
  renderFilters();
  view.reset(query());
}

function renderSummary() {
  const r = state.report;
  if (!r) return;
  const s = r.summary;
  const el = $('summary');
  for (const k of KINDS) el.dataset[k] = String(s.findings[k] ?? 0);

  const cards = $('cards');
  cards.replaceChildren();
  for (const k of KINDS) {
    const n = s.findings[k] ?? 0;
    const card = h('button', {
      type: 'button', class: `card kind-${k}${n ? '' : ' zero'}`, 'data-testid': `card-${k}`, 'data-kind': k,
      'aria-pressed': state.filter.kind === k ? 'true' : 'false', 'aria-label': t('summary.cardLabel', { kind: t(`kind.${k}`), n: num(n) }),
    },
    h('span', { class: 'card-count', text: num(n) }),
    h('span', { class: 'card-label', text: t(`kind.${k}`) }),
    h('span', { class: 'card-help', text: t(`kindhelp.${k}`) }));
    card.addEventListener('click', () => setFilter({ kind: state.filter.kind === k ? null : k }));
    cards.append(card);
  }

  const notes = [];
  const all = KINDS.reduce((a, k) => a + (s.findings[k] ?? 0), 0);
  if (!all) notes.push(t('summary.allClear'));
  if (r.truncated) notes.push(t('summary.truncated', { n: num(state.findingCount) }));
  // Settings that carry a Table Schema also validate the list in the same run.
  if (r.validation) {
    const v = r.validation.summary;
    const rules = Object.entries(v.rules).map(([rule, n]) => `${rule} ${num(n)}`).join(', ');
    notes.push(t('summary.validated', {
      invalid: num(v.findings.invalid), duplicate: num(v.findings.duplicate), rules: rules || t('validate.none'),
    }));
    el.dataset.validationInvalid = String(v.findings.invalid);
  } else {
    delete el.dataset.validationInvalid;
  }
  let noteEl = $('summary-note');
  if (!noteEl) {
    noteEl = h('p', { id: 'summary-note', class: 'summary-note', 'data-testid': 'summary-note' });
    cards.after(noteEl);
  }
  noteEl.textContent = notes.join(' ');
  noteEl.hidden = !notes.length;

  const bucketRows = $('buckets-rows');
  bucketRows.replaceChildren();
  for (const side of SIDES) {
    const b = s[side];
    const adds = b.paired + b.unpaired + b.duplicate + b.malformed === b.rows;
    bucketRows.append(
      h('tr', { 'data-side': side, class: adds ? '' : 'unbalanced' },
        h('th', { scope: 'row', text: r.inputs[side].name }),
        ...['rows', 'paired', 'unpaired', 'duplicate', 'malformed'].map((f) => h('td', { class: 'num', 'data-field': f, text: num(b[f]) }))),
    );
  }

  const totalRows = $('totals-rows');
  totalRows.replaceChildren();
  const totals = Object.entries(s.totals || {});
  if (!totals.length) totalRows.append(h('tr', null, h('td', { colspan: '4', class: 'muted', text: t('summary.noTotals') })));
  for (const [col, x] of totals) {
    const odd = x.source_not_numbers || x.list_not_numbers;
    const head = h('th', { scope: 'row', text: col });
    if (odd) head.append(h('span', { class: 'small muted block', text: t('summary.notNumbers', { source: num(x.source_not_numbers), list: num(x.list_not_numbers) }) }));
    totalRows.append(
      h('tr', { 'data-column': col },
        head,
        h('td', { class: 'num', text: num(x.source) }),
        h('td', { class: 'num', text: num(x.list) }),
        h('td', { class: `num${x.difference ? ' nonzero' : ''}`, 'data-field': 'difference', text: num(x.difference) })),
    );
  }
}

function renderFilters() {
  const r = state.report;
  if (!r) return;
  const kind = $('filter-kind');
  kind.replaceChildren(h('option', { value: '', text: t('filter.allKinds') }));
  for (const k of KINDS) kind.append(h('option', { value: k, text: t('filter.kindOption', { kind: t(`kind.${k}`), n: num(r.summary.findings[k] ?? 0) }) }));
  kind.value = state.filter.kind || '';

  const column = $('filter-column');
  column.replaceChildren(h('option', { value: '', text: t('filter.allColumns') }));
  for (const c of r.mapping.columns || []) {
    column.append(h('option', { value: c.source, text: c.source === c.list ? c.source : `${c.source} ⇄ ${c.list}` }));
  }
  column.value = state.filter.column || '';
  renderCount();
}

function query() {
  const f = state.filter;
  return { kinds: f.kind ? [f.kind] : null, column: f.column || null, search: f.search.trim() || null };
}

function setFilter(change) {
  Object.assign(state.filter, change);
  $('filter-kind').value = state.filter.kind || '';
  $('filter-column').value = state.filter.column || '';
  for (const card of $('cards').children) card.setAttribute('aria-pressed', card.dataset.kind === state.filter.kind ? 'true' : 'false');
  state.shownTotal = null;
  renderCount();
  view.reset(query());
}

function renderCount() {
  const f = state.filter;
  const filtered = Boolean(f.kind || f.column || f.search.trim());
  const all = state.findingCount;
  const shown = state.shownTotal;
  $('findings-count').textContent = shown === null
    ? t('findings.loading')
    : filtered ? t('findings.countFiltered', { shown: num(shown), total: num(all) }) : t('findings.count', { total: num(shown) });
  const empty = $('findings-empty');
  empty.hidden = shown !== 0;
  empty.textContent = shown === 0 ? (filtered ? t('findings.noMatch') : t('findings.none')) : '';
  $('findings-scroll').classList.toggle('is-empty', shown === 0);
}

function wireFilters() {
  $('filter-kind').addEventListener('change', (e) => setFilter({ kind: e.target.value || null }));
  $('filter-column').addEventListener('change', (e) => setFilter({ column: e.target.value || null }));
  let timer = 0;
  $('filter-search').addEventListener('input', (e) => {
    clearTimeout(timer);
    // Debounced: every keystroke would otherwise re-filter 100k findings in the worker.
    timer = setTimeout(() => setFilter({ search: e.target.value }), 200);
  });
}

/** The cells of one row of the findings list (the list's fillRow). */
function fillFindingRow(el, item, c) {
  const f = item.finding;
  el.dataset.kind = f.kind;
  el.dataset.testid = 'finding-row';
  // Cut short in a narrow column: the whole text stays in the title.
  const cell = (cls, text, ...children) => h('span', { role: 'cell', class: cls, text, title: text }, ...children);
  el.append(
    cell(`fkind kind-${f.kind}`, undefined, h('span', { class: 'badge', text: t(`kind.${f.kind}`) })),
    cell('fkey', keyText(f, c)),
    cell('fcol', f.column ?? ''),
    cell('fdesc', undefined,
      h('span', { class: 'sentence', text: describe(f, c) }),
      (f.kind === 'mismatch' || f.kind === 'crosswired') && valuesElement(f, c)),
    cell('frows', rowsText(f)),
  );
}

const view = new VirtualList({
  scroller: $('findings-scroll'),
  loadPage: (q) => engine.findings(q),
  fillRow: (el, item) => fillFindingRow(el, item, ctx()),
  onSelect: (item) => selectFinding(item),
  onTotal: (total) => {
    state.shownTotal = total;
    renderCount();
    // Shown with its first rows already drawn: what is visible is complete, never half-loaded.
    $('summary').hidden = false;
  },
  onError: (err) => {
    $('summary').hidden = false;
    showError(err);
  },
});

async function selectFinding(item) {
  const sel = { item, data: null, error: null, loading: true };
  state.selected = sel;
  view.setSelected(item.index);
  renderDetail();
  const f = item.finding;
  const want = rowsToShow(f);
  try {
    const data = { rows: await engine.rows(want.source, want.list), belongs: null, block: [] };
    // For a cross-wire, also the record the value belongs to: the incident in one glance.
    if (want.belongs) data.belongs = (await engine.rows(want.belongs, null)).source;
    for (const row of want.block) data.block.push({ row, cells: (await engine.rows(null, row)).list });
    sel.data = data;
  } catch (err) {
    sel.error = err;
  }
  sel.loading = false;
  if (state.selected === sel) renderDetail();
}

function renderDetail() {
  const panel = $('detail');
  const sel = state.selected;
  panel.hidden = !sel;
  if (!sel) return;
  const f = sel.item.finding;
  const c = ctx();
  const key = keyText(f, c);
  $('detail-title').textContent = key ? t('detail.title', { kind: t(`kind.${f.kind}`), key }) : t(`kind.${f.kind}`);
  $('detail-text').textContent = describe(f, c);
  panel.dataset.kind = f.kind;
  const box = $('detail-rows');
  if (sel.loading) box.replaceChildren(h('p', { class: 'muted', text: t('detail.loading') }));
  else if (sel.error) box.replaceChildren(h('p', { class: 'inline-error', text: t('detail.rowsFailed', { message: errorText(sel.error) }) }));
  else box.replaceChildren(detailBody(f, sel.data, state.report, c));
}

// ---------------------------------------------------------------------------------------------
// Exports.

function setExporting(on) {
  state.exporting = on;
  applyLocks();
}

async function exportEngine(format) {
  if (!state.report) return;
  clearError();
  setExporting(true);
  try {
    const out = await engine.export(format, getLang());
    download(out.bytes, out.filename, out.mime);
  } catch (err) {
    showError(err);
  } finally {
    setExporting(false);
  }
}

async function exportReceipt() {
  if (!state.report) return;
  clearError();
  setExporting(true);
  try {
    const page = await engine.findings({ start: 0, count: RECEIPT_FINDINGS, kinds: null, column: null, search: null });
    const now = new Date();
    const html = buildReceipt({
      report: state.report,
      items: page.items,
      mask: !$('receipt-unmask').checked,
      privacyOf,
      ctx: ctx(),
      now,
    });
    download(html, receiptFilename(now), 'text/html;charset=utf-8');
  } catch (err) {
    showError(err);
  } finally {
    setExporting(false);
  }
}

// ---------------------------------------------------------------------------------------------
// Language and start-up.


function renderAll() {
  $('lang').value = getLang();
  renderOverrideSelects();
  for (const side of SIDES) renderSlot(side);
  renderMapping();
  renderRunState();
  renderProgress();
  renderError();
  if (state.report) {
    renderSummary();
    renderFilters();
    view.refresh();
    renderDetail();
  }
}

async function loadSample() {
  clearError();
  try {
    const { source, list } = await engine.sample();
    for (const side of SIDES) {
      setSelectValue($(`${side}-encoding`), 'auto');
      setSelectValue($(`${side}-delimiter`), 'auto');
    }
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

function start() {
  onLangChange(renderAll);
  $('lang').addEventListener('change', (e) => setLang(e.target.value));
  $('sample').addEventListener('click', () => enqueue(loadSample));
  $('error-close').addEventListener('click', clearError);
  $('run').addEventListener('click', run);
  $('detail-close').addEventListener('click', () => {
    state.selected = null;
    view.setSelected(null);
    renderDetail();
  });
  $('export-csv').addEventListener('click', () => exportEngine('csv'));
  $('export-json').addEventListener('click', () => exportEngine('json'));
  $('export-receipt').addEventListener('click', exportReceipt);
  for (const side of SIDES) wireSlot(side);
  wireSettings();
  wireFilters();
  // A file dropped beside a drop zone must not make the browser navigate away (and lose state).
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (e) => {
      if (!(e.target instanceof Element && e.target.closest('.drop'))) {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
      }
    });
  }
  engine.version().then(
    (v) => {
      $('version').textContent = `crosscheck ${v}`;
    },
    (err) => showError(err),
  );
  initValidateTab(engine);
  setLang(defaultLang()); // renders everything through onLangChange
}

start();
