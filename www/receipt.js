// The printable sign-off receipt: one standalone HTML file naming the inputs (with SHA-256), the
// counts, the options and the first findings, names and e-mail addresses masked unless asked
// not to. Built in a detached document with dom.js's h, never from HTML text.

import { t, num, delimiterText } from './i18n.js';
import { describe, keyText, rowsText } from './finding-text.js';
import { elementsIn } from './dom.js';
import { KINDS } from './vocabulary.js';

// Masking: enough left to recognise a row while checking, not enough to identify a person.

function star(ch) {
  return /\s/.test(ch) ? ch : ch.charCodeAt(0) < 0x80 ? '*' : '＊';
}

/** 山田 太郎 → 山＊ ＊＊ ; Taro Yamada → T*** ****** */
export function maskName(s) {
  const chars = Array.from(String(s));
  let kept = false;
  return chars
    .map((ch) => {
      if (/\s/.test(ch)) return ch;
      if (!kept) {
        kept = true;
        return ch;
      }
      return star(ch);
    })
    .join('');
}

/** taro@example.jp → t***@example.jp */
export function maskEmail(s) {
  const str = String(s);
  const at = str.lastIndexOf('@');
  if (at < 0) return maskName(str);
  const local = Array.from(str.slice(0, at).trim());
  return `${local.length ? local[0] : ''}***${str.slice(at)}`;
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;

/** Mask a value by what its column holds ('email' | 'name' | null); e-mail-like text always. */
export function maskValue(value, how) {
  if (value === undefined || value === null || value === '') return value ?? '';
  const v = String(value);
  if (how === 'email' || EMAIL_LIKE.test(v.trim())) return maskEmail(v);
  if (how === 'name') return maskName(v);
  return v;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

export function receiptFilename(d = new Date()) {
  const day = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
  return `crosscheck-receipt-${day}-${pad(d.getHours())}${pad(d.getMinutes())}.html`;
}

function localTime(d) {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (${zone})`;
}

// Valid JSON with one line per setting and per column, so the options fit on a printed page.
function compactJson(value) {
  const lines = Object.entries(value || {}).map(([k, v]) => {
    if (Array.isArray(v) && v.length) return `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

const RECEIPT_CSS = `
body { font-family: system-ui, "Hiragino Sans", "Yu Gothic UI", "Meiryo", sans-serif; color: #111;
  margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; font-size: 14px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; border-bottom: 2px solid #333; padding-bottom: .15rem; }
.meta { margin: 0 0 1rem; color: #333; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 1rem; }
th, td { border: 1px solid #999; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nonzero { font-weight: 700; }
.hash { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: .8em; word-break: break-all; }
pre { white-space: pre-wrap; word-break: break-all; border: 1px solid #bbb; padding: .5rem; font-size: .78rem;
  font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; background: #fafafa; }
.findings td { font-size: .85em; }
.note { color: #444; font-size: .9em; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem 3rem; margin-top: 1.5rem; }
.sign div { border-bottom: 1px solid #000; padding-top: 2.2rem; font-size: .9em; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  tr, .sign { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Build the receipt as a standalone HTML string.
 * @param {object} o
 * @param {object} o.report       the run's report (findings paged separately)
 * @param {{index:number, finding:object, text:object}[]} o.items  the first findings (≤ 200)
 * @param {boolean} o.mask        mask names and e-mail addresses
 * @param {(sourceColumn: string) => ('email'|'name'|null)} o.privacyOf
 * @param {object} o.ctx          describe() context (the files' names)
 * @param {Date} [o.now]
 */
export function buildReceipt({ report, items, mask, privacyOf, ctx, now = new Date() }) {
  const doc = document.implementation.createHTMLDocument(`crosscheck — ${t('receipt.title')}`);
  const h = elementsIn(doc);
  const table = (head, rows, cls) =>
    h(
      'table',
      cls ? { class: cls } : null,
      h('thead', null, h('tr', null, ...head.map((x) => h('th', { text: x, scope: 'col' })))),
      h('tbody', null, ...rows.map((r) => h('tr', null, ...r.map((c) => (c instanceof Node ? c : h('td', { text: c })))))),
    );
  const numCell = (n) => h('td', { class: n ? 'num nonzero' : 'num', text: num(n) });

  const docLang = document.documentElement.lang || 'en';
  doc.documentElement.lang = docLang;
  doc.head.prepend(h('meta', { charset: 'utf-8' }));
  doc.head.append(h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
  // The receipt runs nothing and loads nothing, wherever it is opened.
  doc.head.append(h('meta', { 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'" }));

  // Keys and values are masked by the privacy of the column they come from.
  const keyHows = (report.mapping?.key || []).map((k) => privacyOf(k.source));
  const fmtKey = (parts) =>
    parts.map((p, i) => (mask ? maskValue(p, keyHows[i] ?? null) : p)).join(' / ');
  const value = (f, v) => (mask ? maskValue(v, privacyOf(f.column)) : v ?? '');
  const rctx = { ...ctx, fmtKey, fmtValue: value };

  const { source: src, list: lst } = report.inputs;
  const b = doc.body;
  b.append(
    h('h1', { text: t('receipt.heading') }),
    h(
      'p',
      { class: 'meta' },
      `${t('receipt.tool')}: ${report.tool.name} ${report.tool.version} · `,
      `${t('receipt.created')}: ${localTime(now)}`,
    ),
  );

  b.append(h('h2', { text: t('receipt.inputs') }));
  const inputRows = [
    [t('receipt.name'), src.name, lst.name],
    [t('receipt.size'), num(src.bytes), num(lst.bytes)],
    [t('receipt.sha'), h('td', { class: 'hash', text: src.sha256 }), h('td', { class: 'hash', text: lst.sha256 })],
    [t('receipt.encoding'), src.encoding, lst.encoding],
    [t('receipt.delimiter'), delimiterText(src.delimiter), delimiterText(lst.delimiter)],
    [t('receipt.rows'), num(src.rows), num(lst.rows)],
    [t('receipt.blank'), num(src.blank_records ?? 0), num(lst.blank_records ?? 0)],
  ];
  b.append(table([t('receipt.item'), t('summary.source'), t('summary.list')], inputRows));
  const key = (report.mapping?.key || []).map((k) => `${k.source} ⇄ ${k.list}`).join(' + ');
  b.append(h('p', { text: `${t('receipt.key')}: ${key}` }));

  b.append(h('h2', { text: t('receipt.counts') }));
  const counts = report.summary.findings;
  const countRows = KINDS.map((k) => [t(`kind.${k}`) === k ? k : `${t(`kind.${k}`)} (${k})`, numCell(counts[k] ?? 0)]);
  countRows.push([t('receipt.total'), numCell(KINDS.reduce((s, k) => s + (counts[k] ?? 0), 0))]);
  b.append(table([t('filter.kind'), t('receipt.count')], countRows));

  b.append(h('h2', { text: t('summary.buckets') }));
  const bucketRow = (name, x) => [name, numCell(x.rows), numCell(x.paired), numCell(x.unpaired), numCell(x.duplicate), numCell(x.malformed)];
  b.append(
    table(
      ['summary.file', 'summary.rows', 'summary.paired', 'summary.unpaired', 'summary.duplicate', 'summary.malformed'].map((k) => t(k)),
      [bucketRow(src.name, report.summary.source), bucketRow(lst.name, report.summary.list)],
    ),
  );

  const totals = Object.entries(report.summary.totals || {});
  if (totals.length) {
    b.append(h('h2', { text: t('summary.totals') }));
    b.append(
      table(
        [t('summary.column'), t('summary.source'), t('summary.list'), t('summary.difference')],
        totals.map(([col, x]) => [col, numCell(x.source), numCell(x.list), numCell(x.difference)]),
      ),
    );
  }

  b.append(h('h2', { text: t('receipt.options') }));
  b.append(h('pre', { text: compactJson(report.options) }));

  const total = KINDS.reduce((s, k) => s + (counts[k] ?? 0), 0);
  b.append(h('h2', { text: total ? t('receipt.findings', { n: num(items.length), total: num(total) }) : t('receipt.noFindings') }));
  if (items.length) {
    b.append(h('p', { class: 'note', text: mask ? t('receipt.masked') : t('receipt.unmasked') }));
    const rows = items.map((item) => [item, item.finding]).map(([item, f]) => [
      h('td', { class: 'num', text: String(item.index + 1) }),
      t(`kind.${f.kind}`),
      keyText(f, rctx),
      f.column ?? '',
      // A mistyped key: the key as the source has it and as it was typed.
      'source_value' in f ? value(f, f.source_value) : f.kind === 'near_miss' ? fmtKey(f.key) : '',
      'list_value' in f ? value(f, f.list_value) : f.kind === 'near_miss' ? fmtKey(f.list_key) : '',
      rowsText(f),
      describe(item, rctx),
    ]);
    b.append(
      table(
        [t('receipt.col.index'), t('findings.kind'), t('findings.key'), t('findings.column'), t('receipt.col.sourceValue'),
          t('receipt.col.listValue'), t('findings.rows'), t('findings.description')],
        rows,
        'findings',
      ),
    );
  }

  b.append(h('h2', { text: t('receipt.signoff') }));
  b.append(
    h(
      'div',
      { class: 'sign' },
      h('div', { text: t('receipt.preparedBy') }),
      h('div', { text: t('receipt.date') }),
      h('div', { text: t('receipt.checkedBy') }),
      h('div', { text: t('receipt.date') }),
    ),
  );

  // XMLSerializer keeps HTML elements in their HTML form (void elements self-closed, which HTML
  // parsers accept), and the doctype of createHTMLDocument comes along. The style sheet is added
  // to the text, not the DOM: a <style> element, even in a detached document, is checked against
  // this page's CSP (style-src 'self') and refused. It is a constant, never data.
  const html = new XMLSerializer().serializeToString(doc);
  return html.replace('</head>', `<style>${RECEIPT_CSS}</style></head>`);
}
