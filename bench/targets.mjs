// The targets of issue 16, read from the run's own figures (bench/run.mjs passes them in) and
// printed as a short block after the table: each met or missed, with the figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Uncompressed sizes of a zip's entries, by name, from its central directory (ZIP64 too). */
export function zipSizes(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  let count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  if (at === 0xffffffff && b.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(b.readBigUInt64LE(eocd - 12));
    count = Number(b.readBigUInt64LE(z + 32));
    at = Number(b.readBigUInt64LE(z + 48));
  }
  const sizes = {};
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: broken central directory');
    const [nameLen, extraLen, commentLen] = [b.readUInt16LE(at + 28), b.readUInt16LE(at + 30), b.readUInt16LE(at + 32)];
    const name = b.toString('utf8', at + 46, at + 46 + nameLen);
    let size = b.readUInt32LE(at + 24);
    // A size too large for 32 bits is in the ZIP64 extra field (id 1), the uncompressed size first.
    for (let e = at + 46 + nameLen; size === 0xffffffff && e < at + 46 + nameLen + extraLen; e += 4 + b.readUInt16LE(e + 2)) {
      if (b.readUInt16LE(e) === 1) size = Number(b.readBigUInt64LE(e + 4));
    }
    sizes[name] = size;
    at += 46 + nameLen + extraLen + commentLen;
  }
  return sizes;
}

/** The recon-1M native CLI median (2 threads) in docs/benchmarks.md's latest entry, or null. */
function documentedNative(root) {
  const doc = readFileSync(join(root, 'docs', 'benchmarks.md'), 'utf8');
  const latest = doc.split(/^## /m).find((s) => s.startsWith('Latest'));
  const row = latest?.split('\n').find((l) => l.startsWith('| recon-1M (') && l.includes('| crosscheck, native CLI (2 threads) |'));
  return row ? { date: latest.match(/^Latest: (\S+)/)?.[1], s: Number(row.split('|')[3]) } : null;
}

const verdict = (ok) => (ok ? 'met' : 'missed');
const mb = (bytes) => `${Math.round(bytes / 1e6)} MB`;

/** The targets' lines (Markdown) from `measured`: { workload: { dir, size, input, tools: { name: {tool, median, …} } } }. */
export function targets(measured, root) {
  const find = (workload, flag) => Object.values(measured[workload]?.tools ?? {}).find((t) => t.tool[flag] && t.median !== undefined);
  const xlsx = Object.keys(measured).filter((w) => w.endsWith('-xlsx'));
  const largest = xlsx.sort((a, b) => measured[b].size.rows - measured[a].size.rows)[0];
  const rows = [];
  const add = (target, figures, ok) => rows.push(`| ${target} | ${figures} | ${ok === null ? 'not measured' : verdict(ok)} |`);

  const page = largest && find(largest, 'page');
  const sheet = largest && find(largest, 'sheetjsBrowser');
  if (page && sheet) {
    const x = sheet.median / page.median;
    add(`(a) page ${largest} ≥ 3× faster than SheetJS + join in Chromium`, `page ${page.median.toFixed(2)} s, SheetJS ${sheet.median.toFixed(2)} s: ${x.toFixed(2)}×`, x >= 3);
  } else {
    const why = largest && measured[largest].tools['SheetJS (XLSX.read) + Map join, in Chromium']?.error;
    add('(a) page .xlsx ≥ 3× faster than SheetJS + join in Chromium', why ? `SheetJS in Chromium failed: ${why.slice(0, 80)}` : '—', null);
  }

  if (page?.wasm) {
    const sizes = zipSizes(readFileSync(join(measured[largest].dir, 'list.xlsx')));
    const xml = (sizes['xl/worksheets/sheet1.xml'] ?? 0) + (sizes['xl/sharedStrings.xml'] ?? 0);
    const native = find(largest, 'base');
    const beside = native ? `; native CLI's peak ${mb(native.peak)} = ${(native.peak / xml).toFixed(2)}×` : '';
    add(`(b) peak memory ≤ 4× the workbook's unzipped sheet XML (${largest})`, `page (WebAssembly memory + page heap) ${mb(page.wasm)} vs sheet1.xml + sharedStrings.xml ${mb(xml)}: ${(page.wasm / xml).toFixed(2)}×${beside}`, page.wasm <= 4 * xml);
  } else add('(b) peak memory ≤ 4× the workbook\'s unzipped sheet XML', '—', null);

  // The page reads a chosen workbook at once (its reading bar) and again in the run (the run's bar).
  const gaps = xlsx.map((w) => [w, find(w, 'page')]).filter(([, p]) => p?.gap !== undefined);
  if (gaps.length) {
    const worst = Math.max(...gaps.map(([, p]) => Math.max(p.gap, p.readGap ?? 0)));
    const each = gaps.map(([w, p]) => `${w}: reading the chosen list ${Math.round(p.readGap ?? NaN)} ms, the run ${Math.round(p.gap)} ms`);
    add('(c) longest wait between progress updates while a workbook is read ≤ ~250 ms', each.join('; '), worst <= 250);
  } else add('(c) longest wait between progress updates while a workbook is read ≤ ~250 ms', '—', null);

  const native = find('recon-1M', 'base');
  const doc = documentedNative(root);
  if (native && doc) {
    const off = native.median / doc.s - 1;
    // "No slower than today (±5 %)": faster is met; another day's machine can differ by more than
    // that, so docs/benchmarks.md also keeps a paired measurement against the older tree.
    add(`(d) CSV recon-1M native no more than 5 % slower than docs/benchmarks.md's latest entry (${doc.date})`, `${native.median.toFixed(2)} s vs ${doc.s.toFixed(2)} s: ${off >= 0 ? '+' : ''}${(off * 100).toFixed(1)} %`, off <= 0.05);
  } else add('(d) CSV recon-1M native no more than 5 % slower than docs/benchmarks.md\'s latest entry', native ? 'no recon-1M native row in the latest entry' : '—', null);

  return ['Targets (issue 16):', '', '| target | measured | |', '|---|---|---|', ...rows];
}
