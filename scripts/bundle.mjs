// The page's ES modules in one file: www/bundle.js (not committed), built by esbuild from
// www/page.js, which boots the page (www/main.js) and exports the modules that tests, benches and
// a teacher's console read. One file because the browser fetches and links each ES module on its
// own: on a laptop 4× slower than this machine the page's 84 modules took about 0.5 s longer to
// load than the one bundle (lead-tmp A/B of `page ready`, median of 6 loads each). The wasm
// package stays a separate module (www/pkg/), which the bundle imports when the page boots.
// `make build` writes it; scripts/serve.mjs rebuilds it when a source is newer, so an edited
// module shows on the next reload.
// CLI: node scripts/bundle.mjs   prints the bundle's size.
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const DEFAULT_ROOT = resolve(SELF, '../..');
export const BUNDLE = 'www/bundle.js';
const ENTRY = 'www/page.js';

// The bundle's sources under `root`: the page's scripts in www/, not the bundle nor the wasm
// package (which the bundle does not hold).
export function bundleInputs(root = DEFAULT_ROOT) {
  const www = join(root, 'www');
  return readdirSync(www, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((path) => path !== join(root, BUNDLE) && !relative(www, path).startsWith('pkg'));
}

// Whether the bundle under `root` exists and is newer than every source.
export function isBundleFresh(root = DEFAULT_ROOT) {
  const out = join(root, BUNDLE);
  if (!existsSync(out)) return false;
  const built = statSync(out).mtimeMs;
  return bundleInputs(root).every((input) => statSync(input).mtimeMs <= built);
}

// Build the bundle under `root`; resolves to its size in bytes. Written beside and renamed into
// place, so that a page (or another test's server) never reads half a file.
export async function bundlePage(root = DEFAULT_ROOT) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(root, ENTRY)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Not minified: the page's errors and profiles stay readable (minifying saved no load time
    // measurable next to the noise: 1,880 against 1,745 ms median, the other way round).
    charset: 'utf8',
    // The package is imported at boot by its path beside the bundle, as www/assets.js writes it.
    external: ['./pkg/*'],
    write: false,
    logLevel: 'silent',
  });
  const out = join(root, BUNDLE);
  const part = `${out}.${process.pid}.part`;
  writeFileSync(part, result.outputFiles[0].contents);
  renameSync(part, out);
  return result.outputFiles[0].contents.length;
}

// The bundle, built when a source is newer than it.
export async function freshBundle(root = DEFAULT_ROOT) {
  if (!isBundleFresh(root)) await bundlePage(root);
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  try {
    const bytes = await bundlePage();
    console.log(`bundle: ${BUNDLE}: ${bytes} bytes`);
  } catch (error) {
    console.error(`bundle: ${error.message}`);
    process.exit(1);
  }
}
