// The wasm build computes the same bits as the native core: each preset, trained 3 epochs and
// 5 phases in Node.js, exports the same session text as `tests/parity.rs` wrote natively
// (make test runs cargo test first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

// The built-in presets, and the logistic-regression preset from its CSV file.
const csv = readFileSync(new URL('../../www/data/logistic-regression.csv', import.meta.url), 'utf8');
const sessions = Playground.presets().map((name) => [name, () => Playground.defaultSession(name)]);
sessions.push(['logistic-regression', () => Playground.presetWithCsv('logistic-regression', csv).toSession()]);

for (const [name, session] of sessions) {
  test(`the ${name} preset trains to the same bits in wasm as natively`, () => {
    const expected = new URL(`../../target/parity/${name}.json`, import.meta.url);
    assert.ok(existsSync(expected), 'run cargo test first: it writes target/parity/');
    const playground = Playground.fromSession(session());
    playground.run(3);
    for (let i = 0; i < 5; i += 1) playground.step('phase');
    assert.equal(playground.toSession(), readFileSync(expected, 'utf8'));
  });
}
