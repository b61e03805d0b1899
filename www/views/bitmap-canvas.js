// Canvases that show a picture handed over whole: drawn on an OffscreenCanvas of their own, then
// given to the page's canvas through its 'bitmaprenderer' context.
//
// Why: a browser that composites in software (Chromium without a GPU it trusts, as on many cheap
// laptops and in the benches' headless browser) copies every 2D canvas of the page for the
// compositor at every frame, whether it changed or not: about 0.25 ms a 300 × 280 canvas with the
// CPU slowed down 4×, so 2–3 ms of each frame for the inspector's grids while the page plays. A
// bitmap handed over is not copied again. Where OffscreenCanvas is missing, the canvas itself is
// drawn on, as before.
const HAS_OFFSCREEN = typeof OffscreenCanvas === 'function';

// Each canvas's drawing surface (an OffscreenCanvas, or the canvas itself), and each surface's canvas.
const surfaces = new WeakMap();
const owners = new WeakMap();

function surfaceOf(canvas) {
  let surface = surfaces.get(canvas);
  if (!surface) {
    surface = HAS_OFFSCREEN ? new OffscreenCanvas(canvas.width, canvas.height) : canvas;
    surfaces.set(canvas, surface);
    owners.set(surface, canvas);
  }
  return surface;
}

// Size `canvas` and its surface to `width` × `height` pixels; whether that changed anything (a new
// size resets the surface's context: its transform, font and colours).
export function sizeCanvas(canvas, width, height) {
  const surface = surfaceOf(canvas);
  if (canvas.width === width && canvas.height === height && surface.width === width && surface.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  surface.width = width;
  surface.height = height;
  return true;
}

// The 2D context to draw `canvas`'s next picture on; show(canvas) puts the picture on the page.
export function drawingContext(canvas) {
  return surfaceOf(canvas).getContext('2d');
}

// Put what was drawn since the last show on `canvas`; its surface starts blank again.
export function show(canvas) {
  const surface = surfaceOf(canvas);
  if (surface === canvas || surface.width === 0 || surface.height === 0) return;
  canvas.getContext('bitmaprenderer').transferFromImageBitmap(surface.transferToImageBitmap());
}

// The page's canvas that `surface` (a context's canvas) is drawn for; any other canvas itself.
// For tests that watch what is drawn on contexts.
export function shownOn(surface) {
  return owners.get(surface) ?? surface;
}

// The RGBA bytes `canvas` shows in the rectangle given (all of it by default), whichever its
// context: for tests and the console, which cannot ask a 'bitmaprenderer' canvas for its pixels.
export function canvasPixels(canvas, x = 0, y = 0, width = canvas.width, height = canvas.height) {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  return ctx.getImageData(x, y, width, height).data;
}
