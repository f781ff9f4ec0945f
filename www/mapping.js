// 2. Mapping: the plan the engine proposes for the two files, and the editor over it — how rows
// are paired (by the key or by consensus, with the keys the engine weighed, in its words), which
// list column each source column is compared with, the key, and the normalisation steps (chips).
// Edits change state.options; the table is drawn from it again. A new pairing or key is planned
// anew, so that what the page says about the pairing is the engine's for these options.

import { state, engine, ready, clone, fileOf, planOptions, columnProfile, withPairing } from './state.js';
import { h, $ } from './dom.js';
import { t, getLang, num } from './i18n.js';
import { STEPS, PAIRINGS } from './vocabulary.js';
import { retold } from './errors.js';
import { showError, errorText, clearError } from './error-box.js';
import { enqueue, renderRunButton } from './locks.js';
import { runAhead } from './run.js';
import { markStale } from './result.js';

export function clearPlan() {
  state.plan = null;
  state.options = null;
  state.edited = false;
  state.keyChosen = false;
  state.userPaired.clear();
  renderMapping();
}

export async function planIfReady() {
  if (!ready()) {
    clearPlan();
    renderRunButton();
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
      if (loaded.options.pairing !== undefined) state.pairing = 'auto';
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
    renderRunButton();
  }
}

async function planOnce() {
  state.plan = null;
  state.options = null;
  state.edited = false;
  state.keyChosen = false;
  state.userPaired.clear();
  const plan = await engine.plan(fileOf('source'), fileOf('list'), planOptions());
  state.plan = plan;
  state.options = clone(plan.options);
}

// The edited options, to plan again with another pairing or key: a key the engine chose is
// weighed again (its columns stay compared), one the user chose stays; the pairing is the one
// chosen now (omitted when automatic: by the key when it is an ID or a code, else by consensus).
function editedOptions() {
  const o = clone(state.options);
  if (!state.keyChosen && o.key) {
    const columns = o.columns || [];
    for (const k of [...o.key].reverse()) {
      if (!columns.some((c) => c.source === k.source)) columns.unshift({ ...k, list: listOf(k) });
    }
    o.columns = columns;
    delete o.key;
  }
  return withPairing(o);
}

// The plan again, for the pairing or the key just chosen: from the edited options if the user
// edited the mapping (the edits stay), else from detection as at first. If the engine refuses
// (no column identifies a customer, say), what was there before stays and the error says why.
async function replan(pairingBefore) {
  const before = {
    plan: state.plan, options: state.options, edited: state.edited, keyChosen: state.keyChosen,
    userPaired: new Set(state.userPaired), note: state.settingsNote,
  };
  clearError();
  try {
    if (!before.edited || !before.options) {
      await planOnce();
      if (state.loadedOptions) state.settingsNote = t('settings.loaded', { name: state.loadedOptions.name });
    } else {
      const plan = await engine.plan(fileOf('source'), fileOf('list'), editedOptions());
      // Pairs planned from the edited options are "from the settings": they keep how they were
      // found at first.
      const found = new Map([...(before.plan?.mapping?.key || []), ...(before.plan?.mapping?.columns || [])]
        .map((p) => [JSON.stringify([p.source, p.list]), p.mapped_by]));
      for (const p of [...plan.mapping.key, ...plan.mapping.columns]) {
        const by = found.get(JSON.stringify([p.source, p.list]));
        if (p.mapped_by === 'options' && by) p.mapped_by = by;
      }
      state.plan = plan;
      state.options = clone(plan.options);
      Object.assign(state, { edited: true, keyChosen: before.keyChosen, userPaired: before.userPaired, settingsNote: t('mapping.edited') });
    }
    runAhead();
  } catch (err) {
    const { note, ...rest } = before;
    Object.assign(state, rest, { settingsNote: note });
    if (pairingBefore !== undefined) state.pairing = pairingBefore;
    showError(err);
  } finally {
    renderMapping();
    renderRunButton();
  }
}

function choosePairing(value) {
  if (value === state.pairing) return;
  const pairingBefore = state.pairing;
  state.pairing = value;
  markStale();
  if (!ready()) {
    renderMapping();
    return;
  }
  enqueue(() => replan(pairingBefore));
}

// A mapping the user fills in by hand: same-named headers paired, no key yet.
function manualPlan() {
  const sourceCols = state.slots.source.info.input.columns;
  const listCols = state.slots.list.info.input.columns;
  state.plan = { mapping: { key: [], columns: [], unmapped_source: [...sourceCols], unmapped_list: [...listCols] }, options: {} };
  const columns = sourceCols
    .filter((c) => listCols.includes(c))
    .map((c) => ({ source: c, list: c, normalize: [...(columnProfile('source', c)?.normalize || [])] }));
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

function edited() {
  state.edited = true;
  state.settingsNote = t('mapping.edited');
  markStale();
  renderMapping();
  renderRunButton();
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
      o.columns.push({ source, list, normalize: [...(columnProfile('source', source)?.normalize || [])] });
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
  state.keyChosen = true;
  edited();
  // The key decides how rows are paired too (auto: by it when it is an ID or a code): planned
  // again, so that the pairing said beside it is the engine's.
  enqueue(() => replan());
}

function changeSteps(source, fn) {
  const found = specOf(source);
  if (!found) return;
  found.spec.normalize = fn([...(found.spec.normalize || [])]);
  edited();
}

// Rows drawn in the mapping table: a file of 20,000 columns drew 20,000 rows of controls. Past
// this many, the table shows the key and compared columns first, and the filter finds others.
export const MAPPING_ROWS = 200;
// A list this long fills a row's choice of list column only when it is opened.
const EAGER_OPTIONS = 200;
const UNMAPPED_NAMED = 50;
const CANDIDATES_LISTED = 10;

/** The source columns the table shows: all of them, or the first MAPPING_ROWS matching the filter, key and compared first. */
function shownColumns(sourceCols, where, filter) {
  if (sourceCols.length <= MAPPING_ROWS && !filter) return sourceCols;
  const needle = filter.trim().toLowerCase();
  const matching = needle ? sourceCols.filter((c) => c.toLowerCase().includes(needle)) : sourceCols;
  const rank = (c) => (where.get(c)?.where === 'key' ? 0 : where.has(c) ? 1 : 2);
  return [...matching].sort((a, b) => rank(a) - rank(b)).slice(0, MAPPING_ROWS);
}

let mappingFilter = '';

export function renderMapping() {
  const body = $('mapping-body');
  const tbody = $('mapping-rows');
  $('settings-note').textContent = state.settingsNote;
  const ok = Boolean(state.plan && state.options && ready());
  body.hidden = !ok;
  $('mapping-empty').hidden = ok;
  tbody.replaceChildren();
  if (!ok) return;
  renderPairing();

  const o = state.options;
  const sourceCols = state.slots.source.info.input.columns;
  const listCols = state.slots.list.info.input.columns;
  const keyParts = o.key || [];
  // Each column's spec and mapping entry, found once (a walk per column was quadratic).
  const where = new Map();
  (o.columns || []).forEach((spec, index) => where.has(spec.source) || where.set(spec.source, { where: 'columns', index, spec }));
  keyParts.forEach((spec, index) => where.set(spec.source, { where: 'key', index, spec }));
  const entries = new Map();
  for (const p of [...(state.plan?.mapping?.key || []), ...(state.plan?.mapping?.columns || [])]) entries.has(p.source) || entries.set(p.source, p);
  const partnerOf = (spec) => spec.list ?? entries.get(spec.source)?.list ?? null;
  const shown = shownColumns(sourceCols, where, mappingFilter);
  const filter = $('mapping-filter');
  filter.hidden = sourceCols.length <= MAPPING_ROWS;
  $('mapping-shown').hidden = filter.hidden;
  $('mapping-shown').textContent = filter.hidden ? '' : t('mapping.shown', { shown: num(shown.length), total: num(sourceCols.length) });
  for (const name of shown) {
    const found = where.get(name);
    const partner = found ? partnerOf(found.spec) : null;
    const entry = entries.get(name);
    const tr = h('tr', { 'data-testid': 'mapping-row', 'data-source': name, class: found ? (found.where === 'key' ? 'is-key' : 'is-compared') : 'is-unmapped' });

    tr.append(h('th', { scope: 'row', text: name }));
    tr.append(h('td', { class: 'arrow', 'aria-hidden': 'true', text: '⇄' }));

    const select = h('select', { 'data-testid': 'map-list', 'data-source': name, 'aria-label': t('mapping.listLabel', { column: name }) });
    select.append(h('option', { value: '', text: t('mapping.notCompared') }));
    const fill = () => {
      for (const l of listCols) if (l !== partner) select.append(h('option', { value: l, text: l }));
    };
    if (partner) select.append(h('option', { value: partner, text: partner }));
    if (listCols.length <= EAGER_OPTIONS) fill();
    else select.addEventListener('focus', fill, { once: true });
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

    const kind = entry?.kind || columnProfile('source', name)?.kind;
    const by = state.userPaired.has(name) ? 'user' : entry?.mapped_by;
    const about = [kind ? t(`ckind.${kind}`) : '', found && by ? t(`mapping.by.${by}`) : ''].filter(Boolean).join(' · ');
    tr.append(h('td', { class: 'about-cell muted small', text: about }));
    tbody.append(tr);
  }

  const used = new Set([...(o.key || []), ...(o.columns || [])].map(partnerOf));
  const unmapped = listCols.filter((l) => !used.has(l));
  // Named up to a point: 20,000 names would be a wall of text.
  const named = unmapped.slice(0, UNMAPPED_NAMED).join(', ') + (unmapped.length > UNMAPPED_NAMED ? `, … (+${num(unmapped.length - UNMAPPED_NAMED)})` : '');
  $('mapping-unmapped').textContent = unmapped.length ? t('mapping.unmappedList', { list: named }) : t('mapping.allMapped');
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

// How rows will be paired: the choice, the engine's sentence for the plan, and the keys it
// weighed (only when it chose the key), the one chosen marked. A value from a settings file the
// page does not know is offered as it is (the engine's error names it).
function renderPairing() {
  const select = $('pairing-choice');
  const values = PAIRINGS.includes(state.pairing) ? PAIRINGS : [...PAIRINGS, state.pairing];
  select.replaceChildren(...values.map((v) => h('option', { value: v, text: PAIRINGS.includes(v) ? t(`pairing.${v}`) : v })));
  select.value = state.pairing;
  select.title = t('pairing.title');

  const lang = getLang();
  const plan = state.plan;
  const sentence = plan.pairing_text?.[lang] ?? '';
  const text = $('pairing-text');
  text.textContent = sentence;
  text.hidden = !sentence;
  text.dataset.pairing = plan.mapping?.pairing || '';

  const candidates = plan.mapping?.key_candidates || [];
  const words = plan.candidate_text || [];
  $('key-candidates-box').hidden = !candidates.length;
  // The chosen key and the first others: a file of 20,000 unique columns weighs 20,000 keys.
  const listed = candidates.map((c, i) => [c, i]).filter(([c], n) => c.chosen || n < CANDIDATES_LISTED);
  const unlisted = candidates.length - listed.length;
  $('key-candidates').replaceChildren(...listed.map(([c, i]) => h('li', {
    class: c.chosen ? 'is-chosen' : c.unique ? null : 'not-unique',
    'data-testid': 'key-candidate', 'data-chosen': c.chosen ? 'true' : 'false', 'aria-current': c.chosen ? 'true' : null,
  },
  h('span', { class: 'chosen-mark', 'aria-hidden': 'true', text: c.chosen ? '✓' : '' }),
  h('span', { text: words[i]?.[lang] ?? `${c.source.join(' + ')} = ${c.list.join(' + ')}` }))),
  unlisted > 0 ? h('li', { class: 'muted', text: t('info.more', { n: num(unlisted) }) }) : null);
}

export function wirePairing() {
  $('pairing-choice').addEventListener('change', (e) => choosePairing(e.target.value));
  $('mapping-filter').addEventListener('input', (e) => {
    mappingFilter = e.target.value;
    renderMapping();
  });
}
