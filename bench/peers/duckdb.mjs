// @duckdb/duckdb-wasm (in Node, its blocking bindings): read_csv both files, FULL OUTER JOIN in SQL.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readPair, report } from './common.mjs';
import { duckdbCounts } from './duckdb-sql.mjs';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

const start = performance.now();
const bundles = {
  mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
  eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
};
const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
await db.instantiate();
const { source, list } = readPair(process.argv[2]);
db.registerFileBuffer('source.csv', new Uint8Array(source.buffer, source.byteOffset, source.length));
db.registerFileBuffer('list.csv', new Uint8Array(list.buffer, list.byteOffset, list.length));
const conn = db.connect();
report(start, await duckdbCounts(async (sql) => conn.query(sql).toArray()));
