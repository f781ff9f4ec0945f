// Settings files: the options saved as JSON, and a saved one read back.

import { t } from './i18n.js';
import { download } from './download.js';

export function saveOptions(options) {
  download(`${JSON.stringify(options, null, 2)}\n`, 'crosscheck-options.json', 'application/json');
}

/** Read a settings file; throws an Error whose message is the translated, one-line reason. */
export async function readOptionsFile(file) {
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

