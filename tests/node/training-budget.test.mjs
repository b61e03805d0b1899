// How much of a frame training gets while playing (www/speed.js updatePacing): the budget grows
// while frames come on time and is cut when one comes late; a network whose frames are late even
// with little training is played at a lower frame rate, where training gets more of each frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_BUDGET_MS, FRAME_MS, MIN_BUDGET_MS, MIN_TRAINING_MS, MAX_FRAMES, startPacing, updatePacing } from '../../www/speed.js';

// `count` frames of `elapsed` ms each, from `pacing`, with `busy` ms of work besides training.
function run(pacing, count, elapsed, busy = 10) {
  let p = pacing;
  for (let i = 0; i < count; i += 1) p = updatePacing(p, elapsed, busy);
  return p;
}

test('a run starts with a little training at 60 frames a second', () => {
  assert.deepEqual(startPacing(), { budgetMs: MIN_TRAINING_MS, frames: 1, late: 0 });
});

test('frames on time let training grow, up to the budget of a frame', () => {
  const grown = run(startPacing(), 10, FRAME_MS);
  assert.ok(grown.budgetMs > MIN_TRAINING_MS && grown.budgetMs < MIN_TRAINING_MS + 2, 'slowly');
  assert.equal(run(startPacing(), 1000, FRAME_MS).budgetMs, FRAME_BUDGET_MS);
  // A frame a little late by the clock's jitter is still on time.
  assert.equal(updatePacing(startPacing(), FRAME_MS + 5, 10).late, 0);
});

test('a late frame cuts the budget at once, never under the minimum', () => {
  const full = run(startPacing(), 1000, FRAME_MS);
  const cut = updatePacing(full, 2 * FRAME_MS, 10);
  assert.ok(cut.budgetMs < 0.75 * full.budgetMs);
  assert.equal(cut.frames, 1, 'one late frame keeps 60 frames a second');
  // Late frames at the minimum, with the rest of the frame still too slow: 30 frames a second.
  let p = { budgetMs: MIN_BUDGET_MS, frames: 1, late: 0 };
  p = run(p, 3, 2 * FRAME_MS, 20);
  assert.equal(p.frames, 2);
  assert.ok(p.budgetMs >= MIN_BUDGET_MS);
  // At 30 frames a second, two 60 Hz frames are on time, and training may grow to two budgets.
  assert.equal(updatePacing(p, 2 * FRAME_MS, 20).late, 0);
  assert.equal(run(p, 2000, 2 * FRAME_MS, 20).budgetMs, 2 * FRAME_BUDGET_MS);
  // Never slower than 60 / MAX_FRAMES.
  assert.equal(run(p, 100, 10 * FRAME_MS, 100).frames, MAX_FRAMES);
});

test('once the rest of a frame fits a higher frame rate again, the page goes back to it', () => {
  const slow = { budgetMs: 10, frames: 2, late: 0 };
  assert.equal(updatePacing(slow, 2 * FRAME_MS, 15).frames, 2, '15 ms of drawing leaves no room at 60');
  const back = updatePacing(slow, 2 * FRAME_MS, 5);
  assert.equal(back.frames, 1, '5 ms of drawing and 3 of training fit 16.7 ms with room');
  assert.ok(back.budgetMs <= MIN_TRAINING_MS, 'starting again from a little training');
});
