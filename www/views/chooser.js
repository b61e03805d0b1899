// The data chooser ("Change data…"): a generated set (kinds previewed as thumbnails; points, noise,
// seed, classes), a real data set shipped with the page, the article's examples, or a CSV file
// of the person's own (file picker or drop on the Data panel; target column and task). A file or
// set the core refuses leaves its message here and the session as it was.
import { t, has, currentTable } from '../i18n.js';
import { coreMessage } from '../core-errors.js';
import { dataset, loadGenerated, loadCsv, shippedCsv, onNewData } from '../dataset.js';
import { readNumber, Whole } from '../numbers.js';
import {
  POINT_STOPS, MIN_POINTS, MAX_POINTS, MAX_CSV_BYTES, stopOf, clampPoints, scatterData, sizeProblem, shapesText,
} from '../data-options.js';
import { drawThumbnail } from './scatter.js';
import { showStatus } from './messages.js';
import { config } from '../config.js';

const panel = document.getElementById('data-source');
const toggleButton = document.getElementById('source-toggle');
const closeButton = document.getElementById('source-close');
const dataPanel = document.querySelector('.panel-data');
const dropHint = document.getElementById('drop-hint');
const tabs = [...panel.querySelectorAll('[role="tab"]')];
const typeList = document.getElementById('gen-types');
const pointsSlider = document.getElementById('gen-points-range');
const pointsInput = document.getElementById('gen-points');
const noiseSlider = document.getElementById('gen-noise');
const noiseValue = document.getElementById('gen-noise-value');
const seedInput = document.getElementById('gen-seed');
const classesSelect = document.getElementById('gen-classes');
const genError = document.getElementById('gen-error');
const realButtons = [...panel.querySelectorAll('[data-csv]')];
const realError = document.getElementById('real-error');
const fileInput = document.getElementById('csv-file');
const fileLine = document.getElementById('csv-file-name');
const targetSelect = document.getElementById('csv-target');
const taskSelect = document.getElementById('csv-task');
const csvOptions = document.getElementById('csv-options');
const csvError = document.getElementById('csv-error');

// Points in each preview: enough to show the shape, few enough to draw seven of them at once.
const PREVIEW_POINTS = 200;
const PREVIEW_SIZE = 88;
const DEFAULT_GENERATED = { points: 200, noise: 0.1, seed: 1, classes: 3 };
// The core takes the seed of the points as a 32-bit whole number (Playground.loadGenerated).
const MAX_POINT_SEED = 4294967295;

// The core's list of generators, each one's thumbnail canvas, and whether the previews are drawn.
const chooser = { Playground: null, generators: [], cards: new Map(), previewed: false, pending: null };

// Wire the chooser; `Playground` (the class) makes the throwaway sessions of the previews.
export function wireChooser(Playground) {
  chooser.Playground = Playground;
  chooser.generators = JSON.parse(Playground.generators());
  pointsSlider.max = String(POINT_STOPS.length - 1);
  pointsInput.min = String(MIN_POINTS);
  pointsInput.max = String(MAX_POINTS);
  setGenerated(DEFAULT_GENERATED);
  buildCards();
  toggleButton.addEventListener('click', () => (panel.hidden ? openChooser() : closeChooser()));
  closeButton.addEventListener('click', closeChooser);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) closeChooser();
  });
  for (const tab of tabs) {
    tab.addEventListener('click', () => showTab(tab.id));
    tab.addEventListener('keydown', moveBetweenTabs);
  }
  pointsSlider.addEventListener('input', () => {
    pointsInput.value = String(POINT_STOPS[Number(pointsSlider.value)]);
  });
  pointsSlider.addEventListener('change', reloadGenerated);
  pointsInput.addEventListener('change', () => {
    const points = clampPoints(pointsInput.value);
    pointsInput.value = String(Number.isNaN(points) ? DEFAULT_GENERATED.points : points);
    pointsSlider.value = String(stopOf(Number(pointsInput.value)));
    reloadGenerated();
  });
  noiseSlider.addEventListener('input', () => showNoise());
  for (const control of [noiseSlider, seedInput, classesSelect]) {
    control.addEventListener('change', () => {
      drawPreviews();
      reloadGenerated();
    });
  }
  for (const button of realButtons) button.addEventListener('click', () => loadShipped(button));
  fileInput.addEventListener('change', () => {
    if (fileInput.files.length > 0) readCsvFile(fileInput.files[0]);
  });
  targetSelect.addEventListener('change', reloadCsv);
  taskSelect.addEventListener('change', reloadCsv);
  wireDrop();
  // New data from anywhere (an opened session file too): the tabs describe what is loaded now.
  onNewData(() => {
    chooser.pending = null;
    fillTargets();
    markCurrent();
  });
}

// The chooser's words in another language: the cards' names and tips, and the CSV tab's lines.
export function relabelChooser() {
  if (chooser.generators.length === 0) return;
  for (const card of typeList.querySelectorAll('.gen-card')) {
    const name = card.dataset.generator;
    const generator = chooser.generators.find((g) => g.name === name);
    card.title = has(`gen.${name}.tip`) ? t(`gen.${name}.tip`) : generator?.title ?? name;
    card.querySelector('span').textContent = t(`gen.${name}`);
  }
  fillTargets();
}

// Show the chooser beside the Data panel (over the network, loop and inspector), on the tab `tabId` if given.
export function openChooser(tabId) {
  panel.hidden = false;
  toggleButton.setAttribute('aria-expanded', 'true');
  showTab(tabId ?? currentTab());
  if (!chooser.previewed) drawPreviews();
}

// Hide the chooser.
export function closeChooser() {
  if (panel.hidden) return;
  const hadFocus = panel.contains(document.activeElement);
  panel.hidden = true;
  toggleButton.setAttribute('aria-expanded', 'false');
  if (hadFocus) toggleButton.focus();
}

// The tab of the current data's kind.
function currentTab() {
  const { source } = dataset;
  if (source.kind === 'generated') return 'tab-generated';
  if (source.kind === 'csv' && !source.file) return 'tab-real';
  if (source.kind === 'csv') return 'tab-csv';
  return tabs.find((tab) => tab.getAttribute('aria-selected') === 'true')?.id ?? 'tab-generated';
}

// Show the tab `tabId` and its pane.
function showTab(tabId) {
  for (const tab of tabs) {
    const selected = tab.id === tabId;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
  }
}

// ← and → move between the tabs, as in any tab list; they must not also step training.
function moveBetweenTabs(event) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  event.preventDefault();
  event.stopPropagation();
  const step = event.key === 'ArrowRight' ? 1 : -1;
  const next = tabs[(tabs.indexOf(event.currentTarget) + step + tabs.length) % tabs.length];
  showTab(next.id);
  next.focus();
}

// One card per generated kind: a thumbnail and its name; a click loads that kind.
function buildCards() {
  typeList.replaceChildren(...chooser.generators.map((generator) => {
    const card = document.createElement('button');
    card.type = 'button';
    card.className = 'gen-card';
    card.dataset.generator = generator.name;
    card.setAttribute('aria-pressed', 'false');
    card.title = has(`gen.${generator.name}.tip`) ? t(`gen.${generator.name}.tip`) : generator.title;
    const canvas = document.createElement('canvas');
    canvas.className = 'gen-thumb';
    canvas.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.textContent = t(`gen.${generator.name}`);
    card.append(canvas, label);
    card.addEventListener('click', () => chooseGenerated(generator.name));
    chooser.cards.set(generator.name, canvas);
    return card;
  }));
  markCurrent();
}

// Draw each kind's preview with the chosen noise and seed, from points the core generates in a
// throwaway session (freed at once).
function drawPreviews() {
  const { Playground } = chooser;
  const { noise, seed, classes } = generatedSpec(null);
  // A seed the core cannot take keeps the previews drawn; the message says why.
  if (seed === null) {
    showSeedProblem();
    return;
  }
  genError.hidden = true;
  const scratch = Playground.fromSession(Playground.defaultSession('worked-example'));
  try {
    for (const generator of chooser.generators) {
      const options = JSON.stringify({ standardize: false, test_fraction: 0.1, seed: 1, classes });
      const summary = JSON.parse(scratch.loadGenerated(generator.name, PREVIEW_POINTS, noise, seed, options));
      const rows = JSON.parse(scratch.dataRows('train'));
      const plot = scatterData(rows.raw, rows.y, summary.task);
      if (plot) drawThumbnail(chooser.cards.get(generator.name), plot, PREVIEW_SIZE);
    }
    chooser.previewed = true;
  } catch (error) {
    showError(genError, 'gen.error', error);
  } finally {
    scratch.free();
  }
}

// The generated set the controls describe, of kind `name`; its seed is null when the field holds
// no whole number from 0 to MAX_POINT_SEED (the binding would wrap a larger one silently).
function generatedSpec(name) {
  return {
    name,
    points: clampPoints(pointsInput.value),
    noise: Number(noiseSlider.value),
    seed: pointSeed(seedInput.value),
    classes: Number(classesSelect.value),
  };
}

// The seed of the points typed in `text`, or null when it is not a whole number the core takes.
function pointSeed(text) {
  const { value } = readNumber(text);
  const seed = value instanceof Whole ? value.toNumber() : NaN;
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_POINT_SEED ? seed : null;
}

// Say that the seed field holds a seed the core cannot take, echoing it.
function showSeedProblem() {
  showMessage(genError, t('gen.badSeed', { value: seedInput.value, max: MAX_POINT_SEED }));
}

// Put the values of a generated set in the controls.
function setGenerated({ points, noise, seed, classes }) {
  pointsInput.value = String(points);
  pointsSlider.value = String(stopOf(points));
  noiseSlider.value = String(noise);
  seedInput.value = String(seed);
  classesSelect.value = String(classes);
  showNoise();
}

// The noise beside its slider.
function showNoise() {
  noiseValue.textContent = Number(noiseSlider.value).toFixed(2);
}

// Load the generated kind `name` with the controls' values.
function chooseGenerated(name) {
  genError.hidden = true;
  const spec = generatedSpec(name);
  if (spec.seed === null) {
    showSeedProblem();
    return;
  }
  try {
    loadGenerated(spec);
    announce();
  } catch (error) {
    showError(genError, 'gen.error', error);
  }
  markCurrent();
}

// After a change of points, noise, seed or classes: load it again if a generated set is shown.
function reloadGenerated() {
  if (dataset.source.kind === 'generated') chooseGenerated(dataset.source.name);
}

// Mark the card of the generated set that is loaded.
function markCurrent() {
  const current = dataset.source.kind === 'generated' ? dataset.source.name : null;
  for (const card of typeList.children) card.setAttribute('aria-pressed', String(card.dataset.generator === current));
}

// Load a shipped data set (iris, digits) into the current network.
async function loadShipped(button) {
  realError.hidden = true;
  const name = button.dataset.csv;
  button.disabled = true;
  try {
    const text = await shippedCsv(chooser.Playground, name);
    loadCsv({ name, text, task: 'auto' });
    announce();
  } catch (error) {
    showError(realError, 'real.error', error);
  } finally {
    button.disabled = false;
  }
  markCurrent();
}

// Read a CSV file the person chose or dropped, refusing it unread when it is too big.
async function readCsvFile(file) {
  csvError.hidden = true;
  const problem = sizeProblem(file.name, file.size, MAX_CSV_BYTES);
  if (problem) {
    showMessage(csvError, t('csv.error', { message: problem }));
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (error) {
    showError(csvError, 'csv.unreadable', error);
    return;
  }
  try {
    // A new file: its last column is the target until the person picks another.
    chooser.pending = null;
    loadCsv({ file: file.name, text, task: 'auto' });
  } catch (error) {
    showError(csvError, 'csv.error', error);
    // The file stays on offer when the core can read its columns, so another target or task can
    // be tried; the session keeps its data meanwhile.
    chooser.pending = pendingFile(file.name, text);
    fillTargets();
    return;
  } finally {
    // Choosing the same file again (after fixing it) must fire "change" again.
    fileInput.value = '';
  }
  fillTargets();
  announce();
}

// A refused file whose columns the core can still read, or null.
function pendingFile(file, text) {
  try {
    const columns = JSON.parse(chooser.Playground.csvColumns(text));
    return { kind: 'csv', name: null, file, text, columns, target: null, task: 'auto' };
  } catch {
    return null;
  }
}

// Load the current CSV (or the refused one on offer) again with the chosen target column and task.
function reloadCsv() {
  const source = chooser.pending ?? dataset.source;
  if (source.kind !== 'csv') return;
  csvError.hidden = true;
  const choice = { target: Number(targetSelect.value), task: taskSelect.value };
  try {
    loadCsv({ ...source, ...choice });
    chooser.pending = null;
    announce();
  } catch (error) {
    showError(csvError, 'csv.error', error);
    if (chooser.pending) chooser.pending = { ...chooser.pending, ...choice };
  }
  fillTargets();
}

// The target select: the file's columns, the one used chosen; the task select: the choice used.
function fillTargets() {
  const source = chooser.pending ?? dataset.source;
  const columns = source.kind === 'csv' ? source.columns ?? [] : [];
  targetSelect.replaceChildren(...columns.map((name, index) => {
    const option = document.createElement('option');
    option.value = String(index);
    option.textContent = name;
    return option;
  }));
  // Target and task mean nothing before a file is loaded.
  csvOptions.hidden = columns.length === 0;
  if (columns.length > 0) targetSelect.value = String(source.target ?? columns.length - 1);
  if (source.kind === 'csv') taskSelect.value = source.task;
  const file = source.file ?? (source.kind === 'csv' ? t(`data.name.${source.name}`) : null);
  fileLine.textContent = chooser.pending
    ? t('csv.pending', { file, columns: columns.length })
    : file
    ? t('csv.loaded', { file, rows: dataset.summary.rows.total, columns: columns.length, task: t(`prep.${dataset.summary.task}`) })
    : source.kind === 'session' && !source.preset
    ? sessionLine()
    : t('csv.none');
}

// What the CSV tab says of data that came in a session file: the file it was read from, when the
// session names one. Its CSV text is not in the session, so no target or task can be chosen.
function sessionLine() {
  const file = config.session?.data.file;
  return file ? t('csv.session.file', { file }) : t('csv.session');
}

// Drops anywhere on the Data panel or the chooser load the file; a hint shows while dragging.
function wireDrop() {
  fillTargets();
  for (const zone of [dataPanel, panel]) {
    zone.addEventListener('dragover', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      showDropHint(zone, true);
    });
    zone.addEventListener('dragleave', (event) => {
      if (!zone.contains(event.relatedTarget)) showDropHint(zone, false);
    });
    zone.addEventListener('drop', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      showDropHint(zone, false);
      openChooser('tab-csv');
      const files = event.dataTransfer.files;
      if (files.length !== 1) {
        showMessage(csvError, t('csv.oneFile'));
        return;
      }
      readCsvFile(files[0]);
    });
  }
}

// Outline `zone` while a file is dragged over it; the Data panel also says what a drop does.
function showDropHint(zone, on) {
  zone.classList.toggle('is-dragging', on);
  if (zone === dataPanel) dropHint.hidden = !on;
}

// Whether a drag carries files (not text or a link from the page itself).
function carriesFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

// Say on the status line what was loaded.
function announce() {
  showStatus('data.loaded', { shapes: shapesText(dataset.summary), seed: config.session.training.seed });
}

// Show the message `id` in `box`, with the error's text as {message}. A person's bad file is not
// a fault of the page, so nothing goes to the console.
function showError(box, id, error) {
  showMessage(box, t(id, { message: coreMessage(error, currentTable()) }));
}

// Show `text` in the message line `box`.
function showMessage(box, text) {
  box.textContent = text;
  box.hidden = false;
}
