// tools/setup.mjs: its decisions (pure functions), and the script itself run in a scratch copy
// with fake cargo, rustup, npm and wasm-bindgen first on PATH (they record what they are asked to
// do), so the install paths are exercised without uninstalling anything. `npm run test:tools`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmStale, plan, versionIn, wasmBindgenInLock, WASM_TARGET } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockedBindgen = wasmBindgenInLock(readFileSync(join(root, 'Cargo.lock'), 'utf8'));

test('the wasm-bindgen version is read from Cargo.lock, by exact name', () => {
  assert.match(lockedBindgen, /^\d+\.\d+\.\d+$/);
  const lock = [
    '[[package]]\nname = "wasm-bindgen-backend"\nversion = "9.9.9"\n',
    '[[package]]\nname = "wasm-bindgen"\nversion = "0.2.130"\nsource = "registry+x"\n',
  ].join('\n');
  assert.equal(wasmBindgenInLock(lock), '0.2.130');
  assert.equal(wasmBindgenInLock('[[package]]\nname = "csv"\nversion = "1.3.0"\n'), null);
  assert.equal(versionIn('wasm-bindgen 0.2.130\n'), '0.2.130');
  assert.equal(versionIn(null), null);
});

test('node_modules is stale when absent, different, incomplete or with extra packages', () => {
  const lock = {
    packages: {
      '': { name: 'crosscheck' },
      'node_modules/esbuild': { version: '0.28.2', integrity: 'sha512-a' },
      'node_modules/@esbuild/linux-x64': { version: '0.28.2', integrity: 'sha512-b', optional: true },
      'node_modules/@esbuild/win32-x64': { version: '0.28.2', integrity: 'sha512-c', optional: true },
    },
  };
  const installed = {
    packages: {
      'node_modules/esbuild': { version: '0.28.2', integrity: 'sha512-a' },
      'node_modules/@esbuild/linux-x64': { version: '0.28.2', integrity: 'sha512-b' },
    },
  };
  assert.equal(npmStale(lock, installed), null, 'optional packages for other platforms may be absent');
  assert.equal(npmStale(lock, null), 'node_modules is absent');
  const bumped = structuredClone(lock);
  bumped.packages['node_modules/esbuild'] = { version: '0.29.0', integrity: 'sha512-z' };
  assert.match(npmStale(bumped, installed), /esbuild is 0\.28\.2, package-lock\.json has 0\.29\.0/);
  const added = structuredClone(lock);
  added.packages['node_modules/daff'] = { version: '1.4.2' };
  assert.match(npmStale(added, installed), /daff is not installed/);
  const removed = structuredClone(installed);
  removed.packages['node_modules/left-pad'] = { version: '1.0.0' };
  assert.match(npmStale(lock, removed), /left-pad is not in package-lock/);
  assert.match(npmStale(lock, installed, (p) => p !== 'node_modules/esbuild'), /esbuild is missing/);
  const sameVersionOtherTarball = structuredClone(installed);
  sameVersionOtherTarball.packages['node_modules/esbuild'].integrity = 'sha512-other';
  assert.ok(npmStale(lock, sameVersionOtherTarball));
});

const ready = {
  npmStale: null, npm: ['npm'], cargo: true,
  targets: ['x86_64-unknown-linux-gnu', WASM_TARGET], components: ['rustfmt-x86_64-unknown-linux-gnu', 'clippy-x86_64-unknown-linux-gnu'],
  bindgenWanted: '0.2.130', bindgen: '0.2.130', testRunner: '0.2.130',
  chromium: { path: '/usr/bin/chromium', present: true },
};
const commands = (steps) => steps.map((s) => s.fail ?? [s.cmd, ...s.args].join(' '));

test('nothing to do when everything is there', () => {
  for (const purpose of ['start', 'build', 'test', 'lint']) assert.deepEqual(plan(ready, purpose), [], purpose);
});

test('each missing piece becomes its install command', () => {
  assert.deepEqual(commands(plan({ ...ready, npmStale: 'node_modules is absent' }, 'start')), ['npm ci --no-audit --no-fund']);
  assert.deepEqual(commands(plan({ ...ready, npmStale: 'x', npm: ['/usr/bin/node', '/npm/bin/npm-cli.js'] }, 'build')),
    ['/usr/bin/node /npm/bin/npm-cli.js ci --no-audit --no-fund']);
  assert.deepEqual(commands(plan({ ...ready, targets: ['x86_64-unknown-linux-gnu'] }, 'start')), [`rustup target add ${WASM_TARGET}`]);
  // No --locked: it makes resolution fail against the registry mirror.
  assert.deepEqual(commands(plan({ ...ready, bindgen: null }, 'start')), ['cargo install wasm-bindgen-cli --version 0.2.130']);
  assert.deepEqual(commands(plan({ ...ready, bindgen: '0.2.100' }, 'start')), ['cargo install wasm-bindgen-cli --version 0.2.130']);
  assert.deepEqual(commands(plan({ ...ready, testRunner: '0.2.100' }, 'start')), [], 'start does not run the wasm tests');
  assert.deepEqual(commands(plan({ ...ready, testRunner: null }, 'test')), ['cargo install wasm-bindgen-cli --version 0.2.130']);
  assert.deepEqual(commands(plan({ ...ready, components: ['clippy-x86_64-unknown-linux-gnu'] }, 'lint')), ['rustup component add rustfmt']);
  assert.deepEqual(commands(plan({ ...ready, targets: null }, 'start')), [], 'no rustup: nothing to check the target with');
  assert.deepEqual(commands(plan({ ...ready, npmStale: 'x', targets: [], bindgen: null }, 'start')), [
    'npm ci --no-audit --no-fund', `rustup target add ${WASM_TARGET}`, 'cargo install wasm-bindgen-cli --version 0.2.130',
  ]);
});

test('Chromium: apt as root, sudo -n when it works, else one line saying how', () => {
  const missing = (c) => ({ ...ready, chromium: { path: '/usr/bin/chromium', present: false, apt: true, ...c } });
  assert.deepEqual(commands(plan(missing({ root: true }), 'test')), [
    'apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
  assert.deepEqual(commands(plan(missing({ root: false, sudo: true }), 'test')), [
    'sudo -n apt-get update -qq', 'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
  const [noSudo] = commands(plan(missing({ root: false, sudo: false }), 'test'));
  assert.match(noSudo, /^Chromium is missing at \/usr\/bin\/chromium: run `sudo apt-get install chromium`/);
  assert.doesNotMatch(noSudo, /\n/);
  assert.match(commands(plan(missing({ root: true, apt: false }), 'test'))[0], /^Chromium is missing/);
  assert.match(commands(plan({ ...ready, chromium: { path: '/opt/chrome', present: false } }, 'test'))[0], /^CHROMIUM=\/opt\/chrome does not exist/);
  assert.deepEqual(plan(missing({ root: true }), 'start'), [], 'start needs no browser');
});

test('no cargo, or a Cargo.lock without wasm-bindgen: one line saying what to do', () => {
  assert.match(commands(plan({ ...ready, cargo: false }, 'start'))[0], /^cargo is missing: install Rust with rustup/);
  assert.match(commands(plan({ ...ready, bindgenWanted: null }, 'start'))[0], /cargo generate-lockfile/);
});

test('what runs before npm ci imports only Node built-ins', () => {
  for (const file of ['setup.mjs', 'start.mjs', 'serve.mjs']) {
    const source = readFileSync(join(root, 'tools', file), 'utf8');
    for (const [, spec] of source.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)) {
      assert.ok(spec.startsWith('node:') || ['./setup.mjs', './serve.mjs'].includes(spec), `${file} imports ${spec} statically`);
    }
  }
});

/** A scratch copy of the setup (its lock files real) and a bin/ of fakes; returns helpers. */
function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-setup-'));
  mkdirSync(join(dir, 'tools'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(root, 'tools', 'setup.mjs'), join(dir, 'tools', 'setup.mjs'));
  copyFileSync(join(root, 'Cargo.lock'), join(dir, 'Cargo.lock'));
  copyFileSync(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
  const log = join(dir, 'calls.log');
  const fake = (name, body) => {
    writeFileSync(join(dir, 'bin', name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, 'bin', name), 0o755);
  };
  const record = `echo "$(basename "$0") $*" >> '${log}'`;
  const bindgen = (version) => {
    fake('wasm-bindgen', `echo "wasm-bindgen ${version}"`);
    fake('wasm-bindgen-test-runner', `echo "wasm-bindgen-test-runner ${version}"`);
  };
  // npm ci: writes a node_modules that matches the lock (no other platforms' builds), as npm would.
  const reify = "const fs = require('fs'); const lock = JSON.parse(fs.readFileSync('package-lock.json'));"
    + " const packages = {}; for (const [p, e] of Object.entries(lock.packages)) if (p && !e.optional)"
    + " { packages[p] = e; fs.mkdirSync(p, { recursive: true }); }"
    + " fs.writeFileSync('node_modules/.package-lock.json', JSON.stringify({ packages }));";
  fake('npm', `${record}\nnode -e "${reify}"`);
  fake('cargo', `[ "$1" = --version ] && { echo "cargo 1.95.0"; exit 0; }\n${record}\n`
    + `[ -n "$FAKE_CARGO_FAIL" ] && { echo "error: failed to select a version"; exit 101; }\n`
    + `printf '#!/bin/sh\\necho "wasm-bindgen %s"\\n' "$4" > '${join(dir, 'bin', 'wasm-bindgen')}'`);
  fake('rustup', `case "$*" in\n"target list --installed") echo x86_64-unknown-linux-gnu ;;\n*) ${record} ;;\nesac`);
  const run = (args, env = {}) => {
    const r = spawnSync(process.execPath, [join(dir, 'tools', 'setup.mjs'), ...args], {
      encoding: 'utf8',
      env: { PATH: `${join(dir, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: dir, ...env },
    });
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    rmSync(log, { force: true });
    return { status: r.status, out: r.stdout, err: r.stderr, calls };
  };
  return { dir, run, bindgen, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the script installs what is missing, once, one line a step', () => {
  const s = scratch();
  try {
    s.bindgen('0.2.1');
    const first = s.run(['--for', 'start']);
    assert.equal(first.status, 0, first.err);
    assert.deepEqual(first.calls, ['npm ci --no-audit --no-fund', `rustup target add ${WASM_TARGET}`, `cargo install wasm-bindgen-cli --version ${lockedBindgen}`]);
    const lines = first.out.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^setup: installing npm dependencies \(npm ci\): node_modules is absent$/);
    assert.match(lines[2], new RegExp(`wasm-bindgen is 0\\.2\\.1, Cargo\\.lock has ${lockedBindgen.replace(/\./g, '\\.')}$`));
    // The fake rustup still lacks the target; everything else is now there.
    const second = s.run(['--for', 'start']);
    assert.equal(second.status, 0, second.err);
    assert.deepEqual(second.calls, [`rustup target add ${WASM_TARGET}`]);
  } finally {
    s.done();
  }
});

test('a failed install: the tool\'s last lines, then one line saying what to run', () => {
  const s = scratch();
  try {
    s.bindgen('0.2.1');
    const r = s.run(['--for', 'build'], { FAKE_CARGO_FAIL: '1' });
    assert.equal(r.status, 1);
    const lines = r.err.trimEnd().split('\n');
    assert.equal(lines.at(-2), '  | error: failed to select a version');
    assert.match(lines.at(-1), new RegExp(`^setup: \`cargo install wasm-bindgen-cli --version ${lockedBindgen}\` failed \\(exit 101\\): .*run \`cargo install wasm-bindgen-cli --version ${lockedBindgen}\` yourself`));
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  } finally {
    s.done();
  }
});

test('a missing Chromium named by CHROMIUM stops npm test\'s setup with one line', () => {
  const s = scratch();
  try {
    s.bindgen(lockedBindgen);
    s.run(['--for', 'start']);
    const r = s.run(['--for', 'test'], { CHROMIUM: join(s.dir, 'no-chromium') });
    assert.equal(r.status, 1);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.match(r.err, /^setup: CHROMIUM=.*no-chromium does not exist/);
  } finally {
    s.done();
  }
});
