// The Reconcile tab's one store: what the page knows (files, plan, run, result, what is shown).
// Handlers change it, render functions draw from it; the DOM holds nothing of its own. Personal
// data lives only here and in the worker: nothing is stored, nothing is sent.

import { createEngine } from './engine.js';

export function emptySlot() {
  return { file: null, info: null, error: null, loading: false, read: 0 };
}

export const state = {
  pending: 0, // queued engine tasks (read, inspect, plan, run) not yet finished
  running: false,
  exporting: false,
  slots: { source: emptySlot(), list: emptySlot() },
  // How each file is to be read, as chosen in its slot or by loaded settings ('auto': detected).
  readAs: { source: { encoding: 'auto', delimiter: 'auto' }, list: { encoding: 'auto', delimiter: 'auto' } },
  loadedOptions: null, // {name, options} from "load settings", applied at the next plan
  plan: null, // engine.plan result
  options: null, // the options the run uses: the plan's, edited by the user
  edited: false,
  userPaired: new Set(), // source columns whose pairing the user chose
  keyChosen: false, // the key in state.options is the user's (else the engine's, weighed again)
  // How rows are to be paired, as chosen beside the key ('auto': the engine decides — by the key
  // when it is an ID or a code, else by consensus). Kept across files, like the ways of reading.
  pairing: 'auto',
  settingsNote: '',
  progress: null, // {stage, fraction} while running
  report: null,
  ahead: null, // the run started with the proposed mapping before Run was clicked (see run.js)
  findingCount: 0,
  shownTotal: null, // findings matching the filter, once the list has said
  listed: false, // the summary shows once the list's first rows are drawn
  stale: false,
  filter: { kind: null, column: null, search: '' },
  selected: null, // {item, data, error, loading}: the finding in the detail panel
  error: null,
  receiptUnmask: false,
};

/** The engine: a Web Worker holding the core, the files read and the current run. */
export const engine = createEngine();

export const clone = (x) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));

/** Both files read: a plan and a run can be asked for. */
export function ready() {
  return Boolean(state.slots.source.info && state.slots.list.info);
}

/** How the file in `side` is to be read: {encoding, delimiter}. */
export function fileOptions(side) {
  return { ...state.readAs[side] };
}

/** The file in `side`, as the engine takes it. */
export function fileOf(side) {
  const f = state.slots[side].file;
  return { name: f.name, bytes: f.bytes };
}

/** `o` asking for the pairing chosen: `pairing` omitted when automatic. */
export function withPairing(o) {
  if (state.pairing === 'auto') delete o.pairing;
  else o.pairing = state.pairing;
  return o;
}

/** The options to plan with: loaded settings (if any) with the slots' ways of reading and the
 * pairing chosen. */
export function planOptions() {
  const o = state.loadedOptions ? clone(state.loadedOptions.options) : {};
  o.source = { ...(o.source || {}), ...fileOptions('source') };
  o.list = { ...(o.list || {}), ...fileOptions('list') };
  return withPairing(o);
}

/** What the inspection found about column `name` of `side` ({name, kind, role, normalize}). */
export function columnProfile(side, name) {
  const info = state.slots[side].info;
  if (!info) return undefined;
  // By name through a map made once per inspection: the mapping asks for every column, and a
  // file of 20,000 columns asked a list walk 20,000 times (quadratic: most of a 37 s plan).
  if (!profiles.has(info)) profiles.set(info, new Map((info.columns || []).map((c) => [c.name, c])));
  return profiles.get(info).get(name);
}

const profiles = new WeakMap();
