// tools/release.mjs: the release written into a scratch directory (of a stand-in page, so no
// build is needed), its checksum checked as staff and sha256sum check it, the staff text as
// Notepad reads it, docs/staff.md's copy of that text, and the script refusing versions that differ
// (in a scratch copy of the repository). `npm run test:tools`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forNotepad, LANGS, release, releaseNames, releaseVersion, sha256Line, staffText, versions } from './release.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = () => mkdtempSync(join(tmpdir(), 'crosscheck-release-'));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test('the release is named by the version', () => {
  assert.deepEqual(releaseNames('1.2.3'), {
    page: 'crosscheck-1.2.3.html',
    sha256: 'crosscheck-1.2.3.html.sha256',
    staff: { ja: 'crosscheck-1.2.3-README-ja.txt', en: 'crosscheck-1.2.3-README-en.txt' },
  });
});

test('package.json, package-lock.json and the crates give one version', () => {
  const found = versions();
  assert.ok(Object.keys(found).some((place) => place.startsWith('crates/crosscheck-wasm/')), 'the page\'s crate is checked');
  assert.deepEqual(new Set(Object.values(found)), new Set([JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version]));
  assert.equal(releaseVersion(), found['package.json']);
});

test('a release in a scratch directory: the page byte for byte, its .sha256, the staff text for Notepad', async () => {
  const dir = scratch();
  try {
    // A stand-in page with bytes that a text conversion would change (CRLF, non-ASCII, no final newline).
    const page = join(dir, 'built.html');
    const bytes = Buffer.from('<!doctype html>\r\n<title>crosscheck</title>\n<p>照合 ①</p>', 'utf8');
    writeFileSync(page, bytes);
    const out = join(dir, 'out');
    const version = releaseVersion();
    const written = await release({ outDir: out, build: false, page, quiet: true });
    const names = releaseNames(version);
    assert.deepEqual(readdirSync(out).sort(), [names.page, names.sha256, ...Object.values(names.staff)].sort());
    assert.equal(written.page, join(out, names.page));

    assert.deepEqual(readFileSync(join(out, names.page)), bytes);
    const line = readFileSync(join(out, names.sha256), 'utf8');
    assert.match(line, /^[0-9a-f]{64} {2}crosscheck-\d+\.\d+\.\d+\S*\.html\n$/);
    assert.equal(line, `${createHash('sha256').update(bytes).digest('hex')}  ${names.page}\n`);
    // As checked on Linux (the format is sha256sum's own).
    const check = spawnSync('sha256sum', ['-c', names.sha256], { cwd: out, encoding: 'utf8' });
    if (!check.error) {
      assert.equal(check.status, 0, check.stderr);
      assert.equal(check.stdout, `${names.page}: OK\n`);
    }

    for (const lang of LANGS) {
      const raw = readFileSync(join(out, names.staff[lang]));
      assert.deepEqual(raw.subarray(0, 3), BOM, `${lang}: UTF-8 with a BOM`);
      const text = raw.subarray(3).toString('utf8');
      assert.doesNotMatch(text, /[^\r]\n|\r(?!\n)/, `${lang}: CRLF line ends only`);
      assert.ok(text.endsWith('\r\n'));
      assert.equal(text.replaceAll('\r\n', '\n'), staffText(lang, version));
      assert.deepEqual(raw, forNotepad(staffText(lang, version)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the staff text says, in Japanese and in English, how to open the file, check it and with which browsers', () => {
  const v = '9.8.7';
  const ja = staffText('ja', v);
  const en = staffText('en', v);
  for (const text of [ja, en]) {
    assert.ok(text.includes('crosscheck-9.8.7.html'));
    assert.ok(text.includes('crosscheck-9.8.7.html.sha256'));
    assert.ok(text.includes('certutil -hashfile crosscheck-9.8.7.html SHA256'));
    assert.match(text, /PowerShell/);
    assert.match(text, /Microsoft Edge/);
    assert.match(text, /Google Chrome/);
    assert.doesNotMatch(text, /\{\w+\}/, 'no placeholder left');
    assert.doesNotMatch(text, /\r/);
  }
  assert.match(ja, /^crosscheck 9\.8\.7 の開き方\n\n/);
  assert.match(ja, /ダブルクリック/);
  assert.match(ja, /インストールは要りません/);
  assert.match(ja, /ネットワークに接続しません/);
  assert.match(en, /^How to open crosscheck 9\.8\.7\n\n/);
  assert.match(en, /Double-click/);
  assert.match(en, /nothing to install/);
  assert.match(en, /no network connection/);
  assert.doesNotMatch(en, /[\u3000-\u9fff]/, 'the English text is English');
  assert.throws(() => staffText('fr', v), /no staff text in "fr"/);
});

test('docs/staff.md quotes the staff text in both languages, word for word', () => {
  const readme = readFileSync(join(root, 'docs', 'staff.md'), 'utf8');
  for (const lang of LANGS) {
    const block = `\`\`\`text\n${staffText(lang, 'VERSION')}\`\`\`\n`;
    assert.ok(readme.includes(block), `docs/staff.md lacks the ${lang} staff text as the page has it (howto.title and howto.text in www/i18n/${lang}.js):\n${block}`);
  }
});

test('sha256Line and forNotepad', () => {
  assert.equal(sha256Line(Buffer.from(''), 'a.html'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.html\n');
  assert.deepEqual(forNotepad('あ\nb\r\nc\n'), Buffer.concat([BOM, Buffer.from('あ\r\nb\r\nc\r\n', 'utf8')]));
});

// A scratch copy of what the script reads: itself, the catalogues, the version files.
function copyOfRepo(dir) {
  for (const path of ['tools/release.mjs', 'www/i18n', 'package.json', 'package-lock.json', 'Cargo.toml']) {
    cpSync(join(root, path), join(dir, path), { recursive: true });
  }
  for (const crate of readdirSync(join(root, 'crates'))) {
    if (!existsSync(join(root, 'crates', crate, 'Cargo.toml'))) continue;
    mkdirSync(join(dir, 'crates', crate), { recursive: true });
    cpSync(join(root, 'crates', crate, 'Cargo.toml'), join(dir, 'crates', crate, 'Cargo.toml'));
  }
}

test('versions that differ stop the release before it builds, naming each', () => {
  const dir = scratch();
  try {
    copyOfRepo(dir);
    const pkgPath = join(dir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    writeFileSync(pkgPath, JSON.stringify({ ...pkg, version: '9.9.9' }, null, 2));
    assert.throws(() => releaseVersion(dir), /the versions differ \(package\.json: 9\.9\.9, package-lock\.json: .*Cargo\.toml \[workspace\.package\]: /);
    const r = spawnSync(process.execPath, [join(dir, 'tools', 'release.mjs'), '--out', join(dir, 'out')], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^release: the versions differ \(package\.json: 9\.9\.9, .*crates\/crosscheck-wasm\/Cargo\.toml: /);
    assert.match(r.stderr, /set the same version/);
    assert.equal(existsSync(join(dir, 'out')), false, 'nothing written');

    // A crate with a version of its own is one of the places too.
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    const crate = join(dir, 'crates', 'crosscheck-wasm', 'Cargo.toml');
    writeFileSync(crate, readFileSync(crate, 'utf8').replace(/^version\.workspace = true$/m, 'version = "0.0.1"'));
    assert.throws(() => releaseVersion(dir), /crates\/crosscheck-wasm\/Cargo\.toml: 0\.0\.1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the script releases the page already built into CROSSCHECK_RELEASE_DIR, or says to build it first', () => {
  const dir = scratch();
  try {
    copyOfRepo(dir);
    const out = join(dir, 'elsewhere');
    const env = { ...process.env, CROSSCHECK_RELEASE_DIR: out };
    const script = join(dir, 'tools', 'release.mjs');
    const missing = spawnSync(process.execPath, [script, '--no-build'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^release: .*dist\/crosscheck\.html is not there: build the page first \(npm run build\)/);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'crosscheck.html'), '<!doctype html>\n');
    const r = spawnSync(process.execPath, [script, '--no-build'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    const names = releaseNames(releaseVersion(dir));
    assert.deepEqual(readdirSync(out).sort(), [names.page, names.sha256, ...Object.values(names.staff)].sort());
    assert.match(r.stdout, new RegExp(`^released crosscheck ${releaseVersion(dir).replaceAll('.', '\\.')} in `));
    assert.deepEqual(readdirSync(join(dir, 'dist')), ['crosscheck.html'], 'dist/ left alone');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unknown argument is refused with the usage', () => {
  const r = spawnSync(process.execPath, [join(root, 'tools', 'release.mjs'), '--bogus'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown argument "--bogus" \(usage: node tools\/release\.mjs \[--out DIR\] \[--no-build\]\)/);
});
