// The words of a finding: its sentence, where to look, its key. The one place in JS where finding
// sentences are written (the findings list, the detail panel and the receipt all ask here); the
// core is to write them later, so the interface stays these three functions.

// Each takes the finding as the core serialises it and `ctx` = {sourceName, listName,
// fmtKey(keyParts) → text, nounOf(finding) → 'email' | … | null} (result.js findingContext).

import { t, num } from './i18n.js';

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
