// The packed trace the page reads (www/trace.js) against the text trace: the same document,
// number for number, at every phase of a batch, for every focused layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { unpackTrace } from '../../www/trace.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

// Packed and text traces of `playground`, focused on each of its layers, are the same.
function assertSameTraces(playground, when) {
  const depth = JSON.parse(playground.trace()).layers.length;
  for (let layer = 0; layer < depth; layer += 1) {
    const packed = playground.traceFocusPacked(layer);
    assert.ok(packed[1] instanceof Float64Array, 'the numbers come as a Float64Array');
    assert.deepEqual(unpackTrace(packed), JSON.parse(playground.traceFocus(layer)), `${when}, focus ${layer}`);
  }
}

test('the packed trace reads back as the text trace through two batches of the circle preset', () => {
  const playground = Playground.fromSession(Playground.defaultSession('circle'));
  assertSameTraces(playground, 'before the first step');
  for (let i = 0; i < 16; i += 1) {
    const phase = playground.step('phase');
    assertSameTraces(playground, `after ${phase}`);
  }
  // The packed text holds no numbers of the batch: they are all in the Float64Array.
  const [text, numbers] = playground.traceFocusPacked(0);
  assert.ok(text.length < 4000, `a short text: ${text.length} characters`);
  assert.ok(numbers.length > 100, `${numbers.length} numbers`);
});

test('the packed trace reads back as the text trace for the worked example, a one-layer network', () => {
  const playground = Playground.fromSession(Playground.defaultSession('worked-example'));
  for (let i = 0; i < 4; i += 1) {
    assertSameTraces(playground, `step ${i}`);
    playground.step('phase');
  }
  assertSameTraces(playground, 'after the update');
  const trace = unpackTrace(playground.traceFocusPacked(0));
  assert.deepEqual(trace.layers[0].w_new, [[0.65, 0.75], [0.8, 1]]);
});

test('a list or matrix is read out of the numbers when first asked for, then kept; a view may replace it', () => {
  const playground = Playground.fromSession(Playground.defaultSession('circle'));
  for (let i = 0; i < 4; i += 1) playground.step('phase');
  const trace = unpackTrace(playground.traceFocusPacked(0));
  const deferred = (holder, key) => typeof Object.getOwnPropertyDescriptor(holder, key).get === 'function';
  assert.ok(deferred(trace.layers[0], 'w') && deferred(trace.layers[0], 'z') && deferred(trace, 'x'), 'nothing read yet');
  const w = trace.layers[0].w;
  assert.equal(deferred(trace.layers[0], 'w'), false, 'read once, kept as a plain value');
  assert.equal(trace.layers[0].w, w, 'the same lists at every read');
  assert.equal(deferred(trace.layers[0], 'z'), true, 'the others still unread');
  trace.layers[0].z = null;
  assert.equal(trace.layers[0].z, null, 'a view may set one');
  assert.deepEqual(Object.keys(trace.layers[0]), Object.keys(JSON.parse(playground.traceFocus(0)).layers[0]), 'the same keys, in order');
  playground.free();
});

test('NaN and the infinities read back as the strings the text trace has for them', () => {
  const playground = Playground.fromSession(Playground.defaultSession('circle'));
  // An output bias at the edge of the doubles and weights so large that Z⁽³⁾ overflows to +∞ for
  // samples whose A⁽²⁾ sums above zero: ŷ is 1 exactly, and J of such a sample of class 0 is
  // infinite.
  playground.setWeight(2, 0, 0, 1e308);
  playground.setWeight(2, 1, 0, 1e308);
  playground.setBias(2, 0, 1.79e308);
  for (let i = 0; i < 8; i += 1) playground.step('phase');
  const text = playground.traceFocus(2);
  assert.match(text, /"(NaN|Infinity|-Infinity)"/, 'the trace holds a number JSON cannot');
  assertSameTraces(playground, 'after the update');
});
