// The settings form: learning rate, batch size, shuffling, loss, initialisation, layers, stopping
// rule, L2 and seed. Each change goes to the core as one configure() patch; a value the core refuses
// stays in its field, marked invalid, with the core's message beside it, and the session is unchanged.
import { t, currentTable } from './i18n.js';
import { coreMessage } from './core-errors.js';
import { config, refreshConfig } from './config.js';
import {
  HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, LOSSES, INITS, MAX_HIDDEN, MAX_UNITS,
  fieldValue, batchSizeValue, batchMethod, trainingPatch, unitsPatch, activationPatch,
  addLayerPatch, removeLayerPatch, lossPatch, isLivePatch,
} from './patches.js';
import { jsonText } from './numbers.js';
import { formatExact } from './format.js';
import { unpackTrace } from './trace.js';
import { pause } from './player.js';
import { selection, select, sessionChanged } from './state.js';
import { clearError, showStatus } from './views/messages.js';

const panel = document.getElementById('settings');
const toggleButton = document.getElementById('settings-toggle');
const closeButton = document.getElementById('settings-close');
const lossSelect = document.getElementById('set-loss');
const initSelect = document.getElementById('set-init');
const shuffleBox = document.getElementById('set-shuffle');
const batchInput = document.getElementById('set-batch');
const batchNote = document.getElementById('set-batch-note');
const useSgdButton = document.getElementById('use-sgd');
const useAllButton = document.getElementById('use-all');
const inputsNote = document.getElementById('set-inputs');
const layerList = document.getElementById('set-layers');
const layersError = document.getElementById('set-layers-error');
const addLayerButton = document.getElementById('add-layer');

// The typed fields: the session value each shows, and the training field it sets.
// Required fields send an empty text to the core (which refuses it); optional ones send null (none).
const TEXT_FIELDS = [
  { id: 'set-lr', field: 'learning_rate', label: 'settings.lr', required: true },
  { id: 'set-batch', field: 'batch_size', label: 'settings.batch', required: true },
  { id: 'set-max-epochs', field: 'max_epochs', label: 'settings.maxEpochs', required: false },
  { id: 'set-target-loss', field: 'target_loss', label: 'settings.targetLoss', required: false },
  { id: 'set-l2', field: 'l2', label: 'settings.l2', required: true },
  { id: 'set-seed', field: 'seed', label: 'settings.seed', required: true },
].map((entry) => ({ ...entry, input: document.getElementById(entry.id) }));

const form = { playground: null };

// Wire the form to `playground`; the page redraws after a change.
export function wireSettings(playground) {
  form.playground = playground;
  fillOptions(lossSelect, LOSSES, 'loss');
  fillOptions(initSelect, INITS, 'init');
  for (const entry of TEXT_FIELDS) wireTextField(entry);
  lossSelect.addEventListener('change', () => commit(lossSelect, 'settings.loss', lossPatch(config.session, lossSelect.value)));
  initSelect.addEventListener('change', () => commit(initSelect, 'settings.init', { init: { weights: initSelect.value } }));
  shuffleBox.addEventListener('change', () => commit(shuffleBox, 'settings.shuffle', trainingPatch('shuffle', shuffleBox.checked)));
  useSgdButton.addEventListener('click', () => setBatchSize('1'));
  useAllButton.addEventListener('click', () => setBatchSize('all'));
  addLayerButton.addEventListener('click', () => commit(addLayerButton, 'settings.layers', addLayerPatch(config.session), layersError));
  toggleButton.addEventListener('click', () => (panel.hidden ? openSettings() : closeSettings()));
  closeButton.addEventListener('click', closeSettings);
  renderSettings();
}

// Show the settings beside the loop panel, focusing the field with id `focusId` if given.
export function openSettings(focusId) {
  panel.hidden = false;
  toggleButton.setAttribute('aria-expanded', 'true');
  const target = focusId ? document.getElementById(focusId) : null;
  (target ?? panel.querySelector('input, select, button'))?.focus();
}

// Hide the settings.
export function closeSettings() {
  if (panel.hidden) return;
  const hadFocus = panel.contains(document.activeElement);
  panel.hidden = true;
  toggleButton.setAttribute('aria-expanded', 'false');
  if (hadFocus) toggleButton.focus();
}

// Whether the settings are showing.
export function settingsOpen() {
  return !panel.hidden;
}

// The form's words in another language: the menus' options, then every field again.
export function relabelSettings() {
  const loss = lossSelect.value;
  const init = initSelect.value;
  fillOptions(lossSelect, LOSSES, 'loss');
  fillOptions(initSelect, INITS, 'init');
  lossSelect.value = loss;
  initSelect.value = init;
  renderSettings();
}

// Fill every field from the session, except fields holding a refused value (they keep it on show).
export function renderSettings() {
  const { session, trainRows } = config;
  const { training } = session;
  for (const entry of TEXT_FIELDS) {
    const value = training[entry.field];
    if (isInvalid(entry.input)) continue;
    entry.input.value = value === null || value === undefined ? '' : String(value);
    // What the field shows is the session's: typing it again sends nothing.
    entry.input.dataset.sent = entry.input.value;
  }
  if (!isInvalid(lossSelect)) lossSelect.value = session.loss;
  if (!isInvalid(initSelect)) initSelect.value = session.init.weights;
  shuffleBox.checked = training.shuffle;
  showBatchMethod(training.batch_size, trainRows);
  inputsNote.textContent = t('settings.inputs', { inputs: session.network.inputs });
  renderLayers(session);
}

// Forget every refused value and its message, then fill the form from the session: after a new
// session or new data, whose values the refused ones no longer stand beside.
export function resetSettings() {
  for (const control of panel.querySelectorAll('[aria-invalid="true"]')) clearInvalid(control, errorBoxOf(control));
  layersError.hidden = true;
  layersError.textContent = '';
  renderSettings();
}

// Commit a typed field on Enter or when it loses focus, if its text changed.
function wireTextField(entry) {
  const send = () => {
    const text = entry.input.value;
    if (text === entry.input.dataset.sent && !isInvalid(entry.input)) return;
    entry.input.dataset.sent = text;
    const read = entry.field === 'batch_size' ? batchSizeValue(text) : fieldValue(text);
    // A number the core could not hold as typed (1e-400 would reach it as 0) is refused here,
    // with the text as typed.
    if (read.problem) {
      markInvalid(entry.input, errorBoxOf(entry.input), t(`number.${read.problem}`, { text: read.text }));
      return;
    }
    commit(entry.input, entry.label, trainingPatch(entry.field, read.value ?? (entry.required ? '' : null)));
  };
  entry.input.addEventListener('change', send);
  entry.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') send();
  });
}

// Put `text` in the batch size field and commit it (the SGD and BGD buttons).
function setBatchSize(text) {
  batchInput.value = text;
  batchInput.dispatchEvent(new Event('change'));
}

// Send `patch` to the core. On success redraw everything; on refusal mark `control` invalid and
// show the core's message in `errorBox` (the control's own message line by default).
function commit(control, label, patch, errorBox = errorBoxOf(control)) {
  const { playground } = form;
  const live = isLivePatch(patch);
  try {
    // jsonText, not JSON.stringify: a seed's digits go as typed, beyond what a JS number holds.
    playground.configure(jsonText(patch));
  } catch (error) {
    markInvalid(control, errorBox, error);
    return false;
  }
  clearInvalid(control, errorBox);
  clearError();
  if (!live) pause();
  refreshConfig(playground);
  renderSettings();
  const depth = config.session.network.layers.length;
  // A removed layer cannot stay selected in the inspector.
  if (selection.layer >= depth) select({ layer: depth - 1 });
  sessionChanged();
  const field = t(label);
  if (live && 'learning_rate' in patch.training) showLearningRate(playground);
  else showStatus(live ? 'status.applied' : 'status.restarted', { field, seed: config.session.training.seed });
  return true;
}

// Say from when a new α acts: the next update. An update on show (the phase just performed) was
// made with the α before, and keeps it.
function showLearningRate(playground) {
  const { last_phase: last } = unpackTrace(playground.traceFocusPacked(0));
  const alpha = formatExact(config.session.training.learning_rate);
  showStatus(last === 'Update' ? 'status.lrAfterUpdate' : 'status.lr', { alpha });
}

// The message line that belongs to a control: the element named "<id>-error".
function errorBoxOf(control) {
  return document.getElementById(`${control.id}-error`) ?? layersError;
}

// Mark `control` as holding a refused value and show why in `errorBox`.
function markInvalid(control, errorBox, error) {
  const message = coreMessage(error, currentTable());
  control.setAttribute('aria-invalid', 'true');
  errorBox.textContent = t('settings.rejected', { message });
  errorBox.hidden = false;
  if (errorBox.id) control.setAttribute('aria-describedby', errorBox.id);
}

// Clear the invalid mark of `control` and its message.
function clearInvalid(control, errorBox) {
  control.removeAttribute('aria-invalid');
  errorBox.hidden = true;
  errorBox.textContent = '';
}

// Whether `control` holds a value the core refused.
function isInvalid(control) {
  return control.getAttribute('aria-invalid') === 'true';
}

// Name the kind of gradient descent the batch size makes, e.g. "1 row per step: SGD".
function showBatchMethod(batchSize, trainRows) {
  const method = batchMethod(batchSize, trainRows);
  batchNote.textContent = t(`settings.batch.${method}`, { rows: batchSize });
  batchNote.dataset.method = method;
}

// One row per layer: units (− field +), activation and, for hidden layers, a remove button.
// The rows are made anew; a control of theirs that had the focus hands it to its new self, so
// that the keys go on to it (not to the page's shortcuts) after its own change.
function renderLayers(session) {
  const { layers } = session.network;
  const outputs = OUTPUT_ACTIVATIONS[session.loss] ?? HIDDEN_ACTIVATIONS;
  const focused = controlPlace(document.activeElement);
  layerList.replaceChildren(...layers.map((layer, index) => (index === layers.length - 1
    ? outputRow(session, layer, index, outputs)
    : hiddenRow(layer, index))));
  addLayerButton.disabled = layers.length - 1 >= MAX_HIDDEN;
  if (focused) refocus(focused);
}

// Where `element` sits in the layer rows (its row and its place in the row), or null.
function controlPlace(element) {
  const row = element?.closest?.('.settings-layer');
  if (!row || !layerList.contains(row)) return null;
  return { layer: row.dataset.layer, index: [...row.children].indexOf(element) };
}

// Focus the control at `place` in the new rows, or the nearest one that can take it (a removed
// layer's place, a button that became disabled), so the focus stays in the list.
function refocus({ layer, index }) {
  const row = layerList.querySelector(`.settings-layer[data-layer="${layer}"]`) ?? layerList.lastElementChild;
  const controls = [...(row?.children ?? [])];
  const usable = (el) => el.matches('input, select, button') && !el.disabled;
  const target = usable(controls[index] ?? document.body) ? controls[index] : controls.find(usable);
  (target ?? addLayerButton).focus();
}

// The row of hidden layer `index` (0-based; shown from 1 like W⁽ˡ⁾).
function hiddenRow(layer, index) {
  const number = index + 1;
  const row = element('li', 'settings-layer');
  row.dataset.layer = String(index);
  const name = element('span', 'settings-layer-name', t('settings.hidden', { layer: number }));
  const units = document.createElement('input');
  units.type = 'text';
  units.inputMode = 'numeric';
  units.className = 'settings-units';
  units.value = String(layer.units);
  units.setAttribute('aria-label', t('settings.units', { layer: number }));
  const commitUnits = (value) => commit(units, 'settings.layers', unitsPatch(config.session, index, value), layersError);
  units.addEventListener('change', () => {
    const read = fieldValue(units.value);
    if (read.problem) markInvalid(units, layersError, t(`number.${read.problem}`, { text: read.text }));
    else commitUnits(read.value ?? '');
  });
  const fewer = button(t('settings.fewer'), t('settings.fewer.tip'), () => commitUnits(layer.units - 1));
  fewer.disabled = layer.units <= 1;
  const more = button(t('settings.more'), t('settings.more.tip'), () => commitUnits(layer.units + 1));
  more.disabled = layer.units >= MAX_UNITS;
  const activation = activationSelect(HIDDEN_ACTIVATIONS, layer.activation, index);
  const remove = button(t('settings.remove'), t('settings.remove.tip', { layer: number }),
    () => commit(remove, 'settings.layers', removeLayerPatch(config.session, index), layersError));
  remove.classList.add('settings-remove');
  row.append(name, fewer, units, more, activation, remove);
  return row;
}

// The output layer's row: its units follow the data and loss; its activation may be fixed by the loss.
function outputRow(session, layer, index, activations) {
  const row = element('li', 'settings-layer settings-layer-output');
  row.dataset.layer = String(index);
  const name = element('span', 'settings-layer-name', t('settings.output', { layer: index + 1 }));
  const units = element('span', 'settings-units-fixed',
    t(layer.units === 1 ? 'settings.outputUnits.one' : 'settings.outputUnits', { units: layer.units }));
  const activation = activationSelect(activations, layer.activation, index);
  activation.disabled = activations.length === 1;
  row.append(name, activation, units);
  return row;
}

// A select of `choices` for layer `index`'s activation, showing `current`.
function activationSelect(choices, current, index) {
  const select = document.createElement('select');
  select.className = 'settings-activation';
  select.setAttribute('aria-label', t('settings.activation', { layer: index + 1 }));
  fillOptions(select, choices.includes(current) ? choices : [current, ...choices], 'activation');
  select.value = current;
  select.addEventListener('change',
    () => commit(select, 'settings.layers', activationPatch(config.session, index, select.value), layersError));
  return select;
}

// Fill `select` with one option per value, labelled by the message `${prefix}.${value}`.
function fillOptions(select, values, prefix) {
  select.replaceChildren(...values.map((value) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = t(`${prefix}.${value}`);
    return option;
  }));
}

// A button with `text`, tooltip `tip` and a click handler.
function button(text, tip, onClick) {
  const el = element('button', 'small', text);
  el.type = 'button';
  el.title = tip;
  el.setAttribute('aria-label', tip);
  el.addEventListener('click', onClick);
  return el;
}

// A new element of `tag` with `className` and optional text.
function element(tag, className, text) {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
