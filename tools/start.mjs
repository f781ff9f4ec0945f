// `npm start`: build the page, then serve it on 127.0.0.1 and print the address. The page has a
// "try with sample data" button; nothing is uploaded anywhere.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, pkg } from './build.mjs';
import { serve } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  await build();
  const { url } = await serve(join(root, 'www'), pkg, Number(process.env.PORT || 8080));
  console.log(`\ncrosscheck is running at ${url}  (Ctrl+C to stop)`);
  console.log(`the one-file page is ${join(root, 'dist', 'crosscheck.html')} (opens from disk, no server needed)`);
} catch (e) {
  console.error(`start: ${e.message}`);
  process.exit(2);
}
