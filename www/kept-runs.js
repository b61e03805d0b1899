// Kept runs as data: what a run is called (from its settings, in the page's language), the loss
// chart's `kept` option built from them, and the check of a list read from a snapshot. No DOM,
// so Node can test it. The numbers of a run (its J per epoch) are the core's, kept as they came.
import { t } from './i18n.js';
import { formatNumber } from './format.js';

// The most runs kept at once: the loss chart has a colour for each.
export const MAX_KEPT = 4;
const KINDS = ['sgd', 'mini', 'batch'];

// The kind of gradient descent a batch size gives with `rows` training rows: 1 is SGD, all of them
// (or "all") is batch gradient descent, anything between is mini-batch.
export function batchKind(batchSize, rows) {
  if (batchSize === 'all' || batchSize >= rows) return 'batch';
  return batchSize === 1 ? 'sgd' : 'mini';
}

// A run's name from its settings: "SGD α 0.1", "Mini-batch 10 α 0.03".
export function keptName(run) {
  return t(`compare.name.${run.kind}`, { k: run.k, alpha: formatNumber(run.alpha) });
}

// The loss chart's `kept` option: names in the page's language, nulls kept (a run's colour is its place).
export function keptOption(kept) {
  return kept.map((run) => {
    if (!run) return null;
    // A run kept from a thinned history gives the epoch of each value.
    return run.epoch ? { name: keptName(run), train: run.train, epoch: run.epoch } : { name: keptName(run), train: run.train };
  });
}

// The places of the runs kept (not null).
export function keptCount(kept) {
  return kept.filter(Boolean).length;
}

// `kept` with `run` in the first free place; null when all MAX_KEPT places are taken.
export function withRun(kept, run) {
  const free = kept.indexOf(null);
  if (free >= 0) return kept.map((old, i) => (i === free ? run : old));
  return kept.length < MAX_KEPT ? [...kept, run] : null;
}

// `kept` without the run at place `i`: its place stays (null) unless it was the last.
export function withoutRun(kept, i) {
  const next = kept.map((run, k) => (k === i ? null : run));
  while (next.length && next.at(-1) === null) next.pop();
  return next;
}

// What is wrong with a list of kept runs read from a snapshot, or null when nothing is.
export function keptProblem(kept) {
  if (!Array.isArray(kept) || kept.length > MAX_KEPT) return `a list of at most ${MAX_KEPT} runs`;
  for (const run of kept) {
    if (run === null) continue;
    if (typeof run !== 'object' || !KINDS.includes(run.kind)) return `runs of kind ${KINDS.join(', ')} or null`;
    if (!Number.isInteger(run.k) || run.k < 1) return 'runs whose batch size k is a whole number ≥ 1';
    if (!Number.isFinite(run.alpha)) return 'runs whose α is a number';
    if (!Array.isArray(run.train) || !run.train.every((x) => x === null || Number.isFinite(x))) {
      return 'runs whose train is a list of numbers or nulls';
    }
    const increasing = (list) => list.every((e, i) => Number.isInteger(e) && e >= 0 && (i === 0 || e > list[i - 1]));
    if (run.epoch !== undefined && !(Array.isArray(run.epoch) && run.epoch.length === run.train.length && increasing(run.epoch))) {
      return 'runs whose epoch is a list of increasing whole numbers, one per value of train';
    }
  }
  return null;
}
