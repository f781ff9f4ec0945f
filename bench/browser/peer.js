// The peers in the browser, from chosen Files as a page would have them: window.peer names the
// peer; choosing the files starts it; window.result gets the counts and the time on the page's
// clock from the change event to the counts. Bundled by bench/peers/browser-peer.mjs.
import * as duckdb from '@duckdb/duckdb-wasm';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import * as XLSX from 'xlsx';
import { duckdbCounts } from '../peers/duckdb-sql.mjs';
import { mapJoin, sheetRows } from '../peers/join.mjs';

const papa = (text) => Papa.parse(text, { header: true, skipEmptyLines: true }).data;
const udsv = (text) => initParser(inferSchema(text)).stringObjs(text);

const PEERS = {
  papaparse: async (source, list) => mapJoin(papa(await source.text()), papa(await list.text())),
  udsv: async (source, list) => mapJoin(udsv(await source.text()), udsv(await list.text())),
  sheetjs: async (source, list) => mapJoin(papa(await source.text()), sheetRows(XLSX, await list.arrayBuffer())),
  // Its browser worker and module, served from this origin (/pkg/ is duckdb-wasm's dist/);
  // instantiated inside the timing, as the Node peer does.
  duckdb: async (source, list) => {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker('/pkg/duckdb-browser-eh.worker.js'));
    await db.instantiate('/pkg/duckdb-eh.wasm');
    await db.registerFileBuffer('source.csv', new Uint8Array(await source.arrayBuffer()));
    await db.registerFileBuffer('list.csv', new Uint8Array(await list.arrayBuffer()));
    const conn = await db.connect();
    return duckdbCounts(async (sql) => (await conn.query(sql)).toArray());
  },
};

document.getElementById('files').addEventListener('change', async (event) => {
  const chosen = performance.now();
  const files = [...event.target.files];
  const source = files.find((f) => f.name === 'source.csv');
  const list = files.find((f) => f !== source);
  try {
    const counts = await PEERS[window.peer](source, list);
    window.result = { ms: performance.now() - chosen, counts };
  } catch (e) {
    window.result = { error: String(e?.stack || e) };
  }
});
