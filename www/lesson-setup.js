// A lesson step on the page: its setup (a preset or a whole page state, generated data, a
// settings patch, the view, epochs run), then training run to its phase, then the inspector on
// its cell, then quiz mode and the cell it asks for. A step is shown either from where the page
// is (Next) or rebuilt from the nearest step before it that sets up a preset or a page state
// (Back, a link to a step), so that a link shows the same page as clicking through. proveLesson
// tries every step's setup on scratch sessions when the lesson is opened, so that a bad settings
// patch is named then, not in front of a class.
import { store, select, setView, sessionChanged } from './state.js';
import { snapshot, restore } from './snapshot.js';
import { dataset, isCsvPreset, shippedCsv, replaceSession, loadGenerated } from './dataset.js';
import { DEFAULT_PREP, columnsOf, loadOptions } from './data-options.js';
import { refreshConfig, config } from './config.js';
import { resetSettings } from './settings.js';
import { pause } from './player.js';
import { runToPhase } from './stepping.js';
import { LessonError, expectLesson, fromCore } from './lesson-error.js';
import { layerOfPhase } from './lesson.js';
import { MAX_ROWS } from './views/inspector.js';
import { phaseLayer } from './phase.js';
import { askFor, setQuizOn } from './quiz.js';

// The step that starts afresh: one with a preset or a page state.
function isAnchor(step) {
  return Boolean(step.setup?.preset || step.setup?.snapshot);
}

// Show step `index` of `lesson` from where the page is: its setup, then its phase. On any
// problem the page goes back to how it was and the LessonError (or core error) is thrown.
export async function applyStep(lesson, index) {
  await atomically(async () => {
    await setUp(lesson.steps[index], index);
  });
}

// Show step `index` as a link to it shows it: from the nearest step at or before it that starts
// afresh, every step's setup and phase in turn; from where the page is when none does.
export async function rebuildStep(lesson, index) {
  let from = index;
  while (from > 0 && !isAnchor(lesson.steps[from])) from -= 1;
  if (!isAnchor(lesson.steps[from])) from = index;
  await atomically(async () => {
    for (let i = from; i <= index; i += 1) await setUp(lesson.steps[i], i);
  });
}

// Run `change`; if it throws, restore the page as it was before and throw again.
async function atomically(change) {
  pause();
  const before = snapshot();
  try {
    await change();
  } catch (error) {
    restore(before);
    throw error;
  }
}

// One step's setup and phase, then the inspector on its cell, then its quiz.
async function setUp(step, index) {
  const field = `steps[${index}]`;
  const setup = step.setup;
  if (setup) {
    if (setup.preset) await usePreset(setup.preset);
    if (setup.snapshot) usePageState(setup.snapshot);
    if (setup.data) {
      // From the same preprocessing every time, so that the step looks the same however it is reached.
      store.data.prep = { ...DEFAULT_PREP };
      try {
        loadGenerated(setup.data);
      } catch (error) {
        throw fromCore(`${field}.setup.data`, error);
      }
    }
    if (setup.settings) configure(setup.settings, `${field}.setup.settings`);
    if (setup.view) setView(setup.view);
    if (setup.epochs) store.playground.run(setup.epochs);
  }
  const depth = config.session.network.layers.length;
  if (step.phase) {
    if (layerOfPhase(step.phase) > depth) throw new LessonError(`${field}.phase`, expectLesson('phaseOf', { depth }), step.phase);
    runToPhase(store.playground, step.phase, depth);
  }
  const cell = step.highlight?.cell;
  if (cell) {
    if (cell.layer > depth) throw new LessonError(`${field}.highlight.cell.layer`, expectLesson('layerOf', { depth }), cell.layer);
    select(selectionOf(cell));
    // The inspector on the page of rows that holds the cell; it stops following the phase only
    // when the layer of the phase just performed is another.
    const done = phaseLayer(JSON.parse(store.playground.trace()).last_phase, depth);
    setView({ rowStart: Math.floor((cell.row - 1) / MAX_ROWS) * MAX_ROWS, ...(done === null || done === cell.layer - 1 ? {} : { follow: false }) });
  }
  // Last, so that the quiz's cell wins the selection over the highlighted one.
  if (typeof step.quiz === 'boolean') setQuizOn(step.quiz);
  else if (step.quiz) {
    if (step.quiz.layer > depth) throw new LessonError(`${field}.quiz.layer`, expectLesson('layerOf', { depth }), step.quiz.layer);
    askFor(quizSelection(step.quiz));
  }
  sessionChanged();
}

// The page's selection (0-based) of a step's quiz cell (1-based): the sample is the row of the
// batch, the unit the column, the input the row of W; the parts not given stay as selected.
export function quizSelection({ layer, sample, unit, input }) {
  const less = (n) => (n === undefined ? undefined : n - 1);
  return { layer: less(layer), row: less(sample), col: less(unit), input: less(input) };
}

// The page's selection (0-based) that puts the inspector's mark on `cell` (1-based): rows of a
// batch's matrix are samples, rows of W and ∂J/∂W are inputs, columns are units (of X, inputs).
export function selectionOf({ matrix, layer, row, col }) {
  const at = { layer: layer - 1 };
  if (matrix === 'input') return { ...at, row: row - 1, input: col - 1 };
  if (['w', 'w_new', 'dw'].includes(matrix)) return { ...at, input: row - 1, col: col - 1 };
  if (['b', 'b_new', 'db'].includes(matrix)) return { ...at, col: col - 1 };
  return { ...at, row: row - 1, col: col - 1 };
}

// Start the built-in preset `name` (its CSV file read as the page's own), as the address would.
async function usePreset(name) {
  const { Playground } = store;
  if (isCsvPreset(Playground, name)) {
    const text = await shippedCsv(Playground, name);
    const source = { kind: 'csv', name, file: null, text, columns: null, target: null, task: 'auto' };
    replaceSession(Playground.presetWithCsv(name, text), source);
    source.columns = columnsOf(dataset.summary);
  } else {
    replaceSession(Playground.fromSession(Playground.defaultSession(name)), { kind: 'session', preset: name });
  }
  store.preset = name;
}

// Restore a whole page state, keeping the page's language, presenter mode, quiz mode and score
// (a step's own `quiz` sets it) and the lesson on show (restore puts a snapshot's lesson in the
// store, none for a step's page state, which would close the panel).
function usePageState(snap) {
  const { lesson, presenter, quiz, ...page } = snap;
  const current = store.lesson;
  restore({ ...page, lang: store.lang, quiz: { ...store.quiz } });
  store.lesson = current;
}

// Send a settings patch to the core and bring the form up to date; a refusal names the field.
function configure(patch, field) {
  try {
    store.playground.configure(JSON.stringify(patch));
  } catch (error) {
    throw fromCore(field, error);
  }
  refreshConfig(store.playground);
  resetSettings();
}

// Try every step's setup on scratch sessions (never the page's): each step that starts afresh
// and those after it, up to the next, with their data, settings, phases, cells and quiz cells.
// Throws the LessonError of the first problem. Steps before the first such step depend on the
// page, and are checked when shown.
export async function proveLesson(lesson) {
  const { Playground } = store;
  let scratch = null;
  try {
    for (const [index, step] of lesson.steps.entries()) {
      const field = `steps[${index}]`;
      const setup = step.setup;
      if (isAnchor(step)) {
        scratch?.free();
        scratch = null;
        scratch = setup.preset ? await scratchPreset(Playground, setup.preset) : scratchSession(Playground, setup.snapshot, `${field}.setup.snapshot`);
      }
      if (!scratch) continue;
      if (setup?.data) {
        const { name, points, noise, seed, classes } = setup.data;
        const extra = name === 'blobs' ? { classes } : {};
        try {
          scratch.loadGenerated(name, points, noise, seed, loadOptions(DEFAULT_PREP, extra));
        } catch (error) {
          throw fromCore(`${field}.setup.data`, error);
        }
      }
      if (setup?.settings) {
        try {
          scratch.configure(JSON.stringify(setup.settings));
        } catch (error) {
          throw fromCore(`${field}.setup.settings`, error);
        }
      }
      const depth = JSON.parse(scratch.trace()).layers.length;
      if (layerOfPhase(step.phase) > depth) throw new LessonError(`${field}.phase`, expectLesson('phaseOf', { depth }), step.phase);
      const cell = step.highlight?.cell;
      if (cell && cell.layer > depth) throw new LessonError(`${field}.highlight.cell.layer`, expectLesson('layerOf', { depth }), cell.layer);
      if (step.quiz?.layer > depth) throw new LessonError(`${field}.quiz.layer`, expectLesson('layerOf', { depth }), step.quiz.layer);
      const box = step.highlight?.box;
      if (box && layerOfPhase(box) > depth) throw new LessonError(`${field}.highlight.box`, expectLesson('phaseOf', { depth }), box);
    }
  } finally {
    scratch?.free();
  }
}

// A scratch session of preset `name`.
async function scratchPreset(Playground, name) {
  if (isCsvPreset(Playground, name)) return Playground.presetWithCsv(name, await shippedCsv(Playground, name));
  return Playground.fromSession(Playground.defaultSession(name));
}

// A scratch session of a page state's session file.
function scratchSession(Playground, snap, field) {
  try {
    return Playground.fromSession(snap.session);
  } catch (error) {
    throw fromCore(`${field}.session`, error);
  }
}
