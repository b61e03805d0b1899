// Painting the network diagram's edges on a 2D context: the same function on the page's canvas
// (network-edges.js) and on the worker's OffscreenCanvas (edge-worker.js), so that an image
// painted ahead in the worker has exactly the pixels the page would paint. No DOM.

// Paint edges on `ctx` (a canvas of device pixels, `ratio` per CSS pixel), after clearing it.
// `coords` holds x1, y1, x2, y2 of each edge in CSS pixels; `looks[k]` is edge k's "colour|width".
// Edges that look the same are stroked one after another, so the colour and width are set a few
// hundred times, not thousands; each is its own stroke, because the canvas fills one short line
// about twice as fast as its share of a path of crossing lines (8 × 16 units: 10 ms, not 20).
export function drawEdges(ctx, coords, looks, ratio) {
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
