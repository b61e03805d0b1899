// Training speed of the built wasm package in Node.js, on TensorFlow Playground's settings.
// Prints figures; asserts nothing. Run after `make build`:  node benches/train-wasm.mjs [pkg dir]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const pkg = resolve(process.argv[2] ?? 'www/pkg');
const { initSync, Playground } = await import(pathToFileURL(`${pkg}/backprop_playground.js`).href);
initSync({ module: readFileSync(`${pkg}/backprop_playground_bg.wasm`) });

// Best of ten timed runs of `epochs` epochs, in ms per epoch: by the clock, and by the CPU time
// of this process, which other work on a shared machine does not inflate.
function msPerEpoch(pg, epochs) {
  let wall = Infinity;
  let cpu = Infinity;
  for (let round = 0; round < 10; round++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    pg.run(epochs);
    const used = process.cpuUsage(startCpu);
    wall = Math.min(wall, (performance.now() - start) / epochs);
    cpu = Math.min(cpu, (used.user + used.system) / 1000 / epochs);
    pg.clearUndo();
  }
  return { wall, cpu };
}

for (const name of ['default', 'largest']) {
  const pg = Playground.fromSession(readFileSync(`benches/sessions/tf-playground-${name}.json`, 'utf8'));
  pg.run(200); // warm-up, lets the engine tier up
  const { wall: ms, cpu } = msPerEpoch(pg, name === 'default' ? 2000 : 400);
  const steps = 20000;
  const start = performance.now();
  for (let i = 0; i < steps; i++) pg.step('phase');
  const phaseUs = ((performance.now() - start) / steps) * 1000;
  console.log(`wasm ${name.padEnd(8)} epoch ${ms.toFixed(4)} ms (${Math.round(1000 / ms)} epochs/s), CPU ${cpu.toFixed(4)} ms; one phase with undo ${phaseUs.toFixed(2)} µs`);
  pg.free();
}

// The digits preset (64-32-10, mini-batches of 32, 1,437 training rows): the heaviest network a
// preset plays, and the one the slow-laptop target of 20 epochs/s is about. Each epoch also
// evaluates the training and test sets. Its limit of 30 epochs is lifted.
{
  const csv = readFileSync('www/data/digits.csv', 'utf8');
  const pg = Playground.presetWithCsv('digits', csv);
  pg.configure(JSON.stringify({ training: { max_epochs: null } }));
  pg.run(5);
  const { wall: ms, cpu } = msPerEpoch(pg, 10);
  console.log(`wasm digits   epoch ${ms.toFixed(3)} ms (${Math.round(1000 / ms)} epochs/s), CPU ${cpu.toFixed(3)} ms`);
  pg.free();
}
