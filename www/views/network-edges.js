// The network diagram's edges as pixels (network.js lays them out and finds them under the
// pointer): how an edge looks, painting them when a look changes, and the image of the edges
// as the coming update will leave them, painted ahead in a worker.
// A deep network's edges take the page's thread about 10 ms to raster in software (1,840 of them
// for 8 hidden layers of 16 units); at the update, when every weight moves, that alone made the
// click miss its frame. Before the update the trace already holds what it will write,
// W − α ∂J/∂W (∂J/∂W with its L2 term, as the core adds it), so while the reader looks at the
// last backward phase a worker paints those edges; the update's redraw checks that its edges
// look exactly so and copies the image. Any other change of weights (an edit, a batch, a step
// back) paints here, on the page's thread.
import { scaleMax, strokeColor } from '../colors.js';
import { drawEdges } from './edge-paint.js';

const MAX_EDGE_WIDTH = 8;

// The worker, started at the first update to prepare; null where workers cannot paint.
let worker;
// The image ready for the update ({ key, canvas, looks, bitmap }) and the one being painted
// ({ id, key, canvas, looks }); `canvas` is the diagram's edge canvas, whose data-prepared says
// "ready" while an image waits (for tests).
let prepared = null;
let pending = null;
let lastId = 0;

// How an edge of weight `w` is drawn, on a scale reaching ±wMax: its colour, and its width
// growing with |w| (to a tenth of a pixel).
function edgeLook(w, wMax) {
  const size = typeof w === 'number' && wMax > 0 ? Math.abs(w) / wMax : 1;
  return `${strokeColor(w, wMax)}|${(1 + (MAX_EDGE_WIDTH - 1) * size).toFixed(1)}`;
}

// Whether `image` ({ key, looks } or null) shows the edges of `diagram` with these looks.
function shows(image, diagram, looks) {
  return Boolean(image) && image.key === diagram.key && image.looks.length === looks.length
    && image.looks.every((look, k) => look === looks[k]);
}

// Paint the edges of `diagram` ({ key, edgeCanvas, ratio, edges, coords }) for the weights
// `params[l].w` on a scale reaching ±wMax, if any would look different: while training plays,
// most frames move none of them by a colour step or a tenth of a pixel. Says how, for tests, in
// the canvas's data-painted: "prepared" (the worker's image, copied) or "drawn" (here).
export function paintEdges(diagram, params, wMax) {
  const { edgeCanvas, ratio, edges } = diagram;
  // Weights change only at the update (or an edit): most steps look no further.
  if (edges.every((edge) => params[edge.l].w[edge.i][edge.j] === edge.w && wMax === diagram.wMax)) return;
  diagram.wMax = wMax;
  let changed = false;
  for (const edge of edges) {
    edge.w = params[edge.l].w[edge.i][edge.j];
    const look = edgeLook(edge.w, wMax);
    if (look !== edge.look) changed = true;
    edge.look = look;
  }
  if (!changed) return;
  const looks = edges.map((edge) => edge.look);
  const ctx = edgeCanvas.getContext('2d');
  if (shows(prepared, diagram, looks)) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, edgeCanvas.width, edgeCanvas.height);
    ctx.drawImage(prepared.bitmap, 0, 0);
    edgeCanvas.dataset.painted = 'prepared';
    return;
  }
  drawEdges(ctx, diagram.coords, looks, ratio);
  edgeCanvas.dataset.painted = 'drawn';
}

// When the update is next, have the worker paint the edges as it will leave them (unless it
// has, or is at it). `trace` is the redraw's trace, with ∂J/∂W of every layer.
export function prepareUpdate(diagram, trace) {
  if (trace.phase !== 'Update' || !trace.layers.every((layer) => layer.dw)) return;
  worker ??= startWorker();
  if (!worker) return;
  // w += −α ∂J/∂w, the core's update to the last bit (the trace's numbers read back exactly).
  const alpha = trace.learning_rate;
  const next = trace.layers.map((layer) => layer.w.map((row, i) => row.map((w, j) => w + -alpha * layer.dw[i][j])));
  const wMax = Math.max(...next.map((w) => scaleMax(w)));
  const looks = diagram.edges.map((edge) => edgeLook(next[edge.l][edge.i][edge.j], wMax));
  if (shows(prepared, diagram, looks) || shows(pending, diagram, looks)) return;
  lastId += 1;
  pending = { id: lastId, key: diagram.key, canvas: diagram.edgeCanvas, looks };
  const { width, height } = diagram.edgeCanvas;
  worker.postMessage({ id: lastId, width, height, ratio: diagram.ratio, coords: diagram.coords, looks });
}

// The worker, or null where a worker cannot paint (no OffscreenCanvas): the update then paints
// on the page's thread, as any other change does.
function startWorker() {
  if (typeof OffscreenCanvas === 'undefined' || typeof Worker === 'undefined') return null;
  const started = new Worker(new URL('./edge-worker.js', import.meta.url), { type: 'module' });
  started.onmessage = ({ data: { id, bitmap } }) => {
    if (pending?.id !== id) {
      bitmap.close();
      return;
    }
    if (prepared) {
      prepared.bitmap.close();
      delete prepared.canvas.dataset.prepared;
    }
    prepared = { ...pending, bitmap };
    prepared.canvas.dataset.prepared = 'ready';
    pending = null;
  };
  // A worker that fails to start or to paint leaves the page's thread to paint every change.
  started.onerror = () => {
    started.terminate();
    worker = null;
    pending = null;
  };
  return started;
}
