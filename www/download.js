// Handing a file to the user: a Blob download through a temporary <a download>. Nothing is
// stored or sent; the object URL is let go once the browser has the file.

import { h } from './dom.js';

/** Save `data` (Uint8Array, string or Blob) as `filename` through a temporary <a download>. */
export function download(data, filename, mime) {
  const blob = data instanceof Blob ? data : new Blob([data], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke on a later task: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
