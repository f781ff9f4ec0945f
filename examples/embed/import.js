// The host's import flow: check the chosen file, show what is wrong, and import exactly the
// rows that passed, with their values cast as the schema says (ポイント as a number, 登録日
// as an ISO date).
import { openValidation } from 'crosscheck';
import 'crosscheck/element';

const $ = (id) => document.getElementById(id);
const schema = JSON.parse($('schema').textContent);
let checked = null;

function cells(tr, values, tag = 'td') {
  for (const v of values) tr.appendChild(document.createElement(tag)).textContent = v;
  return tr;
}

$('file').addEventListener('change', async () => {
  const file = $('file').files[0];
  if (!file) return;
  if (checked) await checked.close();
  checked = null;
  $('go').disabled = true;
  $('imported').textContent = '';
  $('rows').hidden = true;
  $('status').textContent = 'checking…';
  try {
    checked = await openValidation(file, schema, {
      onProgress: ({ stage, fraction }) => ($('status').textContent = `${stage} ${Math.round(fraction * 100)}%`),
    });
  } catch (err) {
    $('status').textContent = `${err.message}`;
    $('status').className = 'bad';
    return;
  }
  const s = checked.summary;
  $('status').className = s.valid_rows === s.rows ? '' : 'bad';
  $('status').textContent = `${s.rows} rows: ${s.valid_rows} passed, ${s.invalid_rows + s.malformed_rows} did not`;
  const { items } = await checked.findings(0, 100);
  const body = $('findings').tBodies[0];
  body.replaceChildren(
    ...items.map((f) =>
      cells(document.createElement('tr'), [
        f.rows ? f.rows.join(', ') : f.row,
        f.column ?? (f.columns || []).join(', '),
        typeof f.message === 'string' ? f.message : f.message.en,
      ]),
    ),
  );
  $('findings').hidden = items.length === 0;
  $('go').disabled = s.valid_rows === 0;
});

$('go').addEventListener('click', async () => {
  // A real host would send these to its server; here they are shown.
  const imported = [];
  try {
    for await (const page of checked.rowPages({ pick: 'passed', size: 500 })) imported.push(...page);
  } catch (err) {
    $('imported').textContent = err.message;
    return;
  }
  const names = schema.fields.map((f) => f.name);
  $('rows').tHead.replaceChildren(cells(document.createElement('tr'), ['row', ...names], 'th'));
  $('rows').tBodies[0].replaceChildren(
    ...imported.map((r) => cells(document.createElement('tr'), [r.row, ...names.map((n) => JSON.stringify(r.values[n]))])),
  );
  $('rows').hidden = false;
  $('imported').textContent = `imported ${imported.length} rows`;
});

$('element').addEventListener('crosscheck-result', (event) => {
  const { summary, rows } = event.detail;
  $('element-result').textContent = `crosscheck-result: ${summary.valid_rows} of ${summary.rows} rows passed; ${rows.length} rows handed over`;
});
