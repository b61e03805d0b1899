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

// Steps phase by phase until `target` is the next phase: within the current batch, or in the next
// batch when the current one is past it. Stops early when training stops. Returns the steps taken.
export function runToPhase(playground, target, depth) {
  if (!batchPhases(depth).includes(target)) throw new Error(`not a phase of this network: ${target}`);
  // One batch holds every phase once, so a full round always meets the target.
  const limit = batchPhases(depth).length;
  let steps = 0;
  for (let phase = playground.phase(); phase !== target && !isTerminal(phase) && steps < limit; steps += 1) {
    phase = playground.step('phase');
  }
  return steps;
}
