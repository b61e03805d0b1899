// The call log (www/call-log.js) on the real core: replaying what a recording handle logged
// reaches the same trace, undo steps included, and Step back then walks the same states; the log
// stays short while playing, because runs Step back can no longer reach are merged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';
import { callLog, recording, startLog, replayCalls, compact, UNDO_DEPTH } from '../../www/call-log.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const circle = () => Playground.fromSession(Playground.defaultSession('circle'));
const worked = () => Playground.fromSession(Playground.defaultSession('worked-example'));

// A small seeded random number generator, so the test's calls are the same every run.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Step back `times` times on both, the traces equal at every step.
function assertSameBackwards(a, b, times) {
  for (let k = 0; k < times; k += 1) {
    assert.equal(a.back(), b.back(), `back() #${k + 1}`);
    assert.equal(a.trace(), b.trace(), `after back() #${k + 1}`);
  }
}

test('a replay of the log reaches the same trace and undo steps as the calls it recorded', () => {
  const live = circle();
  const page = recording(live);
  startLog({ kind: 'preset', name: 'circle' });
  for (let i = 0; i < 11; i += 1) page.step('phase');
  page.step('batch');
  page.stepTo('Backward(2)');
  page.setWeight(1, 0, 1, 0.75);
  page.configure(JSON.stringify({ training: { learning_rate: 0.05 } }));
  page.run(3);
  page.back();
  page.setBias(2, 0, -0.25);
  page.step('epoch');
  for (let i = 0; i < 4; i += 1) page.step('phase');
  assert.deepEqual(callLog.calls, [
    ['phase', 11], ['batch', 1], ['to', 'Backward(2)', 1], ['w', 1, 0, 1, 0.75, 1],
    ['set', '{"training":{"learning_rate":0.05}}', 1], ['run', 3, 1], ['back', 1], ['b', 2, 0, -0.25, 1],
    ['epoch', 1], ['phase', 4],
  ]);
  const copy = circle();
  replayCalls(copy, callLog.calls);
  assert.equal(copy.trace(), live.trace());
  assert.equal(copy.history(), live.history());
  assertSameBackwards(live, copy, JSON.parse(live.trace()).undo_depth + 1);
});

test('calls that change nothing are not logged, a restart starts the log again', () => {
  const live = worked();
  const page = recording(live);
  startLog({ kind: 'preset', name: 'worked-example' });
  page.configure(JSON.stringify({ training: { max_epochs: 1 } }));
  page.run(5);
  assert.equal(live.phase(), 'MaxEpochs');
  page.step('phase');
  page.run(2);
  assert.equal(page.back(), true);
  assert.deepEqual(callLog.calls, [['set', '{"training":{"max_epochs":1}}', 1], ['run', 5, 1], ['back', 1]]);
  page.configure(JSON.stringify({ training: { batch_size: 2 } }));
  assert.deepEqual(callLog.calls, [], 'a restarting configure starts afresh');
  assert.equal(callLog.fresh, true);
  page.step('phase');
  page.reset();
  assert.deepEqual(callLog.calls, []);
});

test('playing for thousands of frames keeps the log short, and the replay still walks back the same', () => {
  const live = circle();
  const page = recording(live);
  startLog({ kind: 'preset', name: 'circle' });
  page.configure(JSON.stringify({ training: { max_epochs: null } }));
  const next = random(7);
  // Frames of a player at epoch speed, and now and then a batch by hand, an edit, a step back.
  let byHand = 0;
  for (let frame = 0; frame < 4000; frame += 1) {
    const roll = next();
    if (roll < 0.97) {
      page.run(1 + Math.floor(next() * 4));
      continue;
    }
    byHand += 1;
    if (roll < 0.98) page.step('batch');
    else if (roll < 0.99) page.back();
    else page.setWeight(0, 1, 2, next() - 0.5);
  }
  // The newest calls Step back can reach, and what was done by hand before them.
  assert.ok(callLog.calls.length <= 2 * UNDO_DEPTH + 2 * byHand, `${callLog.calls.length} entries, ${byHand} by hand`);
  assert.ok(callLog.calls.some((call) => call[0] === 'run' && call[1] > 100), 'old runs were merged');
  const copy = circle();
  replayCalls(copy, callLog.calls);
  assert.equal(copy.trace(), live.trace());
  assert.equal(copy.history(), live.history());
  assertSameBackwards(live, copy, UNDO_DEPTH + 2);
});

test('runs within reach of Step back are never merged', () => {
  const calls = [['run', 2, 1], ['run', 3, 1], ...Array.from({ length: UNDO_DEPTH - 1 }, () => ['w', 0, 0, 0, 1, 1])];
  // One undo step short of filling the stack: run(3)'s step is still reachable.
  assert.deepEqual(compact(calls), calls);
  const one = [...calls, ['w', 0, 0, 0, 2, 1]];
  assert.deepEqual(compact(one).slice(0, 2), [['run', 5, 1], ['w', 0, 0, 0, 1, 1]]);
  // A step back among the older calls may have returned between two runs: they stay apart.
  const back = [['run', 2, 1], ['run', 3, 1], ['phase', 5], ['back', 6], ...Array.from({ length: UNDO_DEPTH }, () => ['w', 0, 0, 0, 1, 1])];
  assert.deepEqual(compact(back), back);
  // And the core agrees that merging them would be wrong: run(2), run(3), 5 phases, 6 steps back
  // end after run(2); run(5), 5 phases, 6 steps back end at the start.
  const apart = circle();
  replayCalls(apart, back.slice(0, 4));
  const merged = circle();
  replayCalls(merged, [['run', 5, 1], ['phase', 5], ['back', 6]]);
  assert.notEqual(apart.trace(), merged.trace());
});
