// The page's modules in one file (scripts/bundle.mjs): index.html loads the bundle and fetches the
// wasm core ahead; the server rebuilds the bundle when a module changed, and names a module that
// does not build instead of serving a stale or broken page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopServer } from '../../scripts/serve.mjs';
import { bundleInputs, isBundleFresh } from '../../scripts/bundle.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const html = readFileSync(join(ROOT, 'index.html'), 'utf8');

// A scratch site: index.html with the page's policy, www/page.js importing www/part.js.
function scratchSite(part) {
  const root = mkdtempSync(join(tmpdir(), 'bundle-'));
  mkdirSync(join(root, 'www/pkg'), { recursive: true });
  writeFileSync(join(root, 'index.html'), html);
  writeFileSync(join(root, 'www/page.js'), "export { word } from './part.js';\n");
  writeFileSync(join(root, 'www/part.js'), part);
  writeFileSync(join(root, 'www/pkg/glue.js'), 'export const glue = 1;\n');
  return root;
}

// The text the server sends for `path`, with its status.
async function get(url, path) {
  const response = await fetch(new URL(path, url));
  return { status: response.status, text: await response.text() };
}

test('index.html loads the bundle and asks for the wasm core and its glue ahead', () => {
  assert.match(html, /<script type="module" src="www\/bundle\.js"><\/script>/);
  assert.doesNotMatch(html, /src="www\/main\.js"/);
  assert.match(html, /<link rel="preload" href="www\/pkg\/backprop_playground_bg\.wasm" as="fetch" crossorigin>/);
  assert.match(html, /<link rel="modulepreload" href="www\/pkg\/backprop_playground\.js">/);
  // The bundle holds the page's modules; the wasm package stays beside it, loaded at boot.
  const inputs = bundleInputs(ROOT).map((path) => path.slice(ROOT.length));
  assert.ok(inputs.includes('www/main.js') && inputs.includes('www/views/inspector.js'));
  assert.ok(!inputs.some((path) => path.startsWith('www/pkg/') || path === 'www/bundle.js'));
});

test('the server builds the bundle, rebuilds it when a module changes, and names one that does not build', async () => {
  const root = scratchSite("export const word = 'first';\n");
  const { server, url } = await startServer({ port: 0, root });
  try {
    assert.equal(isBundleFresh(root), false);
    const first = await get(url, 'www/bundle.js');
    assert.equal(first.status, 200);
    assert.match(first.text, /'first'|"first"/);
    assert.equal(isBundleFresh(root), true);

    // An edit, dated after the bundle: the next request gets the new word.
    writeFileSync(join(root, 'www/part.js'), "export const word = 'second';\n");
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'www/part.js'), later, later);
    assert.equal(isBundleFresh(root), false);
    const second = await get(url, 'www/bundle.js');
    assert.match(second.text, /'second'|"second"/);
    assert.doesNotMatch(second.text, /first/);

    // A module that does not parse: a 500 naming it, and the server goes on serving.
    writeFileSync(join(root, 'www/part.js'), 'export const word = ;\n');
    const broken = new Date(Date.now() + 10_000);
    utimesSync(join(root, 'www/part.js'), broken, broken);
    const failed = await get(url, 'www/bundle.js');
    assert.equal(failed.status, 500);
    assert.match(failed.text, /part\.js/);
    assert.equal((await get(url, 'index.html')).status, 200);
  } finally {
    await stopServer(server);
    rmSync(root, { recursive: true, force: true });
  }
});
