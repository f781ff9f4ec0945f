// `npm start`: install what is missing (tools/setup.mjs), build the page, then serve it on
// 127.0.0.1 and print the address. The page has a "try with sample data" button; nothing is
// uploaded anywhere.
//
// Only Node built-ins are imported statically: setup may first have to install node_modules,
// and build.mjs imports esbuild, so it is imported once setup is done.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';
import { serve } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  await setup('start');
} catch (e) {
  console.error(`setup: ${e.message}`);
  process.exit(1);
}
try {
  const { build, pkg } = await import('./build.mjs');
  await build();
  const { url } = await serve(join(root, 'www'), pkg, Number(process.env.PORT || 8080));
  console.log(`\ncrosscheck is running at ${url}  (Ctrl+C to stop)`);
  console.log(`the one-file page is ${join(root, 'dist', 'crosscheck.html')} (opens from disk, no server needed)`);
} catch (e) {
  console.error(`start: ${e.message}`);
  process.exit(2);
}
