// `npm run bench [-- --sizes 100k,1M --runs 3 --only WORD,…]`: crosscheck against the tools
// people would use instead, on the same generated recon-N pairs, the list as CSV (recon-N) and as
// a workbook (recon-N-xlsx, the same rows), every tool's counts checked against the generator's
// ground truth. Prints a Markdown table and the targets (also written to target/bench/results.md).
// recon-N-keyless is the same pair with the list's customer-ID column left out (gen --keyless),
// each row paired by the columns that identify a person: crosscheck alone (native CLI and the
// page; the peers join on a shared key), with a line setting its times beside recon-N's.
//
// Tools run one after another inside each round, rounds repeated --runs times, so machine noise
// falls on all of them alike; the table shows the median, min–max, peak memory and each tool's
// time as a ratio to crosscheck's native CLI on the same workload.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, cargoTarget } from '../tools/build.mjs';
import { targets } from './targets.mjs';
import { sh, tools } from './tools.mjs';

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

// The builds' and the generator's output to stderr: stdout is the table.
function must(cmd, args) {
  const r = sh(root, cmd, args, { stdio: ['inherit', 2, 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

console.error('building crosscheck (CLI, WebAssembly, generator)…');
must('cargo', ['build', '--quiet', '--release', '-p', 'crosscheck-cli', '--bin', 'crosscheck']);
must('cargo', ['build', '--quiet', '--release', '-p', 'crosscheck-sample', '--example', 'gen']);
await build({ quiet: true });
const TOOLS = tools(root, cargoTarget);
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// What the targets read: per workload name, per tool, the medians and peaks shown in the table.
const measured = {};
// A workload directory, generated unless it holds `needs` already; the counts its truth.json wants.
const generated = (size, name, flags, needs) => {
  const dir = join(out, name);
  if (!needs.every((f) => existsSync(join(dir, f)))) {
    mkdirSync(dir, { recursive: true });
    must(join(cargoTarget, 'release/examples/gen'), ['--rows', String(size.rows), '--seed', '1', '--no-variants', ...flags, '--out-dir', dir]);
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  // Unexpected rows by row number (a keyless list has no keys to name them by); by key in a
  // truth.json written before there were row numbers.
  const unexpected = (truth.unexpected_rows ?? truth.unexpected).length;
  return { dir, want: { missing: truth.missing.length, unexpected, duplicate: truth.duplicate.length, differences: truth.mismatch.length + truth.crosswired.length } };
};
for (const size of sizes) {
  // --xlsx-shared: the workbook with a shared-strings table, as Excel writes it.
  const keyed = generated(size, `peers-${size.label}`, ['--xlsx-shared'], ['truth.json', 'list.xlsx']);
  const keyless = generated(size, `peers-${size.label}-keyless`, ['--keyless'], ['truth.json']);
  const workloads = [
    { kind: 'csv', list: 'list.csv', workload: `recon-${size.label}`, ...keyed },
    { kind: 'xlsx', list: 'list.xlsx', workload: `recon-${size.label}-xlsx`, ...keyed },
    { kind: 'keyless', list: 'list.csv', workload: `recon-${size.label}-keyless`, ...keyless },
  ];
  for (const { kind, list, workload, dir, want } of workloads) {
    const kindTools = TOOLS.filter((t) => t.lists.includes(kind) && chosen(t));
    const input = statSync(join(dir, 'source.csv')).size + statSync(join(dir, list)).size;
    const results = new Map(kindTools.map((t) => [t.name, { times: [], peak: 0, counts: null, error: null }]));
    for (let r = 0; r < runs; r++) {
      for (const tool of kindTools) {
        const res = results.get(tool.name);
        if (tool.skip || res.error || (tool.maxRows && size.rows > tool.maxRows)) continue;
        try {
          console.error(`${workload} run ${r + 1}/${runs}: ${tool.name}…`);
          const got = tool.run(dir, list);
          res.times.push(got.ms / 1000);
          res.peak = Math.max(res.peak, got.peak_rss || 0);
          res.counts = got.counts;
          if (got.progress_gap_ms !== undefined) res.gap = Math.max(res.gap || 0, got.progress_gap_ms);
          if (got.read_gap_ms !== undefined) res.readGap = Math.max(res.readGap || 0, got.read_gap_ms);
          if (got.run_ms !== undefined) (res.runTimes ||= []).push(got.run_ms / 1000);
          if (got.wasm_memory !== undefined) res.wasm = Math.max(res.wasm || 0, got.wasm_memory + (got.page_heap || 0));
        } catch (e) {
          res.error = e.message;
        }
      }
    }
    const base = median(results.get(kindTools[0].name).times);
    const label = `${workload} (${Math.round(input / 1e6)} MB)`;
    measured[workload] = { dir, size, input, tools: {} };
    for (const tool of kindTools) {
      const res = results.get(tool.name);
      if (tool.skip || (tool.maxRows && size.rows > tool.maxRows)) {
        say(`| ${label} | ${tool.name} | — | — | — | — | — | skipped: ${tool.skip || `only up to ${tool.maxRows / 1000}k rows (too slow beyond)`} |`);
        continue;
      }
      if (res.error || !res.times.length) {
        measured[workload].tools[tool.name] = { tool, error: res.error || 'no result' };
        say(`| ${label} | ${tool.name} | — | — | — | — | — | failed: ${(res.error || 'no result').slice(0, 120)} |`);
        continue;
      }
      const m = median(res.times);
      let check = 'not checked (floor)';
      let ok = true;
      if (!tool.floor) {
        const c = res.counts;
        const keys = tool.keysNotComparable ? ['differences'] : ['missing', 'unexpected', 'duplicate', 'differences'];
        ok = keys.every((k) => c[k] === want[k]);
        check = ok ? `✓ ${keys.map((k) => `${k} ${c[k]}`).join(', ')}` : `✗ got ${JSON.stringify(c)}, want ${JSON.stringify(want)}`;
        if (tool.keysNotComparable && ok) check += ' (daff counts rows under repeated keys as added/removed)';
      }
      if (res.runTimes) check += `; from the Run click alone (files read when chosen) ${median(res.runTimes).toFixed(2)} s`;
      if (res.gap !== undefined) check += `; longest wait for a progress update ${Math.round(res.gap)} ms`;
      if (res.readGap !== undefined) check += ` (while the chosen list is read: ${Math.round(res.readGap)} ms)`;
      if (res.wasm !== undefined) check += `; WebAssembly memory + page heap ${Math.round(res.wasm / 1e6)} MB = ${(res.wasm / input).toFixed(1)}× input`;
      measured[workload].tools[tool.name] = { tool, ok, median: m, peak: res.peak, gap: res.gap, readGap: res.readGap, wasm: res.wasm };
      const peakMb = res.peak ? Math.round(res.peak / 1e6) : '—';
      const ratio = res.peak ? `${(res.peak / input).toFixed(1)}×` : '—';
      // The base failed (a keyless list the core cannot pair yet): no ratio to give.
      const times = Number.isFinite(base) ? (m / base).toFixed(2) : '—';
      say(`| ${label} | ${tool.name} | ${m.toFixed(2)} | ${Math.min(...res.times).toFixed(2)}–${Math.max(...res.times).toFixed(2)} | ${peakMb} | ${ratio} | ${times} | ${check} |`);
    }
  }
}
say('');
say('Peak memory is the process\'s peak resident set (for Chromium: all its processes, the idle browser included).');
say('');
// Pairing without a key beside pairing by one: the same rows, crosscheck native and in the page.
const keylessLines = sizes.map((size) => {
  const pick = (workload, flag) => Object.values(measured[workload]?.tools ?? {}).find((t) => t.tool[flag]);
  const time = (t) => (t?.median !== undefined ? `${t.median.toFixed(2)} s${t.ok ? '' : ' (counts ✗)'}` : t?.error ? 'failed' : '—');
  const times = (t, k) => (t?.median !== undefined && k?.median !== undefined ? `${(t.median / k.median).toFixed(2)}×` : '—');
  const [native, page] = ['base', 'page'].map((flag) => pick(`recon-${size.label}-keyless`, flag));
  const [keyedNative, keyedPage] = ['base', 'page'].map((flag) => pick(`recon-${size.label}`, flag));
  return `keyless recon-${size.label}: ${time(native)} native, ${time(page)} page; keyed: ${time(keyedNative)}, ${time(keyedPage)} (keyless ÷ keyed: ${times(native, keyedNative)} native, ${times(page, keyedPage)} page)`;
});
for (const line of keylessLines) say(line);
say('');
for (const line of targets(measured, root)) say(line);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.md'), `${lines.join('\n')}\n`);
