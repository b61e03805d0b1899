// The configure() patches behind the settings form: one function per kind of change, each from the
// current session (as toSession() gives it). Pure functions without the DOM, so Node can test them.
// Values the person typed go to the core unchanged, so that its error names what they typed.
import { readNumber } from './numbers.js';

// Activations a hidden layer may use (softmax belongs to the output layer only).
export const HIDDEN_ACTIVATIONS = ['identity', 'sigmoid', 'tanh', 'relu'];

// Activations the output layer may use with each loss: the core pairs BCE with sigmoid and CCE with softmax.
export const OUTPUT_ACTIVATIONS = {
  mse: ['identity', 'sigmoid', 'tanh', 'relu'],
  bce: ['sigmoid'],
  cce: ['softmax'],
};

export const LOSSES = ['mse', 'bce', 'cce'];
export const INITS = ['constant', 'uniform', 'uniform_centered', 'glorot_uniform', 'he_normal'];

// The core allows up to 8 hidden layers of 1 to 256 units.
export const MAX_HIDDEN = 8;
export const MAX_UNITS = 256;

// Units and activation of a hidden layer added at the end of the hidden layers, when there is none to copy.
const NEW_LAYER = { units: 4, activation: 'tanh' };

// A typed field's value for the core, as readNumber (www/numbers.js) reads it: { value } where
// value is null for empty text, a Whole (digits sent unchanged) or a number, or the text itself
// when it is no number (so "abc" or "NaN" reaches the core, which names it in its error); or
// { problem, text } for a number the core could not hold as typed, which is not sent at all.
export function fieldValue(text) {
  return readNumber(text);
}

// The batch size field's value: "all" (any case) stays a word, anything else as fieldValue.
export function batchSizeValue(text) {
  const read = fieldValue(text);
  return typeof read.value === 'string' && read.value.toLowerCase() === 'all' ? { ...read, value: 'all' } : read;
}

// Which gradient descent a batch size makes: 'sgd' (1 row), 'mini' (k rows) or 'full' (every row).
export function batchMethod(batchSize, trainRows) {
  if (batchSize === 'all' || batchSize >= trainRows) return 'full';
  return batchSize === 1 ? 'sgd' : 'mini';
}

// A copy of the session's layer list, safe to change.
function layersOf(session) {
  return session.network.layers.map((layer) => ({ units: layer.units, activation: layer.activation }));
}

// The patch that changes one training setting, e.g. trainingPatch('learning_rate', 0.1).
export function trainingPatch(field, value) {
  return { training: { [field]: value } };
}

// The patch that sets layer `index` (0-based) to `units` units.
export function unitsPatch(session, index, units) {
  const layers = layersOf(session);
  layers[index].units = units;
  return { network: { layers } };
}

// The patch that sets layer `index`'s activation.
export function activationPatch(session, index, activation) {
  const layers = layersOf(session);
  layers[index].activation = activation;
  return { network: { layers } };
}

// The patch that adds a hidden layer just before the output layer, shaped like the last hidden layer.
export function addLayerPatch(session) {
  const layers = layersOf(session);
  const template = layers.length > 1 ? layers[layers.length - 2] : NEW_LAYER;
  layers.splice(layers.length - 1, 0, { ...template });
  return { network: { layers } };
}

// The patch that removes hidden layer `index`.
export function removeLayerPatch(session, index) {
  const layers = layersOf(session);
  if (index >= layers.length - 1) throw new Error(`layer ${index} is the output layer`);
  layers.splice(index, 1);
  return { network: { layers } };
}

// Number of classes in single-column labels 0…k−1 (at least 2).
function classCount(data) {
  const labels = [data.train, data.test].filter(Boolean).flatMap((set) => set.y.map((row) => row[0]));
  return Math.max(2, ...labels.map((y) => Math.round(y) + 1));
}

// Whether every row of `y` is one-hot (a single 1, the rest 0).
function isOneHot(y) {
  return y.every((row) => row.every((v) => v === 0 || v === 1) && row.reduce((s, v) => s + v, 0) === 1);
}

// The patch that switches the loss, with the output layer the loss needs in the same patch:
// BCE gets a sigmoid output, CCE a softmax output with one unit per class, MSE keeps the output
// unless it was softmax. Labels the core one-hot encoded for CCE turn back into a 0/1 column for
// BCE with two classes.
export function lossPatch(session, loss) {
  const layers = layersOf(session);
  const output = layers[layers.length - 1];
  const columns = session.data.train.y[0]?.length ?? 1;
  const patch = { loss, network: { layers } };
  if (loss === 'cce') {
    output.activation = 'softmax';
    // The core one-hot encodes a single column of class numbers for k outputs.
    output.units = columns === 1 ? classCount(session.data) : columns;
    return patch;
  }
  output.activation = loss === 'bce' || output.activation === 'softmax' ? 'sigmoid' : output.activation;
  output.units = columns;
  const sets = ['train', 'test'].filter((name) => session.data[name]);
  if (loss === 'bce' && columns === 2 && sets.every((name) => isOneHot(session.data[name].y))) {
    output.units = 1;
    // Class 1's column is the label a single sigmoid unit learns.
    patch.data = Object.fromEntries(sets.map((name) => [name, { y: session.data[name].y.map((row) => [row[1]]) }]));
  }
  return patch;
}

// Settings the core changes in place, keeping the trace and the undo steps; any other change restarts.
const LIVE_FIELDS = new Set(['learning_rate', 'target_loss', 'max_epochs']);

// Whether `patch` changes only live settings (so training goes on from where it is).
export function isLivePatch(patch) {
  return Object.entries(patch).every(([key, value]) => key === 'training'
    && Object.keys(value).every((field) => LIVE_FIELDS.has(field)));
}
