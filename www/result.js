// 4. Result: what is shown of the run in state.report — the summary (summary.js), the filters
// and the count, the findings list (virtual-list.js, rows worded by finding-text.js) and the
// finding in the detail panel (detail.js), whose rows are asked of the engine when chosen.

import { state, engine, columnProfile } from './state.js';
import { h, $ } from './dom.js';
import { t, num } from './i18n.js';
import { KINDS } from './vocabulary.js';
import { VirtualList } from './virtual-list.js';
import { describe, keyText, rowsText } from './finding-text.js';
import { rowsToShow, renderDetailPanel, valuesElement, hasValues } from './detail.js';
import { renderSummary, renderPressed } from './summary.js';
import { showError, errorText } from './error-box.js';
import { renderRunButton } from './locks.js';

let view = null; // the findings list, made by wireResult

/** The parts of the result on show, and which are hidden, as the state says. */
function renderShown() {
  $('result').hidden = !state.report;
  $('stale').hidden = !state.stale;
  $('summary').hidden = !state.listed;
}

/** Settings changed after the run: the result on show no longer follows from them. */
export function markStale() {
  if (!state.report) return;
  state.stale = true;
  renderShown();
}

export function resetResult() {
  // The worker lets the run go too (a failure there only means there was nothing to let go).
  if (state.report || state.ahead) engine.forget().catch(() => {});
  state.ahead = null;
  renderRunButton();
  Object.assign(state, { report: null, selected: null, stale: false, listed: false });
  renderShown();
  renderDetail();
  view.clear();
}

/** A new run's result: shown unfiltered, the summary once the list's first rows are drawn. */
export function showResult() {
  Object.assign(state, { listed: false, selected: null, filter: { kind: null, column: null, search: '' } });
  $('filter-search').value = state.filter.search;
  renderShown();
  renderDetail();
  view.setSelected(null);
  renderSummary();
  renderFilters();
  view.reset(query());
}

/** Whether a source column holds names or e-mail addresses (masked in the receipt). */
export function privacyOf(sourceColumn) {
  if (!sourceColumn) return null;
  const prof = columnProfile('source', sourceColumn);
  const pair = state.report?.mapping && [...state.report.mapping.key, ...state.report.mapping.columns].find((p) => p.source === sourceColumn);
  const listProf = pair && columnProfile('list', pair.list);
  const marks = [prof?.role, prof?.kind, pair?.kind, listProf?.role, listProf?.kind];
  if (marks.includes('email')) return 'email';
  if (marks.includes('name') || marks.includes('kana')) return 'name';
  return null;
}

/** What finding-text.js needs to word a finding of this run. */
export function findingContext() {
  const r = state.report;
  return {
    sourceName: r?.inputs.source.name ?? '',
    listName: r?.inputs.list.name ?? '',
    fmtKey: (parts) => parts.join(' / '),
  };
}

// ---------------------------------------------------------------------------------------------
// Filters and the count.

function renderFilters() {
  const r = state.report;
  if (!r) return;
  const kind = $('filter-kind');
  kind.replaceChildren(h('option', { value: '', text: t('filter.allKinds') }),
    ...KINDS.map((k) => h('option', { value: k, text: t('filter.kindOption', { kind: t(`kind.${k}`), n: num(r.summary.findings[k] ?? 0) }) })));
  kind.value = state.filter.kind || '';

  const column = $('filter-column');
  column.replaceChildren(h('option', { value: '', text: t('filter.allColumns') }),
    ...(r.mapping.columns || []).map((c) => h('option', { value: c.source, text: c.source === c.list ? c.source : `${c.source} ⇄ ${c.list}` })));
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
  renderPressed();
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

// ---------------------------------------------------------------------------------------------
// The findings list and the detail panel.

/** The cells of one row of the findings list (the list's fillRow). */
function fillFindingRow(el, item) {
  const f = item.finding;
  const c = findingContext();
  el.dataset.kind = f.kind;
  el.dataset.testid = 'finding-row';
  // Cut short in a narrow column: the whole text stays in the title.
  const cell = (cls, text, ...children) => h('span', { role: 'cell', class: cls, text, title: text }, ...children);
  el.append(
    cell(`fkind kind-${f.kind}`, undefined, h('span', { class: 'badge', text: t(`kind.${f.kind}`) })),
    cell('fkey', keyText(f, c)),
    cell('fcol', f.column ?? ''),
    cell('fdesc', undefined,
      h('span', { class: 'sentence', text: describe(item, c) }),
      hasValues(f) && valuesElement(f, c)),
    cell('frows', rowsText(f)),
  );
}

async function selectFinding(item) {
  const sel = { item, data: null, error: null, loading: true };
  state.selected = sel;
  view.setSelected(item.index);
  renderDetail();
  const want = rowsToShow(item.finding);
  try {
    const data = { rows: await engine.rows(want.source, want.list), belongs: null, candidates: [], block: [] };
    // For a cross-wire, also the record the value belongs to: the incident in one glance.
    if (want.belongs) data.belongs = (await engine.rows(want.belongs, null)).source;
    // For an ambiguous row, each record it could be.
    for (const row of want.candidates) data.candidates.push((await engine.rows(row, null)).source);
    for (const row of want.block) data.block.push({ row, cells: (await engine.rows(null, row)).list });
    sel.data = data;
  } catch (err) {
    sel.error = err;
  }
  sel.loading = false;
  if (state.selected === sel) renderDetail();
}

function renderDetail() {
  const sel = state.selected;
  renderDetailPanel(sel && {
    item: sel.item, finding: sel.item.finding, loading: sel.loading, data: sel.data, failed: sel.error ? errorText(sel.error) : null,
  }, state.report, findingContext());
}

/** Drawn again in another language. */
export function renderResult() {
  renderShown();
  if (!state.report) return;
  renderSummary();
  renderFilters();
  view.refresh();
  renderDetail();
}

export function wireResult() {
  view = new VirtualList({
    scroller: $('findings-scroll'),
    loadPage: (q) => engine.findings(q),
    fillRow: fillFindingRow,
    onSelect: selectFinding,
    onTotal: (total) => {
      state.shownTotal = total;
      renderCount();
      // Shown with its first rows already drawn: what is visible is complete, never half-loaded.
      state.listed = true;
      renderShown();
    },
    onError: (err) => {
      state.listed = true;
      renderShown();
      showError(err);
    },
  });
  $('cards').addEventListener('click', (e) => {
    const card = e.target instanceof Element ? e.target.closest('.card[data-kind]') : null;
    if (card) setFilter({ kind: state.filter.kind === card.dataset.kind ? null : card.dataset.kind });
  });
  $('filter-kind').addEventListener('change', (e) => setFilter({ kind: e.target.value || null }));
  $('filter-column').addEventListener('change', (e) => setFilter({ column: e.target.value || null }));
  let timer = 0;
  $('filter-search').addEventListener('input', (e) => {
    clearTimeout(timer);
    // Debounced: every keystroke would otherwise re-filter 100k findings in the worker.
    timer = setTimeout(() => setFilter({ search: e.target.value }), 200);
  });
  $('detail-close').addEventListener('click', () => {
    state.selected = null;
    view.setSelected(null);
    renderDetail();
  });
}
