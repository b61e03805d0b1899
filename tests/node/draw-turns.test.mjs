// Which views a frame draws while playing (www/draw-turns.js): the matrices always take turns,
// a costly view takes turns once its draw costs more than COSTLY_MS, one view a frame at most.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as TurnsModule from '../../www/draw-turns.js';
import { COSTLY_MS, EVERY_VIEW, TURN_FRAMES, TURN_MS, drawsEveryView, dueTurn, takesTurns, updateCost } from '../../www/draw-turns.js';

test('the matrices always take turns; another view only while its draw costs more than COSTLY_MS', () => {
  assert.equal(COSTLY_MS, 3);
  assert.equal(takesTurns(true, null), true);
  assert.equal(takesTurns(true, 0.1), true);
  // Not drawn yet: drawn at every frame until a draw says what it costs.
  assert.equal(takesTurns(false, null), false);
  assert.equal(takesTurns(false, 1.5), false, 'the digits diagram on a fast machine');
  assert.equal(takesTurns(false, COSTLY_MS), false);
  assert.equal(takesTurns(false, 5.5), true, 'the digits diagram on a laptop four times slower');
});

test('the cost follows the newest draws: a view that became cheap is drawn at every frame again, one slow draw does not send it away', () => {
  assert.equal(updateCost(null, 6), 6);
  let cost = 6;
  const draws = [];
  while (takesTurns(false, cost)) {
    cost = updateCost(cost, 1);
    draws.push(cost);
  }
  assert.equal(draws.length, 3, `three cheap draws and it is drawn at every frame: ${draws}`);
  // A cheap view (1 ms) with one slow draw of 6 ms among them keeps its place.
  assert.equal(takesTurns(false, updateCost(1, 6)), false);
  // A time that is no time changes nothing.
  assert.equal(updateCost(4, Number.NaN), 4);
  assert.equal(updateCost(4, -1), 4);
  assert.equal(updateCost(null, Number.NaN), null);
});

test('a frame draws the view drawn longest ago, once TURN_MS have passed since and TURN_FRAMES frames since the last turn', () => {
  assert.equal(TURN_MS, 1000);
  assert.equal(TURN_FRAMES, 3);
  const [a, b, c] = ['inspector', 'equations', 'network'];
  const now = 5000;
  // None drawn yet: the first in the list.
  assert.equal(dueTurn([[a, -Infinity], [b, -Infinity]], 0), a);
  // The oldest draw wins.
  assert.equal(dueTurn([[a, now - TURN_MS - 100], [b, now - TURN_MS - 200], [c, now - TURN_MS - 150]], now), b);
  // Too recent, all of them: none.
  assert.equal(dueTurn([[a, now - TURN_MS + 100], [b, now - TURN_MS + 120]], now), null);
  // Exactly TURN_MS ago is due.
  assert.equal(dueTurn([[a, now - TURN_MS], [b, now - 10]], now), a);
  assert.equal(dueTurn([], now), null);
  // Too few frames since the last turn: none, however long ago.
  assert.equal(dueTurn([[a, -Infinity]], now, 2), null);
  assert.equal(dueTurn([[a, -Infinity]], now, 3), a);
});

test('played frame by frame, three views take turns: each once a second, at 60 Hz and at 25 fps', () => {
  const { Turns } = TurnsModule;
  for (const [fps, most] of [[60, TURN_MS + 1000 / 60 + 1e-9], [25, TURN_MS + 40 + 1e-9]]) {
    const views = [() => {}, () => {}, () => {}];
    const turns = new Turns(views.map((view, k) => ({ view, name: `v${k}`, always: true })));
    const times = new Map(views.map((view) => [view, []]));
    let turnFrames = 0;
    const frames = fps * 6;
    for (let frame = 0; frame < frames; frame += 1) {
      const now = frame * (1000 / fps);
      const due = turns.due(now);
      if (due === null) continue;
      turnFrames += 1;
      turns.drawn(due, now, 1);
      times.get(due).push(now);
    }
    assert.ok(turnFrames <= Math.ceil(frames / TURN_FRAMES), `${fps} fps: ${turnFrames} turns in ${frames} frames`);
    for (const [, drawn] of times) {
      const gaps = drawn.slice(1).map((t, i) => t - drawn[i]);
      assert.ok(gaps.length > 0 && gaps.every((gap) => gap >= TURN_MS && gap <= most), `${fps} fps: ${gaps}`);
    }
  }
});

test('playing at a few steps a second draws every view at every step; faster play takes turns', async () => {
  const { SPEEDS } = await import('../../www/speed.js');
  const every = SPEEDS.filter((speed) => drawsEveryView(speed.rate)).map(({ unit, rate }) => `${rate} ${unit}`);
  // 1000 / FULL_STEP_MS = 8 steps a second at most.
  assert.deepEqual(every, ['1 phase', '2 phase', '5 phase', '1 batch', '5 batch', '1 epoch']);
  assert.equal(drawsEveryView(8), true);
  assert.equal(drawsEveryView(8.5), false);
  assert.equal(drawsEveryView(Infinity), false, 'full speed');
});

test('Turns: the listed views take turns as the rule says, and count their draws', async () => {
  const { Turns } = TurnsModule;
  const [matrix, diagram, chart] = [() => {}, () => {}, () => {}];
  const turns = new Turns([{ view: matrix, name: 'matrix', always: true }, { view: diagram, name: 'diagram', always: false }]);
  assert.equal(turns.takesTurns(matrix), true);
  assert.equal(turns.takesTurns(diagram), false, 'not measured yet');
  assert.equal(turns.takesTurns(chart), false, 'not listed');
  turns.drawn(diagram, -10, 8);
  assert.equal(turns.takesTurns(diagram), true, 'a costly draw');
  assert.equal(turns.due(0), matrix, 'never drawn: its turn first');
  turns.drawn(matrix, 0, 50);
  assert.equal(turns.due(TURN_MS - 20), null, 'the next frame: none');
  assert.equal(turns.due(TURN_MS - 10), null, 'the second frame since the last turn');
  assert.equal(turns.due(TURN_MS), diagram, 'the third: drawn longest ago');
  // Only a frame that draws a view of the batch's numbers reads the batch's matrices (main.js).
  assert.equal(turns.showsBatch(EVERY_VIEW), true);
  assert.equal(turns.showsBatch(matrix), true);
  assert.equal(turns.showsBatch(diagram), false, 'a costly view draws the parameters only');
  assert.equal(turns.showsBatch(null), false, 'no view in turn');
  assert.equal(turns.showsBatch(chart), false, 'not listed');
  turns.drawn(chart, 0, 1);
  assert.deepEqual(turns.counts(), { matrix: { draws: 1, cost: null }, diagram: { draws: 1, cost: 8 } });
  turns.resetCounts();
  assert.deepEqual(turns.counts(), { matrix: { draws: 0, cost: null }, diagram: { draws: 0, cost: 8 } });
});

test('while playing, the charts are drawn every CHART_FRAMES frames: every other one', () => {
  const { CHART_FRAMES, chartsDue } = TurnsModule;
  assert.equal(CHART_FRAMES, 2);
  assert.equal(chartsDue(0), false);
  assert.equal(chartsDue(1), false);
  assert.equal(chartsDue(2), true);
  // As www/views/charts.js counts: the first frame of a run draws, then every other one.
  let since = CHART_FRAMES;
  const drawn = [];
  for (let frame = 0; frame < 10; frame += 1) {
    since += 1;
    if (chartsDue(since)) {
      drawn.push(frame);
      since = 0;
    }
  }
  assert.deepEqual(drawn, [0, 2, 4, 6, 8]);
});
