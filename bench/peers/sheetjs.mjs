// SheetJS (the `xlsx` package, the most used workbook reader in JS) for the list, PapaParse for
// the source CSV, + the same Map join.
import Papa from 'papaparse';
import XLSX from 'xlsx';
import { readPair, mapJoin, report, sheetRows } from './common.mjs';

const start = performance.now();
const { source, list } = readPair(process.argv[2]);
const sourceRows = Papa.parse(source.toString('utf8'), { header: true, skipEmptyLines: true }).data;
report(start, mapJoin(sourceRows, sheetRows(XLSX, list)));
