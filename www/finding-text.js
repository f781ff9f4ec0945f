// The words of a finding: its sentence (the core's), where to look, its key — what the findings
// list, the detail panel and the receipt show.

// `ctx` = {sourceName, listName, fmtKey(keyParts) → text, fmtValue?(finding, value) → text}
// (result.js findingContext; the receipt gives a fmtKey and a fmtValue that mask).

import { t, num, getLang } from './i18n.js';

/** The key as shown: composite parts joined with " / ". */
export function keyText(f, ctx) {
  return Array.isArray(f.key) ? ctx.fmtKey(f.key) : '';
}

function rowList(rows) {
  const shown = rows.slice(0, 8).map(num).join(', ');
  return rows.length > 8 ? `${shown}, …` : shown;
}

// What a finding's sentence names besides its rows: customers (keys) and, for a slid block,
// the values it lost or doubled — as [text, shown] pairs, shown as `ctx` shows keys and values.
function named(f, ctx) {
  const out = [];
  const key = (parts) => {
    if (!parts?.length) return;
    const shown = ctx.fmtKey(parts);
    const each = shown.split(' / ');
    if (each.length === parts.length) parts.forEach((p, i) => out.push([p, each[i]]));
    else out.push([parts.join(' / '), shown]);
  };
  const value = (v) => ctx.fmtValue && v && out.push([v, ctx.fmtValue(f, v)]);
  switch (f.kind) {
    case 'crosswired':
      key(f.belongs_to);
      break;
    case 'near_miss':
      key(f.key);
      key(f.list_key);
      break;
    case 'ambiguous':
      key(f.key);
      for (const c of f.candidates || []) key(c.key);
      break;
    case 'shifted':
      if (f.example) {
        key(f.example.key);
        key(f.example.belongs_to);
        value(f.example.value);
      }
      for (const l of f.lost || []) {
        key(l.key);
        value(l.value);
      }
      for (const d of f.doubled || []) {
        key(d.key);
        value(d.value);
      }
      break;
    default:
  }
  return out.filter(([plain, shown]) => plain && plain !== shown);
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The finding's sentence in the current language, as the core words it (the page's list,
 * detail panel and receipt, and the CLI's text, say the same). `item` is a findings page's
 * {index, finding, text: {ja, en}}. The receipt masks: a sentence may name customers (whose
 * value a row holds, whom a row could be, whose value a slide lost) and the values a slide
 * lost or doubled, so those are shown as `ctx.fmtKey` shows keys and `ctx.fmtValue` (if given)
 * values — all at once, longest first, so that no masked text is masked again.
 */
export function describe(item, ctx) {
  const f = item.finding;
  const text = item.text?.[getLang()] ?? f.kind;
  if (!ctx?.fmtKey) return text;
  const pairs = new Map(named(f, ctx));
  if (!pairs.size) return text;
  const re = new RegExp([...pairs.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|'), 'g');
  return text.replace(re, (m) => pairs.get(m));
}

/** Where to look, compactly: "source 40 (D41) · list 7 (宛先!D8)" — rows as the report counts
 * them, cells as Excel names them, so staff can jump there. */
export function rowsText(f) {
  const at = (row, cell) => (cell ? `${row} (${cell})` : row);
  const src = (row, cell) => t('rows.source', { row: at(row, cell) });
  const lst = (row, cell) => t('rows.list', { row: at(row, cell) });
  const own = f.file === 'source' ? src : lst;
  switch (f.kind) {
    case 'missing':
      return src(num(f.source_row), f.source_cell);
    case 'unexpected':
      return lst(num(f.list_row), f.list_cell);
    case 'duplicate': {
      const other = f.file === 'source' ? lst : src;
      const parts = [own(rowList(f.rows))];
      if (f.other_rows?.length) parts.push(other(rowList(f.other_rows)));
      return parts.join(' · ');
    }
    case 'mismatch':
    case 'crosswired':
    case 'near_miss':
      return `${src(num(f.source_row), f.source_cell)} · ${lst(num(f.list_row), f.list_cell)}`;
    case 'ambiguous':
      return `${lst(num(f.list_row), f.list_cell)} · ${src(rowList((f.candidates || []).map((c) => c.source_row)))}`;
    case 'shifted':
      return at(t('rows.range', { from: num(f.list_rows[0]), to: num(f.list_rows[1]) }), f.list_cells);
    case 'malformed':
    case 'error_cell':
      return own(num(f.row), f.cell);
    case 'total_mismatch':
      return own(f.cell || num(f.line));
    default:
      return '';
  }
}
