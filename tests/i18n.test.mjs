// The two catalogues of the page (www/i18n/ja.js, www/i18n/en.js) say the same things: the same
// keys, and per key the same {placeholders}, so that no text is missing or loses a value in
// either language. Run by `npm run test:js` (node --test), no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ja } from '../www/i18n/ja.js';
import { en } from '../www/i18n/en.js';

const placeholders = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

test('both catalogues have exactly the same keys', () => {
  const only = (a, b) => Object.keys(a).filter((k) => !Object.hasOwn(b, k)).sort();
  assert.deepEqual(only(ja, en), [], 'keys only in ja.js');
  assert.deepEqual(only(en, ja), [], 'keys only in en.js');
});

test('each key has the same {placeholders} in both catalogues', () => {
  const differ = Object.keys(en)
    .filter((k) => Object.hasOwn(ja, k))
    .filter((k) => placeholders(ja[k]).join() !== placeholders(en[k]).join())
    .map((k) => `${k}: ja {${placeholders(ja[k]).join(', ')}}, en {${placeholders(en[k]).join(', ')}}`);
  assert.deepEqual(differ, []);
});

test('every text is a non-empty string', () => {
  for (const [name, catalogue] of Object.entries({ ja, en })) {
    for (const [k, v] of Object.entries(catalogue)) assert.ok(typeof v === 'string' && v.trim() !== '', `${name}.js ${k}`);
  }
});
