// The words of a finding: its sentence (the core's), where to look, its key — what the findings
// list, the detail panel and the receipt show.

// `ctx` = {sourceName, listName, fmtKey(keyParts) → text} (result.js findingContext; the receipt
// gives a fmtKey that masks).

import { t, num, getLang } from './i18n.js';

/** The key as shown: composite parts joined with " / ". */
export function keyText(f, ctx) {
  return Array.isArray(f.key) ? ctx.fmtKey(f.key) : '';
}

function rowList(rows) {
  const shown = rows.slice(0, 8).map(num).join(', ');
  return rows.length > 8 ? `${shown}, …` : shown;
}

/**
 * The finding's sentence in the current language, as the core words it (the page's list,
 * detail panel and receipt, and the CLI's text, say the same). `item` is a findings page's
 * {index, finding, text: {ja, en}}. The receipt masks keys: the sentence of a cross-wire names
 * the customer a value belongs to, so that key is shown as `ctx.fmtKey` shows keys.
 */
export function describe(item, ctx) {
  const f = item.finding;
  const text = item.text?.[getLang()] ?? f.kind;
  if (f.kind !== 'crosswired' || !ctx?.fmtKey) return text;
  const plain = (f.belongs_to || []).join(' / ');
  const shown = ctx.fmtKey(f.belongs_to || []);
  return plain && plain !== shown ? text.split(plain).join(shown) : text;
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
      return `${src(num(f.source_row), f.source_cell)} · ${lst(num(f.list_row), f.list_cell)}`;
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
