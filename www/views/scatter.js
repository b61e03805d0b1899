// Small canvas pictures of the data: the scatter of the training points with the current batch
// ringed, the thumbnails of the generated sets, and one sample drawn as an 8 × 8 image.
// Each picture is drawn again from its data on every call; the scatter keeps its points as a
// bitmap, so that while training plays only the batch's rings are drawn anew.
import { classColor, fillColor, scaleMax } from '../colors.js';
import { bounds } from '../data-options.js';
import { sizeCanvas, drawingContext, show } from './bitmap-canvas.js';

const PLAIN = '#44505c';
const RING = '#111418';
const SELECTED = '#f2a900';

// The bitmap of each scatter's points, and what it was drawn from.
const bases = new WeakMap();

// Give `canvas` a backing store of its CSS size × the pixel ratio; returns its context in CSS
// pixels. A canvas on the page (`shown`) is drawn off it and handed its picture by show()
// (bitmap-canvas.js); a canvas kept as a picture to copy is drawn on directly.
function sized(canvas, width, height, shown = true) {
  const ratio = window.devicePixelRatio || 1;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)];
  if (shown) sizeCanvas(canvas, w, h);
  else if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = shown ? drawingContext(canvas) : canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

// The colour of point i: its class, its target on the blue–red scale, or plain grey.
function colorOf(plot, i, max) {
  // A class's colour, the same whatever the output layer (two classes in one column or one-hot).
  if (plot.classes) return classColor(plot.classes[i]);
  if (plot.values) return fillColor(plot.values[i], max);
  return PLAIN;
}

// Maps data coordinates into the box [left, left + width] × [top, top + height] (y grows upwards).
function projection(plot, { left, top, width, height }) {
  const [[x0, x1], [y0, y1]] = bounds(plot.points);
  return {
    x: (v) => left + ((v - x0) / (x1 - x0)) * width,
    y: (v) => top + height - ((v - y0) / (y1 - y0)) * height,
    range: [[x0, x1], [y0, y1]],
  };
}

// Dots for every point of `plot`, radius `r`, through `to`.
function paintPoints(ctx, plot, to, r) {
  const max = plot.values ? scaleMax(plot.values) : 0;
  for (let i = 0; i < plot.points.length; i += 1) {
    const [a, b] = plot.points[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    ctx.fillStyle = colorOf(plot, i, max);
    ctx.beginPath();
    ctx.arc(to.x(a), to.y(b), r, 0, 2 * Math.PI);
    ctx.fill();
  }
}

// A dot radius that keeps a few thousand points readable without hiding each other.
function radiusFor(count, scale = 1) {
  return scale * (count <= 200 ? 4 : count <= 1000 ? 3 : 2);
}

// A generated set's preview: its points in a `size` × `size` square, no axes.
export function drawThumbnail(canvas, plot, size) {
  const ctx = sized(canvas, size, size);
  const to = projection(plot, { left: 3, top: 3, width: size - 6, height: size - 6 });
  paintPoints(ctx, plot, to, Math.max(1.5, radiusFor(plot.points.length) * size / 260));
  show(canvas);
}

// The training points in a `size` × `size` square with axes named `labels` ([x, y]); the rows
// `batch` ringed and the row `selected` marked amber. `key` names the points, so they are painted
// into the kept bitmap only when they change.
export function drawScatter(canvas, plot, { batch, selected, labels, size, font, key }) {
  const pad = { left: font * 2.6, right: 6, top: font * 0.8, bottom: font * 2.4 };
  const box = { left: pad.left, top: pad.top, width: size - pad.left - pad.right, height: size - pad.top - pad.bottom };
  const to = projection(plot, box);
  const r = radiusFor(plot.points.length);
  const ratio = window.devicePixelRatio || 1;
  const baseKey = `${key}|${size}|${ratio}|${font}`;
  let base = bases.get(canvas);
  if (!base || base.key !== baseKey) {
    const bitmap = document.createElement('canvas');
    const ctx = sized(bitmap, size, size, false);
    paintAxes(ctx, to, box, labels, font);
    paintPoints(ctx, plot, to, r);
    base = { key: baseKey, bitmap };
    bases.set(canvas, base);
  }
  base.at = (i) => (plot.points[i] ? { x: to.x(plot.points[i][0]), y: to.y(plot.points[i][1]) } : null);
  const ctx = sized(canvas, size, size);
  ctx.drawImage(base.bitmap, 0, 0, size, size);
  ctx.lineWidth = 2;
  ctx.strokeStyle = RING;
  for (const row of batch) {
    const [a, b] = plot.points[row] ?? [];
    if (a === undefined) continue;
    ctx.beginPath();
    ctx.arc(to.x(a), to.y(b), r + 3, 0, 2 * Math.PI);
    ctx.stroke();
  }
  const chosen = plot.points[selected];
  if (chosen) {
    ctx.fillStyle = SELECTED;
    ctx.strokeStyle = RING;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(to.x(chosen[0]), to.y(chosen[1]), r + 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  show(canvas);
}

// Where point `i` of the scatter last drawn on `canvas` lies, in CSS pixels from its corner (null
// when there is none), for pointing at a point (as the browser tests do).
export function scatterPoint(canvas, i) {
  return bases.get(canvas)?.at?.(i) ?? null;
}

// The frame, the zero lines, the two ends of each axis and the axes' names.
function paintAxes(ctx, to, box, labels, font) {
  const [[x0, x1], [y0, y1]] = to.range;
  ctx.strokeStyle = '#c3cad3';
  ctx.lineWidth = 1;
  ctx.strokeRect(box.left, box.top, box.width, box.height);
  ctx.setLineDash([4, 4]);
  if (x0 < 0 && x1 > 0) line(ctx, to.x(0), box.top, to.x(0), box.top + box.height);
  if (y0 < 0 && y1 > 0) line(ctx, box.left, to.y(0), box.left + box.width, to.y(0));
  ctx.setLineDash([]);
  ctx.fillStyle = '#44505c';
  ctx.font = `${font}px system-ui, "DejaVu Sans", sans-serif`;
  const bottom = box.top + box.height;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(tick(x0), box.left, bottom + 2);
  ctx.textAlign = 'right';
  ctx.fillText(tick(x1), box.left + box.width, bottom + 2);
  ctx.textAlign = 'center';
  ctx.fillText(labels[0], box.left + box.width / 2, bottom + 2);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(tick(y0), box.left - 3, bottom);
  ctx.textBaseline = 'top';
  ctx.fillText(tick(y1), box.left - 3, box.top);
  ctx.save();
  ctx.translate(box.left - 3, box.top + box.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(labels[1], 0, 0);
  ctx.restore();
}

// A straight line from (x0, y0) to (x1, y1).
function line(ctx, x0, y0, x1, y1) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

// An axis end, short: two significant digits and a true minus sign.
function tick(v) {
  return String(Number(v.toPrecision(2))).replace('-', '−');
}

// `values` (row by row, side × side) as square pixels of `cell` CSS pixels, each filled with
// `color(value)`, framed so that a white pixel still shows its edge.
export function drawImage(canvas, values, side, cell, color) {
  const size = side * cell + 2;
  const ctx = sized(canvas, size, size);
  for (let i = 0; i < side; i += 1) {
    for (let j = 0; j < side; j += 1) {
      ctx.fillStyle = color(values[i * side + j]);
      ctx.fillRect(1 + j * cell, 1 + i * cell, cell, cell);
    }
  }
  ctx.strokeStyle = '#44505c';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
  show(canvas);
}

// Grey levels for raw pixel values from 0 (white) to `max` (black), as ink on paper.
export function inkLevel(max) {
  return (v) => {
    const level = Math.round(255 * (1 - Math.max(0, Math.min(1, v / max))));
    return `rgb(${level}, ${level}, ${level})`;
  };
}
