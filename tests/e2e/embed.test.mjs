// The npm package as a partner gets it: `npm pack`, installed into a fresh project beside the
// example host page (examples/embed/), served under a strict Content-Security-Policy and driven
// in headless Chromium — checking a file, importing the rows that passed, and the custom
// element — with no request leaving the host's own origin.
// Run by `npm test` after `node tools/build.mjs` has built lib/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let browser;
let server;
let origin;
let host;

before(async () => {
  assert.ok(existsSync(join(root, 'lib', 'index.js')), 'lib/ is built (npm run build)');
  host = mkdtempSync(join(tmpdir(), 'crosscheck-host-'));
  // The scripts already ran: npm test built lib/ just before.
  execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', host], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(host).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a tarball');
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', `./${tarball}`], { cwd: host, stdio: 'pipe' });
  cpSync(join(root, 'examples', 'embed'), host, { recursive: true });
  // A host's strict policy: its own scripts and the import map (by hash), WebAssembly, a worker
  // from the package's own code (blob:); nothing may be fetched from anywhere else.
  const html = readFileSync(join(host, 'index.html'), 'utf8');
  const importmap = html.match(/<script type="importmap">([\s\S]*?)<\/script>/)[1];
  const hash = `'sha256-${createHash('sha256').update(importmap, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${hash}; style-src 'unsafe-inline'; worker-src blob:; connect-src 'self'`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
  const s = await serve(host, host, 0, csp);
  server = s.server;
  origin = new URL(s.url).origin;
});

after(async () => {
  await browser?.close();
  server?.close();
  if (host) rmSync(host, { recursive: true, force: true });
});

test('the installed package goes through a bundler (esbuild) and runs in Node.js', async () => {
  writeFileSync(join(host, 'bundled-entry.mjs'), [
    "import { validate, version } from 'crosscheck';",
    "const report = await validate('id,n\\n1,2\\nx,3\\n', { fields: [{ name: 'id', type: 'integer' }, { name: 'n', type: 'integer' }] }, { rows: 'passed' });",
    'console.log(JSON.stringify({ version: await version(), summary: report.summary, rows: report.rows }));',
  ].join('\n'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(host, 'bundled-entry.mjs')], bundle: true, platform: 'node', format: 'esm',
    outfile: join(host, 'bundled.mjs'), absWorkingDir: host, logLevel: 'error',
  });
  const out = JSON.parse(execFileSync(process.execPath, [join(host, 'bundled.mjs')], { encoding: 'utf8' }));
  assert.equal(out.version, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  assert.equal(out.summary.valid_rows, 1);
  assert.deepEqual(out.rows.map((r) => r.values), [{ id: 1, n: 2 }]);
});

const CSV = [
  '顧客ID,氏名,メールアドレス,ポイント,登録日',
  'C0000001,髙橋 一郎,ichiro@example.jp,"1,200",2024/4/1',
  'C0000002,山﨑 花子,hanako@example.jp,300,令和6年4月2日',
  'C0000003,鈴木 太郎,taro＠example.jp,0,2024-04-03',
  'C0000004,佐藤 次郎,jiro@example.jp,-5,2024-04-04',
  'X5,田中 三郎,saburo@example.jp,10,',
].join('\r\n');

test('the example import page: checks the file, lists what is wrong, imports the rows that passed, cast', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const seen = { requests: [], errors: [], console: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${origin}/`);

  await page.locator('#file').setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('#status').filter({ hasText: 'rows:' }).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#status').textContent(), '5 rows: 2 passed, 3 did not');
  const problems = await page.locator('#findings tbody tr').allTextContents();
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('3メールアドレス')), problems.join('\n'));

  await page.locator('#go').click();
  await page.locator('#imported').filter({ hasText: 'imported' }).waitFor();
  assert.equal(await page.locator('#imported').textContent(), 'imported 2 rows');
  const rows = await page.locator('#rows tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows, [
    ['1', '"C0000001"', '"髙橋 一郎"', '"ichiro@example.jp"', '1200', '"2024-04-01"'],
    ['2', '"C0000002"', '"山﨑 花子"', '"hanako@example.jp"', '300', '"2024-04-02"'],
  ]);

  // The element, in Japanese, hands over the rows that passed in its event.
  await page.locator('crosscheck-validate input[type=file]').setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('#element-result').filter({ hasText: 'crosscheck-result' }).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#element-result').textContent(), 'crosscheck-result: 2 of 5 rows passed; 2 rows handed over');
  assert.match(await page.locator('crosscheck-validate [part=status]').textContent(), /5 行のうち 2 行が通り、3 行に問題があります/);
  assert.equal(await page.locator('crosscheck-validate [part=findings] li').count(), 3);

  const outside = seen.requests.filter((u) => !(u.startsWith('blob:') || u.startsWith('data:') || new URL(u).origin === origin));
  assert.deepEqual(outside, [], 'requests that left the host');
  assert.deepEqual(seen.errors, [], 'page errors');
  assert.deepEqual(seen.console, [], 'console output');
  await context.close();
});
