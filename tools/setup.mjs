// `npm start`, `npm run build`, `npm test` and `npm run lint` run this first: it installs what a
// fresh clone on a machine with only rustup and Node lacks, and does nothing (in well under a
// second, with no network) when everything is already there.
//
//   node tools/setup.mjs [--for start|build|test|lint]    (default: start)
//
//   npm dependencies    `npm ci` when node_modules is absent or differs from package-lock.json
//                       (compared with node_modules/.package-lock.json, which npm writes)
//   wasm target         `rustup target add wasm32-unknown-unknown` when not installed
//   wasm-bindgen-cli    `cargo install wasm-bindgen-cli --version X`, X the wasm-bindgen in
//                       Cargo.lock, when `wasm-bindgen --version` is not X. No --locked: with it,
//                       resolution fails against the registry mirror some machines use.
//   Chromium (test)     `apt-get update && apt-get install -y chromium` (as root, or with sudo
//                       when that works without a password) when /usr/bin/chromium is absent
//   rustfmt, clippy     `rustup component add …` when missing (lint)
//
// Node built-ins only: this runs before node_modules exists. The decisions are pure functions
// (tested in tools/setup.test.mjs); main() gathers the facts, prints one line per step, and on a
// failure the tail of the tool's output and one line saying what to run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WASM_TARGET = 'wasm32-unknown-unknown';
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const NEEDS = {
  start: ['npm', 'target', 'bindgen'],
  build: ['npm', 'target', 'bindgen'],
  test: ['npm', 'target', 'bindgen', 'testRunner', 'chromium'],
  lint: ['target', 'components'],
};
export const PURPOSES = Object.keys(NEEDS);

export class SetupError extends Error {}

/** The version of the `wasm-bindgen` package in Cargo.lock's text (null when it has none). */
export function wasmBindgenInLock(cargoLock) {
  for (const block of cargoLock.split(/^\[\[package\]\]$/m)) {
    if (/^name = "wasm-bindgen"$/m.test(block)) return block.match(/^version = "([^"]+)"$/m)?.[1] ?? null;
  }
  return null;
}

/** The version in `wasm-bindgen --version`'s output ("wasm-bindgen 0.2.130" → "0.2.130"), or null. */
export function versionIn(output) {
  return output?.match(/\b(\d+\.\d+\.\d+\S*)/)?.[1] ?? null;
}

/**
 * Why node_modules does not match package-lock.json (a short reason), or null when it does.
 * `lock` is package-lock.json parsed; `installed` node_modules/.package-lock.json parsed (null
 * when absent); `exists(path)` whether node_modules/… is on disk. Optional packages npm left out
 * (esbuild's builds for other platforms) are fine.
 */
export function npmStale(lock, installed, exists = () => true) {
  if (!installed) return 'node_modules is absent';
  const want = lock.packages ?? {};
  const have = installed.packages ?? {};
  for (const [path, entry] of Object.entries(want)) {
    if (path === '' || entry.link) continue;
    const got = have[path];
    if (!got) {
      if (entry.optional) continue;
      return `${path} is not installed`;
    }
    if (got.version !== entry.version || (entry.integrity && got.integrity !== entry.integrity)) {
      return `${path} is ${got.version}, package-lock.json has ${entry.version}`;
    }
    if (!exists(path)) return `${path} is missing`;
  }
  for (const path of Object.keys(have)) {
    if (!(path in want)) return `${path} is not in package-lock.json`;
  }
  return null;
}

/**
 * The steps for `purpose` given the facts gathered (see gather()), in order: each
 * { say, cmd, args, env?, fix, then? } to run, or { fail } to stop with one line.
 */
export function plan(facts, purpose) {
  const needs = NEEDS[purpose];
  if (!needs) return [{ fail: `unknown purpose "${purpose}" (one of ${PURPOSES.join(', ')})` }];
  const steps = [];
  if (needs.includes('npm') && facts.npmStale) {
    steps.push({
      say: `installing npm dependencies (npm ci): ${facts.npmStale}`,
      cmd: facts.npm[0], args: [...facts.npm.slice(1), 'ci', '--no-audit', '--no-fund'],
      fix: 'npm ci',
    });
  }
  if (needs.some((n) => n !== 'npm' && n !== 'chromium') && !facts.cargo) {
    return [...steps, { fail: 'cargo is missing: install Rust with rustup (https://rustup.rs), then run this again' }];
  }
  if (needs.includes('target') && facts.targets && !facts.targets.includes(WASM_TARGET)) {
    steps.push({
      say: `adding the ${WASM_TARGET} target (rustup target add ${WASM_TARGET})`,
      cmd: 'rustup', args: ['target', 'add', WASM_TARGET],
      fix: `rustup target add ${WASM_TARGET}`,
    });
  }
  if (needs.includes('components') && facts.components) {
    const missing = ['rustfmt', 'clippy'].filter((c) => !facts.components.some((have) => have === c || have.startsWith(`${c}-`)));
    if (missing.length) {
      steps.push({
        say: `adding ${missing.join(' and ')} (rustup component add ${missing.join(' ')})`,
        cmd: 'rustup', args: ['component', 'add', ...missing],
        fix: `rustup component add ${missing.join(' ')}`,
      });
    }
  }
  if (needs.includes('bindgen')) {
    const want = facts.bindgenWanted;
    if (!want) return [...steps, { fail: 'Cargo.lock names no wasm-bindgen version: run `cargo generate-lockfile`' }];
    const stale = [facts.bindgen, ...(needs.includes('testRunner') ? [facts.testRunner] : [])].some((v) => v !== want);
    if (stale) {
      const now = facts.bindgen ? `wasm-bindgen is ${facts.bindgen}` : 'wasm-bindgen is not installed';
      steps.push({
        say: `installing wasm-bindgen-cli ${want} (cargo install wasm-bindgen-cli --version ${want}; a few minutes): ${now}, Cargo.lock has ${want}`,
        cmd: 'cargo', args: ['install', 'wasm-bindgen-cli', '--version', want],
        fix: `cargo install wasm-bindgen-cli --version ${want}`,
        then: 'bindgen',
      });
    }
  }
  if (needs.includes('chromium') && !facts.chromium.present) {
    const c = facts.chromium;
    if (c.path !== DEFAULT_CHROMIUM) {
      steps.push({ fail: `CHROMIUM=${c.path} does not exist: point it at a Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}` });
    } else if (!c.apt || (!c.root && !c.sudo)) {
      steps.push({ fail: `Chromium is missing at ${DEFAULT_CHROMIUM}: run \`sudo apt-get install chromium\` (Debian), or set CHROMIUM=/path/to/chromium` });
    } else {
      const pre = c.root ? [] : ['sudo', '-n'];
      const [cmd, ...args] = [...pre, 'apt-get', 'update', '-qq'];
      steps.push({ say: `updating the apt package lists for Chromium (${[...pre, 'apt-get update'].join(' ')})`, cmd, args, fix: `${c.root ? '' : 'sudo '}apt-get update` });
      const [cmd2, ...args2] = [...pre, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'chromium'];
      steps.push({
        say: `installing Debian's Chromium for the browser tests (${[...pre, 'apt-get install -y chromium'].join(' ')})`,
        cmd: cmd2, args: args2, fix: `${c.root ? '' : 'sudo '}apt-get install chromium`,
        then: 'chromium',
      });
    }
  }
  return steps;
}

/** stdout of `cmd args` when it runs and exits 0, else null (a missing program is null too). */
function probe(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? r.stdout : null;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** The facts plan() needs for `purpose`; all local and cheap (no network, no npm). */
export function gather(root, purpose, env = process.env) {
  const needs = NEEDS[purpose] ?? [];
  const facts = {};
  if (needs.includes('npm')) {
    const lock = readJson(join(root, 'package-lock.json'));
    if (!lock) throw new SetupError('package-lock.json is missing or not JSON: run `git checkout package-lock.json`');
    const installed = readJson(join(root, 'node_modules', '.package-lock.json'));
    facts.npmStale = npmStale(lock, installed, (p) => existsSync(join(root, p)));
    // The npm that runs us (`npm start`), else the one on PATH (`node tools/start.mjs`).
    const cli = env.npm_execpath;
    facts.npm = cli && /npm-cli\.[cm]?js$/.test(cli) ? [process.execPath, cli] : ['npm'];
  }
  facts.cargo = probe('cargo', ['--version'], root) !== null;
  if (needs.includes('target') || needs.includes('components')) {
    // No rustup (Rust from a distribution): nothing to check or add with; the build says what lacks.
    facts.targets = probe('rustup', ['target', 'list', '--installed'], root)?.split(/\s+/).filter(Boolean) ?? null;
  }
  if (needs.includes('components')) {
    facts.components = probe('rustup', ['component', 'list', '--installed'], root)?.split(/\s+/).filter(Boolean) ?? null;
  }
  if (needs.includes('bindgen')) {
    let lock = '';
    try {
      lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
    } catch {
      // plan() says what to run.
    }
    facts.bindgenWanted = wasmBindgenInLock(lock);
    facts.bindgen = versionIn(probe('wasm-bindgen', ['--version'], root));
  }
  if (needs.includes('testRunner')) facts.testRunner = versionIn(probe('wasm-bindgen-test-runner', ['--version'], root));
  if (needs.includes('chromium')) {
    const path = env.CHROMIUM || DEFAULT_CHROMIUM;
    facts.chromium = { path, present: existsSync(path) };
    if (!facts.chromium.present) {
      facts.chromium.root = process.getuid?.() === 0;
      facts.chromium.apt = probe('apt-get', ['--version'], root) !== null;
      facts.chromium.sudo = !facts.chromium.root && probe('sudo', ['-n', 'true'], root) !== null;
    }
  }
  return facts;
}

/** Run one step, its output kept; resolves to [exit code, the output's last lines]. */
function runStep(step, root) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk).slice(-16384);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => resolve([127, `${step.cmd}: ${e.message}`]));
    child.on('close', (code, signal) => resolve([code ?? (signal ? 128 : 1), tail]));
  });
}

/**
 * Install what `purpose` needs and is missing. Prints one line per step (prefixed "setup: ");
 * throws SetupError (one line, saying what to run) when a step fails.
 */
export async function setup(purpose = 'start', { root = defaultRoot, env = process.env, log = console.log } = {}) {
  const facts = gather(root, purpose, env);
  for (const step of plan(facts, purpose)) {
    if (step.fail) throw new SetupError(step.fail);
    log(`setup: ${step.say}`);
    const [code, tail] = await runStep(step, root);
    if (code !== 0) {
      const lines = tail.trimEnd().split('\n').slice(-20);
      if (lines.join('').trim()) console.error(lines.map((l) => `  | ${l}`).join('\n'));
      throw new SetupError(`\`${[step.cmd, ...step.args].join(' ')}\` failed (exit ${code}): fix the above, or run \`${step.fix}\` yourself, and try again`);
    }
    if (step.then === 'bindgen') {
      const now = versionIn(probe('wasm-bindgen', ['--version'], root));
      if (now !== facts.bindgenWanted) {
        const where = probe('sh', ['-c', 'command -v wasm-bindgen'], root)?.trim();
        throw new SetupError(`wasm-bindgen-cli ${facts.bindgenWanted} was installed, but the wasm-bindgen on PATH${where ? ` (${where})` : ''} is ${now ?? 'not found'}: put ~/.cargo/bin first on PATH`);
      }
    }
    if (step.then === 'chromium' && !existsSync(facts.chromium.path)) {
      throw new SetupError(`apt-get installed chromium but ${facts.chromium.path} is still missing: set CHROMIUM=/path/to/chromium`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--for');
  const purpose = i < 0 ? 'start' : process.argv[i + 1];
  try {
    await setup(purpose);
  } catch (e) {
    console.error(`setup: ${e.message}`);
    process.exit(1);
  }
}
