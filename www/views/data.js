// The Data panel: what the data is, the preprocessing step (standardisation, train/test split,
// the resulting shapes, the fitted mean and std of each column), the training points with the
// current batch, and the batch's values raw and standardised. The source chooser and the session
// files are wired from here too (views/chooser.js, session-file.js).
import { t, has, currentTable } from '../i18n.js';
import { coreMessage } from '../core-errors.js';
import { formatNumber, formatCompact } from '../format.js';
import { readNumber, Whole } from '../numbers.js';
import { fillColor, scaleMax } from '../colors.js';
import { selection, select } from '../state.js';
import { playground } from '../handle.js';
import { dataset, reprepare } from '../dataset.js';
import {
  shapesText, outputText, scatterData, rowWindow, targetText, isImage, IMAGE_SIDE, MAX_TABLE_INPUTS,
} from '../data-options.js';
import { drawScatter, drawImage, inkLevel } from './scatter.js';
import { wireChooser } from './chooser.js';
import { wireSessionFiles } from '../session-file.js';
import { showStatus } from './messages.js';
import { sub } from '../notation.js';
import { setAttr, setHidden, setText } from '../dom.js';
import { whenStill } from '../scheduler.js';

const body = document.getElementById('data-view');
const nameLine = document.getElementById('data-name');
const prepStep = document.getElementById('prep-step');
const standardizeBox = document.getElementById('prep-standardize');
const testSlider = document.getElementById('prep-test');
const testValue = document.getElementById('prep-test-value');
const seedInput = document.getElementById('prep-seed');
const prepError = document.getElementById('prep-error');
const shapesLine = document.getElementById('data-shapes');
const outputLine = document.getElementById('data-output');
const prepNote = document.getElementById('prep-note');
const statsTable = document.getElementById('prep-stats');
const scatterCanvas = document.getElementById('data-scatter');
const scatterLegend = document.getElementById('scatter-legend');
const digitView = document.getElementById('digit-view');
const digitRaw = document.getElementById('digit-raw');
const digitStd = document.getElementById('digit-std');
const batchNote = document.getElementById('batch-note');
const batchCells = document.getElementById('batch-cells');
const batchTable = document.getElementById('batch-table');

// Rows of the batch table before it pages around the selected sample.
const MAX_BATCH_ROWS = 12;

// What was drawn last, so a redraw during play skips what has not changed; tableShape: the batch
// table's data, columns and lines (renderBatchTable).
const drawn = { version: -1, batchKey: '', plot: null, labels: null, box: null, room: null, tableShape: '' };
// Whether the batch table is within half the panel's height of its visible part (an observer
// says; until it first does, it is), and the write that waits for it (writeTable).
let tableNear = true;
let lateTable = null;

// Wire the preprocessing controls, the source chooser and the session files.
export function wireData(Playground) {
  standardizeBox.addEventListener('change', () => prepare({ standardize: standardizeBox.checked }));
  testSlider.addEventListener('input', () => showTestShare(Number(testSlider.value)));
  testSlider.addEventListener('change', () => prepare({ testShare: Number(testSlider.value) }));
  seedInput.addEventListener('change', () => {
    // The digits as typed: a JavaScript number would round a seed above 2^53.
    const { value } = readNumber(seedInput.value);
    if (!(value instanceof Whole) || value.digits.startsWith('-')) {
      showPrepError(t('prep.badSeed', { value: seedInput.value }));
      syncPrep();
      return;
    }
    prepare({ seed: value.digits });
  });
  // Opening or closing the step moves the scatter: it is sized to the room left below.
  prepStep.addEventListener('toggle', () => {
    forgetLayout();
    renderBatch(JSON.parse(playground.trace()));
  });
  wireChooser(Playground);
  wireSessionFiles(Playground);
  new IntersectionObserver(([entry]) => {
    tableNear = entry.isIntersecting;
    if (tableNear) writeLateTable();
  }, { root: body, rootMargin: '50% 0px' }).observe(batchTable.parentElement);
  // The scatter follows the panel's width.
  new ResizeObserver(() => {
    forgetLayout();
    renderBatch(JSON.parse(playground.trace()));
  }).observe(body);
}

// The panel's size and the scatter's room are read again at the next redraw: only after a resize,
// new data or the step opened or closed, never in every redraw, where reading them would make
// the browser lay out the whole page that the other views have just changed.
function forgetLayout() {
  drawn.batchKey = '';
  drawn.box = null;
  drawn.room = null;
}

// The panel's inner size, read once per layout change (see forgetLayout).
function bodyBox() {
  drawn.box ??= { width: Math.floor(body.clientWidth), height: body.clientHeight };
  return drawn.box;
}

// Prepare the data again with `patch` of the preprocessing choices; a refusal keeps the session.
function prepare(patch) {
  prepError.hidden = true;
  try {
    reprepare(patch);
    showStatus('data.prepared', { shapes: shapesText(dataset.summary) });
  } catch (error) {
    showPrepError(t('prep.error', { message: coreMessage(error, currentTable()) }));
    syncPrep();
  }
}

// Show `text` under the preprocessing controls.
function showPrepError(text) {
  prepError.textContent = text;
  prepError.hidden = false;
  // It pushes the scatter down.
  drawn.room = null;
}

// Draw the panel for the current data and batch (a view of main.js).
export function renderData({ trace, parts }) {
  // In another language every word is written again: the data's and the batch's.
  if (parts?.has('lang')) {
    drawn.version = -1;
    drawn.batchKey = '';
    drawn.tableShape = '';
  }
  if (drawn.version !== dataset.version) {
    drawn.version = dataset.version;
    forgetLayout();
    prepError.hidden = true;
    renderPrepared();
  }
  renderBatch(trace);
}

// The name of the data and the preprocessing step, after a load.
function renderPrepared() {
  const { summary, train } = dataset;
  const [title, detail] = dataName();
  const detailSpan = document.createElement('span');
  detailSpan.className = 'data-detail';
  detailSpan.textContent = detail ? ` · ${detail}` : '';
  nameLine.replaceChildren(title, detailSpan);
  // Open on data prepared here, where there is something to choose; closed on a session file's.
  prepStep.open = dataset.source.kind !== 'session';
  syncPrep();
  shapesLine.textContent = shapesText(summary);
  outputLine.textContent = outputText(summary);
  const fromSession = dataset.source.kind === 'session' || !summary.scaler;
  prepNote.textContent = t(fromSession ? 'prep.session' : summary.standardized ? 'prep.fitted' : 'prep.off');
  renderStats(summary, fromSession);
  const x = summary.standardized ? train.standardized : train.raw;
  drawn.plot = scatterData(x, train.y, summary.task);
  // Inputs are named "(standardised)" when they are; a one-input set plots y upwards, never scaled.
  const axis = (name) => (summary.standardized ? t('batch.axis.standardized', { name }) : name);
  const [first, second] = summary.inputs;
  drawn.labels = summary.inputs.length === 1 ? [axis(first), summary.target ?? t('batch.y')] : [axis(first), axis(second)];
}

// A title for the data (the file, the generated set, the shipped set or the session's name),
// and for a generated set, how it was drawn.
function dataName() {
  const source = dataset.source;
  if (source.kind === 'generated') {
    return [t(`gen.${source.name}`), t('data.name.generated', { points: source.points, noise: source.noise, seed: source.seed })];
  }
  if (source.kind === 'csv' && source.file) return [source.file];
  if (source.kind === 'csv' && has(`data.name.${source.name}`)) return [t(`data.name.${source.name}`)];
  // A built-in preset's session is named in the page's language.
  if (source.kind === 'session' && source.preset && has(`data.name.${source.preset}`)) return [t(`data.name.${source.preset}`)];
  return [JSON.parse(playground.meta()).name ?? t('data.name.session')];
}

// Set the preprocessing controls to the choices of the current data; off for session data.
function syncPrep() {
  const { prep, source } = dataset;
  const off = source.kind === 'session';
  for (const control of [standardizeBox, testSlider, seedInput]) control.disabled = off;
  standardizeBox.checked = off ? false : prep.standardize;
  testSlider.value = String(prep.testShare);
  seedInput.value = String(prep.seed);
  showTestShare(off ? Math.round((100 * dataset.summary.rows.test) / (dataset.summary.rows.train + dataset.summary.rows.test)) : prep.testShare);
}

// The test share beside its slider.
function showTestShare(percent) {
  testValue.textContent = t('prep.percent', { percent });
}

// The per-column mean and std of the training split (fitted there, used for both splits).
function renderStats(summary, fromSession) {
  const stats = fromSession ? summary.stats.trained.train : null;
  const mean = fromSession ? stats.map((s) => s.mean) : summary.scaler.mean;
  const std = fromSession ? stats.map((s) => s.std) : summary.scaler.std;
  const caption = statsTable.createCaption();
  caption.textContent = t('prep.statsCaption', { rows: summary.rows.train });
  statsTable.tHead?.remove();
  const head = statsTable.createTHead().insertRow();
  for (const id of ['prep.column', 'prep.mean', 'prep.std']) head.append(headCell(t(id)));
  const tbody = document.createElement('tbody');
  summary.inputs.forEach((name, j) => {
    const row = tbody.insertRow();
    row.append(headCell(inputName(j, name), 'row'));
    row.insertCell().textContent = formatNumber(mean[j], 4);
    row.insertCell().textContent = formatNumber(std[j], 4);
  });
  for (const old of statsTable.tBodies) old.remove();
  statsTable.append(tbody);
}

// "x₁ sepal_length_cm": the input's symbol, as the network diagram writes it, and its name.
function inputName(j, name) {
  const symbol = `x${sub(j + 1)}`;
  return name === `x${j + 1}` ? symbol : `${symbol} ${name}`;
}

// A <th> with `text`, scoped to a column (default) or a row.
function headCell(text, scope = 'col') {
  const th = document.createElement('th');
  th.scope = scope;
  th.textContent = text;
  th.title = text;
  return th;
}

// The scatter, the digit image and the table of the current batch, when any of them changed.
function renderBatch(trace) {
  const rows = trace.rows ?? [];
  const sample = Math.min(selection.row ?? 0, Math.max(0, rows.length - 1));
  const { width } = bodyBox();
  const key = `${dataset.version}|${rows.join(',')}|${sample}|${width}`;
  if (key === drawn.batchKey) return;
  drawn.batchKey = key;
  renderScatter(rows, rows[sample], width);
  const inputs = dataset.summary.inputs.length;
  setHidden(digitView, !isImage(inputs) || rows.length === 0);
  if (rows.length === 0) {
    batchNote.textContent = t('batch.none');
    writeTable(clearTable);
    return;
  }
  batchNote.textContent = t('batch.sample', {
    sample: sample + 1, m: rows.length, row: rows[sample] + 1, y: targetText(dataset.train.y[rows[sample]], dataset.summary, formatCompact),
  });
  if (isImage(inputs)) {
    renderDigit(rows[sample]);
    writeTable(clearTable);
  } else if (inputs <= MAX_TABLE_INPUTS) {
    writeTable(() => renderBatchTable(rows, sample));
  } else {
    writeTable(() => renderSampleTable(rows[sample]));
  }
}

// The batch table (and the note above it) with no lines.
function clearTable() {
  batchCells.textContent = '';
  batchTable.replaceChildren();
  drawn.tableShape = '';
}

// Write the batch table with `write` now if it is near enough to be seen in the panel, else once
// the page is still or as soon as it comes near (the observer below), whichever is first; only
// the latest write waits. Below the scatter, the table is out of sight in every desktop layout,
// and writing its lines at every step made the browser lay the table out again in the step's
// frame: the first step of a batch took 10 ms longer to reach its frame with the CPU slowed down
// 4×. A screen reader finds it written once the steps pause, as the grids' tables (matrix-table.js).
function writeTable(write) {
  if (tableNear) {
    lateTable = null;
    write();
    return;
  }
  lateTable = write;
  whenStill(writeLateTable);
}

function writeLateTable() {
  const write = lateTable;
  lateTable = null;
  write?.();
}

// The training points with the batch ringed, for data of one or two inputs.
function renderScatter(rows, selectedRow, width) {
  const plot = drawn.plot;
  setHidden(scatterCanvas, !plot);
  setHidden(scatterLegend, !plot);
  if (!plot) return;
  // As wide as the panel and, when there is room, no lower than its bottom edge; never so small
  // that the back of the room cannot see the batch's rings.
  drawn.room ??= {
    font: Math.max(13, Math.round(parseFloat(getComputedStyle(body).fontSize) * 0.72)),
    room: body.offsetTop + body.clientHeight - scatterCanvas.offsetTop - 6,
  };
  const { font, room } = drawn.room;
  const size = Math.max(220, Math.min(width - 8, 340, room));
  drawScatter(scatterCanvas, plot, { batch: rows, selected: selectedRow, labels: drawn.labels, size, font, key: dataset.version });
  scatterCanvas.setAttribute('aria-label', t('batch.scatterLabel', { points: plot.points.length, batch: rows.length }));
  scatterLegend.textContent = t(rows.length ? 'batch.legend' : 'batch.legend.none');
}

// The selected sample as two 8 × 8 images: raw pixels (ink on paper) and standardised (blue–red).
function renderDigit(row) {
  const raw = dataset.train.raw[row];
  // Two images side by side, each no taller than the panel leaves room for.
  const { width, height } = bodyBox();
  const cell = Math.max(7, Math.min(16, Math.floor((width - 40) / (2 * IMAGE_SIDE)), Math.floor((height - 90) / IMAGE_SIDE)));
  drawImage(digitRaw, raw, IMAGE_SIDE, cell, inkLevel(Math.max(16, ...raw)));
  const std = dataset.train.standardized?.[row];
  digitStd.parentElement.hidden = !std || !dataset.summary.standardized;
  if (std && dataset.summary.standardized) {
    const max = scaleMax(std);
    drawImage(digitStd, std, IMAGE_SIDE, cell, (v) => fillColor(v, max));
  }
}

// One line per sample of the batch (those that fit): its data row, each input raw with its
// standardised value below, and y. Clicking a line selects that sample for the inspector.
// The lines are kept from one batch to the next while the table keeps its columns: a new batch
// changes their texts, not the elements, which the browser would otherwise style, lay out and
// paint anew at every batch. A shorter batch (the last of an epoch) hides the lines it does not
// need, and the next full one shows them again.
function renderBatchTable(rows, sample) {
  const { summary, train } = dataset;
  const both = Boolean(summary.standardized && train.standardized);
  const [from, to] = rowWindow(rows.length, sample, MAX_BATCH_ROWS);
  const shape = `${dataset.version}|${both}`;
  if (drawn.tableShape !== shape || !batchTable.tBodies[0] || batchTable.tBodies[0].rows.length < to - from) {
    buildBatchTable(summary, both, to - from);
    drawn.tableShape = shape;
  }
  const lines = batchTable.tBodies[0].rows;
  for (let i = 0; i < lines.length; i += 1) setHidden(lines[i], i >= to - from);
  for (let i = 0; i < to - from; i += 1) {
    const r = from + i;
    const data = rows[r];
    const line = lines[i];
    line.dataset.sample = String(r);
    line.classList.toggle('is-selected', r === sample);
    setAttr(line, 'title', t('batch.pick', { sample: r + 1 }));
    const [rowCell, ...cells] = line.cells;
    setText(rowCell, String(data + 1));
    setAttr(rowCell, 'title', rowCell.textContent);
    summary.inputs.forEach((_, j) => {
      setText(cells[j].firstChild, formatCompact(train.raw[data][j]));
      if (both) setText(cells[j].lastChild, formatCompact(train.standardized[data][j]));
    });
    setText(cells[summary.inputs.length], targetText(train.y[data], summary, formatCompact));
  }
  const shown = to - from < rows.length ? t('batch.shown', { from: from + 1, to, m: rows.length }) : '';
  setText(batchCells, [t(both ? 'batch.cells' : 'batch.cellsRaw'), shown].filter(Boolean).join(' '));
}

// The batch table's head and `count` empty lines (renderBatchTable fills them in); a line knows
// the sample it shows from its data-sample.
function buildBatchTable(summary, both, count) {
  const head = document.createElement('thead');
  const headRow = head.insertRow();
  // Symbols keep the columns narrow; the full names are in the titles and the statistics table.
  headRow.append(headCell(t('batch.row')), ...summary.inputs.map((name, j) => {
    const cell = headCell(`x${sub(j + 1)}`);
    cell.title = name;
    return cell;
  }), headCell(t('batch.y')));
  const tbody = document.createElement('tbody');
  for (let i = 0; i < count; i += 1) {
    const line = tbody.insertRow();
    line.tabIndex = 0;
    const pick = () => select({ row: Number(line.dataset.sample) });
    line.addEventListener('click', pick);
    line.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') pick();
    });
    line.append(headCell('', 'row'));
    summary.inputs.forEach(() => {
      const cell = line.insertCell();
      const raw = document.createElement('span');
      raw.className = 'raw';
      cell.append(raw);
      if (both) {
        const z = document.createElement('span');
        z.className = 'z';
        cell.append(z);
      }
    });
    line.insertCell();
  }
  batchTable.replaceChildren(head, tbody);
}

// The selected sample's inputs, one per line, raw and standardised (data too wide for columns).
function renderSampleTable(row) {
  const { summary, train } = dataset;
  const both = summary.standardized && train.standardized;
  const head = document.createElement('thead');
  head.insertRow().append(...['batch.input', 'batch.raw', ...(both ? ['batch.std'] : [])].map((id) => headCell(t(id))));
  const tbody = document.createElement('tbody');
  summary.inputs.forEach((name, j) => {
    const line = tbody.insertRow();
    line.append(headCell(inputName(j, name), 'row'));
    line.insertCell().textContent = formatCompact(train.raw[row][j]);
    if (both) line.insertCell().textContent = formatCompact(train.standardized[row][j]);
  });
  batchTable.replaceChildren(head, tbody);
  drawn.tableShape = '';
  batchCells.textContent = t('batch.wide', { count: summary.inputs.length });
}
