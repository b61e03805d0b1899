// Training in a worker (www/train-worker.js) while the page plays fast a network whose epochs are
// long: on a slow laptop one epoch of the digits preset takes longer than a frame, so on the page's
// own thread every frame waited for training. The worker trains a copy of the session; the player
// takes on the copy's progress once a frame (takeProgress, then the core's absorb()). Where no
// worker can start (the one-file build, a browser without module workers) or one fails, the
// player trains on the page's thread as before.
import { trainingWorker } from './assets.js';

// An epoch longer than this (measured on the page's thread) trains in the worker when playing at
// more than one epoch a frame's worth: at 60 frames a second the page's frames have about 5 ms
// for training (speed.js FRAME_BUDGET_MS), so such an epoch would make frames late.
export const WORKER_EPOCH_MS = 2;

const worker = {
  // The Worker, null until first wanted; 'none' when it cannot be had.
  thread: null,
  ready: false,
  // Each copy started has its own number: progress from a copy since stopped is dropped.
  generation: 0,
  running: false,
  // The newest progress not yet taken, and whether one has been asked for.
  progress: null,
  asked: false,
  // Called with the reason when the worker fails while a copy trains.
  onFail: null,
  // How many times slower the worker runs (slowWorker).
  slowness: 1,
};

// Benches: make the worker `factor` times slower, as DevTools slows the page's own thread
// (Emulation.setCPUThrottlingRate does not reach workers): it rests that much after each slice.
export function slowWorker(factor) {
  worker.slowness = factor;
  if (worker.thread !== null && worker.thread !== 'none') worker.thread.postMessage({ type: 'slow', factor });
}

// Whether training goes to the worker: a worker is ready and an epoch is long.
export function usesWorker(msPerEpoch) {
  if (msPerEpoch === null || msPerEpoch <= WORKER_EPOCH_MS) return false;
  prepareWorker();
  return worker.ready;
}

// Start the worker (it loads the core), if not started; harmless when none can start.
export function prepareWorker() {
  if (worker.thread !== null) return;
  try {
    worker.thread = trainingWorker() ?? 'none';
  } catch {
    worker.thread = 'none';
  }
  if (worker.thread === 'none') return;
  worker.thread.onmessage = ({ data }) => receive(data);
  if (worker.slowness !== 1) worker.thread.postMessage({ type: 'slow', factor: worker.slowness });
  worker.thread.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || 'the training worker failed');
  };
  worker.thread.onmessageerror = () => fail('the training worker sent an unreadable message');
}

// Start training a copy of the session file `session` at `rate` epochs a second in the worker;
// `onFail(message)` is called if the worker fails while it trains.
export function startWorker(session, rate, onFail) {
  worker.generation += 1;
  worker.running = true;
  worker.progress = null;
  worker.asked = false;
  worker.onFail = onFail;
  worker.thread.postMessage({ type: 'start', generation: worker.generation, session, rate });
  askProgress();
}

// Change the rate of the copy training.
export function setWorkerRate(rate) {
  if (worker.running) worker.thread.postMessage({ type: 'rate', generation: worker.generation, rate });
}

// Stop the copy: its progress not yet taken is dropped (the page stays at what it shows).
export function stopWorker() {
  if (!worker.running) return;
  worker.thread.postMessage({ type: 'stop', generation: worker.generation });
  worker.running = false;
  worker.progress = null;
  worker.onFail = null;
}

// Whether a copy is training.
export function workerRunning() {
  return worker.running;
}

// The copy's newest progress ({ text, numbers, epochs, finished }), or null; asks for the next one.
export function takeProgress() {
  const { progress } = worker;
  worker.progress = null;
  if (progress) askProgress();
  return progress;
}

function askProgress() {
  if (worker.asked || !worker.running) return;
  worker.asked = true;
  worker.thread.postMessage({ type: 'pull', generation: worker.generation });
}

function receive(data) {
  if (data.type === 'ready') worker.ready = true;
  else if (data.generation !== worker.generation) return;
  else if (data.type === 'progress') {
    worker.progress = data;
    worker.asked = false;
  } else if (data.type === 'failed') fail(data.message);
}

// The worker cannot train: no more copies go to it, and the player goes on on its own thread.
function fail(message) {
  const { onFail, running } = worker;
  worker.ready = false;
  worker.running = false;
  worker.progress = null;
  worker.thread?.terminate?.();
  worker.thread = 'none';
  if (running) onFail?.(message);
}
