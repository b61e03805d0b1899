// The page's one clock: the only owner of requestAnimationFrame, and of the redraw.
//
// An action changes the store (state.js) and marks what changed with invalidate(part); the page is
// redrawn once, when the task that changed it is done (a microtask, so that a click's redraw lands
// in the frame the click is painted in, and several changes in one task cost one redraw). While
// something animates (the player), its frame task runs in the one animation frame, and the
// redraw it asks for runs in that same frame. Work that can wait until a frame has been painted
// (painting ahead the network the coming update will leave) is queued with afterPaint().

// Parts of the page state that changed since the last redraw: 'session', 'selection', 'view', …
const dirty = new Set();
// The redraw (main.js): redraw(parts) draws what depends on those parts.
let redrawer = null;
// Tasks to run once the redraw is done (the grids' paints, the inspector's scroll to a band).
const soonTasks = [];
let flushQueued = false;
// Frame tasks: run every animation frame until they return false.
const frameTasks = new Set();
// One-shot tasks for the next frame.
const nextFrameTasks = [];
let frameId = 0;
// Tasks to run after the next frame has been painted, in a task of their own.
const paintedTasks = [];
let paintedQueued = false;

// Set the page's redraw, called with the set of parts that changed.
export function setRedraw(redraw) {
  redrawer = redraw;
}

// Mark `parts` of the page state as changed: the page is redrawn once the current task is done.
export function invalidate(...parts) {
  for (const part of parts) dirty.add(part);
  queueFlush();
}

// Run `task` once the redraw under way (or the current task) is done, before the frame.
export function soon(task) {
  soonTasks.push(task);
  queueFlush();
}

// Whether a redraw is waiting.
export function isDirty() {
  return dirty.size > 0;
}

function queueFlush() {
  if (flushQueued) return;
  flushQueued = true;
  queueMicrotask(flush);
}

// Redraw what changed now, then run the tasks that waited for it. The player calls it inside its
// frame so that it can time the redraw.
export function flush() {
  flushQueued = false;
  if (dirty.size > 0 && redrawer) {
    const parts = new Set(dirty);
    dirty.clear();
    redrawer(parts);
    if (idleTasks.size > 0) queueIdle();
  }
  // Tasks queued by the tasks themselves run too, in order.
  while (soonTasks.length > 0) soonTasks.shift()();
}

// Run `task(now)` at every animation frame until it returns false; returns a function that stops it.
export function everyFrame(task) {
  frameTasks.add(task);
  requestFrame();
  return () => frameTasks.delete(task);
}

// Run `task(now)` once, in the next animation frame.
export function nextFrame(task) {
  nextFrameTasks.push(task);
  requestFrame();
}

// Run `task` after the next frame has been painted, in a task of its own, so that it never
// delays a frame the reader is waiting for. (Not requestIdleCallback: between quick clicks the
// browser found no idle time before it was needed.)
export function afterPaint(task) {
  paintedTasks.push(task);
  if (paintedQueued) return;
  paintedQueued = true;
  nextFrame(() => setTimeout(() => setTimeout(runPainted, 0), 0));
}

// Tasks for when the page is still: run once no redraw has happened for IDLE_MS.
const idleTasks = new Set();
let idleTimer = 0;
const IDLE_MS = 300;

// Run `task` once the page has been still (no redraw) for a moment: work nobody needs while the
// page changes under their eyes (the text a screen reader reads of the grids and charts), which
// would otherwise take the time of the next click's frame. A task queued again runs once.
export function whenStill(task) {
  idleTasks.add(task);
  queueIdle();
}

function queueIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(runIdle, IDLE_MS);
}

function runIdle() {
  idleTimer = 0;
  const tasks = [...idleTasks];
  idleTasks.clear();
  for (const task of tasks) task();
}

function runPainted() {
  paintedQueued = false;
  const tasks = paintedTasks.splice(0);
  for (const task of tasks) task();
}

function requestFrame() {
  if (!frameId) frameId = requestAnimationFrame(onFrame);
}

// The one animation frame: the one-shot tasks, then every frame task.
function onFrame(now) {
  frameId = 0;
  const once = nextFrameTasks.splice(0);
  for (const task of once) task(now);
  for (const task of [...frameTasks]) {
    if (task(now) === false) frameTasks.delete(task);
  }
  if (frameTasks.size > 0 || nextFrameTasks.length > 0) requestFrame();
}
