// The built wasm package, loaded in Node, reproduces the worked example computed by hand:
// x = [1, 2], y = [3, 4], W = 0.5 everywhere, b = 0, identity output, J = ½‖ŷ − y‖², lr = 0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const TOLERANCE = 1e-12;

// Assert two equally shaped nested arrays of numbers agree within TOLERANCE.
function assertClose(actual, expected, what) {
  assert.ok(actual !== null && actual !== undefined, `${what} is not computed`);
  assert.equal(JSON.stringify(shape(actual)), JSON.stringify(shape(expected)), `${what} has the wrong shape`);
  const a = [actual].flat(Infinity);
  const e = [expected].flat(Infinity);
  a.forEach((x, i) => assert.ok(Math.abs(x - e[i]) <= TOLERANCE, `${what}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`));
}

// The nesting shape of an array of arrays, e.g. [2, 2].
function shape(x) {
  return Array.isArray(x) ? [x.length, ...shape(x[0])] : [];
}

// A fresh worked-example session.
function workedExample() {
  return Playground.fromSession(Playground.defaultSession('worked-example'));
}

// Step phases until `phase` has been performed; returns the trace right after it.
function stepUntilDone(playground, phase, limit = 20) {
  for (let i = 0; i < limit; i += 1) {
    playground.step('phase');
    const trace = JSON.parse(playground.trace());
    if (trace.last_phase === phase) return trace;
  }
  assert.fail(`no ${phase} phase within ${limit} steps`);
}

test('a new worked-example session starts with a forward pass and no loss yet', () => {
  const playground = workedExample();
  assert.match(playground.phase(), /^Forward\(1\)$/);
  assert.equal(JSON.parse(playground.trace()).loss, null);
});

test('the forward pass gives ŷ = W·x + b = [1.5, 1.5]', () => {
  const trace = stepUntilDone(workedExample(), 'Forward(1)');
  assertClose(trace.layers[0].a, [[1.5, 1.5]], 'A of layer 1');
});

test('the loss is ½((1.5 − 3)² + (1.5 − 4)²) = 4.25', () => {
  const trace = stepUntilDone(workedExample(), 'Loss');
  assertClose(trace.loss, 4.25, 'loss');
});

test('the backward pass gives ∂J/∂W = x ⊗ δ = [[−1.5, −2.5], [−3, −5]]', () => {
  const playground = workedExample();
  stepUntilDone(playground, 'Loss');
  playground.step('phase');
  const trace = JSON.parse(playground.trace());
  assertClose(trace.layers[0].dw, [[-1.5, -2.5], [-3, -5]], '∂J/∂W of layer 1');
});

test('the update gives W − 0.1·∂J/∂W = [[0.65, 0.75], [0.8, 1.0]]', () => {
  const trace = stepUntilDone(workedExample(), 'Update');
  assertClose(trace.layers[0].w_new, [[0.65, 0.75], [0.8, 1.0]], 'new W of layer 1');
});

test('stepping back undoes a phase, and back() at the start returns false', () => {
  const playground = workedExample();
  assert.equal(playground.back(), false);
  const before = playground.trace();
  playground.step('phase');
  assert.equal(playground.back(), true);
  assert.equal(playground.trace(), before);
});

test('a malformed session is refused with an Error', () => {
  assert.throws(() => Playground.fromSession('{bad json'), Error);
});

test('a session survives a round trip through toSession', () => {
  const playground = Playground.fromSession(workedExample().toSession());
  assert.equal(playground.phase(), 'Forward(1)');
});

test('the second sample continues from the updated parameters: W = [[0.86, 1.2], [1.08, 1.6]]', () => {
  const playground = workedExample();
  playground.step('batch');
  const forward = stepUntilDone(playground, 'Forward(1)');
  assertClose(forward.layers[0].a, [[5.3, 6.5]], 'ŷ₂');
  const trace = stepUntilDone(playground, 'Update');
  assertClose(trace.loss, 1.37, 'J of sample 2');
  assertClose(trace.layers[0].dw, [[-2.1, -4.5], [-2.8, -6.0]], '∂J/∂W of sample 2');
  assertClose(trace.layers[0].w_new, [[0.86, 1.2], [1.08, 1.6]], 'W after sample 2');
  assertClose(trace.layers[0].b_new, [0.22, 0.4], 'b after sample 2');
});

test('one full-batch step averages both samples: W = [[0.95, 1.3], [1.15, 1.65]]', () => {
  const playground = workedExample();
  playground.configure(JSON.stringify({ training: { batch_size: 'all' } }));
  const trace = stepUntilDone(playground, 'Update');
  assertClose(trace.loss, 8.75, 'J of the batch');
  assertClose(trace.layers[0].dw, [[-4.5, -8], [-6.5, -11.5]], '∂J/∂W of the batch');
  assertClose(trace.layers[0].w_new, [[0.95, 1.3], [1.15, 1.65]], 'W after the batch step');
  assertClose(JSON.parse(playground.history()).train_loss[0], 2.9875, 'J after the step');
});

test('before the Update, the core tells what W and b it will write: W = [[0.65, 0.75], [0.8, 1.0]]', () => {
  const playground = workedExample();
  assert.equal(playground.upcomingUpdate(), 'null', 'nothing is coming before the backward pass is done');
  stepUntilDone(playground, 'Backward(1)');
  const [coming] = JSON.parse(playground.upcomingUpdate());
  assertClose(coming.w, [[0.65, 0.75], [0.8, 1.0]], 'W after the coming update');
  assertClose(coming.b, [0.15, 0.25], 'b after the coming update');
  playground.step('phase');
  const trace = JSON.parse(playground.trace());
  assert.deepEqual(trace.layers[0].w_new, coming.w, 'exactly what the Update wrote');
  assert.deepEqual(trace.layers[0].b_new, coming.b);
  assert.equal(playground.upcomingUpdate(), 'null', 'after the Update, nothing is coming');
  playground.free();
});
