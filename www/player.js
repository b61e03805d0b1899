// The page's one animation loop: play, pause and the speed slider. While playing, each frame runs
// the work the speed asks for (speed.js plans it) and then redraws the page once.
import { t } from './i18n.js';
import { SPEEDS, DEFAULT_SPEED, MAX_SPEED, planFrame, speedLabel, updateEpochCost, startPacing, updatePacing } from './speed.js';
import { isTerminal } from './stepping.js';
import { showError, showStatus } from './views/messages.js';
import { setAttr, setText } from './dom.js';
import { everyFrame, flush } from './scheduler.js';
import { sessionChanged } from './state.js';
import { drawsEveryView } from './draw-turns.js';
import { callLog } from './call-log.js';
import { usesWorker, startWorker, stopWorker, setWorkerRate, takeProgress } from './background.js';

const playButton = document.getElementById('play');
const speedSlider = document.getElementById('speed');
const speedValue = document.getElementById('speed-value');

const loop = {
  playground: null,
  // Stops the frame task while playing (scheduler.js everyFrame), null while paused.
  stop: null,
  // Time of the previous frame, null on the first frame of a run.
  last: null,
  // Fraction of a unit owed from earlier frames.
  credit: 0,
  // Measured milliseconds per epoch, null until measured.
  msPerEpoch: null,
  // The last few frames' milliseconds per epoch, unsmoothed (workerEpochMs).
  epochSamples: [],
  // Training's budget and the frame rate aimed at (speed.js updatePacing), adapted every frame.
  pacing: startPacing(),
  // Measured milliseconds of a frame's work besides training (smoothed): the redraw, then the
  // browser's style, layout, paint and commit, which end when a message posted after the redraw
  // arrives. Null until measured.
  busyMs: null,
  drawMs: 0,
  drawnAt: 0,
  rendered: null,
  // Run at full speed until training stops ("run to end"), whatever the slider says.
  toEnd: false,
  // While the worker trains (background.js): the epochs a second it was asked for, and the call
  // log's revision the copy follows on from (any other change to the session starts a new copy).
  worker: null,
};

// Wire the play button and the speed slider to `playground`.
export function wirePlayer(playground) {
  loop.playground = playground;
  speedSlider.max = String(SPEEDS.length - 1);
  speedSlider.value = String(DEFAULT_SPEED);
  loop.rendered = new MessageChannel();
  loop.rendered.port1.onmessage = () => {
    const busy = loop.drawMs + performance.now() - loop.drawnAt;
    loop.busyMs = updateEpochCost(loop.busyMs, busy, 1);
  };
  speedSlider.addEventListener('input', () => {
    loop.credit = 0;
    showSpeed();
  });
  playButton.addEventListener('click', togglePlay);
  showSpeed();
  showPlaying();
}

// Whether the loop is running.
export function isPlaying() {
  return loop.stop !== null;
}

// The steps a second of the speed playing (phases, batches or epochs; Infinity at full speed).
export function stepsPerSecond() {
  return loop.toEnd ? Infinity : SPEEDS[Number(speedSlider.value)].rate;
}

// Start playing at the slider's speed, or at full speed until training stops when `toEnd`.
export function play({ toEnd = false } = {}) {
  if (isTerminal(loop.playground.phase())) {
    showStatus('status.finished');
    return;
  }
  loop.toEnd = toEnd;
  if (isPlaying()) return;
  loop.last = null;
  loop.pacing = startPacing();
  // Measured again: the session may be another one (other data, another network), whose epochs
  // decide afresh whether the worker trains.
  loop.msPerEpoch = null;
  loop.epochSamples = [];
  // Owe one unit at once, so pressing Play shows a step straight away.
  loop.credit = 1;
  loop.stop = everyFrame(tick);
  showPlaying();
}

// Stop playing, and draw the page once in full: while playing, the views of the batch's numbers
// were drawn only a few times a second.
export function pause() {
  const wasPlaying = isPlaying();
  // The page stays at the progress it shows; the worker's newer epochs are dropped.
  stopWorker();
  trainHere();
  loop.stop?.();
  loop.stop = null;
  loop.toEnd = false;
  showPlaying();
  if (wasPlaying) sessionChanged();
}

// Play if paused, pause if playing.
export function togglePlay() {
  if (isPlaying()) pause();
  else play();
}

// One frame: run what the speed plans for the time since the last frame, then draw once.
function tick(now) {
  const { playground } = loop;
  const elapsed = loop.last === null ? 0 : now - loop.last;
  // Training's share follows whether the last frame came on time.
  if (loop.last !== null) loop.pacing = updatePacing(loop.pacing, elapsed, loop.busyMs ?? Infinity, loop.msPerEpoch);
  loop.last = now;
  const speed = SPEEDS[loop.toEnd ? MAX_SPEED : Number(speedSlider.value)];
  if (loop.worker) return workerFrame(speed);
  const plan = planFrame(speed, loop.credit, elapsed, loop.msPerEpoch, loop.pacing.budgetMs);
  loop.credit = plan.credit;
  if (plan.count > 0) {
    try {
      runUnits(playground, speed.unit, plan.count);
    } catch (error) {
      pause();
      showError('error.action', error);
    }
    drawFrame();
  }
  if (!isPlaying()) return false;
  if (isTerminal(playground.phase())) {
    pause();
    return false;
  }
  if (wantsWorker(speed) && usesWorker(workerEpochMs())) handOff(speed);
  return true;
}

// Redraw the page, timing the redraw and (by a message that arrives after it) the browser's work.
function drawFrame() {
  const start = performance.now();
  sessionChanged();
  flush();
  loop.drawnAt = performance.now();
  loop.drawMs = loop.drawnAt - start;
  loop.rendered.port2.postMessage(0);
}

// The frames whose epochs are timed before training may move to the worker.
const WORKER_SAMPLES = 3;

// What decides whether epochs are long enough for the worker: the shortest epoch of the last
// WORKER_SAMPLES frames, null before that many. Not one frame's: the first epoch on new data
// takes longer (200 generated points after the digits: 2.1–2.6 ms, then 0.3 ms an epoch), and
// one frame's had sent such data to the worker now and then.
function workerEpochMs() {
  return loop.epochSamples.length < WORKER_SAMPLES ? null : Math.min(...loop.epochSamples);
}

// Whether `speed` plays epochs faster than every view follows (the speeds the worker may train).
function wantsWorker(speed) {
  return speed.unit === 'epoch' && !drawsEveryView(speed.rate);
}

// The worker trains on from the session as it is now.
function handOff(speed) {
  loop.worker = { rate: speed.rate, revision: callLog.revision };
  // Where training runs, for benches and tests (<html data-training="worker">).
  document.documentElement.dataset.training = 'worker';
  // Should the worker fail, the page trains on its own thread from what it shows.
  startWorker(loop.playground.toSession(), speed.rate, trainHere);
}

// Training goes on (if playing) on the page's own thread.
function trainHere() {
  loop.worker = null;
  delete document.documentElement.dataset.training;
}

// A frame while the worker trains: take on its progress and draw it.
function workerFrame(speed) {
  const { playground } = loop;
  if (!wantsWorker(speed)) {
    // Slower than the worker trains: the page steps on its own from what it shows.
    stopWorker();
    trainHere();
    return true;
  }
  if (callLog.revision !== loop.worker.revision) {
    // The session changed otherwise (a setting while playing, an edit, other data): a new copy.
    stopWorker();
    handOff(speed);
    return true;
  }
  if (speed.rate !== loop.worker.rate) {
    setWorkerRate(speed.rate);
    loop.worker.rate = speed.rate;
  }
  const progress = takeProgress();
  // (A progress of no epochs changed nothing: taking it on would only add an undo step.)
  if (progress && progress.epochs > 0) {
    try {
      playground.absorb(progress.text, progress.numbers, progress.epochs);
    } catch (error) {
      pause();
      showError('error.action', error);
      return false;
    }
    loop.worker.revision = callLog.revision;
    drawFrame();
  }
  if (isTerminal(playground.phase())) {
    pause();
    return false;
  }
  return true;
}

// Run `count` phases, batches or epochs; epochs go to the core in one call, timed for the budget.
function runUnits(playground, unit, count) {
  if (unit === 'epoch') {
    const start = performance.now();
    playground.run(count);
    const ms = performance.now() - start;
    loop.msPerEpoch = updateEpochCost(loop.msPerEpoch, ms, count);
    loop.epochSamples = [...loop.epochSamples.slice(1 - WORKER_SAMPLES), ms / count];
    return;
  }
  for (let i = 0; i < count && !isTerminal(playground.phase()); i += 1) playground.step(unit);
}

// Show the slider's speed beside it.
function showSpeed() {
  const [id, params] = speedLabel(SPEEDS[Number(speedSlider.value)]);
  speedValue.textContent = t(id, params);
  speedSlider.setAttribute('aria-valuetext', speedValue.textContent);
}

// The play button for next phase `phase`: it cannot start a training that has stopped. In
// another language, the button's and the speed's words again.
export function renderPlayer(phase, parts) {
  if (parts?.has('lang')) {
    showSpeed();
    showPlaying();
  }
  const disabled = isTerminal(phase) && !isPlaying();
  if (playButton.disabled !== disabled) playButton.disabled = disabled;
}

// Show Play or Pause on the button.
function showPlaying() {
  const playing = isPlaying();
  // Only when it changes: a step by hand pauses, which would otherwise repaint the button each time.
  setText(playButton, t(playing ? 'control.pause' : 'control.play'));
  setAttr(playButton, 'aria-pressed', String(playing));
  playButton.classList.toggle('is-playing', playing);
}
