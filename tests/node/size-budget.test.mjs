// The wasm's size budget: scripts/build.sh fails when the module's gzip -9 size is over it. The
// check runs on the module already built (build.sh --check-size), with budgets set through
// WASM_GZIP_BUDGET, so no test rebuilds anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Runs the size check with the given budget (undefined: the script's own); returns its outcome.
function checkSize(budget) {
  const env = { ...process.env };
  delete env.WASM_GZIP_BUDGET;
  if (budget !== undefined) env.WASM_GZIP_BUDGET = String(budget);
  return spawnSync('bash', ['scripts/build.sh', '--check-size'], { cwd: root, env, encoding: 'utf8' });
}

// The gzip -9 size that a run printed.
function gzipBytes(run) {
  const match = run.stdout.match(/\((\d+) gzip -9, budget (\d+)\)/);
  assert.ok(match, `no size line in:\n${run.stdout}${run.stderr}`);
  return Number(match[1]);
}

test('the built module is within the budget of 150 KB gzip -9', () => {
  const run = checkSize();
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /gzip -9, budget 150000\)/);
  assert.ok(gzipBytes(run) <= 150000);
});

test('a module over the budget fails the build with a message saying by how much', () => {
  const size = gzipBytes(checkSize());
  const atBudget = checkSize(size);
  assert.equal(atBudget.status, 0, 'exactly the budget passes');
  const over = checkSize(size - 1);
  assert.notEqual(over.status, 0, 'one byte over fails');
  assert.match(over.stderr, new RegExp(`is ${size} bytes gzip -9, 1 over its budget of ${size - 1} bytes`));
  const tiny = checkSize(1000);
  assert.notEqual(tiny.status, 0);
  assert.match(tiny.stderr, new RegExp(`${size - 1000} over its budget of 1000 bytes`));
});

test('a budget that is not a number of bytes fails rather than passing unchecked', () => {
  const run = checkSize('150 KB');
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /WASM_GZIP_BUDGET must be a whole number of bytes, not '150 KB'/);
});
