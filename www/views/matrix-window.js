// Which part of a grid is in sight: an observer per scroll box telling each card's canvas whether
// it is on show, the window of rows a grid that prints numbers paints as its box scrolls, and the
// paints a redraw asks for, run together once it is done: those in sight before the frame that
// shows them, the others after it.
import { soon, afterPaint } from '../scheduler.js';

// The cards' paints asked for since the page last changed, run together once the redraw is done:
// each paint's function and where its grid is ({ element, root, canWait }).
const pending = new Map();
// Moves of a scroll box to make before the paints (the inspector's scroll to the band a step
// filled in), so that the paints know what will be in sight.
const moves = [];
let queued = false;
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
// `where`: the card's grid `element` in scroll box `root` (null: the window), and whether its
// paint `canWait`: a grid that prints numbers and is out of sight paints once the frame is painted,
// so that a step's frame carries only the grids one sees (a third to a half of a step's paints
// on the circle preset; the first step of a batch paints W and b again, below the band in view).
export function paintSoon(paintNow, where) {
  queuePaints();
  pending.set(paintNow, where);
}

// Run `move` (it scrolls a box) just before the paints asked for, and before those are told apart
// by what is in sight.
export function moveBeforePaint(move) {
  queuePaints();
  moves.push(move);
}

function queuePaints() {
  if (queued) return;
  queued = true;
  soon(paintPending);
}

// Make the moves, then run the paints asked for: now those in sight, after the frame the others.
// Every grid is measured before any is painted (a paint may resize its canvas): one layout, the
// one the frame would do, done early.
function paintPending() {
  for (const move of moves.splice(0)) move();
  queued = false;
  const paints = [...pending];
  pending.clear();
  const later = paints.map(([, where]) => Boolean(where?.canWait) && !inSight(where.element, where.root));
  paints.forEach(([paintNow], i) => {
    if (later[i]) afterPaint(paintNow);
    else paintNow();
  });
}

// Whether any of `element` lies within scroll box `root` (null: the window) and the window.
function inSight(element, root) {
  const box = element.getBoundingClientRect();
  const area = root ? root.getBoundingClientRect() : { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
  const top = Math.max(area.top, 0);
  const bottom = Math.min(area.bottom, window.innerHeight);
  const left = Math.max(area.left, 0);
  const right = Math.min(area.right, window.innerWidth);
  return box.bottom > top && box.top < bottom && box.right > left && box.left < right;
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
