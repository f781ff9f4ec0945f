// The detail panel: one finding, its two values with the differing characters marked, and the
// rows that explain it side by side (source row ⇄ list row, aligned by the mapping; for a shift,
// the block of list rows). Drawn from what it is given; which finding is chosen is the caller's.

import { t, num } from './i18n.js';
import { h, $ } from './dom.js';
import { appendRuns, diffChars, renderDiff } from './diff.js';
import { describe, keyText, rowsText } from './finding-text.js';

/** The two values of a mismatch / crosswired finding, differing characters in <mark>. Also shown
 * in the finding's row of the list. */
export function valuesElement(f, ctx) {
  const d = diffChars(f.source_value ?? '', f.list_value ?? '');
  const part = (label, value, runList, cls) => {
    const v = h('span', { class: value === '' ? 'value-text empty' : 'value-text' });
    if (value === '') v.textContent = t('value.empty');
    else appendRuns(v, runList);
    return h('span', { class: `value ${cls}` }, h('span', { class: 'value-label', text: t('value.label', { label }) }), v);
  };
  const srcLabel = f.kind === 'crosswired' ? `${t('value.source')} (${ctx.fmtKey(f.key)})` : t('value.source');
  return h('div', { class: 'values' },
    part(srcLabel, f.source_value ?? '', d.source, 'value-source'),
    part(t('value.list'), f.list_value ?? '', d.list, 'value-list'));
}

/** Rows to ask the engine for: {source, list} row numbers, `belongs` (a cross-wire's other
 * record) and, for a shift, the first rows of the block with the row(s) the values came from. */
export function rowsToShow(f) {
  const none = { source: null, list: null, belongs: null, block: [] };
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
      return { ...none, source: f.source_row, list: f.list_row };
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

/** Values, notes and the rows for the detail panel. `data` = {rows, belongs, block}. */
function detailBody(f, data, report, ctx) {
  const frag = document.createDocumentFragment();
  if (f.kind === 'mismatch' || f.kind === 'crosswired') frag.append(valuesElement(f, ctx));
  if (f.kind === 'duplicate') frag.append(h('p', { class: 'small', text: t('detail.allRows', { rows: rowsText(f) }) }));
  if (f.kind === 'shifted') {
    frag.append(h('p', { class: 'small muted', text: t('detail.shiftedNote', { name: ctx.listName, from: num(f.list_rows[0]), to: num(f.list_rows[1]) }) }));
    frag.append(h('div', { class: 'table-wrap' }, shiftedTable(f, data.block, report)));
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

// Source row and list row aligned by the column mapping; differing cells highlighted.
function sideBySide(f, rows, belongs, report, ctx) {
  const want = rowsToShow(f);
  const src = rows.source;
  const lst = rows.list;
  const m = report.mapping;
  const pairs = [];
  const seenS = new Set();
  const seenL = new Set();
  for (const p of [...m.key, ...m.columns]) {
    pairs.push({ s: p.source, l: p.list, key: m.key.includes(p) });
    seenS.add(p.source);
    seenL.add(p.list);
  }
  for (const s of src?.header || report.inputs.source.columns) if (!seenS.has(s)) pairs.push({ s, l: null });
  for (const l of lst?.header || report.inputs.list.columns) if (!seenL.has(l)) pairs.push({ s: null, l });

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

// A shift at a glance: the list rows around the block's start, the key beside the slid column,
// so that each row's value visibly belongs to its neighbour.
function shiftedTable(f, block, report) {
  const keyCols = report.mapping.key.map((k) => k.list);
  const cols = [...keyCols, f.list_column];
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
