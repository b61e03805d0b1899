// Which part of a grid is in sight: an observer per scroll box telling each card's canvas whether
// it is on show, the window of rows a grid that prints numbers paints as its box scrolls, and the
// paints a redraw asks for, run together once it is done.
import { soon } from '../scheduler.js';

// The cards' paints asked for since the page last changed, run together once the redraw is done.
const pending = new Set();
// How far outside its scroll box a card counts as on show (a share of the box): a card is drawn
// before it scrolls into view, so the reader never sees it late.
const SHOW_MARGIN = '50%';
// One observer per scroll box, telling each card's canvas whether it is on show (see matrixCard).
const observers = new Map();
// Per scroll box: the cards to tell when it scrolls (their follow functions) and its height.
const scrollBoxes = new Map();
// The rows a grid that prints numbers paints at least, and beyond those seen on each side.
const WINDOW_ROWS = 16;
export const WINDOW_MARGIN = 4;

// Whether the canvases under `root` (a scroll box; null for the window) are near enough to be seen:
// each canvas's onShow(boolean) hears of every change.
export function observe(canvas, root) {
  if (!observers.has(root)) {
    observers.set(root, new IntersectionObserver((entries) => {
      for (const entry of entries) entry.target.onShow?.(entry.isIntersecting);
    }, { root, rootMargin: SHOW_MARGIN }));
  }
  observers.get(root).observe(canvas);
}

// Run `paintNow` once the code changing the page is done (a microtask): every card a redraw
// updates paints then, one after another. A canvas on the page resolves the font of its numbers
// against the page's styles, which makes the browser bring them up to date first: painted in the
// middle of a redraw, each grid cost a style pass; painted after it, only the first one does, and
// that pass is the frame's own, done early.
export function paintSoon(paintNow) {
  if (pending.size === 0) soon(paintPending);
  pending.add(paintNow);
}

// Run the paints asked for.
function paintPending() {
  const paints = [...pending];
  pending.clear();
  for (const paintNow of paints) paintNow();
}

// Call `follow(box)` for the card when its scroll box `root` scrolls (box: the place and height on
// the screen of the part of the root that shows its content, below the height `coveredTop()` that
// a bar stuck to its top covers), and keep the box's height for the cards' windows.
export function followScroll(root, follow, coveredTop) {
  if (!scrollBoxes.has(root)) {
    const entry = { follows: new Set(), height: 0 };
    root.addEventListener('scroll', () => {
      const { top } = root.getBoundingClientRect();
      const covered = coveredTop();
      const box = { top: top + root.clientTop + covered, height: root.clientHeight - covered };
      for (const f of entry.follows) f(box);
    }, { passive: true });
    new ResizeObserver(([resized]) => { entry.height = resized.contentRect.height; }).observe(root);
    scrollBoxes.set(root, entry);
  }
  scrollBoxes.get(root).follows.add(follow);
}

// How many rows a grid with cells `height` px tall paints in scroll box `root`: the box's height
// of rows and a margin, and never fewer than WINDOW_ROWS.
export function windowRows(root, height) {
  const boxHeight = scrollBoxes.get(root)?.height ?? 0;
  return Math.max(WINDOW_ROWS, Math.ceil(boxHeight / height) + 2 * WINDOW_MARGIN);
}
