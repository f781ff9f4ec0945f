// The page's one way to make elements: h(tag, props, ...children), and $(id). Text always goes in
// as textContent and attributes as attributes: nothing here ever parses HTML (cells are personal
// data, and the CSP allows no inline code).

function make(doc, tag, props, children) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'class') el.className = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  // Strings become text nodes; null, undefined and false are left out (`cond && h(…)`).
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** An element in this page: `{text}` is its textContent, `{class}` its class, the rest attributes. */
export function h(tag, props, ...children) {
  return make(document, tag, props, children);
}

/** The same `h` for another document (the receipt is built in a document of its own). */
export function elementsIn(doc) {
  return (tag, props, ...children) => make(doc, tag, props, children);
}

export const $ = (id) => document.getElementById(id);
