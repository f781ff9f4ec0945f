// Work on the engine one task at a time, and what is locked meanwhile: the controls drawn from
// state.pending / running / exporting, and the Run button (enabled, its hint, the run ahead).

import { state, ready } from './state.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { showError } from './error-box.js';

// Work that changes what the engine holds (read, inspect, plan, run) runs one task at a time, in
// the order it was asked for: a file chosen while another is being read waits its turn instead
// of being dropped, and a plan never mixes with a half-read file.
let chain = Promise.resolve();
export function enqueue(task) {
  state.pending++;
  renderLocks();
  chain = chain
    .then(task)
    .catch(showError)
    .finally(() => {
      state.pending--;
      renderLocks();
    });
  return chain;
}

// A disabled <fieldset> disables every control inside it, also the ones rendered later. Files
// can be chosen while others are read; everything waits while a run is under way.
export function renderLocks() {
  const working = state.pending > 0;
  $('files').disabled = state.running;
  $('sample').disabled = state.running;
  $('mapping').disabled = working;
  $('run-box').disabled = working;
  $('exports').disabled = working || state.exporting;
  document.body.classList.toggle('busy', working || state.exporting);
  renderRunButton();
}

export function renderRunButton() {
  const run = $('run');
  run.disabled = state.pending > 0 || !ready();
  const a = state.ahead;
  run.dataset.ahead = !a ? '' : a.settled ? 'done' : 'running';
  $('run-hint').textContent = ready() ? (state.edited ? t('mapping.edited') : t('run.ready')) : t('run.hint');
}
