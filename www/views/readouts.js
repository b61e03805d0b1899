// The training loop readouts: next phase, loss, epoch, batch and the samples of the batch.
import { t, has } from '../i18n.js';
import { formatNumber } from '../format.js';
import { config } from '../config.js';
import { TERMINAL_PHASES } from '../stepping.js';
import { setText } from '../dom.js';

const phaseLabel = document.getElementById('phase');
const lossValue = document.getElementById('loss');
const epochValue = document.getElementById('epoch');
const batchValue = document.getElementById('batch');
const samplesValue = document.getElementById('samples');

// Kept here too for modules that read it from the readouts.
export { TERMINAL_PHASES };

// A readable label for a core phase name such as "Forward(1)" or "Loss".
export function phaseText(phase) {
  const [, name, layer] = /^(\w+)(?:\((\d+)\))?$/.exec(phase) ?? [];
  return name && has(`phase.${name}`) ? t(`phase.${name}`, { layer }) : phase;
}

// Show the phase the next step performs, and the numbers of the trace so far.
export function renderReadouts(phase, trace) {
  setText(phaseLabel, stopText(phase, trace) ?? phaseText(phase));
  // The core's own name, for tests and for styling by phase.
  phaseLabel.dataset.phase = phase;
  setText(lossValue, formatNumber(trace.loss));
  // The core counts from 0; people count from 1.
  setText(epochValue, formatNumber(trace.epoch + 1));
  setText(batchValue, t('readout.batchOf', { batch: trace.batch + 1, batches: trace.batches }));
  setText(samplesValue, samplesText(trace, config.trainRows));
}

// Why training stopped at its target, with the figures the rule compared: the last epoch's J over
// the training set, which is not the last batch's J beside it. Null for any other phase.
function stopText(phase, trace) {
  if (phase !== 'TargetReached' || trace.epoch_train_loss === null || trace.target_loss === null) return null;
  return t('phase.TargetReached.detail', { loss: formatNumber(trace.epoch_train_loss), target: formatNumber(trace.target_loss) });
}

// Which samples of the epoch the traced batch holds, counted from 1: "11–20 of 100".
function samplesText(trace, total) {
  const first = trace.batch * trace.batch_size + 1;
  // Before the batch is drawn its rows are not in the trace; every batch but the last is full.
  const size = trace.rows.length || Math.min(trace.batch_size, total - first + 1);
  const last = first + size - 1;
  return first === last ? t('readout.sampleOf', { first, total }) : t('readout.samplesOf', { first, last, total });
}
