// How much of a frame training gets while playing (www/speed.js trainingBudget): what drawing and
// painting leave at the highest frame rate they allow, within the fixed budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_BUDGET_MS, FRAME_MS, MIN_BUDGET_MS, PAINT_RESERVE_MS, trainingBudget } from '../../www/speed.js';

test('before any frame is drawn, training gets the fixed budget', () => {
  assert.equal(trainingBudget(null), FRAME_BUDGET_MS);
});

test('cheap drawing leaves the whole budget; dearer drawing takes from it to keep 60 frames a second', () => {
  assert.equal(trainingBudget(2), FRAME_BUDGET_MS);
  // 16.7 − 4 (paint) − 9 (draw) ≈ 3.7 ms: the frame still fits in 1/60 s.
  assert.ok(Math.abs(trainingBudget(9) - (FRAME_MS - PAINT_RESERVE_MS - 9)) < 1e-9);
  assert.ok(9 + trainingBudget(9) + PAINT_RESERVE_MS <= FRAME_MS + 1e-9);
});

test('drawing too slow for 60 frames a second aims at 30 and trains for what that leaves', () => {
  // 12 ms of drawing + 4 of paint + 1 of training do not fit 16.7 ms; two frames (33.3 ms) do.
  assert.equal(trainingBudget(12), FRAME_BUDGET_MS);
  assert.ok(trainingBudget(12) + 12 + PAINT_RESERVE_MS <= 2 * FRAME_MS);
  // Never less than the minimum, so training always moves.
  for (const draw of [11.7, 12, 28.3, 45]) assert.ok(trainingBudget(draw) >= MIN_BUDGET_MS);
});
