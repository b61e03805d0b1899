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
import { store, setView } from '../state.js';
import { setAttr, setText } from '../dom.js';
import { afterPaint, whenStill } from '../scheduler.js';
import { chartSummary, LAST_EPOCHS } from '../chart-summary.js';
import { keptOption } from '../kept-runs.js';
import { CHART_FRAMES, chartsDue } from '../draw-turns.js';

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
// Each chart's text alternative: a visually hidden paragraph that describes its canvas.
const summaries = Object.fromEntries(CHARTS.map((name) => {
  const summary = document.createElement('p');
  summary.id = `${name}-summary`;
  summary.className = 'visually-hidden chart-summary';
  canvases[name].after(summary);
  canvases[name].setAttribute('aria-describedby', summary.id);
  return [name, summary];
}));

// Boundary field cells a side while playing (the core's minimum, 100 × 100), and the
// most when paused, when one frame may take longer.
const PLAYING_RESOLUTION = 100;
const STILL_RESOLUTION = 256;
// After the last frame of a run, the boundary is drawn again this much later at the still resolution.
const SETTLE_MS = 250;

// What the pointer is over (what the person chose is the store's view: chart, wide, log,
// batches, test).
const pointer = {
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
// The kept runs last seen (the store replaces the list at each change) and a count of changes.
const kept = { list: null, version: 0 };
const drawnKey = { loss: null, accuracy: null, boundary: null };
// Animation frames since a chart was last drawn: while playing, the charts are drawn every
// CHART_FRAMES (draw-turns.js); at every redraw otherwise. A frame is known by its time (the
// document timeline's, the same for every task of a frame): a frame may redraw more than once.
let sinceDrawn = CHART_FRAMES;
let frameTime = null;

// Draw the charts on show from the view context, those whose data changed.
export function renderCharts(context) {
  lastContext = context;
  // In another language: the tabs' names and every chart's words again.
  if (context.parts?.has('lang')) {
    kinds = null;
    for (const name of CHARTS) drawnKey[name] = null;
    if (pointer.neuron) caption.textContent = neuronCaption(pointer.neuron);
  }
  // Presenter mode's larger type: every chart again at its new scale.
  if (context.parts?.has('presenter')) for (const name of CHARTS) drawnKey[name] = null;
  const next = chartKinds(context.trace.loss_name, context.playground.boundaryView());
  if (!kinds || next.metric !== kinds.metric || next.view !== kinds.view) showKinds(next, context.trace);
  showChoices();
  const history = historyKey(context.trace, dataset.version);
  const { log, batches, test } = store.view;
  if (kept.list !== store.kept) {
    kept.list = store.kept;
    kept.version += 1;
  }
  currentKey = {
    loss: `${history}|${log}|${batches}|${kept.version}`,
    accuracy: history,
    boundary: `${modelKey(context.trace, dataset.version)}|${test}`,
  };
  if (document.timeline.currentTime !== frameTime) {
    frameTime = document.timeline.currentTime;
    sinceDrawn += 1;
  }
  const resting = isPlaying() && !chartsDue(sinceDrawn) && !context.parts?.has('lang');
  for (const name of CHARTS) {
    if (!resting && currentKey[name] !== drawnKey[name] && draw(name)) sinceDrawn = 0;
  }
  summarizeLater(context.parts?.has('lang'));
}

// What the charts' summaries were last written from; and when, while playing.
let summarized = '';
let summarizedAt = -Infinity;
let summaryQueued = false;
// While playing, the summaries are written again at most this often (ms): nobody hears them then.
const SUMMARY_MS = 1000;

// Write each chart's text alternative (chart-summary.js) once the frame that shows the change is
// painted (playing) or the page is still (stepping): nobody hears them sooner, and a click's frame
// should not wait for them. They read the history's newest epochs only (historyTail): the whole
// history of a long play is megabytes of text.
function summarizeLater(again) {
  const key = `${currentKey.loss}|${currentKey.boundary}|${kinds.metric}|${kinds.view}`;
  if (again) summarized = '';
  if (key === summarized || summaryQueued) return;
  summaryQueued = true;
  // While playing, once a second at most; the last frames' figures are written when it is due.
  const wait = isPlaying() ? Math.max(0, summarizedAt + SUMMARY_MS - performance.now()) : 0;
  if (wait > 0) {
    setTimeout(() => {
      summaryQueued = false;
      summarizeLater(false);
    }, wait);
    return;
  }
  // While playing, after a painted frame; between clicks, once the page is still.
  (isPlaying() ? afterPaint : whenStill)(() => {
    summaryQueued = false;
    if (!lastContext) return;
    const tail = JSON.parse(lastContext.playground.historyTail(LAST_EPOCHS));
    for (const name of CHARTS) setText(summaries[name], chartSummary(name, tail, kinds));
    summarized = key;
    summarizedAt = performance.now();
  });
}

// Show a hidden unit's map ([layer, unit]) in the boundary view instead of the output, or the
// output again (null). In tabs, the boundary shows while the unit does, then the chosen tab again.
export function previewNeuron(unit) {
  const same = unit && pointer.neuron && unit[0] === pointer.neuron[0] && unit[1] === pointer.neuron[1];
  if (same || (!unit && !pointer.neuron)) return;
  pointer.neuron = unit && kinds?.view === 'plane' ? unit : null;
  caption.hidden = !pointer.neuron;
  if (pointer.neuron) caption.textContent = neuronCaption(pointer.neuron);
  showPanes();
  draw('boundary');
}

// The chart whose pane shows in tabs: a previewed unit borrows the boundary's.
function shownTab() {
  return pointer.neuron ? 'boundary' : store.view.chart;
}

// Whether a chart is on show.
function isShown(name) {
  return store.view.wide || shownTab() === name;
}

// The options of a chart's core call (and of its hover, which must see the same chart).
function optionsOf(name) {
  const scale = chartScale();
  if (name === 'loss') {
    // Until an epoch ends its lines are empty: the batches' J is then all there is to see.
    const batches = store.view.batches || lastContext.trace.epochs_done === 0;
    const runs = keptOption(store.kept);
    return { log: store.view.log, batches, scale, highlight: pointer.highlight.loss, labels: chartLabels(), kept: runs };
  }
  if (name === 'accuracy') return { scale, highlight: pointer.highlight.accuracy, labels: chartLabels() };
  const canvas = canvases.boundary;
  const still = Math.round(Math.min(canvas.width, canvas.height) / 2);
  const resolution = isPlaying() ? PLAYING_RESOLUTION : Math.max(PLAYING_RESOLUTION, Math.min(STILL_RESOLUTION, still));
  return { scale, resolution, train: true, test: store.view.test, neuron: pointer.neuron };
}

// Draw one chart now, if it is on show and its canvas has room; whether it was drawn.
function draw(name) {
  const canvas = canvases[name];
  if (!lastContext || !isShown(name) || !canDraw(canvas)) return false;
  if (name === 'boundary' && kinds.view === 'none') return false;
  const { playground } = lastContext;
  const options = JSON.stringify(optionsOf(name));
  try {
    if (name === 'loss') playground.drawLoss(canvas.id, options);
    else if (name === 'accuracy') playground.drawAccuracy(canvas.id, options);
    else playground.drawBoundary(canvas.id, options);
    failing.delete(name);
    drawnKey[name] = currentKey[name];
    if (name === 'boundary' && isPlaying()) settleLater();
    return true;
  } catch (error) {
    if (!failing.has(name)) showError('error.chart', error);
    failing.add(name);
    return false;
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
    if (panes[name].hidden !== !isShown(name)) panes[name].hidden = !isShown(name);
    setAttr(tabs[name], 'aria-selected', String(store.view.chart === name));
    const tabIndex = store.view.chart === name ? 0 : -1;
    if (tabs[name].tabIndex !== tabIndex) tabs[name].tabIndex = tabIndex;
  }
}

// Show the store's choices on the controls: tabs and panes, wide, the loss axis, Batch J and the
// test points.
function showChoices() {
  const { wide, log, batches, test } = store.view;
  showPanes();
  setAttr(wideButton, 'aria-pressed', String(wide));
  setText(wideButton, t(wide ? 'charts.narrow' : 'charts.wide'));
  setAttr(wideButton, 'title', t(wide ? 'charts.narrow.tip' : 'charts.wide.tip'));
  setAttr(wideButton, 'aria-label', wideButton.title);
  if (panel.classList.contains('is-wide') !== wide) panel.classList.toggle('is-wide', wide);
  if (layout.classList.contains('charts-wide') !== wide) layout.classList.toggle('charts-wide', wide);
  setAttr(linearButton, 'aria-pressed', String(!log));
  setAttr(logButton, 'aria-pressed', String(log));
  if (batchesBox.checked !== batches) batchesBox.checked = batches;
  if (testBox.checked !== test) testBox.checked = test;
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
    if (name !== 'boundary' && pointer.highlight[name] !== null) {
      pointer.highlight[name] = null;
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
    if (name !== 'boundary' && pointer.highlight[name] !== hover.epoch) {
      pointer.highlight[name] = hover.epoch;
      draw(name);
    }
  });
  canvas.addEventListener('pointerleave', leave);
}

// Show the chart `name` in tabs.
function chooseTab(name) {
  setView({ chart: name });
}

// ← and → move between the tabs, as in any tab list; they must not also step training. With
// Shift or Ctrl they are still the shortcuts for a batch and an epoch.
function moveBetweenTabs(event) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  event.stopPropagation();
  const step = event.key === 'ArrowRight' ? 1 : -1;
  const next = CHARTS[(CHARTS.indexOf(store.view.chart) + step + CHARTS.length) % CHARTS.length];
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
  wideButton.addEventListener('click', () => setView({ wide: !store.view.wide }));
  linearButton.addEventListener('click', () => setView({ log: false }));
  logButton.addEventListener('click', () => setView({ log: true }));
  batchesBox.addEventListener('change', () => setView({ batches: batchesBox.checked }));
  testBox.addEventListener('change', () => setView({ test: testBox.checked }));
  showChoices();
}
