// Numbers typed by a person and sent to the core as text (www/numbers.js), checked against the
// real core: a 64-bit seed keeps every digit on its way in and out, and a number the core could
// not hold as typed is refused with the text as typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { readNumber, jsonText, wholeIn, Whole, MAX_WHOLE } from '../../www/numbers.js';
import { fieldValue, batchSizeValue, trainingPatch } from '../../www/patches.js';
import { loadOptions, prepOf } from '../../www/data-options.js';
import { t } from '../../www/i18n.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const IRIS = readFileSync(new URL('../../www/data/iris.csv', import.meta.url), 'utf8');
const circle = () => Playground.fromSession(Playground.defaultSession('circle'));
// The seed in the session text, read by a pattern on the text: no JSON.parse, which would round it.
const seedText = (pg) => /"training": \{[^{}]*"seed": (\d+),/.exec(pg.toSession())[1];

test('whole numbers are sent as their digits; other numbers as the float they are', () => {
  assert.deepEqual(readNumber('18446744073709551615').value, new Whole('18446744073709551615'));
  assert.deepEqual(readNumber(' 007 ').value, new Whole('7'));
  assert.deepEqual(readNumber('4.0').value, new Whole('4'));
  assert.deepEqual(readNumber('−3').value, new Whole('-3'));
  assert.equal(readNumber(' 0.05 ').value, 0.05);
  assert.equal(readNumber('1e-3').value, 0.001);
  assert.equal(readNumber('.5').value, 0.5);
  assert.equal(readNumber('−1.5').value, -1.5);
  assert.equal(readNumber('').value, null);
  // No number: the text itself, for the core to name.
  for (const text of ['abc', 'NaN', '0x10', 'Infinity', '1,5', '1e']) assert.equal(readNumber(text).value, text, text);
  assert.equal(jsonText({ training: { seed: new Whole('18446744073709551615'), learning_rate: 0.1, batch_size: 'all' } }),
    '{"training":{"seed":18446744073709551615,"learning_rate":0.1,"batch_size":"all"}}');
  assert.equal(jsonText({ a: [1, null, true, 'x"y'], b: undefined }), '{"a":[1,null,true,"x\\"y"]}');
});

test('a number the core could not hold as typed is a problem, with the text as typed', () => {
  assert.deepEqual(readNumber(' 1e-400 '), { problem: 'underflow', text: '1e-400' });
  assert.deepEqual(readNumber('-2.5e-999'), { problem: 'underflow', text: '-2.5e-999' });
  assert.deepEqual(readNumber('1e400'), { problem: 'overflow', text: '1e400' });
  assert.deepEqual(readNumber('18446744073709551616'), { problem: 'wholeTooLarge', text: '18446744073709551616' });
  assert.equal(MAX_WHOLE, 2n ** 64n - 1n);
  // Zero written any way is zero, not a lost number.
  for (const text of ['0', '0.0', '0e-400', '-0.000']) assert.equal(readNumber(text).problem, undefined, text);
  assert.equal(t('number.underflow', { text: '1e-400' }), '1e-400 is closer to 0 than a 64-bit number can hold: it would be 0');
  assert.match(t('number.wholeTooLarge', { text: '18446744073709551616' }), /^18446744073709551616 is beyond 18446744073709551615/);
  assert.equal(batchSizeValue(' ALL ').value, 'all');
  assert.deepEqual(fieldValue('1e-400'), readNumber('1e-400'), 'the settings read as readNumber does');
});

test('the advertised largest seed and a seed beyond 2^53 reach the core and come back with every digit', () => {
  for (const typed of ['18446744073709551615', '12345678901234567', '9007199254740993']) {
    const pg = circle();
    const { value } = fieldValue(typed);
    pg.configure(jsonText(trainingPatch('seed', value)));
    assert.equal(seedText(pg), typed);
    assert.equal(wholeIn(pg.toSession(), 'training', 'seed'), typed, 'the page reads it back exactly too');
    // JSON.parse would have shown another seed.
    assert.notEqual(String(JSON.parse(pg.toSession()).training.seed), typed);
    pg.free();
  }
});

test('the split seed of a data load keeps its digits, in the options and in the summary', () => {
  const pg = circle();
  const seed = '18446744073709551615';
  const text = pg.loadCsv(IRIS, loadOptions({ standardize: true, testShare: 20, seed }));
  assert.equal(wholeIn(text, 'split', 'seed'), seed, 'the summary writes all 64 bits (wasm32 cut them to 32)');
  const summary = JSON.parse(text);
  summary.split.seed = wholeIn(text, 'split', 'seed');
  assert.equal(prepOf(summary).seed, seed);
  pg.free();
});

test('wholeIn reads the number of the named object only', () => {
  const text = '{"name": "seed 5", "init": {"seed": 3}, "training": {"learning_rate": 0.1, "seed": 42, "l2": 0}}';
  assert.equal(wholeIn(text, 'training', 'seed'), '42');
  assert.equal(wholeIn(text, 'init', 'seed'), '3');
  assert.equal(wholeIn(text, 'training', 'shuffle'), null);
});
