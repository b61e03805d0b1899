// Training speed of the built wasm package in Node.js, on TensorFlow Playground's settings.
// Prints figures; asserts nothing. Run after `make build`:  node benches/train-wasm.mjs [pkg dir]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const pkg = resolve(process.argv[2] ?? 'www/pkg');
const { initSync, Playground } = await import(pathToFileURL(`${pkg}/backprop_playground.js`).href);
initSync({ module: readFileSync(`${pkg}/backprop_playground_bg.wasm`) });

// Best of five timed runs of `epochs` epochs, in ms per epoch.
function msPerEpoch(pg, epochs) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    pg.run(epochs);
    best = Math.min(best, (performance.now() - start) / epochs);
    pg.clearUndo();
  }
  return best;
}

for (const name of ['default', 'largest']) {
  const pg = Playground.fromSession(Playground.benchmarkSession(name));
  pg.run(200); // warm-up, lets the engine tier up
  const ms = msPerEpoch(pg, name === 'default' ? 5000 : 1000);
  const steps = 20000;
  const start = performance.now();
  for (let i = 0; i < steps; i++) pg.step('phase');
  const phaseUs = ((performance.now() - start) / steps) * 1000;
  console.log(`wasm ${name.padEnd(8)} epoch ${ms.toFixed(4)} ms (${Math.round(1000 / ms)} epochs/s); one phase with undo ${phaseUs.toFixed(2)} µs`);
  pg.free();
}
