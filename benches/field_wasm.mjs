// Time of one decision-boundary frame in wasm, under Node: the 100 × 100 field and the 32 × 32
// maps of every hidden unit: the field through boundaryField (the field drawBoundary paints, without
// a canvas; an export of the `bench` feature only, not in the page's module) and neuronMaps.
//
//   cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown --release --features bench
//   wasm-bindgen --target web --out-dir /tmp/bench-pkg target/wasm32-unknown-unknown/release/backprop_playground.wasm
//   node benches/field_wasm.mjs /tmp/bench-pkg
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.resolve(process.argv[2] ?? 'www/pkg');
if (!fs.readFileSync(path.join(dir, 'backprop_playground.js'), 'utf8').includes('boundaryField')) {
  console.error(`${dir} has no boundaryField: build it with --features bench (see the top of this file)`);
  process.exit(1);
}
const pkg = await import(pathToFileURL(path.join(dir, 'backprop_playground.js')));
pkg.initSync({ module: fs.readFileSync(path.join(dir, 'backprop_playground_bg.wasm')) });
const { Playground } = pkg;

// The circle preset, or it with `hidden` tanh layers of `units`, after 20 epochs.
function session(hidden, units) {
  const doc = JSON.parse(Playground.defaultSession('circle'));
  if (hidden > 0) {
    doc.network.layers = [...Array(hidden).fill({ units, activation: 'tanh' }), { units: 1, activation: 'sigmoid' }];
  }
  const pg = Playground.fromSession(JSON.stringify(doc));
  pg.run(20);
  return pg;
}

// Milliseconds of CPU time of one `frame`: the best of 15 runs of about 50 ms each. CPU time
// rather than wall-clock time, so that a busy machine's other processes do not count.
function time(frame) {
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  frame();
  let best = Infinity;
  for (let r = 0; r < 15; r++) {
    const start = cpu();
    let n = 0;
    while (cpu() - start < 50) {
      frame();
      n++;
    }
    best = Math.min(best, (cpu() - start) / n);
  }
  return best;
}

for (const [name, pg] of [['2-4-2-1 tanh', session(0, 0)], ['2-(8×6)-1 tanh', session(6, 8)]]) {
  const field = time(() => pg.boundaryField(''));
  const withMaps = time(() => {
    pg.boundaryField('');
    pg.neuronMaps(32, false);
  });
  console.log(`${name}: field ${field.toFixed(3)} ms; with 32×32 maps ${withMaps.toFixed(3)} ms (wasm, Node ${process.version})`);
}
