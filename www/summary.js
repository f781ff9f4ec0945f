// The result's summary, drawn from state.report: a card per finding kind (with the count), a
// note (all clear, truncated, validated), where every row went, and the control totals.

import { state } from './state.js';
import { h, $ } from './dom.js';
import { t, num } from './i18n.js';
import { KINDS, SIDES } from './vocabulary.js';

export function renderSummary() {
  const r = state.report;
  if (!r) return;
  const s = r.summary;
  const el = $('summary');
  for (const k of KINDS) el.dataset[k] = String(s.findings[k] ?? 0);

  const cards = $('cards');
  cards.replaceChildren();
  for (const k of KINDS) {
    const n = s.findings[k] ?? 0;
    // A card filters the list by its kind (result.js listens on #cards).
    cards.append(h('button', {
      type: 'button', class: `card kind-${k}${n ? '' : ' zero'}`, 'data-testid': `card-${k}`, 'data-kind': k,
      'aria-pressed': state.filter.kind === k ? 'true' : 'false', 'aria-label': t('summary.cardLabel', { kind: t(`kind.${k}`), n: num(n) }),
    },
    h('span', { class: 'card-count', text: num(n) }),
    h('span', { class: 'card-label', text: t(`kind.${k}`) }),
    h('span', { class: 'card-help', text: t(`kindhelp.${k}`) })));
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
    // Title, totals and note lines of a formatted sheet are counted as skipped.
    const adds = b.paired + b.unpaired + b.duplicate + b.malformed + (b.skipped || 0) === b.rows;
    bucketRows.append(
      h('tr', { 'data-side': side, class: adds ? '' : 'unbalanced' },
        h('th', { scope: 'row', text: r.inputs[side].name }),
        ...['rows', 'paired', 'unpaired', 'duplicate', 'malformed', 'skipped'].map((f) => h('td', { class: 'num', 'data-field': f, text: num(b[f] || 0) }))),
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

/** The card of the kind filtered by, pressed. */
export function renderPressed() {
  for (const card of $('cards').children) card.setAttribute('aria-pressed', card.dataset.kind === state.filter.kind ? 'true' : 'false');
}
