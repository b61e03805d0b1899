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

// Milliseconds of training per frame at most, per 60 Hz frame the page aims to fill: under a
// third of it, thousands of epochs a second on the default network, and room left for the
// frames that cost more than most (a detail view's turn, a garbage collection).
export const FRAME_BUDGET_MS = 5;

// One frame at 60 Hz.
export const FRAME_MS = 1000 / 60;

// Training never gets less than this per frame, however slow the rest of the frame is.
export const MIN_BUDGET_MS = 1;

// What training starts with when playing starts.
export const MIN_TRAINING_MS = 3;

// The fewest epochs a second worth a higher frame rate: a network whose frames come late while
// training this little plays at 30 frames a second (then 20, 15), where training gets more of
// each frame. Above the 200 a second asked of six hidden layers of 8; the default network trains
// thousands a second at 60 frames.
export const MIN_EPOCHS_PER_SECOND = 250;

// However late the frames, training keeps what trains this many epochs a second, as long as that
// is at most MIN_TRAINING_MS a frame: the default network's thousand a second, on a busy machine too.
export const FLOOR_EPOCHS_PER_SECOND = 1200;

// The slowest frame rate aimed at: 60 / 4 = 15 frames a second.
export const MAX_FRAMES = 4;

// How the budget follows the frames: a frame on time gives training this much more; a late one
// takes away this share of it. Slow growth and a quick cut keep nearly every frame on time.
const BUDGET_STEP_MS = 0.1;
const BUDGET_CUT = 0.7;

// Recent late frames (each counts 1, fading by this factor a frame), and how many of them, while
// training too little, make the page aim at a lower frame rate.
const LATE_FADE = 0.9;
const LATE_RUN = 3;

// Room kept when going back to a higher frame rate, for the frame-to-frame variation.
const FRAME_MARGIN_MS = 3;

// The pacing of a run at the start: training's budget (ms a frame), the 60 Hz frames each frame
// aims to fill, and the recent late frames.
export function startPacing() {
  return { budgetMs: MIN_TRAINING_MS, frames: 1, late: 0 };
}

// Epochs a second that `budgetMs` a frame trains at `msPerEpoch`, a frame every `frames` 60 Hz frames.
function epochRate(budgetMs, msPerEpoch, frames) {
  return msPerEpoch > 0 ? (budgetMs / msPerEpoch) * (1000 / (frames * FRAME_MS)) : Infinity;
}

// The budget a frame that trains `rate` epochs a second at `msPerEpoch`, every `frames` 60 Hz
// frames, within MIN_BUDGET_MS and `most`.
function budgetForRate(rate, msPerEpoch, frames, most = frames * FRAME_BUDGET_MS) {
  const needed = msPerEpoch > 0 ? (rate * msPerEpoch * frames * FRAME_MS) / 1000 : 0;
  return Math.min(most, Math.max(MIN_BUDGET_MS, needed));
}

// The pacing after a frame that came `elapsedMs` after the previous one, whose work besides
// training took `busyMs` (the page's redraw and the browser's rendering, as measured), while an
// epoch costs `msPerEpoch` (null before it is measured). The only sure sign of a frame too full
// is that it came late, whatever kept the machine busy, so the budget follows the frames rather
// than estimates of what they cost; the frame rate changes when training would get too little.
export function updatePacing(pacing, elapsedMs, busyMs, msPerEpoch = null) {
  const { frames } = pacing;
  const isLate = elapsedMs > (frames + 0.5) * FRAME_MS;
  const late = pacing.late * LATE_FADE + (isLate ? 1 : 0);
  if (isLate) {
    const floor = budgetForRate(FLOOR_EPOCHS_PER_SECOND, msPerEpoch, frames, MIN_TRAINING_MS);
    const budgetMs = Math.max(floor, Math.min(pacing.budgetMs, pacing.budgetMs * BUDGET_CUT));
    if (late >= LATE_RUN && frames < MAX_FRAMES && epochRate(budgetMs, msPerEpoch, frames) < MIN_EPOCHS_PER_SECOND) {
      return { budgetMs: budgetForRate(MIN_EPOCHS_PER_SECOND, msPerEpoch, frames + 1), frames: frames + 1, late: 0 };
    }
    return { budgetMs, frames, late };
  }
  // On time. A frame rate higher by one step is tried again once what the frames cost besides
  // training fits it, with enough training and a margin.
  if (frames > 1) {
    const budgetMs = budgetForRate(MIN_EPOCHS_PER_SECOND, msPerEpoch, frames - 1);
    if (busyMs + budgetMs + FRAME_MARGIN_MS <= (frames - 1) * FRAME_MS) return { budgetMs, frames: frames - 1, late: 0 };
  }
  return { budgetMs: Math.min(frames * FRAME_BUDGET_MS, pacing.budgetMs + BUDGET_STEP_MS), frames, late };
}

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

// A smoothed cost per epoch after running `epochs` epochs in `ms` milliseconds (`previous` is null at first).
export function updateEpochCost(previous, ms, epochs) {
  if (!(epochs > 0)) return previous;
  const sample = Math.max(ms, 0.001) / epochs;
  // Mostly the newest sample: the cost changes at once when the network changes.
  return previous === null ? sample : 0.5 * previous + 0.5 * sample;
}
