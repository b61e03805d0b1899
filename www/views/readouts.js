// The training loop readouts: next phase, loss, epoch, batch and the samples of the batch.
import { t, has, currentTable } from '../i18n.js';
import { formatNumber } from '../format.js';
import { config } from '../config.js';
import { TERMINAL_PHASES, batchPhases } from '../stepping.js';
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
  keepWidths(trace);
  setText(phaseLabel, stopText(phase, trace) ?? phaseText(phase));
  // The core's own name, for tests and for styling by phase.
  phaseLabel.dataset.phase = phase;
  showValue(lossValue, formatNumber(trace.loss));
  // The core counts from 0; people count from 1.
  showValue(epochValue, formatNumber(trace.epoch + 1));
  showValue(batchValue, t('readout.batchOf', { batch: trace.batch + 1, batches: trace.batches }));
  showValue(samplesValue, samplesText(trace, config.trainRows));
}

// Each readout keeps the width of the widest value it has had to show: hidden copies of the
// widest texts lie under its value (.readout-size). While the page plays, the values change at
// every frame, and readouts that wrapped at some values and not at others moved the buttons
// below them up and down under the pointer (a click on Pause could land beside it). The widths
// start from the widest values the session can show (every phase of a batch, the last batch and
// sample counts, the last epoch, a loss of six digits down to 0.001); a number longer than any
// before widens its readout for good. They start afresh with another language or another shape
// of training.
const sizes = { key: null, table: null, widest: new Map() };

// Start the widths afresh when the language or the session's shape changed.
function keepWidths(trace) {
  const { session, trainRows } = config;
  const maxEpochs = session.training.max_epochs;
  const depth = session.network.layers.length;
  const key = [depth, trace.batches, trace.batch_size, trainRows, maxEpochs].join();
  if (sizes.key === key && sizes.table === currentTable()) return;
  sizes.key = key;
  sizes.table = currentTable();
  sizes.widest.clear();
  // Every phase of a batch (a stop's longer words come when the buttons have stopped).
  setSizers(phaseLabel, batchPhases(depth).map(phaseText));
  // Six significant digits down to 0.001, with the dash of no loss yet.
  setSizers(lossValue, ['0.00000000', t('readout.none')]);
  // Without a last epoch, room for 9999 epochs.
  setSizers(epochValue, [String(maxEpochs ?? 9999)]);
  setSizers(batchValue, [t('readout.batchOf', { batch: trace.batches, batches: trace.batches })]);
  const total = trainRows;
  setSizers(samplesValue, [t('readout.samplesOf', { first: total, last: total, total })]);
}

// Show `text` in the readout `value`, widening it for good if the text is longer than any before.
function showValue(value, text) {
  setText(value, text);
  // Digits are all as wide (tabular figures): a text's width follows its length and its other signs.
  const shape = text.replace(/\d/g, '0');
  const widest = sizes.widest.get(value);
  if (!widest || shape.length <= widest.textContent.length) return;
  widest.textContent = shape;
}

// The hidden copies under the readout `value`: `texts`, and the widest value shown since.
function setSizers(value, texts) {
  const box = value.parentElement;
  for (const old of box.querySelectorAll('.readout-size')) old.remove();
  for (const text of texts) box.append(sizer(text.replace(/\d/g, '0')));
  const widest = sizer('');
  box.append(widest);
  sizes.widest.set(value, widest);
}

function sizer(text) {
  const span = document.createElement('span');
  span.className = 'readout-size';
  span.setAttribute('aria-hidden', 'true');
  span.textContent = text;
  return span;
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
