// The charts panel: the loss, the accuracy (or RMSE) and the decision boundary (or fitted curve),
// each drawn by the core onto its canvas. Tabs show one chart at a time; "wide" shows all three,
// taking the inspector's first column. A redraw draws only the charts on show whose data changed
// (most phases of a batch change nothing they show), so that the player's once-a-frame redraw
// pays only for what the class can see change.
import { t } from '../i18n.js';
import { isPlaying } from '../player.js';
import { chartKinds, chartNames, chartLabels, pngName, epochTip, boundaryTip, neuronCaption } from '../chart-text.js';
import { modelKey, historyKey } from '../chart-keys.js';
import { dataset } from '../dataset.js';
import { fitCanvas, canDraw, chartScale, canvasPoint, downloadPng } from './chart-canvas.js';
import { showTooltip, hideTooltip } from './tooltip.js';
import { showError } from './messages.js';

const layout = document.querySelector('.layout');
const panel = document.querySelector('.panel-charts');
const wideButton = document.getElementById('charts-wide');
const linearButton = document.getElementById('loss-linear');
const logButton = document.getElementById('loss-log');
const batchesBox = document.getElementById('loss-batches');
const testBox = document.getElementById('boundary-test');
const boundaryNone = document.getElementById('boundary-none');
const boundaryFrame = document.getElementById('boundary-frame');
const boundaryTools = document.getElementById('boundary-tools');
const caption = document.getElementById('boundary-caption');

const CHARTS = ['loss', 'accuracy', 'boundary'];
const byChart = (suffix) => Object.fromEntries(CHARTS.map((name) => [name, document.getElementById(`${name}-${suffix}`)]));
const tabs = byChart('tab');
const panes = byChart('pane');
const canvases = byChart('canvas');
const pngButtons = byChart('png');

// Boundary field cells a side while playing (the core's minimum, the 100 × 100), and the
// most when paused, when one frame may take longer.
const PLAYING_RESOLUTION = 100;
const STILL_RESOLUTION = 256;
// After the last frame of a run, the boundary is drawn again this much later at the still resolution.
const SETTLE_MS = 250;

// What the person chose, and what the pointer is over.
const choice = {
  tab: 'loss',
  wide: false,
  log: false,
  batches: false,
  test: true,
  // [layer, unit] of the hidden unit whose thumbnail the pointer is on, shown instead of the output.
  neuron: null,
  // The epoch under the pointer on the loss and accuracy charts, marked by the core.
  highlight: { loss: null, accuracy: null },
};

let lastContext = null;
// The timer that draws the boundary finely once playing stops.
let settleTimer = 0;
// What the session's charts show ({metric, view}); the tabs change only when it does.
let kinds = null;
// Charts whose last draw failed: one message, not one a frame.
const failing = new Set();
// What each chart shows now and what it was last drawn from (chart-keys.js); a redraw from the
// same is skipped.
let currentKey = {};
const drawnKey = { loss: null, accuracy: null, boundary: null };

// Draw the charts on show from the view context, those whose data changed.
export function renderCharts(context) {
  lastContext = context;
  const next = chartKinds(context.trace.loss_name, context.playground.boundaryView());
  if (!kinds || next.metric !== kinds.metric || next.view !== kinds.view) showKinds(next, context.trace);
  const history = historyKey(context.trace, dataset.version);
  currentKey = { loss: history, accuracy: history, boundary: modelKey(context.trace, dataset.version) };
  for (const name of CHARTS) {
    if (currentKey[name] !== drawnKey[name]) draw(name);
  }
}

// Show a hidden unit's map ([layer, unit]) in the boundary view instead of the output, or the
// output again (null). In tabs, the boundary shows while the unit does, then the chosen tab again.
export function previewNeuron(unit) {
  const same = unit && choice.neuron && unit[0] === choice.neuron[0] && unit[1] === choice.neuron[1];
  if (same || (!unit && !choice.neuron)) return;
  choice.neuron = unit && kinds?.view === 'plane' ? unit : null;
  caption.hidden = !choice.neuron;
  if (choice.neuron) caption.textContent = neuronCaption(choice.neuron);
  showPanes();
  draw('boundary');
}

// The chart whose pane shows in tabs: a previewed unit borrows the boundary's.
function shownTab() {
  return choice.neuron ? 'boundary' : choice.tab;
}

// Whether a chart is on show.
function isShown(name) {
  return choice.wide || shownTab() === name;
}

// The options of a chart's core call (and of its hover, which must see the same chart).
function optionsOf(name) {
  const scale = chartScale();
  if (name === 'loss') {
    // Until an epoch ends its lines are empty: the batches' J is then all there is to see.
    const batches = choice.batches || lastContext.trace.epochs_done === 0;
    return { log: choice.log, batches, scale, highlight: choice.highlight.loss, labels: chartLabels() };
  }
  if (name === 'accuracy') return { scale, highlight: choice.highlight.accuracy, labels: chartLabels() };
  const canvas = canvases.boundary;
  const still = Math.round(Math.min(canvas.width, canvas.height) / 2);
  const resolution = isPlaying() ? PLAYING_RESOLUTION : Math.max(PLAYING_RESOLUTION, Math.min(STILL_RESOLUTION, still));
  return { scale, resolution, train: true, test: choice.test, neuron: choice.neuron };
}

// Draw one chart now, if it is on show and its canvas has room.
function draw(name) {
  const canvas = canvases[name];
  if (!lastContext || !isShown(name) || !canDraw(canvas)) return;
  if (name === 'boundary' && kinds.view === 'none') return;
  const { playground } = lastContext;
  const options = JSON.stringify(optionsOf(name));
  try {
    if (name === 'loss') playground.drawLoss(canvas.id, options);
    else if (name === 'accuracy') playground.drawAccuracy(canvas.id, options);
    else playground.drawBoundary(canvas.id, options);
    failing.delete(name);
    drawnKey[name] = currentKey[name];
    if (name === 'boundary' && isPlaying()) settleLater();
  } catch (error) {
    if (!failing.has(name)) showError('error.chart', error);
    failing.add(name);
  }
}

// Once playing has stopped, draw the boundary again at the finer resolution of a still picture.
function settleLater() {
  clearTimeout(settleTimer);
  settleTimer = setTimeout(() => {
    if (!isPlaying()) draw('boundary');
  }, SETTLE_MS);
}

// Name the tabs and files after what this session's charts show; say why there is no boundary.
function showKinds(next, trace) {
  kinds = next;
  const names = chartNames(kinds);
  for (const name of CHARTS) {
    tabs[name].textContent = names[name];
    canvases[name].setAttribute('aria-label', t(`charts.${name}.label`, { name: names[name] }));
  }
  const none = kinds.view === 'none';
  boundaryNone.hidden = !none;
  boundaryNone.textContent = none ? t('charts.boundary.none', { inputs: trace.layers[0].inputs }) : '';
  boundaryFrame.hidden = none;
  boundaryFrame.classList.toggle('is-square', kinds.view === 'plane');
  boundaryTools.hidden = none;
  pngButtons.boundary.disabled = none;
  if (kinds.view !== 'plane') previewNeuron(null);
}

// Show the chosen tab's pane (or every pane when wide) and mark the tabs.
function showPanes() {
  for (const name of CHARTS) {
    panes[name].hidden = !isShown(name);
    tabs[name].setAttribute('aria-selected', String(choice.tab === name));
    tabs[name].tabIndex = choice.tab === name ? 0 : -1;
  }
}

// The core's answer to "what is under this pixel?" for a chart, or null.
function hoverAt(name, event) {
  const canvas = canvases[name];
  if (!lastContext || !canDraw(canvas)) return null;
  const { x, y } = canvasPoint(canvas, event);
  return JSON.parse(lastContext.playground.chartHover(name, canvas.id, JSON.stringify(optionsOf(name)), x, y));
}

// Tooltips and the marked epoch under the pointer.
function wireHover(name) {
  const canvas = canvases[name];
  const leave = () => {
    hideTooltip();
    if (name !== 'boundary' && choice.highlight[name] !== null) {
      choice.highlight[name] = null;
      draw(name);
    }
  };
  canvas.addEventListener('pointermove', (event) => {
    let hover;
    try {
      hover = hoverAt(name, event);
    } catch (error) {
      showError('error.chart', error);
      return;
    }
    if (!hover) return leave();
    showTooltip(name === 'boundary' ? boundaryTip(hover) : epochTip(name, kinds, hover), event.clientX, event.clientY);
    if (name !== 'boundary' && choice.highlight[name] !== hover.epoch) {
      choice.highlight[name] = hover.epoch;
      draw(name);
    }
  });
  canvas.addEventListener('pointerleave', leave);
}

// Show the chart `name` in tabs.
function chooseTab(name) {
  choice.tab = name;
  showPanes();
  draw(name);
}

// ← and → move between the tabs, as in any tab list; they must not also step training. With
// Shift or Ctrl they are still the shortcuts for a batch and an epoch.
function moveBetweenTabs(event) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  event.stopPropagation();
  const step = event.key === 'ArrowRight' ? 1 : -1;
  const next = CHARTS[(CHARTS.indexOf(choice.tab) + step + CHARTS.length) % CHARTS.length];
  chooseTab(next);
  tabs[next].focus();
}

// Wire the tabs, the switches, the PNG buttons, hover and resizing; main.js calls it once.
export function wireCharts() {
  for (const name of CHARTS) {
    tabs[name].addEventListener('click', () => chooseTab(name));
    tabs[name].addEventListener('keydown', moveBetweenTabs);
    pngButtons[name].addEventListener('click', () => downloadPng(canvases[name], pngName(name, kinds)));
    fitCanvas(canvases[name], () => draw(name));
    wireHover(name);
  }
  wideButton.addEventListener('click', () => {
    choice.wide = !choice.wide;
    wideButton.setAttribute('aria-pressed', String(choice.wide));
    wideButton.textContent = t(choice.wide ? 'charts.narrow' : 'charts.wide');
    wideButton.title = t(choice.wide ? 'charts.narrow.tip' : 'charts.wide.tip');
    wideButton.setAttribute('aria-label', wideButton.title);
    panel.classList.toggle('is-wide', choice.wide);
    layout.classList.toggle('charts-wide', choice.wide);
    showPanes();
  });
  const setLog = (log) => {
    choice.log = log;
    linearButton.setAttribute('aria-pressed', String(!log));
    logButton.setAttribute('aria-pressed', String(log));
    draw('loss');
  };
  linearButton.addEventListener('click', () => setLog(false));
  logButton.addEventListener('click', () => setLog(true));
  batchesBox.addEventListener('change', () => {
    choice.batches = batchesBox.checked;
    draw('loss');
  });
  testBox.checked = choice.test;
  testBox.addEventListener('change', () => {
    choice.test = testBox.checked;
    draw('boundary');
  });
  showPanes();
}
