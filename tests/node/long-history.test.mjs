// A long run's history, which the core thins past 8,192 epochs (src/core/trainer/history.rs), as
// the page's JavaScript reads it: the CSV export numbers each row with its epoch, and a run kept to
// compare gives the epoch of each value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { historyCsv } from '../../www/history-csv.js';
import { keptOption, keptProblem } from '../../www/kept-runs.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const EPOCHS = 12000;

// The circle preset (full-batch, so an epoch is quick) trained for `epochs` epochs.
function trained(epochs) {
  const doc = JSON.parse(Playground.defaultSession('circle'));
  doc.training = { ...doc.training, batch_size: 'all', max_epochs: null, target_loss: null };
  const playground = Playground.fromSession(JSON.stringify(doc));
  playground.run(epochs);
  return playground;
}

test('the CSV of a thinned history has a row per epoch kept, numbered with its epoch', () => {
  const playground = trained(EPOCHS);
  const history = JSON.parse(playground.history());
  assert.equal(history.epochs, EPOCHS);
  assert.ok(history.epoch.length <= 8192 && history.epoch.length === history.train_loss.length);
  const rows = historyCsv(history).trim().split('\n').slice(1).map((line) => line.split(','));
  assert.equal(rows.length, history.epoch.length);
  rows.forEach((row, i) => {
    assert.equal(Number(row[0]), history.epoch[i]);
    assert.equal(Number(row[1]), history.train_loss[i]);
  });
  // The last row is the last epoch, with the loss the core gives for the parameters now.
  assert.equal(Number(rows.at(-1)[0]), EPOCHS);
  assert.equal(Number(rows.at(-1)[1]), playground.trainLoss());
  // Rows go up in epochs, the older ones evenly spaced.
  const epochs = rows.map((row) => Number(row[0]));
  assert.ok(epochs.every((e, i) => i === 0 || e > epochs[i - 1]));
  assert.ok(epochs[1] - epochs[0] > 1, 'the older epochs are thinned');
  playground.free();
});

test('a short history stays whole: no epoch numbers, rows 1, 2, 3, …', () => {
  const playground = trained(50);
  const history = JSON.parse(playground.history());
  assert.equal(history.epoch, undefined);
  const rows = historyCsv(history).trim().split('\n').slice(1);
  assert.deepEqual(rows.map((line) => Number(line.split(',')[0])), Array.from({ length: 50 }, (_, i) => i + 1));
  playground.free();
});

test('a kept run gives the epoch of each value to the loss chart option, and a wrong one is named', () => {
  const run = { kind: 'batch', k: 100, alpha: 0.1, epochs: EPOCHS, train: [0.7, 0.5, 0.4], epoch: [0, 8, 16] };
  assert.deepEqual(keptOption([run]), [{ name: 'Batch GD α 0.1', train: [0.7, 0.5, 0.4], epoch: [0, 8, 16] }]);
  assert.equal(keptProblem([run]), null);
  assert.match(keptProblem([{ ...run, epoch: [0, 8] }]), /epoch/);
  assert.match(keptProblem([{ ...run, epoch: [0, 16, 8] }]), /epoch/);
  assert.match(keptProblem([{ ...run, epoch: [0, 8, 'x'] }]), /epoch/);
});
