// The SQL the duckdb-wasm peers run, in Node (blocking bindings) and in the browser (its worker)
// alike: both CSVs read as text, then missing/unexpected/repeated keys and differing cells.
import { PAIRS } from './join.mjs';

/** `query(sql)` runs one statement and resolves to its rows (Arrow rows with toJSON()). */
export async function duckdbCounts(query) {
  const one = async (sql) => Number((await query(sql))[0].toJSON().n);
  await query("CREATE TABLE s AS SELECT * FROM read_csv('source.csv', header = true, all_varchar = true)");
  await query("CREATE TABLE l AS SELECT * FROM read_csv('list.csv', header = true, all_varchar = true)");
  const q = (name) => `"${name}"`;
  const [sk, lk] = PAIRS[0].map(q);
  const dupS = `(SELECT ${sk} AS k FROM s GROUP BY 1 HAVING count(*) > 1)`;
  const dupL = `(SELECT ${lk} AS k FROM l GROUP BY 1 HAVING count(*) > 1)`;
  const missing = await one(`SELECT count(DISTINCT s.${sk}) AS n FROM s LEFT JOIN l ON s.${sk} = l.${lk} WHERE l.${lk} IS NULL`);
  const unexpected = await one(`SELECT count(DISTINCT l.${lk}) AS n FROM l LEFT JOIN s ON s.${sk} = l.${lk} WHERE s.${sk} IS NULL`);
  const duplicate = await one(`SELECT (SELECT count(*) FROM ${dupS}) + (SELECT count(*) FROM ${dupL}) AS n`);
  const diff = PAIRS.map(([a, b]) => `CASE WHEN s.${q(a)} IS DISTINCT FROM l.${q(b)} THEN 1 ELSE 0 END`).join(' + ');
  const differences = await one(`SELECT coalesce(sum(${diff}), 0) AS n FROM s FULL OUTER JOIN l ON s.${sk} = l.${lk}
    WHERE s.${sk} IS NOT NULL AND l.${lk} IS NOT NULL
      AND s.${sk} NOT IN (SELECT k FROM ${dupS}) AND l.${lk} NOT IN (SELECT k FROM ${dupL})`);
  return { missing, unexpected, duplicate, differences };
}
