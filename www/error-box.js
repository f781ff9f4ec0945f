// The Reconcile tab's error box (state.error), and errorText: how this tab words an error that
// errors.js reads, an out-of-memory one led by the page's own sentence saying what to do.

import { state } from './state.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { errorLine } from './errors.js';

export function errorText(err) {
  const line = inPageWords(err?.detail, errorLine(err));
  return err?.detail?.kind === 'memory' ? `${t('error.memory')} (${line})` : line;
}

// An error with a remedy ends with the core's plain hint: the page says it with its own
// controls instead (the command line's flags mean nothing here).
function inPageWords(detail, line) {
  if (!detail?.remedy || !detail.hint) return line;
  const tail = ` (${detail.hint})`;
  const head = line.endsWith(tail) ? line.slice(0, -tail.length) : line;
  return `${head} (${t(`remedy.${detail.remedy}`)})`;
}

export function showError(err) {
  state.error = err;
  renderError();
}

export function clearError() {
  state.error = null;
  renderError();
}

export function renderError() {
  const box = $('error');
  box.hidden = !state.error;
  $('error-text').textContent = state.error ? errorText(state.error) : '';
  box.dataset.kind = state.error?.detail?.kind || '';
}
