// The training loop readouts: next phase, loss, epoch and batch.
import { t, has } from '../i18n.js';
import { formatNumber } from '../format.js';

const phaseLabel = document.getElementById('phase');
const lossValue = document.getElementById('loss');
const epochValue = document.getElementById('epoch');
const batchValue = document.getElementById('batch');

// The phases after which a step has nothing left to do.
export const TERMINAL_PHASES = new Set(['TargetReached', 'MaxEpochs', 'Diverged']);

// A readable label for a core phase name such as "Forward(1)" or "Loss".
export function phaseText(phase) {
  const [, name, layer] = /^(\w+)(?:\((\d+)\))?$/.exec(phase) ?? [];
  return name && has(`phase.${name}`) ? t(`phase.${name}`, { layer }) : phase;
}

// Show the phase the next step performs, and the numbers of the trace so far.
export function renderReadouts(phase, trace) {
  phaseLabel.textContent = phaseText(phase);
  // The core's own name, for tests and for styling by phase.
  phaseLabel.dataset.phase = phase;
  lossValue.textContent = formatNumber(trace.loss);
  // The core counts from 0; people count from 1.
  epochValue.textContent = formatNumber(trace.epoch + 1);
  batchValue.textContent = t('readout.batchOf', { batch: trace.batch + 1, batches: trace.batches });
}
