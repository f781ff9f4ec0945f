// The tools `npm run bench` times (bench/run.mjs), each run as its own process on one workload
// directory and list file, each giving { ms, counts, peak_rss, … }. `lists` says which lists a
// tool reads: the CSV workloads (list.csv), the workbook ones (list.xlsx) and the keyless ones
// (list.csv without its customer-ID column: only crosscheck pairs rows without a shared key).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sh(root, cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}

const tail = (text, n) => text.trim().split('\n').slice(-n).join(' ');
const lastJson = (text) => JSON.parse(text.trim().split('\n').pop());

/** datacompy (and openpyxl for workbooks) are optional: installed from PyPI if missing. */
function pythonPeers(root) {
  const probe = (mods) => sh(root, 'python3', ['-c', `import ${mods}`]).status === 0;
  if (!probe('datacompy, pandas, openpyxl')) {
    sh(root, 'python3', ['-m', 'pip', 'install', '--quiet', 'datacompy', 'openpyxl'], { stdio: 'inherit' });
  }
  return { csv: probe('datacompy, pandas'), xlsx: probe('datacompy, pandas, openpyxl') };
}

export function tools(root, cargoTarget) {
  const native = (threads) => (dir, list) => {
    const report = join(dir, 'report.json');
    const t0 = process.hrtime.bigint();
    const r = sh(root, '/usr/bin/time', ['-f', '%M', join(cargoTarget, 'release/crosscheck'), 'reconcile',
      join(dir, 'source.csv'), join(dir, list), '--format', 'json', '-o', report, '--threads', String(threads)]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 1) throw new Error(`crosscheck CLI exited ${r.status}: ${r.stderr}`);
    const f = JSON.parse(readFileSync(report, 'utf8')).summary.findings;
    const peak = Number(r.stderr.trim().split('\n').pop()) * 1024;
    return { ms, peak_rss: peak, counts: { missing: f.missing, unexpected: f.unexpected, duplicate: f.duplicate, differences: f.mismatch + f.crosswired } };
  };
  const node = (script, ...pre) => (dir, list) => {
    const r = sh(root, 'node', ['--max-old-space-size=16384', join(root, 'bench/peers', script), ...pre, dir, list]);
    if (r.status !== 0) throw new Error(`${script}: ${tail(r.stderr, 3)}`);
    return lastJson(r.stdout);
  };
  const python = (dir, list) => {
    const r = sh(root, 'python3', [join(root, 'bench/peers/datacompy_peer.py'), dir, list]);
    if (r.status !== 0) throw new Error(`datacompy: ${tail(r.stderr, 2)}`);
    return lastJson(r.stdout);
  };
  const py = pythonPeers(root);
  const both = ['csv', 'xlsx'];
  return [
    { name: 'crosscheck, native CLI (2 threads)', run: native(2), base: true, lists: [...both, 'keyless'] },
    // What the same code takes on one thread, as WebAssembly in the page has.
    { name: 'crosscheck, native CLI (1 thread)', run: native(1), lists: ['csv'] },
    { name: 'crosscheck, WebAssembly in Node', run: node('crosscheck-wasm.mjs'), lists: both },
    { name: 'crosscheck, page in Chromium (from choosing the files)', run: node('crosscheck-chromium.mjs'), page: true, lists: [...both, 'keyless'] },
    { name: 'PapaParse + Map join', run: node('papaparse.mjs'), lists: ['csv'] },
    { name: 'PapaParse + Map join, in Chromium', run: node('browser-peer.mjs', 'papaparse'), lists: ['csv'] },
    { name: 'uDSV + Map join', run: node('udsv.mjs'), lists: ['csv'] },
    { name: 'uDSV + Map join, in Chromium', run: node('browser-peer.mjs', 'udsv'), lists: ['csv'] },
    { name: 'SheetJS (XLSX.read) + Map join', run: node('sheetjs.mjs'), lists: ['xlsx'] },
    { name: 'SheetJS (XLSX.read) + Map join, in Chromium', run: node('browser-peer.mjs', 'sheetjs'), sheetjsBrowser: true, lists: ['xlsx'] },
    { name: 'duckdb-wasm (read_csv + FULL OUTER JOIN)', run: node('duckdb.mjs'), lists: ['csv'] },
    { name: 'duckdb-wasm (read_csv + FULL OUTER JOIN), in Chromium', run: node('browser-peer.mjs', 'duckdb'), lists: ['csv'] },
    { name: 'daff', run: node('daff.mjs'), maxRows: 100_000, keysNotComparable: true, lists: ['csv'] },
    { name: 'datacompy (pandas)', run: python, skip: py.csv ? null : 'datacompy could not be installed from PyPI', lists: ['csv'] },
    { name: 'datacompy (pandas.read_excel, openpyxl)', run: python, skip: py.xlsx ? null : 'datacompy or openpyxl could not be installed from PyPI', lists: ['xlsx'] },
    { name: 'floor: read both files, count newlines', run: node('floor.mjs'), floor: true, lists: ['csv'] },
  ];
}
