// 5. Export: the engine's findings CSV and JSON report of the run on show, and the sign-off
// receipt (receipt.js) built here from the report and its first findings. Each is a download.

import { state, engine } from './state.js';
import { $ } from './dom.js';
import { getLang } from './i18n.js';
import { download } from './download.js';
import { buildReceipt, receiptFilename } from './receipt.js';
import { renderLocks } from './locks.js';
import { showError, clearError } from './error-box.js';
import { findingContext, privacyOf } from './result.js';

// The receipt lists this many findings; the CSV and the JSON report hold them all.
const RECEIPT_FINDINGS = 200;

// One export at a time, the buttons locked meanwhile.
async function exporting(make) {
  if (!state.report) return;
  clearError();
  state.exporting = true;
  renderLocks();
  try {
    await make();
  } catch (err) {
    showError(err);
  } finally {
    state.exporting = false;
    renderLocks();
  }
}

const exportEngine = (format) => exporting(async () => {
  const out = await engine.export(format, getLang());
  download(out.bytes, out.filename, out.mime);
});

const exportReceipt = () => exporting(async () => {
  const page = await engine.findings({ start: 0, count: RECEIPT_FINDINGS, kinds: null, column: null, search: null });
  const now = new Date();
  const html = buildReceipt({
    report: state.report,
    items: page.items,
    mask: !state.receiptUnmask,
    privacyOf,
    ctx: findingContext(),
    now,
  });
  download(html, receiptFilename(now), 'text/html;charset=utf-8');
});

export function renderExports() {
  $('receipt-unmask').checked = state.receiptUnmask;
}

export function wireExports() {
  $('export-csv').addEventListener('click', () => exportEngine('csv'));
  $('export-json').addEventListener('click', () => exportEngine('json'));
  $('export-receipt').addEventListener('click', exportReceipt);
  $('receipt-unmask').addEventListener('change', (e) => {
    state.receiptUnmask = e.target.checked;
  });
}
