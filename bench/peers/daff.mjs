// daff (table diffs, as in `daff diff`): the same join, done by its comparison with a key.
import daff from 'daff';
import Papa from 'papaparse';
import { readPair, report, PAIRS } from './common.mjs';

const start = performance.now();
const { source, list } = readPair(process.argv[2]);
const rows = (buf) => Papa.parse(buf.toString('utf8'), { skipEmptyLines: true }).data;
const s = rows(source);
const l = rows(list);
// daff compares columns by name: give the list the source's names, in its own order.
const rename = new Map(PAIRS.map(([a, b]) => [b, a]));
l[0] = l[0].map((h) => rename.get(h) ?? h);
const flags = new daff.CompareFlags();
flags.addPrimaryKey('customer_id');
const t1 = new daff.TableView(s);
const t2 = new daff.TableView(l);
const alignment = daff.compareTables(t1, t2, flags).align();
const out = new daff.TableView([]);
new daff.TableDiff(alignment, flags).hilite(out);
// Highlighter rows: '---' removed (missing), '+++' added (unexpected), '->' changed cells.
let missing = 0;
let unexpected = 0;
let differences = 0;
const data = out.data;
for (let r = 1; r < data.length; r++) {
  const tag = data[r][0];
  if (tag === '---') missing++;
  else if (tag === '+++') unexpected++;
  else if (tag === '->') for (const cell of data[r].slice(1)) if (typeof cell === 'string' && cell.includes('->')) differences++;
}
report(start, { missing, unexpected, duplicate: null, differences });
