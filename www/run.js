// 3. Run: reconciling the two files with the options, its progress bar, and the run started
// ahead with the proposed mapping (so that Run often shows a result at once).

import { state, engine, ready, clone, fileOf, planOptions } from './state.js';
import { $ } from './dom.js';
import { progressText } from './i18n.js';
import { enqueue, renderLocks, renderRunButton } from './locks.js';
import { showError, clearError } from './error-box.js';
import { resetResult, showResult } from './result.js';

export function renderProgress() {
  const p = state.progress;
  $('progress-box').hidden = !p;
  if (!p) return;
  const { fraction, label } = progressText(p);
  $('progress').value = fraction;
  $('progress-label').textContent = label;
  $('progress').dataset.stage = p.stage;
}

// The run starts as soon as the plan is there, with the mapping as proposed: most runs use it
// unchanged, and while the person reads the mapping the worker is idle, so Run then shows a
// result that is ready (at a million rows, about a second sooner). An edited mapping is run
// anew when Run is clicked; this one is let go. Only when no result is on show: the worker
// holds one run, and this would replace it.
export function runAhead() {
  if (state.report || !ready() || !state.plan) return;
  // One ahead of an earlier plan is replaced: the worker frees it when this one starts.
  const options = clone(state.options || planOptions());
  const ahead = { options: JSON.stringify(options), progress: null, onProgress: null, settled: false };
  ahead.result = engine.run(fileOf('source'), fileOf('list'), options, (p) => {
    ahead.progress = p;
    if (ahead.onProgress) ahead.onProgress(p);
  });
  // A failure is told only if Run asks for this run.
  ahead.result.catch(() => {}).finally(() => {
    ahead.settled = true;
    renderRunButton();
  });
  state.ahead = ahead;
  renderRunButton();
}

// The run ahead if it was started with exactly these options; any other is let go (the worker
// frees it).
function takeAhead(options) {
  const ahead = state.ahead;
  if (!ahead) return null;
  state.ahead = null;
  renderRunButton();
  if (ahead.options === JSON.stringify(options)) return ahead;
  engine.forget().catch(() => {});
  return null;
}

async function runTask() {
  clearError();
  const options = clone(state.options || planOptions());
  const ahead = takeAhead(options);
  // The engine replaces its findings: the old result (and any page still on its way) goes.
  resetResult();
  const onProgress = (p) => {
    state.progress = p;
    renderProgress();
  };
  // A run ahead that is done shows at once; one under way goes on showing its progress.
  if (!ahead?.settled) onProgress(ahead?.progress || { stage: 'starting', fraction: 0 });
  if (ahead) ahead.onProgress = onProgress;
  state.running = true;
  renderLocks();
  try {
    const { report, findingCount } = await (ahead ? ahead.result : engine.run(fileOf('source'), fileOf('list'), options, onProgress));
    state.report = report;
    state.findingCount = findingCount;
    state.stale = false;
    showResult();
  } catch (err) {
    showError(err);
  } finally {
    state.progress = null;
    renderProgress();
    state.running = false;
    renderLocks();
  }
}

export function wireRun() {
  $('run').addEventListener('click', () => {
    if (ready() && !state.pending) enqueue(runTask);
  });
}
