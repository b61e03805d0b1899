// The play speeds and the work planned for each animation frame (www/speed.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SPEEDS, MAX_SPEED, FRAME_BUDGET_MS, planFrame, epochsInBudget, updateEpochCost, speedLabel } from '../../www/speed.js';

const FRAME_MS = 1000 / 60;

// Run `frames` frames of `speed` at 60 Hz from `credit`; returns the units run in each frame.
function simulate(speed, frames, { credit = 1, msPerEpoch = null } = {}) {
  const counts = [];
  for (let i = 0; i < frames; i += 1) {
    const plan = planFrame(speed, credit, i === 0 ? 0 : FRAME_MS, msPerEpoch);
    credit = plan.credit;
    counts.push(plan.count);
  }
  return counts;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

test('the slider goes from one phase a second to as fast as the machine allows', () => {
  assert.deepEqual(SPEEDS.map(({ unit, rate }) => `${rate} ${unit}`), [
    '1 phase', '2 phase', '5 phase', '1 batch', '5 batch', '20 batch',
    '1 epoch', '10 epoch', '100 epoch', '1000 epoch', 'Infinity epoch',
  ]);
  assert.equal(SPEEDS[MAX_SPEED].rate, Infinity);
  assert.deepEqual(speedLabel(SPEEDS[0]), ['speed.phase.one', { rate: 1 }]);
  assert.deepEqual(speedLabel(SPEEDS[5]), ['speed.batch', { rate: 20 }]);
  assert.deepEqual(speedLabel(SPEEDS[MAX_SPEED]), ['speed.max', {}]);
});

test('pressing play runs one unit at once, then keeps the rate', () => {
  // One second at 60 Hz is 61 frames counting the first; at 1 phase/s that is the first phase and one more.
  const counts = simulate(SPEEDS[0], 61);
  assert.equal(counts[0], 1, 'the first frame steps at once');
  assert.equal(sum(counts), 2);
  assert.equal(sum(simulate(SPEEDS[2], 61)), 6, '5 phases a second, plus the first');
  assert.equal(sum(simulate(SPEEDS[5], 61)), 21, '20 batches a second, plus the first');
});

test('a late frame catches up at most a quarter of a second', () => {
  const plan = planFrame(SPEEDS[5], 0, 5000, null);
  assert.equal(plan.count, 5, '20 batches/s × 0.25 s');
  assert.equal(planFrame(SPEEDS[0], 0.5, -10, null).count, 0, 'a clock going back does nothing');
});

test('epochs per frame are capped by the frame budget, and the excess is dropped', () => {
  // 1000 epochs/s is about 17 a frame; at 2 ms an epoch only FRAME_BUDGET_MS / 2 fit.
  const plan = planFrame(SPEEDS[9], 0, FRAME_MS, 2);
  assert.equal(plan.count, Math.floor(FRAME_BUDGET_MS / 2));
  assert.equal(plan.credit, 0, 'no debt is carried when the machine cannot keep up');
  // Fast epochs keep the asked rate: 100 epochs/s at 0.01 ms each is 100 a second.
  assert.equal(sum(simulate(SPEEDS[8], 61, { msPerEpoch: 0.01 })), 101);
});

test('"max" fills the budget: as many epochs as fit, at least one', () => {
  assert.equal(planFrame(SPEEDS[MAX_SPEED], 0, FRAME_MS, 0.5).count, FRAME_BUDGET_MS / 0.5);
  assert.equal(planFrame(SPEEDS[MAX_SPEED], 0, FRAME_MS, 50).count, 1, 'a slow epoch still runs');
  assert.equal(planFrame(SPEEDS[MAX_SPEED], 0, FRAME_MS, null).count, 1, 'before the first measurement, one epoch');
  assert.equal(epochsInBudget(0.001), Math.round(FRAME_BUDGET_MS / 0.001));
});

test('the cost per epoch follows the newest measurements', () => {
  assert.equal(updateEpochCost(null, 10, 5), 2);
  assert.equal(updateEpochCost(2, 40, 10), 3, 'halfway between 2 and the new 4');
  assert.equal(updateEpochCost(2, 10, 0), 2, 'no epochs, no change');
});
