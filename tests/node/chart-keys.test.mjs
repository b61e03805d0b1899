// When the charts must be drawn again (www/chart-keys.js), checked on the core's own traces: the
// boundary changes only with the parameters, the data or the network; the loss chart also when a
// batch logs its J or an epoch ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { modelKey, historyKey, parameterSum } from '../../www/chart-keys.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const traceOf = (pg) => JSON.parse(pg.traceFocus(0));

test('forward and backward phases change neither key; the loss phase changes the history only', () => {
  // The worked example: one layer, so a batch is Forward(1), Loss, Backward(1), Update.
  const pg = Playground.fromSession(Playground.defaultSession('worked-example'));
  const start = traceOf(pg);
  pg.step('phase'); // Forward(1)
  const forward = traceOf(pg);
  assert.equal(modelKey(forward, 0), modelKey(start, 0));
  assert.equal(historyKey(forward, 0), historyKey(start, 0));
  pg.step('phase'); // Loss: J of the batch is logged
  const loss = traceOf(pg);
  assert.equal(modelKey(loss, 0), modelKey(start, 0));
  assert.notEqual(historyKey(loss, 0), historyKey(forward, 0));
  pg.step('phase'); // Backward(1)
  assert.equal(historyKey(traceOf(pg), 0), historyKey(loss, 0));
  pg.step('phase'); // Update: new parameters
  const update = traceOf(pg);
  assert.notEqual(modelKey(update, 0), modelKey(start, 0));
  // The next batch starts from the updated parameters: the same picture.
  pg.step('phase');
  assert.equal(modelKey(traceOf(pg), 0), modelKey(update, 0));
  // Step back to the start: the first picture again.
  while (pg.back());
  assert.equal(historyKey(traceOf(pg), 0), historyKey(start, 0));
  pg.free();
});

test('an edited weight, new data or another activation changes the model key', () => {
  const pg = Playground.fromSession(Playground.defaultSession('circle'));
  const before = traceOf(pg);
  assert.notEqual(modelKey(before, 1), modelKey(before, 0), 'the data changed');
  pg.setWeight(1, 0, 1, 0.25);
  assert.notEqual(parameterSum(traceOf(pg)), parameterSum(before));
  pg.reset();
  const session = JSON.parse(pg.toSession());
  const layers = session.network.layers.map((l, i) => (i === 0 ? { ...l, activation: 'sigmoid' } : l));
  pg.configure(JSON.stringify({ network: { layers } }));
  const sigmoid = traceOf(pg);
  assert.equal(parameterSum(sigmoid), parameterSum(before), 'the same seed draws the same parameters');
  assert.notEqual(modelKey(sigmoid, 0), modelKey(before, 0), 'but the network computes another function');
  pg.free();
});

test('the history key changes when a batch logs its J or an epoch ends, not at an update within the epoch', () => {
  // The circle preset: several batches an epoch, two hidden layers, so a batch is 7 phases.
  const pg = Playground.fromSession(Playground.defaultSession('circle'));
  const phases = () => pg.phase();
  const stepTo = (phase) => { while (phases() !== phase) pg.step('phase'); };
  stepTo('Update');
  const backward = traceOf(pg);
  assert.ok(backward.batches > 1, 'more than one batch an epoch');
  pg.step('phase'); // the update of the first batch: new parameters, the same history
  const update = traceOf(pg);
  assert.notEqual(modelKey(update, 0), modelKey(backward, 0));
  assert.equal(historyKey(update, 0), historyKey(backward, 0), 'an update within the epoch');
  pg.step('phase'); // the next batch's first forward pass
  assert.equal(historyKey(traceOf(pg), 0), historyKey(update, 0), 'a new batch before its loss');
  stepTo('Backward(3)'); // its loss is logged
  assert.notEqual(historyKey(traceOf(pg), 0), historyKey(update, 0), 'the second batch\'s J');
  // The last batch's update ends the epoch: its losses join the history.
  for (let batch = 1; batch < backward.batches - 1; batch += 1) pg.step('batch'); // to batch 1's end, then whole batches
  stepTo('Update');
  const last = traceOf(pg);
  assert.equal(last.batch, backward.batches - 1, 'the epoch\'s last batch');
  assert.equal(last.epochs_done, 0);
  pg.step('phase');
  assert.equal(traceOf(pg).epochs_done, 1);
  assert.notEqual(historyKey(traceOf(pg), 0), historyKey(last, 0), 'the epoch\'s end');
  // Stepping back over the update takes the epoch's losses out again.
  pg.back();
  assert.equal(historyKey(traceOf(pg), 0), historyKey(last, 0));
  pg.free();
});
