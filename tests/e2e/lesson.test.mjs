// The guided lesson (views/lesson.js, lesson-setup.js, docs/lesson-format.md) in a real browser,
// in English and Chinese: the built-in lesson from its first step to its last with Next, each
// step's numbers on screen and its highlight on the part it names; Back, Page Up / Page Down and
// the step menu; ?lesson=article&step=N shows what clicking through shows; a lesson file with a
// bad field (picked, or named in the address) is refused naming the field and its value and the
// page stays as it was; a task is met when its goal holds and not before, marked and announced;
// the page stays usable between steps; the lesson's step survives a snapshot and a reload; axe
// finds nothing serious in the panel; screenshots on a laptop and on a projector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, screenshot, settled, readNumber, LAPTOP, PROJECTOR } from './harness.mjs';
import { foreignWords } from './words.mjs';
import { audit } from './axe.mjs';

const browser = useBrowser();
const ARTICLE = JSON.parse(readFileSync(new URL('../../www/lessons/article.json', import.meta.url), 'utf8'));
const DOC = readFileSync(new URL('../../docs/lesson-format.md', import.meta.url), 'utf8');
const LAST = ARTICLE.steps.length - 1;

// What each highlight's panel name means on the page: the test's own list, so that a lesson-mark
// that outlines the wrong part fails.
const PANELS = {
  flowchart: '#flowchart',
  network: '.panel-network',
  readouts: '.panel-loop .readouts',
  settings: '#settings',
  charts: '.panel-charts',
  prep: '#prep-step',
  errata: '#errata',
  equations: 'aside.equations',
};

// Wait until the lesson panel shows step `index` (from 0), set up, and the page has settled.
async function atStep(page, index) {
  await page.waitForFunction((i) => {
    const panel = document.getElementById('lesson');
    return !panel.hidden && panel.dataset.step === String(i) && panel.dataset.busy === 'false';
  }, index);
  await settled(page);
}

// The numbers of one of the inspector's matrices as the page shows them (its table for screen
// readers holds every cell as the tooltip words it), row by row.
function onScreen(page, matrix) {
  return page.evaluate((key) => {
    const table = document.querySelector(`#inspector-view .matrix[data-matrix="${key}"] .matrix-table`);
    return [...table.tBodies[0].rows].map((row) => [...row.cells].slice(1).map((cell) => Number(cell.textContent.replace('−', '-'))));
  }, matrix);
}

// `actual` (a matrix) equals `expected` to 1e-12: the update's 0.5 − 0.1 × (−1.5) is 0.65 in
// decimal, not quite in binary.
function near(actual, expected, what) {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((row, i) => {
    assert.equal(row.length, expected[i].length, what);
    row.forEach((x, j) => assert.ok(Math.abs(x - expected[i][j]) < 1e-12, `${what}: ${JSON.stringify(actual)}`));
  });
}

// The page's facts: the core's trace and history, and the store's preset, data, view and lesson.
function facts(page) {
  return page.evaluate(async () => {
    const { store } = (await import('/www/bundle.js')).state;
    const { settingsOpen } = (await import('/www/bundle.js')).settings;
    return {
      trace: JSON.parse(window.playground.trace()),
      history: JSON.parse(window.playground.history()),
      session: JSON.parse(window.playground.toSession()),
      summary: JSON.parse(window.playground.dataSummary()),
      preset: store.preset,
      source: { kind: store.data.source.kind, name: store.data.source.name ?? store.data.source.preset },
      view: { ...store.view },
      selection: { ...store.selection },
      lesson: { source: store.lesson.source, step: store.lesson.step, open: store.lesson.open, met: store.lesson.met },
      quiz: { ...store.quiz },
      settingsOpen: settingsOpen(),
      prepOpen: document.getElementById('prep-step').open,
      errataShown: document.getElementById('errata').checkVisibility(),
      address: window.location.search,
    };
  });
}

// The highlight's outline and its label, and the box of the part it should be on.
function markOf(page, highlight) {
  return page.evaluate(({ highlight, panels }) => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const mark = document.querySelector('.lesson-mark');
    let target;
    if (highlight.panel) target = document.querySelector(panels[highlight.panel]);
    else if (highlight.box) target = document.querySelector(`#flowchart .flow-node[data-key="${highlight.box}"]`);
    else target = document.querySelector(`#inspector-view .matrix[data-matrix="${highlight.cell.matrix}"] .matrix-mark`);
    return { shown: !mark.hidden, label: mark.textContent, mark: box(mark), target: target ? box(target) : null, inner: innerWidth, innerH: innerHeight };
  }, { highlight, panels: PANELS });
}

// The outline is on the named part: inside its box (with the 4 px of room the outline keeps), and
// for a cell or a box around all of it; its label is the step's, in the page's language.
async function checkMark(page, step, lang) {
  const { highlight } = step;
  const got = await markOf(page, highlight);
  const where = `${step.title.en}: ${JSON.stringify(got)}`;
  assert.ok(got.shown, `the highlight shows (${where})`);
  assert.ok(got.target, `its part is on the page (${where})`);
  if (highlight.label) assert.equal(got.label, highlight.label[lang]);
  const room = 4 + 1.5;
  const { mark, target } = got;
  assert.ok(mark.left >= target.left - room && mark.top >= target.top - room && mark.right <= target.right + room
    && mark.bottom <= target.bottom + room, `the outline is within its part (${where})`);
  assert.ok(mark.right - mark.left > 8 && mark.bottom - mark.top > 8, `the outline has a size (${where})`);
  if (!highlight.panel) {
    assert.ok(mark.left <= target.left - 2 && mark.top <= target.top - 2 && mark.right >= target.right + 2 && mark.bottom >= target.bottom + 2,
      `the outline is around the whole ${highlight.box ? 'box' : 'cell'} (${where})`);
  }
}

// What each step of the built-in lesson promises, checked on the page's facts (from 0).
const PROMISES = {
  0: async (page, f) => {
    assert.equal(f.preset, 'worked-example');
    assert.equal(f.trace.phase, 'Forward(1)');
  },
  2: async (page, f) => {
    assert.equal(f.trace.phase, 'Loss', 'the forward pass is done, J not yet');
    assert.deepEqual(f.trace.layers[0].a, [[1.5, 1.5]]);
    assert.deepEqual(await onScreen(page, 'a'), [[1.5, 1.5]], 'ŷ₁ = [1.5, 1.5] on screen');
    assert.deepEqual([f.selection.layer, f.selection.row, f.selection.col], [0, 0, 0]);
  },
  3: async (page, f) => {
    assert.equal(f.trace.phase, 'Backward(1)');
    assert.equal(f.trace.loss, 4.25);
    assert.equal(readNumber(await page.textContent('#loss')), 4.25, 'J = 4.25 in the readout');
  },
  4: async (page, f) => {
    assert.equal(f.trace.phase, 'Update');
    assert.deepEqual(await onScreen(page, 'delta'), [[-1.5, -2.5]]);
    assert.deepEqual([f.selection.row, f.selection.col], [0, 1]);
  },
  5: async (page) => {
    assert.deepEqual(await onScreen(page, 'dw'), [[-1.5, -2.5], [-3, -5]]);
  },
  6: async (page, f) => {
    assert.equal(f.trace.phase, 'Forward(1)', 'the update done, the next sample next');
    near(await onScreen(page, 'w_new'), [[0.65, 0.75], [0.8, 1]], 'W after the update');
    near(await onScreen(page, 'b_new'), [[0.15, 0.25]], 'b after the update');
  },
  7: async (page, f) => {
    // Quiz mode on, asking for a₁ of the next forward pass (the second sample) before it is done.
    assert.equal(f.trace.phase, 'Forward(1)');
    assert.equal(f.trace.epoch, 0, 'still the first epoch');
    assert.equal(f.quiz.on, true);
    assert.equal(f.selection.col, 0);
    assert.ok(await page.locator('#quiz').isVisible(), 'the quiz box is on show');
    assert.match(await page.locator('#quiz-question').innerText(), /a⁽¹⁾₁/);
  },
  8: async (page, f) => {
    assert.equal(f.quiz.on, false, 'the step after the quiz turns quiz mode off');
    assert.ok(await page.locator('#quiz').isHidden());
    assert.equal(f.preset, 'circle');
    assert.equal(f.trace.phase, 'Backward(1)');
    assert.equal(f.trace.layers.length, 3);
    assert.equal(f.selection.layer, 1);
    const delta = await onScreen(page, 'delta');
    assert.ok(delta.length > 0 && delta[0].every(Number.isFinite), 'δ⁽²⁾ on screen');
    assert.deepEqual(delta[0], f.trace.layers[1].delta[0]);
  },
  9: async (page, f) => {
    assert.equal(f.preset, 'worked-example');
    assert.equal(f.session.training.max_epochs, 1000);
    assert.ok(f.settingsOpen, 'the settings are open on the learning rate');
  },
  10: async (page, f) => {
    assert.equal(f.preset, 'circle');
    assert.equal(f.session.training.target_loss, 0.1);
    assert.equal(f.view.chart, 'loss');
    assert.equal(f.settingsOpen, false, 'the settings the step before opened are closed');
  },
  11: async (page, f) => {
    assert.equal(f.preset, 'logistic-regression');
    assert.ok(f.prepOpen, 'the preprocessing step is open');
    assert.equal(f.summary.standardized, true);
  },
  12: async (page, f) => {
    assert.equal(f.trace.epochs_done, 1000);
    assert.equal(f.history.test_accuracy.length, 1000);
    assert.equal(f.view.chart, 'accuracy');
    assert.ok(await page.locator('#accuracy-canvas').isVisible(), 'the accuracy chart is on show');
  },
  13: async (page, f) => {
    // Afresh: the first batch's gradients, before training stopped at its last epoch.
    assert.equal(f.preset, 'logistic-regression');
    assert.equal(f.trace.epochs_done, 0);
    assert.equal(f.trace.phase, 'Update');
    const dw = await onScreen(page, 'dw');
    assert.deepEqual([dw.length, dw[0].length], [2, 1], '∂J/∂W is 2 × 1');
  },
  14: async (page, f) => {
    assert.equal(f.preset, 'worked-example');
    assert.equal(f.trace.phase, 'Update');
    assert.ok(f.errataShown, 'the errata are on show');
  },
  15: async (page, f) => {
    assert.deepEqual(f.source, { kind: 'generated', name: 'spiral' });
    assert.equal(f.view.chart, 'boundary');
  },
};

for (const lang of ['en', 'zh']) {
  test(`the built-in lesson runs from step 1 to step ${LAST + 1} with Next, each step set up and highlighted (${lang})`, async (t) => {
    const page = await browser.open(t, { query: `?lang=${lang}` });
    await page.click('#lesson-button');
    const traces = [];
    for (let i = 0; i <= LAST; i += 1) {
      if (i > 0) await page.click('#lesson-next');
      await atStep(page, i);
      const step = ARTICLE.steps[i];
      const f = await facts(page);
      assert.equal(f.lesson.step, i);
      assert.match(f.address, new RegExp(`lesson=article&step=${i + 1}(&|$)`), 'the address follows the step');
      // The step's own words, in the page's language.
      const text = await page.locator('#lesson .lesson-text').innerText();
      assert.ok(text.includes(step.text[lang].split('\n')[0].replace(/\*/g, '').slice(0, 40)), `${step.title.en}: ${text.slice(0, 80)}`);
      assert.ok((await page.locator('#lesson-steps option:checked').textContent()).includes(step.title[lang]));
      if (PROMISES[i]) await PROMISES[i](page, f);
      if (step.highlight) await checkMark(page, step, lang);
      assert.equal(await page.isVisible('#lesson .lesson-task'), Boolean(step.task), `${step.title.en}: its task`);
      if (lang === 'zh') assert.deepEqual(await foreignWords(page), [], `${step.title.en}: no English words`);
      traces.push(f.trace);
    }
    assert.equal(await page.isDisabled('#lesson-next'), true, 'no step after the last');
    if (lang === 'en') {
      // A link to a step shows what clicking through showed (the steps after one that starts afresh).
      for (const i of [2, 6, 7, 12, 15]) {
        const linked = await browser.open(t, { query: `?lesson=article&step=${i + 1}` });
        await atStep(linked, i);
        assert.deepEqual((await facts(linked)).trace, traces[i], `step ${i + 1} by its link`);
      }
    }
  });
}

test('Back, Page Up / Page Down and the step menu walk the steps; ?lesson=article&step=N opens step N', async (t) => {
  const page = await browser.open(t, { query: '?lesson=article&step=5' });
  await atStep(page, 4);
  await PROMISES[4](page, await facts(page));
  await page.keyboard.press('PageDown');
  await atStep(page, 5);
  await PROMISES[5](page, await facts(page));
  await page.keyboard.press('PageUp');
  await atStep(page, 4);
  await PROMISES[4](page, await facts(page));
  // Back rebuilds the step before from the step that starts afresh: J = 4.25 again.
  await page.click('#lesson-back');
  await atStep(page, 3);
  await PROMISES[3](page, await facts(page));
  // From the circle's step back to the worked example's quiz step and its update.
  await page.selectOption('#lesson-steps', '8');
  await atStep(page, 8);
  await PROMISES[8](page, await facts(page));
  await page.keyboard.press('PageUp');
  await atStep(page, 7);
  await PROMISES[7](page, await facts(page));
  await page.keyboard.press('PageUp');
  await atStep(page, 6);
  await PROMISES[6](page, await facts(page));
  for (let i = 5; i >= 0; i -= 1) {
    await page.keyboard.press('PageUp');
    await atStep(page, i);
  }
  assert.equal(await page.isDisabled('#lesson-back'), true);
  await page.keyboard.press('PageUp');
  await settled(page);
  assert.equal((await facts(page)).lesson.step, 0, 'nothing before the first step');
  // Closed, the keys are the page's again; opened, the lesson is at the step it was.
  await page.click('.lesson-close');
  await page.keyboard.press('PageDown');
  await settled(page);
  assert.equal((await facts(page)).lesson.step, 0);
  assert.doesNotMatch((await facts(page)).address, /lesson=/, 'a closed lesson leaves the address');
  await page.click('#lesson-button');
  await atStep(page, 0);
});

// A lesson file with `change` made to a copy of the smallest valid one.
function lessonWith(change) {
  const lesson = {
    version: 1,
    title: 'Mine',
    steps: [
      { title: 'One', text: 'First', setup: { preset: 'worked-example' } },
      { title: 'Two', text: 'Second', setup: { preset: 'circle' } },
    ],
  };
  change(lesson);
  return JSON.stringify(lesson, null, 2);
}

// The bad files, each with what the message must name: the field and the value found.
const BAD = [
  ['an unknown preset', lessonWith((l) => { l.steps[1].setup.preset = 'cirkle'; }), ['steps[1].setup.preset', '"cirkle"']],
  ['a settings patch the core refuses', lessonWith((l) => { l.steps[0].setup.settings = { training: { learning_rate: -1 } }; }),
    ['steps[0].setup.settings.training.learning_rate', '-1']],
  ['a task condition of no known name', lessonWith((l) => { l.steps[0].task = { text: 'Do', goal: { accuracy: { above: 0.9 } } }; }),
    ['steps[0].task.goal.accuracy']],
  ['a phase of a layer the network lacks', lessonWith((l) => { l.steps[0].phase = 'Forward(3)'; }), ['steps[0].phase', '"Forward(3)"']],
  ['a quiz cell counted from 0', lessonWith((l) => { l.steps[0].quiz = { unit: 0 }; }), ['steps[0].quiz.unit']],
  // Found when the file is opened, not when the step is reached (the circle has 3 layers).
  ['a quiz cell of a layer the network lacks', lessonWith((l) => { l.steps[1].quiz = { layer: 4 }; }), ['steps[1].quiz.layer', '4']],
];

for (const lang of ['en', 'zh']) {
  test(`a lesson file with a bad field is refused naming the field and its value, and the page stays as it was (${lang})`, async (t) => {
    const page = await browser.open(t, { query: `?lesson=article&step=4&lang=${lang}` });
    await atStep(page, 3);
    await page.click('#step-phase');
    await settled(page);
    const before = await facts(page);
    const words = lang === 'en' ? /must be/ : /应为.*实际为/;
    for (const [what, text, named] of BAD) {
      await page.setInputFiles('#lesson-file', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForFunction(() => !document.querySelector('#lesson .lesson-problem').hidden);
      await atStep(page, 3);
      const message = await page.textContent('#lesson .lesson-problem');
      for (const part of named) assert.ok(message.includes(part), `${what}: ${message} names ${part}`);
      assert.match(message, words, `${what}: ${message}`);
      const after = await facts(page);
      assert.deepEqual(after.trace, before.trace, `${what}: the session is as it was`);
      assert.deepEqual(after.lesson, before.lesson, `${what}: the lesson is as it was`);
      assert.equal(await page.locator('#lesson .lesson-name').textContent(), ARTICLE.title[lang]);
    }
    // Not JSON: where the mistake is.
    await page.setInputFiles('#lesson-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "version": 1,\n  "title": "x",,\n}') });
    await page.waitForFunction(() => /3/.test(document.querySelector('#lesson .lesson-problem').textContent));
    assert.match(await page.textContent('#lesson .lesson-problem'), lang === 'en' ? /broken\.json.*line 3/ : /broken\.json.*第 ?3 ?行/);
    assert.deepEqual((await facts(page)).trace, before.trace);
    // Named in the address: the page opens as it would without the lesson, and says why.
    const bad = BAD[0];
    const plain = await browser.open(t, { query: `?lang=${lang}` });
    const named = await browser.open(t, { query: `?lesson=lessons/mine.json&lang=${lang}`, files: { 'lessons/mine.json': bad[1] } });
    await named.waitForFunction(() => !document.querySelector('#lesson .lesson-problem').hidden);
    const message = await named.textContent('#lesson .lesson-problem');
    for (const part of bad[2]) assert.ok(message.includes(part), `${message} names ${part}`);
    assert.match(message, words);
    const opened = await facts(named);
    assert.deepEqual(opened.trace, (await facts(plain)).trace, 'the page is the one without a lesson');
    assert.equal(opened.preset, 'circle');
    assert.equal(await named.isVisible('#lesson .lesson-text'), false, 'no step on show');
    // The page works: a phase steps.
    await named.click('#step-phase');
    await settled(named);
    assert.equal((await facts(named)).trace.phase, 'Forward(2)');
    // A lesson on another site is refused before anything is asked of it.
    const other = await browser.open(t, { query: `?lesson=${encodeURIComponent('https://example.com/lesson.json')}&lang=${lang}` });
    await other.waitForFunction(() => !document.querySelector('#lesson .lesson-problem').hidden);
    assert.match(await other.textContent('#lesson .lesson-problem'), lang === 'en' ? /another site/ : /其他网站|另一个网站|别的网站/);
  });
}

test('the example files of docs/lesson-format.md open, from the file picker and from a path on the same site', async (t) => {
  const blocks = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 2, 'the format has its smallest file and its example');
  const example = blocks.find((b) => b.includes('"checks"'));
  // By its path, at its second step: J = 4.25 on the worked example, the readouts outlined.
  const page = await browser.open(t, { query: '?lesson=lessons/example.json&step=2', files: { 'lessons/example.json': example } });
  await atStep(page, 1);
  const f = await facts(page);
  assert.equal(f.trace.loss, 4.25);
  assert.equal(f.lesson.source, 'lessons/example.json');
  await checkMark(page, JSON.parse(example).steps[1] && { ...JSON.parse(example).steps[1], highlight: { panel: 'readouts' } }, 'en');
  // The smallest file, picked: one step, its text, no Next.
  await page.setInputFiles('#lesson-file', { name: 'smallest.json', mimeType: 'application/json', buffer: Buffer.from(blocks[0]) });
  await page.waitForFunction(() => document.querySelector('#lesson .lesson-name').textContent === 'One step');
  await atStep(page, 0);
  assert.match(await page.locator('#lesson .lesson-text').innerText(), /Press Next phase/);
  assert.equal(await page.isDisabled('#lesson-next'), true);
  assert.doesNotMatch((await facts(page)).address, /lesson=/, 'a file from the disk has no address');
});

test('the quiz example of docs/lesson-format.md asks the cells it says, and the numbers it works out are right', async (t) => {
  const example = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('"quiz"'));
  assert.ok(example, 'the format has a quiz example');
  // The numbers the text after the example works out by hand: "(… = 0.8)", "(… = 6.5)".
  const section = DOC.slice(DOC.indexOf(example) + example.length);
  const claims = [...section.slice(0, section.indexOf('###')).matchAll(/= (-?[\d.]+)\)/g)].map((m) => m[1]);
  assert.equal(claims.length, 2, section.slice(0, 400));
  const page = await browser.open(t, { query: '?lesson=lessons/quiz.json', files: { 'lessons/quiz.json': example } });
  const field = page.getByRole('textbox', { name: /answer/i });
  const status = page.locator('#quiz').getByRole('status');
  for (const [i, symbol] of [[0, /w⁽¹⁾₂₁/], [1, /a⁽¹⁾₂/]]) {
    if (i > 0) await page.click('#lesson-next');
    await atStep(page, i);
    assert.match(await page.locator('#quiz-question').innerText(), symbol);
    await field.fill(claims[i]);
    await field.press('Enter');
    await settled(page);
    assert.match(await status.innerText(), /^Right/, `step ${i + 1}: ${claims[i]}`);
  }
  await page.click('#lesson-next');
  await atStep(page, 2);
  assert.deepEqual((await facts(page)).quiz, { on: false, right: 2, answered: 2 });
});

// Type `value` as the learning rate and apply it.
async function setRate(page, value) {
  if (!(await page.isVisible('#set-lr'))) await page.click('#settings-toggle');
  await page.fill('#set-lr', value);
  await page.press('#set-lr', 'Enter');
}

for (const lang of ['en', 'zh']) {
  test(`a task is marked met and announced when its goal holds, not before; the page stays usable between steps (${lang})`, async (t) => {
    const page = await browser.open(t, { query: `?lesson=article&step=10&lang=${lang}` });
    await atStep(page, 9);
    const task = page.locator('#lesson .lesson-task');
    const status = page.locator('#lesson-status');
    assert.equal(await status.getAttribute('role'), 'status');
    const open = async (why) => {
      await settled(page);
      assert.equal(await task.evaluate((el) => el.classList.contains('is-met')), false, why);
      assert.equal(await status.textContent(), '', `${why}: nothing announced`);
      assert.equal(await page.locator('#lesson .lesson-checks li').count(), 0, why);
    };
    await open('at first');
    // Stepping by hand: the page is usable with the lesson open, and the goal does not hold.
    await page.click('#step-phase');
    await page.click('#step-phase');
    await open('after two phases');
    // α = 0.1 trains to its 1000 epochs without diverging.
    await page.click('#run-to-end');
    await page.waitForFunction(() => document.getElementById('phase').dataset.phase === 'MaxEpochs');
    await open('at the last epoch with α = 0.1');
    // α = 0.5 diverges.
    await page.click('#reset');
    await setRate(page, '0.5');
    await page.click('#run-to-end');
    await page.waitForFunction(() => document.getElementById('phase').dataset.phase === 'Diverged');
    await page.waitForFunction(() => document.querySelector('#lesson .lesson-task').classList.contains('is-met'));
    const epoch = (await facts(page)).trace.epochs_done;
    const item = page.locator('#lesson .lesson-checks li');
    assert.equal(await item.count(), 1);
    assert.equal(await item.getAttribute('data-met'), 'true');
    assert.ok((await item.textContent()).includes(String(epoch)), `${await item.textContent()} says epoch ${epoch}`);
    assert.match(await status.textContent(), lang === 'en' ? /task of step 10 is done/ : /第 ?10 ?步.*完成/);
    assert.match(await page.textContent('#lesson .lesson-task-state'), lang === 'en' ? /done/ : /完成/);
    assert.deepEqual((await facts(page)).lesson.met, { 9: { 0: epoch } });
    // Met stays met: a step back leaves the mark.
    await page.click('#step-back');
    await settled(page);
    assert.equal(await task.evaluate((el) => el.classList.contains('is-met')), true);
    if (lang === 'zh') assert.deepEqual(await foreignWords(page), []);

    // Two checks: SGD first, BGD later; the first is announced alone.
    await page.click('#lesson-next');
    await atStep(page, 10);
    assert.equal(await status.textContent(), '', 'a new step starts silent');
    const checks = page.locator('#lesson .lesson-checks li');
    assert.equal(await checks.count(), 2);
    assert.deepEqual(await checks.evaluateAll((els) => els.map((el) => el.dataset.met)), ['false', 'false']);
    await page.click('#settings-toggle');
    await page.click('#use-sgd');
    await page.click('#settings-close');
    await page.click('#run-to-end');
    await page.waitForFunction(() => document.getElementById('phase').dataset.phase === 'TargetReached', null, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('#lesson .lesson-checks li').dataset.met === 'true');
    const sgd = await facts(page);
    assert.equal(sgd.session.training.batch_size, 1);
    assert.ok(sgd.history.train_loss.at(-1) < 0.1);
    assert.deepEqual(await checks.evaluateAll((els) => els.map((el) => el.dataset.met)), ['true', 'false']);
    assert.equal(await task.evaluate((el) => el.classList.contains('is-met')), false, 'one check of two');
    const said = await status.textContent();
    assert.ok(said.includes(ARTICLE.steps[10].task.checks[0].text[lang]) && said.includes(String(sgd.trace.epochs_done)), said);
    await page.click('#settings-toggle');
    await page.click('#use-all');
    await page.click('#settings-close');
    await page.click('#run-to-end');
    await page.waitForFunction(() => document.querySelector('#lesson .lesson-task').classList.contains('is-met'), null, { timeout: 60_000 });
    assert.deepEqual(await checks.evaluateAll((els) => els.map((el) => el.dataset.met)), ['true', 'true']);
    assert.match(await status.textContent(), lang === 'en' ? /task of step 11 is done/ : /第 ?11 ?步.*完成/);
    assert.equal((await facts(page)).session.training.batch_size, 'all');
  });
}

test('between steps the page is the student’s: stepping, a click through the highlight, then Next from there', async (t) => {
  const page = await browser.open(t, { query: '?lesson=article&step=3' });
  await atStep(page, 2);
  // The highlight takes no clicks: what is under its middle is the page.
  const under = await page.evaluate(() => {
    const r = document.querySelector('.lesson-mark').getBoundingClientRect();
    const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return Boolean(el.closest('.lesson-mark'));
  });
  assert.equal(under, false);
  await page.click('#step-phase');
  await settled(page);
  let f = await facts(page);
  assert.equal(f.trace.phase, 'Backward(1)');
  assert.equal(readNumber(await page.textContent('#loss')), 4.25);
  assert.equal(f.lesson.step, 2, 'stepping leaves the lesson at its step');
  // The keyboard's → steps too; ← back.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await settled(page);
  assert.equal((await facts(page)).trace.phase, 'Backward(1)');
  // Next sets up from where the page is: the step's phase is already next, so nothing runs.
  await page.click('#lesson-next');
  await atStep(page, 3);
  f = await facts(page);
  assert.equal(f.trace.phase, 'Backward(1)');
  assert.equal(f.trace.loss, 4.25);
  // A weight typed by hand stays through a step without a setup of its own.
  await setRate(page, '0.2');
  await page.click('#settings-close');
  await page.click('#lesson-next');
  await atStep(page, 4);
  f = await facts(page);
  assert.equal(f.session.training.learning_rate, 0.2, 'the student’s α stays');
  assert.equal(f.trace.phase, 'Update');
});

// The built-in lesson's quiz step, and the words of the quiz box.
const QUIZ_STEP = ARTICLE.steps.findIndex((step) => typeof step.quiz === 'object');
const QUIZ_WORDS = { en: { answer: /answer/i, right: /^Right/, ask: /layer 1\b.*a⁽¹⁾₁.*sample 1 of the next batch/ }, zh: { answer: /答案/, right: /^正确/, ask: /第 1 层.*下一批的第 1 个样本的 a⁽¹⁾₁/ } };

// a₁ of the worked example's second sample, X₂ = [3, 4], through the weights and bias of the
// first update, worked out by hand as the lesson's steps do: the first sample X₁ = [1, 2] gives
// ŷ₁ = 1 × 0.5 + 2 × 0.5 + 0 = 1.5 and δ₁ = 1.5 − 3; then w ← w − α x δ₁, b ← b − α δ₁ (α = 0.1).
function secondSampleA1() {
  const alpha = 0.1;
  const delta = 1 * 0.5 + 2 * 0.5 + 0 - 3;
  const w11 = 0.5 - alpha * 1 * delta;
  const w21 = 0.5 - alpha * 2 * delta;
  const b1 = 0 - alpha * delta;
  return 3 * w11 + 4 * w21 + b1;
}

for (const lang of ['en', 'zh']) {
  test(`the lesson’s quiz step asks a⁽¹⁾₁ of the second sample; the value worked out by hand is right; the next step turns quiz mode off (${lang})`, async (t) => {
    assert.ok(QUIZ_STEP > 0, 'the built-in lesson has a step with a quiz cell');
    const page = await browser.open(t, { query: `?lesson=article&step=${QUIZ_STEP + 1}&lang=${lang}` });
    await atStep(page, QUIZ_STEP);
    const words = QUIZ_WORDS[lang];
    const before = await facts(page);
    assert.equal(before.quiz.on, true, 'the step turned quiz mode on');
    assert.equal(await page.locator('#quiz-button').getAttribute('aria-pressed'), 'true');
    assert.equal(before.trace.phase, 'Forward(1)');
    assert.match(await page.locator('#quiz-question').innerText(), words.ask);
    if (lang === 'zh') assert.deepEqual(await foreignWords(page), []);
    await screenshot(page, `lesson-quiz-${lang}`);
    const expected = secondSampleA1();
    const field = page.getByRole('textbox', { name: words.answer });
    await field.fill(String(Number(expected.toPrecision(3))));
    await field.press('Enter');
    await settled(page);
    const status = page.locator('#quiz').getByRole('status');
    assert.match(await status.innerText(), words.right);
    const after = await facts(page);
    // The phase was performed on the second sample, and the core agrees with the hand's number.
    assert.deepEqual(after.trace.rows, [1]);
    assert.ok(Math.abs(after.trace.layers[0].a[0][0] - expected) < 1e-12, `${after.trace.layers[0].a[0][0]} against ${expected}`);
    assert.deepEqual([after.quiz.right, after.quiz.answered], [1, 1]);
    // The next step turns quiz mode off; the score stays.
    await page.click('#lesson-next');
    await atStep(page, QUIZ_STEP + 1);
    const next = await facts(page);
    assert.deepEqual(next.quiz, { on: false, right: 1, answered: 1 });
    assert.equal(await page.locator('#quiz-button').getAttribute('aria-pressed'), 'false');
    assert.ok(await page.locator('#quiz').isHidden());
  });
}

test('a step’s quiz cell wins the selection, names its layer, sample, unit and input; a layer the network lacks is refused when the step is shown', async (t) => {
  const file = JSON.stringify({
    version: 1,
    title: 'Quiz',
    steps: [
      { title: 'Here', text: 'The page as it is' },
      { title: 'Ask', text: 'Predict a weight of layer 2', phase: 'Update', highlight: { cell: { matrix: 'w', layer: 1, row: 1, col: 1 } },
        quiz: { layer: 2, sample: 1, unit: 2, input: 3 } },
    ],
  });
  const files = { 'lessons/quiz.json': file };
  // On the worked example (one layer), the second step is refused as it is shown.
  const one = await browser.open(t, { query: '?lesson=lessons/quiz.json&preset=worked-example', files });
  await atStep(one, 0);
  const before = await facts(one);
  await one.click('#lesson-next');
  await one.waitForFunction(() => !document.querySelector('#lesson .lesson-problem').hidden);
  await settled(one);
  const message = await one.textContent('#lesson .lesson-problem');
  assert.match(message, /^Step 2 could not set up the page/);
  assert.ok(message.includes('steps[1].quiz.layer') && message.includes('got 2'), message);
  const after = await facts(one);
  assert.deepEqual(after.trace, before.trace, 'the session is as it was');
  assert.deepEqual(after.quiz, before.quiz, 'quiz mode is as it was');
  assert.deepEqual(after.selection, before.selection);
  assert.ok(await one.locator('#quiz').isHidden());

  // On the circle (2-4-2-1), the update's question is w⁽²⁾₃₂, as asked, not the highlighted w⁽¹⁾₁₁.
  const deep = await browser.open(t, { query: '?lesson=lessons/quiz.json&preset=circle', files });
  await atStep(deep, 0);
  await deep.click('#lesson-next');
  await atStep(deep, 1);
  const f = await facts(deep);
  assert.deepEqual(f.selection, { layer: 1, row: 0, col: 1, input: 2 });
  assert.equal(f.trace.phase, 'Update');
  assert.match(await deep.locator('#quiz-question').innerText(), /w⁽²⁾₃₂/);
  // The value, from another page on the same preset run to the same update.
  const other = await browser.open(t, { query: '?preset=circle' });
  const value = await other.evaluate(() => {
    window.playground.stepTo('Update');
    window.playground.step('phase');
    return JSON.parse(window.playground.trace()).layers[1].w_new[2][1];
  });
  await deep.getByRole('textbox', { name: /answer/i }).fill(value.toPrecision(6));
  await deep.getByRole('textbox', { name: /answer/i }).press('Enter');
  await settled(deep);
  assert.match(await deep.locator('#quiz').getByRole('status').innerText(), /^Right/);
  assert.deepEqual(JSON.parse(await deep.evaluate(() => window.playground.trace())).layers[1].w_new[2][1], value);
});

test('the lesson’s step and its checks survive a snapshot, a reload (autosave) and a step from a page state', async (t) => {
  const page = await browser.open(t, { query: '?lesson=article&step=10' });
  await atStep(page, 9);
  await setRate(page, '0.5');
  await page.click('#run-to-end');
  await page.waitForFunction(() => document.querySelector('#lesson .lesson-task').classList.contains('is-met'));
  const before = await facts(page);
  const snap = await page.evaluate(async () => ((await import('/www/bundle.js')).snapshot).snapshot());
  assert.deepEqual(snap.lesson, { source: 'article', step: 9, open: true, met: before.lesson.met });
  await page.click('#lesson-next');
  await atStep(page, 10);
  await page.evaluate(async (s) => ((await import('/www/bundle.js')).snapshot).restore(s), snap);
  await atStep(page, 9);
  let after = await facts(page);
  assert.deepEqual(after.trace, before.trace, 'the diverged run is back');
  assert.deepEqual(after.lesson, before.lesson);
  assert.equal(await page.locator('#lesson .lesson-task').evaluate((el) => el.classList.contains('is-met')), true);
  assert.match(after.address, /step=10/);
  // A reload brings back the kept work on its step, not the step set up afresh.
  await page.evaluate(async () => ((await import('/www/bundle.js')).autosave).saveNow());
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  await atStep(page, 9);
  after = await facts(page);
  assert.deepEqual(after.trace, before.trace, 'the diverged run, reloaded');
  assert.deepEqual(after.lesson, before.lesson);
  assert.equal(await page.locator('#lesson .lesson-task').evaluate((el) => el.classList.contains('is-met')), true);

  // A step that restores a page state keeps the lesson open on it, and the student's quiz mode
  // (the page state's own is off).
  assert.equal(snap.quiz.on, false);
  await page.click('#quiz-button');
  const state = { ...snap, lesson: null };
  const file = JSON.stringify({
    version: 1,
    title: 'States',
    steps: [
      { title: 'Start', text: 'The worked example', setup: { preset: 'worked-example' } },
      { title: 'Kept', text: 'A diverged run', setup: { snapshot: state }, highlight: { panel: 'readouts' } },
    ],
  });
  await page.setInputFiles('#lesson-file', { name: 'states.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.waitForFunction(() => document.querySelector('#lesson .lesson-name').textContent === 'States');
  await atStep(page, 0);
  await page.click('#lesson-next');
  await atStep(page, 1);
  after = await facts(page);
  assert.equal(after.lesson.open, true);
  assert.equal(after.lesson.step, 1);
  assert.deepEqual(after.trace, before.trace);
  assert.equal(after.quiz.on, true, 'quiz mode as the student set it');
});

for (const lang of ['en', 'zh']) {
  test(`axe finds no serious or critical problem in the lesson panel: a task met, a problem shown (${lang})`, async (t) => {
    const page = await browser.open(t, { query: `?lesson=article&step=10&lang=${lang}` });
    await atStep(page, 9);
    assert.deepEqual(await audit(page), [], 'a step with its task and the settings open');
    await setRate(page, '0.5');
    await page.click('#settings-close');
    await page.click('#run-to-end');
    await page.waitForFunction(() => document.querySelector('#lesson .lesson-task').classList.contains('is-met'));
    assert.deepEqual(await audit(page), [], 'the task met');
    await page.setInputFiles('#lesson-file', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(BAD[0][1]) });
    await page.waitForFunction(() => !document.querySelector('#lesson .lesson-problem').hidden);
    assert.deepEqual(await audit(page), [], 'a problem shown');
    await page.click('#lesson-next');
    await atStep(page, 10);
    assert.deepEqual(await audit(page), [], 'a task of two checks');
  });
}

// What a projector shows badly: the lesson panel beyond the window, its text too small to read
// from the back, its buttons cut, the page scrolling sideways, the training loop's buttons cut
// (the tasks say "Run to end"), a panel's content wider than the panel.
function projectorProblems(page, least) {
  return page.evaluate((least) => {
    const found = [];
    const panel = document.getElementById('lesson').getBoundingClientRect();
    if (panel.right > innerWidth + 0.5 || panel.bottom > innerHeight + 0.5 || panel.left < 0 || panel.top < 0) found.push(`the panel leaves the window: ${JSON.stringify(panel)}`);
    if (document.scrollingElement.scrollWidth > innerWidth) found.push('the page scrolls sideways');
    // What the room reads: the step's words, the task, Back and Next (Open and Close are the teacher's).
    for (const el of document.querySelectorAll('#lesson .lesson-text p, #lesson .lesson-task-text p, #lesson .lesson-nav button, #lesson .lesson-checks li')) {
      if (!el.getClientRects().length) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < least) found.push(`${el.className || el.tagName} "${el.textContent.slice(0, 20)}" is ${px} px`);
      const box = el.getBoundingClientRect();
      if (el.tagName === 'BUTTON' && (box.right > panel.right + 0.5 || box.bottom > panel.bottom + 0.5)) found.push(`${el.textContent} is cut`);
    }
    const loop = document.querySelector('.panel-loop').getBoundingClientRect();
    for (const el of document.querySelectorAll('.panel-loop button')) {
      const box = el.getBoundingClientRect();
      if (!el.getClientRects().length || box.bottom > loop.bottom + 0.5 || box.right > loop.right + 0.5) found.push(`${el.id} is cut by the loop panel`);
    }
    for (const el of document.querySelectorAll('.layout > .panel')) {
      if (el.getClientRects().length && el.scrollWidth > el.clientWidth + 1) found.push(`${el.className} is ${el.scrollWidth - el.clientWidth} px too wide`);
    }
    return found;
  }, least);
}

for (const lang of ['en', 'zh']) {
  test(`screenshots: a laptop at 1366 × 768, a projector at 1920 × 1080 in presenter mode (${lang})`, async (t) => {
    const laptop = await browser.open(t, { query: `?lesson=article&step=3&lang=${lang}`, viewport: LAPTOP });
    await atStep(laptop, 2);
    await screenshot(laptop, `lesson-laptop-${lang}`);
    assert.deepEqual(await projectorProblems(laptop, 13), []);
    const projector = await browser.open(t, { query: `?lesson=article&step=11&lang=${lang}&present=1`, viewport: PROJECTOR });
    await atStep(projector, 10);
    assert.ok(await projector.evaluate(async () => ((await import('/www/bundle.js')).state).store.presenter.on), 'presenter mode is on');
    await screenshot(projector, `lesson-projector-${lang}`);
    assert.deepEqual(await projectorProblems(projector, 20), []);
    await checkMark(projector, ARTICLE.steps[10], lang);
    await projector.selectOption('#lesson-steps', '6');
    await atStep(projector, 6);
    await checkMark(projector, ARTICLE.steps[6], lang);
    await screenshot(projector, `lesson-projector-cell-${lang}`);
  });
}
