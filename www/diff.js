// Character-level difference between two cell values, for highlighting what differs.
// Works on code points (not UTF-16 units) so that 𠮷 or an emoji is never split in half.

import { h } from './dom.js';

// Beyond this many DP cells (≈ two 400-character values) the middle part is simply marked as
// changed: cells are short in practice, and a quadratic table must never stall the page.
const LCS_LIMIT = 160000;

/**
 * Split `a` and `b` into runs of {text, changed}. Common prefix and suffix are trimmed first
 * (the usual case is one changed character or a slid value), the rest is aligned by LCS.
 * @returns {{source: {text: string, changed: boolean}[], list: {text: string, changed: boolean}[]}}
 */
export function diffChars(a, b) {
  const A = Array.from(a ?? '');
  const B = Array.from(b ?? '');
  let pre = 0;
  while (pre < A.length && pre < B.length && A[pre] === B[pre]) pre++;
  let suf = 0;
  while (suf < A.length - pre && suf < B.length - pre && A[A.length - 1 - suf] === B[B.length - 1 - suf]) suf++;

  const changedA = new Uint8Array(A.length);
  const changedB = new Uint8Array(B.length);
  const midA = A.slice(pre, A.length - suf);
  const midB = B.slice(pre, B.length - suf);
  if (midA.length && midB.length && midA.length * midB.length <= LCS_LIMIT) {
    markByLcs(midA, midB, changedA, changedB, pre);
  } else {
    for (let i = pre; i < A.length - suf; i++) changedA[i] = 1;
    for (let i = pre; i < B.length - suf; i++) changedB[i] = 1;
  }
  return { source: runs(A, changedA), list: runs(B, changedB) };
}

// Classic LCS table; characters not on the common subsequence are marked changed.
function markByLcs(a, b, changedA, changedB, offset) {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] = a[i] === b[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
    }
  }
  // Edit script: 0 = common, 1 = only in a, 2 = only in b, 3 = changed in both.
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push(0);
      i++;
      j++;
    } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) {
      ops.push(1);
      i++;
    } else {
      ops.push(2);
      j++;
    }
  }
  while (i++ < n) ops.push(1);
  while (j++ < m) ops.push(2);

  // Between two unrelated values the LCS still finds scattered shared letters ("aoi" / "dai"
  // share an "a"); marking those as equal is noise. Common runs shorter than 3 characters
  // between changes are folded into the change (diff-match-patch's semantic cleanup, simplified).
  for (let k = 0; k < ops.length; ) {
    if (ops[k] !== 0) {
      k++;
      continue;
    }
    let e = k;
    while (e < ops.length && ops[e] === 0) e++;
    if (e - k < 3) ops.fill(3, k, e);
    k = e;
  }

  i = offset;
  j = offset;
  for (const op of ops) {
    if (op === 0) {
      i++;
      j++;
    } else {
      if (op !== 2) changedA[i++] = 1;
      if (op !== 1) changedB[j++] = 1;
    }
  }
}

function runs(chars, changed) {
  const out = [];
  for (let i = 0; i < chars.length; i++) {
    const c = changed[i] === 1;
    const last = out[out.length - 1];
    if (last && last.changed === c) last.text += chars[i];
    else out.push({ text: chars[i], changed: c });
  }
  return out;
}

/**
 * Append runs to `parent`: unchanged text as text nodes, changed text in <mark>.
 * Built with h() and text nodes only — cell values are personal data, never HTML.
 */
export function appendRuns(parent, runList) {
  // A string appended is a text node, never parsed.
  for (const r of runList) parent.append(r.changed ? h('mark', { text: r.text }) : r.text);
}

/** Fill two elements with `a` and `b`, their differing characters marked. */
export function renderDiff(elA, elB, a, b) {
  const d = diffChars(a, b);
  elA.replaceChildren();
  elB.replaceChildren();
  appendRuns(elA, d.source);
  appendRuns(elB, d.list);
}
