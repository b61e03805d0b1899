// The order of phases in a batch and running to a chosen phase (www/stepping.js), on the real core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { batchPhases, runToPhase, isTerminal } from '../../www/stepping.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

// The circle preset: two hidden layers and the output layer.
const circle = () => Playground.fromSession(Playground.defaultSession('circle'));

test('a batch goes forward through every layer, computes the loss, goes back and updates', () => {
  assert.deepEqual(batchPhases(1), ['Forward(1)', 'Loss', 'Backward(1)', 'Update']);
  assert.deepEqual(batchPhases(3), [
    'Forward(1)', 'Forward(2)', 'Forward(3)', 'Loss', 'Backward(3)', 'Backward(2)', 'Backward(1)', 'Update',
  ]);
});

test('the core performs the phases in that order', () => {
  const playground = circle();
  const seen = [playground.phase()];
  for (let i = 0; i < 8; i += 1) seen.push(playground.step('phase'));
  assert.deepEqual(seen, [...batchPhases(3), 'Forward(1)']);
});

test('running to a phase later in the batch stops just before it', () => {
  const playground = circle();
  assert.equal(runToPhase(playground, 'Backward(2)', 3), 5);
  assert.equal(playground.phase(), 'Backward(2)');
  assert.equal(JSON.parse(playground.trace()).batch, 0);
});

test('running to a phase already past goes on into the next batch', () => {
  const playground = circle();
  runToPhase(playground, 'Loss', 3);
  assert.equal(runToPhase(playground, 'Forward(2)', 3), 6, 'B3, B2, B1, Update, then F1 of batch 2');
  const trace = JSON.parse(playground.trace());
  assert.equal(playground.phase(), 'Forward(2)');
  assert.equal(trace.batch, 1);
});

test('running to the phase that is already next does nothing', () => {
  const playground = circle();
  assert.equal(runToPhase(playground, 'Forward(1)', 3), 0);
  assert.equal(JSON.parse(playground.trace()).undo_depth, 0);
});

test('running stops when training stops, and refuses a phase the network does not have', () => {
  const playground = circle();
  playground.configure(JSON.stringify({ training: { max_epochs: 1 } }));
  playground.step('epoch');
  assert.ok(isTerminal(playground.phase()));
  assert.equal(runToPhase(playground, 'Loss', 3), 0);
  assert.throws(() => runToPhase(circle(), 'Forward(4)', 3), /not a phase of this network: Forward\(4\)/);
});

test('running to a phase is one undoable step', () => {
  const playground = circle();
  const before = playground.trace();
  runToPhase(playground, 'Update', 3);
  assert.equal(JSON.parse(playground.trace()).undo_depth, 1);
  assert.equal(playground.back(), true);
  assert.equal(playground.trace(), before);
});
