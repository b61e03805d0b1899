// The play speeds and the work of one animation frame. Pure functions without the DOM, so the
// player stays a thin loop and Node tests can check the schedule.

// The speed slider's steps, slowest first. `rate` is units per second; Infinity is "as fast as
// the machine allows" (as many epochs per frame as fit in the frame's time budget).
export const SPEEDS = [
  { unit: 'phase', rate: 1 },
  { unit: 'phase', rate: 2 },
  { unit: 'phase', rate: 5 },
  { unit: 'batch', rate: 1 },
  { unit: 'batch', rate: 5 },
  { unit: 'batch', rate: 20 },
  { unit: 'epoch', rate: 1 },
  { unit: 'epoch', rate: 10 },
  { unit: 'epoch', rate: 100 },
  { unit: 'epoch', rate: 1000 },
  { unit: 'epoch', rate: Infinity },
];

// Two phases a second: slow enough to follow the flowchart, fast enough not to bore.
export const DEFAULT_SPEED = 1;

// The index of the fastest speed, used by "run to the end".
export const MAX_SPEED = SPEEDS.length - 1;

// Milliseconds of training per frame: half a 60 Hz frame, leaving the rest for drawing.
export const FRAME_BUDGET_MS = 8;

// One frame at 60 Hz.
export const FRAME_MS = 1000 / 60;

// What a frame leaves the browser after the page's work: style, layout and paint.
export const PAINT_RESERVE_MS = 4;

// Training never gets less than this per frame, however slow drawing is.
export const MIN_BUDGET_MS = 1;

// A frame may catch up at most this much time, so a frame that arrives late (a background tab,
// a slow draw) does not trigger a burst of steps.
const MAX_CATCH_UP_S = 0.25;

// The message id and parameters that name a speed, e.g. ['speed.phase', { rate: 2 }].
export function speedLabel(speed) {
  if (speed.rate === Infinity) return ['speed.max', {}];
  return [speed.rate === 1 ? `speed.${speed.unit}.one` : `speed.${speed.unit}`, { rate: speed.rate }];
}

// The work of one frame: how many units of `speed` to run now, and the credit carried to the next
// frame. `credit` is the fraction of a unit owed from earlier frames, `elapsedMs` the time since the
// previous frame, `msPerEpoch` the measured cost of one epoch (null before the first measurement).
// Epochs are capped so that running them fits in `budgetMs`; the excess is dropped, not owed.
export function planFrame(speed, credit, elapsedMs, msPerEpoch, budgetMs = FRAME_BUDGET_MS) {
  const seconds = Math.min(Math.max(elapsedMs, 0) / 1000, MAX_CATCH_UP_S);
  const affordable = speed.unit === 'epoch' ? epochsInBudget(msPerEpoch, budgetMs) : Infinity;
  if (speed.rate === Infinity) return { count: affordable, credit: 0 };
  const owed = credit + speed.rate * seconds;
  const count = Math.min(Math.floor(owed), affordable);
  // Behind schedule: start afresh rather than owe work the machine cannot do.
  const left = count === affordable && affordable < Math.floor(owed) ? 0 : owed - count;
  return { count, credit: left };
}

// How many epochs fit in `budgetMs` at `msPerEpoch` each; at least one, so training always moves.
export function epochsInBudget(msPerEpoch, budgetMs = FRAME_BUDGET_MS) {
  if (!(msPerEpoch > 0)) return 1;
  return Math.max(1, Math.floor(budgetMs / msPerEpoch));
}

// Milliseconds of training per frame, given the measured cost of drawing one (`drawMs`, null before
// the first draw): what drawing and painting leave of a frame at the highest rate they allow
// (60 frames a second, else 30, 20…), at most FRAME_BUDGET_MS. Drawing every chart each frame
// must not push a frame past its deadline for the sake of a few more epochs.
export function trainingBudget(drawMs) {
  if (!(drawMs >= 0)) return FRAME_BUDGET_MS;
  const frames = Math.max(1, Math.ceil((drawMs + PAINT_RESERVE_MS + MIN_BUDGET_MS) / FRAME_MS));
  return Math.min(FRAME_BUDGET_MS, Math.max(MIN_BUDGET_MS, frames * FRAME_MS - PAINT_RESERVE_MS - drawMs));
}

// A smoothed cost per epoch after running `epochs` epochs in `ms` milliseconds (`previous` is null at first).
export function updateEpochCost(previous, ms, epochs) {
  if (!(epochs > 0)) return previous;
  const sample = Math.max(ms, 0.001) / epochs;
  // Mostly the newest sample: the cost changes at once when the network changes.
  return previous === null ? sample : 0.5 * previous + 0.5 * sample;
}
