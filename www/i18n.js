// The page's language: t() over the catalogues (i18n/ja.js, i18n/en.js), switching between them,
// and numbers and sizes as each language writes them. Static text in index.html carries
// data-i18n="key"; dynamic text is rendered through t() and re-rendered on a language switch.

import { ja } from './i18n/ja.js';
import { en } from './i18n/en.js';

const dictionary = { ja, en };

let current = 'en';
const listeners = new Set();

/** 'ja' when the browser prefers Japanese, 'en' otherwise. */
export function defaultLang() {
  const nav = typeof navigator !== 'undefined' ? navigator.language || '' : '';
  return nav.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function getLang() {
  return current;
}

/** Translate `key`, replacing {name} placeholders from `params`. Unknown keys show as themselves. */
export function t(key, params) {
  const text = dictionary[current][key] ?? dictionary.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Numbers as people read them in the current language (1,234). */
export function num(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n ?? '');
  return n.toLocaleString(current === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 6 });
}

/** A delimiter as shown: a tab in words, any other as itself. */
export function delimiterText(d) {
  return d === '\t' ? t('opt.tab') : d;
}

/** Byte sizes: 1.2 MB. */
export function bytesText(n) {
  if (n < 1024) return `${num(n)} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString(current === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 })} ${units[u]}`;
}

/** A progress bar's share (0 to 1) and its label ("Comparing values… 42%"), from {stage, fraction}. */
export function progressText(p) {
  const fraction = Math.max(0, Math.min(1, Number(p.fraction) || 0));
  const key = `stage.${p.stage}`;
  const stage = t(key) === key ? p.stage : t(key);
  return { fraction, label: p.stage === 'done' ? stage : t('stage.percent', { stage, percent: Math.round(fraction * 100) }) };
}

/** Update static text (data-i18n) under `root`, and the document's lang. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }
}

/** Switch language: static text is updated here, dynamic views by their listeners. */
export function setLang(lang) {
  current = lang === 'ja' ? 'ja' : 'en';
  applyI18n();
  for (const fn of listeners) fn(current);
}

export function onLangChange(fn) {
  listeners.add(fn);
}
