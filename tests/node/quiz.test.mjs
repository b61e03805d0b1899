// Quiz mode's questions and checks (www/quiz-check.js) and the kept runs as data (www/kept-runs.js),
// with traces of the real core: on the worked example the first four questions are A of
// Forward(1) = 1.5, J = 4.25, δ of Backward(1) = −1.5 and the new w₁₁ = 0.65.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { questionFor, questionSymbol, valueOf, parseAnswer, isRight, tolerance, quizFromAddress } from '../../www/quiz-check.js';
import { batchKind, keptName, keptOption, keptProblem, withRun, withoutRun, MAX_KEPT } from '../../www/kept-runs.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const FIRST = { layer: 0, row: 0, col: 0, input: 0 };

// The questions of the next `count` phases of `playground` and the core's answers, as the page asks
// them: the question from the trace before the phase, its value from the trace after.
function questions(playground, count, selection = FIRST) {
  const asked = [];
  for (let i = 0; i < count; i += 1) {
    const phase = playground.phase();
    const before = questionFor(phase, JSON.parse(playground.trace()), selection);
    playground.step('phase');
    const after = JSON.parse(playground.trace());
    const q = questionFor(phase, after, selection);
    assert.deepEqual(q, before, 'the same cell before and after the phase');
    asked.push([phase, questionSymbol(q), valueOf(after, q)]);
  }
  return asked;
}

test('the worked example asks A = 1.5, J = 4.25, δ = −1.5 and the new w₁₁ = 0.65 first', () => {
  const playground = Playground.fromSession(Playground.defaultSession('worked-example'));
  assert.deepEqual(questions(playground, 4), [
    ['Forward(1)', 'a⁽¹⁾₁', 1.5],
    ['Loss', 'J', 4.25],
    ['Backward(1)', 'δ⁽¹⁾₁', -1.5],
    ['Update', 'w⁽¹⁾₁₁', 0.65],
  ]);
});

test('the cell asked is the one chosen in the equations, clamped to the layer and the batch', () => {
  const playground = Playground.fromSession(Playground.defaultSession('worked-example'));
  const unit2 = { layer: 0, row: 5, col: 1, input: 1 };
  const [[, a], , [, delta], [, w, wNew]] = questions(playground, 4, unit2);
  assert.equal(a, 'a⁽¹⁾₂');
  assert.equal(delta, 'δ⁽¹⁾₂');
  assert.equal(w, 'w⁽¹⁾₂₂');
  // W = 0.5 − 0.1 × ∂J/∂w₂₂ = 0.5 − 0.1 × (2 × (−2.5)) = 1.
  assert.equal(wNew, 1);
  // A deeper network: Forward(2) asks for its own layer, Update for the selected one.
  const circle = Playground.fromSession(Playground.defaultSession('circle'));
  const trace = JSON.parse(circle.trace());
  assert.equal(questionFor('Forward(2)', trace, { ...FIRST, col: 99 }).layer, 1);
  assert.equal(questionFor('Forward(2)', trace, { ...FIRST, col: 99 }).col, trace.layers[1].units - 1);
  assert.equal(questionFor('Update', trace, { ...FIRST, layer: 1 }).layer, 1);
  assert.equal(questionFor('Loss', trace, FIRST).layer, trace.layers.length - 1);
  for (const stop of ['TargetReached', 'MaxEpochs', 'Diverged']) assert.equal(questionFor(stop, trace, FIRST), null);
});

test('a question names its sample by its place in the batch and its data row, once the batch is drawn', () => {
  const circle = Playground.fromSession(Playground.defaultSession('circle'));
  const third = { ...FIRST, row: 2 };
  // Before Forward(1) the batch is not drawn: the trace still holds none (or the one before).
  const first = questionFor(circle.phase(), JSON.parse(circle.trace()), third);
  assert.equal(first.name, 'Forward');
  assert.equal(first.dataRow, null);
  circle.step('phase');
  const trace = JSON.parse(circle.trace());
  const q = questionFor(circle.phase(), trace, third);
  assert.equal(q.row, 2);
  assert.equal(q.m, trace.x.length);
  assert.equal(q.dataRow, trace.rows[2]);
  // After the update, the next Forward(1) draws the next batch: the trace's rows are the old batch's.
  circle.step('batch');
  assert.equal(circle.phase(), 'Forward(1)');
  assert.equal(questionFor('Forward(1)', JSON.parse(circle.trace()), third).dataRow, null);
  assert.notEqual(questionFor('Backward(1)', JSON.parse(circle.trace()), third).dataRow, null);
});

test('answers are read as people type them and checked to 3 significant digits', () => {
  assert.equal(parseAnswer('1.5'), 1.5);
  assert.equal(parseAnswer(' −1.5 '), -1.5);
  assert.equal(parseAnswer('－1.5'), -1.5);
  assert.equal(parseAnswer('1,5'), 1.5);
  assert.equal(parseAnswer('.65'), 0.65);
  assert.equal(parseAnswer('6.5e-1'), 0.65);
  for (const bad of ['', 'abc', '1.5.2', '1..5', '--1', 'NaN', 'Infinity', '1/2']) assert.equal(parseAnswer(bad), null, bad);
  assert.equal(tolerance(4.25), 0.005);
  assert.ok(Math.abs(tolerance(0.65) - 0.0005) < 1e-15);
  assert.ok(isRight(4.25, 4.25));
  assert.ok(isRight(4.254, 4.25));
  assert.ok(!isRight(4.256, 4.25));
  assert.ok(!isRight(4, 4.25));
  assert.ok(isRight(0.65, 0.6500000000000001));
  assert.ok(!isRight(0.651, 0.65));
  assert.ok(isRight(-1.5, -1.5));
  assert.ok(!isRight(1.5, -1.5));
  assert.ok(isRight(0, 0));
  assert.ok(!isRight(0.01, 0));
  assert.ok(!isRight(1, 'NaN'));
});

test('the address turns quiz mode on or off', () => {
  assert.equal(quizFromAddress('?preset=worked-example&quiz=1'), true);
  assert.equal(quizFromAddress('?quiz=on'), true);
  assert.equal(quizFromAddress('?quiz=0'), false);
  assert.equal(quizFromAddress('?quiz=off'), false);
  assert.equal(quizFromAddress('?preset=circle'), null);
});

test('kept runs: named from their settings, placed in free places, checked when read', () => {
  assert.equal(batchKind(1, 100), 'sgd');
  assert.equal(batchKind(10, 100), 'mini');
  assert.equal(batchKind('all', 100), 'batch');
  assert.equal(batchKind(100, 100), 'batch');
  const sgd = { kind: 'sgd', k: 1, alpha: 0.1, epochs: 2, train: [0.7, 0.5, null] };
  const mini = { kind: 'mini', k: 10, alpha: 0.03, epochs: 1, train: [0.7, 0.6] };
  assert.equal(keptName(sgd), 'SGD α 0.1');
  assert.equal(keptName(mini), 'Mini-batch 10 α 0.03');
  assert.equal(keptName({ ...mini, kind: 'batch', k: 100 }), 'Batch GD α 0.03');
  let kept = [];
  for (let i = 0; i < MAX_KEPT; i += 1) kept = withRun(kept, i % 2 ? mini : sgd);
  assert.equal(kept.length, MAX_KEPT);
  assert.equal(withRun(kept, sgd), null, 'no fifth run');
  kept = withoutRun(kept, 1);
  assert.deepEqual(kept.map((run) => run?.kind ?? null), ['sgd', null, 'sgd', 'mini']);
  assert.deepEqual(keptOption(kept), [{ name: 'SGD α 0.1', train: [0.7, 0.5, null] }, null, { name: 'SGD α 0.1', train: [0.7, 0.5, null] }, { name: 'Mini-batch 10 α 0.03', train: [0.7, 0.6] }]);
  assert.equal(withRun(kept, mini)[1], mini, 'a new run takes the free place, and its colour');
  assert.deepEqual(withoutRun(withoutRun(kept, 3), 2), [sgd], 'places at the end are dropped');
  assert.equal(keptProblem(kept), null);
  assert.match(keptProblem([...kept, sgd]), /at most 4/);
  assert.match(keptProblem([{ ...sgd, kind: 'adam' }]), /kind/);
  assert.match(keptProblem([{ ...sgd, train: [1, '2'] }]), /train/);
  assert.match(keptProblem([{ ...sgd, k: 0 }]), /batch size/);
  assert.match(keptProblem({}), /list/);
});
