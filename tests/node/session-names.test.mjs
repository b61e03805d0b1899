// A session made from a CSV file keeps the file's name, columns and classes:
// Save writes them, Open reads them, and the data summary of the opened session shows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { loadOptions, shapesText, sessionFileName, DEFAULT_PREP } from '../../www/data-options.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const IRIS = readFileSync(new URL('../../www/data/iris.csv', import.meta.url), 'utf8');
const circle = () => Playground.fromSession(Playground.defaultSession('circle'));
// Iris with the species named: its classes are text, as in many a person's own file.
const SPECIES = ['setosa', 'versicolor', 'virginica'];
const FLOWERS = IRIS.replace(/,target$/m, ',species').replace(/,(\d)$/gm, (_, k) => `,${SPECIES[k]}`);

test('a CSV loaded with its file name is named after it, and the session file keeps the names', () => {
  const pg = circle();
  pg.loadCsv(FLOWERS, loadOptions(DEFAULT_PREP, { file: 'flowers.csv' }));
  assert.equal(JSON.parse(pg.meta()).name, 'flowers.csv');
  assert.equal(sessionFileName(JSON.parse(pg.meta()).name), 'flowers.json');
  const saved = JSON.parse(pg.toSession());
  assert.equal(saved.data.file, 'flowers.csv');
  assert.deepEqual(saved.data.inputs, ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
  assert.equal(saved.data.target, 'species');
  assert.deepEqual(saved.data.classes, SPECIES);

  const opened = Playground.fromSession(pg.toSession());
  assert.equal(opened.toSession(), pg.toSession(), 'the opened session writes the same file');
  assert.equal(JSON.parse(opened.meta()).name, 'flowers.csv');
  const summary = JSON.parse(opened.dataSummary());
  assert.deepEqual(summary.inputs, saved.data.inputs);
  assert.equal(summary.target, 'species');
  assert.deepEqual(summary.classes, SPECIES);
  assert.equal(shapesText(summary), 'train 120 × 4, test 30 × 4 · 3 classes');
  pg.free();
  opened.free();
});

test('without a file name the load is still named "CSV file", and a shipped preset names its file', () => {
  const pg = circle();
  pg.loadCsv(IRIS, loadOptions(DEFAULT_PREP));
  assert.equal(JSON.parse(pg.meta()).name, 'CSV file');
  assert.equal(JSON.parse(pg.toSession()).data.file, undefined);
  pg.free();
  const iris = Playground.presetWithCsv('iris', IRIS);
  assert.equal(JSON.parse(iris.toSession()).data.file, 'iris.csv');
  assert.equal(JSON.parse(iris.meta()).name, 'Iris (Fisher, 1936)');
  iris.free();
});

test('an opened session without names counts its classes from the output layer', () => {
  const pg = Playground.fromSession(Playground.defaultSession('circle'));
  const summary = JSON.parse(pg.dataSummary());
  assert.deepEqual(summary.classes, ['0', '1'], 'one sigmoid unit: two classes');
  assert.equal(shapesText(summary), 'train 100 × 2, test 100 × 2 · 2 classes');
  pg.free();
});
