// Thumbnails of every hidden unit's output A over the input plane, just left of the network
// diagram's units, where their incoming edges meet (the outgoing ones stay free for hover and
// editing). www/views/network.js draws the diagram; this module only reads where its units are
// (the circles' data-layer, data-j, cx, cy and r). Hovering a thumbnail, or focusing its unit,
// shows that unit's map large in the boundary view; a click selects the unit, as on the diagram.
// The maps are painted on one canvas under all the thumbnails, which are plain elements (their
// frame, name and pointer handling): the browser copies every canvas's pixels on every frame it
// renders, and a deep network's hundred canvases cost more each frame than painting the maps.
// The maps the coming update will leave are painted ahead, once the last backward phase is on
// screen, and copied at the update, as the diagram's edges are (network-edges.js): computing a
// deep network's maps took the update's click about 2 ms.
import { t } from '../i18n.js';
import { select } from '../state.js';
import { previewNeuron } from './charts.js';
import { pixelRatio } from './chart-canvas.js';
import { showTooltip, hideTooltip } from './tooltip.js';
import { showError } from './messages.js';
import { modelKey } from '../chart-keys.js';
import { dataset } from '../dataset.js';
import { afterPaint } from '../scheduler.js';
import { sizeCanvas, drawingContext, show } from './bitmap-canvas.js';

const view = document.getElementById('network-view');

// A thumbnail's side in CSS pixels: about its unit's circle, within these bounds.
const MIN_SIDE = 16;
const MAX_SIDE = 44;
// Smallest side when units stand closer than MIN_SIDE (a summarised column of 16).
const MIN_GAP_SIDE = 8;
// Map cells a side at most: the core computes one forward pass per cell for all maps at once.
const MAX_CELLS = 64;
// The core's limit on all maps' cells together (MAX_MAP_PIXELS in src/charts/field.rs).
const MAX_MAP_PIXELS = 1 << 22;
// Room between a unit's circle and its thumbnail, in CSS pixels.
const GAP = 4;
// A thumbnail's frame, in CSS pixels (charts.css): the map fills what is inside it.
const FRAME = 1;

const overlay = document.createElement('div');
overlay.className = 'neuron-maps';
overlay.hidden = true;
// The canvas under the thumbnails, and the one that holds a map before it is scaled.
const sheet = document.createElement('canvas');
sheet.className = 'neuron-map-sheet';
sheet.setAttribute('aria-hidden', 'true');
const scratch = document.createElement('canvas');

// The thumbnails placed for one build of the diagram: its SVG element, the thumbnails (each with
// its place on the sheet in device pixels), the map cells a side, and what the maps were last
// painted from (chart-keys.js).
let placed = { svg: null, thumbs: [], cells: 0, key: null };
let lastContext = null;
let failed = false;
// The sheet painted ahead for the update: { key, svg, cells, bitmap }; the sheet's data-prepared
// says "ready" while one is kept, its data-painted how it was last painted (for tests).
let prepared = null;
// Whether a paint ahead is already queued.
let preparing = false;

// Draw every hidden unit's thumbnail, placing them again when the diagram was built anew; maps
// are painted again only when the data or the network changed (most phases change neither).
export function renderNeuronMaps(context) {
  lastContext = context;
  const svg = view.querySelector('.network-svg');
  if (!svg || context.playground.boundaryView() !== 'plane') {
    overlay.hidden = true;
    return;
  }
  if (!overlay.isConnected) wire();
  if (svg !== placed.svg) place(svg, context.trace);
  overlay.hidden = false;
  const key = modelKey(context.trace, dataset.version);
  if (key !== placed.key && paint(context.playground, key)) placed.key = key;
  if (context.trace.phase === 'Update' && !preparing && typeof OffscreenCanvas !== 'undefined') {
    // After the frame that shows this redraw, and what that frame queued (see prepareUpdate in
    // network-edges.js).
    preparing = true;
    afterPaint(prepareNow);
  }
}

// Paint the sheet as the coming update will leave it, unless it is painted already or the update
// is no longer next (a click came first).
function prepareNow() {
  preparing = false;
  const context = lastContext;
  if (!context || !placed.svg?.isConnected || placed.thumbs.length === 0) return;
  const { playground, trace } = context;
  const coming = JSON.parse(playground.upcomingUpdate() ?? 'null');
  if (!coming || coming.length !== trace.layers.length) return;
  // The key the update's redraw will compute: its W and b are the ones coming.
  const after = { loss_name: trace.loss_name, layers: trace.layers.map((l, k) => ({ ...l, w_new: coming[k].w, b_new: coming[k].b })) };
  const key = modelKey(after, dataset.version);
  if (prepared?.key === key && prepared.svg === placed.svg && prepared.cells === placed.cells) return;
  try {
    const bytes = playground.neuronMaps(placed.cells, true);
    if (bytes.length === 0) return;
    const canvas = new OffscreenCanvas(sheet.width, sheet.height);
    compose(canvas.getContext('2d'), bytes);
    prepared?.bitmap.close();
    prepared = { key, svg: placed.svg, cells: placed.cells, bitmap: canvas.transferToImageBitmap() };
    sheet.dataset.prepared = 'ready';
  } catch {
    // Nothing painted ahead: the update paints its maps itself, and reports any problem then.
  }
}

// Add the layer of thumbnails to the diagram's panel and follow the panel's size; a hidden unit
// focused from the keyboard shows its map as hovering its thumbnail does.
function wire() {
  view.append(overlay);
  const hiddenUnit = (event) => {
    const circle = event.target.closest?.('circle.unit');
    const layer = Number(circle?.dataset.layer);
    return circle && !overlay.hidden && layer < (lastContext?.trace.layers.length ?? 0) - 1 ? [layer, Number(circle.dataset.j)] : null;
  };
  view.addEventListener('focusin', (event) => {
    const unit = hiddenUnit(event);
    if (unit) previewNeuron(unit);
  });
  view.addEventListener('focusout', (event) => {
    if (hiddenUnit(event)) previewNeuron(null);
  });
  // The diagram builds itself again at a new size (its observer was made first, so runs first).
  new ResizeObserver(() => {
    if (lastContext) renderNeuronMaps(lastContext);
  }).observe(view);
}

// A thumbnail per hidden unit that the diagram draws, just left of its circle, and the sheet under them.
function place(svg, trace) {
  previewNeuron(null);
  hideTooltip();
  const hiddenLayers = trace.layers.length - 1;
  // Where each layer's maps start in the core's list: the first hidden layer's units come first.
  const offsets = [0];
  for (let l = 0; l < hiddenLayers; l += 1) offsets.push(offsets[l] + trace.layers[l].units);
  const units = offsets[hiddenLayers];
  // Layout is read here only, once per build of the diagram, never on a plain redraw.
  const viewBox = view.getBoundingClientRect();
  const svgBox = svg.getBoundingClientRect();
  const dx = svgBox.left - viewBox.left + view.scrollLeft;
  const dy = svgBox.top - viewBox.top + view.scrollTop;
  const circles = [...svg.querySelectorAll('circle.unit')].filter((c) => Number(c.dataset.layer) < hiddenLayers);
  const radius = Math.max(0, ...circles.map((c) => Number(c.getAttribute('r'))));
  // Never taller than the room between two units of a column, so thumbnails never overlap.
  let spacing = Infinity;
  for (let k = 1; k < circles.length; k += 1) {
    if (circles[k].dataset.layer !== circles[k - 1].dataset.layer) continue;
    spacing = Math.min(spacing, Math.abs(Number(circles[k].getAttribute('cy')) - Number(circles[k - 1].getAttribute('cy'))));
  }
  const side = Math.round(Math.max(MIN_GAP_SIDE, Math.min(MAX_SIDE, Math.max(MIN_SIDE, 2 * radius), spacing - 2)));
  // As many cells as the map has device pixels inside the frame, so that a map is copied as it is.
  const ratio = pixelRatio();
  const inside = Math.round((side - 2 * FRAME) * ratio);
  const cells = Math.max(1, Math.min(MAX_CELLS, inside, Math.floor(Math.sqrt(MAX_MAP_PIXELS / Math.max(1, units)))));
  // The sheet covers the thumbnails' box; each map goes to whole device pixels on it.
  const lefts = circles.map((c) => dx + Number(c.getAttribute('cx')) - Number(c.getAttribute('r')) - GAP - side);
  const tops = circles.map((c) => dy + Number(c.getAttribute('cy')) - side / 2);
  const originX = lefts.length ? Math.floor(Math.min(...lefts)) : 0;
  const originY = lefts.length ? Math.floor(Math.min(...tops)) : 0;
  const sheetWidth = lefts.length ? Math.ceil(Math.max(...lefts) + side - originX) : 0;
  const sheetHeight = lefts.length ? Math.ceil(Math.max(...tops) + side - originY) : 0;
  sizeCanvas(sheet, Math.round(sheetWidth * ratio), Math.round(sheetHeight * ratio));
  Object.assign(sheet.style, { left: `${originX}px`, top: `${originY}px`, width: `${sheetWidth}px`, height: `${sheetHeight}px` });
  const thumbs = circles.map((circle, k) => {
    const layer = Number(circle.dataset.layer);
    const unit = Number(circle.dataset.j);
    const thumb = document.createElement('div');
    thumb.className = 'neuron-map';
    thumb.dataset.layer = String(layer);
    thumb.dataset.unit = String(unit);
    thumb.setAttribute('aria-label', t('neurons.label', { layer: layer + 1, unit: unit + 1 }));
    thumb.setAttribute('role', 'img');
    Object.assign(thumb.style, { left: `${lefts[k]}px`, top: `${tops[k]}px`, width: `${side}px`, height: `${side}px` });
    wireThumb(thumb, layer, unit);
    const at = {
      x: Math.round((lefts[k] + FRAME - originX) * ratio),
      y: Math.round((tops[k] + FRAME - originY) * ratio),
      size: inside,
    };
    thumb.dataset.sheet = `${at.x},${at.y},${at.size}`;
    return { at, index: offsets[layer] + unit, thumb };
  });
  overlay.replaceChildren(sheet, ...thumbs.map(({ thumb }) => thumb));
  placed = { svg, thumbs, cells, key: null };
}

// Put each unit's map (`bytes`, from the core's neuronMaps) in its place on a canvas of the
// sheet's size. Maps of as many cells as their places have pixels are copied as they are, all
// into one image put at once: a put per map costs the canvas a flush each.
function compose(context, bytes) {
  const { thumbs, cells } = placed;
  const size = cells * cells * 4;
  const whole = new ImageData(sheet.width, sheet.height);
  const scaled = [];
  for (const thumb of thumbs) {
    const { at, index } = thumb;
    const start = bytes.byteOffset + index * size;
    if (at.size !== cells) {
      scaled.push({ at, pixels: new Uint8ClampedArray(bytes.buffer, start, size) });
      continue;
    }
    // Row by row, within the sheet.
    const rowBytes = Math.min(cells, sheet.width - at.x) * 4;
    for (let row = 0; row < cells && at.y + row < sheet.height; row += 1) {
      const from = new Uint8Array(bytes.buffer, start + row * cells * 4, rowBytes);
      whole.data.set(from, ((at.y + row) * sheet.width + at.x) * 4);
    }
  }
  context.putImageData(whole, 0, 0);
  if (scaled.length) {
    scratch.width = cells;
    scratch.height = cells;
    context.imageSmoothingEnabled = true;
    for (const { at, pixels } of scaled) {
      scratch.getContext('2d').putImageData(new ImageData(pixels, cells, cells), 0, 0);
      context.drawImage(scratch, at.x, at.y, at.size, at.size);
    }
  }
}

// Paint every unit's map on the sheet for the network of `key` (modelKey): the sheet painted
// ahead when it is that network's, or else the maps the core computes now. Returns whether it
// painted.
function paint(playground, key) {
  const { thumbs, cells } = placed;
  if (thumbs.length === 0 || sheet.width === 0 || sheet.height === 0) return false;
  try {
    // Drawn off the page, then handed over whole (bitmap-canvas.js).
    const context = drawingContext(sheet);
    if (prepared?.key === key && prepared.svg === placed.svg && prepared.cells === cells) {
      context.clearRect(0, 0, sheet.width, sheet.height);
      context.drawImage(prepared.bitmap, 0, 0);
      sheet.dataset.painted = 'prepared';
    } else {
      compose(context, playground.neuronMaps(cells, false));
      sheet.dataset.painted = 'drawn';
    }
    show(sheet);
    failed = false;
    return true;
  } catch (error) {
    if (!failed) showError('error.chart', error);
    failed = true;
    return false;
  }
}

// Hover shows the unit's map in the boundary view; a click selects the unit. The events stop
// here, so the diagram underneath neither hides the tooltip nor takes the click.
function wireThumb(element, layer, unit) {
  const tip = t('neurons.tip', { layer: layer + 1, unit: unit + 1 });
  element.addEventListener('pointerenter', () => {
    element.classList.add('is-shown');
    previewNeuron([layer, unit]);
  });
  element.addEventListener('pointermove', (event) => {
    event.stopPropagation();
    showTooltip(tip, event.clientX, event.clientY);
  });
  element.addEventListener('pointerleave', () => {
    element.classList.remove('is-shown');
    hideTooltip();
    previewNeuron(null);
  });
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    select({ layer, col: unit });
  });
  element.addEventListener('dblclick', (event) => event.stopPropagation());
}
