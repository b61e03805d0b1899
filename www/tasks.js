// The goals of a lesson's tasks: a small language of conditions on what the core reports (its
// history, its trace, the session's settings) and where the data came from. checkCondition reads
// a condition from a lesson file, naming any bad field; holds() decides it against the facts of
// the page now. Pure: Node tests both. The language is documented in docs/lesson-format.md.
import { LessonError, expect, expectLesson } from './lesson-error.js';
import { batchMethod } from './patches.js';

// Numbers a condition can compare, each read from the facts (null when there is none yet, which
// no comparison meets): the last finished epoch's figures, the batch on show, the settings.
export const NUMBERS = {
  // The history's figures of the last finished epoch.
  train_loss: (f) => lastOf(f.history(), 'train_loss'),
  test_loss: (f) => lastOf(f.history(), 'test_loss'),
  train_accuracy: (f) => lastOf(f.history(), 'train_accuracy'),
  test_accuracy: (f) => lastOf(f.history(), 'test_accuracy'),
  train_rmse: (f) => lastOf(f.history(), 'train_rmse'),
  test_rmse: (f) => lastOf(f.history(), 'test_rmse'),
  // J of the batch on show, once its Loss phase has run.
  batch_loss: (f) => finite(f.trace.loss),
  // Epochs finished.
  epochs: (f) => f.trace.epochs_done,
  // Settings.
  learning_rate: (f) => f.session.training.learning_rate,
  batch_size: (f) => f.trace.batch_size,
  hidden_layers: (f) => f.session.network.layers.length - 1,
  hidden_units: (f) => f.session.network.layers.slice(0, -1).reduce((sum, layer) => sum + layer.units, 0),
  l2: (f) => f.session.training.l2 ?? 0,
};

// Comparisons of a number, each with its test.
export const COMPARISONS = {
  at_least: (x, v) => x >= v,
  at_most: (x, v) => x <= v,
  above: (x, v) => x > v,
  below: (x, v) => x < v,
  equals: (x, v) => x === v,
};

// Training's state as the trace reports it.
export const STATUSES = ['Running', 'TargetReached', 'MaxEpochs', 'Diverged'];
// The kinds of gradient descent a batch size makes (patches.js batchMethod).
export const METHODS = ['sgd', 'mini', 'full'];
export const LOSSES = ['mse', 'bce', 'cce'];
// The conditions that combine others.
const GROUPS = ['all', 'any', 'not'];
// The conditions on words: what each accepts is given by checkCondition's `names`, or here.
const WORDS = ['status', 'next_phase', 'data', 'method', 'loss', 'standardized'];
// Every condition's name, for messages.
export const CONDITIONS = [...GROUPS, ...WORDS, ...Object.keys(NUMBERS)];
// A group holds at most this many conditions; conditions nest at most this deep.
const MAX_ITEMS = 20;
const MAX_DEPTH = 8;
const PHASE = /^(?:(?:Forward|Backward)\([1-9]\d?\)|Loss|Update)$/;

// The last value of history list `name`, or null.
function lastOf(history, name) {
  const list = history?.[name];
  return Array.isArray(list) && list.length > 0 ? finite(list[list.length - 1]) : null;
}

// `x` when it is a finite number, else null ("NaN" as the trace spells it compares as nothing).
function finite(x) {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

// Whether `value` is a plain object.
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// The condition at `field`, checked: returns it unchanged, or throws a LessonError naming the bad
// part. `names`: { data: names a data condition may name } (presets and generated sets).
export function checkCondition(condition, field, names, depth = 0) {
  if (!isObject(condition)) throw new LessonError(field, expectLesson('condition', { names: CONDITIONS.join(', ') }), condition);
  const keys = Object.keys(condition);
  if (keys.length !== 1) throw new LessonError(field, expectLesson('condition', { names: CONDITIONS.join(', ') }), condition);
  const [name] = keys;
  const value = condition[name];
  const at = `${field}.${name}`;
  if (!CONDITIONS.includes(name)) {
    throw new LessonError(at, expect('knownField', { fields: CONDITIONS.join(', ') }), undefined, { got: { key: 'core.got.unknownField', args: {} } });
  }
  if (depth >= MAX_DEPTH) throw new LessonError(at, expectLesson('shallow', { max: MAX_DEPTH }), value);
  if (name === 'all' || name === 'any') {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ITEMS) {
      throw new LessonError(at, expectLesson('conditions', { max: MAX_ITEMS }), value);
    }
    value.forEach((item, i) => checkCondition(item, `${at}[${i}]`, names, depth + 1));
  } else if (name === 'not') {
    checkCondition(value, at, names, depth + 1);
  } else if (name === 'status') {
    oneOf(value, at, STATUSES);
  } else if (name === 'method') {
    oneOf(value, at, METHODS);
  } else if (name === 'loss') {
    oneOf(value, at, LOSSES);
  } else if (name === 'data') {
    oneOf(value, at, names.data);
  } else if (name === 'next_phase') {
    if (typeof value !== 'string' || !(PHASE.test(value) || STATUSES.includes(value))) {
      throw new LessonError(at, expectLesson('phase'), value);
    }
  } else if (name === 'standardized') {
    if (typeof value !== 'boolean') throw new LessonError(at, expect('boolean'), value);
  } else {
    checkComparison(value, at);
  }
  return condition;
}

// `value` must be one of `choices`.
function oneOf(value, field, choices) {
  if (!choices.includes(value)) throw new LessonError(field, expect('oneOf', { names: choices.join(', ') }), value);
}

// A number's comparisons: an object of one or more of at_least, at_most, above, below, equals,
// each a finite number.
function checkComparison(value, field) {
  const names = Object.keys(COMPARISONS).join(', ');
  if (!isObject(value) || Object.keys(value).length === 0) throw new LessonError(field, expectLesson('comparison', { names }), value);
  for (const [key, bound] of Object.entries(value)) {
    if (!(key in COMPARISONS)) {
      throw new LessonError(`${field}.${key}`, expect('knownField', { fields: names }), undefined, { got: { key: 'core.got.unknownField', args: {} } });
    }
    if (typeof bound !== 'number' || !Number.isFinite(bound)) throw new LessonError(`${field}.${key}`, expect('finite'), bound);
  }
}

// Whether `condition` (checked) holds for `facts`:
// { trace (the core's trace, parsed), history() (the history, or its newest epochs, parsed; called
//   only when needed),
//   session (the settings: config.session), source (store.data.source), summary (the data summary),
//   trainRows }.
export function holds(condition, facts) {
  const [[name, value]] = Object.entries(condition);
  switch (name) {
    case 'all': return value.every((item) => holds(item, facts));
    case 'any': return value.some((item) => holds(item, facts));
    case 'not': return !holds(value, facts);
    case 'status': return facts.trace.status === value;
    case 'next_phase': return facts.trace.phase === value;
    case 'method': return batchMethod(facts.session.training.batch_size, facts.trainRows) === value;
    case 'loss': return facts.session.loss === value;
    case 'data': return dataNames(facts.source).includes(value);
    case 'standardized': return facts.summary?.standardized === value;
    default: {
      const x = NUMBERS[name](facts);
      if (typeof x !== 'number' || !Number.isFinite(x)) return false;
      return Object.entries(value).every(([key, bound]) => COMPARISONS[key](x, bound));
    }
  }
}

// The names the data goes by: a generated set's kind, a shipped CSV file's preset, the preset of
// a session (the worked example's, say).
function dataNames(source) {
  if (!source) return [];
  if (source.kind === 'generated') return [source.name];
  if (source.kind === 'csv') return source.name ? [source.name] : [];
  return source.preset ? [source.preset] : [];
}
