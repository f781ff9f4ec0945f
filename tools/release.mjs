// `npm run release`: the page as staff get it. Builds (tools/build.mjs's build()), then writes
// into dist/ (or --out DIR, or CROSSCHECK_RELEASE_DIR):
//
//   crosscheck-VERSION.html              the one-file page (dist/crosscheck.html, byte for byte)
//   crosscheck-VERSION.html.sha256       `HEX  crosscheck-VERSION.html`, as sha256sum writes it
//   crosscheck-VERSION-README-ja.txt     how to open it, check it, which browsers: for Notepad,
//   crosscheck-VERSION-README-en.txt     UTF-8 with a BOM and CRLF line ends
//
// VERSION is package.json's, and must be the crates' (Cargo.toml's [workspace.package]) and
// package-lock.json's: the release stops before building when they differ. The staff text is the
// page's own "How to open this page" text (the catalogues' howto.title and howto.text), so the
// page and the .txt files cannot say different things.
//
//   node tools/release.mjs [--out DIR] [--no-build]    (--no-build: release the page already built)
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ja } from '../www/i18n/ja.js';
import { en } from '../www/i18n/en.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogues = { ja, en };
export const LANGS = Object.keys(catalogues);

/** The file names of a release of `version`. */
export function releaseNames(version) {
  const page = `crosscheck-${version}.html`;
  return {
    page,
    sha256: `${page}.sha256`,
    staff: Object.fromEntries(LANGS.map((lang) => [lang, `crosscheck-${version}-README-${lang}.txt`])),
  };
}

/** The staff text in `lang` for `version`, with LF line ends: the title, a blank line, the text. */
export function staffText(lang, version) {
  const c = catalogues[lang];
  if (!c) throw new Error(`no staff text in "${lang}" (there is ${LANGS.join(', ')})`);
  const fill = (s) => s.replaceAll('{version}', version);
  return `${fill(c['howto.title'])}\n\n${fill(c['howto.text'])}\n`;
}

/** A text as Notepad on Japanese Windows reads it for sure: UTF-8 with a BOM, CRLF line ends. */
export function forNotepad(text) {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8')]);
}

/** The .sha256 file's line for `bytes` named `name`: what `sha256sum` prints, so `sha256sum -c` takes it. */
export function sha256Line(bytes, name) {
  return `${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`;
}

// The value of `key = "…"` in the `[section]` of a TOML text (enough for Cargo.toml's plain lines).
function tomlValue(text, section, key) {
  let current = '';
  for (const line of text.split(/\r?\n/)) {
    const header = line.match(/^\s*\[([^\]]+)\]\s*(#.*)?$/);
    if (header) current = header[1].trim();
    else if (current === section) {
      const m = line.match(new RegExp(`^\\s*${key.replace('.', '\\.')}\\s*=\\s*(.+?)\\s*(#.*)?$`));
      if (m) return m[1];
    }
  }
  return null;
}

/**
 * The version each place gives under `dir`: package.json, package-lock.json, Cargo.toml's
 * [workspace.package] and each crate in crates/ (its own `version`, or the workspace's).
 * {place: version}, in that order.
 */
export function versions(dir = root) {
  const read = (path) => readFileSync(join(dir, path), 'utf8');
  const out = {};
  out['package.json'] = JSON.parse(read('package.json')).version;
  try {
    const lock = JSON.parse(read('package-lock.json'));
    out['package-lock.json'] = lock.packages?.['']?.version ?? lock.version;
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  const unquote = (v) => (v && /^"[^"]*"$/.test(v) ? v.slice(1, -1) : v);
  const workspace = unquote(tomlValue(read('Cargo.toml'), 'workspace.package', 'version'));
  out['Cargo.toml [workspace.package]'] = workspace;
  const crates = existsSync(join(dir, 'crates')) ? readdirSync(join(dir, 'crates')).sort() : [];
  for (const member of crates.map((c) => `crates/${c}`).filter((m) => existsSync(join(dir, m, 'Cargo.toml')))) {
    const toml = read(join(member, 'Cargo.toml'));
    const own = tomlValue(toml, 'package', 'version');
    const inherited = tomlValue(toml, 'package', 'version.workspace') === 'true' || /^\{\s*workspace\s*=\s*true\s*\}$/.test(own ?? '');
    out[`${member}/Cargo.toml`] = inherited ? workspace : unquote(own);
  }
  return out;
}

/** The release's version: package.json's, when every place agrees; else an error naming them. */
export function releaseVersion(dir = root) {
  const found = versions(dir);
  const version = found['package.json'];
  const differ = Object.entries(found).filter(([, v]) => v !== version);
  if (!version || differ.length) {
    const said = Object.entries(found).map(([place, v]) => `${place}: ${v ?? '(none)'}`).join(', ');
    throw new Error(`the versions differ (${said}): set the same version in package.json (npm version --no-git-tag-version X.Y.Z) and in Cargo.toml's [workspace.package]`);
  }
  if (!/^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?$/.test(version)) throw new Error(`package.json: version "${version}" is not X.Y.Z`);
  return version;
}

/**
 * Write the release of the page `page` (a path to the built one-file page) as `version` into
 * `outDir`. Returns the paths written: {page, sha256, staff: {ja, en}}.
 */
export function writeRelease({ page, version, outDir }) {
  const names = releaseNames(version);
  mkdirSync(outDir, { recursive: true });
  const out = (name) => join(outDir, name);
  copyFileSync(page, out(names.page));
  // The hash of the bytes written, read back: what staff will hash.
  writeFileSync(out(names.sha256), sha256Line(readFileSync(out(names.page)), names.page));
  const staff = {};
  for (const lang of LANGS) {
    staff[lang] = out(names.staff[lang]);
    writeFileSync(staff[lang], forNotepad(staffText(lang, version)));
  }
  return { page: out(names.page), sha256: out(names.sha256), staff };
}

/**
 * `npm run release`: check the versions, build (unless `build: false`: then `page` is released,
 * by default the dist/crosscheck.html already built), write the release into `outDir`.
 */
export async function release({
  outDir = process.env.CROSSCHECK_RELEASE_DIR || join(root, 'dist'),
  build = true,
  page = join(root, 'dist', 'crosscheck.html'),
  quiet = false,
} = {}) {
  const say = (s) => quiet || console.log(s);
  const version = releaseVersion();
  if (build) {
    // Imported here: build.mjs imports esbuild, which the pure parts above do not need.
    const { build: buildPage } = await import('./build.mjs');
    await buildPage({ quiet });
  }
  if (!existsSync(page)) throw new Error(`${page} is not there: build the page first (npm run build), or release without --no-build`);
  const written = writeRelease({ page, version, outDir: resolve(outDir) });
  say(`released crosscheck ${version} in ${resolve(outDir)}:`);
  for (const path of [written.page, written.sha256, ...Object.values(written.staff)]) say(`  ${path}`);
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const options = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && i + 1 < args.length) options.outDir = args[++i];
    else if (args[i] === '--no-build') options.build = false;
    else {
      console.error(`release: unknown argument "${args[i]}" (usage: node tools/release.mjs [--out DIR] [--no-build])`);
      process.exit(2);
    }
  }
  release(options).catch((e) => {
    console.error(`release: ${e.message}`);
    process.exit(2);
  });
}
