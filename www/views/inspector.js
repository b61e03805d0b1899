// The layer inspector: every matrix of the selected layer for the current batch, grouped by the
// phase that computes it: forward (input, Z, A), backward (δ, ∂J/∂W, ∂J/∂b), update (W, b before
// and after). Values the batch has not computed yet are drawn as empty grids, never stale numbers.
import { t } from '../i18n.js';
import { store, selection, select, setView } from '../state.js';
import { scaleMax } from '../colors.js';
import { formatNumber } from '../format.js';
import { layerMark, sub, sub2 } from '../notation.js';
import { parsePhase, phaseLayer, activationName } from '../phase.js';
import { batchPhases } from '../stepping.js';
import { phaseText } from './readouts.js';
import { matrixCard, cellMetrics, longestText } from './matrix.js';
import { moveBeforePaint } from './matrix-window.js';
import { hideTooltip } from './tooltip.js';
import { openEditor, keepEditorIn } from './weight-editor.js';
import { createToolbar, following } from './inspector-toolbar.js';
import { setHidden, setText } from '../dom.js';
import { rootFontPx } from '../type-scale.js';

const view = document.getElementById('inspector-view');

// More rows than this are paged, so a batch of hundreds of rows draws as fast as a small one.
export const MAX_ROWS = 64;
// Matrices wider than this draw small cells without numbers (the tooltip gives the value).
const TEXT_MAX_COLS = 8;
// The bands and the cards in each, in reading order.
const BANDS = {
  forward: ['input', 'z', 'a', 'y'],
  backward: ['delta', 'dw', 'db'],
  update: ['w', 'w_new', 'b', 'b_new'],
};

let lastStep = '';
let revealedStep = '';
let panel = null;
// The next phase and the network's depth at the last redraw, for expectedLayer.
let seenPhase = null;
let seenDepth = 0;

// The layer a redraw at next phase `phase` will show, guessed before the trace is read, so that
// a step reads one focused trace (traceFocus), not a second one for the layer it moved to: after
// a step, the layer of the phase just performed (the one before `phase`), when following.
export function expectedLayer(phase) {
  const moved = phase !== seenPhase;
  seenPhase = phase;
  if (!moved || !following() || !seenDepth) return selection.layer;
  const phases = batchPhases(seenDepth);
  const at = phases.indexOf(phase);
  return (at > 0 ? phaseLayer(phases[at - 1], seenDepth) : null) ?? selection.layer;
}

// Runs first in every redraw: after a step, the selection moves to the layer that step worked on
// (when "follow" is on), unless the same task chose a layer itself (a flowchart box runs to its
// phase and shows its layer). It assigns without notifying, because the redraw is already under way.
export function followPhase({ trace, parts }) {
  seenDepth = trace.layers.length;
  const step = `${trace.epoch}:${trace.batch}:${trace.last_phase}:${trace.undo_depth}`;
  if (step === lastStep) return;
  lastStep = step;
  const layer = phaseLayer(trace.last_phase, trace.layers.length);
  if (following() && layer !== null && !parts?.has('selection')) selection.layer = layer;
}

// The layer shown: the selection, kept inside the network.
function shownLayer(trace) {
  const depth = trace.layers.length;
  return Math.max(0, Math.min(depth - 1, Number.isInteger(selection.layer) ? selection.layer : 0));
}

// The font size of the cells: 80% of the page's (which grows with the screen, and in presenter
// mode), never under 14 px. The page's size is read once per window size and mode (type-scale.js).
function cellFont() {
  return Math.max(14, Math.round(rootFontPx() * 0.8));
}

// The panel's parts, built on the first redraw and kept: the toolbar, and a band per phase with
// its heading, its "just done" tag and its cards.
function build() {
  const toolbar = createToolbar((direction) => {
    setView({ rowStart: Math.max(0, store.view.rowStart + direction * MAX_ROWS) });
  });
  const cards = new Map();
  const bands = {};
  for (const [id, keys] of Object.entries(BANDS)) {
    const section = document.createElement('section');
    section.className = 'band';
    section.dataset.band = id;
    const title = document.createElement('h3');
    const heading = document.createElement('span');
    const tag = document.createElement('span');
    tag.className = 'band-tag';
    title.append(heading, tag);
    if (id === 'update') {
      const hint = document.createElement('span');
      hint.className = 'band-hint';
      hint.textContent = t('inspector.editHint');
      title.append(hint);
    }
    const row = document.createElement('div');
    row.className = 'band-cards';
    for (const key of keys) {
      const card = matrixCard(key, view, () => toolbar.element.offsetHeight);
      cards.set(key, card);
      row.append(card.figure);
    }
    section.append(title, row);
    bands[id] = { section, heading, tag };
  }
  view.replaceChildren(toolbar.element, ...Object.values(bands).map((b) => b.section));
  return { toolbar, cards, bands };
}

// Set a band's heading, and mark it when the phase just performed filled it in.
function updateBand(band, heading, done) {
  setText(band.heading, heading);
  band.section.classList.toggle('is-done', Boolean(done));
  setHidden(band.tag, !done);
  if (done) setText(band.tag, t('inspector.justDone', { phase: done }));
}

// Which band the phase just performed filled in for layer k, with its label.
function doneBand(trace, k) {
  const { name, layer } = parsePhase(trace.last_phase);
  const label = trace.last_phase ? phaseText(trace.last_phase) : null;
  if (name === 'Forward' && layer === k) return ['forward', label];
  if (name === 'Loss' && k === trace.layers.length - 1) return ['forward', label];
  if (name === 'Backward' && layer === k) return ['backward', label];
  if (name === 'Update') return ['update', label];
  return [null, null];
}

// Draw the inspector for the selected layer from the view context.
export function renderInspector(context) {
  // Built again in another language (its headings, hints and cards' words).
  if (context.parts?.has('lang')) panel = null;
  panel ??= build();
  const { trace } = context;
  const k = shownLayer(trace);
  const layer = trace.layers[k];
  const output = k === trace.layers.length - 1;
  const mark = layerMark(k + 1);
  const batchRows = trace.x.length || trace.batch_size;
  // The page on show, kept within this batch (a shorter batch may have fewer pages).
  const rowStart = Math.min(store.view.rowStart, Math.max(0, Math.floor((batchRows - 1) / MAX_ROWS) * MAX_ROWS));
  store.view.rowStart = rowStart;
  const font = cellFont();
  const input = k === 0 ? (trace.x.length ? trace.x : null) : trace.layers[k - 1].a;
  const row = selection.row ?? 0;
  const col = selection.col ?? 0;
  const inputIndex = selection.input ?? 0;

  // Show one matrix in its card; batch-shaped ones share the row pager. Wide ones print no
  // numbers, so their texts are never formatted (the redraw budget goes to the cells instead).
  const card = (key, name, values, rows, cols, extra = {}) => {
    const withText = cols <= TEXT_MAX_COLS;
    const first = extra.batch ? rowStart : 0;
    const maxRows = extra.batch ? MAX_ROWS : rows;
    const chars = withText ? (extra.chars ?? longestText(values?.slice(first, first + maxRows))) : 0;
    panel.cards.get(key).update({
      key, layer: k, name, values: values ?? null, rows, cols,
      cell: cellMetrics(font, withText, chars),
      rowStart: first,
      maxRows,
      ...extra,
      // After the extras: an extra's `scale: undefined` (a hidden layer's A) means "its own".
      scale: extra.scale ?? scaleMax(values),
    });
  };
  const pickSample = (r, c) => select({ row: r, col: c });
  const pickInput = (r, c) => select({ row: r, input: c });
  const pickWeight = (r, c) => select({ input: r, col: c });
  const pickUnit = (r, c) => select({ col: c });
  const editW = (r, c, event) => editParameter(context, k, r, c, event);
  const editB = (r, c, event) => editParameter(context, k, null, c, event);
  const asRow = (v) => (v ? [v] : null);

  const outScale = output ? Math.max(scaleMax(layer.a), scaleMax(trace.y)) : undefined;
  card('input', k === 0 ? 'X' : `A${layerMark(k)}`, input, batchRows, layer.inputs,
    { batch: true, selected: [row, inputIndex], onPick: pickInput });
  card('z', `Z${mark}`, layer.z, batchRows, layer.units, { batch: true, selected: [row, col], onPick: pickSample });
  card('a', output ? `A${mark} = ŷ` : `A${mark}`, layer.a, batchRows, layer.units,
    { batch: true, selected: [row, col], onPick: pickSample, scale: outScale });
  // Y beside ŷ, on the output layer only.
  setHidden(panel.cards.get('y').figure, !output);
  if (output) {
    card('y', 'Y', trace.y.length ? trace.y : null, batchRows, layer.units,
      { batch: true, selected: [row, col], onPick: pickSample, scale: outScale });
  }
  card('delta', `δ${mark}`, layer.delta, batchRows, layer.units, { batch: true, selected: [row, col], onPick: pickSample });
  card('dw', `∂J/∂W${mark}`, layer.dw, layer.inputs, layer.units, { selected: [inputIndex, col], onPick: pickWeight });
  card('db', `∂J/∂b${mark}`, asRow(layer.db), 1, layer.units, { selected: [0, col], onPick: pickUnit });
  const wScale = Math.max(scaleMax(layer.w), scaleMax(layer.w_new));
  const bScale = Math.max(scaleMax([layer.b]), scaleMax(asRow(layer.b_new)));
  // Matrices shown side by side for comparison get the same cell width (when they print numbers).
  const printed = layer.units <= TEXT_MAX_COLS;
  const wChars = printed ? Math.max(longestText(layer.w), longestText(layer.w_new)) : 0;
  const bChars = printed ? Math.max(longestText([layer.b]), longestText(asRow(layer.b_new))) : 0;
  card('w', t('matrix.w', { mark }), layer.w, layer.inputs, layer.units,
    { scale: wScale, chars: wChars, selected: [inputIndex, col], onPick: pickWeight, onEdit: editW });
  card('w_new', t('matrix.wNew', { mark }), layer.w_new, layer.inputs, layer.units,
    { scale: wScale, chars: wChars, compare: layer.w, selected: [inputIndex, col], onPick: pickWeight, onEdit: editW });
  card('b', t('matrix.b', { mark }), [layer.b], 1, layer.units,
    { scale: bScale, chars: bChars, selected: [0, col], onPick: pickUnit, onEdit: editB });
  card('b_new', t('matrix.bNew', { mark }), asRow(layer.b_new), 1, layer.units,
    { scale: bScale, chars: bChars, compare: [layer.b], selected: [0, col], onPick: pickUnit, onEdit: editB });

  const [doneId, doneLabel] = doneBand(trace, k);
  updateBand(panel.bands.forward, t('inspector.band.forward', { activation: activationName(layer.activation) }), doneId === 'forward' && doneLabel);
  updateBand(panel.bands.backward, t('inspector.band.backward'), doneId === 'backward' && doneLabel);
  updateBand(panel.bands.update, t('inspector.band.update', { alpha: formatNumber(trace.learning_rate) }), doneId === 'update' && doneLabel);
  panel.toolbar.update(trace, k, { from: rowStart, to: Math.min(batchRows, rowStart + MAX_ROWS), rows: batchRows });

  hideTooltip();
  keepEditorIn(view);
  view.dataset.layer = String(k);
  revealDone(doneId, trace);
}

// Open the editor on W[i][j] (or b[j] when i is null) of layer k, where it was double-clicked.
// It edits the current value: after the update, that is the new one.
function editParameter({ playground, trace }, k, i, j, event) {
  const layer = trace.layers[k];
  const mark = layerMark(k + 1);
  const box = view.getBoundingClientRect();
  const weight = i !== null;
  openEditor({
    container: view,
    x: event.clientX - box.left + view.scrollLeft + 8,
    y: event.clientY - box.top + view.scrollTop + 8,
    name: weight ? `w${mark}${sub2(i + 1, j + 1)}` : `b${mark}${sub(j + 1)}`,
    value: weight ? (layer.w_new ?? layer.w)[i][j] : (layer.b_new ?? layer.b)[j],
    applyValue: (value) => {
      if (weight) playground.setWeight(k, i, j, value);
      else playground.setBias(k, j, value);
      select(weight ? { layer: k, input: i, col: j } : { layer: k, col: j });
    },
  });
}

// After a step, scroll the band it filled in (`doneId`) into view (once, so the reader can
// scroll away), its cards painted for the frame that shows them.
function revealDone(doneId, trace) {
  const step = `${trace.epoch}:${trace.batch}:${trace.last_phase}:${trace.undo_depth}:${selection.layer}`;
  if (step === revealedStep) return;
  revealedStep = step;
  if (!doneId) return;
  const done = panel.bands[doneId].section;
  const bar = panel.toolbar.element;
  // Measured once the redraw is done (a microtask), before the grids' paints: the layout it asks
  // for is the one the frame would do, done before the frame instead of within it. The grids then
  // paint in the same task, those in sight once scrolled (matrix-window.js), and the frame has
  // only the scroll and those to draw.
  moveBeforePaint(() => {
    if (!done.isConnected) return;
    const top = done.offsetTop - bar.offsetHeight - 4;
    const bottom = done.offsetTop + done.offsetHeight;
    if (top >= view.scrollTop && bottom <= view.scrollTop + view.clientHeight) return;
    view.scrollTop = Math.max(0, top);
    for (const key of BANDS[doneId]) panel.cards.get(key).show();
  });
}
