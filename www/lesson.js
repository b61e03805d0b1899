// A lesson file (docs/lesson-format.md): numbered steps, each with a short text in English and
// Chinese, what it sets up on the page, the phase to stop at, what to highlight, what the quiz
// asks and a task.
// checkLesson reads the parsed JSON field by field and returns the lesson with every text in both
// languages, or throws a LessonError naming the first bad field and its value. Pure: Node tests it.
import { LessonError, expect, expectLesson } from './lesson-error.js';
import { checkCondition } from './tasks.js';

// The format's version this page reads.
export const LESSON_VERSION = 1;
export const MAX_STEPS = 100;
// The languages of a text.
export const TEXT_LANGS = ['en', 'zh'];
// Longest texts, in characters: a lesson's words are short; a projector shows a few lines.
const LIMITS = { title: 120, text: 1500, label: 60 };
// Parts of the page a step can highlight by name (views/lesson-mark.js finds them).
export const PANELS = ['data', 'prep', 'batch', 'network', 'loop', 'flowchart', 'readouts', 'controls', 'settings',
  'inspector', 'equations', 'gradcheck', 'charts', 'errata'];
// The inspector's matrices, by the names its cards carry (data-matrix).
export const MATRICES = ['input', 'z', 'a', 'y', 'delta', 'dw', 'db', 'w', 'w_new', 'b', 'b_new'];
// The flowchart's boxes besides the phases.
const BOXES = ['data', 'init', 'stop', 'end'];
// View settings a step may set (state.js's view, without the inspector's page).
const VIEW = { chart: ['loss', 'accuracy', 'boundary'], wide: 'boolean', log: 'boolean', batches: 'boolean', test: 'boolean', follow: 'boolean' };
// A generated data set's defaults (the data chooser's).
export const GENERATED_DEFAULTS = { points: 200, noise: 0.1, seed: 1, classes: 3 };
const PHASE = /^(?:(?:Forward|Backward)\(([1-9]\d?)\)|Loss|Update)$/;
const FIELDS = {
  lesson: ['version', 'title', 'steps'],
  step: ['title', 'text', 'setup', 'phase', 'highlight', 'quiz', 'task'],
  setup: ['preset', 'snapshot', 'data', 'settings', 'view', 'epochs'],
  data: ['generated', 'points', 'noise', 'seed', 'classes'],
  highlight: ['panel', 'box', 'cell', 'label'],
  cell: ['matrix', 'layer', 'row', 'col'],
  quiz: ['layer', 'sample', 'unit', 'input'],
  task: ['text', 'goal', 'checks'],
  check: ['text', 'goal'],
};
const MAX_CHECKS = 6;
// The largest of each part of a quiz's cell, counted from 1 (as a highlighted cell's).
const QUIZ_LIMITS = { layer: 9, sample: 10000, unit: 1024, input: 1024 };

// Whether `value` is a plain object.
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// `value` must be an object of only the fields `known`.
function checkObject(value, field, known) {
  if (!isObject(value)) throw new LessonError(field, expect('object'), value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new LessonError(field ? `${field}.${key}` : key, expect('knownField', { fields: known.join(', ') }), undefined,
        { got: { key: 'core.got.unknownField', args: {} } });
    }
  }
  return value;
}

// A whole number from lo to hi.
function checkWhole(value, field, lo, hi) {
  if (!Number.isInteger(value) || value < lo || value > hi) throw new LessonError(field, expect('wholeRange', { lo, hi }), value);
  return value;
}

// A text in both languages: a string (the same in both) or { en, zh } with at least one of them;
// a missing language shows the other.
function checkText(value, field, limit) {
  const one = (text, at) => {
    if (typeof text !== 'string' || text.trim() === '') throw new LessonError(at, expectLesson('text'), text);
    if (text.length > limit) throw new LessonError(at, expect('maxChars', { max: limit }), text);
    return text.trim();
  };
  if (typeof value === 'string') {
    const text = one(value, field);
    return { en: text, zh: text };
  }
  if (!isObject(value) || !TEXT_LANGS.some((lang) => lang in value)) throw new LessonError(field, expectLesson('text'), value);
  checkObject(value, field, TEXT_LANGS);
  const en = 'en' in value ? one(value.en, `${field}.en`) : null;
  const zh = 'zh' in value ? one(value.zh, `${field}.zh`) : null;
  return { en: en ?? zh, zh: zh ?? en };
}

// The lesson in `json` (parsed), checked. `names`: { presets, generators } the page has, and
// `checkSnapshot(snap)` (snapshot.js), which throws on a bad page state. Returns
// { version, title, steps: [{ title, text, setup, phase, highlight, quiz, task }] } with every
// text as { en, zh } and absent parts null.
export function checkLesson(json, names) {
  if (!isObject(json)) throw new LessonError('lesson', expect('object'), json);
  checkObject(json, '', FIELDS.lesson);
  if (json.version !== LESSON_VERSION) throw new LessonError('version', expectLesson('version', { version: LESSON_VERSION }), json.version);
  const title = checkText(json.title, 'title', LIMITS.title);
  if (!Array.isArray(json.steps) || json.steps.length === 0 || json.steps.length > MAX_STEPS) {
    throw new LessonError('steps', expectLesson('steps', { max: MAX_STEPS }), json.steps);
  }
  const steps = json.steps.map((step, i) => checkStep(step, `steps[${i}]`, names));
  return { version: LESSON_VERSION, title, steps };
}

// One step.
function checkStep(step, field, names) {
  checkObject(step, field, FIELDS.step);
  return {
    title: checkText(step.title, `${field}.title`, LIMITS.title),
    text: checkText(step.text, `${field}.text`, LIMITS.text),
    setup: step.setup === undefined ? null : checkSetup(step.setup, `${field}.setup`, names),
    phase: step.phase === undefined ? null : checkPhase(step.phase, `${field}.phase`),
    highlight: step.highlight === undefined ? null : checkHighlight(step.highlight, `${field}.highlight`),
    quiz: step.quiz === undefined ? null : checkQuiz(step.quiz, `${field}.quiz`),
    task: step.task === undefined ? null : checkTask(step.task, `${field}.task`, names),
  };
}

// A phase of a batch: Forward(l), Loss, Backward(l) or Update (the layer is checked against the
// network when the step is shown).
function checkPhase(value, field) {
  if (typeof value !== 'string' || !PHASE.test(value)) throw new LessonError(field, expectLesson('phase'), value);
  return value;
}

// What a step sets up: a preset or a whole page state, then data, settings, view and epochs.
function checkSetup(setup, field, names) {
  checkObject(setup, field, FIELDS.setup);
  if ('preset' in setup && 'snapshot' in setup) {
    throw new LessonError(`${field}.snapshot`, expectLesson('presetOrSnapshot'), setup.snapshot);
  }
  const checked = { preset: null, snapshot: null, data: null, settings: null, view: null, epochs: null };
  if ('preset' in setup) {
    if (!names.presets.includes(setup.preset)) {
      throw new LessonError(`${field}.preset`, expect('oneOf', { names: names.presets.join(', ') }), setup.preset);
    }
    checked.preset = setup.preset;
  }
  if ('snapshot' in setup) {
    try {
      names.checkSnapshot(setup.snapshot);
    } catch (error) {
      // snapshot.js says what it expected in English only.
      const at = error.field && error.field !== 'snapshot' ? `${field}.snapshot.${error.field}` : `${field}.snapshot`;
      throw new LessonError(at, expectLesson('snapshot', { expected: error.expected ?? error.message }), error.got);
    }
    checked.snapshot = setup.snapshot;
  }
  if ('data' in setup) checked.data = checkData(setup.data, `${field}.data`, names);
  // The core checks the settings' fields (at loading, on the step's own preset: lesson-setup.js).
  if ('settings' in setup) {
    if (!isObject(setup.settings)) throw new LessonError(`${field}.settings`, expect('object'), setup.settings);
    checked.settings = setup.settings;
  }
  if ('view' in setup) checked.view = checkView(setup.view, `${field}.view`);
  if ('epochs' in setup) checked.epochs = checkWhole(setup.epochs, `${field}.epochs`, 1, 100000);
  return checked;
}

// A generated data set: its kind, and points, noise, seed and classes (blobs) or their defaults.
function checkData(data, field, names) {
  checkObject(data, field, FIELDS.data);
  if (!names.generators.includes(data.generated)) {
    throw new LessonError(`${field}.generated`, expect('oneOf', { names: names.generators.join(', ') }), data.generated);
  }
  const spec = { name: data.generated, ...GENERATED_DEFAULTS };
  if ('points' in data) spec.points = checkWhole(data.points, `${field}.points`, 2, 10000);
  if ('noise' in data) {
    if (typeof data.noise !== 'number' || !(data.noise >= 0 && data.noise <= 1)) {
      throw new LessonError(`${field}.noise`, expect('numberRange', { lo: 0, hi: 1 }), data.noise);
    }
    spec.noise = data.noise;
  }
  if ('seed' in data) spec.seed = checkWhole(data.seed, `${field}.seed`, 0, 4294967295);
  if ('classes' in data) spec.classes = checkWhole(data.classes, `${field}.classes`, 3, 5);
  return spec;
}

// View settings: the chart tab and the switches of the charts and the inspector.
function checkView(view, field) {
  checkObject(view, field, Object.keys(VIEW));
  for (const [key, value] of Object.entries(view)) {
    const kind = VIEW[key];
    if (Array.isArray(kind) ? !kind.includes(value) : typeof value !== kind) {
      throw new LessonError(`${field}.${key}`, Array.isArray(kind) ? expect('oneOf', { names: kind.join(', ') }) : expect('boolean'), value);
    }
  }
  return { ...view };
}

// What a step highlights: a named part of the page, a flowchart box or a matrix cell; and its label.
function checkHighlight(highlight, field) {
  checkObject(highlight, field, FIELDS.highlight);
  const targets = ['panel', 'box', 'cell'].filter((key) => key in highlight);
  if (targets.length !== 1) throw new LessonError(field, expectLesson('highlight'), highlight);
  const checked = { panel: null, box: null, cell: null, label: null };
  if ('panel' in highlight) {
    if (!PANELS.includes(highlight.panel)) throw new LessonError(`${field}.panel`, expect('oneOf', { names: PANELS.join(', ') }), highlight.panel);
    checked.panel = highlight.panel;
  }
  if ('box' in highlight) {
    const box = highlight.box;
    if (typeof box !== 'string' || !(BOXES.includes(box) || PHASE.test(box))) {
      throw new LessonError(`${field}.box`, expectLesson('box', { names: BOXES.join(', ') }), box);
    }
    checked.box = box;
  }
  if ('cell' in highlight) checked.cell = checkCell(highlight.cell, `${field}.cell`);
  if ('label' in highlight) checked.label = checkText(highlight.label, `${field}.label`, LIMITS.label);
  return checked;
}

// A cell of the inspector: a matrix of a layer, its row and column, counted from 1 as the page
// shows them (rows of a batch's matrix are its samples; rows of W and ∂J/∂W are inputs).
function checkCell(cell, field) {
  checkObject(cell, field, FIELDS.cell);
  if (!MATRICES.includes(cell.matrix)) throw new LessonError(`${field}.matrix`, expect('oneOf', { names: MATRICES.join(', ') }), cell.matrix);
  return {
    matrix: cell.matrix,
    layer: checkWhole(cell.layer, `${field}.layer`, 1, 9),
    row: 'row' in cell ? checkWhole(cell.row, `${field}.row`, 1, 10000) : 1,
    col: 'col' in cell ? checkWhole(cell.col, `${field}.col`, 1, 1024) : 1,
  };
}

// Quiz mode: true (on, asking for the cell selected), false (off), or the cell to ask for
// ({ layer, sample, unit, input }, each counted from 1 and optional; quiz mode on). The layer is
// checked against the network when the step is shown; the rest is clamped as the equations clamp.
function checkQuiz(value, field) {
  if (typeof value === 'boolean') return value;
  if (!isObject(value)) throw new LessonError(field, expectLesson('quiz'), value);
  checkObject(value, field, FIELDS.quiz);
  const cell = {};
  for (const [key, hi] of Object.entries(QUIZ_LIMITS)) {
    if (key in value) cell[key] = checkWhole(value[key], `${field}.${key}`, 1, hi);
  }
  return cell;
}

// A task: its text and one goal, or a list of checks each with its own text and goal.
function checkTask(task, field, names) {
  checkObject(task, field, FIELDS.task);
  const text = checkText(task.text, `${field}.text`, LIMITS.text);
  if (('goal' in task) === ('checks' in task)) throw new LessonError(field, expectLesson('goalOrChecks'), task);
  if ('goal' in task) return { text, checks: [{ text: null, goal: checkCondition(task.goal, `${field}.goal`, names) }] };
  if (!Array.isArray(task.checks) || task.checks.length === 0 || task.checks.length > MAX_CHECKS) {
    throw new LessonError(`${field}.checks`, expectLesson('checks', { max: MAX_CHECKS }), task.checks);
  }
  const checks = task.checks.map((check, i) => {
    const at = `${field}.checks[${i}]`;
    checkObject(check, at, FIELDS.check);
    return { text: checkText(check.text, `${at}.text`, LIMITS.text), goal: checkCondition(check.goal, `${at}.goal`, names) };
  });
  return { text, checks };
}

// The names a lesson may use, from the wasm package's Playground class and the preset list.
export function lessonNames(Playground, presets) {
  return {
    presets,
    generators: JSON.parse(Playground.generators()).map((g) => g.name),
    data: [...new Set([...presets, ...JSON.parse(Playground.generators()).map((g) => g.name)])],
  };
}

// The depth (layers) a phase or cell needs: Forward(3) needs 3 layers; 0 for none.
export function layerOfPhase(phase) {
  const match = PHASE.exec(phase ?? '');
  return match?.[1] ? Number(match[1]) : 0;
}
