// The network diagram's edges as pixels (network.js lays them out and finds them under the
// pointer): how an edge looks, painting them when a look changes, and the image of the edges
// as the coming update will leave them, painted ahead while the page is idle.
// A deep network's edges take the page's thread about 10 ms to raster in software (1,840 of them
// for 8 hidden layers of 16 units); at the update, when every weight moves, that alone made the
// click miss its frame. Before the update the core can say what it will write (upcomingUpdate:
// W − α ∂J/∂W by the update's own code), so once the last backward phase is on screen the page
// paints those edges into an image; the update's redraw checks that its edges look exactly so
// and copies the image. Any other change of weights (an edit, a batch, a step back) paints at
// once, as before.
import { scaleMax, strokeColor } from '../colors.js';
import { playground } from '../handle.js';
import { afterPaint } from '../scheduler.js';
import { drawingContext, show } from './bitmap-canvas.js';

const MAX_EDGE_WIDTH = 8;

// The image ready for the update: { key, canvas, weights, wMax, looks, bitmap }, the weights and
// looks edge by edge; `canvas` is the diagram's edge canvas, whose data-prepared says "ready"
// while an image is kept (for tests).
let prepared = null;
// What the next idle moment prepares for (the latest redraw's diagram), or null.
let toPrepare = null;

// How an edge of weight `w` is drawn, on a scale reaching ±wMax: its colour, and its width
// growing with |w| (to a tenth of a pixel).
function edgeLook(w, wMax) {
  const size = typeof w === 'number' && wMax > 0 ? Math.abs(w) / wMax : 1;
  return `${strokeColor(w, wMax)}|${(1 + (MAX_EDGE_WIDTH - 1) * size).toFixed(1)}`;
}

// Paint edges on `ctx` (a canvas of device pixels, `ratio` per CSS pixel), after clearing it.
// `coords` holds x1, y1, x2, y2 of each edge in CSS pixels; `looks[k]` is edge k's "colour|width".
// Edges that look the same are stroked one after another, so the colour and width are set a few
// hundred times, not thousands; each is its own stroke, because the canvas fills one short line
// about twice as fast as its share of a path of crossing lines (8 × 16 units: 10 ms, not 20).
function drawEdges(ctx, coords, looks, ratio) {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width / ratio, ctx.canvas.height / ratio);
  // Square ends, not round: the units' circles cover an edge's ends, and round caps cost the
  // canvas more to fill.
  ctx.lineCap = 'butt';
  const groups = new Map();
  looks.forEach((look, k) => {
    if (!groups.has(look)) groups.set(look, []);
    groups.get(look).push(k);
  });
  for (const [look, group] of groups) {
    const [color, width] = look.split('|');
    ctx.strokeStyle = color;
    ctx.lineWidth = Number(width);
    for (const k of group) {
      ctx.beginPath();
      ctx.moveTo(coords[4 * k], coords[4 * k + 1]);
      ctx.lineTo(coords[4 * k + 2], coords[4 * k + 3]);
      ctx.stroke();
    }
  }
}

// Paint the edges of `diagram` ({ key, edgeCanvas, ratio, edges, coords }) for the weights
// `params[l].w` on a scale reaching ±wMax, if any would look different: while training plays,
// most frames move none of them by a colour step or a tenth of a pixel. Says how, for tests, in
// the canvas's data-painted: "prepared" (the image painted ahead, copied) or "drawn".
export function paintEdges(diagram, params, wMax) {
  const { edgeCanvas, ratio, edges } = diagram;
  // Weights change only at the update (or an edit): most steps look no further.
  if (edges.every((edge) => params[edge.l].w[edge.i][edge.j] === edge.w && wMax === diagram.wMax)) return;
  diagram.wMax = wMax;
  // Drawn off the page, then handed over whole (bitmap-canvas.js).
  const ctx = drawingContext(edgeCanvas);
  // The update the image was painted ahead for: the same weights, so the same looks, which are
  // then taken from the image rather than written out again for every edge.
  if (prepared && prepared.key === diagram.key && prepared.wMax === wMax
    && edges.every((edge, k) => params[edge.l].w[edge.i][edge.j] === prepared.weights[k])) {
    edges.forEach((edge, k) => {
      edge.w = prepared.weights[k];
      edge.look = prepared.looks[k];
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, edgeCanvas.width, edgeCanvas.height);
    ctx.drawImage(prepared.bitmap, 0, 0);
    show(edgeCanvas);
    edgeCanvas.dataset.painted = 'prepared';
    return;
  }
  let changed = false;
  for (const edge of edges) {
    edge.w = params[edge.l].w[edge.i][edge.j];
    const look = edgeLook(edge.w, wMax);
    if (look !== edge.look) changed = true;
    edge.look = look;
  }
  if (!changed) return;
  drawEdges(ctx, diagram.coords, edges.map((edge) => edge.look), ratio);
  show(edgeCanvas);
  edgeCanvas.dataset.painted = 'drawn';
}

// When the update is next, paint the edges as it will leave them just after the frame that shows
// this redraw (and after what that frame queued): the page is idle then, while the reader looks
// at the backward pass. A click that comes meanwhile waits for that one paint of the edges,
// which the update would have cost anyway. `trace` is the redraw's.
export function prepareUpdate(diagram, trace) {
  if (trace.phase !== 'Update' || typeof OffscreenCanvas === 'undefined') return;
  if (!toPrepare) afterPaint(prepareNow);
  toPrepare = diagram;
}

// Paint the image of the update's edges for the latest redraw, unless it is already painted.
// The weights come from the core as it is now: if a click has moved past the update since,
// there is nothing to prepare.
function prepareNow() {
  const diagram = toPrepare;
  toPrepare = null;
  if (!diagram.edgeCanvas.isConnected) return;
  const coming = JSON.parse(playground.upcomingUpdate() ?? 'null');
  const next = coming?.map((layer) => layer.w);
  // Another session's network (a file opened meanwhile) has other edges: nothing to prepare.
  if (!next || !diagram.edges.every((edge) => typeof next[edge.l]?.[edge.i]?.[edge.j] === 'number')) return;
  const wMax = Math.max(...next.map((w) => scaleMax(w)));
  const weights = diagram.edges.map((edge) => next[edge.l][edge.i][edge.j]);
  if (prepared && prepared.key === diagram.key && prepared.wMax === wMax
    && weights.every((w, k) => w === prepared.weights[k])) return;
  const looks = weights.map((w) => edgeLook(w, wMax));
  const { width, height } = diagram.edgeCanvas;
  const canvas = new OffscreenCanvas(width, height);
  drawEdges(canvas.getContext('2d'), diagram.coords, looks, diagram.ratio);
  if (prepared) {
    prepared.bitmap.close();
    delete prepared.canvas.dataset.prepared;
  }
  // The image's pixels are painted here, now, not when the update copies them.
  prepared = { key: diagram.key, canvas: diagram.edgeCanvas, weights, wMax, looks, bitmap: canvas.transferToImageBitmap() };
  diagram.edgeCanvas.dataset.prepared = 'ready';
}
