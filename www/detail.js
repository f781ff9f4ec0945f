// The detail panel: one finding, its two values with the differing characters marked, and the
// rows that explain it side by side (source row ⇄ list row, aligned by the mapping; for a
// mistyped key both rows; for an ambiguous row the list row beside each record it could be; for
// a shift, the block of list rows and the values its edges lost and doubled). Drawn from what it
// is given; which finding is chosen is the caller's.

import { t, num } from './i18n.js';
import { h, $ } from './dom.js';
import { appendRuns, diffChars, renderDiff } from './diff.js';
import { describe, keyText, rowsText } from './finding-text.js';

/** The two values a finding sets side by side: a mismatch's or a cross-wire's, and a mistyped
 * key as the source has it and as it was typed; null for the other kinds. */
function valuesOf(f, ctx) {
  if (f.kind === 'mismatch' || f.kind === 'crosswired') return { source: f.source_value ?? '', list: f.list_value ?? '' };
  if (f.kind === 'near_miss') return { source: ctx.fmtKey(f.key || []), list: ctx.fmtKey(f.list_key || []) };
  return null;
}

/** Whether the finding has two values to show (valuesElement). */
export const hasValues = (f) => f.kind === 'mismatch' || f.kind === 'crosswired' || f.kind === 'near_miss';

/** The two values of a mismatch / crosswired / near_miss finding, differing characters in
 * <mark>. Also shown in the finding's row of the list. */
export function valuesElement(f, ctx) {
  const values = valuesOf(f, ctx);
  const d = diffChars(values.source, values.list);
  const part = (label, value, runList, cls) => {
    const v = h('span', { class: value === '' ? 'value-text empty' : 'value-text' });
    if (value === '') v.textContent = t('value.empty');
    else appendRuns(v, runList);
    return h('span', { class: `value ${cls}` }, h('span', { class: 'value-label', text: t('value.label', { label }) }), v);
  };
  const srcLabel = f.kind === 'crosswired' ? `${t('value.source')} (${ctx.fmtKey(f.key)})` : t('value.source');
  return h('div', { class: 'values' },
    part(srcLabel, values.source, d.source, 'value-source'),
    part(t('value.list'), values.list, d.list, 'value-list'));
}

/** Rows to ask the engine for: {source, list} row numbers, `belongs` (a cross-wire's other
 * record), `candidates` (the source rows an ambiguous list row could be) and, for a shift, the
 * first rows of the block with the row(s) the values came from. */
export function rowsToShow(f) {
  const none = { source: null, list: null, belongs: null, candidates: [], block: [] };
  switch (f.kind) {
    case 'missing':
      return { ...none, source: f.source_row };
    case 'unexpected':
      return { ...none, list: f.list_row };
    case 'duplicate': {
      const other = f.other_rows?.[0] ?? null;
      return f.file === 'source' ? { ...none, source: f.rows[0], list: other } : { ...none, source: other, list: f.rows[0] };
    }
    case 'mismatch':
    case 'near_miss':
      return { ...none, source: f.source_row, list: f.list_row };
    case 'ambiguous':
      return { ...none, list: f.list_row, candidates: (f.candidates || []).map((c) => c.source_row) };
    case 'crosswired':
      return { ...none, source: f.source_row, list: f.list_row, belongs: f.belongs_to_row ?? null };
    case 'shifted': {
      const [first, last] = f.list_rows;
      const from = Math.max(1, first - Math.max(0, f.offset));
      const to = Math.min(last + Math.max(0, -f.offset), first + 5);
      const block = [];
      for (let r = from; r <= to; r++) block.push(r);
      return { ...none, block };
    }
    case 'malformed':
      return f.file === 'source' ? { ...none, source: f.row } : { ...none, list: f.row };
    default:
      return none;
  }
}

/**
 * Draw the detail panel (#detail): hidden for no finding, else its title, its sentence and, once
 * the rows are there, detailBody. `sel` = {item, finding, loading, failed (a message), data}.
 */
export function renderDetailPanel(sel, report, ctx) {
  const panel = $('detail');
  panel.hidden = !sel;
  if (!sel) return;
  const f = sel.finding;
  const key = keyText(f, ctx);
  $('detail-title').textContent = key ? t('detail.title', { kind: t(`kind.${f.kind}`), key }) : t(`kind.${f.kind}`);
  $('detail-text').textContent = describe(sel.item, ctx);
  panel.dataset.kind = f.kind;
  const box = $('detail-rows');
  if (sel.loading) box.replaceChildren(h('p', { class: 'muted', text: t('detail.loading') }));
  else if (sel.failed) box.replaceChildren(h('p', { class: 'inline-error', text: t('detail.rowsFailed', { message: sel.failed }) }));
  else box.replaceChildren(detailBody(f, sel.data, report, ctx));
}

/** Values, notes and the rows for the detail panel. `data` = {rows, belongs, candidates, block}. */
function detailBody(f, data, report, ctx) {
  const frag = document.createDocumentFragment();
  if (hasValues(f)) frag.append(valuesElement(f, ctx));
  if (f.kind === 'duplicate') frag.append(h('p', { class: 'small', text: t('detail.allRows', { rows: rowsText(f) }) }));
  if (f.kind === 'shifted') {
    frag.append(h('p', { class: 'small muted', text: t('detail.shiftedNote', { name: ctx.listName, from: num(f.list_rows[0]), to: num(f.list_rows[1]) }) }));
    frag.append(h('div', { class: 'table-wrap' }, shiftedTable(f, data.block, report)));
    frag.append(shiftedEdges(f, ctx));
    return frag;
  }
  if (f.kind === 'ambiguous') {
    frag.append(candidateList(f, ctx));
    if (data.rows?.list) frag.append(h('div', { class: 'table-wrap' }, candidatesTable(f, data.rows.list, data.candidates || [], report, ctx)));
    return frag;
  }
  // A malformed record is not a row the engine can return: its line and message say it all.
  if (data.rows?.source || data.rows?.list) frag.append(h('div', { class: 'table-wrap' }, sideBySide(f, data.rows, data.belongs, report, ctx)));
  return frag;
}

const cellOf = (row, name) => {
  if (!row || name === null) return undefined;
  const i = row.header.indexOf(name);
  return i >= 0 ? row.cells[i] ?? '' : undefined;
};

const colHead = (text) => h('th', { scope: 'col', text });

// The rows of a side-by-side table: the mapping's pairs (key first; paired by consensus, the key
// is compared too and listed once), then the columns of either file it leaves out.
function columnPairs(report, sourceHeader, listHeader) {
  const m = report.mapping;
  const pairs = [];
  const seenS = new Set();
  const seenL = new Set();
  for (const p of [...m.key, ...m.columns]) {
    if (seenS.has(p.source) && seenL.has(p.list)) continue;
    pairs.push({ s: p.source, l: p.list, key: m.key.includes(p) });
    seenS.add(p.source);
    seenL.add(p.list);
  }
  for (const s of sourceHeader || report.inputs.source.columns) if (!seenS.has(s)) pairs.push({ s, l: null });
  for (const l of listHeader || report.inputs.list.columns) if (!seenL.has(l)) pairs.push({ s: null, l });
  return pairs;
}

// Source row and list row aligned by the column mapping; differing cells highlighted.
function sideBySide(f, rows, belongs, report, ctx) {
  const want = rowsToShow(f);
  const src = rows.source;
  const lst = rows.list;
  const pairs = columnPairs(report, src?.header, lst?.header);

  const head = h('tr', null,
    colHead(t('detail.header')),
    colHead(src ? t('detail.sourceRow', { name: ctx.sourceName, row: num(want.source) }) : t('detail.notInFile', { name: ctx.sourceName })),
    colHead(lst ? t('detail.listRow', { name: ctx.listName, row: num(want.list) }) : t('detail.notInFile', { name: ctx.listName })),
    belongs && colHead(t('detail.belongsRow', { key: ctx.fmtKey(f.belongs_to), name: ctx.sourceName, row: num(f.belongs_to_row) })));

  const tbody = h('tbody');
  for (const p of pairs) {
    const sv = cellOf(src, p.s);
    const lv = cellOf(lst, p.l);
    const tr = h('tr', { class: p.key ? 'is-key' : null });
    const label = h('th', { scope: 'row', text: p.s && p.l ? (p.s === p.l ? p.s : `${p.s} ⇄ ${p.l}`) : p.s || p.l });
    const tdS = h('td', { class: 'cell-source' });
    const tdL = h('td', { class: 'cell-list' });
    if (sv !== undefined && lv !== undefined && sv !== lv) {
      tr.classList.add('differs');
      renderDiff(tdS, tdL, sv, lv);
    } else {
      tdS.textContent = sv ?? '';
      tdL.textContent = lv ?? '';
    }
    if (f.column && p.s === f.column) tr.classList.add('focus');
    tr.append(label, tdS, tdL);
    if (belongs) {
      const bv = cellOf(belongs, p.s);
      tr.append(h('td', { class: `cell-belongs${bv !== undefined && bv === lv && p.s === f.column ? ' same' : ''}`, text: bv ?? '' }));
    }
    tbody.append(tr);
  }
  return detailTable('side-by-side', head, tbody);
}

function detailTable(cls, head, tbody) {
  return h('table', { class: cls, 'data-testid': 'detail-rows' }, h('thead', null, head), tbody);
}

// A shift at a glance: the list rows around the block's start, the key beside the slid column
// (and the columns that slid with it), so that each row's value visibly belongs to its neighbour.
function shiftedTable(f, block, report) {
  const keyCols = report.mapping.key.map((k) => k.list);
  const cols = [...new Set([...keyCols, f.list_column, ...(f.with || [])])];
  const head = h('tr', null, ...[t('findings.rows'), ...cols].map(colHead));
  const tbody = h('tbody');
  for (const { row, cells } of block) {
    const inBlock = row >= f.list_rows[0] && row <= f.list_rows[1];
    tbody.append(h('tr', { class: inBlock ? 'focus' : null },
      h('th', { scope: 'row', text: t('rows.list', { row: num(row) }) }),
      ...cols.map((name) => h('td', { text: cellOf(cells, name) ?? '' }))));
  }
  return detailTable('side-by-side shifted-block', head, tbody);
}

// A shift's edges: the values no row holds any more, and those now on two rows.
function shiftedEdges(f, ctx) {
  const frag = document.createDocumentFragment();
  const shown = (v) => (v === '' || v === undefined ? t('value.empty') : v);
  const list = (testid, title, items) => {
    if (!items.length) return;
    frag.append(h('p', { class: 'small detail-subtitle', text: title }),
      h('ul', { class: 'small edge-values', 'data-testid': testid }, ...items.map((text) => h('li', { text }))));
  };
  list('shift-lost', t('detail.lost'), (f.lost || []).map((l) => t('detail.lostItem', {
    value: shown(l.value), key: ctx.fmtKey(l.key || []), source: num(l.source_row), list: num(l.list_row),
  })));
  list('shift-doubled', t('detail.doubled'), (f.doubled || []).map((d) => t('detail.doubledItem', {
    value: shown(d.value), key: ctx.fmtKey(d.key || []), a: num(d.list_rows[0]), b: num(d.list_rows[1]),
  })));
  return frag;
}

// Whom an ambiguous list row could be: each record, the list columns that point at it, and
// whether another list row is already paired with it.
function candidateList(f, ctx) {
  return h('div', null,
    h('p', { class: 'small detail-subtitle', text: t('detail.candidates') }),
    h('ol', { class: 'small candidates', 'data-testid': 'detail-candidates' }, ...(f.candidates || []).map((c, i) => h('li', {
      text: [
        t('detail.candidate', { i: i + 1, key: ctx.fmtKey(c.key || []), name: ctx.sourceName, row: num(c.source_row) }),
        t('detail.candidateBy', { columns: (c.columns || []).join(', ') }),
        c.taken ? t('detail.taken') : '',
      ].filter(Boolean).join(' — '),
    }))));
}

// The ambiguous list row beside each record it could be, aligned by the mapping; a candidate's
// cell in a column that points at it is marked.
function candidatesTable(f, listRow, candidateRows, report, ctx) {
  const candidates = f.candidates || [];
  const pairs = columnPairs(report, candidateRows.find(Boolean)?.header, listRow.header);
  const head = h('tr', null,
    colHead(t('detail.header')),
    colHead(t('detail.listRow', { name: ctx.listName, row: num(f.list_row) })),
    ...candidates.map((c, i) => colHead(t('detail.candidate', { i: i + 1, key: ctx.fmtKey(c.key || []), name: ctx.sourceName, row: num(c.source_row) }))));
  const tbody = h('tbody');
  for (const p of pairs) {
    const tr = h('tr', { class: p.key ? 'is-key' : null });
    tr.append(h('th', { scope: 'row', text: p.s && p.l ? (p.s === p.l ? p.s : `${p.s} ⇄ ${p.l}`) : p.s || p.l }));
    tr.append(h('td', { class: 'cell-list', text: cellOf(listRow, p.l) ?? '' }));
    candidates.forEach((c, i) => {
      const agrees = p.l !== null && (c.columns || []).includes(p.l);
      tr.append(h('td', { class: `cell-belongs${agrees ? ' same' : ''}`, text: cellOf(candidateRows[i], p.s) ?? '' }));
    });
    tbody.append(tr);
  }
  return detailTable('side-by-side candidates-table', head, tbody);
}
