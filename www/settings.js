// Settings files: the options the run would use saved as JSON, and a saved file loaded back —
// its ways of reading the files become the slots' choices, its pairing the pairing chosen, its
// mapping the next plan's.

import { state, planOptions } from './state.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { SIDES } from './vocabulary.js';
import { download } from './download.js';
import { enqueue } from './locks.js';
import { showError, clearError } from './error-box.js';
import { inspectSide, renderReadAs } from './files.js';
import { planIfReady, renderMapping } from './mapping.js';
import { markStale } from './result.js';

function saveOptions(options) {
  download(`${JSON.stringify(options, null, 2)}\n`, 'crosscheck-options.json', 'application/json');
}

/** Read a settings file; throws an Error whose message is the translated, one-line reason. */
async function readOptionsFile(file) {
  const text = await file.text();
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(t('settings.invalid', { name: file.name, message: e.message }));
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(t('settings.invalid', { name: file.name, message: t('settings.notObject') }));
  }
  return value;
}

async function applySettings(name, options) {
  state.loadedOptions = { name, options };
  // The file's encodings and delimiters become the slots' choices; a file read otherwise before
  // is read again.
  let reread = false;
  for (const side of SIDES) {
    for (const what of ['encoding', 'delimiter']) {
      const v = options[side]?.[what];
      if (typeof v === 'string' && v !== state.readAs[side][what]) {
        state.readAs[side][what] = v;
        reread = true;
      }
    }
  }
  renderReadAs();
  // So does its pairing (a file saved by the page names the one its run used; none: automatic).
  state.pairing = typeof options.pairing === 'string' ? options.pairing : 'auto';
  state.settingsNote = t('settings.pending', { name });
  markStale();
  if (reread) for (const side of SIDES) if (state.slots[side].file) await inspectSide(side);
  await planIfReady();
  renderMapping();
}

export function wireSettings() {
  $('save-settings').addEventListener('click', () => {
    saveOptions(state.options || planOptions());
    state.settingsNote = t('settings.saved');
    renderMapping();
  });
  const input = $('load-settings');
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    clearError();
    let options;
    try {
      options = await readOptionsFile(file);
    } catch (err) {
      showError(err);
      return;
    }
    enqueue(() => applySettings(file.name, options));
  });
}
