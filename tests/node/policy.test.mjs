// The page's Content-Security-Policy: index.html's meta tag, the same policy as the server's header,
// and the one-file build's version of it (hashes of its inline script and style instead of 'self').
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pagePolicy, startServer, stopServer } from '../../scripts/serve.mjs';
import { distPolicy } from '../../scripts/dist.mjs';

const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');

// The policy as a map from directive to its sources.
const directives = (policy) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

test('index.html carries the policy: self only, wasm compiling, no inline code or styles, no eval', () => {
  const policy = directives(pagePolicy(html));
  assert.deepEqual(policy.get('default-src'), ["'self'"]);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy.get('style-src'), ["'self'"]);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('base-uri'), ["'none'"]);
  assert.deepEqual(policy.get('form-action'), ["'none'"]);
  assert.doesNotMatch(pagePolicy(html), /'unsafe-inline'|'unsafe-eval'/);
  // Before any script or style sheet, or those would load unchecked.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link rel="stylesheet"'));
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
});

test('the server sends the meta tag\'s policy as a header with every file', async () => {
  const { server, url } = await startServer({ port: 0 });
  try {
    for (const path of ['', 'www/bundle.js', 'www/main.js', 'www/style.css', 'www/data/iris.csv']) {
      const response = await fetch(new URL(path, url));
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-security-policy'), pagePolicy(html), path);
      await response.arrayBuffer();
    }
  } finally {
    await stopServer(server);
  }
});

test('the one file\'s policy names its inline script and style by hash, and nothing by \'self\'', () => {
  const script = 'console.log("a");';
  const style = 'body{color:red}';
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const policy = directives(distPolicy(pagePolicy(html), script, style));
  assert.deepEqual(policy.get('default-src'), ["'none'"]);
  assert.deepEqual(policy.get('script-src'), [hash(script), "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy.get('style-src'), [hash(style)]);
  assert.deepEqual(policy.get('img-src'), ['data:', 'blob:']);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  // The training worker, started from a Blob of the file's own text, and nothing else.
  assert.deepEqual(policy.get('worker-src'), ['blob:']);
});
