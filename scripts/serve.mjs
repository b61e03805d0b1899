// A static server for the page: index.html and www/** only, on 127.0.0.1; it rebuilds the page's
// bundle (esbuild, scripts/bundle.mjs) when a module is newer.
// CLI: node scripts/serve.mjs [--port 8000] [--root DIR]. Tests import startServer({ port: 0 }).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, freshBundle } from './bundle.mjs';

const DEFAULT_ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

// The file a URL path names, or null when it is outside the public files.
async function publicFile(root, urlPath) {
  let path;
  try { path = decodeURIComponent(urlPath); } catch { return null; }
  if (path === '/') path = '/index.html';
  if (path.includes('\0') || path.split('/').includes('..')) return null;
  if (path !== '/index.html' && !path.startsWith('/www/')) return null;
  if (!(extname(path) in TYPES)) return null;
  try {
    // realpath also resolves symbolic links, so none can lead out of the public folder.
    const file = await realpath(join(root, path));
    const inside = file === join(root, 'index.html') || file.startsWith(join(root, 'www') + sep);
    return inside && (await stat(file)).isFile() ? file : null;
  } catch { return null; }
}

// The Content-Security-Policy of index.html's meta tag, the one place the policy is written.
export function pagePolicy(html) {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  if (!meta) throw new Error('index.html has no <meta http-equiv="Content-Security-Policy" content="…">');
  return meta[1];
}

// Start serving `root` on 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }.
export async function startServer({ port = 8000, root = DEFAULT_ROOT } = {}) {
  const realRoot = await realpath(root);
  // Sent as a header as well as the meta tag: a header covers the whole response from its first byte.
  const policy = pagePolicy(await readFile(join(realRoot, 'index.html'), 'utf8'));
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    // The page's bundle, rebuilt first when one of its modules changed (scripts/bundle.mjs).
    if (pathname === `/${BUNDLE}`) {
      try {
        await freshBundle(realRoot);
      } catch (error) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`bundle: ${error.message}\n`);
        return;
      }
    }
    const file = req.method === 'GET' || req.method === 'HEAD'
      ? await publicFile(realRoot, pathname) : null;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    // no-store: a rebuilt package shows on the next reload.
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)], 'Cache-Control': 'no-store', 'Content-Security-Policy': policy });
    if (req.method === 'HEAD') res.end(); else createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return { server, url: `http://localhost:${server.address().port}/` };
}

// Stop accepting requests and drop open keep-alive connections.
export function stopServer(server) {
  server.closeAllConnections();
  return new Promise((ok) => server.close(ok));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg('--port', process.env.PORT ?? 8000));
  try {
    const { server, url } = await startServer({ port, root: resolve(arg('--root', DEFAULT_ROOT)) });
    console.log(`Serving the Backprop Playground at ${url}  (Ctrl-C stops)`);
    const stop = async () => { await stopServer(server); process.exit(0); };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  } catch (error) {
    const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is in use; try make serve PORT=9000)` : '';
    console.error(`serve: ${error.message}${hint}`);
    process.exit(1);
  }
}
