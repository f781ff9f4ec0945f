// What every JS peer in Node shares: the files, the join (join.mjs, shared with the browser
// peers), and the one line of JSON each peer prints for bench/run.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export { PAIRS, mapJoin, sheetRows } from './join.mjs';

/** `node peer.mjs DIR [LIST]`: the source and the list (list.csv unless named) as bytes. */
export function readPair(dir, list = process.argv[3] || 'list.csv') {
  return { source: readFileSync(join(dir, 'source.csv')), list: readFileSync(join(dir, list)) };
}

/** Print the result: elapsed ms since `start`, the counts, and the process's peak memory. */
export function report(start, counts, extra = {}) {
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ ms, counts, peak_rss: process.resourceUsage().maxRSS * 1024, ...extra })}\n`);
}
