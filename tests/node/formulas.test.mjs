// The equations panel's formulas (www/formulas.js), built from traces of the real core: the
// worked example's numbers by hand, and a check that every number printed is read from the trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { buildEquations, DIGITS } from '../../www/formulas.js';
import { formatNumber } from '../../www/format.js';
import { sub, sup, sub2, layerMark } from '../../www/notation.js';
import { parsePhase, phaseLayer, activationName } from '../../www/phase.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const FIRST = { layer: 0, row: 0, col: 0, input: 0 };

// A playground of `preset`, optionally reconfigured with a session patch.
function session(preset, patch) {
  const playground = Playground.fromSession(Playground.defaultSession(preset));
  if (patch) playground.configure(JSON.stringify(patch));
  return playground;
}

// Step `count` phases and return the texts of the equations for `selection`.
function equationsAfter(playground, count, selection = FIRST) {
  for (let i = 0; i < count; i += 1) playground.step('phase');
  return buildEquations(JSON.parse(playground.trace()), selection).lines.map((line) => line.text);
}

// Assert that one of `lines` is exactly `expected`.
function assertLine(lines, expected) {
  assert.ok(lines.includes(expected), `missing “${expected}” in:\n${lines.join('\n')}`);
}

test('indices are written as sub- and superscripts', () => {
  assert.equal(sub(12), '₁₂');
  assert.equal(sup(3), '³');
  assert.equal(layerMark(2), '⁽²⁾');
  assert.equal(sub2(1, 2), '₁₂');
  assert.equal(sub2(10, 2), '₁₀,₂');
});

test('phase names read as a step and a 0-based layer; Loss belongs to the output layer', () => {
  assert.deepEqual(parsePhase('Forward(2)'), { name: 'Forward', layer: 1 });
  assert.deepEqual(parsePhase('Update'), { name: 'Update', layer: null });
  assert.deepEqual(parsePhase(null), { name: null, layer: null });
  assert.equal(phaseLayer('Backward(3)', 3), 2);
  assert.equal(phaseLayer('Loss', 3), 2);
  assert.equal(phaseLayer('Update', 3), null);
  assert.equal(activationName('relu'), 'ReLU');
  assert.equal(activationName('swish'), 'swish', 'an unknown name shows as the core wrote it');
});

test('before any step the panel asks for one', () => {
  const { layer, lines } = buildEquations(JSON.parse(session('worked-example').trace()), FIRST);
  assert.equal(layer, null);
  assert.equal(lines.length, 1);
});

test('worked example, forward: z₁ = 1 × 0.5 + 2 × 0.5 + 0 = 1.5 and a₁ = f(z₁) = 1.5', () => {
  const lines = equationsAfter(session('worked-example'), 1);
  assertLine(lines, 'z⁽¹⁾₁ = x₁w⁽¹⁾₁₁ + x₂w⁽¹⁾₂₁ + b⁽¹⁾₁');
  assertLine(lines, 'z⁽¹⁾₁ = 1 × 0.5 + 2 × 0.5 + 0 = 1.5');
  assertLine(lines, 'a⁽¹⁾₁ = f(z⁽¹⁾₁) = 1.5');
});

test('worked example, loss: J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25', () => {
  const lines = equationsAfter(session('worked-example'), 2);
  assertLine(lines, 'J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25');
});

test('worked example, backward: δ₁ = (1.5 − 3)/1 = −1.5, ∂J/∂w₂₂ = 2 × (−2.5) = −5, ∂J/∂b₂ = −2.5', () => {
  const playground = session('worked-example');
  const first = equationsAfter(playground, 3);
  assertLine(first, 'δ⁽¹⁾₁ = (ŷ₁ − y₁) / m = (1.5 − 3) / 1 = −1.5');
  assertLine(first, '∂J/∂w⁽¹⁾₁₁ = x₁ δ⁽¹⁾₁ = 1 × (−1.5) = −1.5');
  const other = equationsAfter(playground, 0, { layer: 0, row: 0, col: 1, input: 1 });
  assertLine(other, '∂J/∂w⁽¹⁾₂₂ = x₂ δ⁽¹⁾₂ = 2 × (−2.5) = −5');
  assertLine(other, '∂J/∂b⁽¹⁾₂ = δ⁽¹⁾₂ = −2.5');
});

test('worked example, update: w₁₁ ← 0.5 − 0.1 × (−1.5) = 0.65 and b₁ ← 0 − 0.1 × (−1.5) = 0.15', () => {
  const playground = session('worked-example');
  const lines = equationsAfter(playground, 4);
  assertLine(lines, 'w⁽¹⁾₁₁ ← 0.5 − 0.1 × (−1.5) = 0.65');
  assertLine(lines, 'b⁽¹⁾₁ ← 0 − 0.1 × (−1.5) = 0.15');
  const last = equationsAfter(playground, 0, { layer: 0, row: 0, col: 1, input: 1 });
  assertLine(last, 'w⁽¹⁾₂₂ ← 0.5 − 0.1 × (−5) = 1');
});

test('worked example as one batch of two: the mean form of J, and ∂J/∂w as a sum over the samples', () => {
  const playground = session('worked-example', { training: { batch_size: 2 } });
  const loss = equationsAfter(playground, 2);
  assertLine(loss, 'J = (1/2)(½[(3 − 1.5)² + (4 − 1.5)²] + ½[(6 − 3.5)² + (8 − 3.5)²]) = 8.75');
  const backward = equationsAfter(playground, 1);
  // δ = (ŷ − y)/2 per sample: (1.5 − 3)/2 = −0.75 and (3.5 − 6)/2 = −1.25.
  assertLine(backward, '∂J/∂w⁽¹⁾₁₁ = Σ x₁ δ⁽¹⁾₁ = 1 × (−0.75) + 3 × (−1.25) = −4.5');
  assertLine(backward, '∂J/∂b⁽¹⁾₁ = Σ δ⁽¹⁾₁ = (−0.75) + (−1.25) = −2');
  const second = equationsAfter(playground, 0, { layer: 0, row: 1, col: 0, input: 0 });
  assertLine(second, 'δ⁽¹⁾₁ = (ŷ₁ − y₁) / m = (3.5 − 6) / 2 = −1.25');
});

test('cross-entropy terms of the batch are subtracted, never written "+ −[…]"', () => {
  const loss = (options) => {
    const playground = session('circle', options);
    const depth = JSON.parse(playground.trace()).layers.length;
    return equationsAfter(playground, depth + 1).find((text) => /^J = \(1\/\d/.test(text));
  };
  // Ten samples: one written out between the others, "(… − […] + …)".
  assert.match(loss(), /^J = \(1\/10\)\(… − \[1 × ln [\d.]+ \+ \(1 − 1\) × ln\(1 − [\d.]+\)\] \+ …\) = [\d.]+$/);
  // Two samples: both written out, "(−[…] − […])".
  const two = loss({ training: { batch_size: 2 } });
  assert.match(two, /^J = \(1\/2\)\(−\[.+\] − \[.+\]\) = [\d.]+$/);
  assert.ok(!two.includes('+ −'), two);
});

test('the formulas follow the phase’s own layer, whatever layer is selected', () => {
  const playground = session('circle');
  const { layer } = buildEquations((playground.step('phase'), playground.step('phase'), JSON.parse(playground.trace())), FIRST);
  assert.equal(layer, 1, 'Forward(2) is about layer 2');
});

// Every decimal number in `text` (ASCII digits; sub- and superscripts are indices).
const numbersIn = (text) => (text.replaceAll('−', '-').match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []);

// Every numeric value of a trace (and its batch size), formatted as the formulas print them.
function traceNumbers(trace) {
  const allowed = new Set(['1', '0', String(trace.x.length)]);
  const visit = (v) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'number' || (typeof v === 'string' && /^-?(NaN|Infinity)$/.test(v))) {
      allowed.add(formatNumber(v, DIGITS).replaceAll('−', '-'));
    }
  };
  for (const layer of trace.layers) Object.values(layer).forEach(visit);
  [trace.x, trace.y, trace.loss, trace.sample_loss, trace.learning_rate].forEach(visit);
  return allowed;
}

test('every number of every formula of a circle batch is a value of the trace, not computed in JavaScript', () => {
  const playground = session('circle');
  const depth = JSON.parse(playground.trace()).layers.length;
  for (let phase = 0; phase < 2 * depth + 2; phase += 1) {
    playground.step('phase');
    const trace = JSON.parse(playground.trace());
    const allowed = traceNumbers(trace);
    for (const selection of [FIRST, { layer: 1, row: 3, col: 1, input: 1 }, { layer: 0, row: 9, col: 3, input: 1 }]) {
      const { lines } = buildEquations(trace, selection);
      const printed = lines.filter((l) => l.kind === 'numbers').flatMap((l) => numbersIn(l.text));
      assert.ok(printed.length > 0, `${trace.last_phase} prints numbers`);
      for (const n of printed) assert.ok(allowed.has(n), `${trace.last_phase}: ${n} is not a trace value`);
    }
  }
});

test('a hidden δ shows the core’s two factors f′(z) and ∂J/∂a, and a batch loss its sample’s value', () => {
  const playground = session('circle');
  // Circle: 3 layers, so Forward ×3, Loss, Backward(3), Backward(2) is 6 phases.
  const lines = equationsAfter(playground, 6, { layer: 1, row: 2, col: 1, input: 0 });
  const trace = JSON.parse(playground.trace());
  const layer = trace.layers[1];
  const num = (x) => formatNumber(x, DIGITS);
  const da = layer.da[2][1];
  assertLine(lines, `δ⁽²⁾₂ = ${num(layer.fprime[2][1])} × ${da < 0 ? `(${num(da)})` : num(da)} = ${num(layer.delta[2][1])}`);
  const loss = buildEquations({ ...trace, last_phase: 'Loss' }, { layer: 2, row: 4, col: 0, input: 0 }).lines.map((l) => l.text);
  assert.ok(loss.some((text) => text.startsWith('J₅ = ') && text.endsWith(`= ${num(trace.sample_loss[4])}`)), loss.join('\n'));
});
