// The worker that trains while the page plays fast a network whose epochs are long (background.js
// on the page's side): a copy of the page's session runs its epochs here, so that the page's
// frames never wait for one, and the page takes on the copy's progress (the core's progress(),
// then absorb()) once a frame. Every number still comes from the same core, bit for bit.
//
// Messages from the page: first { type: 'core', wasm } (see `core` below); then { type: 'start',
// generation, session, rate } trains a copy of the session file `session` at `rate` epochs a
// second (Infinity: as fast as it can); 'rate' changes the rate; 'pull' asks for the progress
// since the last one; 'stop' ends the copy; 'slow' makes the worker slower (benches). To the page:
// 'ready' once the core is loaded; { type: 'progress', generation, text, numbers, epochs,
// finished }, where text and numbers are the core's progress() and epochs the epochs asked of
// run() since the last progress (the call the page's log records); and { type: 'failed',
// generation, message }.
import init, { Playground } from './pkg/backprop_playground.js';
import { isTerminal } from './stepping.js';

// Training runs in slices of about this long, so that the page's pull is answered within one.
const SLICE_MS = 8;
// A slice of a fixed rate runs at most this many epochs (the rest are owed, not lost).
const MOST_EPOCHS = 1000;

const copy = {
  playground: null,
  generation: 0,
  rate: Infinity,
  // Whether the page has asked for the progress and not yet had it. Progress goes only when
  // asked, so the page never has two to take on at once (each follows on from the one before).
  asked: false,
  // Whether training has stopped (its last progress goes at the next ask).
  finished: false,
  // Epochs asked of run() since the last progress.
  epochs: 0,
  // The history's lengths at the last progress: epochs and batch losses logged.
  sent: [0, 0],
  msPerEpoch: null,
  // Epochs owed at a fixed rate, and when they were last counted.
  credit: 0,
  counted: 0,
  // How many times slower than this machine the worker should run (benches: as the page's
  // thread under DevTools' CPU throttling, which does not reach workers). It rests that much.
  slowness: 1,
};

// The core, loaded when the page says from where (its first message, { type: 'core', wasm }):
// from the wasm's bytes (the one-file build holds them), or, when wasm is null, from beside this file.
let load;
const core = new Promise((resolve) => {
  load = resolve;
});
// The next slice comes as a message to ourselves: a timer would wait at least 4 ms between slices.
const slices = new MessageChannel();
slices.port1.onmessage = slice;

self.onmessage = async ({ data }) => {
  if (data.type === 'core') {
    load(init(data.wasm ? { module_or_path: data.wasm } : undefined));
    return;
  }
  await core;
  if (data.type === 'slow') copy.slowness = data.factor;
  else if (data.type === 'start') start(data);
  else if (data.generation !== copy.generation) return;
  else if (data.type === 'pull') {
    copy.asked = true;
    if (copy.finished) finish();
  }
  else if (data.type === 'rate') setRate(data.rate);
  else if (data.type === 'stop') stop();
};

core.then(() => self.postMessage({ type: 'ready' }), (error) => self.postMessage({ type: 'failed', generation: 0, message: String(error) }));

function start({ generation, session, rate }) {
  stop();
  copy.generation = generation;
  try {
    copy.playground = Playground.fromSession(session);
  } catch (error) {
    self.postMessage({ type: 'failed', generation, message: error.message });
    return;
  }
  const { moment } = JSON.parse(copy.playground.progress(2 ** 32 - 1, 2 ** 32 - 1)[0]);
  copy.sent = [moment.epochs_logged, moment.batches_logged];
  copy.epochs = 0;
  copy.asked = false;
  copy.finished = false;
  setRate(rate);
  slices.port2.postMessage(generation);
}

function setRate(rate) {
  copy.rate = rate;
  copy.credit = 0;
  copy.counted = performance.now();
}

function stop() {
  copy.playground?.free();
  copy.playground = null;
  copy.finished = false;
}

// One slice: the epochs the rate owes (or a slice's worth at full speed), then the progress if the
// page asked for it.
function slice({ data: generation }) {
  const { playground } = copy;
  if (!playground || generation !== copy.generation) return;
  const begin = performance.now();
  const count = epochsOwed();
  if (count > 0) {
    playground.run(count);
    const ms = (performance.now() - begin) / count;
    copy.msPerEpoch = copy.msPerEpoch === null ? ms : 0.8 * copy.msPerEpoch + 0.2 * ms;
    copy.epochs += count;
  }
  if (isTerminal(playground.phase())) {
    copy.finished = true;
    if (copy.asked) finish();
    return;
  }
  if (copy.asked && copy.epochs > 0) send(false);
  const rest = (copy.slowness - 1) * (performance.now() - begin);
  if (count === 0 && copy.rate !== Infinity) setTimeout(() => slice({ data: generation }), Math.max(1, 1000 / copy.rate));
  else if (rest > 0) setTimeout(() => slice({ data: generation }), rest);
  else slices.port2.postMessage(generation);
}

function epochsOwed() {
  if (copy.rate === Infinity) return copy.msPerEpoch ? Math.max(1, Math.floor(SLICE_MS / copy.msPerEpoch)) : 1;
  const now = performance.now();
  copy.credit = Math.min(copy.credit + (copy.rate * (now - copy.counted)) / 1000, MOST_EPOCHS);
  copy.counted = now;
  const count = Math.floor(copy.credit);
  copy.credit -= count;
  return count;
}

// The last progress, once training has stopped; the copy is done.
function finish() {
  send(true);
  stop();
}

function send(finished) {
  const [text, numbers] = copy.playground.progress(copy.sent[0], copy.sent[1]);
  const { moment } = JSON.parse(text);
  copy.sent = [moment.epochs_logged, moment.batches_logged];
  const progress = { type: 'progress', generation: copy.generation, text, numbers, epochs: copy.epochs, finished };
  self.postMessage(progress, [numbers.buffer]);
  copy.epochs = 0;
  copy.asked = false;
}
