// The page's font size, which grows with the window (style.css) and in presenter mode
// (presenter.css), read once and kept: reading a style inside a redraw would make the browser
// restyle. Views that draw text on canvases (the charts, the inspector's grids) size it from here.

// The root font size the page is designed around (style.css's size on a 1366 px laptop).
export const BASE_FONT_PX = 18;

let rootPx = 0;
// Bumped at each change, so that a view can tell that its sizes are stale.
let generation = 0;

// The root font size in CSS pixels.
export function rootFontPx() {
  if (!rootPx) rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || BASE_FONT_PX;
  return rootPx;
}

// A number that changes whenever the font size may have.
export function fontGeneration() {
  return generation;
}

// The font size may have changed (a new window size, presenter mode): read it again when next asked.
export function fontSizeChanged() {
  rootPx = 0;
  generation += 1;
}

window.addEventListener('resize', fontSizeChanged);
