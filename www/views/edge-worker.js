// A worker that paints the network diagram's edges into an image, off the page's thread
// (network-edges.js asks for the edges as the coming update will leave them).
// Message in: { id, width, height (device pixels), ratio, coords, looks } as drawEdges takes them.
// Message out: { id, bitmap } with the painted ImageBitmap, transferred.
import { drawEdges } from './edge-paint.js';

self.onmessage = ({ data: { id, width, height, ratio, coords, looks } }) => {
  const canvas = new OffscreenCanvas(width, height);
  drawEdges(canvas.getContext('2d'), coords, looks, ratio);
  const bitmap = canvas.transferToImageBitmap();
  self.postMessage({ id, bitmap }, [bitmap]);
};
