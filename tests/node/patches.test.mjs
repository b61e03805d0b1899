// The configure() patches behind the settings form (www/patches.js), checked against the real core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import {
  fieldValue, batchSizeValue, batchMethod, lossPatch, addLayerPatch, removeLayerPatch, unitsPatch,
  activationPatch, isLivePatch, trainingPatch,
} from '../../www/patches.js';
import { jsonText } from '../../www/numbers.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const circle = () => Playground.fromSession(Playground.defaultSession('circle'));
const sessionOf = (playground) => JSON.parse(playground.toSession());
// Apply a patch built from the session, as the settings form does.
const apply = (playground, build) => playground.configure(JSON.stringify(build(sessionOf(playground))));

test('typed text becomes a number when it is one, and otherwise reaches the core as typed', () => {
  assert.equal(fieldValue(' 0.05 ').value, 0.05);
  assert.equal(fieldValue('1e-3').value, 0.001);
  assert.equal(fieldValue('.5').value, 0.5);
  assert.equal(jsonText(fieldValue('-2').value), '-2');
  assert.equal(fieldValue('').value, null);
  assert.equal(fieldValue('NaN').value, 'NaN');
  assert.equal(fieldValue('0x10').value, '0x10');
  assert.equal(fieldValue('fast').value, 'fast');
  assert.equal(batchSizeValue('ALL').value, 'all');
  assert.equal(jsonText(batchSizeValue('10').value), '10');
});

test('batch sizes are named: 1 is SGD, k is mini-batch, all (or every row) is batch gradient descent', () => {
  assert.equal(batchMethod(1, 100), 'sgd');
  assert.equal(batchMethod(10, 100), 'mini');
  assert.equal(batchMethod(100, 100), 'full');
  assert.equal(batchMethod('all', 100), 'full');
});

test('only the learning rate and the stopping rule are live changes', () => {
  assert.equal(isLivePatch(trainingPatch('learning_rate', 0.1)), true);
  assert.equal(isLivePatch({ training: { max_epochs: 5, target_loss: null } }), true);
  assert.equal(isLivePatch(trainingPatch('batch_size', 4)), false);
  assert.equal(isLivePatch({ loss: 'mse' }), false);
});

test('switching the loss brings the output layer the loss needs, and back again', () => {
  const playground = circle();
  apply(playground, (s) => lossPatch(s, 'cce'));
  let session = sessionOf(playground);
  assert.equal(session.loss, 'cce');
  assert.deepEqual(session.network.layers.at(-1), { units: 2, activation: 'softmax' });
  assert.deepEqual(session.data.train.y[0].length, 2, 'the core one-hot encoded the class numbers');
  apply(playground, (s) => lossPatch(s, 'bce'));
  session = sessionOf(playground);
  assert.deepEqual(session.network.layers.at(-1), { units: 1, activation: 'sigmoid' });
  assert.deepEqual(session.data.train.y, sessionOf(circle()).data.train.y, 'the labels are the original 0/1 column again');
  apply(playground, (s) => lossPatch(s, 'mse'));
  assert.deepEqual(sessionOf(playground).network.layers.at(-1), { units: 1, activation: 'sigmoid' }, 'MSE keeps a sigmoid output');
});

test('hidden layers are added before the output layer and removed by index', () => {
  const playground = circle();
  apply(playground, addLayerPatch);
  assert.deepEqual(sessionOf(playground).network.layers.map((l) => l.units), [4, 2, 2, 1], 'a copy of the last hidden layer');
  apply(playground, (s) => unitsPatch(s, 2, 16));
  apply(playground, (s) => activationPatch(s, 0, 'relu'));
  apply(playground, (s) => removeLayerPatch(s, 1));
  assert.deepEqual(sessionOf(playground).network.layers, [
    { units: 4, activation: 'relu' }, { units: 16, activation: 'tanh' }, { units: 1, activation: 'sigmoid' },
  ]);
  assert.throws(() => removeLayerPatch(sessionOf(playground), 2), /output layer/);
});

test('a bad unit count goes to the core, which names it and changes nothing', () => {
  const playground = circle();
  const before = playground.toSession();
  assert.throws(() => apply(playground, (s) => unitsPatch(s, 0, 0)), /network\.layers\[0\]\.units must be .* got 0/);
  assert.throws(() => apply(playground, (s) => unitsPatch(s, 0, 'many')), /got "many"/);
  assert.equal(playground.toSession(), before);
});
