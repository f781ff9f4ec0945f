// The npm package's calls in Node.js (the core in this thread), on the built lib/ (npm run
// build): what a partner's import code does, and what it gets when the input is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCrosscheck, CrosscheckError, validate, openValidation, reconcile, inspect, version } from '../../lib/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name) => readFileSync(join(root, 'tests', 'fixtures', name));
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'recipient-list.json'), 'utf8'));
const version_ = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

test('the version is the package version', async () => {
  assert.equal(await version(), version_);
});

test('validate: the report, with every row accounted for and progress heard', async () => {
  const stages = new Set();
  const report = await validate({ name: 'validate_list.csv', data: fixture('validate_list.csv') }, schema, {
    onProgress: ({ stage, fraction }) => {
      assert.ok(fraction >= 0 && fraction <= 1, `${stage} ${fraction}`);
      stages.add(stage);
    },
  });
  const s = report.summary;
  assert.equal(report.input.name, 'validate_list.csv');
  assert.equal(s.rows, 6);
  assert.equal(s.valid_rows + s.invalid_rows + s.malformed_rows, s.rows);
  assert.equal(report.findings.length, s.findings.invalid + s.findings.duplicate + s.findings.malformed);
  assert.ok(report.findings.some((f) => f.kind === 'invalid' && f.column === '郵便番号' && f.cell === 'F3'));
  assert.ok(stages.has('checking') && stages.has('done'), [...stages].join(' '));
});

test('a file as text, as bytes or as a Blob gives the same verdict; a schema as text too', async () => {
  const bytes = fixture('validate_list.csv');
  const forms = [bytes.toString('utf8'), new Uint8Array(bytes), bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    new File([bytes], 'validate_list.csv'), new Blob([bytes])];
  const verdicts = [];
  for (const f of forms) verdicts.push((await validate(f, JSON.stringify(schema))).summary);
  for (const v of verdicts) assert.deepEqual(v, verdicts[0]);
});

test('reconcile: the incident as the CLI reports it', async () => {
  const report = await reconcile({ name: 'vendor_source.csv', data: fixture('vendor_source.csv') },
    { name: 'vendor_list.csv', data: fixture('vendor_list.csv') });
  assert.equal(report.mapping.pairing, 'consensus');
  const shifted = report.findings.filter((f) => f.kind === 'shifted');
  assert.equal(shifted.length, 1);
  for (const side of ['source', 'list']) {
    const s = report.summary[side];
    assert.equal(s.rows, s.paired + s.unpaired + s.duplicate + s.malformed + s.skipped, side);
  }
});

test('a reconciliation handle: findings page by page, filtered, with their sentences; a row as read', async () => {
  const cc = createCrosscheck();
  const h = await cc.openReconciliation(new File([fixture('kind_source.csv')], 'kind_source.csv'),
    new File([fixture('kind_missing_list.csv')], 'kind_missing_list.csv'), { max_findings: 1000 });
  assert.equal(h.overview.findings.length, 0);
  assert.equal(h.summary.findings.missing, 1);
  const page = await h.findings(0, 10, { kinds: ['missing'] });
  assert.equal(page.total, 1);
  assert.equal(page.items[0].finding.kind, 'missing');
  assert.match(page.items[0].text.en, /not in kind_missing_list\.csv/);
  assert.ok(page.items[0].text.ja.length > 0);
  const row = await h.row('source', page.items[0].finding.source_row);
  assert.ok(row.cells.includes('C004'), JSON.stringify(row));
  assert.match(await h.text('ja'), /kind_source\.csv/);
  assert.deepEqual([...(await h.csv()).slice(0, 3)], [0xef, 0xbb, 0xbf], 'CSV for Excel: a BOM first');
  await h.close();
  await assert.rejects(h.report(), (e) => e instanceof CrosscheckError && /closed/.test(e.message));
  cc.close();
});

test('inspect a workbook: its sheets and header', async () => {
  const info = await inspect(new File([fixture('wb_list.xlsx')], 'wb_list.xlsx'));
  assert.ok(info.input.sheets.length >= 1);
  assert.ok(info.input.columns.length > 0);
  assert.equal(info.input.name, 'wb_list.xlsx');
});

test('bad input is a CrosscheckError naming the file and the place', async () => {
  await assert.rejects(
    validate({ name: 'list.csv', data: 'a,b\n"1,2\n3,4\n' }, { fields: [{ name: 'a' }, { name: 'b' }] }),
    (e) => e instanceof CrosscheckError && e.kind !== undefined && e.file === 'list.csv' && e.line === 2 && /never closed/.test(e.message),
  );
  await assert.rejects(validate('a\n1\n', '{"fields": ['), (e) => e instanceof CrosscheckError && e.kind === 'schema');
  await assert.rejects(validate(42, schema), (e) => e instanceof CrosscheckError && e.kind === 'options');
  await assert.rejects(reconcile('id\n1\n', 'id\n1\n', { pairing: 'vote' }), (e) => e instanceof CrosscheckError && e.kind === 'options');
});

test('the rows an import needs: passed ones cast, failed ones with their findings, in pages', async () => {
  const points = {
    fields: [
      { name: 'id', type: 'string', constraints: { required: true, unique: true } },
      { name: 'points', type: 'integer', groupChar: ',' },
      { name: 'on', type: 'date', format: 'any' },
      { name: 'member', type: 'boolean', trueValues: ['はい'], falseValues: ['いいえ'] },
    ],
  };
  const csv = 'id,points,on,member\nA1,"1,200",2024/4/1,はい\nA2,abc,2024-04-02,いいえ\nA3,7,令和6年4月3日,\nA1,5,2024-04-04,はい\n';
  const report = await validate({ name: 'points.csv', data: csv }, points, { rows: 'all' });
  assert.deepEqual(report.rows.map((r) => [r.row, r.ok]), [[1, false], [2, false], [3, true], [4, false]]);
  assert.deepEqual(report.rows[2].values, { id: 'A3', points: 7, on: '2024-04-03', member: null });
  // A failed row keeps its cells as text, with its findings (the duplicate names both rows).
  assert.deepEqual(report.rows[1].values, { id: 'A2', points: 'abc', on: '2024-04-02', member: 'いいえ' });
  assert.deepEqual(report.rows[1].findings.map((f) => [f.kind, f.column]), [['invalid', 'points']]);
  assert.ok(report.rows[0].findings.some((f) => f.kind === 'duplicate'));
  assert.equal(report.rows[2].findings, undefined);

  const h = await openValidation({ name: 'points.csv', data: csv }, points);
  assert.equal(await h.rowCount('passed'), 1);
  assert.equal(await h.rowCount('failed'), 3);
  const pages = [];
  for await (const page of h.rowPages({ pick: 'failed', size: 2 })) pages.push(page.map((r) => r.row));
  assert.deepEqual(pages, [[1, 2], [4]]);
  await assert.rejects(h.rows({ pick: 'some' }), (e) => e instanceof CrosscheckError && e.kind === 'options');
  await h.close();
});
