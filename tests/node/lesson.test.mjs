// Lesson files (www/lesson.js, docs/lesson-format.md): the built-in lesson is valid; every kind
// of bad field is refused with a message naming the field and the value, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkLesson, MAX_STEPS } from '../../www/lesson.js';
import { coreMessage } from '../../www/core-errors.js';
import zh from '../../www/messages/zh.js';

const ARTICLE = JSON.parse(readFileSync(new URL('../../www/lessons/article.json', import.meta.url), 'utf8'));
const PRESETS = ['circle', 'worked-example', 'logistic-regression', 'iris', 'digits'];
const GENERATORS = ['circle', 'xor', 'gauss', 'spiral', 'blobs', 'plane', 'sine'];
// A page-state check that refuses a snapshot without a session, as snapshot.js does.
function checkSnapshot(snap) {
  if (typeof snap?.session !== 'string') {
    const error = new Error('session must be a session file’s text');
    Object.assign(error, { field: 'session', expected: 'a session file’s text', got: snap?.session });
    throw error;
  }
}
const NAMES = { presets: PRESETS, generators: GENERATORS, data: [...new Set([...PRESETS, ...GENERATORS])], checkSnapshot };

// The smallest lesson: one step with a title and a text.
const small = () => ({ version: 1, title: 'T', steps: [{ title: { en: 'One', zh: '一' }, text: { en: 'Text', zh: '文字' } }] });

// The message checkLesson throws for `lesson`, in English and in Chinese.
function refusal(lesson) {
  try {
    checkLesson(lesson, NAMES);
  } catch (error) {
    return { en: error.message, zh: coreMessage(error, zh), field: error.field };
  }
  return null;
}

test('the built-in lesson follows the article in at least 12 steps, each in both languages, with three tasks or more', () => {
  const lesson = checkLesson(ARTICLE, NAMES);
  assert.ok(lesson.steps.length >= 12, `${lesson.steps.length} steps`);
  for (const step of lesson.steps) {
    for (const lang of ['en', 'zh']) {
      assert.ok(ARTICLE.steps[lesson.steps.indexOf(step)].text[lang], `every step has its own ${lang} text`);
      assert.ok(step.text[lang].length > 80, step.title.en);
    }
  }
  assert.ok(lesson.steps.filter((step) => step.task).length >= 3);
  // The article's parts, in its order: the flowchart, the worked example, the loss, δ, the
  // gradients, the update, the kinds of gradient descent, preprocessing, section 5, the errata.
  const titles = lesson.steps.map((step) => step.title.en.toLowerCase()).join(' | ');
  for (const part of ['training loop', 'forward pass', 'loss', 'δ at the output', 'δ in a hidden', 'gradients', 'update',
    'sgd', 'preprocessing', 'logistic regression', 'bugs', 'errata']) {
    assert.ok(titles.includes(part), `${part} in ${titles}`);
  }
});

test('a text may be one string, or one language alone, which the other shows', () => {
  const lesson = small();
  lesson.steps[0].text = 'Same';
  lesson.steps[0].title = { zh: '只有中文' };
  const checked = checkLesson(lesson, NAMES);
  assert.deepEqual(checked.steps[0].text, { en: 'Same', zh: 'Same' });
  assert.deepEqual(checked.steps[0].title, { en: '只有中文', zh: '只有中文' });
  assert.deepEqual(checked.steps[0].setup, null);
});

test('each kind of bad field is refused, naming the field and the value, in English and Chinese', () => {
  const cases = [
    [(l) => { l.version = 2; }, 'version must be version 1 of the lesson format, got 2'],
    [(l) => { delete l.title; }, 'title must be a text, or {"en": "…", "zh": "…"} with at least one of the two, got nothing (the field is missing)'],
    [(l) => { l.steps = []; }, `steps must be a list of 1 to ${MAX_STEPS} steps, got []`],
    [(l) => { l.steps[0].setp = {}; }, 'steps[0].setp must be one of the known fields (title, text, setup, phase, highlight, quiz, task), got an unknown field'],
    [(l) => { l.steps[0].text = { en: 'a', fr: 'b' }; }, 'steps[0].text.fr must be one of the known fields (en, zh), got an unknown field'],
    [(l) => { l.steps[0].text = { en: '' }; }, 'steps[0].text.en must be a text, or {"en": "…", "zh": "…"} with at least one of the two, got ""'],
    [(l) => { l.steps[0].setup = { preset: 'xor' }; }, 'steps[0].setup.preset must be one of circle, worked-example, logistic-regression, iris, digits, got "xor"'],
    [(l) => { l.steps[0].setup = { preset: 'circle', snapshot: {} }; }, 'steps[0].setup.snapshot must be absent beside a preset'],
    [(l) => { l.steps[0].setup = { snapshot: { version: 2 } }; }, 'steps[0].setup.snapshot.session must be a page state as the page saves it: a session file’s text, got nothing'],
    [(l) => { l.steps[0].setup = { data: { generated: 'moons' } }; }, 'steps[0].setup.data.generated must be one of circle, xor, gauss, spiral, blobs, plane, sine, got "moons"'],
    [(l) => { l.steps[0].setup = { data: { generated: 'spiral', noise: 2 } }; }, 'steps[0].setup.data.noise must be a number from 0 to 1, got 2'],
    [(l) => { l.steps[0].setup = { settings: [1] }; }, 'steps[0].setup.settings must be an object { … }, got [1]'],
    [(l) => { l.steps[0].setup = { view: { chart: 'pie' } }; }, 'steps[0].setup.view.chart must be one of loss, accuracy, boundary, got "pie"'],
    [(l) => { l.steps[0].setup = { epochs: 0 }; }, 'steps[0].setup.epochs must be a whole number from 1 to 100000, got 0'],
    [(l) => { l.steps[0].phase = 'Backprop'; }, 'steps[0].phase must be a phase: Forward(l), Loss, Backward(l) or Update, got "Backprop"'],
    [(l) => { l.steps[0].highlight = { panel: 'loop', box: 'Loss' }; }, 'steps[0].highlight must be exactly one of panel, box and cell'],
    [(l) => { l.steps[0].highlight = { panel: 'sidebar' }; }, 'steps[0].highlight.panel must be one of data, prep,'],
    [(l) => { l.steps[0].highlight = { box: 'Forward(0)' }; }, 'steps[0].highlight.box must be a box of the flowchart: data, init, stop, end, or a phase'],
    [(l) => { l.steps[0].highlight = { cell: { matrix: 'delta', layer: 0 } }; }, 'steps[0].highlight.cell.layer must be a whole number from 1 to 9, got 0'],
    [(l) => { l.steps[0].highlight = { cell: { matrix: 'dz', layer: 1 } }; }, 'steps[0].highlight.cell.matrix must be one of input, z, a, y, delta, dw, db, w, w_new, b, b_new, got "dz"'],
    [(l) => { l.steps[0].task = { text: 'x' }; }, 'steps[0].task must be a goal or a list of checks (one of the two)'],
    [(l) => { l.steps[0].task = { text: 'x', goal: { accuracy: { at_least: 0.9 } } }; }, 'steps[0].task.goal.accuracy must be one of the known fields (all, any, not, status,'],
    [(l) => { l.steps[0].task = { text: 'x', goal: { status: 'Exploded' } }; }, 'steps[0].task.goal.status must be one of Running, TargetReached, MaxEpochs, Diverged, got "Exploded"'],
    [(l) => { l.steps[0].task = { text: 'x', goal: { all: [{ data: 'spiral' }, { test_accuracy: { at_least: '90%' } }] } }; }, 'steps[0].task.goal.all[1].test_accuracy.at_least must be a finite number, got "90%"'],
    [(l) => { l.steps[0].task = { text: 'x', goal: { hidden_layers: { fewer: 3 } } }; }, 'steps[0].task.goal.hidden_layers.fewer must be one of the known fields (at_least, at_most, above, below, equals)'],
    [(l) => { l.steps[0].task = { text: 'x', goal: { data: 'spiral', status: 'Diverged' } }; }, 'steps[0].task.goal must be a condition: an object with one of all, any, not,'],
    [(l) => { l.steps[0].task = { text: 'x', checks: [{ text: 'a', goal: { any: [] } }] }; }, 'steps[0].task.checks[0].goal.any must be a list of 1 to 20 conditions, got []'],
  ];
  for (const [spoil, expected] of cases) {
    const lesson = small();
    spoil(lesson);
    const got = refusal(lesson);
    assert.ok(got, `accepted: ${expected}`);
    assert.ok(got.en.startsWith(expected), `\n${got.en}\n${expected}`);
    // The Chinese names the same field, and the bad value, in Chinese words.
    assert.ok(got.zh.startsWith(got.field), got.zh);
    assert.notEqual(got.zh, got.en);
    assert.match(got.zh, /应为/);
  }
});

test('a step\'s quiz is true, false or a cell counted from 1, each part optional; absent, it is null', () => {
  const lesson = small();
  lesson.steps.push(...[true, false, {}, { layer: 2, sample: 3, unit: 1, input: 4 }, { unit: 1024, sample: 10000, layer: 9 }]
    .map((quiz) => ({ title: 'Q', text: 'Predict', quiz })));
  const checked = checkLesson(lesson, NAMES);
  assert.deepEqual(checked.steps.map((step) => step.quiz),
    [null, true, false, {}, { layer: 2, sample: 3, unit: 1, input: 4 }, { layer: 9, sample: 10000, unit: 1024 }]);
});

test('a bad quiz is refused naming its field and the value, in English and Chinese', () => {
  const cases = [
    [1, 'steps[0].quiz must be true, false or the cell to ask for: an object of layer, sample, unit and input, each counted from 1, got 1'],
    ['on', 'steps[0].quiz must be true, false or the cell to ask for', '"on"'],
    [[1, 1], 'steps[0].quiz must be true, false or the cell to ask for', '[1,1]'],
    [{ row: 1 }, 'steps[0].quiz.row must be one of the known fields (layer, sample, unit, input), got an unknown field'],
    [{ unit: 0 }, 'steps[0].quiz.unit must be a whole number from 1 to 1024, got 0'],
    [{ unit: 1025 }, 'steps[0].quiz.unit must be a whole number from 1 to 1024, got 1025'],
    [{ layer: 10 }, 'steps[0].quiz.layer must be a whole number from 1 to 9, got 10'],
    [{ sample: 1.5 }, 'steps[0].quiz.sample must be a whole number from 1 to 10000, got 1.5'],
    [{ input: '2' }, 'steps[0].quiz.input must be a whole number from 1 to 1024, got "2"'],
    [{ unit: 1, input: -1 }, 'steps[0].quiz.input must be a whole number from 1 to 1024, got -1'],
  ];
  for (const [quiz, expected, value] of cases) {
    const lesson = small();
    lesson.steps[0].quiz = quiz;
    const got = refusal(lesson);
    assert.ok(got, `accepted: ${JSON.stringify(quiz)}`);
    assert.ok(got.en.startsWith(expected), `\n${got.en}\n${expected}`);
    if (value) assert.ok(got.en.endsWith(`got ${value}`), got.en);
    assert.ok(got.zh.startsWith(got.field), got.zh);
    assert.match(got.zh, /应为/);
    assert.notEqual(got.zh, got.en);
  }
});

test('the built-in lesson asks the quiz for a₁ of the next sample right after the update, and turns it off at the next step', () => {
  const steps = checkLesson(ARTICLE, NAMES).steps;
  const update = steps.findIndex((step) => step.title.en === 'The update');
  const asked = steps[update + 1];
  assert.equal(asked.phase, 'Forward(1)');
  assert.deepEqual(asked.quiz, { unit: 1 });
  assert.equal(steps[update + 2].quiz, false);
  assert.equal(steps[update + 2].setup?.preset, 'circle');
  assert.deepEqual(steps.filter((step) => step.quiz !== null).length, 2, 'no other step touches quiz mode');
});

test('a lesson that is no object, or whose steps are no list, is refused too', () => {
  assert.match(refusal(null).en, /^lesson must be an object \{ … \}, got null/);
  assert.match(refusal([]).en, /^lesson must be an object/);
  assert.match(refusal({ version: 1, title: 'T', steps: {} }).en, /^steps must be a list of 1 to/);
});
