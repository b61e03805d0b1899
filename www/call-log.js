// The log of the Playground calls since the session last started afresh: what a share link
// (share.js) replays from the seed to reach the very same numbers. It holds where the data came
// from, the settings training started with, and every call since (step, run, stepTo, back, a
// live configure, setWeight, setBias), run-length encoded: the player calls step and run many
// times. A restart (reset, a restarting configure), new data or an opened file starts it again.
// The page's modules call the core through recording(playground), which records as it calls.
import { config } from './config.js';
import { isTerminal } from './stepping.js';
import { isLivePatch } from './patches.js';

// The undo depth the core keeps (src/core/trainer/undo.rs UNDO_DEPTH): calls older than the
// newest this many undo steps can be merged without changing what Step back reaches.
export const UNDO_DEPTH = 256;
// The log is compacted when it grows past this many entries.
const COMPACT_AT = 2 * UNDO_DEPTH;

// The log. Each call is a list: the operation, its arguments, and last how many times in a row:
//   ['phase', n], ['batch', n], ['epoch', n]   step(unit), n times
//   ['run', epochs, n]                          run(epochs), n times
//   ['to', phase, n]                            stepTo(phase)
//   ['back', n]                                 back() that undid a step
//   ['set', patchText, n]                       configure(patch) of live settings (α, stopping rule)
//   ['w', l, i, j, value, n], ['b', l, j, value, n]   setWeight, setBias
export const callLog = {
  // Where the data came from when the log started: { kind: 'preset', name }, { kind: 'generated',
  // spec, prep }, { kind: 'csv', csv, prep } (csv: name, file, text, columns, target, task), or
  // { kind: 'file', text } (an opened session file; text null when unknown).
  source: null,
  // The settings training started with (settingsOf), or null until read: a restarting configure
  // is read once the settings form has read the core again (config.js), at the next call.
  settings: null,
  // Whether the log started with a restart (reset, configure): a replay resets after configuring.
  fresh: false,
  calls: [],
  // Counts every change of the log: autosave.js tells a change by the person from it.
  revision: 0,
};

// The calls a recording handle records, by method name.
const RECORDED = {
  step(playground, unit) {
    if (isTerminal(playground.phase())) return playground.step(unit);
    const next = playground.step(unit);
    append([unit, 1]);
    return next;
  },
  run(playground, epochs) {
    if (isTerminal(playground.phase()) || epochs === 0) return playground.run(epochs);
    const next = playground.run(epochs);
    append(['run', epochs, 1]);
    return next;
  },
  // The progress of a copy trained in the worker (background.js): the page reaches exactly where
  // run(epochs) would have put it, with `epochs` the epochs asked of the copy, so it is logged so.
  absorb(playground, text, numbers, epochs) {
    playground.absorb(text, numbers);
    append(['run', epochs, 1]);
  },
  stepTo(playground, phase) {
    const before = playground.phase();
    const next = playground.stepTo(phase);
    // The core does nothing when training has stopped or the phase is already next.
    if (!isTerminal(before) && before !== phase) append(['to', phase, 1]);
    return next;
  },
  back(playground) {
    const undone = playground.back();
    if (undone) append(['back', 1]);
    return undone;
  },
  configure(playground, patchText) {
    playground.configure(patchText);
    if (isLivePatch(JSON.parse(patchText))) append(['set', patchText, 1]);
    else restartLog();
  },
  reset(playground) {
    playground.reset();
    restartLog();
  },
  setWeight(playground, l, i, j, value) {
    playground.setWeight(l, i, j, value);
    append(['w', l, i, j, value, 1]);
  },
  setBias(playground, l, j, value) {
    playground.setBias(l, j, value);
    append(['b', l, j, value, 1]);
  },
};

// `playground` (the page's handle) with the calls above recorded in the log; everything else
// passes through.
export function recording(playground) {
  return new Proxy(playground, {
    get(target, key) {
      const recorded = RECORDED[key];
      return recorded ? (...args) => recorded(target, ...args) : target[key];
    },
  });
}

// Perform the log's `calls` on `playground` (a Playground of its own, not the page's): the same
// calls, in order, as many times each. A back() with nothing to undo, or a configure() of more
// than live settings, is no call the page records: `refuse(what)` makes the error thrown.
export function replayCalls(playground, calls, refuse = (what) => new Error(what)) {
  for (const call of calls) {
    const count = call.at(-1);
    const [op, ...args] = call.slice(0, -1);
    for (let k = 0; k < count; k += 1) {
      if (op === 'phase' || op === 'batch' || op === 'epoch') playground.step(op);
      else if (op === 'run') playground.run(args[0]);
      else if (op === 'to') playground.stepTo(args[0]);
      else if (op === 'back') {
        if (!playground.back()) throw refuse('back()');
      } else if (op === 'set') {
        if (!isLivePatch(JSON.parse(args[0]))) throw refuse(args[0]);
        playground.configure(args[0]);
      } else if (op === 'w') playground.setWeight(...args);
      else if (op === 'b') playground.setBias(...args);
      else throw refuse(String(op));
    }
  }
}

// Start the log again at a restart of training from the seed: the data stays where it came from.
export function restartLog() {
  startLog(callLog.source, { fresh: true });
}

// Start the log again from `source` (see callLog.source); the settings are read at the next call.
export function startLog(source, { fresh = false } = {}) {
  callLog.source = source;
  callLog.settings = null;
  callLog.fresh = fresh;
  callLog.calls = [];
  callLog.revision += 1;
}

// The log as a JSON-able object, its settings read (for a snapshot or a link).
export function logState() {
  settle();
  return JSON.parse(JSON.stringify({ source: callLog.source, settings: callLog.settings, fresh: callLog.fresh, calls: callLog.calls }));
}

// Put a log read from a snapshot or a link in place.
export function setLog({ source, settings, fresh, calls }) {
  callLog.source = source;
  callLog.settings = settings;
  callLog.fresh = fresh;
  callLog.calls = calls.map((call) => [...call]);
}

// The settings a session file's parsed text (config.session) trains with: network layers, loss,
// initialisation and training (the seed as its digits).
export function settingsOf(session) {
  const settings = JSON.parse(JSON.stringify({
    network: { layers: session.network.layers.map(({ units, activation }) => ({ units, activation })) },
    loss: session.loss,
    init: session.init,
    training: session.training,
  }));
  // The seed as digits, however it came: a JavaScript number would round it above 2^53.
  if (settings.training.seed !== undefined) settings.training.seed = String(settings.training.seed);
  return settings;
}

// Read the settings the log started with, if not yet read.
function settle() {
  if (callLog.settings === null && config.session) callLog.settings = settingsOf(config.session);
}

// Add `call` to the log, counting it with the last entry when it is the same call.
function append(call) {
  settle();
  const last = callLog.calls.at(-1);
  if (last && sameCall(last, call)) last[last.length - 1] += 1;
  else callLog.calls.push(call);
  callLog.revision += 1;
  if (callLog.calls.length > COMPACT_AT) callLog.calls = compact(callLog.calls);
}

// Whether two entries are the same call (all but their counts equal).
function sameCall(a, b) {
  return a.length === b.length && a.slice(0, -1).every((value, k) => Object.is(value, b[k]));
}

// Undo steps an entry pushes (positive) or pops (negative): every recorded step, run, stepTo
// and edit is one undo step (calls that did nothing are not recorded); back() takes one away.
function undoSteps(call) {
  const count = call.at(-1);
  if (call[0] === 'set') return 0;
  return call[0] === 'back' ? -count : count;
}

// `calls` with the runs of epochs that Step back can no longer reach merged: run(a) then run(b)
// train exactly as run(a + b) (each ends on an epoch's end), and differ only in the undo step
// between them. An entry is out of reach when the calls after it alone fill the core's undo
// steps (UNDO_DEPTH) without undoing past themselves: the core has dropped every step before.
// Two runs stay apart when a back() among those older calls returned to the step between them.
export function compact(calls) {
  const split = reachSplit(calls);
  if (split <= 1) return calls;
  const restored = restoredSteps(calls, split);
  const merged = [];
  calls.slice(0, split).forEach((call, e) => {
    const epochs = call[0] === 'run' ? call[1] : call[0] === 'epoch' ? 1 : null;
    if (epochs === null) {
      merged.push([...call]);
      return;
    }
    for (let r = 0; r < call.at(-1); r += 1) {
      const last = merged.at(-1);
      if (last?.[0] === 'run' && !restored.has(`${e}:${r}`)) last[1] += epochs;
      else merged.push(['run', epochs, 1]);
    }
  });
  return [...merged, ...calls.slice(split)];
}

// The undo steps of calls[0..end) that a back() among them returned to, as "entry:repetition"
// (the step taken just before that repetition of that entry).
function restoredSteps(calls, end) {
  const stack = [];
  const restored = new Set();
  calls.slice(0, end).forEach((call, e) => {
    if (call[0] === 'set') return;
    for (let r = 0; r < call.at(-1); r += 1) {
      if (call[0] === 'back') {
        const step = stack.pop();
        if (step !== undefined) restored.add(step);
        continue;
      }
      stack.push(`${e}:${r}`);
      if (stack.length > UNDO_DEPTH) stack.shift();
    }
  });
  return restored;
}

// The largest index i such that calls[i..] alone fill the undo steps: before them nothing matters
// to Step back. 0 when there is none.
function reachSplit(calls) {
  for (let i = calls.length - 1; i > 0; i -= 1) {
    let depth = 0;
    let full = false;
    for (let k = i; k < calls.length && !full; k += 1) {
      const steps = undoSteps(calls[k]);
      if (steps < 0 && depth + steps < 0) break;
      depth = Math.min(UNDO_DEPTH, depth + steps);
      full = depth === UNDO_DEPTH;
    }
    if (full) return i;
  }
  return 0;
}
