// `npm run build`: the core to WebAssembly (target/pkg/, served as /pkg/ beside www/) and the one-file page
// dist/crosscheck.html (wasm, worker and modules inlined; opens from file:// with no server).
//
// Needs the wasm32-unknown-unknown target and wasm-bindgen-cli at the version in Cargo.lock;
// wasm-opt and esbuild come from npm. tools/setup.mjs installs them all (`npm run build` and
// `npm start` run it first).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildPackage } from './package.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
// wasm-bindgen's output is a build product: kept out of www/ (the sources), served as /pkg/.
export const pkg = join(root, 'target', 'pkg');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// Where cargo puts what it builds (CARGO_TARGET_DIR lets worktrees share one build cache).
export const cargoTarget = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : join(root, 'target');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

// wasm-opt (binaryen from npm, itself WebAssembly) takes ~20 s; its output for the same input and
// flags is kept in target/wasm-opt/, so a rebuild with nothing changed takes a second or two.
function optimise(args, file) {
  const dir = join(root, 'target', 'wasm-opt');
  const key = createHash('sha256').update(args.join(' ')).update(readFileSync(file)).digest('hex');
  let last = '';
  try {
    last = readFileSync(join(dir, 'key'), 'utf8');
  } catch {
    // not built yet
  }
  if (last !== key) {
    mkdirSync(dir, { recursive: true });
    run(bin('wasm-opt'), [...args, file, '-o', join(dir, 'out.wasm')]);
    writeFileSync(join(dir, 'key'), key);
  }
  copyFileSync(join(dir, 'out.wasm'), file);
}

export async function build({ quiet = false } = {}) {
  const say = (s) => quiet || console.log(s);
  say('building the core for WebAssembly…');
  run('cargo', ['build', '--quiet', '-p', 'crosscheck-wasm', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm']);
  const wasm = join(cargoTarget, 'wasm32-unknown-unknown', 'wasm', 'crosscheck_wasm.wasm');
  // Named crosscheck.js / crosscheck_bg.wasm, as the page and the benchmark import them.
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', 'crosscheck', '--out-dir', pkg, wasm]);
  // The features rustc enables by default for wasm32 (the stripped module no longer lists them).
  const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue', 'simd'];
  optimise(['-O3', ...features.map((f) => `--enable-${f}`)], join(pkg, 'crosscheck_bg.wasm'));

  say('writing dist/crosscheck.html…');
  const bundle = async (entry, format) => {
    const out = await esbuild.build({
      entryPoints: [join(www, entry)], bundle: true, format, write: false, minify: true,
      legalComments: 'none', logLevel: 'error',
      plugins: [{
        name: 'pkg',
        setup(b) {
          b.onResolve({ filter: /^\.\/pkg\// }, (args) => ({ path: join(pkg, args.path.slice('./pkg/'.length)) }));
        },
      }],
    });
    return out.outputFiles[0].text;
  };
  // A page opened from file:// has an opaque origin, and Chromium will not start a *module*
  // worker from its blob: URL; a classic worker script (IIFE) starts fine.
  const worker = await bundle('worker.js', 'iife');
  const app = await bundle('app.js', 'esm');
  const wasmBase64 = readFileSync(join(pkg, 'crosscheck_bg.wasm')).toString('base64');
  // `</script` must not end the inline script early; in JSON and in code it is only ever in strings.
  const safe = (js) => js.replace(/<\/script/gi, '<\\/script');
  const script = safe(`globalThis.CROSSCHECK_INLINE = ${JSON.stringify({ worker, wasm: wasmBase64 })};\n${app}`);
  const style = readFileSync(join(www, 'style.css'), 'utf8');
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const csp = [
    "default-src 'none'",
    `script-src ${hash(script)} 'wasm-unsafe-eval'`,
    `style-src ${hash(style)}`,
    'img-src data: blob:',
    'worker-src blob:',
  ].join('; ');
  let html = readFileSync(join(www, 'index.html'), 'utf8');
  const replace = (pattern, text, what) => {
    if (!pattern.test(html)) throw new Error(`www/index.html: ${what} not found`);
    html = html.replace(pattern, () => text);
  };
  replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP meta tag');
  replace(/<link rel="stylesheet" href="\.\/style\.css">/, `<style>${style}</style>`, 'the style sheet link');
  replace(/<script type="module" src="\.\/app\.js"><\/script>/, `<script type="module">${script}</script>`, 'the app.js script tag');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'crosscheck.html'), html);
  say(`built target/pkg/ and dist/crosscheck.html (${Math.round(html.length / 1024)} KB)`);
  await buildPackage(pkg, { quiet });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().catch((e) => {
    console.error(`build: ${e.message}`);
    process.exit(2);
  });
}
