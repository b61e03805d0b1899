// Smoke-test a built package in Node: the module instantiates and a preset session starts.
// Usage: node scripts/check-wasm.mjs [PKG_DIR]   (default www/pkg). Exits non-zero on failure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkgDir = resolve(process.argv[2] ?? 'www/pkg');
const name = 'backprop_playground';

try {
  const pkg = await import(pathToFileURL(`${pkgDir}/${name}.js`).href);
  pkg.initSync({ module: readFileSync(`${pkgDir}/${name}_bg.wasm`) });
  for (const preset of ['worked-example', 'circle']) {
    const playground = pkg.Playground.fromSession(pkg.Playground.defaultSession(preset));
    playground.step('phase');
    JSON.parse(playground.trace());
    playground.free();
  }
  console.log(`check-wasm: ${pkgDir} loads and steps in Node`);
} catch (error) {
  console.error(`check-wasm: ${pkgDir} failed to load in Node: ${error?.stack ?? error}`);
  process.exit(1);
}
