// "How to open this page": the text for staff (how to open the one file, that nothing leaves the
// PC, how to check its .sha256, which browsers) in a dialog, in the page's language. The text is
// the catalogues' `howto.*` (i18n/ja.js, i18n/en.js), the same that `npm run release` writes
// beside the file as crosscheck-VERSION-README-ja.txt and -en.txt: one source, nothing fetched.

import { $ } from './dom.js';
import { t, onLangChange } from './i18n.js';

// The file name in the text is crosscheck-{version}.html: the core's version once it has said.
let version = 'VERSION';

function render() {
  $('howto-title').textContent = t('howto.title', { version });
  $('howto-text').textContent = t('howto.text', { version });
}

/** The version to name the file by (the core's, as the footer shows it). */
export function setHowtoVersion(v) {
  version = v;
  render();
}

export function wireHowto() {
  const dialog = $('howto');
  $('howto-open').addEventListener('click', () => {
    render();
    dialog.showModal();
  });
  $('howto-close').addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  onLangChange(render);
  render();
}
