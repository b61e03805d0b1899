// The page's one store: everything that decides what the page shows. Views read it while drawing
// and never keep a copy of a fact it holds (only caches of what they painted). It changes only
// through the actions below, each of which marks what changed; the scheduler (scheduler.js) then
// redraws the page once. snapshot.js turns it into a JSON-able object and back.
import { invalidate } from './scheduler.js';

export const store = {
  // The session: the page's Playground handle (handle.js), set at boot.
  playground: null,
  // The wasm package's Playground class, to make sessions from files, presets and snapshots.
  Playground: null,
  // What the inspector and the equations are about, all 0-based: the layer; row, a sample of
  // the batch; col, a unit of the layer; input, an input of the layer (the row of W, so that a
  // weight is (input, col)).
  selection: { layer: 0, row: 0, col: 0, input: 0 },
  // How the page shows it.
  view: {
    // The chart tab: 'loss', 'accuracy' or 'boundary'; wide shows all three side by side.
    chart: 'loss',
    wide: false,
    // The loss axis is logarithmic; the loss chart adds every batch's J.
    log: false,
    batches: false,
    // The boundary chart shows the test points too.
    test: true,
    // The inspector moves to the layer of each phase as it is performed.
    follow: true,
    // The inspector's first row on show, for batches of more rows than a page.
    rowStart: 0,
  },
  // Where the data came from (dataset.js) and the preprocessing of the next load.
  data: {
    // { kind: 'generated', name, points, noise, seed, classes }
    // { kind: 'csv', name, file, text, columns, target, task } (target: column index or null for the last)
    // { kind: 'session' }: the data came in a session file; its raw values are unknown.
    source: { kind: 'session' },
    prep: null,
  },
  // The preset the session started from, or null (a session file, other data).
  preset: null,
  // The page's language: 'en' or 'zh'.
  lang: 'en',
  // Presenter mode (presenter.js): on, large type for a projector; hide, the panels hidden for a
  // slide or an embedded page (any of PANELS in presenter-options.js), in either mode.
  presenter: { on: false, hide: [] },
  // Quiz mode (quiz.js): on, the page asks for the value the next phase computes before showing
  // it; right and answered, the running score of this session.
  quiz: { on: false, right: 0, answered: 0 },
  // Runs kept to compare (compare.js), drawn over the loss chart: each { kind: 'sgd', 'mini' or
  // 'batch', k (the batch size), alpha, epochs, train (J from epoch 0 on, the core's), and for a
  // run kept from a thinned history epoch (the epoch of each value of train) } or null,
  // a removed run's place, so that the others keep their colours. At most 4.
  kept: [],
  // The guided lesson (views/lesson.js): none until one is opened.
  lesson: closedLesson(),
};

// No lesson: where one came from ('article', a path on this site, or null for a file opened from
// the disk, whose name is `file` and parsed text `json`), the checked lesson (lesson.js), the
// step on show (0-based), whether the panel is open, and per step the checks of its task met,
// each with the epoch it was met at ({ 3: { 0: 17 } }).
export function closedLesson() {
  return { source: null, file: null, json: null, content: null, step: 0, open: false, met: {} };
}

// The default view, for a snapshot that lacks a field.
export const DEFAULT_VIEW = Object.freeze({ ...store.view });

// Back-compatible name: the selection object itself (views read selection.layer …).
export const selection = store.selection;

// Change part of the selection; the page redraws.
export function select(patch) {
  Object.assign(store.selection, patch);
  invalidate('selection');
}

// Change part of the view; the page redraws.
export function setView(patch) {
  Object.assign(store.view, patch);
  invalidate('view');
}

// Turn presenter mode on or off, or hide other panels; the page redraws.
export function setPresenter(patch) {
  Object.assign(store.presenter, patch);
  invalidate('presenter');
}

// Change quiz mode or its score; the page redraws.
export function setQuiz(patch) {
  Object.assign(store.quiz, patch);
  invalidate('quiz');
}

// Replace the kept runs; the loss chart redraws.
export function setKept(kept) {
  store.kept = kept;
  invalidate('kept');
}

// The session changed (a step, a setting, an edit): the page redraws from the core.
export function sessionChanged() {
  invalidate('session');
}
