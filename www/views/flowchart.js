// The training loop as a flowchart (the article's section 2.5), drawn live: data → init → forward
// pass (one box per layer) → loss J → backward pass (one box per layer, in reverse) → update →
// stop? → next batch or epoch, or end. The box the next step performs is filled blue, the box just
// performed amber; clicking a box runs training up to it.
//
// Forward boxes sit above the backward boxes of the same layer, so the pass goes out along the top
// row and comes back along the bottom one:
//
//   data → init ──────┬→ A⁽¹⁾ → A⁽²⁾ → A⁽³⁾ ┐
//            ┌────────┘ next batch           J
//   end ← stop? ← update ← δ⁽¹⁾ ← δ⁽²⁾ ← δ⁽³⁾ ┘
import { t } from '../i18n.js';
import { batchPhases, isTerminal } from '../stepping.js';
import { layerMark } from '../notation.js';
import { config } from '../config.js';
import { selection, select } from '../state.js';
import { phaseText } from './readouts.js';
import { setText } from '../dom.js';
import { nextFrame } from '../scheduler.js';

const container = document.getElementById('flowchart');
// The one-column layout of style.css, where the panels stack.
const stacked = matchMedia('(max-width: 1023px)');

const SVG_NS = 'http://www.w3.org/2000/svg';
// The drawing's own font size; every length below is in these em.
const FONT = 16;
const EM = { box: 2, rowGap: 1.75, colGap: 1.1, caption: 1.15, pad: 0.5, minBox: 2.4, margin: 0.3, captionFont: 0.8 };
// Shown font size as a share of the page's: as large as the width allows up to `largest`, never
// below `smallest` (the chart scrolls sideways instead, for very deep networks).
const SCALE = { largest: 1.2, smallest: 0.72 };

const chart = {
  depth: 0,
  svg: null,
  width: 0,
  height: 0,
  // On screen: the drawing's width, the panel's width, and whether the drawing is the wider.
  shownWidth: 0,
  viewWidth: 0,
  overflows: false,
  // The panel's scroll position, kept from its scroll events: reading scrollLeft in a redraw
  // would make the browser lay out the page there, after the other views have changed it.
  scrollLeft: 0,
  // Whether the next frame will scroll the panel to scrollLeft (keepInView).
  scrollQueued: false,
  // Flowchart boxes by key: a phase name ("Forward(1)", "Loss", …) or 'data', 'init', 'stop', 'end'.
  nodes: new Map(),
  // Arrows by "from>to".
  edges: new Map(),
  loopLabel: null,
  actions: null,
};

// Remember the actions that clicks call (runTo, runToEnd) and refit the chart when its panel resizes.
export function wireFlowchart(actions) {
  chart.actions = actions;
  const observer = new ResizeObserver(() => fit());
  observer.observe(container);
  observer.observe(container.parentElement);
  container.addEventListener('scroll', () => { chart.scrollLeft = container.scrollLeft; }, { passive: true });
}

// Mark the next and the just-performed boxes from the core's phase and trace (rebuilding the chart
// when the number of layers changed).
export function renderFlowchart({ phase, trace, parts }) {
  const depth = trace.layers.length;
  // Built again for another depth, or in another language.
  if (depth !== chart.depth || parts?.has('lang')) build(depth);
  const phases = batchPhases(depth);
  const last = trace.last_phase;
  const stopped = isTerminal(phase);
  // Before the first phase the last thing done was initialising; a stop was decided after the last step.
  const just = stopped && last === 'Update' ? 'stop' : last ?? 'init';
  const next = stopped ? 'end' : phase;
  const past = new Set(last ? phases.slice(0, phases.indexOf(last) + (just === 'stop' ? 1 : 0)) : []);
  for (const [key, node] of chart.nodes) {
    node.classList.toggle('is-next', key === next);
    node.classList.toggle('is-done', key === just);
    node.classList.toggle('is-past', past.has(key));
    node.classList.toggle('is-selected', node.dataset.layer === String(selection.layer + 1));
    if (key === next) node.setAttribute('aria-current', 'step');
    else node.removeAttribute('aria-current');
  }
  const active = activeEdges(just, next);
  for (const [key, edge] of chart.edges) edge.classList.toggle('is-active', active.has(key));
  // After a batch's update the loop goes round: to the next batch, or to the next epoch after the last one.
  const epochEnds = trace.batch + 1 >= trace.batches;
  const loopText = t(epochEnds ? 'flow.nextEpoch' : 'flow.nextBatch');
  setText(chart.loopLabel, loopText);
  chart.loopLabel.classList.toggle('is-active', active.has('stop>loop'));
  container.dataset.next = next;
  container.dataset.done = just;
  keepInView(chart.nodes.get(next));
}

// Scroll a chart wider than its panel so that `node` is on show (the next box, as training moves).
function keepInView(node) {
  if (!chart.overflows || !node) return;
  const scale = chart.shownWidth / chart.width;
  const left = Number(node.dataset.x) * scale;
  const right = left + Number(node.dataset.w) * scale;
  const margin = 2 * FONT * scale;
  // A box leaving the view on one side is brought in at the other, a page turned: the next boxes
  // follow the same way (right along the forward pass, left along the backward pass), so the chart
  // scrolls once a page, not at every step; a scroll repaints the whole chart.
  let to = chart.scrollLeft;
  if (left - margin < to) to = right + margin - chart.viewWidth;
  else if (right + margin > to + chart.viewWidth) to = left - margin;
  to = Math.max(0, Math.min(to, chart.shownWidth - chart.viewWidth));
  if (to === chart.scrollLeft) return;
  chart.scrollLeft = to;
  // Scrolled at the next frame, where the browser lays the page out anyway: a scroll asks for a
  // layout, which in the middle of a redraw the browser would do once more at the frame.
  if (!chart.scrollQueued) {
    chart.scrollQueued = true;
    nextFrame(() => {
      chart.scrollQueued = false;
      container.scrollLeft = chart.scrollLeft;
    });
  }
}

// The arrows from the box just performed to the next one.
function activeEdges(just, next) {
  if (just === 'init') return new Set(['init>join', 'join>Forward(1)']);
  if (just === 'Update' && next === 'Forward(1)') return new Set(['Update>stop', 'stop>loop', 'join>Forward(1)']);
  if (just === 'stop') return new Set(['Update>stop', 'stop>end']);
  return new Set([`${just}>${next}`]);
}

// Build the SVG for a network of `depth` layers.
function build(depth) {
  chart.depth = depth;
  chart.nodes.clear();
  chart.edges.clear();
  const labels = nodeLabels(depth);
  const measure = textMeasurer(getComputedStyle(container).fontFamily);
  const boxWidth = (key) => Math.max(EM.minBox * FONT, measure(labels[key], 600, FONT) + 2 * EM.pad * FONT);
  const layers = Array.from({ length: depth }, (_, i) => i + 1);
  const em = (x) => x * FONT;
  const box = em(EM.box);

  // Column widths, left to right: data/end, init/stop, the loop's join/update, one per layer, the loss.
  const widths = [
    Math.max(boxWidth('data'), boxWidth('end')),
    Math.max(boxWidth('init'), boxWidth('stop') + box / 3),
    boxWidth('Update'),
    ...layers.map((l) => Math.max(boxWidth(`Forward(${l})`), boxWidth(`Backward(${l})`))),
    boxWidth('Loss'),
  ];
  const xs = [];
  widths.reduce((x, w) => (xs.push(x), x + w + em(EM.colGap)), em(EM.margin));
  const col = (i) => ({ x: xs[i], w: widths[i], cx: xs[i] + widths[i] / 2 });
  const y0 = em(EM.caption);
  const y1 = y0 + box + em(EM.rowGap);
  const row0 = y0 + box / 2;
  const row1 = y1 + box / 2;
  const gapMid = y0 + box + em(EM.rowGap) / 2;
  const lossCol = col(widths.length - 1);
  const lossY = (y0 + y1) / 2;
  chart.width = lossCol.x + lossCol.w + em(EM.margin);
  chart.height = y1 + box + em(EM.caption);

  const svg = svgElement('svg', {
    viewBox: `0 0 ${chart.width} ${chart.height}`, 'font-size': FONT, role: 'group', 'aria-label': t('flow.label'),
  });
  svg.append(markers());
  const edges = svgElement('g', { class: 'flow-edges' });
  const nodes = svgElement('g', { class: 'flow-nodes' });
  svg.append(edges, nodes);

  // Arrows first, so the boxes sit on top of their ends.
  const arrow = (key, points, head = true) => {
    // The stylesheet puts the arrowheads on (a darker one on the active arrows).
    const path = svgElement('path', {
      class: head ? 'flow-edge' : 'flow-edge no-head', d: points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' '),
    });
    chart.edges.set(key, path);
    edges.append(path);
  };
  const layerCol = (l) => col(2 + l);
  arrow('data>init', [[col(0).x + col(0).w, row0], [col(1).x, row0]]);
  arrow('init>join', [[col(1).x + col(1).w, row0], [col(2).cx, row0]], false);
  arrow('join>Forward(1)', [[col(2).cx, row0], [layerCol(1).x, row0]]);
  for (const l of layers.slice(1)) {
    arrow(`Forward(${l - 1})>Forward(${l})`, [[layerCol(l - 1).x + layerCol(l - 1).w, row0], [layerCol(l).x, row0]]);
    arrow(`Backward(${l})>Backward(${l - 1})`, [[layerCol(l).x, row1], [layerCol(l - 1).x + layerCol(l - 1).w, row1]]);
  }
  const lastCol = layerCol(depth);
  arrow(`Forward(${depth})>Loss`, [[lastCol.x + lastCol.w, row0], [lossCol.cx, row0], [lossCol.cx, lossY]]);
  arrow(`Loss>Backward(${depth})`, [[lossCol.cx, lossY + box], [lossCol.cx, row1], [lastCol.x + lastCol.w, row1]]);
  arrow('Backward(1)>Update', [[layerCol(1).x, row1], [col(2).x + col(2).w, row1]]);
  arrow('Update>stop', [[col(2).x, row1], [col(1).x + col(1).w, row1]]);
  arrow('stop>end', [[col(1).x, row1], [col(0).x + col(0).w, row1]]);
  arrow('stop>loop', [[col(1).cx, y1], [col(1).cx, gapMid], [col(2).cx, gapMid], [col(2).cx, row0 + 2]]);

  chart.loopLabel = svgElement('text', {
    class: 'flow-loop-label', x: col(2).cx + em(0.4), y: gapMid, 'font-size': FONT * EM.captionFont,
  });
  nodes.append(chart.loopLabel);

  // The boxes.
  const place = (key, shape, { x, y, w }, layer) => nodes.append(node(key, shape, x, y, w, box, labels[key], layer));
  place('data', 'pill', { x: col(0).x, y: y0, w: col(0).w });
  place('init', 'box', { x: col(1).x, y: y0, w: col(1).w });
  for (const l of layers) {
    place(`Forward(${l})`, 'box', { x: layerCol(l).x, y: y0, w: layerCol(l).w }, l);
    place(`Backward(${l})`, 'box', { x: layerCol(l).x, y: y1, w: layerCol(l).w }, l);
  }
  place('Loss', 'box', { x: lossCol.x, y: lossY, w: lossCol.w });
  place('Update', 'box', { x: col(2).x, y: y1, w: col(2).w });
  place('stop', 'hexagon', { x: col(1).x, y: y1, w: col(1).w });
  place('end', 'pill', { x: col(0).x, y: y1, w: col(0).w });

  // Captions: the legend over data and init, the passes over and under the layer columns.
  const layersMid = (layerCol(1).x + lastCol.x + lastCol.w) / 2;
  nodes.append(legend(em(EM.margin), y0 - em(0.35)));
  nodes.append(caption(t('flow.caption.forward'), layersMid, y0 - em(0.35)));
  nodes.append(caption(t('flow.caption.backward'), layersMid, y1 + box + em(0.95)));

  container.replaceChildren(svg);
  chart.svg = svg;
  fit();
}

// Scale the drawing to the panel's width, and to the height its neighbours leave (with room for a
// one-line status message, so a message never pushes the buttons out of sight), within SCALE.
function fit() {
  if (!chart.svg) return;
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const body = container.parentElement;
  const style = getComputedStyle(body);
  const gap = parseFloat(style.rowGap) || 0;
  let others = parseFloat(style.fontSize) * 1.4 + gap;
  for (const child of body.children) {
    if (child !== container && child.id !== 'status') others += child.offsetHeight + gap;
  }
  // Stacked in one column (phones), the panel is as tall as its content: the width limits, and
  // the screen's height, so that the loop's buttons stay on the first screen of a phone on its side.
  const room = (stacked.matches ? window.innerHeight * 0.22 : body.clientHeight - others) / chart.height;
  const wanted = Math.min(container.clientWidth / chart.width, room, (SCALE.largest * rootPx) / FONT);
  const scale = Math.max(wanted, (SCALE.smallest * rootPx) / FONT);
  chart.shownWidth = Math.floor(chart.width * scale);
  chart.viewWidth = container.clientWidth;
  chart.overflows = chart.shownWidth > chart.viewWidth;
  chart.svg.setAttribute('width', String(chart.shownWidth));
  chart.svg.setAttribute('height', String(Math.ceil(chart.height * scale)));
}

// Every box's label: words for the steps, the article's symbols for the layers (A⁽ˡ⁾ forward, δ⁽ˡ⁾ back).
function nodeLabels(depth) {
  const labels = {
    data: t('flow.data'), init: t('flow.init'), Loss: t('flow.loss'), Update: t('flow.update'),
    stop: t('flow.stop'), end: t('flow.end'),
  };
  for (let l = 1; l <= depth; l += 1) {
    labels[`Forward(${l})`] = t('flow.forward', { layer: layerMark(l) });
    labels[`Backward(${l})`] = t('flow.backward', { layer: layerMark(l) });
  }
  return labels;
}

// One box: its shape, label and tooltip; clickable when it is a phase (or the end).
function node(key, shape, x, y, w, h, label, layer) {
  const g = svgElement('g', { class: `flow-node flow-${shape}` });
  g.dataset.key = key;
  // Where the box sits in the drawing, for scrolling it into view.
  g.dataset.x = String(x);
  g.dataset.w = String(w);
  if (layer) g.dataset.layer = String(layer);
  const tip = tooltip(key, layer);
  const title = svgElement('title');
  title.textContent = tip;
  g.append(title, outline(shape, x, y, w, h));
  const text = svgElement('text', { x: x + w / 2, y: y + h / 2 });
  text.textContent = label;
  g.append(text);
  const clickable = key !== 'data' && key !== 'init' && key !== 'stop';
  if (clickable) {
    g.classList.add('is-clickable');
    g.setAttribute('role', 'button');
    g.setAttribute('tabindex', '0');
    // Its name begins with the words on the box, as a voice user says them.
    g.setAttribute('aria-label', t('a11y.flow.name', { label, tip }));
    g.addEventListener('click', () => clicked(key, layer));
    g.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') clicked(key, layer);
    });
  }
  chart.nodes.set(key, g);
  return g;
}

// A click on box `key`: run up to that phase (and show its layer in the inspector), or to the end.
function clicked(key, layer) {
  if (key === 'end') {
    chart.actions.runToEnd();
    return;
  }
  chart.actions.runTo(key);
  if (layer) select({ layer: layer - 1 });
}

// The tooltip of box `key`.
function tooltip(key, layer) {
  if (key === 'data') return t('flow.tip.data', { rows: config.trainRows });
  if (key === 'init') return t('flow.tip.init');
  if (key === 'stop') return t('flow.tip.stop');
  if (key === 'end') return t('flow.tip.end');
  const phase = phaseText(key);
  return layer ? t('flow.tip.layer', { phase, layer }) : t('flow.tip.phase', { phase });
}

// The outline of a box: a rounded rectangle, a pill (start and end) or a hexagon (the decision).
function outline(shape, x, y, w, h) {
  if (shape === 'hexagon') {
    const d = h / 3;
    const points = [[x, y + d], [x + d, y], [x + w - d, y], [x + w, y + d], [x + w - d, y + h], [x + d, y + h]];
    return svgElement('polygon', { points: points.map((p) => p.join(',')).join(' ') });
  }
  return svgElement('rect', { x, y, width: w, height: h, rx: shape === 'pill' ? h / 2 : FONT * 0.35 });
}

// A caption centred at (x, y) in the smaller caption font.
function caption(text, x, y) {
  const el = svgElement('text', { class: 'flow-caption', x, y, 'font-size': FONT * EM.captionFont });
  el.textContent = text;
  return el;
}

// The colour key: a blue swatch for "next", an amber one for "just done".
function legend(x, y) {
  const g = svgElement('g', { class: 'flow-legend', 'font-size': FONT * EM.captionFont });
  const size = FONT * 0.7;
  let at = x;
  for (const [kind, id] of [['is-next', 'flow.legend.next'], ['is-done', 'flow.legend.done']]) {
    g.append(svgElement('rect', { class: `flow-swatch ${kind}`, x: at, y: y - size * 0.85, width: size, height: size, rx: 2 }));
    const text = svgElement('text', { x: at + size * 1.3, y });
    text.textContent = t(id);
    g.append(text);
    at += size * 1.3 + textMeasurer(getComputedStyle(container).fontFamily)(t(id), 400, FONT * EM.captionFont) + FONT * 0.8;
  }
  return g;
}

// The arrowheads: one for the arrows at rest, one for the arrows just taken.
function markers() {
  const defs = svgElement('defs');
  for (const id of ['flow-arrow', 'flow-arrow-active']) {
    const marker = svgElement('marker', {
      id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5,
      markerUnits: 'strokeWidth', orient: 'auto-start-reverse',
    });
    marker.append(svgElement('path', { d: 'M0,0.5 L10,5 L0,9.5 z', class: id }));
    defs.append(marker);
  }
  return defs;
}

// A function giving the width in px of a text in `family` at a weight and size (a canvas measures it).
function textMeasurer(family) {
  const context = document.createElement('canvas').getContext('2d');
  return (text, weight, size) => {
    context.font = `${weight} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}

// A new SVG element with attributes.
function svgElement(tag, attributes = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}
