// The package's TypeScript declarations against what it really returns. Every call of the built
// package (lib/index.js, in Node, no worker) is run over the repo's fixtures — each reconcile
// finding kind, each validation kind, inspections of CSV and workbooks, the vocabulary, progress,
// errors — and the results are written into a .ts file as literals checked with `satisfies`
// against js/report.d.ts: a field the declarations lack, one they require that is missing, or a
// kind they do not know fails `tsc --strict`, whose message this test fails with. example.ts (typed
// use of the calls and the custom element) is checked in the same run. A declared optional field
// that no result shows fails too (unless NOT_SHOWN says why), so none is declared on a guess.
//
// Needs `npm run build` (lib/ and target/pkg/); builds nothing and uses no network.
//
//   node --test tests/types/types.test.mjs       (KEEP_TYPES_RESULTS=1 keeps the .ts it wrote)

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const here = join(root, 'tests', 'types');
const fixtures = join(root, 'tests', 'fixtures');
const libIndex = join(root, 'lib', 'index.js');
const glue = join(root, 'target', 'pkg', 'crosscheck.js');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const fixture = (name) => ({ name, data: readFileSync(join(fixtures, name)) });
const schemaFile = (name) => readFileSync(join(root, 'schemas', name), 'utf8');

// Inputs no fixture file holds (as the core's own tests make them).
const ids = Array.from({ length: 20 }, (_, i) => `C${String(i + 1).padStart(4, '0')}`);
const person = (id, i) => `${id},名前${i + 1} 太郎,u${i + 1}@example.jp,${((i % 3) + 1) * 100}`;
const typedKey = {
  source: { name: 'near-source.csv', data: `customer_id,name,email,points\n${ids.map(person).join('\n')}\n` },
  list: { name: 'near-list.csv', data: `customer_id,name,email,points\n${ids.map((id, i) => person(i === 4 ? 'C00O5' : id, i)).join('\n')}\n` },
};
const threePeople = 'customer_id,name,email\nC1,山田 太郎,taro@x.jp\nC2,鈴木 花子,hanako@x.jp\nC3,佐藤 一郎,ichiro@x.jp\n';
const twoSlipped = {
  source: { name: 'amb-source.csv', data: threePeople },
  list: { name: 'amb-list.csv', data: '氏名,メール\n鈴木 花子,taro@x.jp\n山田 太郎,hanako@x.jp\n佐藤 一郎,ichiro@x.jp\n' },
};
const namesSlipped = {
  source: { name: 'cw-source.csv', data: 'customer_id,name,email,pts\nC1,山田 太郎,taro@x.jp,10\nC2,鈴木 花子,hanako@x.jp,20\nC3,佐藤 一郎,ichiro@x.jp,30\n' },
  list: { name: 'cw-list.csv', data: '氏名,メール,pts\n鈴木 花子,taro@x.jp,10\n山田 太郎,hanako@x.jp,20\n佐藤 一郎,ichiro@x.jp,30\n' },
};
// 120 customers; the list's お名前 and E-mail pasted one row off together over rows 30–49.
const customers = Array.from({ length: 120 }, (_, i) => [`C${String(i + 1).padStart(4, '0')}`, `顧客${i + 1} 花子`, `c${i + 1}@example.jp`, String((i % 7) * 100)]);
const slid = (column) => customers.map((p, i) => (i + 1 >= 30 && i + 1 <= 49 ? customers[i - 1][column] : p[column]));
const [slidNames, slidMails] = [slid(1), slid(2)];
const pastedTogether = {
  source: { name: 'paste-source.csv', data: ['顧客ID,氏名,メールアドレス,ポイント', ...customers.map((p) => p.join(','))].join('\n') + '\n' },
  list: { name: 'paste-list.csv', data: ['顧客ID,お名前,E-mail,付与ポイント', ...customers.map((p, i) => [p[0], slidNames[i], slidMails[i], p[3]].join(','))].join('\n') + '\n' },
};
// The mismatch fixture with its third row's key left empty.
const emptyKey = { name: 'empty-key.csv', data: readFileSync(join(fixtures, 'kind_mismatch_list.csv'), 'utf8').replace(/\nC003,/, '\n,') };
const tinySchema = {
  fields: [
    { name: 'customer_id', type: 'string', constraints: { required: true, unique: true, pattern: 'C[0-9]{3}' } },
    { name: 'name', type: 'string' },
    { name: 'email', type: 'string', format: 'email' },
  ],
  primaryKey: 'customer_id',
};

const wbSchema = {
  fields: [
    { name: '顧客ID', type: 'string', constraints: { required: true, unique: true, pattern: '[0-9]{5}' } },
    { name: 'ポイント', type: 'integer', constraints: { minimum: 0 } },
    { name: '登録日', type: 'date' },
    { name: '有効', type: 'boolean', trueValues: ['TRUE'], falseValues: ['FALSE'] },
    { name: '時刻', type: 'time' },
  ],
};
const formattedSchema = { fields: [{ name: '顧客ID', type: 'string' }, { name: 'ポイント', type: 'integer', constraints: { maximum: 2000 } }, { name: '付与日', type: 'date' }] };
// The recipient-list fixture with source-records.json's headers (the same columns, in English).
const sourceRecords = {
  name: 'source_records.csv',
  data: readFileSync(join(fixtures, 'validate_list.csv'), 'utf8').replace(
    /^[^\n]*/,
    'customer_id,name,kana,email,phone,postal_code,prefecture,points,gift_amount,registered_on',
  ),
};
const repeated = { name: 'repeated.csv', data: 'customer_id,name,email\nC001,山田,a@x.jp\nC002,鈴木,b@x.jp\nC001,佐藤,c@x.jp\n' };

/** Every result checked: a label for messages, the declared type it must satisfy, the value. */
const checks = [];
const check = (label, type, value) => checks.push({ label, type, value });
const reports = [];
const issuesSeen = [];
let vocabulary = null;
let built = null;

before(async () => {
  const missing = [libIndex, glue].filter((f) => !existsSync(f));
  if (missing.length) {
    built = `${missing.join(', ')} not built: run \`npm run build\` first`;
    return;
  }
  const { createCrosscheck, CrosscheckError } = await import(pathToFileURL(libIndex).href);
  const cc = createCrosscheck({ worker: false });
  try {
    await collect(cc, CrosscheckError);
    await collectPrepared();
  } finally {
    cc.close();
  }
});

/** `call()`, its failure named by `label`. */
async function as(label, call) {
  try {
    return await call();
  } catch (err) {
    throw new Error(`${label}: ${err && err.message}`, { cause: err });
  }
}

async function collect(cc, CrosscheckError) {
  vocabulary = await cc.vocabulary();
  check('vocabulary()', 'T.Vocabulary', vocabulary);
  assert.equal(typeof (await cc.version()), 'string');

  // Reconciliations: each kind's fixture pair, then the formatted, workbook and typed-key ones.
  const pairs = [
    ['kind_source.csv', 'kind_source.csv'],
    ...['missing', 'unexpected', 'duplicate', 'mismatch', 'crosswired', 'malformed'].map((k) => ['kind_source.csv', `kind_${k}_list.csv`]),
    ['incident_source.csv', 'incident_list.csv'],
    ['vendor_source.csv', 'vendor_list.csv'],
    ['trap_source.csv', 'trap_list.csv'],
    ['damage_source.csv', 'damage_list.csv'],
    ['formatted_source.csv', 'formatted_list.csv'],
    ['formatted_source.csv', 'wb_formatted.xlsx'],
    ['wb_source.xlsx', 'wb_list.xlsx'],
    ['wb_source.ods', 'wb_list.ods'],
    ['wb_source.xls', 'wb_list.xls'],
  ];
  const runs = [
    ...pairs.map(([s, l]) => [`${s} × ${l}`, fixture(s), fixture(l), {}]),
    ['a mistyped key (near_miss)', typedKey.source, typedKey.list, {}],
    ['two columns that disagree (ambiguous)', twoSlipped.source, twoSlipped.list, {}],
    ['names slipped, by consensus (crosswired)', namesSlipped.source, namesSlipped.list, {}],
    ['two columns pasted one row off together (shifted with)', pastedTogether.source, pastedTogether.list, {}],
    ['a list row with an empty key (malformed column)', fixture('kind_source.csv'), emptyKey, { key: [{ source: 'customer_id', list: '顧客ID' }] }],
    [
      'every option given',
      fixture('kind_source.csv'),
      fixture('kind_mismatch_list.csv'),
      {
        source: { encoding: 'utf-8', delimiter: ',' },
        list: { encoding: 'auto', delimiter: 'auto', header_row: 1 },
        key: [{ source: 'customer_id', list: '顧客ID', normalize: ['nfkc', 'trim'] }],
        pairing: 'key',
        columns: [
          { source: 'points', list: 'ポイント', normalize: ['integer'], tolerance: 0.5, identifying: false },
          { source: 'email', list: 'メールアドレス', identifying: true },
        ],
        map: [{ source: 'name', list: '氏名' }],
        max_findings: 0,
      },
    ],
    ['a sheet by its position', fixture('wb_source.xlsx'), fixture('wb_list.xlsx'), { list: { sheet: 2 }, max_findings: null }],
    ['with a schema', fixture('validate_list.csv'), fixture('validate_list.csv'), { schema: JSON.parse(schemaFile('recipient-list.json')) }],
  ];
  for (const [label, source, list, options] of runs) {
    // What the core accepted, the declarations must accept too.
    check(`reconcile(${label}): the options given`, 'T.Options', options);
    const progress = [];
    const report = await as(label, () => cc.reconcile(source, list, { ...options, onProgress: (p) => progress.push(p) }));
    reports.push(report);
    check(`reconcile(${label})`, 'T.Report', report);
    check(`reconcile(${label}): progress`, 'T.Progress[]', progress);
    if (report.validation) issuesSeen.push(...report.validation.findings);
  }

  // A reconciliation's handle: its summary, pages of findings (filtered too), rows, text and CSV.
  for (const [label, source, list, options] of [runs[4], runs[8], runs[runs.length - 1]]) {
    const h = await cc.openReconciliation(source, list, options);
    try {
      check(`openReconciliation(${label}).overview`, 'T.ReconcileSummary', h.overview);
      const page = await h.findings(0, 500);
      check(`openReconciliation(${label}).findings()`, 'T.FindingPage', page);
      for (const item of page.items) reports.push({ findings: [item.finding] });
      for (const filter of [{ kinds: [...new Set(page.items.map((i) => i.finding.kind))] }, { search: 'C00', column: 'email' }, {}]) {
        check(`openReconciliation(${label}): the filter given`, 'T.FindingFilter', filter);
        check(`openReconciliation(${label}).findings(${JSON.stringify(filter)})`, 'T.FindingPage', await h.findings(1, 5, filter));
      }
      check(`openReconciliation(${label}).row(source, 1)`, 'T.SourceRow | null', await h.row('source', 1));
      check(`openReconciliation(${label}).row(list, 1)`, 'T.SourceRow | null', await h.row('list', 1));
      assert.equal(await h.row('list', 100000), null);
      check(`openReconciliation(${label}).report()`, 'T.Report', await h.report());
      assert.equal(typeof (await h.text('ja')), 'string');
      assert.ok((await h.csv()) instanceof Uint8Array);
    } finally {
      assert.equal(await h.close(), true);
    }
  }

  // Validations: the recipient list in three encodings, and files that break other schemas.
  const validations = [
    ['validate_list.csv', schemaFile('recipient-list.json'), 'recipient-list.json', {}],
    ['validate_list_cp932.csv', schemaFile('recipient-list.json'), 'recipient-list.json', { encoding: 'cp932' }],
    ['validate_list_utf16le.txt', schemaFile('recipient-list.json'), 'recipient-list.json', {}],
    [sourceRecords, schemaFile('source-records.json'), 'source-records.json', {}],
    ['kind_source.csv', tinySchema, 'tiny.json', {}],
    ['edge_malformed.csv', tinySchema, 'tiny.json', {}],
    [repeated, tinySchema, undefined, {}],
    ['wb_list.xlsx', wbSchema, 'wb.json', { sheet: '宛先' }],
    ['wb_formatted.xlsx', formattedSchema, 'formatted.json', { header_row: 4 }],
    ['formatted_list.csv', { fields: formattedSchema.fields.slice(0, 2) }, 'formatted.json', {}],
  ];
  for (const [input, schema, schemaName, fileOptions] of validations) {
    const file = typeof input === 'string' ? fixture(input) : input;
    const label = `${file.name} against ${schemaName ?? 'an object'}`;
    const progress = [];
    const options = { ...fileOptions, ...(schemaName ? { schemaName } : {}), onProgress: (p) => progress.push(p) };
    check(`validate(${label}): the schema given`, 'T.TableSchema', typeof schema === 'string' ? JSON.parse(schema) : schema);
    check(`validate(${label}): the file options given`, 'T.FileOptions', fileOptions);
    const report = await as(label, () => cc.validate(file, schema, options));
    check(`validate(${label})`, 'T.ValidationReport', report);
    check(`validate(${label}): progress`, 'T.Progress[]', progress);
    issuesSeen.push(...report.findings);
    const h = await cc.openValidation(file, schema, options);
    try {
      check(`openValidation(${label}).overview`, 'T.ValidationHead', h.overview);
      check(`openValidation(${label}).findings()`, '{ total: number; items: T.Issue[] }', await h.findings(0, 100));
      check(`openValidation(${label}).report()`, 'T.ValidationReport', await h.report());
      assert.equal(typeof (await h.text('en')), 'string');
      assert.ok((await h.csv()) instanceof Uint8Array);
      for (const pick of ['all', 'passed', 'failed']) check(`openValidation(${label}).rows(${pick})`, 'T.CheckedRow[]', await h.rows({ pick }));
    } finally {
      await h.close();
    }
  }
  const withRows = await cc.validate(fixture('validate_list.csv'), schemaFile('recipient-list.json'), { rows: 'failed' });
  check('validate(…, {rows: failed})', 'T.ValidationReport & { rows?: T.CheckedRow[] }', withRows);

  // Inspections of text files and workbooks.
  for (const [file, options] of [
    ['kind_source.csv', {}],
    ['damage_list.csv', {}],
    ['formatted_list.csv', {}],
    ['edge_malformed.csv', {}],
    ['edge_repeated_header.csv', {}],
    ['edge_semicolon.csv', { delimiter: ';' }],
    ['enc_cp932.csv', {}],
    ['enc_utf16le.txt', {}],
    ['wb_list.xlsx', {}],
    ['wb_list.xls', { sheet: 2 }],
    ['wb_formatted.xlsx', { header_row: 4 }],
    ['wb_1904.xlsx', {}],
    ['wb_empty_then_data.ods', {}],
  ]) {
    check(`inspect(${file}): the file options given`, 'T.FileOptions', options);
    check(`inspect(${file})`, 'T.Inspection', await as(file, () => cc.inspect(fixture(file), options)));
  }

  // Errors: each refused request's detail.
  const refused = [
    ['an unknown option', () => cc.reconcile(fixture('kind_source.csv'), fixture('kind_source.csv'), { colums: [] })],
    ['bytes not in the encoding asked for', () => cc.inspect(fixture('enc_cp932_bad.csv'), { encoding: 'utf-8' })],
    ['an unknown encoding', () => cc.inspect(fixture('kind_source.csv'), { encoding: 'latin-9' })],
    ['a schema that is not JSON', () => cc.validate(fixture('validate_list.csv'), '{"fields": [', { schemaName: 'bad.json' })],
    ['a schema field that is not a column', () => cc.validate(fixture('kind_source.csv'), { fields: [{ name: 'kana' }] })],
    ['a schema with an unknown type', () => cc.validate(fixture('validate_list.csv'), { fields: [{ name: '顧客ID', type: 'integr' }] })],
    ['no column to pair by consensus', () => cc.reconcile('a,b\n1,2\n', 'a,b\n1,2\n', { pairing: 'consensus' })],
    ['not a workbook', () => cc.inspect(fixture('wb_not_a_workbook.xlsx'))],
    ['no such sheet', () => cc.inspect(fixture('wb_list.xlsx'), { sheet: 'nope' })],
    ['a bad filter', async () => {
      const h = await cc.openReconciliation(fixture('kind_source.csv'), fixture('kind_source.csv'));
      try {
        return await h.findings(0, 1, { kinds: 'mismatch' });
      } finally {
        await h.close();
      }
    }],
  ];
  for (const [label, call] of refused) {
    const err = await call().then(
      () => assert.fail(`${label}: expected a CrosscheckError`),
      (e) => e,
    );
    assert.ok(err instanceof CrosscheckError, `${label}: ${err && err.stack}`);
    check(`error: ${label}`, 'T.ErrorDetail', err.detail);
  }
}

/** The plan a run would use (the bindings' `prepare`, which the page calls), from the same build's glue. */
async function collectPrepared() {
  const core = await import(pathToFileURL(glue).href);
  await core.default({ module_or_path: readFileSync(join(dirname(glue), 'crosscheck_bg.wasm')) });
  const bytes = (data) => {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    const b = new core.FileBytes(buf.length);
    b.append(buf);
    return [b, createHash('sha256').update(buf).digest('hex')];
  };
  for (const [label, source, list, options] of [
    ['kind_mismatch', fixture('kind_source.csv'), fixture('kind_mismatch_list.csv'), {}],
    ['vendor (consensus)', fixture('vendor_source.csv'), fixture('vendor_list.csv'), {}],
    ['typed key', typedKey.source, typedKey.list, { key: [{ source: 'customer_id' }] }],
    ['workbooks', fixture('wb_source.xlsx'), fixture('wb_list.xlsx'), {}],
  ]) {
    const [s, sh] = bytes(source.data);
    const [l, lh] = bytes(list.data);
    check(`prepare(${label})`, 'T.Prepared', core.prepare(source.name, s, list.name, l, JSON.stringify(options), sh, lh));
  }
}

/** The results as TypeScript: one `satisfies` per result, and the lines each one spans. */
function program() {
  const lines = [`import type * as T from ${JSON.stringify(join(root, 'js', 'report.js'))};`, ''];
  const spans = [];
  checks.forEach(({ label, type, value }, i) => {
    lines.push(`// ${label.replace(/\n/g, ' ')}`);
    const start = lines.length + 1;
    lines.push(...`export const r${i} = ${JSON.stringify(value, null, 2)} satisfies ${type};`.split('\n'));
    spans.push({ label, start, end: lines.length });
  });
  // Canaries: a finding with a field too many, one with an unknown kind, one lacking a field.
  // Were they accepted, the `@ts-expect-error` would itself be the error.
  const finding = reports.flatMap((r) => r.findings).find((f) => f.kind === 'mismatch');
  const { list_row: _dropped, ...lacking } = finding;
  lines.push('', '// canaries: each must be refused');
  for (const bad of [{ ...finding, bogus: 1 }, { ...finding, kind: 'mismatched' }, lacking]) {
    lines.push('// @ts-expect-error', `export const canary${lines.length} = ${JSON.stringify(bad)} satisfies T.Finding;`);
  }
  return { text: lines.join('\n') + '\n', spans };
}

/**
 * The declared optional fields no result here shows, and why: each must be left out of every
 * result above for a reason its owner's code gives, or a fixture that shows it belongs above.
 */
const NOT_SHOWN = {
  'UsedOptions.map': 'a run echoes its pinned pairs in `columns` and always leaves `map` out',
  'ErrorDetail.row': 'the Rust Error has it, but no error of the core names a row yet (Error::at_row has no caller)',
};

/** Declared optional fields (`Owner.field`) of the result types, and those some result shows. */
function optionalFieldsShown() {
  const file = join(dir, 'coverage.ts');
  const report = join(root, 'js', 'report.d.ts');
  const lines = [`import type * as T from ${JSON.stringify(join(root, 'js', 'report.js'))};`];
  checks.forEach(({ type }, i) => lines.push(`export type C${i} = ${type};`));
  writeFileSync(file, lines.join('\n') + '\n');
  const program = ts.createProgram([file], { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext });
  const checker = program.getTypeChecker();
  const aliases = program.getSourceFile(file).statements.filter(ts.isTypeAliasDeclaration);
  const declared = new Set();
  const shown = new Set();
  // Caller-side types reached through an echo (the schema as given) are the caller's, not the core's.
  const callers = /^(TableSchema|Options|FileOptions|ColumnSpec)/;
  const owner = (decl) => {
    const names = [];
    for (let n = decl.parent; n; n = n.parent) {
      if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name) names.unshift(n.name.text);
      else if (ts.isPropertySignature(n) && n.name) names.unshift(n.name.getText());
    }
    return names.join('.');
  };
  const isNullish = (t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0;
  const walk = (value, type) => {
    if (value === null || value === undefined || typeof value !== 'object') return;
    if (type.isUnion()) {
      const members = type.types.filter((t) => !isNullish(t));
      const arrays = members.filter((t) => checker.isArrayType(t) || checker.isTupleType(t));
      if (Array.isArray(value)) return arrays.length && walk(value, arrays[0]);
      const objects = members.filter((t) => !arrays.includes(t) && (t.flags & ts.TypeFlags.Object || t.isIntersection()));
      const kindOf = (t) => {
        const k = t.getProperty('kind');
        const kt = k && checker.getTypeOfSymbol(k);
        return kt && kt.isStringLiteral() ? kt.value : undefined;
      };
      const member = objects.length === 1 ? objects[0] : objects.find((t) => kindOf(t) === value.kind);
      return member && walk(value, member);
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const args = checker.getTypeArguments(type);
      value.forEach((v, i) => walk(v, checker.isTupleType(type) ? (args[i] ?? args[args.length - 1]) : args[0]));
      return;
    }
    const props = checker.getPropertiesOfType(type);
    for (const prop of props) {
      const decl = prop.declarations?.[0];
      const where = decl && owner(decl);
      if (decl && decl.getSourceFile().fileName === report && prop.flags & ts.SymbolFlags.Optional && !callers.test(where)) {
        const key = `${where}.${prop.name}`;
        declared.add(key);
        if (Object.hasOwn(value, prop.name)) shown.add(key);
      }
      if (Object.hasOwn(value, prop.name)) walk(value[prop.name], checker.getTypeOfSymbol(prop));
    }
    const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    if (index) for (const [k, v] of Object.entries(value)) if (!props.some((p) => p.name === k)) walk(v, index);
  };
  checks.forEach(({ value }, i) => walk(value, checker.getTypeFromTypeNode(aliases[i].type)));
  return { declared, shown };
}

let dir = null;
let keep = false;
after(() => dir && !keep && !process.env.KEEP_TYPES_RESULTS && rmSync(dir, { recursive: true, force: true }));

test('the results cover every finding kind and every validation kind the vocabulary lists', () => {
  assert.equal(built, null, built);
  const sorted = (xs) => [...new Set(xs)].sort();
  const kinds = sorted(reports.flatMap((r) => r.findings.map((f) => f.kind)));
  assert.deepEqual(kinds, sorted(vocabulary.finding_kinds), 'a finding kind without a fixture here has no checked declaration');
  assert.deepEqual(sorted(issuesSeen.map((i) => i.kind)), sorted(vocabulary.validation_kinds));
});

test('js/report.d.ts accepts every real result, exactly, and example.ts type-checks (tsc --strict)', { timeout: 60_000 }, () => {
  assert.equal(built, null, built);
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-types-'));
  const { text, spans } = program();
  const results = join(dir, 'results.ts');
  writeFileSync(results, text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(here, 'tsconfig.json'), files: [results, join(here, 'example.ts')] }, null, 2),
  );
  const r = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status === 0) return;
  keep = true;
  // Each error of results.ts named by the result it is in, with the offending line.
  const source = text.split('\n');
  const errors = (r.stdout + r.stderr).trim().split('\n');
  const explained = errors
    .slice(0, 40)
    .map((line) => {
      const m = line.match(/results\.ts\((\d+),\d+\)/);
      if (!m) return line;
      const n = Number(m[1]);
      const span = spans.find((s) => n >= s.start && n <= s.end);
      return `${line}\n    in ${span ? span.label : 'the canaries'}: ${source[n - 1].trim().slice(0, 200)}`;
    });
  const more = errors.length > 40 ? `\n… and ${errors.length - 40} more lines` : '';
  assert.fail(`tsc rejected the declarations (results.ts kept in ${dir}):\n${explained.join('\n')}${more}`);
});

test('every optional field declared for a result is shown by some result (or listed in NOT_SHOWN with its reason)', () => {
  assert.equal(built, null, built);
  dir ??= mkdtempSync(join(tmpdir(), 'crosscheck-types-'));
  const { declared, shown } = optionalFieldsShown();
  assert.ok(declared.size > 20 && shown.size > 20, `the walk found too little: ${[...declared]}`);
  const unshown = [...declared].filter((k) => !shown.has(k) && !(k in NOT_SHOWN));
  assert.deepEqual(unshown, [], 'declared optional, and no result has them: a fixture that shows them, or a reason in NOT_SHOWN (or the declaration is wrong)');
  const stale = Object.keys(NOT_SHOWN).filter((k) => shown.has(k) || !declared.has(k));
  assert.deepEqual(stale, [], 'listed in NOT_SHOWN, but shown by a result now (or no longer declared)');
});

test('lib/ ships the declarations in js/ as they are', () => {
  assert.equal(built, null, built);
  for (const file of ['index.d.ts', 'element.d.ts', 'report.d.ts']) {
    const same = readFileSync(join(root, 'lib', file), 'utf8') === readFileSync(join(root, 'js', file), 'utf8');
    assert.ok(same, `lib/${file} is not js/${file}: run \`npm run build\``);
  }
});
