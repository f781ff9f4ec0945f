// `npm run bench [-- --sizes 100k,1M --runs 3]`: crosscheck against the tools people would use
// instead, on the same generated recon-N pairs, every tool's counts checked against the
// generator's ground truth. Prints a Markdown table (also written to target/bench/results.md).
//
// Tools run one after another inside each round, rounds repeated --runs times, so machine noise
// falls on all of them alike; the table shows the median, min–max, peak memory and each tool's
// time as a ratio to crosscheck's native CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../tools/build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target', 'bench');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '100k,1M').split(',').map((s) => ({ label: s, rows: Number(s.replace(/k$/i, '000').replace(/M$/, '000000')) }));
const runs = Number(arg('runs', '3'));
// `--only crosscheck` (a comma-separated list of words): run just the tools whose names have one.
const only = arg('only', '').split(',').filter(Boolean).map((w) => w.toLowerCase());

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}

function must(cmd, args) {
  const r = sh(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** datacompy is optional: installed from PyPI here if it is missing, skipped if that fails. */
function pythonPeer() {
  const probe = () => sh('python3', ['-c', 'import datacompy, pandas']).status === 0;
  if (probe()) return true;
  sh('python3', ['-m', 'pip', 'install', '--quiet', 'datacompy'], { stdio: 'inherit' });
  return probe();
}

console.error('building crosscheck (CLI, WebAssembly, generator)…');
must('cargo', ['build', '--quiet', '--release', '-p', 'crosscheck-cli', '--bin', 'crosscheck']);
must('cargo', ['build', '--quiet', '--release', '-p', 'crosscheck-sample', '--example', 'gen']);
await build({ quiet: true });
const withPython = pythonPeer();

const native = (threads) => (dir) => {
  const report = join(dir, 'report.json');
  const t0 = process.hrtime.bigint();
  const r = sh('/usr/bin/time', ['-f', '%M', join(root, 'target/release/crosscheck'), 'reconcile',
    join(dir, 'source.csv'), join(dir, 'list.csv'), '--format', 'json', '-o', report, '--threads', String(threads)]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 1) throw new Error(`crosscheck CLI exited ${r.status}: ${r.stderr}`);
  const f = JSON.parse(readFileSync(report, 'utf8')).summary.findings;
  const peak = Number(r.stderr.trim().split('\n').pop()) * 1024;
  return { ms, peak_rss: peak, counts: { missing: f.missing, unexpected: f.unexpected, duplicate: f.duplicate, differences: f.mismatch + f.crosswired } };
};
const node = (script) => (dir) => {
  const r = sh('node', ['--max-old-space-size=16384', join(root, 'bench/peers', script), dir]);
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const python = (dir) => {
  const r = sh('python3', [join(root, 'bench/peers/datacompy_peer.py'), dir]);
  if (r.status !== 0) throw new Error(`datacompy: ${r.stderr.trim().split('\n').slice(-2).join(' ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};

const TOOLS = [
  { name: 'crosscheck, native CLI (2 threads)', run: native(2), base: true },
  // What the same code takes on one thread, as WebAssembly in the page has.
  { name: 'crosscheck, native CLI (1 thread)', run: native(1) },
  { name: 'crosscheck, WebAssembly in Node', run: node('crosscheck-wasm.mjs') },
  { name: 'crosscheck, page in Chromium (from choosing the files)', run: node('crosscheck-chromium.mjs') },
  { name: 'PapaParse + Map join', run: node('papaparse.mjs') },
  { name: 'uDSV + Map join', run: node('udsv.mjs') },
  { name: 'duckdb-wasm (read_csv + FULL OUTER JOIN)', run: node('duckdb.mjs') },
  { name: 'daff', run: node('daff.mjs'), maxRows: 100_000, keysNotComparable: true },
  { name: 'datacompy (pandas)', run: python, skip: withPython ? null : 'datacompy could not be installed from PyPI' },
  { name: 'floor: read both files, count newlines', run: node('floor.mjs'), floor: true },
];

const chosen = (tool) => tool.base || !only.length || only.some((w) => tool.name.toLowerCase().includes(w));

const lines = [];
const say = (s) => {
  lines.push(s);
  console.log(s);
};
const cpu = cpus()[0]?.model ?? 'unknown CPU';
say(`Benchmark ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${runs} runs.`);
say('');
say('| workload | tool | median s | min–max s | peak memory MB | peak / input | × crosscheck native | counts |');
say('|---|---|---|---|---|---|---|---|');

for (const size of sizes) {
  const dir = join(out, `peers-${size.label}`);
  if (!existsSync(join(dir, 'truth.json'))) {
    mkdirSync(dir, { recursive: true });
    must(join(root, 'target/release/examples/gen'), ['--rows', String(size.rows), '--seed', '1', '--no-variants', '--out-dir', dir]);
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  const want = { missing: truth.missing.length, unexpected: truth.unexpected.length, duplicate: truth.duplicate.length, differences: truth.mismatch.length + truth.crosswired.length };
  const input = statSync(join(dir, 'source.csv')).size + statSync(join(dir, 'list.csv')).size;
  const results = new Map(TOOLS.map((t) => [t.name, { times: [], peak: 0, counts: null, error: null }]));
  for (let r = 0; r < runs; r++) {
    for (const tool of TOOLS) {
      const res = results.get(tool.name);
      if (tool.skip || res.error || (tool.maxRows && size.rows > tool.maxRows) || !chosen(tool)) continue;
      try {
        console.error(`recon-${size.label} run ${r + 1}/${runs}: ${tool.name}…`);
        const got = tool.run(dir);
        res.times.push(got.ms / 1000);
        res.peak = Math.max(res.peak, got.peak_rss || 0);
        res.counts = got.counts;
        if (got.progress_gap_ms !== undefined) res.gap = Math.max(res.gap || 0, got.progress_gap_ms);
        if (got.run_ms !== undefined) (res.runTimes ||= []).push(got.run_ms / 1000);
        if (got.wasm_memory !== undefined) res.wasm = Math.max(res.wasm || 0, got.wasm_memory + (got.page_heap || 0));
      } catch (e) {
        res.error = e.message;
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(results.get(TOOLS[0].name).times);
  for (const tool of TOOLS) {
    const res = results.get(tool.name);
    if (!chosen(tool)) continue;
    const label = `recon-${size.label} (${Math.round(input / 1e6)} MB)`;
    if (tool.skip || (tool.maxRows && size.rows > tool.maxRows)) {
      say(`| ${label} | ${tool.name} | — | — | — | — | — | skipped: ${tool.skip || `only up to ${tool.maxRows / 1000}k rows (too slow beyond)`} |`);
      continue;
    }
    if (res.error || !res.times.length) {
      say(`| ${label} | ${tool.name} | — | — | — | — | — | failed: ${(res.error || 'no result').slice(0, 120)} |`);
      continue;
    }
    const m = median(res.times);
    let check = 'not checked (floor)';
    if (!tool.floor) {
      const c = res.counts;
      const keys = tool.keysNotComparable ? ['differences'] : ['missing', 'unexpected', 'duplicate', 'differences'];
      const ok = keys.every((k) => c[k] === want[k]);
      check = ok ? `✓ ${keys.map((k) => `${k} ${c[k]}`).join(', ')}` : `✗ got ${JSON.stringify(c)}, want ${JSON.stringify(want)}`;
      if (tool.keysNotComparable && ok) check += ' (daff counts rows under repeated keys as added/removed)';
    }
    if (res.runTimes) check += `; from the Run click alone (files read when chosen) ${median(res.runTimes).toFixed(2)} s`;
    if (res.gap !== undefined) check += `; longest wait for a progress update ${Math.round(res.gap)} ms`;
    if (res.wasm !== undefined) check += `; WebAssembly memory + page heap ${Math.round(res.wasm / 1e6)} MB = ${(res.wasm / input).toFixed(1)}× input`;
    const peakMb = res.peak ? Math.round(res.peak / 1e6) : '—';
    const ratio = res.peak ? `${(res.peak / input).toFixed(1)}×` : '—';
    say(`| ${label} | ${tool.name} | ${m.toFixed(2)} | ${Math.min(...res.times).toFixed(2)}–${Math.max(...res.times).toFixed(2)} | ${peakMb} | ${ratio} | ${(m / base).toFixed(2)} | ${check} |`);
  }
}
say('');
say('Peak memory is the process\'s peak resident set (for Chromium: all its processes, the idle browser included).');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.md'), `${lines.join('\n')}\n`);
