// How much of a frame training gets while playing (www/speed.js updatePacing): the budget grows
// while frames come on time and is cut when one comes late; a network that would train too few
// epochs a second in late frames is played at a lower frame rate, where training gets more of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FRAME_BUDGET_MS, FRAME_MS, MIN_BUDGET_MS, MIN_TRAINING_MS, MAX_FRAMES, MIN_EPOCHS_PER_SECOND, FLOOR_EPOCHS_PER_SECOND,
  startPacing, updatePacing,
} from '../../www/speed.js';

// `count` frames of `elapsed` ms each, from `pacing`, with `busy` ms of work besides training.
function run(pacing, count, elapsed, busy = 10, msPerEpoch = null) {
  let p = pacing;
  for (let i = 0; i < count; i += 1) p = updatePacing(p, elapsed, busy, msPerEpoch);
  return p;
}

// Epochs a second that a pacing trains at `msPerEpoch`.
const rate = (p, msPerEpoch) => (p.budgetMs / msPerEpoch) * (1000 / (p.frames * FRAME_MS));

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
  assert.equal(run(full, 50, 2 * FRAME_MS).budgetMs, MIN_BUDGET_MS, 'before an epoch is measured');
});

test('late frames keep a cheap network at 60 frames a second, and take a dear one to 30', () => {
  // 0.07 ms an epoch: late frames cut training no further than FLOOR_EPOCHS_PER_SECOND.
  const cheap = run(startPacing(), 20, 2 * FRAME_MS, 10, 0.07);
  assert.equal(cheap.frames, 1);
  assert.ok(Math.abs(rate(cheap, 0.07) - FLOOR_EPOCHS_PER_SECOND) < 1e-6);
  // 1 ms an epoch: late frames at 60 would train too few, so the page aims at 30, with
  // enough training for MIN_EPOCHS_PER_SECOND.
  const dear = run(startPacing(), 6, 2 * FRAME_MS, 20, 1);
  assert.equal(dear.frames, 2);
  assert.ok(rate(dear, 1) >= MIN_EPOCHS_PER_SECOND - 1e-9);
  // At 30 frames a second, two 60 Hz frames are on time, and training may grow to two budgets.
  assert.equal(updatePacing(dear, 2 * FRAME_MS, 20, 1).frames, 2);
  assert.equal(run(dear, 2000, 2 * FRAME_MS, 20, 1).budgetMs, 2 * FRAME_BUDGET_MS);
  // Never slower than 60 / MAX_FRAMES.
  assert.equal(run(dear, 100, 10 * FRAME_MS, 100, 5).frames, MAX_FRAMES);
});

test('once the rest of a frame fits a higher frame rate again, the page goes back to it', () => {
  const slow = { budgetMs: 10, frames: 2, late: 0 };
  assert.equal(updatePacing(slow, 2 * FRAME_MS, 15, 0.5).frames, 2, '15 ms of drawing leaves no room at 60');
  const back = updatePacing(slow, 2 * FRAME_MS, 5, 0.5);
  assert.equal(back.frames, 1, '5 ms of drawing and the training needed fit 16.7 ms with room');
  assert.ok(rate(back, 0.5) >= MIN_EPOCHS_PER_SECOND - 1e-9, 'with enough training');
});
