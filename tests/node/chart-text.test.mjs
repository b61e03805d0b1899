// The words around the charts (www/chart-text.js): which charts a session gets, their file names,
// and the tooltips made from the core's hover answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { chartKinds, chartNames, chartLabels, CHART_WORDS, pngName, epochTip, boundaryTip, neuronCaption } from '../../www/chart-text.js';
import { t as translate } from '../../www/i18n.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const IRIS = readFileSync(new URL('../../www/data/iris.csv', import.meta.url), 'utf8');

// What the charts of a preset (or of it with `csv` loaded) show, read from the core as the page reads it.
function kindsOf(preset, csv) {
  const pg = Playground.fromSession(Playground.defaultSession(preset));
  if (csv) pg.loadCsv(csv, JSON.stringify({ standardize: true, test_fraction: 0.2, seed: 1 }));
  const kinds = chartKinds(JSON.parse(pg.trace()).loss_name, pg.boundaryView());
  pg.free();
  return kinds;
}

test('classification gets accuracy, regression RMSE; two inputs a boundary, more none', () => {
  assert.deepEqual(kindsOf('circle'), { metric: 'accuracy', view: 'plane' });
  assert.deepEqual(kindsOf('worked-example'), { metric: 'rmse', view: 'plane' });
  assert.deepEqual(kindsOf('worked-example', IRIS), { metric: 'accuracy', view: 'none' });
  assert.deepEqual(chartNames({ metric: 'rmse', view: 'curve' }), { loss: 'Loss', accuracy: 'RMSE', boundary: 'Fit' });
  assert.deepEqual(chartNames({ metric: 'accuracy', view: 'plane' }), { loss: 'Loss', accuracy: 'Accuracy', boundary: 'Boundary' });
});

test('each chart downloads under its own name', () => {
  const kinds = { metric: 'rmse', view: 'curve' };
  assert.deepEqual(['loss', 'accuracy', 'boundary'].map((c) => pngName(c, kinds)), ['loss.png', 'rmse.png', 'fit.png']);
  assert.equal(pngName('boundary', { metric: 'accuracy', view: 'plane' }), 'boundary.png');
  assert.equal(pngName('accuracy', { metric: 'accuracy', view: 'plane' }), 'accuracy.png');
});

test('a loss tooltip names the epoch of the points shown, and each batch by its number', () => {
  const kinds = { metric: 'accuracy', view: 'plane' };
  // The pointer at x = 11.6: the lines' nearest points are epoch 12's (index 11).
  const hover = {
    epoch: 12,
    points: [
      { label: 'batch', index: 115, x: 11.5, value: 0.2871234 },
      { label: 'train', index: 11, x: 12, value: 0.3123456 },
      { label: 'test', index: 11, x: 12, value: 0.33 },
    ],
  };
  assert.equal(epochTip('loss', kinds, hover), 'Epoch 12 · batch 116: J = 0.2871 · train J = 0.3123 · test J = 0.33');
  // Before the first epoch ends (x rounds to 0) there is nothing on the epoch lines.
  assert.equal(epochTip('loss', kinds, { epoch: 0, points: [{ label: 'train', index: 0, x: 1, value: null }] }), 'Epoch 0: no value yet');
});

test('accuracy shows as a percentage, RMSE as a number', () => {
  const points = [{ label: 'train', index: 4, x: 5, value: 0.875 }, { label: 'test', index: 4, x: 5, value: null }];
  assert.equal(epochTip('accuracy', { metric: 'accuracy' }, { epoch: 5, points }), 'Epoch 5 · train 87.5 %');
  assert.equal(epochTip('accuracy', { metric: 'rmse' }, { epoch: 5, points }), 'Epoch 5 · train RMSE = 0.875');
});

test('a boundary tooltip gives the point and ŷ, and the class when there are several outputs', () => {
  assert.equal(boundaryTip({ x: [0.5, -1.25], y_hat: [0.731058] }), 'x₁ = 0.5, x₂ = −1.25 → ŷ = 0.7311');
  assert.equal(boundaryTip({ x: [2], y_hat: [-0.5] }), 'x₁ = 2 → ŷ = −0.5');
  assert.equal(boundaryTip({ x: [0, 0], y_hat: [0.1, 0.7, 0.2] }), 'x₁ = 0, x₂ = 0 → ŷ = (0.1, 0.7, 0.2): class 1');
  assert.equal(neuronCaption([0, 2]), 'Layer 1, unit 3: A over the plane');
});

test('the words inside the loss and accuracy charts come from the message table, one per word the core draws', () => {
  // The core's keys (src/charts/mod.rs, Words::ENGLISH); it refuses any other key.
  assert.deepEqual(CHART_WORDS, ['epoch', 'loss', 'accuracy', 'rmse', 'train', 'test', 'batch']);
  const labels = chartLabels();
  assert.deepEqual(Object.keys(labels), CHART_WORDS);
  for (const key of CHART_WORDS) assert.equal(labels[key], translate(`charts.word.${key}`));
  assert.equal(labels.loss, 'loss J');
});
