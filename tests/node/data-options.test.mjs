// What the data panel computes without the DOM (www/data-options.js), checked against the core
// where the two must agree: the options it sends are the ones the core reads back in its summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import {
  MAX_CSV_BYTES, POINT_STOPS, loadOptions, prepOf, formatBytes, sizeProblem, stopOf, clampPoints, columnsOf,
  shapesText, outputText, classOf, targetText, scatterData, bounds, rowWindow, isImage, sessionFileName, DEFAULT_PREP,
} from '../../www/data-options.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const IRIS = readFileSync(new URL('../../www/data/iris.csv', import.meta.url), 'utf8');

// A fresh session to load data into.
const session = () => Playground.fromSession(Playground.defaultSession('worked-example'));

test('the options sent with a load come back in the core\'s summary', () => {
  const pg = session();
  const prep = { standardize: false, testShare: 35, seed: 9 };
  const summary = JSON.parse(pg.loadCsv(IRIS, loadOptions(prep, { task: 'classification' })));
  assert.deepEqual(prepOf(summary), prep);
  assert.equal(summary.split.test_fraction, 0.35);
  assert.deepEqual(JSON.parse(loadOptions(DEFAULT_PREP)), { standardize: true, test_fraction: 0.2, seed: 1 });
  pg.free();
});

test('data from a session file has no preprocessing to report', () => {
  const pg = session();
  assert.equal(prepOf(JSON.parse(pg.dataSummary())), null);
  pg.free();
});

test('files over 10 MB are refused, with both sizes in the message', () => {
  assert.equal(MAX_CSV_BYTES, 10 * 1024 * 1024);
  assert.equal(sizeProblem('a.csv', MAX_CSV_BYTES, MAX_CSV_BYTES), null, 'exactly 10 MB is allowed, as in the core');
  assert.equal(sizeProblem('a.csv', MAX_CSV_BYTES + 1, MAX_CSV_BYTES), 'a.csv is 10.0 MB; files over 10.0 MB are refused');
  assert.equal(formatBytes(812), '812 bytes');
  assert.equal(formatBytes(3 * 1024 * 1024 + 400 * 1024), '3.4 MB');
});

test('the points slider snaps to its nearest stop on a log scale, the field keeps 2 … 10 000', () => {
  assert.equal(POINT_STOPS[stopOf(200)], 200);
  assert.equal(POINT_STOPS[stopOf(130)], 100, '130 is nearer 100 than 200 on a log scale');
  assert.equal(POINT_STOPS[stopOf(150)], 200);
  assert.equal(POINT_STOPS[stopOf(1)], 2);
  assert.equal(POINT_STOPS[stopOf(99999)], 10000);
  assert.equal(clampPoints('100'), 100);
  assert.equal(clampPoints('12.6'), 13);
  assert.equal(clampPoints('1'), 2);
  assert.equal(clampPoints('20000'), 10000);
  assert.ok(Number.isNaN(clampPoints('many')));
});

test('shapes and the output layer read as the summary says', () => {
  const pg = session();
  const summary = JSON.parse(pg.loadCsv(IRIS, loadOptions(DEFAULT_PREP)));
  assert.deepEqual(columnsOf(summary), ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm', 'target']);
  assert.equal(shapesText(summary), 'train 120 × 4, test 30 × 4 · 3 classes');
  assert.equal(outputText(summary), 'Output layer: 3 softmax units · loss: cross-entropy');
  const sine = JSON.parse(pg.loadGenerated('sine', 50, 0, 1, loadOptions(DEFAULT_PREP)));
  assert.equal(shapesText(sine), 'train 40 × 1, test 10 × 1 · regression');
  assert.equal(outputText(sine), 'Output layer: 1 identity unit · loss: MSE');
  pg.free();
});

test('a target row reads as its class: ½ splits one column, the largest entry picks among many', () => {
  assert.equal(classOf([0]), 0);
  assert.equal(classOf([0.5]), 1);
  assert.equal(classOf([0, 0, 1]), 2);
  assert.equal(classOf([0.2, 0.7, 0.1]), 1);
  const classes = { task: 'classification', classes: ['setosa', 'versicolor', 'virginica'] };
  assert.equal(targetText([0, 1, 0], classes, String), 'versicolor');
  assert.equal(targetText([1.5, -2], { task: 'regression' }, String), '1.5, -2');
});

test('two inputs scatter as (x1, x2) by class or value; one input as (x, y); more do not', () => {
  const x = [[1, 2], [3, 4]];
  assert.deepEqual(scatterData(x, [[0], [1]], 'classification'), { points: [[1, 2], [3, 4]], classes: [0, 1], values: null, yAxis: 'x2' });
  // Two classes one-hot (a softmax output) are the same classes as in one column; three are 0, 1, 2.
  assert.deepEqual(scatterData(x, [[1, 0], [0, 1]], 'classification').classes, [0, 1]);
  assert.deepEqual(scatterData(x, [[0, 0, 1], [1, 0, 0]], 'classification').classes, [2, 0]);
  assert.deepEqual(scatterData(x, [[0.5], [-1]], 'regression').values, [0.5, -1]);
  assert.deepEqual(scatterData([[0.1], [0.2]], [[5], [6]], 'regression').points, [[0.1, 5], [0.2, 6]]);
  assert.equal(scatterData([[1, 2, 3]], [[0]], 'classification'), null);
});

test('plot bounds pad the data by 5% and give a lone value a range', () => {
  assert.deepEqual(bounds([[0, 0], [10, 20]]), [[-0.5, 10.5], [-1, 21]]);
  assert.deepEqual(bounds([[3, 3]]), [[2.5, 3.5], [2.5, 3.5]]);
  assert.deepEqual(bounds([]), [[-1, 1], [-1, 1]]);
});

test('a long batch lists a window that holds the selected sample', () => {
  assert.deepEqual(rowWindow(5, 3, 12), [0, 5]);
  assert.deepEqual(rowWindow(120, 0, 12), [0, 12]);
  assert.deepEqual(rowWindow(120, 50, 12), [44, 56]);
  assert.deepEqual(rowWindow(120, 119, 12), [108, 120]);
});

test('64 inputs are an 8 × 8 image; a session\'s name makes its file name', () => {
  assert.equal(isImage(64), true);
  assert.equal(isImage(4), false);
  assert.equal(sessionFileName('Iris (Fisher, 1936)'), 'iris-fisher-1936.json');
  assert.equal(sessionFileName('Worked example (article 4.3)'), 'worked-example-article-4-3.json');
  assert.equal(sessionFileName(null), 'session.json');
});
