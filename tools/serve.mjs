// A small static server for www/ (and the built wasm, /pkg/) on 127.0.0.1 only — the page then never talks to anything but
// its own origin, and the CSP header says so too.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
};

export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:";

/**
 * Serve `root` (and `pkg` as /pkg/) on 127.0.0.1:`port` (0 = any free port); resolves to {server, url}.
 * `csp` is the page's policy (the benchmark's browser peers need another: see bench/peers/browser-peer.mjs).
 */
export function serve(root, pkg, port = 0, csp = CSP) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const [base, rest] = path.startsWith('/pkg/') ? [pkg, path.slice('/pkg'.length)] : [root, path === '/' ? '/index.html' : path];
    const file = normalize(join(base, rest));
    if (!file.startsWith(base + sep) || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Security-Policy': csp,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}
