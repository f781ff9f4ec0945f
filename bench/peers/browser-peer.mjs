// `node browser-peer.mjs PEER DIR [LIST]`: a JS peer (papaparse, udsv, sheetjs, duckdb) in
// headless Chromium, on Files chosen in a page (bench/browser/) as the crosscheck page gets
// them. Prints the same JSON line as the other peers; peak memory is all Chromium's processes.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { CSP, serve } from '../../tools/serve.mjs';
import { launch, sampleRss } from './chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [peer, dir, list = 'list.csv'] = process.argv.slice(2);
const out = join(here, '..', '..', 'target', 'bench', 'browser');
const duckdbDist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

// Bundled from node_modules and served from 127.0.0.1 with duckdb-wasm's files as /pkg/: no network.
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(here, '..', 'browser', 'peer.js')], bundle: true, format: 'iife', minify: true,
  outfile: join(out, 'peer.js'), logLevel: 'error', platform: 'browser',
});
copyFileSync(join(here, '..', 'browser', 'index.html'), join(out, 'index.html'));
// The page's own policy, plus 'unsafe-eval': uDSV and SheetJS build functions from strings (a
// page using them must allow that; the crosscheck page does not).
const csp = CSP.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-eval'");
const { server, url } = await serve(out, duckdbDist, 0, csp);
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) errors.push(`request to ${r.url()}`); });
  await page.goto(url);
  await page.evaluate((name) => { window.peer = name; window.result = null; }, peer);
  const memory = sampleRss();
  await page.locator('#files').setInputFiles([join(dir, 'source.csv'), join(dir, list)]);
  await page.waitForFunction(() => window.result, null, { timeout: 1_800_000, polling: 50 });
  const { peak } = memory.stop();
  const result = await page.evaluate(() => window.result);
  if (result.error) throw new Error(process.env.TRACE ? result.error : result.error.split('\n')[0]);
  if (errors.length) throw new Error(errors[0]);
  process.stdout.write(`${JSON.stringify({ ms: result.ms, counts: result.counts, peak_rss: peak })}\n`);
} finally {
  await browser.close();
  server.close();
}
