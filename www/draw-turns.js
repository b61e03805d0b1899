// Which views a frame draws while the page plays: the rule, and the times and costs it follows
// (Turns). No DOM, so Node tests can check it; main.js measures and calls the views.
//
// While playing fast (more than 1000 / FULL_STEP_MS steps a second), the views of one batch's
// numbers (the inspector's matrices, the equations) are drawn in turn, one a frame at most and
// each once per TURN_MS at most: nobody reads a matrix at 60 Hz. The other
// views are drawn at every frame, except the ones whose draw has come to cost more than
// COSTLY_MS, which then take turns with the matrices too. On a fast machine the network diagram
// of the digits preset (2,368 edges) costs about 1.5 ms and stays smooth; on a laptop four times
// slower it costs 5–6 ms a frame, and drawing it in turn played the digits preset about 1.4 times
// as fast: 10.1 → 14.2 frames and epochs a second (four alternated runs each, playing as
// benches/slow-laptop.mjs does).

// The least time between two draws of a view that takes turns (ms): once a second. Playing the
// circle preset with the CPU slowed down 4×, a turn of the inspector made its frame three or four
// vsyncs long; at 125 ms, the views took about 13 turns a second and the page played at 37.4 fps,
// at 1000 ms 42.7 fps (six alternated runs each).
export const TURN_MS = 1000;

// Frames from one turn to the next, at least: two frames in three draw no view in turn. With
// TURN_MS alone, a page playing at 25 fps gave a turn to every frame, each made late by a matrix;
// counted in frames, a slower machine draws the matrices less often, and its frames keep pace.
export const TURN_FRAMES = 3;

// While playing, the charts are drawn every CHART_FRAMES frames: the costliest view drawn at
// every frame (the loss chart, about 4 ms a frame with the CPU slowed down 4×), and a curve that
// grows 20–30 times a second moves as smoothly to the eye as at 60.
export const CHART_FRAMES = 2;

// Whether a frame while playing draws the charts, `framesSince` frames after their last draw
// (this frame counted).
export function chartsDue(framesSince) {
  return framesSince >= CHART_FRAMES;
}

// A view that may take turns does so once its draw costs more than this (ms): a fifth of a 60 Hz
// frame. The circle's diagram costs 0.5–1.5 ms here, now and then 3; the digits' 1.5 ms here and
// 5–6 ms with the CPU slowed down 4×.
export const COSTLY_MS = 3;

// How a view's measured cost follows its draws: enough of the newest that a view that becomes
// cheap (a smaller network) is drawn at every frame again after a few draws, and not so much that
// one slow draw (a garbage collection) sends a cheap view to take turns.
const COST_WEIGHT = 0.3;

// The cost after a draw that took `ms`, from the cost before (null before any draw).
export function updateCost(previous, ms) {
  if (!Number.isFinite(ms) || ms < 0) return previous;
  return previous === null ? ms : (1 - COST_WEIGHT) * previous + COST_WEIGHT * ms;
}

// Whether a view takes turns now: `always` for the views of the batch's numbers; `costMs` its
// measured cost (null before any draw) for a view that takes turns when costly.
export function takesTurns(always, costMs) {
  return always || (costMs !== null && costMs > COSTLY_MS);
}

// The view a frame at `now` draws among those that take turns: the one drawn longest ago, once
// TURN_MS have passed since its last draw and `framesSince` (frames since the last turn, this one
// included) reach TURN_FRAMES; null for none. `turns` lists [view, last drawn at].
export function dueTurn(turns, now, framesSince = TURN_FRAMES) {
  if (framesSince < TURN_FRAMES) return null;
  let due = null;
  let dueAt = Infinity;
  for (const [view, drawnAt] of turns) {
    if (now - drawnAt >= TURN_MS && drawnAt < dueAt) {
      due = view;
      dueAt = drawnAt;
    }
  }
  return due;
}

// A redraw that draws every view, in place of one view's turn (main.js).
export const EVERY_VIEW = 'every view';

// The shortest time between two steps that playing draws in full (ms): 8 steps a second.
export const FULL_STEP_MS = 125;

// Whether playing at `stepsPerSecond` (the speed's phases, batches or epochs a second) draws
// every view at every step: at most one step every FULL_STEP_MS (a few phases or batches a
// second, one epoch a second) is slow enough to read, and each step is shown in full as stepping
// by hand does. Only faster play takes turns. By the speed asked for, not the frames measured: a
// slow machine's frames would otherwise come late, draw every view, and come later still.
export function drawsEveryView(stepsPerSecond) {
  return stepsPerSecond * FULL_STEP_MS <= 1000;
}

// The turns of one page: the views that take them (`entries`: { view, name, always }), when each
// was last drawn, what each costly one's draw costs, and how many times each was drawn (for tests
// and benches: `counts()`).
export class Turns {
  constructor(entries) {
    this.views = new Map(entries.map(({ view, name, always }) => [view, { name, always, drawnAt: -Infinity, cost: null, draws: 0 }]));
    // Frames since the last turn; a run's first frame may have one.
    this.framesSince = TURN_FRAMES - 1;
  }

  // Whether `view` takes turns now (a view not listed never does).
  takesTurns(view) {
    const entry = this.views.get(view);
    return entry !== undefined && takesTurns(entry.always, entry.cost);
  }

  // Whether a redraw drawing `due` (a view, EVERY_VIEW or null) shows the batch's numbers (its
  // matrices), so that it needs them from the core.
  showsBatch(due) {
    return due === EVERY_VIEW || this.views.get(due)?.always === true;
  }

  // The view whose turn it is in the frame at `now`, or null: asked once a frame while playing.
  due(now) {
    this.framesSince += 1;
    const turns = [...this.views].filter(([view]) => this.takesTurns(view)).map(([view, entry]) => [view, entry.drawnAt]);
    const due = dueTurn(turns, now, this.framesSince);
    if (due !== null) this.framesSince = 0;
    return due;
  }

  // Record that `view` was drawn at `now` in `ms`.
  drawn(view, now, ms) {
    const entry = this.views.get(view);
    if (!entry) return;
    entry.drawnAt = now;
    entry.draws += 1;
    if (!entry.always) entry.cost = updateCost(entry.cost, ms);
  }

  // Draws of each view by name since the last reset, and each costly view's cost (ms).
  counts() {
    return Object.fromEntries([...this.views.values()].map(({ name, draws, cost }) => [name, { draws, cost }]));
  }

  resetCounts() {
    for (const entry of this.views.values()) entry.draws = 0;
  }
}
