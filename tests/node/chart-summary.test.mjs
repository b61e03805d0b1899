// The charts' text alternatives (www/chart-summary.js) read the newest epochs of the core's history
// (historyTail): after a long play they say what the whole history says, the epoch count included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { chartSummary, LAST_EPOCHS } from '../../www/chart-summary.js';
import { formatNumber } from '../../www/format.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const KINDS = { metric: 'accuracy', view: 'plane' };

test('after 250 epochs the summaries name epoch 250 and its figures, read from the last epochs only', () => {
  const pg = Playground.fromSession(Playground.defaultSession('circle'));
  pg.configure(JSON.stringify({ training: { max_epochs: null, target_loss: null } }));
  pg.run(250);
  const whole = JSON.parse(pg.history());
  const tail = JSON.parse(pg.historyTail(LAST_EPOCHS));
  assert.equal(tail.epochs, 250);
  assert.equal(tail.batches, whole.batch_loss.length);
  assert.equal(tail.history.train_loss.length, LAST_EPOCHS);
  assert.ok(JSON.stringify(tail).length * 50 < JSON.stringify(whole).length, 'the tail is a small part of the whole');
  const loss = chartSummary('loss', tail, KINDS);
  const lastThree = whole.train_loss.slice(-3).map((v) => formatNumber(v, 4)).join(', ');
  assert.equal(loss, `Epochs 1 to 250. Training J of the last epochs: ${lastThree}. Test J: ${formatNumber(whole.test_loss[249], 4)}. `
    + `J of the last batch: ${formatNumber(whole.batch_loss.at(-1), 4)}.`);
  const accuracy = chartSummary('accuracy', tail, KINDS);
  assert.equal(accuracy, `After epoch 250: training accuracy ${formatNumber(whole.train_accuracy[249] * 100, 4)} %, `
    + `test accuracy ${formatNumber(whole.test_accuracy[249] * 100, 4)} %.`);
  pg.free();
});

test('before any epoch the summary says so, with the last batch’s J once there is one', () => {
  const pg = Playground.fromSession(Playground.defaultSession('circle'));
  assert.equal(chartSummary('loss', JSON.parse(pg.historyTail(LAST_EPOCHS)), KINDS), 'No epoch has finished yet.');
  pg.step('batch');
  const batch = JSON.parse(pg.history()).batch_loss[0];
  assert.equal(chartSummary('loss', JSON.parse(pg.historyTail(LAST_EPOCHS)), KINDS), `No epoch has finished yet. J of the last batch: ${formatNumber(batch, 4)}.`);
  assert.equal(chartSummary('accuracy', JSON.parse(pg.historyTail(LAST_EPOCHS)), KINDS), 'No epoch has finished yet.');
  pg.free();
});
