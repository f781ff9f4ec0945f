// uDSV (a fast JS CSV parser) + the same Map join.
import { inferSchema, initParser } from 'udsv';
import { readPair, mapJoin, report } from './common.mjs';

const start = performance.now();
const { source, list } = readPair(process.argv[2]);
const parse = (buf) => {
  const text = buf.toString('utf8');
  return initParser(inferSchema(text)).stringObjs(text);
};
report(start, mapJoin(parse(source), parse(list)));
