// The preset the page's address asks for (www/address.js): found however a person types it, and
// the default with the text asked for when no preset is called that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presetFromAddress, presetKey } from '../../www/address.js';

const NAMES = ['circle', 'worked-example', 'logistic-regression', 'iris', 'digits'];
const read = (search) => presetFromAddress(search, NAMES, 'circle');

test('a preset is found in any case, with spaces or underscores for hyphens and spaces around it', () => {
  for (const [search, preset] of [
    ['?preset=iris', 'iris'],
    ['?preset=Iris', 'iris'],
    ['?preset=%20iris%20', 'iris'],
    ['?preset=iris%20', 'iris'],
    ['?preset=Worked%20Example', 'worked-example'],
    ['?preset=Worked+Example', 'worked-example'],
    ['?preset=worked_example', 'worked-example'],
    ['?preset=LOGISTIC-regression', 'logistic-regression'],
    ['', 'circle'],
    ['?other=1', 'circle'],
  ]) assert.deepEqual(read(search), { preset, unknown: null }, search);
  assert.equal(presetKey(' Worked_Example '), 'worked-example');
});

test('a name that is no preset gives the default and the text asked for', () => {
  for (const [search, unknown] of [
    ['?preset=xor', 'xor'],
    ['?preset=', ''],
    ['?preset=circles', 'circles'],
    ['?preset=%3Cb%3Eiris%3C%2Fb%3E', '<b>iris</b>'],
  ]) assert.deepEqual(read(search), { preset: 'circle', unknown }, search);
});
