// The core's errors, worded by the page (www/core-errors.js) from its message tables: real errors
// from the built package, whose English message must come out of en.js byte for byte, and whose
// Chinese must be Chinese, with the line and column of a CSV file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import en from '../../www/messages/en.js';
import zh from '../../www/messages/zh.js';
import { coreMessage } from '../../www/core-errors.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const circleSession = Playground.defaultSession('circle');
const circle = () => Playground.fromSession(circleSession);
// The circle session with `change` made to its parsed JSON.
const sessionWith = (change) => {
  const session = JSON.parse(circleSession);
  change(session);
  return JSON.stringify(session);
};
const configure = (patch) => () => circle().configure(JSON.stringify(patch));
const csv = (text, options = {}) => () => circle().loadCsv(text, JSON.stringify(options));
const layer = (units, activation = 'tanh') => ({ units, activation });

// [what, the call that throws, its kind, the key of its expected or detail phrase, today's English].
const CASES = [
  ['a learning rate of 0', configure({ training: { learning_rate: 0 } }), 'invalid', 'core.expected.positive',
    'training.learning_rate must be a positive finite number, got 0'],
  ['a learning rate as text', configure({ training: { learning_rate: 'fast' } }), 'invalid', 'core.expected.finite',
    'training.learning_rate must be a finite number, got "fast"'],
  ['a learning rate as a list', configure({ training: { learning_rate: [1, 2] } }), 'invalid', 'core.expected.finite',
    'training.learning_rate must be a finite number, got a list of 2'],
  ['a learning rate as an object', configure({ training: { learning_rate: {} } }), 'invalid', 'core.expected.finite',
    'training.learning_rate must be a finite number, got an object'],
  ['a batch size of 0', configure({ training: { batch_size: 0 } }), 'invalid', 'core.expected.batchSize',
    'training.batch_size must be a whole number ≥ 1 or "all", got 0'],
  ['a negative L2', configure({ training: { l2: -0.5 } }), 'invalid', 'core.expected.nonNegative',
    'training.l2 must be a finite number ≥ 0, got -0.5'],
  ['a negative target loss', configure({ training: { target_loss: -1 } }), 'invalid', 'core.expected.nonNegativeOrNull',
    'training.target_loss must be a finite number ≥ 0, or null, got -1'],
  ['max epochs of 2.5', configure({ training: { max_epochs: 2.5 } }), 'invalid', 'core.expected.wholeRange',
    'training.max_epochs must be a whole number from 1 to 4294967295, got 2.5'],
  ['shuffle as text', configure({ training: { shuffle: 'yes' } }), 'invalid', 'core.expected.boolean',
    'training.shuffle must be true or false, got "yes"'],
  ['an unknown setting', configure({ training: { speed: 1 } }), 'invalid', 'core.expected.knownField',
    'training.speed must be one of the known fields (learning_rate, batch_size, shuffle, seed, l2, target_loss, max_epochs), got an unknown field'],
  ['0 units', configure({ network: { layers: [layer(0), layer(1, 'sigmoid')] } }), 'invalid', 'core.expected.wholeRange',
    'network.layers[0].units must be a whole number from 1 to 256, got 0'],
  ['softmax on a hidden layer', configure({ network: { layers: [layer(2, 'softmax'), layer(1, 'sigmoid')] } }), 'invalid',
    'core.expected.hiddenActivation',
    'network.layers[0].activation must be identity, sigmoid, tanh or relu on a hidden layer (softmax belongs to the output layer), got "softmax"'],
  ['an unknown activation', configure({ network: { layers: [layer(2, 'swish'), layer(1, 'sigmoid')] } }), 'invalid',
    'core.expected.oneOf',
    'network.layers[0].activation must be one of identity, sigmoid, tanh, relu, softmax, got "swish"'],
  ['ten layers', configure({ network: { layers: Array(10).fill(layer(2)) } }), 'invalid', 'core.expected.layerCount',
    'network.layers must be a list of 1 to 9 layers (the last is the output layer), got 10 layers'],
  ['an unknown loss', configure({ loss: 'hinge' }), 'invalid', 'core.expected.oneOf',
    'loss must be one of mse, bce, cce, got "hinge"'],
  ['BCE on a tanh output', configure({ network: { layers: [layer(2), layer(1, 'tanh')] } }), 'invalid',
    'core.expected.outputActivation',
    'network.layers[1].activation must be sigmoid on the output layer, for loss bce, got "tanh"'],
  ['an unknown initialisation', configure({ init: { weights: 'zeros' } }), 'invalid', 'core.expected.oneOf',
    'init.weights must be one of constant, uniform, uniform_centered, glorot_uniform, he_normal, got "zeros"'],

  ['a short row', csv('a,b,c\n1,2,0\n4,5\n6,7,1\n'), 'csv', 'core.csv.ragged',
    'CSV line 3, column 3: this row has 2 fields where the first row has 3'],
  ['a word among numbers', csv('x1,x2,y\n1,2,0\n3,abc,1\n4,5,0\n'), 'csv', 'core.csv.notNumber',
    'CSV line 3, column 2: "abc" is not a number'],
  ['a decimal comma', csv('x1;x2;y\n1;2;0\n3;4,5;1\n6;7;0\n'), 'csv', 'core.csv.decimalComma',
    'CSV line 3, column 2: "4,5" is not a number (write decimals with a point, not a comma)'],
  ['NaN in a cell', csv('x,y\n1,0\nNaN,1\n2,0\n'), 'csv', 'core.csv.notFinite',
    'CSV line 3, column 1: "NaN" is not a finite number (NaN and infinities cannot be trained on)'],
  ['an empty cell', csv('x1,x2,y\n1,2,0\n3,,1\n4,5,0\n'), 'csv', 'core.csv.emptyCell',
    'CSV line 3, column 2: the cell is empty; every cell needs a value'],
  ['one data row', csv('x,y\n1,0\n'), 'csv', 'core.csv.tooShort.one',
    'CSV line 3, column 1: the file has 1 data row; at least 2 are needed'],
  ['no data row', csv('x,y\n'), 'csv', 'core.csv.tooShort',
    'CSV line 2, column 1: the file has 0 data rows; at least 2 are needed'],
  ['an empty file', csv(' \n'), 'csv', 'core.csv.empty', 'CSV line 1, column 1: the file is empty'],
  ['a text input column', csv('name,x,y\nann,1,0\nbob,2,1\n'), 'csv', 'core.csv.textInput',
    'CSV line 2, column 1: "ann" is not a number; input columns must hold numbers (only the target may hold class names), see column "name"'],
  ['a single class', csv('x1,x2,y\n1,2,1\n3,4,1\n5,6,1\n'), 'csv', 'core.csv.oneClass',
    'CSV line 2, column 3: the target column "y" holds a single class; classification needs at least 2 (or choose another target)'],
  ['one column', csv('y\n1\n2\n3\n'), 'csv', 'core.csv.tooNarrow',
    'CSV line 1, column 1: the file has 1 column; at least one input column and a target are needed'],
  ['a test share of 95 %', csv('x,y\n1,0\n2,1\n3,0\n4,1\n', { test_fraction: 0.95 }), 'invalid', 'core.expected.numberRange',
    'options.test_fraction must be a number from 0.1 to 0.9, got 0.95'],
  ['an unknown target column', csv('x,y\n1,0\n2,1\n3,0\n4,1\n', { target: 'z' }), 'invalid', 'core.expected.target',
    'options.target must be a column name (x, y) or a number from 0 to 1, got "z"'],
  ['an unknown task', csv('x,y\n1,0\n2,1\n', { task: 'maybe' }), 'invalid', 'core.expected.task',
    'options.task must be "auto", "classification" or "regression", got "maybe"'],

  ['a session that is not JSON', () => Playground.fromSession('{bad'), 'json', 'core.json.keyMustBeString',
    'the session is not valid JSON: key must be a string at line 1 column 2'],
  ['a trailing comma on line 2', () => Playground.fromSession('{\n"version": 1,}'), 'json', 'core.json.trailingComma',
    'the session is not valid JSON: trailing comma at line 2 column 14'],
  ['a session cut short', () => Playground.fromSession('{"version": 1, "network": ['), 'json', 'core.json.eofList',
    'the session is not valid JSON: EOF while parsing a list at line 1 column 27'],
  ['a session of version 2', () => Playground.fromSession(sessionWith((s) => { s.version = 2; })), 'invalid',
    'core.expected.version', 'version must be 1, got 2'],
  ['a session without training', () => Playground.fromSession(sessionWith((s) => { delete s.training; })), 'invalid',
    'core.expected.present', 'training must be present, got nothing (the field is missing)'],
  ['params of another shape', () => Playground.fromSession(sessionWith((s) => {
    s.params = [{ w: [[1]], b: [0, 0, 0, 0] }, { w: [[1, 1]], b: [0, 0] }, { w: [[1]], b: [0] }];
  })), 'invalid', 'core.expected.weightShape', 'params[0].w must be 2 rows (inputs) of 4 numbers (units), got 1 rows of 1'],
  ['params that are no list', () => Playground.fromSession(sessionWith((s) => { s.params = 'none'; })), 'invalid',
    'core.expected.paramsList', 'params must be a list with one {w, b} per layer, got "none"'],
  ['too few params', () => Playground.fromSession(sessionWith((s) => { s.params = [{ w: [[1]], b: [0] }]; })), 'invalid',
    'core.expected.paramsCount', 'params must be a list of 3 entries, one per layer, got 1 entries'],

  ['an unknown generator', () => circle().loadGenerated('moons', 100, 0.1, 1, '{}'), 'invalid', 'core.expected.oneOf',
    'generator must be one of circle, xor, gauss, spiral, blobs, plane, sine, got "moons"'],
  ['one generated point', () => circle().loadGenerated('circle', 1, 0.1, 1, '{}'), 'invalid', 'core.expected.wholeRange',
    'generator.points must be a whole number from 2 to 10000, got 1'],
  ['noise of 2', () => circle().loadGenerated('xor', 100, 2, 1, '{}'), 'invalid', 'core.expected.numberRange',
    'generator.noise must be a number from 0 to 1, got 2'],
  ['seven blobs', () => circle().loadGenerated('blobs', 100, 0.1, 1, '{"classes":7}'), 'invalid', 'core.expected.wholeRange',
    'generator.classes must be a whole number from 3 to 5, got 7'],

  ['a step of a week', () => circle().step('week'), 'invalid', 'core.expected.stepUnit',
    'step unit must be "phase", "batch" or "epoch", got "week"'],
  ['a phase the network lacks', () => circle().stepTo('Backward(7)'), 'invalid', 'core.expected.phaseOfNetwork',
    'phase must be a phase of this 3-layer network, e.g. Forward(1), Loss, Update, got "Backward(7)"'],
  ['a weight that is not there', () => circle().setWeight(0, 5, 0, 1), 'invalid', 'core.expected.existingWeight',
    'params[0].w[5][0] must be an existing weight, got out of range'],
  ['rows of data from a session file', () => circle().dataRows('train'), 'state', 'core.state.sessionData',
    'the data came with a session file; its raw values are not known'],
];

// The key of the phrase a case is about: the expected value of an Invalid, the detail of the others.
const aboutKey = (e) => (e.kind === 'invalid' ? e.expected.key : e.detail.key);

// Latin words that may stand in the Chinese: names of functions, formats and values, and JSON.
const NAMES = new Set([
  'tanh', 'relu', 'sigmoid', 'softmax', 'identity', 'mse', 'bce', 'cce', 'constant', 'uniform', 'uniform_centered',
  'glorot_uniform', 'he_normal', 'circle', 'xor', 'gauss', 'spiral', 'blobs', 'plane', 'sine', 'CSV', 'JSON', 'null',
  'true', 'false', 'NaN', 'w', 'b', 'Forward', 'Loss', 'Backward', 'Update', 'auto', 'classification', 'regression',
  'phase', 'batch', 'epoch',
]);

// The Latin words of `text` that are not names: the field's path, the lists of names the core
// puts in (of fields, columns, choices), quoted values (the person's text) and field paths such
// as training.learning_rate or network.inputs aside.
function englishWords(text, e) {
  const lists = [e.field, e.expected?.args.fields, e.expected?.args.columns, e.expected?.args.names];
  let rest = text;
  for (const names of lists) if (names) rest = rest.split(names).join(' ');
  rest = rest.replace(/"[^"]*"/g, ' ').replace(/\b[a-z_]+(?:\.[a-z_]+|\[\d+\])+/g, ' ');
  return [...rest.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)].map((m) => m[0]).filter((word) => !NAMES.has(word));
}

// Calls `f` and returns what it throws.
function thrown(f) {
  try {
    f();
  } catch (error) {
    return error;
  }
  assert.fail('no error');
}

for (const [what, call, kind, key, english] of CASES) {
  test(`${what}: the core's English, and the same words from en.js; Chinese from zh.js`, () => {
    const e = thrown(call);
    assert.ok(e instanceof Error);
    assert.equal(e.message, english, 'the message is today\'s English');
    assert.equal(e.kind, kind);
    assert.equal(e.key, `core.${kind}`);
    assert.equal(aboutKey(e), key);
    assert.equal(coreMessage(e, en), e.message);
    const chinese = coreMessage(e, zh);
    assert.notEqual(chinese, e.message);
    assert.deepEqual(englishWords(chinese, e), [], chinese);
    if (kind === 'csv' || kind === 'json') {
      assert.ok(chinese.includes(`第 ${e.line} 行`) && chinese.includes(`第 ${e.column} 列`), chinese);
    }
  });
}

test('an error names its parts: the field, the values of what it expects, the line and column', () => {
  const units = thrown(configure({ network: { layers: [layer(300), layer(1, 'sigmoid')] } }));
  assert.equal(units.field, 'network.layers[0].units');
  assert.deepEqual(units.expected, { key: 'core.expected.wholeRange', args: { lo: '1', hi: '256' } });
  assert.equal(units.got, '300');
  assert.equal(units.gotKey, undefined);
  const layers = thrown(configure({ network: { layers: Array(10).fill(layer(2)) } }));
  assert.deepEqual([layers.got, layers.gotKey, layers.gotArgs], ['10 layers', 'core.got.layers', { count: '10' }]);
  const unit = thrown(() => circle().step('week'));
  assert.deepEqual([unit.field, unit.fieldKey], ['step unit', 'core.field.stepUnit']);
  const cell = thrown(csv('x1,x2,y\n1,2,0\n3,abc,1\n4,5,0\n'));
  assert.deepEqual([cell.line, cell.column, cell.detail], [3, 2, { key: 'core.csv.notNumber', args: { cell: '"abc"' } }]);
  const json = thrown(() => Playground.fromSession('{\n"version": 1,}'));
  assert.deepEqual([json.line, json.column, json.detail], [2, 14, { key: 'core.json.trailingComma', args: {} }]);
  assert.equal(coreMessage(cell, zh), 'CSV 第 3 行第 2 列："abc" 不是数字');
  assert.equal(coreMessage(units, zh), 'network.layers[0].units 应为1 到 256 之间的整数，实际为 300');
  assert.equal(coreMessage(unit, zh), '步进单位 应为"phase"、"batch" 或 "epoch"，实际为 "week"');
});

test('the canvas glue\'s errors carry their key too', () => {
  // Node has no document: the chart cannot find its canvas.
  const e = thrown(() => circle().drawLoss('loss-canvas', ''));
  assert.deepEqual([e.kind, e.key, e.message], ['canvas', 'core.canvas.noDocument', 'charts need a page with a document']);
  assert.equal(coreMessage(e, en), e.message);
  assert.equal(coreMessage(e, zh), zh['core.canvas.noDocument']);
});

test('a plain Error keeps its message, and so does an error whose key a table lacks', () => {
  assert.equal(coreMessage(new Error('offline'), zh), 'offline');
  assert.equal(coreMessage('a string', zh), 'a string');
  const e = thrown(configure({ training: { l2: -1 } }));
  const { 'core.expected.nonNegative': _gone, ...partial } = zh;
  assert.equal(coreMessage(e, partial), e.message);
  // A placeholder with no value stays as written, as t() leaves it.
  const odd = Object.assign(new Error('x'), { key: 'core.got.rowsOf', args: { rows: '2' } });
  assert.equal(coreMessage(odd, en), '2 rows of {cols}');
});
