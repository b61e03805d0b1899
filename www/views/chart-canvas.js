// The plumbing of a chart canvas: its backing store kept at CSS size × device pixel ratio (by a
// ResizeObserver, so that drawing never has to ask the browser for a layout), the pointer's
// position in backing-store pixels, and the download of a canvas as a PNG file.
// The core draws on the canvases; nothing here knows what a chart shows.

import { store } from '../state.js';
import { BASE_FONT_PX, rootFontPx, fontSizeChanged } from '../type-scale.js';

// The core refuses canvases under 120 × 120 pixels: no room for the axes (src/charts/mod.rs).
export const MIN_CHART_SIDE = 120;

// How long a downloaded picture's object URL lives: long enough for the browser to read it.
const URL_LIFETIME_MS = 60_000;

// How far the charts' text grows with the page's: up to 1.5 times on a projector, and in presenter
// mode as far as the page's own type (a tick label of 15 px × 1.7 at 1920 × 1080).
const MAX_FONT_SCALE = 1.5;
const MAX_PRESENTING_SCALE = 2.2;

// Every chart canvas's fit (see fitCanvas), to run again when the pixel ratio changes.
const fits = [];

// The device pixel ratio.
export function pixelRatio() {
  return window.devicePixelRatio || 1;
}

// The `scale` told to the core: device pixels per CSS pixel, times the page's font growth, so
// that a projector's larger type reaches the charts too; inside the 0.5–4 the core accepts.
export function chartScale() {
  const most = store.presenter.on ? MAX_PRESENTING_SCALE : MAX_FONT_SCALE;
  const fontScale = Math.min(most, Math.max(1, rootFontPx() / BASE_FONT_PX));
  return Math.min(4, Math.max(0.5, pixelRatio() * fontScale));
}

// Keep `canvas`'s backing store at its CSS size × the pixel ratio; `onResize()` runs after each
// change (a hidden canvas gets 0 × 0, and is drawn again when it shows).
export function fitCanvas(canvas, onResize) {
  let css = { width: 0, height: 0 };
  // From devicePixelRatio, the ratio the core is told, rather than the observer's device-pixel
  // box: the two disagree under zoom emulation, and the chart must fill its canvas exactly.
  const fit = () => {
    const ratio = pixelRatio();
    const width = Math.round(css.width * ratio);
    const height = Math.round(css.height * ratio);
    if (canvas.width === width && canvas.height === height) return;
    canvas.width = width;
    canvas.height = height;
    onResize();
  };
  new ResizeObserver(([entry]) => {
    css = { width: entry.contentRect.width, height: entry.contentRect.height };
    fit();
  }).observe(canvas);
  fits.push(fit);
}

// Fit the canvases again when the pixel ratio changes without a resize (the window moved from a
// laptop's screen to a projector's); a media query matches one ratio, so each change sets a new one.
function watchPixelRatio() {
  matchMedia(`(resolution: ${pixelRatio()}dppx)`).addEventListener('change', () => {
    fontSizeChanged();
    for (const fit of fits) fit();
    watchPixelRatio();
  }, { once: true });
}
watchPixelRatio();

// Whether `canvas` is big enough for the core's axes and labels (hidden canvases are 0 × 0).
export function canDraw(canvas) {
  return canvas.width >= MIN_CHART_SIDE && canvas.height >= MIN_CHART_SIDE;
}

// The pointer of `event` in `canvas`'s backing-store pixels, the unit the core's hover takes.
export function canvasPoint(canvas, event) {
  const box = canvas.getBoundingClientRect();
  return {
    x: ((event.clientX - box.left) * canvas.width) / Math.max(1, box.width),
    y: ((event.clientY - box.top) * canvas.height) / Math.max(1, box.height),
  };
}

// Download what `canvas` shows as the PNG file `name`.
export function downloadPng(canvas, name) {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  }, 'image/png');
}
