// Typed use of the package, as a user's TypeScript would write it: checked by `tsc --noEmit`
// (tests/types/types.test.mjs, with tsconfig.json beside it), never run. What does not
// type-check here, or is wrongly accepted (the `@ts-expect-error` lines), fails the test.

import {
  createCrosscheck,
  CrosscheckError,
  openReconciliation,
  openValidation,
  reconcile,
  validate,
  type CheckedRow,
  type Finding,
  type Issue,
  type Options,
  type Report,
  type TableSchema,
} from 'crosscheck';
import type { CrosscheckValidate } from 'crosscheck/element';

const schema: TableSchema = {
  fields: [
    { name: '顧客ID', type: 'string', constraints: { required: true, pattern: 'C[0-9]{7}' } },
    { name: 'ポイント', type: 'integer', groupChar: ',', constraints: { minimum: 0 } },
    { name: '郵便番号', type: 'string', jpFormat: 'postal-code' },
  ],
  primaryKey: '顧客ID',
};

/** A finding in one line, each kind narrowed to its own fields. */
function describe(f: Finding): string {
  switch (f.kind) {
    case 'missing':
      return `${f.key.join('/')} (source row ${f.source_row}) is not in the list`;
    case 'unexpected':
      return `${f.key.join('/')} (list row ${f.list_row}) is not in the source`;
    case 'duplicate':
      return `${f.key.join('/')} is on ${f.file} rows ${f.rows.join(', ')}`;
    case 'mismatch':
      return `${f.column}: ${f.source_value} ≠ ${f.list_value}${f.list_cell ? ` at ${f.list_cell}` : ''}`;
    case 'crosswired':
      return `${f.column} of ${f.key.join('/')} belongs to ${f.belongs_to.join('/')} (source row ${f.belongs_to_row})`;
    case 'shifted': {
      const [first, last] = f.list_rows;
      return `${f.column} slid by ${f.offset} over rows ${first}–${last}${f.with?.length ? ` with ${f.with.join(', ')}` : ''}`;
    }
    case 'malformed':
      return `${f.file} line ${f.line}: ${f.message}`;
    case 'total_mismatch':
      return `${f.label} says ${f.stated}, the rows add up to ${f.sum}`;
    case 'error_cell':
      return `${f.cell} holds ${f.value}`;
    case 'near_miss':
      return `${f.list_key.join('/')} was typed for ${f.key.join('/')} (${f.slip})`;
    case 'ambiguous':
      return `list row ${f.list_row} could be ${f.candidates.map((c) => c.key.join('/')).join(' or ')}`;
    default: {
      // Every kind is handled: a new one makes this line fail to compile.
      const unhandled: never = f;
      return unhandled;
    }
  }
}

function said(issue: Issue, lang: 'ja' | 'en'): string {
  // `malformed` carries plain text; the rules' findings carry both languages.
  return issue.kind === 'malformed' ? issue.message : issue.message[lang];
}

export async function examples(source: File, list: File, file: File): Promise<void> {
  // One call: the whole validation report, and the rows that failed.
  const checked = await validate(file, schema, { encoding: 'cp932', rows: 'failed' });
  console.log(checked.summary.valid_rows, checked.summary.findings.invalid, checked.input.encoding);
  for (const issue of checked.findings) console.log(issue.kind, said(issue, 'ja'));
  const failed: CheckedRow[] = checked.rows ?? [];
  for (const row of failed) console.log(row.line, row.ok, row.values?.['顧客ID'], row.findings?.length);

  // A large file: the summary at once, rows a page at a time, then close.
  const handle = await openValidation(file, JSON.stringify(schema), { rows: true, onProgress: (p) => console.log(p.stage, p.fraction) });
  try {
    console.log(handle.overview.schema_name, handle.summary.rows, handle.overview.input.sheet ?? 'not a workbook');
    for await (const page of handle.rowPages({ pick: 'passed', size: 500 })) {
      for (const row of page) console.log(row.row, row.values);
    }
    const { total, items } = await handle.findings(0, 100);
    console.log(total, items.map((i) => i.kind));
  } finally {
    await handle.close();
  }

  // Reconcile with options; the report echoes what was used.
  const options: Options = {
    list: { encoding: 'cp932', sheet: '宛先', header_row: 4 },
    key: [{ source: 'customer_id', list: '顧客ID', normalize: ['nfkc', 'trim'] }],
    pairing: 'key',
    max_findings: 1000,
  };
  const report: Report = await reconcile(source, list, { ...options, onProgress: ({ stage }) => console.log(stage) });
  console.log(report.options.key.map((k) => k.source), report.mapping.pairing, report.summary.findings.crosswired);
  for (const f of report.findings) console.log(describe(f));
  const mismatches = report.findings.filter((f): f is Extract<Finding, { kind: 'mismatch' }> => f.kind === 'mismatch');
  console.log(mismatches.map((m) => m.list_value));

  // Findings in pages, filtered, each with the core's sentence; a row of either file.
  const run = await openReconciliation(source, list);
  try {
    const page = await run.findings(0, 50, { kinds: ['mismatch', 'crosswired'], search: 'example.jp' });
    for (const { index, finding, text } of page.items) console.log(index, describe(finding), text.en);
    const row = await run.row('list', 1);
    if (row) console.log(row.header.join(','), row.cells.join(','));
    if (run.overview.validation) console.log(run.overview.validation.summary.invalid_rows, run.summary.findings.missing);
    const csv: Uint8Array = await run.csv();
    console.log(csv.byteLength, await run.text('ja'));
  } finally {
    await run.close();
  }

  // Errors say what and where.
  const engine = createCrosscheck({ worker: false });
  try {
    await engine.reconcile('a,b\n1,2\n', 'a,b\n1,2\n', { pairing: 'consensus' });
  } catch (err) {
    if (err instanceof CrosscheckError) {
      console.log(err.kind, err.file, err.line, err.hint, err.detail.remedy === 'pair_by_key', err.detail.text);
    }
  } finally {
    engine.close();
  }

  // @ts-expect-error: not a finding kind.
  await run.findings(0, 10, { kinds: ['mismatched'] });
  // @ts-expect-error: options refuse unknown fields, and so do the types.
  await reconcile(source, list, { colums: [] });
}

// The custom element: its events are typed.
const element = document.querySelector('crosscheck-validate');
if (element) {
  element.schema = schema;
  element.addEventListener('crosscheck-result', (event) => {
    const { summary, findings, rows } = event.detail;
    console.log(summary.rows, findings.length, rows?.filter((r) => !r.ok).length);
  });
  element.addEventListener('crosscheck-error', (event) => console.log(event.detail.kind, event.detail.message));
  element.addEventListener('crosscheck-progress', (event) => console.log(event.detail.fraction));
  element.addEventListener('click', (event) => console.log(event.clientX));
}
export const made: CrosscheckValidate = document.createElement('crosscheck-validate');
