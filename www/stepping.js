// Stepping through a batch: the order of the core's phases ("Forward(1)" … "Loss" … "Update"), the
// phases at which training has stopped, and running to a chosen phase. No DOM, so Node can test it.

// The phases after which a step has nothing left to do.
export const TERMINAL_PHASES = new Set(['TargetReached', 'MaxEpochs', 'Diverged']);

// Whether `phase` is one of the stops.
export function isTerminal(phase) {
  return TERMINAL_PHASES.has(phase);
}

// The phases of one batch for a network of `depth` layers, in the order the core performs them:
// forward through every layer, the loss, backward from the last layer, then the update.
export function batchPhases(depth) {
  const forward = Array.from({ length: depth }, (_, l) => `Forward(${l + 1})`);
  const backward = Array.from({ length: depth }, (_, l) => `Backward(${depth - l})`);
  return [...forward, 'Loss', ...backward, 'Update'];
}

// Runs until `target` is the next phase: within the current batch, or in the next batch when the
// current one is past it; the core does it as one undoable step and stops early when training
// stops. Returns how many phases that performed.
export function runToPhase(playground, target, depth) {
  const phases = batchPhases(depth);
  if (!phases.includes(target)) throw new Error(`not a phase of this network: ${target}`);
  const from = playground.phase();
  if (from === target || isTerminal(from)) return 0;
  const after = playground.stepTo(target);
  // Phases performed: the distance around the batch's cycle from where it was to where it stopped.
  const stop = isTerminal(after) ? phases.length : phases.indexOf(after);
  const distance = (stop - phases.indexOf(from) + phases.length) % phases.length;
  return distance === 0 ? phases.length : distance;
}
