// The floor: read both files into memory and count their newlines — no parsing, no join.
import { readPair, report } from './common.mjs';

const start = performance.now();
const { source, list } = readPair(process.argv[2]);
let lines = 0;
for (const buf of [source, list]) for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
report(start, null, { lines });
