// The network diagram: inputs and units as nodes, weights as edges coloured by sign and thickened
// by magnitude, the layer of the current phase highlighted. Hover shows a weight or bias exactly,
// a click selects its layer for the inspector, a double-click edits it by hand.
// The diagram is built once per architecture and size; a redraw only changes attributes. It is
// three sheets stacked, each painted apart: the layer bands (an SVG, below), the edges (one canvas,
// which network-edges.js paints) and the units and labels (an SVG, above). The edges are pixels, not elements: a deep network has
// thousands, which as SVG elements the browser restyled, painted and hit-tested on every update;
// the pointer finds an edge by geometry instead (edgeAt), and marking the next layer on every step
// never paints them again.
import { t } from '../i18n.js';
import { selection, select } from '../state.js';
import { formatExact } from '../format.js';
import { scaleMax, fillColor } from '../colors.js';
import { sub, sub2, layerMark } from '../notation.js';
import { parsePhase, activationName } from '../phase.js';
import { showTooltip, hideTooltip } from './tooltip.js';
import { openEditor } from './weight-editor.js';
import { paintEdges, prepareUpdate } from './network-edges.js';
import { setText } from '../dom.js';
import { soon } from '../scheduler.js';
import { moveFocus } from './network-keys.js';
import { rootFontPx } from '../type-scale.js';

const view = document.getElementById('network-view');

const SVG = 'http://www.w3.org/2000/svg';
// Layers wider than this are summarised: their first units, an ellipsis, and the last unit.
export const MAX_NODES = 16;
// How far from an edge's centre line the pointer still hovers it, in CSS pixels.
const EDGE_HIT = 6;
// Room for the headings above the units, the tags below them and the labels beside them, in CSS pixels.
const TOP = 64;
const BOTTOM = 34;
const SIDE = 56;
// Units closer than this overlap too much: a short diagram summarises its layers further.
const MIN_SPACING = 8;
// Labels one above the other are at least this many times their font size apart: a line of text.
const LINE = 1.3;
// Between a label and its unit, and between labels side by side, in CSS pixels.
const LABEL_GAP = 6;

let diagram = null;
let lastContext = null;
let panelSize = null;

// The units of a column that are drawn, and how many are left out (drawn as an ellipsis).
export function shownUnits(count, max = MAX_NODES) {
  if (count <= max) return { indices: Array.from({ length: count }, (_, i) => i), hidden: 0 };
  const head = max - 2;
  return { indices: [...Array.from({ length: head }, (_, i) => i), count - 1], hidden: count - head - 1 };
}

// An SVG element with attributes.
function svgElement(name, attributes = {}) {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
}

// The current parameters of layer l: after the update when it has run, else as traced.
function current(layer) {
  return { w: layer.w_new ?? layer.w, b: layer.b_new ?? layer.b };
}

// Node positions for every column (inputs, then each layer), fitted to width × height, with
// `line` pixels between labels one above the other. A column summarised by an ellipsis leaves
// room for it between its first units and its last: a line of text each side of its middle, so
// that the labels beside those units keep clear of it too.
function layout(trace, width, height, line) {
  const counts = [trace.layers[0].inputs, ...trace.layers.map((layer) => layer.units)];
  const room = height - TOP - BOTTOM;
  // As many units as fit MIN_SPACING apart beside the ellipsis, MAX_NODES at most.
  const most = Math.max(3, Math.min(MAX_NODES, Math.floor((room - 2 * line) / MIN_SPACING) + 2));
  const columns = counts.map((count) => shownUnits(count, most));
  // The ellipsis's room at a spacing, and the widest spacing at which a column fits the room.
  const gapAt = (spacing) => Math.max(spacing, 2 * line - spacing);
  const fitting = ({ indices, hidden }) => {
    const n = indices.length;
    if (!hidden) return room / n;
    return room / (n + 1) >= line ? room / (n + 1) : (room - 2 * line) / Math.max(1, n - 1);
  };
  const spacing = Math.max(MIN_SPACING, Math.min(...columns.map(fitting)));
  const radius = Math.max(5, Math.min(20, spacing * 0.34));
  const step = counts.length > 1 ? (width - 2 * SIDE) / (counts.length - 1) : 0;
  const last = counts.length - 1;
  return columns.map((column, c) => {
    const n = column.indices.length;
    // The inputs and outputs have labels: a few of them beside a wide layer spread out to a line
    // of text apart, where the room allows.
    const own = c === 0 || c === last ? Math.max(spacing, Math.min(line, fitting(column))) : spacing;
    const gap = column.hidden ? gapAt(own) : 0;
    const y0 = TOP + (room - n * own - gap) / 2 + own / 2;
    return {
      x: SIDE + c * step,
      step,
      radius,
      nodes: column.indices.map((index, s) => ({ index, y: y0 + s * own + (column.hidden && s === n - 1 ? gap : 0) })),
      hidden: column.hidden,
      ellipsisY: y0 + (n - 2) * own + (own + gap) / 2,
    };
  });
}

// A function giving the width in CSS pixels of a text in the page's font at a weight and size.
function textMeasurer() {
  const context = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(view).fontFamily;
  return (text, weight, size) => {
    context.font = `${weight} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}

// Of the labels [{ y, rank }] down one side of a column, those a `line` apart, kept by rank (the
// ellipsis, then the first and last units, then the others from the top); from the top down.
function spaced(labels, line) {
  const kept = [];
  for (const label of [...labels].sort((a, b) => a.rank - b.rank || a.y - b.y)) {
    // (A hair less than a line: positions a line apart may differ by a rounding error.)
    if (kept.every((other) => Math.abs(other.y - label.y) >= line - 0.01)) kept.push(label);
  }
  return kept.sort((a, b) => a.y - b.y);
}

// The ellipsis of a column that leaves `hidden` units out, as long as `room` pixels allow: "+49
// more", "+49", or the ellipsis sign alone (hovering it says it in full).
function ellipsisText(hidden, room, width) {
  const long = t('network.more', { count: hidden });
  const short = t('network.moreShort', { count: hidden });
  return [long, short].find((text) => width(text) <= room) ?? '⋮';
}

// Build the SVG for the architecture of `trace` at the container's size.
function build(trace, width, height) {
  // The page's font size, to tell whether a heading fits its band (read only when building), and
  // the labels' (--small in views.css).
  const fontPx = rootFontPx();
  const smallPx = Math.max(14, 0.8 * fontPx);
  const line = LINE * smallPx;
  const measure = textMeasurer();
  const sheet = (className) => svgElement('svg', { class: className, width, height, viewBox: `0 0 ${width} ${height}` });
  const svg = sheet('network-svg');
  // A group, not an image: its units and weights take the focus (views/network-keys.js).
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', `${t('network.label')} ${t('a11y.network')}`);
  const bandSheet = sheet('network-bands');
  bandSheet.setAttribute('aria-hidden', 'true');
  // Sized in device pixels, so the lines stay sharp on high-density screens.
  const ratio = window.devicePixelRatio || 1;
  const edgeCanvas = document.createElement('canvas');
  edgeCanvas.className = 'network-edges';
  edgeCanvas.setAttribute('aria-hidden', 'true');
  edgeCanvas.width = Math.round(width * ratio);
  edgeCanvas.height = Math.round(height * ratio);
  edgeCanvas.style.width = `${width}px`;
  edgeCanvas.style.height = `${height}px`;
  const stack = document.createElement('div');
  stack.className = 'network-stack';
  stack.append(bandSheet, edgeCanvas, svg);
  const columns = layout(trace, width, height, line);
  const bandLayer = svgElement('g');
  const nodeLayer = svgElement('g', { class: 'nodes' });
  const textLayer = svgElement('g', { class: 'labels' });
  // The weights the keyboard has reached, as lines over their edges (network-keys.js).
  const keyLayer = svgElement('g', { class: 'weight-keys' });
  bandSheet.append(bandLayer);
  svg.append(keyLayer, nodeLayer, textLayer);
  const built = { svg, stack, edgeCanvas, ratio, columns, bands: [], tags: [], edges: [], units: [], coords: null, keyLayer, weightKeys: new Map() };

  trace.layers.forEach((layer, l) => {
    const from = columns[l];
    const to = columns[l + 1];
    // The band of layer l covers its incoming edges and its units: a click anywhere selects it.
    const left = from.x + from.radius + 4;
    const right = to.x + to.radius + 2;
    const band = svgElement('rect', {
      class: 'layer-band', x: left, y: 4, width: right - left, height: height - 8, rx: 8,
      'data-kind': 'layer', 'data-layer': l,
    });
    bandLayer.append(band);
    built.bands.push(band);
    // Headings sit in the middle of the band: a layer is its incoming weights and its units.
    // A narrow band (a deep network) gets the short forms; the tooltip still says it all.
    const middle = (left + right) / 2;
    // The bands lie 2 px apart: a text within its band keeps at least 4 px from its neighbours.
    const fits = (text, weight, size) => measure(text, weight, size) <= right - left - 2;
    const long = t('network.layer', { layer: l + 1 });
    const heading = svgElement('text', { class: 'layer-heading', x: middle, y: 26, 'text-anchor': 'middle', 'data-kind': 'layer', 'data-layer': l });
    heading.textContent = fits(long, 700, fontPx) ? long : t('network.layerShort', { layer: l + 1 });
    const activation = svgElement('text', { class: 'layer-activation', x: middle, y: 48, 'text-anchor': 'middle', 'data-kind': 'layer', 'data-layer': l });
    const name = activationName(layer.activation);
    activation.textContent = fits(name, 400, smallPx) ? name : '';
    const tag = svgElement('text', { class: 'layer-tag', x: middle, y: height - 12, 'text-anchor': 'middle' });
    tag.dataset.short = String(!fits(t('network.tag.done'), 700, smallPx));
    textLayer.append(heading, activation, tag);
    built.tags.push(tag);

    for (const source of from.nodes) {
      for (const target of to.nodes) {
        built.edges.push({ l, i: source.index, j: target.index, x1: from.x, y1: source.y, x2: to.x, y2: target.y });
      }
    }
    for (const unit of to.nodes) {
      const circle = svgElement('circle', {
        class: 'unit', cx: to.x, cy: unit.y, r: to.radius, tabindex: 0, role: 'button',
        'data-kind': 'bias', 'data-layer': l, 'data-j': unit.index,
      });
      circle.setAttribute('aria-label', t('network.unitLabel', { layer: l + 1, unit: unit.index + 1 }));
      nodeLayer.append(circle);
      built.units.push({ circle, l, j: unit.index });
    }
  });

  const inputs = columns[0];
  const inputHeading = svgElement('text', { class: 'layer-heading', x: inputs.x, y: 24, 'text-anchor': 'middle' });
  inputHeading.textContent = 'X';
  textLayer.append(inputHeading);
  for (const node of inputs.nodes) {
    const circle = svgElement('circle', { class: 'input-node', cx: inputs.x, cy: node.y, r: inputs.radius, 'data-kind': 'input', 'data-i': node.index });
    nodeLayer.append(circle);
  }
  // The edges' ends as one array, for painting them (here or in a worker: network-edges.js).
  built.coords = Float64Array.from(built.edges.flatMap(({ x1, y1, x2, y2 }) => [x1, y1, x2, y2]));
  const last = columns.length - 1;
  const moreWidth = (text) => measure(text, 400, smallPx);
  // A hidden layer's ellipsis stands on its column, within half the way to its neighbours; the
  // inputs' and the outputs' stand among their labels.
  columns.forEach((column, c) => {
    if (!column.hidden || c === 0 || c === last) return;
    textLayer.append(ellipsis(column, c, column.x, 'middle', ellipsisText(column.hidden, column.step - LABEL_GAP, moreWidth)));
  });
  for (const [c, letter, direction] of [[0, 'x', -1], [last, 'ŷ', 1]]) {
    const column = columns[c];
    const x = column.x + direction * (column.radius + LABEL_GAP);
    const anchor = direction < 0 ? 'end' : 'start';
    // The labels keep inside the diagram: the room from the unit to the edge, less a gap.
    const room = (direction < 0 ? x : width - x) - LABEL_GAP / 2;
    const labels = column.nodes.map(({ index, y }, s) => ({
      y, rank: s === 0 || s === column.nodes.length - 1 ? 1 : 2, text: `${letter}${sub(index + 1)}`,
    }));
    if (column.hidden) labels.push({ y: column.ellipsisY, rank: 0, more: ellipsisText(column.hidden, room, moreWidth) });
    for (const label of spaced(labels, line)) {
      if (label.more) {
        textLayer.append(ellipsis(column, c, x, anchor, label.more));
        continue;
      }
      const text = svgElement('text', { class: 'node-label', x, y: label.y, 'text-anchor': anchor, 'dominant-baseline': 'middle' });
      text.textContent = label.text;
      textLayer.append(text);
    }
  }
  return built;
}

// The ellipsis of column `c` at `x`, saying how many units it leaves out (in full in its tooltip).
function ellipsis(column, c, x, anchor, text) {
  const more = svgElement('text', {
    class: 'ellipsis', x, y: column.ellipsisY, 'text-anchor': anchor, 'dominant-baseline': 'middle',
    'data-kind': 'more', 'data-count': column.hidden,
  });
  more.textContent = text;
  if (c > 0) more.dataset.layer = String(c - 1);
  return more;
}

// The name and exact value of what an element stands for, for the tooltip and the editor.
function describe(trace, el) {
  const kind = el.dataset.kind;
  const l = Number(el.dataset.layer);
  if (kind === 'input') return { text: t('network.tip.input', { name: `x${sub(Number(el.dataset.i) + 1)}` }) };
  if (kind === 'more') return { text: t('network.more', { count: Number(el.dataset.count) }) };
  if (kind === 'layer') {
    const layer = trace.layers[l];
    return { text: t('network.tip.layer', { layer: l + 1, units: layer?.units, activation: activationName(layer?.activation) }) };
  }
  const layer = trace.layers[l];
  if (!layer) return null;
  const mark = layerMark(l + 1);
  if (kind === 'weight') {
    const i = Number(el.dataset.i);
    const j = Number(el.dataset.j);
    const name = `w${mark}${sub2(i + 1, j + 1)}`;
    const value = current(layer).w[i][j];
    const before = layer.w_new ? layer.w[i][j] : null;
    return { name, value, before, l, i, j };
  }
  const j = Number(el.dataset.j);
  const name = `b${mark}${sub(j + 1)}`;
  return { name, value: current(layer).b[j], before: layer.b_new ? layer.b[j] : null, l, j };
}

// What a screen reader says of a weight the keyboard reached: its name, value and two ends.
function weightLabel(trace, el) {
  const info = describe(trace, el);
  const from = info.l === 0 ? t('a11y.input', { input: info.i + 1 }) : t('a11y.unit', { unit: info.i + 1, layer: info.l });
  return t('a11y.weight', { name: info.name, value: formatExact(info.value), from, unit: info.j + 1, layer: info.l + 1 });
}

// The tooltip text of a weight or bias: its exact value, and the value before the update if it just ran.
function tooltipText(info) {
  if (info.text) return info.text;
  const now = t('network.tip.value', { name: info.name, value: formatExact(info.value) });
  const was = info.before !== null && info.before !== info.value
    ? ` ${t('network.tip.before', { value: formatExact(info.before) })}` : '';
  return `${now}${was} · ${t('network.tip.edit')}`;
}

// Open the editor for the weight or bias that `el` draws.
function edit(el, clientX, clientY) {
  const { playground, trace } = lastContext;
  const info = describe(trace, el);
  if (!info || info.text) return;
  const box = view.getBoundingClientRect();
  hideTooltip();
  openEditor({
    container: view,
    x: clientX - box.left + view.scrollLeft + 8,
    y: clientY - box.top + view.scrollTop + 8,
    name: info.name,
    value: info.value,
    applyValue: (value) => {
      if (el.dataset.kind === 'weight') {
        playground.setWeight(info.l, info.i, info.j, value);
        select({ layer: info.l, input: info.i, col: info.j });
      } else {
        playground.setBias(info.l, info.j, value);
        select({ layer: info.l, col: info.j });
      }
    },
  });
}

// The edge within EDGE_HIT pixels of the pointer, the nearest, as the element it would be: what
// the pointer events read of a weight (its data-kind, data-layer, data-i, data-j); or null.
function edgeAt(event) {
  if (!diagram) return null;
  const box = diagram.stack.getBoundingClientRect();
  const x = event.clientX - box.left;
  const y = event.clientY - box.top;
  let best = null;
  let bestDistance = EDGE_HIT;
  for (const edge of diagram.edges) {
    if (x < edge.x1 - EDGE_HIT || x > edge.x2 + EDGE_HIT) continue;
    const distance = segmentDistance(x, y, edge);
    if (distance <= bestDistance) {
      best = edge;
      bestDistance = distance;
    }
  }
  if (!best) return null;
  return { dataset: { kind: 'weight', layer: String(best.l), i: String(best.i), j: String(best.j) } };
}

// The distance from (x, y) to the segment of an edge.
function segmentDistance(x, y, { x1, y1, x2, y2 }) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = dx * dx + dy * dy;
  const u = length > 0 ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length)) : 0;
  return Math.hypot(x - (x1 + u * dx), y - (y1 + u * dy));
}

// What the pointer is on, as the SVG stacks it: a unit, an input or a heading (above the edges),
// else an edge, else the layer band below; null for nothing.
function target(event) {
  const el = event.target.closest?.('[data-kind]');
  if (el && !el.classList.contains('layer-band')) return el;
  return edgeAt(event) ?? el ?? null;
}

// Pointer and keyboard handling for the whole diagram, attached once to the container.
function wireEvents() {
  view.addEventListener('pointermove', (event) => {
    const el = target(event);
    diagram?.stack.classList.toggle('is-on-edge', el?.dataset.kind === 'weight');
    if (!el || !lastContext) return hideTooltip();
    const info = describe(lastContext.trace, el);
    if (info) showTooltip(tooltipText(info), event.clientX, event.clientY);
  });
  view.addEventListener('pointerleave', hideTooltip);
  view.addEventListener('click', (event) => {
    const el = target(event);
    if (!el || el.dataset.layer === undefined) return;
    const patch = { layer: Number(el.dataset.layer) };
    if (el.dataset.j !== undefined) patch.col = Number(el.dataset.j);
    if (el.dataset.i !== undefined) patch.input = Number(el.dataset.i);
    select(patch);
  });
  view.addEventListener('dblclick', (event) => {
    const el = target(event);
    if (el && (el.dataset.kind === 'weight' || el.dataset.kind === 'bias')) edit(el, event.clientX, event.clientY);
  });
  view.addEventListener('keydown', (event) => {
    const el = event.target.closest?.('[data-kind]');
    if (!el || !diagram) return;
    if (event.key === 'Enter' && (el.dataset.kind === 'bias' || el.dataset.kind === 'weight')) {
      event.preventDefault();
      const box = el.getBoundingClientRect();
      edit(el, box.right, box.top);
      return;
    }
    // The arrows move between units and weights (network-keys.js): they are the diagram's own
    // here, not the page's steps.
    const next = moveFocus(diagram, el, event);
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    if (!next) return;
    if (next.dataset.kind === 'weight') next.setAttribute('aria-label', weightLabel(lastContext.trace, next));
    next.focus();
    const patch = { layer: Number(next.dataset.layer), col: Number(next.dataset.j) };
    if (next.dataset.i !== undefined) patch.input = Number(next.dataset.i);
    select(patch);
    // Its value, as hover would show it, once the selection has redrawn the page.
    soon(() => {
      const info = describe(lastContext.trace, next);
      const box = next.getBoundingClientRect();
      if (info && next.isConnected) showTooltip(tooltipText(info), box.right, box.top);
    });
  });
  view.addEventListener('focusout', hideTooltip);
  // The diagram fills its panel: a new panel size builds it again. The size is kept from here,
  // where the layout is fresh, so that a redraw never has to ask the browser for a layout.
  new ResizeObserver(() => {
    panelSize = measure();
    if (lastContext) renderNetwork(lastContext);
  }).observe(view);
}

// Which layers the phases touch: the one just performed ("done") and the next one ("next").
function phaseMarks(trace) {
  const depth = trace.layers.length;
  const marks = Array.from({ length: depth }, () => '');
  const mark = (phase, word) => {
    const { name, layer } = parsePhase(phase);
    if (name === 'Update') marks.fill(word);
    else if (name === 'Loss') marks[depth - 1] = word;
    else if (layer !== null && layer < depth) marks[layer] = word;
  };
  mark(trace.last_phase, 'done');
  mark(trace.phase, 'next');
  return marks;
}

// The room for the diagram: the panel less the legend, with a few pixels spare so that the
// diagram never makes its panel scroll.
function measure() {
  const legendHeight = view.querySelector('.network-legend')?.offsetHeight ?? 0;
  return { width: Math.max(240, view.clientWidth - 2), height: Math.max(180, view.clientHeight - legendHeight - 6) };
}

// The line under the diagram that says how to read it, built once.
function legend() {
  const box = document.createElement('p');
  box.className = 'network-legend';
  const swatch = (value) => {
    const mark = document.createElement('span');
    mark.className = 'swatch';
    mark.style.background = fillColor(value, 1);
    return mark;
  };
  box.append(swatch(-1), ` ${t('network.legend.negative')}  `, swatch(1), ` ${t('network.legend.positive')} · ${t('network.legend.read')}`);
  return box;
}

// Draw the diagram from the view context: colours, widths and highlights from the trace.
export function renderNetwork(context) {
  if (!lastContext) wireEvents();
  // The legend and the diagram's words, built again in another language.
  if (!lastContext) {
    view.replaceChildren(legend());
  } else if (context.parts?.has('lang')) {
    view.querySelector('.network-legend')?.replaceWith(legend());
    diagram = null;
  }
  lastContext = context;
  const { trace } = context;
  // Presenter mode changes the panel's room and the type: measured again (once, at the switch).
  if (context.parts?.has('presenter')) panelSize = null;
  panelSize ??= measure();
  const { width, height } = panelSize;
  const key = `${width}x${height}@${window.devicePixelRatio || 1}/${rootFontPx()}|${trace.layers[0].inputs}|${trace.layers.map((l) => `${l.units}${l.activation}`).join(',')}`;
  if (diagram?.key !== key) {
    const built = build(trace, width, height);
    diagram = { ...built, key, width, height };
    view.querySelector('.network-stack')?.remove();
    view.prepend(built.stack);
  }

  const params = trace.layers.map(current);
  const wMax = Math.max(...params.map((p) => scaleMax(p.w)));
  const bMax = Math.max(...params.map((p) => scaleMax([p.b])));
  paintEdges(diagram, params, wMax);
  prepareUpdate(diagram, trace);
  for (const unit of diagram.units) {
    const { circle, l, j } = unit;
    // Set only when it changes: an unchanged unit then has nothing to restyle or paint.
    const fill = fillColor(params[l].b[j], bMax);
    if (unit.fill !== fill) circle.setAttribute('fill', fill);
    unit.fill = fill;
    circle.classList.toggle('is-selected', l === selection.layer && j === selection.col);
  }
  const marks = phaseMarks(trace);
  diagram.bands.forEach((band, l) => {
    band.classList.toggle('is-selected', l === selection.layer);
    band.classList.toggle('is-done', marks[l] === 'done');
    band.classList.toggle('is-next', marks[l] === 'next');
    const short = diagram.tags[l].dataset.short === 'true' ? 'Short' : '';
    const tag = marks[l] ? t(`network.tag.${marks[l]}${short}`) : '';
    setText(diagram.tags[l], tag);
    diagram.tags[l].classList.toggle('is-next', marks[l] === 'next');
  });
  view.dataset.selectedLayer = String(selection.layer);
  // A weight with the focus says its new value.
  const focused = document.activeElement;
  if (focused?.classList?.contains('weight-key') && diagram.keyLayer.contains(focused)) focused.setAttribute('aria-label', weightLabel(trace, focused));
}
