// The findings table: virtual scrolling over pages asked of the engine on demand, plus the
// words that describe one finding (shared with the receipt).
//
// Why virtual: 100 000 findings as DOM rows would take seconds to build and hundreds of MB; here
// only the rows in view (+ overscan) exist, and findings cross from the worker 200 at a time.

import { t, num } from './i18n.js';
import { appendRuns, diffChars, renderDiff } from './diff.js';

const PAGE_SIZE = 200;
const OVERSCAN = 8;
// Browsers cap an element's height (Chrome ~33.5M px, Firefox ~17.9M px). Past this the scroll
// position is scaled onto the full list so that a million findings still scroll end to end.
const MAX_SPACER_PX = 8_000_000;
// Enough pages to cover several screens both ways; older ones are dropped to bound memory.
const MAX_CACHED_PAGES = 40;

export class FindingsView {
  /**
   * @param {object} o
   * @param {HTMLElement} o.scroller  fixed-height, overflow:auto container
   * @param {(q: object) => Promise<{total: number, items: {index: number, finding: object}[]}>} o.loadPage
   * @param {(el: HTMLElement, item: {index: number, finding: object}) => void} o.fillRow
   * @param {(item: {index: number, finding: object}) => void} o.onSelect
   * @param {(total: number) => void} o.onTotal
   * @param {(err: Error) => void} o.onError
   */
  constructor({ scroller, loadPage, fillRow, onSelect, onTotal, onError, rowHeight = 64 }) {
    Object.assign(this, { scroller, loadPage, fillRow, onSelect, onTotal, onError, rowHeight });
    this.spacer = document.createElement('div');
    this.spacer.className = 'findings-spacer';
    scroller.replaceChildren(this.spacer);
    scroller.style.setProperty('--row-h', `${rowHeight}px`);
    this.gen = 0;
    this.query = null;
    this.total = 0;
    this.pages = new Map();
    this.pending = new Set();
    this.failed = new Set();
    this.rows = new Map(); // position in the filtered list → row element
    this.selectedIndex = null;
    this.frame = 0;
    this.loaded = false;

    scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    scroller.addEventListener('click', (e) => this.activate(e.target));
    scroller.addEventListener('keydown', (e) => this.onKey(e));
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => this.schedule()).observe(scroller);
  }

  /** Start over with a new filter ({kinds, column, search}); the first page gives the total. */
  reset(query) {
    this.gen++;
    this.query = query;
    this.total = 0;
    this.pages.clear();
    this.pending.clear();
    this.failed.clear();
    this.removeRows();
    this.spacer.style.height = '0px';
    this.scroller.scrollTop = 0;
    this.loaded = false;
    this.requestPage(0);
  }

  /** Forget everything (no report). */
  clear() {
    this.gen++;
    this.query = null;
    this.total = 0;
    this.pages.clear();
    this.pending.clear();
    this.removeRows();
    this.spacer.style.height = '0px';
    this.selectedIndex = null;
  }

  /** Re-fill the rows in view, e.g. after a language switch. */
  refresh() {
    for (const el of this.rows.values()) el.dataset.filled = '';
    this.update();
  }

  setSelected(index) {
    this.selectedIndex = index;
    for (const el of this.rows.values()) {
      const on = el.dataset.index !== undefined && Number(el.dataset.index) === index;
      el.classList.toggle('selected', on);
      el.setAttribute('aria-selected', on ? 'true' : 'false');
    }
  }

  requestPage(page) {
    if (this.pages.has(page) || this.pending.has(page) || this.failed.has(page) || !this.query) return;
    const gen = this.gen;
    this.pending.add(page);
    this.loadPage({ ...this.query, start: page * PAGE_SIZE, count: PAGE_SIZE }).then(
      (res) => {
        if (gen !== this.gen) return; // a newer filter superseded this request
        this.pending.delete(page);
        this.pages.set(page, res.items);
        this.evict(page);
        if (!this.loaded || res.total !== this.total) {
          this.loaded = true;
          this.total = res.total;
          this.layout();
          this.update(); // draw the first rows now, before anyone is told the list is there
          this.onTotal(this.total);
        } else {
          this.schedule();
        }
      },
      (err) => {
        if (gen !== this.gen) return;
        this.pending.delete(page);
        this.failed.add(page); // no retry loop on every scroll; a new filter retries
        this.onError(err);
      },
    );
  }

  evict(keep) {
    if (this.pages.size <= MAX_CACHED_PAGES) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - keep) - Math.abs(a - keep));
    for (const p of far.slice(0, this.pages.size - MAX_CACHED_PAGES)) this.pages.delete(p);
  }

  layout() {
    this.spacer.style.height = `${Math.min(this.total * this.rowHeight, MAX_SPACER_PX)}px`;
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  // The position (in full-list pixels) at the top of the view; equal to scrollTop unless scaled.
  virtualTop() {
    const view = this.scroller.clientHeight;
    const full = this.total * this.rowHeight;
    const shown = Math.min(full, MAX_SPACER_PX);
    if (full <= shown || shown <= view) return this.scroller.scrollTop;
    return this.scroller.scrollTop * ((full - view) / (shown - view));
  }

  update() {
    if (!this.query) return;
    const rh = this.rowHeight;
    const view = this.scroller.clientHeight || rh * 10;
    const top = this.virtualTop();
    const first = Math.max(0, Math.floor(top / rh) - OVERSCAN);
    const last = Math.min(this.total, Math.ceil((top + view) / rh) + OVERSCAN);

    for (const [pos, el] of this.rows) {
      if (pos < first || pos >= last) {
        el.remove();
        this.rows.delete(pos);
      }
    }
    for (let pos = first; pos < last; pos++) {
      const page = Math.floor(pos / PAGE_SIZE);
      const items = this.pages.get(page);
      if (!items) this.requestPage(page);
      const item = items ? items[pos - page * PAGE_SIZE] : undefined;
      let el = this.rows.get(pos);
      if (!el) {
        el = document.createElement('div');
        el.className = 'frow';
        el.setAttribute('role', 'row');
        el.tabIndex = 0;
        el.dataset.pos = String(pos);
        this.spacer.append(el);
        this.rows.set(pos, el);
      }
      if (item && el.dataset.filled !== '1') {
        el.replaceChildren();
        el.dataset.index = String(item.index);
        el.dataset.kind = item.finding.kind;
        el.dataset.testid = 'finding-row';
        this.fillRow(el, item);
        el.dataset.filled = '1';
        const on = item.index === this.selectedIndex;
        el.classList.toggle('selected', on);
        el.setAttribute('aria-selected', on ? 'true' : 'false');
      } else if (!item && !el.firstChild) {
        const span = document.createElement('span');
        span.className = 'loading';
        span.setAttribute('role', 'cell');
        span.textContent = t('findings.loading');
        el.append(span);
      }
      // Rows sit where the full list would put them, relative to the (possibly scaled) scroll.
      // `top`, not a transform: layout units stay exact at millions of pixels, floats do not.
      el.style.top = `${this.scroller.scrollTop + pos * rh - top}px`;
    }
  }

  removeRows() {
    for (const el of this.rows.values()) el.remove();
    this.rows.clear();
  }

  itemAt(pos) {
    const page = Math.floor(pos / PAGE_SIZE);
    return this.pages.get(page)?.[pos - page * PAGE_SIZE];
  }

  activate(target) {
    const el = target instanceof Element ? target.closest('.frow') : null;
    if (!el) return;
    const item = this.itemAt(Number(el.dataset.pos));
    if (item) this.onSelect(item);
  }

  onKey(e) {
    const el = e.target instanceof Element ? e.target.closest('.frow') : null;
    if (!el) return;
    const pos = Number(el.dataset.pos);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.activate(el);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = pos + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= this.total) return;
      this.scrollToPos(next);
      this.update();
      this.rows.get(next)?.focus({ preventScroll: true });
    }
  }

  // Bring row `pos` fully into view.
  scrollToPos(pos) {
    const rh = this.rowHeight;
    const view = this.scroller.clientHeight;
    const top = this.virtualTop();
    let want = top;
    if (pos * rh < top) want = pos * rh;
    else if ((pos + 1) * rh > top + view) want = (pos + 1) * rh - view;
    if (want === top) return;
    const full = this.total * rh;
    const shown = Math.min(full, MAX_SPACER_PX);
    const ratio = full <= shown || shown <= view ? 1 : (full - view) / (shown - view);
    this.scroller.scrollTop = want / ratio;
  }
}

// ---------------------------------------------------------------------------------------------
// Words for one finding. `ctx` = {sourceName, listName, fmtKey(keyArray), nounOf(finding)}.

/** The key as shown: composite parts joined with " / ". */
export function keyText(f, ctx) {
  return Array.isArray(f.key) ? ctx.fmtKey(f.key) : '';
}

function rowList(rows) {
  const shown = rows.slice(0, 8).map(num).join(', ');
  return rows.length > 8 ? `${shown}, …` : shown;
}

/** One sentence in the current language. Values are left out (shown apart, with highlights). */
export function describe(f, ctx) {
  const source = ctx.sourceName;
  const list = ctx.listName;
  switch (f.kind) {
    case 'missing':
      return t('desc.missing', { source, list, row: num(f.source_row) });
    case 'unexpected':
      return t('desc.unexpected', { source, list, row: num(f.list_row) });
    case 'duplicate': {
      const file = f.file === 'source' ? source : list;
      const other = f.file === 'source' ? list : source;
      const own = t('desc.duplicate', { file, n: num(f.rows.length), rows: rowList(f.rows) });
      const tail = f.other_rows?.length
        ? t('desc.duplicateOther', { other, rows: rowList(f.other_rows) })
        : t('desc.duplicateNone', { other });
      return own + tail;
    }
    case 'mismatch':
      return t('desc.mismatch', { column: f.column });
    case 'crosswired': {
      const noun = ctx.nounOf(f);
      return t('desc.crosswired', {
        noun: noun ? t(`noun.${noun}`) : t('noun.generic', { column: f.list_column || f.column }),
        key: ctx.fmtKey(f.belongs_to || []),
      });
    }
    case 'shifted': {
      const n = Math.abs(f.offset);
      const [from, to] = f.list_rows;
      const main = t(n === 1 ? 'desc.shiftedOne' : 'desc.shifted', {
        column: f.list_column || f.column,
        from: num(from),
        to: num(to),
        n: num(n),
      });
      return main + t(f.offset > 0 ? 'desc.shiftedDown' : 'desc.shiftedUp', { n: num(n) });
    }
    case 'malformed': {
      const file = f.file === 'source' ? source : list;
      if (f.column) return t('desc.malformedKey', { file, row: num(f.row), column: f.column });
      return t('desc.malformed', { file, line: num(f.line), row: num(f.row), message: f.message });
    }
    default:
      return f.kind;
  }
}

/** Where to look, compactly: "source 40 · list 7". */
export function rowsText(f) {
  const src = (row) => t('rows.source', { row });
  const lst = (row) => t('rows.list', { row });
  switch (f.kind) {
    case 'missing':
      return src(num(f.source_row));
    case 'unexpected':
      return lst(num(f.list_row));
    case 'duplicate': {
      const [own, other] = f.file === 'source' ? [src, lst] : [lst, src];
      const parts = [own(rowList(f.rows))];
      if (f.other_rows?.length) parts.push(other(rowList(f.other_rows)));
      return parts.join(' · ');
    }
    case 'mismatch':
    case 'crosswired':
      return `${src(num(f.source_row))} · ${lst(num(f.list_row))}`;
    case 'shifted':
      return t('rows.range', { from: num(f.list_rows[0]), to: num(f.list_rows[1]) });
    case 'malformed':
      return (f.file === 'source' ? src : lst)(num(f.row));
    default:
      return '';
  }
}

/** The two values of a mismatch / crosswired finding, differing characters in <mark>. */
export function valuesElement(f, ctx) {
  const wrap = document.createElement('div');
  wrap.className = 'values';
  const d = diffChars(f.source_value ?? '', f.list_value ?? '');
  const part = (label, value, runList, cls) => {
    const span = document.createElement('span');
    span.className = `value ${cls}`;
    const l = document.createElement('span');
    l.className = 'value-label';
    l.textContent = t('value.label', { label });
    const v = document.createElement('span');
    v.className = 'value-text';
    if (value === '') {
      v.classList.add('empty');
      v.textContent = t('value.empty');
    } else {
      appendRuns(v, runList);
    }
    span.append(l, v);
    return span;
  };
  const srcLabel = f.kind === 'crosswired' ? `${t('value.source')} (${ctx.fmtKey(f.key)})` : t('value.source');
  wrap.append(
    part(srcLabel, f.source_value ?? '', d.source, 'value-source'),
    part(t('value.list'), f.list_value ?? '', d.list, 'value-list'),
  );
  return wrap;
}

/** The cells of one findings-table row (used by the view's fillRow). */
export function fillFindingRow(el, item, ctx) {
  const f = item.finding;
  const cell = (cls, text) => {
    const c = document.createElement('span');
    c.setAttribute('role', 'cell');
    c.className = cls;
    if (text !== undefined) {
      c.textContent = text;
      c.title = text;
    }
    el.append(c);
    return c;
  };
  const kind = cell(`fkind kind-${f.kind}`);
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = t(`kind.${f.kind}`);
  kind.append(badge);
  cell('fkey', keyText(f, ctx));
  cell('fcol', f.column ?? '');
  const d = cell('fdesc');
  const sentence = document.createElement('span');
  sentence.className = 'sentence';
  sentence.textContent = describe(f, ctx);
  d.append(sentence);
  if (f.kind === 'mismatch' || f.kind === 'crosswired') d.append(valuesElement(f, ctx));
  cell('frows', rowsText(f));
}

// ---------------------------------------------------------------------------------------------
// One finding in detail: the rows that explain it, side by side.

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
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

/** Values, notes and the rows for the detail panel. `data` = {rows, belongs, block}. */
export function detailBody(f, data, report, ctx) {
  const frag = document.createDocumentFragment();
  if (f.kind === 'mismatch' || f.kind === 'crosswired') frag.append(valuesElement(f, ctx));
  if (f.kind === 'duplicate') frag.append(el('p', 'small', t('detail.allRows', { rows: rowsText(f) })));
  if (f.kind === 'shifted') {
    frag.append(el('p', 'small muted', t('detail.shiftedNote', { name: ctx.listName, from: num(f.list_rows[0]), to: num(f.list_rows[1]) })));
    frag.append(wrap(shiftedTable(f, data.block, report)));
    return frag;
  }
  // A malformed record is not a row the engine can return: its line and message say it all.
  if (data.rows?.source || data.rows?.list) frag.append(wrap(sideBySide(f, data.rows, data.belongs, report, ctx)));
  return frag;
}

function wrap(table) {
  const w = el('div', 'table-wrap');
  w.append(table);
  return w;
}

const cellOf = (row, name) => {
  if (!row || name === null) return undefined;
  const i = row.header.indexOf(name);
  return i >= 0 ? row.cells[i] ?? '' : undefined;
};

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

  const head = el('tr');
  const th = (text) => {
    const c = el('th', '', text);
    c.scope = 'col';
    head.append(c);
  };
  th(t('detail.header'));
  th(src ? t('detail.sourceRow', { name: ctx.sourceName, row: num(want.source) }) : t('detail.notInFile', { name: ctx.sourceName }));
  th(lst ? t('detail.listRow', { name: ctx.listName, row: num(want.list) }) : t('detail.notInFile', { name: ctx.listName }));
  if (belongs) th(t('detail.belongsRow', { key: ctx.fmtKey(f.belongs_to), name: ctx.sourceName, row: num(f.belongs_to_row) }));

  const tbody = el('tbody');
  for (const p of pairs) {
    const sv = cellOf(src, p.s);
    const lv = cellOf(lst, p.l);
    const tr = el('tr', p.key ? 'is-key' : '');
    const label = el('th', '', p.s && p.l ? (p.s === p.l ? p.s : `${p.s} ⇄ ${p.l}`) : p.s || p.l);
    label.scope = 'row';
    const tdS = el('td', 'cell-source');
    const tdL = el('td', 'cell-list');
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
      tr.append(el('td', `cell-belongs${bv !== undefined && bv === lv && p.s === f.column ? ' same' : ''}`, bv ?? ''));
    }
    tbody.append(tr);
  }
  return detailTable('side-by-side', head, tbody);
}

function detailTable(cls, head, tbody) {
  const table = el('table', cls);
  table.dataset.testid = 'detail-rows';
  const thead = el('thead');
  thead.append(head);
  table.append(thead, tbody);
  return table;
}

// A shift at a glance: the list rows around the block's start, the key beside the slid column,
// so that each row's value visibly belongs to its neighbour.
function shiftedTable(f, block, report) {
  const keyCols = report.mapping.key.map((k) => k.list);
  const cols = [...keyCols, f.list_column];
  const head = el('tr');
  for (const name of [t('findings.rows'), ...cols]) {
    const c = el('th', '', name);
    c.scope = 'col';
    head.append(c);
  }
  const tbody = el('tbody');
  for (const { row, cells } of block) {
    const inBlock = row >= f.list_rows[0] && row <= f.list_rows[1];
    const tr = el('tr', inBlock ? 'focus' : '');
    const label = el('th', '', t('rows.list', { row: num(row) }));
    label.scope = 'row';
    tr.append(label, ...cols.map((name) => el('td', '', cellOf(cells, name) ?? '')));
    tbody.append(tr);
  }
  return detailTable('side-by-side shifted-block', head, tbody);
}
