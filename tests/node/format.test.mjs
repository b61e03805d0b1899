// Number formatting of the matrix cells, tooltips and the weight editor (www/format.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatCompact, formatExact } from '../../www/format.js';

test('a matrix cell keeps three significant digits and a true minus sign', () => {
  assert.equal(formatCompact(0.65), '0.65');
  assert.equal(formatCompact(0.6500000000000001), '0.65');
  assert.equal(formatCompact(-1.5), '−1.5');
  assert.equal(formatCompact(1), '1');
  assert.equal(formatCompact(0.123456), '0.123');
  assert.equal(formatCompact(-12.345), '−12.3');
  assert.equal(formatCompact(0), '0');
});

test('a matrix cell switches to an exponent below 0.01 and from 1000 on, and stays narrow', () => {
  assert.equal(formatCompact(0.0012), '1.2e−3');
  assert.equal(formatCompact(-0.00012), '−1.2e−4');
  assert.equal(formatCompact(0.001), '1e−3');
  assert.equal(formatCompact(123456), '1.2e5');
  for (const x of [1e-300, -9.99e-3, 0.999999, 999.4, -123456789, 5e-324]) {
    assert.ok(formatCompact(x).length <= 7, `${x} → ${formatCompact(x)}`);
  }
});

test('non-finite values read as NaN and ∞, whether numbers or the trace\'s strings', () => {
  assert.equal(formatCompact('NaN'), 'NaN');
  assert.equal(formatCompact('Infinity'), '∞');
  assert.equal(formatCompact('-Infinity'), '−∞');
  assert.equal(formatNumber('-Infinity'), '−∞');
  assert.equal(formatExact(Number.NaN), 'NaN');
});

test('the tooltip shows every digit: the shortest text that reads back as the same double', () => {
  assert.equal(formatExact(0.6500000000000001), '0.6500000000000001');
  assert.equal(formatExact(-0.1 - 0.2), '−0.30000000000000004');
  assert.equal(Number(formatExact(Math.PI).replace('−', '-')), Math.PI);
});

test('formatNumber takes a number of significant digits and writes every minus sign as −', () => {
  assert.equal(formatNumber(0.0352712345, 4), '0.03527');
  assert.equal(formatNumber(4.25), '4.25');
  assert.equal(formatNumber(-1.5e-7), '−1.5e−7');
  assert.equal(formatNumber(null), '—');
});
