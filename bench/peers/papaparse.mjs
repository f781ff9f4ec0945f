// PapaParse (the most used CSV parser in JS) + a Map join.
import Papa from 'papaparse';
import { readPair, mapJoin, report } from './common.mjs';

const start = performance.now();
const { source, list } = readPair(process.argv[2]);
const parse = (buf) => Papa.parse(buf.toString('utf8'), { header: true, skipEmptyLines: true }).data;
report(start, mapJoin(parse(source), parse(list)));
