// The npm package's files, in lib/: the core's wasm-bindgen glue (target/pkg, made by build.mjs)
// bundled with js/ — the worker's code and the WebAssembly inlined into lib/index.js, so a host
// serves nothing and configures nothing; lib/element.js (the custom element) imports it.

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const js = join(root, 'js');
export const lib = join(root, 'lib');

export async function buildPackage(pkg, { quiet = false } = {}) {
  const core = {
    name: 'core',
    setup(b) {
      b.onResolve({ filter: /^crosscheck-core$/ }, () => ({ path: join(pkg, 'crosscheck.js') }));
    },
  };
  const bundle = async (entry, format, plugins = [], minify = true) => {
    const out = await esbuild.build({
      entryPoints: [join(js, entry)], bundle: true, format, write: false, minify, target: 'es2022',
      legalComments: 'none', logLevel: 'error', plugins: [core, ...plugins],
    });
    return out.outputFiles[0].text;
  };
  // A classic worker: a module worker from a blob: URL is refused by some browsers' policies.
  const workerSource = await bundle('worker.js', 'iife');
  const wasm = readFileSync(join(pkg, 'crosscheck_bg.wasm'));
  const inline = {
    name: 'inline',
    setup(b) {
      b.onResolve({ filter: /^crosscheck:inline$/ }, () => ({ path: 'inline', namespace: 'inline' }));
      b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
        contents: `export const workerSource = ${JSON.stringify(workerSource)};\nexport const wasmBase64 = ${JSON.stringify(wasm.toString('base64'))};\n`,
        loader: 'js',
      }));
    },
  };
  const index = await bundle('index.js', 'esm', [inline], false);
  const self = {
    name: 'self',
    setup(b) {
      b.onResolve({ filter: /^\.\/index\.js$/ }, () => ({ path: './index.js', external: true }));
    },
  };
  const element = await bundle('element.js', 'esm', [self], false);

  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'index.js'), index);
  writeFileSync(join(lib, 'element.js'), element);
  for (const types of ['index.d.ts', 'element.d.ts', 'report.d.ts']) copyFileSync(join(js, types), join(lib, types));
  // For hosts that would rather serve the WebAssembly themselves (`wasm: url`).
  copyFileSync(join(pkg, 'crosscheck_bg.wasm'), join(lib, 'crosscheck.wasm'));
  if (!quiet) console.log(`built lib/ (the npm package: index.js ${Math.round(index.length / 1024)} KB)`);
}
