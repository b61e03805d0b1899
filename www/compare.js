// Compared runs: keep the current run's training loss curve, or train SGD, mini-batch and batch
// gradient descent from the same initial weights, and draw them over the loss chart. Every number
// is the core's: each run is trained by a Playground of its own, made from the page's session file,
// so the page's session (its numbers, undo steps and call log) is left exactly as it was.
import { store, setKept } from './state.js';
import { config } from './config.js';
import { MAX_KEPT, batchKind, keptCount, withRun } from './kept-runs.js';

// The most epochs "Same start" trains each run for.
export const MAX_COMPARE_EPOCHS = 200;

// `call(scratch)` on a Playground made from the session file `text`, freed afterwards.
function withScratch(text, call) {
  const scratch = store.Playground.fromSession(text);
  try {
    return call(scratch);
  } finally {
    scratch.free();
  }
}

// J over the training set of `scratch` with its parameters drawn afresh from the seed: a run's
// point at epoch 0. Null without training rows.
function startLoss(scratch) {
  scratch.reset();
  return scratch.trainLoss() ?? null;
}

// The settings part of a run: its kind, batch size k and α, from a batch size and an α.
function settingsOf(batchSize, alpha) {
  const kind = batchKind(batchSize, config.trainRows);
  return { kind, k: kind === 'batch' ? config.trainRows : batchSize, alpha };
}

// Keep the current run: its J at epoch 0 (from the seed) and after each epoch so far. Returns
// { problem: message id } when there is no epoch yet or every place is taken.
export function keepRun() {
  if (keptCount(store.kept) >= MAX_KEPT) return { problem: 'compare.full' };
  const history = JSON.parse(store.playground.history());
  if (history.train_loss.length === 0) return { problem: 'compare.needEpoch' };
  const start = withScratch(store.playground.toSession(), startLoss);
  const { batch_size: batchSize, learning_rate: alpha } = config.session.training;
  const run = { ...settingsOf(batchSize, alpha), epochs: history.epochs ?? history.train_loss.length, train: [start, ...history.train_loss] };
  // A long run's history is thinned (the core keeps evenly spaced epochs): its values keep their
  // epochs, 0 for the start.
  if (history.epoch) run.epoch = [0, ...history.epoch];
  setKept(withRun(store.kept, run));
  return { run };
}

// The batch sizes "Same start" compares: 1, the current k when it lies strictly between 1 and all
// the training rows, and all of them.
export function compareSizes(batchSize, rows) {
  const mini = batchSize !== 'all' && batchSize > 1 && batchSize < rows ? [batchSize] : [];
  return [1, ...mini, 'all'];
}

// Train a run of each batch size of compareSizes for `epochs` epochs, each from the session's
// initial weights (drawn from its seed), and keep them in place of the runs kept. Returns
// { runs } or { problem: message id } (epochs out of range).
export function sameStart(epochs) {
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_COMPARE_EPOCHS) return { problem: 'compare.badEpochs' };
  const text = store.playground.toSession();
  const { batch_size: current, learning_rate: alpha } = config.session.training;
  const runs = compareSizes(current, config.trainRows).map((size) => withScratch(text, (scratch) => {
    scratch.configure(JSON.stringify({ training: { batch_size: size } }));
    const start = startLoss(scratch);
    scratch.run(epochs);
    const { train_loss: train } = JSON.parse(scratch.history());
    return { ...settingsOf(size, alpha), epochs, train: [start, ...train] };
  }));
  setKept(runs);
  return { runs };
}
