// A virtual scrolling list: only the rows in view (+ overscan) exist, over pages of items asked
// for on demand (findings cross from the worker 200 at a time). It knows rows, not findings: the
// caller's fillRow draws one.

// Why virtual: 100 000 findings as DOM rows would take seconds to build and hundreds of MB.

import { t } from './i18n.js';
import { h } from './dom.js';

const PAGE_SIZE = 200;
const OVERSCAN = 8;
// Browsers cap an element's height (Chrome ~33.5M px, Firefox ~17.9M px). Past this the scroll
// position is scaled onto the full list so that a million findings still scroll end to end.
const MAX_SPACER_PX = 8_000_000;
// Enough pages to cover several screens both ways; older ones are dropped to bound memory.
const MAX_CACHED_PAGES = 40;

export class VirtualList {
  /**
   * @param {object} o
   * @param {HTMLElement} o.scroller  fixed-height, overflow:auto container
   * @param {(q: object) => Promise<{total: number, items: {index: number}[]}>} o.loadPage
   * @param {(el: HTMLElement, item: {index: number}) => void} o.fillRow  the row's cells and data-*
   * @param {(item: {index: number}) => void} o.onSelect
   * @param {(total: number) => void} o.onTotal
   * @param {(err: Error) => void} o.onError
   */
  constructor({ scroller, loadPage, fillRow, onSelect, onTotal, onError, rowHeight = 64 }) {
    Object.assign(this, { scroller, loadPage, fillRow, onSelect, onTotal, onError, rowHeight });
    this.spacer = h('div', { class: 'findings-spacer' });
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

  /** Start over with a new query (for findings: {kinds, column, search}); the first page gives the total. */
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
        el = h('div', { class: 'frow', role: 'row', tabindex: '0', 'data-pos': pos });
        this.spacer.append(el);
        this.rows.set(pos, el);
      }
      if (item && el.dataset.filled !== '1') {
        el.replaceChildren();
        el.dataset.index = String(item.index);
        this.fillRow(el, item);
        el.dataset.filled = '1';
        const on = item.index === this.selectedIndex;
        el.classList.toggle('selected', on);
        el.setAttribute('aria-selected', on ? 'true' : 'false');
      } else if (!item && !el.firstChild) {
        el.append(h('span', { class: 'loading', role: 'cell', text: t('findings.loading') }));
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
