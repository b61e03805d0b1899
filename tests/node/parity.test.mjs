// The wasm build computes the same bits as the native core: each preset, trained 3 epochs and
// 5 phases in Node.js, exports the same session text as `tests/parity.rs` writes natively. This
// test runs the native side itself, into a fresh folder, so it never compares with the output of
// an older build (cargo rebuilds the native test first if the sources changed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const root = fileURLToPath(new URL('../..', import.meta.url));

// Runs tests/parity.rs with PARITY_OUT set to a new folder; returns that folder.
function nativeResults() {
  const dir = mkdtempSync(join(tmpdir(), 'parity-'));
  const run = spawnSync(
    process.env.CARGO ?? 'cargo',
    ['test', '--quiet', '--test', 'parity', '--', '--exact', 'native_results_are_written_for_the_wasm_parity_check'],
    { cwd: root, env: { ...process.env, PARITY_OUT: dir }, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, `cargo test --test parity failed:\n${run.error ?? ''}${run.stdout}${run.stderr}`);
  return dir;
}

// The built-in presets, and the logistic-regression preset from its CSV file.
const csv = readFileSync(new URL('../../www/data/logistic-regression.csv', import.meta.url), 'utf8');
const sessions = Playground.presets().map((name) => [name, () => Playground.defaultSession(name)]);
sessions.push(['logistic-regression', () => Playground.presetWithCsv('logistic-regression', csv).toSession()]);

test('every preset trains to the same bits in wasm as natively', async (t) => {
  const dir = nativeResults();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, session] of sessions) {
    await t.test(name, () => {
      const expected = join(dir, `${name}.json`);
      assert.ok(existsSync(expected), `tests/parity.rs wrote no ${name}.json`);
      const playground = Playground.fromSession(session());
      playground.run(3);
      for (let i = 0; i < 5; i += 1) playground.step('phase');
      assert.equal(playground.toSession(), readFileSync(expected, 'utf8'));
    });
  }
});
