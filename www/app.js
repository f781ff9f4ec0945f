// The page's start: wires each part of the Reconcile tab (files → mapping → run → result →
// exports), the Validate tab, the language and the "how to open" dialog, then draws everything
// once. The parts share one store (state.js) and draw from it; see each module's header for what
// it holds.

import { engine } from './state.js';
import { $ } from './dom.js';
import { setLang, defaultLang, getLang, onLangChange } from './i18n.js';
import { SIDES, setVocabulary } from './vocabulary.js';
import { renderError, clearError, showError } from './error-box.js';
import { renderLocks } from './locks.js';
import { renderReadAs, renderSlot, wireFiles } from './files.js';
import { renderMapping, wirePairing } from './mapping.js';
import { wireSettings } from './settings.js';
import { renderProgress, wireRun } from './run.js';
import { renderResult, wireResult } from './result.js';
import { renderExports, wireExports } from './exports.js';
import { initValidateTab } from './validate-tab.js';
import { setHowtoVersion, wireHowto } from './howto.js';

// Everything drawn from the state again (a language switch redraws all of it).
function renderAll() {
  $('lang').value = getLang();
  renderReadAs();
  for (const side of SIDES) renderSlot(side);
  renderMapping();
  renderLocks();
  renderProgress();
  renderError();
  renderResult();
  renderExports();
}

function start() {
  onLangChange(renderAll);
  $('lang').addEventListener('change', (e) => setLang(e.target.value));
  $('error-close').addEventListener('click', clearError);
  wireFiles();
  wirePairing();
  wireSettings();
  wireRun();
  wireResult();
  wireExports();
  wireHowto();
  engine.version().then(
    (v) => {
      $('version').textContent = `crosscheck ${v}`;
      setHowtoVersion(v);
    },
    (err) => showError(err),
  );
  initValidateTab(engine);
  setLang(defaultLang()); // renders everything through onLangChange
  // The lists the page draws (kinds, steps, encodings, …) are the core's: drawn again once they
  // are here (the engine starts meanwhile; a file chosen before then is read all the same).
  engine.vocabulary().then(
    (v) => {
      setVocabulary(v);
      setLang(getLang()); // every part draws itself again, the Validate tab too
    },
    (err) => showError(err),
  );
}

start();
