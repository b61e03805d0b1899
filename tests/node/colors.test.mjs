// The diverging colour scale (www/colors.js): blue below zero, white at zero, red above.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rgbAt, scaleMax, scalePosition, fillColor, inkColor, strokeColor, NAN_COLOR } from '../../www/colors.js';

test('zero is white, the ends are the darkest blue and red', () => {
  assert.deepEqual(rgbAt(0), [255, 255, 255]);
  assert.deepEqual(rgbAt(-1), [33, 102, 172]);
  assert.deepEqual(rgbAt(1), [178, 24, 43]);
  assert.equal(fillColor(0, 5), 'rgb(255,255,255)');
  assert.equal(fillColor(-5, 5), 'rgb(33,102,172)');
  assert.equal(fillColor(5, 5), 'rgb(178,24,43)');
});

test('the colour darkens steadily with |value| on each side', () => {
  const lightness = (s) => rgbAt(s).reduce((a, b) => a + b, 0);
  for (let k = 0; k < 10; k += 1) {
    assert.ok(lightness(k / 10) > lightness((k + 1) / 10), `positive side at ${k / 10}`);
    assert.ok(lightness(-k / 10) > lightness(-(k + 1) / 10), `negative side at ${-k / 10}`);
  }
  const [r, , b] = rgbAt(0.5);
  assert.ok(r > b, 'positive is red');
  const [r2, , b2] = rgbAt(-0.5);
  assert.ok(b2 > r2, 'negative is blue');
});

test('the scale reaches the largest finite |value| of a matrix and ignores NaN and ∞', () => {
  assert.equal(scaleMax([[0.5, -2], [1, 'NaN']]), 2);
  assert.equal(scaleMax([['Infinity', 3]]), 3);
  assert.equal(scaleMax(null), 0);
  assert.equal(scalePosition(1, 2), 0.5);
  assert.equal(scalePosition('-Infinity', 2), -1);
  assert.ok(Number.isNaN(scalePosition('NaN', 2)));
  assert.equal(scalePosition(3, 0), 0, 'an all-zero matrix is all white');
  assert.equal(fillColor('NaN', 1), NAN_COLOR);
});

test('numbers on dark cells are white, on light cells black', () => {
  assert.equal(inkColor(1, 1), '#ffffff');
  assert.equal(inkColor(-1, 1), '#ffffff');
  assert.equal(inkColor(0.1, 1), '#111418');
});

test('an edge is never paler than 35% of the scale, so a small weight stays visible', () => {
  const lightness = (css) => css.match(/\d+/g).map(Number).reduce((a, b) => a + b, 0);
  assert.ok(lightness(strokeColor(0.01, 1)) <= lightness(fillColor(0.35, 1)) + 3);
  assert.ok(lightness(strokeColor(-0.01, 1)) <= lightness(fillColor(-0.35, 1)) + 3);
  assert.equal(strokeColor(-1, 1), fillColor(-1, 1));
  assert.notEqual(strokeColor(0, 1), fillColor(0, 1), 'a zero weight is grey, not white');
});
