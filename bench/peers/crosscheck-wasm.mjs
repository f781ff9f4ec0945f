// crosscheck compiled to WebAssembly, in Node: the same core the page runs, without the page.
import { readFileSync } from 'node:fs';
import { FileBytes, initSync, reconcile, warmUp } from '../../target/pkg/crosscheck.js';
import { readPair, report } from './common.mjs';

// As the page's worker does when it starts: compile, then warm the core up (see warmUp).
initSync({ module: readFileSync(new URL('../../target/pkg/crosscheck_bg.wasm', import.meta.url)) });
warmUp();
const hex = async (bytes) => Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
const start = performance.now();
const { source, list } = readPair(process.argv[2]);
const [sourceHash, listHash] = [await hex(source), await hex(list)];
// As the worker does with a File: the bytes go into WebAssembly memory in chunks.
const into = (bytes) => {
  const out = new FileBytes(bytes.length);
  for (let at = 0; at < bytes.length; at += 1 << 20) out.append(bytes.subarray(at, at + (1 << 20)));
  return out;
};
const run = reconcile('source.csv', into(source), process.argv[3] || 'list.csv', into(list), '', null, sourceHash, listHash);
const f = run.summary().summary.findings;
report(start, { missing: f.missing, unexpected: f.unexpected, duplicate: f.duplicate, differences: f.mismatch + f.crosswired });
