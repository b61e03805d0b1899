// The one-file offline build: dist/backprop-playground.html holds the whole page (the markup, the
// styles, the ES modules bundled by esbuild, the wasm core and www/data's CSV files) and works
// opened straight from the disk, with no network. Needs www/pkg built (`make dist` builds it first).
// CLI: node scripts/dist.mjs   prints the file's size. Tests import buildDist() and isFresh().
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pagePolicy } from './serve.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const SELF = fileURLToPath(import.meta.url);
const ASSETS = join(ROOT, 'www/assets.js');
const DIST_ASSETS = join(ROOT, 'scripts/dist-assets.js');
const DATA = join(ROOT, 'www/data');
const LESSONS = join(ROOT, 'www/lessons');
export const DIST_FILE = join(ROOT, 'dist/backprop-playground.html');

// Every file under `dir`, recursively.
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

// The files the built file is made from: a change to any of them makes it out of date.
export function distInputs() {
  const own = ['index.html', 'package-lock.json', 'scripts/dist.mjs', 'scripts/dist-assets.js', 'scripts/serve.mjs'];
  return [...own.map((path) => join(ROOT, path)), ...filesUnder(join(ROOT, 'www'))];
}

// Whether `file` exists and is newer than all its inputs.
export function isFresh(file = DIST_FILE) {
  if (!existsSync(file)) return false;
  const built = statSync(file).mtimeMs;
  return distInputs().every((input) => statSync(input).mtimeMs <= built);
}

// The shipped CSV files and built-in lessons, as a module: a Map from the path the page asks for
// to the file's text (a lesson's text written in as a string: esbuild would parse a .json import).
function filesModule() {
  const csv = readdirSync(DATA).filter((name) => name.endsWith('.csv')).sort();
  const imports = csv.map((name, i) => `import f${i} from ${JSON.stringify(join(DATA, name))};`);
  const entries = csv.map((name, i) => `[${JSON.stringify(`www/data/${name}`)}, f${i}]`);
  const lessons = readdirSync(LESSONS).filter((name) => name.endsWith('.json')).sort();
  for (const name of lessons) entries.push(`[${JSON.stringify(`www/lessons/${name}`)}, ${JSON.stringify(readFileSync(join(LESSONS, name), 'utf8'))}]`);
  return `${imports.join('\n')}\nexport default new Map([${entries.join(', ')}]);\n`;
}

// The training worker (www/train-worker.js with the wasm package's glue) as one classic script's
// text, minified: the one file starts it from a Blob, since a page opened from the disk may not
// start a worker from another file (nor, in Chromium, a module worker from a Blob). The wasm's
// bytes come from the page (scripts/dist-assets.js).
async function workerScript() {
  const result = await build({
    entryPoints: [join(ROOT, 'www/train-worker.js')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    // Only the glue's default (fetching the wasm beside it) reads it, and the worker never takes
    // that path here.
    define: { 'import.meta.url': 'self.location.href' },
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

// esbuild plugin: www/assets.js becomes scripts/dist-assets.js, 'embedded:files' the CSV files and
// 'embedded:worker' the training worker's text.
const embeddedAssets = {
  name: 'embedded-assets',
  setup(bundler) {
    bundler.onResolve({ filter: /(^|\/)assets\.js$/ }, (args) => (
      resolve(args.resolveDir, args.path) === ASSETS ? { path: DIST_ASSETS } : undefined));
    bundler.onResolve({ filter: /^embedded:(files|worker)$/ }, (args) => ({ path: args.path.slice(9), namespace: 'embedded' }));
    bundler.onLoad({ filter: /.*/, namespace: 'embedded' }, async (args) => ({
      contents: args.path === 'worker' ? `export default ${JSON.stringify(await workerScript())};` : filesModule(),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

// www/main.js and every module it imports as one ES module's text, minified.
async function bundleScript() {
  const result = await build({
    entryPoints: [join(ROOT, 'www/main.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    // The Chinese messages stay as written (the page is UTF-8), not \u escapes.
    charset: 'utf8',
    loader: { '.wasm': 'binary', '.csv': 'text' },
    plugins: [embeddedAssets],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).map((path) => resolve(ROOT, path));
  if (inputs.includes(ASSETS) || !inputs.includes(DIST_ASSETS)) {
    throw new Error('dist: www/assets.js was not replaced by scripts/dist-assets.js in the bundle');
  }
  return result.outputFiles[0].text;
}

// The style sheets index.html links to, in order, as one minified text; the links themselves.
async function bundleStyles(html) {
  const links = [...html.matchAll(/[ \t]*<link rel="stylesheet" href="([^"]+)">\n/g)];
  if (links.length === 0) throw new Error('dist: index.html links no style sheet');
  const css = links.map((link) => readFileSync(join(ROOT, link[1]), 'utf8')).join('\n');
  const { code } = await transform(css, { loader: 'css', minify: true, charset: 'utf8' });
  return { links: links.map((link) => link[0]), code: code.trim() };
}

// The hash a CSP source list names an inline script or style by: 'sha256-<base64>'.
function sourceHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// The page's policy for the one file: its own inline script and style by hash instead of 'self'
// (there is no other file to load), so no 'unsafe-inline'; a directive left empty is 'none'. The
// training worker runs from a Blob the page makes of its own text: `worker-src blob:`.
export function distPolicy(policy, script, style) {
  const directives = policy.split(';').map((directive) => directive.trim()).filter(Boolean).map((directive) => {
    const [name, ...sources] = directive.split(/\s+/);
    const kept = sources.filter((source) => source !== "'self'");
    if (name === 'script-src') kept.unshift(sourceHash(script));
    if (name === 'style-src') kept.unshift(sourceHash(style));
    return [name, ...(kept.length > 0 ? kept : ["'none'"])].join(' ');
  });
  return [...directives, 'worker-src blob:'].join('; ');
}

// Text that would end or confuse the element it is inlined into (HTML has no escape inside them).
function checkInlinable(text, element) {
  const bad = new RegExp(`</${element}|<!--`, 'i').exec(text);
  if (bad) throw new Error(`dist: the ${element} holds "${bad[0]}" at ${bad.index}, which would break out of <${element}>`);
}

// Build the one file; returns { file, bytes, gzipBytes }.
export async function buildDist({ out = DIST_FILE } = {}) {
  let html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const script = await bundleScript();
  const styles = await bundleStyles(html);
  checkInlinable(script, 'script');
  checkInlinable(styles.code, 'style');
  const policy = distPolicy(pagePolicy(html), script, styles.code);

  // Comments go (index.html's speak of files this one does not have); the policy gets its hashes.
  html = html.replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '');
  html = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]+(">)/, (_, open, close) => open + policy + close);
  // One <style> where the first link was, in the links' order.
  html = html.replace(styles.links[0], () => `  <style>${styles.code}</style>\n`);
  for (const link of styles.links.slice(1)) html = html.replace(link, '');
  // The wasm core is in the script: no file to fetch ahead.
  html = html.replace(/[ \t]*<link rel="(?:module)?preload"[^>]*>\n/g, '');
  const tag = '<script type="module" src="www/bundle.js"></script>';
  if (!html.includes(tag)) throw new Error(`dist: index.html has no ${tag}`);
  // A function, so that "$&" and the like in the script are not read as replacement patterns.
  html = html.replace(tag, () => `<script type="module">${script}</script>`);
  html = html.replace('<head>\n', '<head>\n  <!-- Backprop Playground in one file: made by scripts/dist.mjs, works offline. -->\n');

  // Nothing in the markup may point at a file beside the page: there is none. (The script's own
  // strings are not markup: the QR code library builds an <img src="…"> of a data URL.)
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
  const outside = [...markup.matchAll(/\s(?:src|href)="(?!data:|\?|#)([^"]*)"/g)].map((m) => m[1]);
  if (outside.length > 0) throw new Error(`dist: the page still refers to ${outside.join(', ')}`);

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  const bytes = Buffer.byteLength(html);
  return { file: out, bytes, gzipBytes: gzipSync(html, { level: 9 }).length };
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  try {
    const { file, bytes, gzipBytes } = await buildDist();
    const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
    console.log(`dist: ${relative(process.cwd(), file)}: ${bytes} bytes (${kb(bytes)}), ${gzipBytes} gzip -9 (${kb(gzipBytes)})`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
