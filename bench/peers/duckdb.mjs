// @duckdb/duckdb-wasm (in Node, its blocking bindings): read_csv both files, FULL OUTER JOIN in SQL.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readPair, report, PAIRS } from './common.mjs';

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
const one = (sql) => Number(conn.query(sql).toArray()[0].toJSON().n);
conn.query("CREATE TABLE s AS SELECT * FROM read_csv('source.csv', header = true, all_varchar = true)");
conn.query("CREATE TABLE l AS SELECT * FROM read_csv('list.csv', header = true, all_varchar = true)");
const q = (name) => `"${name}"`;
const [sk, lk] = PAIRS[0].map(q);
const dupS = `(SELECT ${sk} AS k FROM s GROUP BY 1 HAVING count(*) > 1)`;
const dupL = `(SELECT ${lk} AS k FROM l GROUP BY 1 HAVING count(*) > 1)`;
const missing = one(`SELECT count(DISTINCT s.${sk}) AS n FROM s LEFT JOIN l ON s.${sk} = l.${lk} WHERE l.${lk} IS NULL`);
const unexpected = one(`SELECT count(DISTINCT l.${lk}) AS n FROM l LEFT JOIN s ON s.${sk} = l.${lk} WHERE s.${sk} IS NULL`);
const duplicate = one(`SELECT (SELECT count(*) FROM ${dupS}) + (SELECT count(*) FROM ${dupL}) AS n`);
const diff = PAIRS.map(([a, b]) => `CASE WHEN s.${q(a)} IS DISTINCT FROM l.${q(b)} THEN 1 ELSE 0 END`).join(' + ');
const differences = one(`SELECT coalesce(sum(${diff}), 0) AS n FROM s FULL OUTER JOIN l ON s.${sk} = l.${lk}
  WHERE s.${sk} IS NOT NULL AND l.${lk} IS NOT NULL
    AND s.${sk} NOT IN (SELECT k FROM ${dupS}) AND l.${lk} NOT IN (SELECT k FROM ${dupL})`);
report(start, { missing, unexpected, duplicate, differences });
