// The training loop panel: the flowchart follows the core's phases, its boxes run training to a
// phase, the controls and keys do what the help says, play and "run to end" train, and the panel
// fits on a laptop and a projector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, LAPTOP, PROJECTOR } from './harness.mjs';

const browser = useBrowser();

// The core's current trace and session, read from the page's live Playground.
const traceOf = (page) => page.evaluate(() => JSON.parse(window.playground.trace()));
const phaseOf = (page) => page.evaluate(() => window.playground.phase());

// What the flowchart marks: the keys of the boxes marked next and just done, and the loop's label.
const flowOf = (page) => page.evaluate(() => {
  const chart = document.getElementById('flowchart');
  const keys = (selector) => [...chart.querySelectorAll(selector)].map((node) => node.dataset.key);
  const loop = chart.querySelector('.flow-loop-label');
  return {
    next: keys('.flow-node.is-next'),
    done: keys('.flow-node.is-done'),
    selected: keys('.flow-node.is-selected'),
    loop: loop.textContent,
    loopActive: loop.classList.contains('is-active'),
  };
});

// The circle preset's network has two hidden layers and an output layer: one batch is these phases.
const CIRCLE_BATCH = ['Forward(1)', 'Forward(2)', 'Forward(3)', 'Loss', 'Backward(3)', 'Backward(2)', 'Backward(1)', 'Update'];

test('the flowchart marks the next phase and the one just performed, in the core\'s order', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  assert.deepEqual(await flowOf(page).then(({ next, done }) => ({ next, done })), { next: ['Forward(1)'], done: ['init'] },
    'before the first step, initialising is what was done last');
  let previous = 'init';
  for (const expected of [...CIRCLE_BATCH.slice(1), 'Forward(1)']) {
    await page.click('#step-phase');
    const flow = await flowOf(page);
    assert.equal(await phaseOf(page), expected);
    assert.deepEqual(flow.next, [expected], `after ${previous === 'init' ? 'the start' : previous}, ${expected} is next`);
    const performed = (await traceOf(page)).last_phase;
    assert.deepEqual(flow.done, [performed], 'the box just performed is the core\'s last phase');
    assert.notEqual(performed, previous, 'the mark moved');
    previous = performed;
  }
  const flow = await flowOf(page);
  assert.equal(previous, 'Update');
  assert.equal(flow.loop, 'next batch', 'after the update of batch 1 of 10 the loop goes to the next batch');
  assert.equal(flow.loopActive, true);
  // The next click starts batch 2: Forward(1) is done, Forward(2) is next.
  await page.click('#step-phase');
  assert.deepEqual(await flowOf(page).then(({ next, done }) => ({ next, done })), { next: ['Forward(2)'], done: ['Forward(1)'] });
  assert.equal((await traceOf(page)).batch, 1);
});

test('after the last batch of an epoch the loop is labelled "next epoch"', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#step-epoch');
  const trace = await traceOf(page);
  assert.equal(trace.batch + 1, trace.batches);
  const flow = await flowOf(page);
  assert.equal(flow.loop, 'next epoch');
  assert.deepEqual([flow.next, flow.done], [['Forward(1)'], ['Update']]);
});

test('clicking a flowchart box runs up to that phase, into the next batch if it is past', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#flowchart [data-key="Backward(2)"]');
  assert.equal(await phaseOf(page), 'Backward(2)');
  let trace = await traceOf(page);
  assert.equal(trace.last_phase, 'Backward(3)');
  assert.equal(trace.undo_depth, 1, 'five phases were performed as one undoable step');
  assert.deepEqual((await flowOf(page)).selected, ['Forward(2)', 'Backward(2)'], 'layer 2 is selected for the inspector');
  // Forward(2) is past in this batch: the run goes through the update into the next batch.
  await page.click('#flowchart [data-key="Forward(2)"]');
  assert.equal(await phaseOf(page), 'Forward(2)');
  trace = await traceOf(page);
  assert.equal(trace.batch, 1, 'batch 2 has started');
  assert.equal(trace.last_phase, 'Forward(1)');
  // Clicking the box that is already next changes nothing and says so.
  const before = await page.evaluate(() => window.playground.trace());
  await page.click('#flowchart [data-key="Forward(2)"]');
  assert.equal(await page.evaluate(() => window.playground.trace()), before);
  assert.match(await page.locator('#status').textContent(), /already next/);
  // The loss box has no layer; the update box finishes the batch.
  await page.click('#flowchart [data-key="Update"]');
  assert.equal(await phaseOf(page), 'Update');
  assert.equal((await traceOf(page)).last_phase, 'Backward(1)');
});

test('each keyboard shortcut does what the help overlay says', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // ? opens the help, which lists every shortcut.
  await page.keyboard.press('?');
  assert.equal(await page.locator('#help').evaluate((dialog) => dialog.open), true);
  const rows = await page.locator('#help-keys tr').allTextContents();
  for (const key of ['→', 'Shift + →', 'Ctrl + →', '←', 'Space', 'R', '?']) {
    assert.ok(rows.some((row) => row.startsWith(key)), `the help lists ${key}`);
  }
  // Keys do nothing while the help is open; Escape closes it.
  await page.keyboard.press('ArrowRight');
  assert.equal((await traceOf(page)).undo_depth, 0);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#help').evaluate((dialog) => dialog.open), false);
  // The visible "?" button opens it too.
  await page.click('#help-button');
  assert.equal(await page.locator('#help').evaluate((dialog) => dialog.open), true);
  await page.keyboard.press('Escape');

  await page.keyboard.press('ArrowRight');
  assert.equal((await traceOf(page)).last_phase, 'Forward(1)', '→ performs one phase');
  await page.keyboard.press('Shift+ArrowRight');
  let trace = await traceOf(page);
  assert.deepEqual([trace.last_phase, trace.batch], ['Update', 0], 'Shift + → finishes the batch');
  await page.keyboard.press('Control+ArrowRight');
  trace = await traceOf(page);
  assert.deepEqual([trace.last_phase, trace.batch + 1, trace.epochs_done], ['Update', trace.batches, 1], 'Ctrl + → finishes the epoch');
  const depth = trace.undo_depth;
  await page.keyboard.press('ArrowLeft');
  trace = await traceOf(page);
  assert.equal(trace.undo_depth, depth - 1, '← undoes one step');
  assert.equal(trace.epochs_done, 0, 'the epoch is undone');
  await page.keyboard.press('r');
  trace = await traceOf(page);
  assert.deepEqual([trace.undo_depth, trace.epochs_done, await phaseOf(page)], [0, 0, 'Forward(1)'], 'R resets');
  // Space plays and pauses, when no button has the focus (closing the help gave it to "?").
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'true', 'Space plays');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false', 'Space pauses');
});

test('shortcuts do not fire while typing in a field', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#settings-toggle');
  await page.click('#set-max-epochs');
  for (const key of ['ArrowRight', 'ArrowLeft', 'Space', 'r', 'Shift+ArrowRight']) await page.keyboard.press(key);
  assert.equal((await traceOf(page)).undo_depth, 0, 'no step was taken');
  assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('#help').evaluate((dialog) => dialog.open), false);
  // Escape leaves the field and closes the settings.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#settings').isHidden(), true);
});

test('changing the learning rate keeps the trace; changing the batch size restarts', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
  const before = await traceOf(page);
  await page.click('#settings-toggle');
  await page.fill('#set-lr', '0.05');
  await page.press('#set-lr', 'Enter');
  const after = await traceOf(page);
  // No update has run in this batch yet: the α on show is the one the coming update will use.
  assert.equal(after.learning_rate, 0.05);
  assert.equal(after.next_learning_rate, 0.05);
  assert.deepEqual({ ...after, learning_rate: before.learning_rate, next_learning_rate: before.next_learning_rate }, before,
    'everything else in the trace is unchanged');
  assert.equal(await phaseOf(page), 'Backward(2)');
  assert.equal(after.loss, before.loss);
  let session = await page.evaluate(() => JSON.parse(window.playground.toSession()));
  assert.equal(session.training.learning_rate, 0.05);
  assert.match(await page.locator('#status').textContent(), /Learning rate α changed to 0\.05; the trace is kept, and the new α applies from the next update/);

  await page.fill('#set-batch', '4');
  await page.press('#set-batch', 'Enter');
  const restarted = await traceOf(page);
  assert.deepEqual([await phaseOf(page), restarted.last_phase, restarted.undo_depth, restarted.batch_size, restarted.batches],
    ['Forward(1)', null, 0, 4, 25], 'training restarted with batches of 4');
  session = await page.evaluate(() => JSON.parse(window.playground.toSession()));
  assert.equal(session.training.batch_size, 4);
  assert.equal(session.training.learning_rate, 0.05, 'the new learning rate stays');
  assert.match(await page.locator('#set-batch-note').textContent(), /mini-batch/);
  // The quick buttons name the two ends: SGD and batch gradient descent.
  await page.click('#use-sgd');
  assert.equal((await traceOf(page)).batch_size, 1);
  assert.match(await page.locator('#set-batch-note').textContent(), /SGD/);
  await page.click('#use-all');
  assert.equal((await traceOf(page)).batches, 1);
  assert.match(await page.locator('#set-batch-note').textContent(), /batch gradient descent/);
});

test('a bad value shows the core\'s message beside the field and leaves the session as it was', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#step-phase');
  await page.click('#settings-toggle');
  const state = () => page.evaluate(() => [window.playground.trace(), window.playground.toSession()]);
  const before = await state();
  for (const [id, text, shown] of [
    ['set-lr', '0', 'training.learning_rate must be a positive finite number, got 0'],
    ['set-lr', 'NaN', 'training.learning_rate must be a finite number, got "NaN"'],
    ['set-lr', 'fast', 'training.learning_rate must be a finite number, got "fast"'],
    ['set-lr', '', 'training.learning_rate must be a finite number, got ""'],
    ['set-batch', '0', 'training.batch_size must be a whole number ≥ 1 or "all", got 0'],
    ['set-max-epochs', '2.5', 'training.max_epochs must be a whole number from 1 to'],
  ]) {
    await page.fill(`#${id}`, text);
    await page.press(`#${id}`, 'Enter');
    const error = page.locator(`#${id}-error`);
    assert.equal(await error.isVisible(), true, `${id} = ${JSON.stringify(text)} shows a message`);
    assert.ok((await error.textContent()).includes(shown), `${id}: ${await error.textContent()}`);
    assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator(`#${id}`).inputValue(), text, 'the field keeps the refused value on show');
    assert.deepEqual(await state(), before, 'the trace and the session are unchanged');
  }
  // A good value clears the mark.
  await page.fill('#set-lr', '0.2');
  await page.press('#set-lr', 'Enter');
  assert.equal(await page.locator('#set-lr-error').isHidden(), true);
  assert.equal(await page.locator('#set-lr').getAttribute('aria-invalid'), null);
  assert.equal((await traceOf(page)).learning_rate, 0.2);
});

test('play trains at the chosen speed and pause stops it', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.locator('#speed').fill('8');
  assert.equal(await page.locator('#speed-value').textContent(), '100 epochs/s');
  await page.click('#play');
  await page.waitForFunction(() => JSON.parse(window.playground.trace()).epochs_done >= 3);
  await page.click('#play');
  assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false');
  const stopped = (await traceOf(page)).epochs_done;
  await page.waitForTimeout(400);
  assert.equal((await traceOf(page)).epochs_done, stopped, 'no epoch ran after pausing');
  assert.equal(await page.locator('#epoch').textContent(), String((await traceOf(page)).epoch + 1), 'the page shows where training stopped');
  // At the slowest speed, play performs one phase at once and then one a second.
  await page.locator('#speed').fill('0');
  assert.equal(await page.locator('#speed-value').textContent(), '1 phase/s');
  const depth = (await traceOf(page)).undo_depth;
  await page.click('#play');
  await page.waitForFunction((d) => JSON.parse(window.playground.trace()).undo_depth === d + 1, depth);
  await page.click('#step-phase');
  assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false', 'a step by hand pauses');
});

test('while playing, the buttons stay where they are: the readouts keep their widths as the numbers change', async (t) => {
  for (const [query, viewport] of [['?preset=digits', LAPTOP], ['?preset=circle', LAPTOP], ['?preset=circle&lang=zh', { width: 1024, height: 768 }]]) {
    const page = await browser.open(t, { query, viewport });
    // No last epoch, the fastest speed: every readout changes at every frame.
    await page.evaluate(async () => {
      const { store } = (await import('/www/bundle.js')).state;
      store.playground.configure(JSON.stringify({ training: { max_epochs: null } }));
    });
    await page.$eval('#speed', (slider) => {
      slider.value = slider.max;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Where the buttons under the readouts are at every frame, and what the readouts show.
    await page.evaluate(() => {
      window.seen = { places: new Set(), losses: new Set(), samples: new Set(), spills: new Set() };
      const watch = () => {
        const place = (id) => { const r = document.getElementById(id).getBoundingClientRect(); return `${id} ${r.left},${r.top}`; };
        // Each number lies over its readout's hidden widest texts (out of the flow): inside the box
        // they size, from its left edge.
        for (const id of ['loss', 'epoch', 'batch', 'samples']) {
          const value = document.getElementById(id);
          const [v, box] = [value.getBoundingClientRect(), value.parentElement.getBoundingClientRect()];
          if (Math.abs(v.left - box.left) > 0.5 || v.right > box.right + 0.5) window.seen.spills.add(`${id} "${value.textContent}"`);
        }
        window.seen.places.add([place('step-phase'), place('play'), place('run-to-end')].join(' '));
        window.seen.losses.add(document.getElementById('loss').textContent);
        window.seen.samples.add(document.getElementById('samples').textContent);
        window.watching = requestAnimationFrame(watch);
      };
      watch();
    });
    await page.click('#play');
    await page.waitForFunction(() => JSON.parse(window.playground.trace()).epochs_done >= 12, null, { timeout: 60_000 });
    await page.click('#play');
    const seen = await page.evaluate(() => {
      cancelAnimationFrame(window.watching);
      return { places: [...window.seen.places], losses: window.seen.losses.size, samples: window.seen.samples.size, spills: [...window.seen.spills] };
    });
    // The numbers did change, through epochs of two digits ...
    assert.ok(seen.losses > 5 && seen.samples > 1, `${query}: the readouts changed (${JSON.stringify(seen)})`);
    assert.ok(Number(await page.locator('#epoch').textContent()) >= 12);
    // ... and the buttons never moved, from before Play was pressed to after Pause.
    assert.deepEqual(seen.places, seen.places.slice(0, 1), `${query} at ${viewport.width}: the buttons moved`);
    assert.deepEqual(seen.spills, [], `${query}: a number wider than its readout`);
  }
});

test('run to end trains until the stopping rule holds, and asks for one when there is none', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#run-to-end');
  await page.waitForFunction(() => window.playground.phase() === 'MaxEpochs', null, { timeout: 60_000 });
  const trace = await traceOf(page);
  assert.equal(trace.epochs_done, 500, 'the circle preset stops after 500 epochs');
  assert.equal(await page.locator('#phase').getAttribute('data-phase'), 'MaxEpochs');
  assert.deepEqual((await flowOf(page)).next, ['end']);
  assert.equal(await page.locator('#play').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('#step-phase').isDisabled(), true);

  // The worked example has no stopping rule: the button says so and offers the field.
  const worked = await browser.open(t, { query: '?preset=worked-example' });
  await worked.click('#run-to-end');
  assert.match(await worked.locator('#status').textContent(), /Max epochs or Target loss/);
  assert.equal(await worked.locator('#settings').isVisible(), true);
  assert.equal(await worked.evaluate(() => document.activeElement.id), 'set-max-epochs');
  await worked.keyboard.type('3');
  await worked.keyboard.press('Enter');
  await worked.click('#run-to-end');
  await worked.waitForFunction(() => window.playground.phase() === 'MaxEpochs');
  assert.equal((await traceOf(worked)).epochs_done, 3);
});

test('reset starts again from the seed; a new seed draws new weights', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const first = await traceOf(page);
  await page.click('#step-epoch');
  await page.click('#reset');
  const reset = await traceOf(page);
  assert.deepEqual(reset, first, 'the same first weights and position');
  await page.click('#settings-toggle');
  await page.click('#new-seed');
  const session = await page.evaluate(() => JSON.parse(window.playground.toSession()));
  assert.notEqual(session.training.seed, 1);
  assert.equal(await page.locator('#set-seed').inputValue(), String(session.training.seed));
  assert.notDeepEqual((await traceOf(page)).layers[0].w, first.layers[0].w, 'new weights');
});

test('the loss, the layers and their activations change through the settings', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#settings-toggle');
  const layers = () => page.evaluate(() => JSON.parse(window.playground.toSession()).network.layers);
  await page.selectOption('#set-loss', 'cce');
  assert.deepEqual((await layers()).at(-1), { units: 2, activation: 'softmax' }, 'CCE gets a softmax output, one unit per class');
  await page.selectOption('#set-loss', 'bce');
  assert.deepEqual((await layers()).at(-1), { units: 1, activation: 'sigmoid' }, 'BCE gets one sigmoid unit');
  await page.selectOption('#set-loss', 'mse');
  assert.equal(await page.evaluate(() => JSON.parse(window.playground.toSession()).loss), 'mse');

  await page.click('#add-layer');
  assert.equal((await layers()).length, 4);
  assert.equal(await page.locator('#flowchart [data-key="Forward(4)"]').count(), 1, 'the flowchart has a box per layer');
  const units = page.locator('#set-layers li').nth(2).locator('input');
  await units.fill('7');
  await units.press('Enter');
  assert.equal((await layers())[2].units, 7);
  await page.locator('#set-layers li').nth(2).getByRole('button', { name: 'One unit more' }).click();
  assert.equal((await layers())[2].units, 8);
  await page.locator('#set-layers li').nth(0).locator('select').selectOption('relu');
  assert.equal((await layers())[0].activation, 'relu');
  await page.locator('#set-layers li').nth(2).getByRole('button', { name: 'Remove layer 3' }).click();
  assert.equal((await layers()).length, 3);
  assert.equal(await page.locator('#flowchart [data-key="Forward(4)"]').count(), 0);
  // A unit count the core refuses is named beside the layers, and nothing changes.
  await page.locator('#set-layers li').nth(0).locator('input').fill('0');
  await page.locator('#set-layers li').nth(0).locator('input').press('Enter');
  assert.match(await page.locator('#set-layers-error').textContent(), /network\.layers\[0\]\.units must be a whole number from 1 to 256, got 0/);
  assert.equal((await layers())[0].units, 4);
});

test('with 8 hidden layers the flowchart scrolls sideways to keep the next box on show', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle', viewport: LAPTOP });
  await page.click('#settings-toggle');
  while ((await page.locator('#set-layers li').count()) < 9) await page.click('#add-layer');
  assert.equal(await page.locator('#add-layer').isDisabled(), true, 'no more than 8 hidden layers');
  await page.click('#settings-close');
  // By the frame after the step: the chart scrolls when the browser paints the step.
  const onShow = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const chart = document.getElementById('flowchart');
    const box = chart.querySelector('.flow-node.is-next').getBoundingClientRect();
    const view = chart.getBoundingClientRect();
    done(box.left >= view.left && box.right <= view.right);
  }))));
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('ArrowRight');
    assert.ok(await onShow(), `the next box (${await phaseOf(page)}) is on show`);
  }
  assert.ok(await page.evaluate(() => document.getElementById('flowchart').scrollLeft > 0), 'the chart scrolled');
});

test('the preset picker opens presets by address, and the worked example shows its errata', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  assert.equal(await page.locator('#errata').isHidden(), true, 'no errata for the circle');
  assert.equal(await page.locator('#preset').inputValue(), 'circle');
  await Promise.all([page.waitForURL(/preset=worked-example/), page.selectOption('#preset', 'worked-example')]);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  assert.equal(await page.locator('#preset').inputValue(), 'worked-example');
  const meta = await page.evaluate(() => JSON.parse(window.playground.meta()));
  assert.equal(meta.name, 'Worked example (article 4.3)');
  await page.click('#errata summary');
  const table = await page.locator('#errata-table').textContent();
  for (const text of ['2.25', '4.25', '0.7 everywhere', '[[0.65, 0.75], [0.80, 1.00]]', '1.29', '0.68']) {
    assert.ok(table.includes(text), `the errata table shows ${text}`);
  }
});

test('the loop panel fits without overlap at 1366×768 and 1920×1080 (screenshots), and on 1280×720 and 1024×768 projectors, in English and Chinese', async (t) => {
  // On the two smaller projectors, without a message on the status line: that one scrolls a line.
  const sizes = [['loop-1366x768', LAPTOP, true], ['loop-1920x1080', PROJECTOR, true],
    ['loop-1280x720', { width: 1280, height: 720 }, false], ['loop-1024x768', { width: 1024, height: 768 }, false]];
  for (const lang of ['en', 'zh']) for (const [base, viewport, withStatus] of sizes) {
    const name = lang === 'zh' ? `${base}-zh` : base;
    const page = await browser.open(t, { query: `?lang=${lang}&preset=circle`, viewport });
    for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
    await page.click('#step-back');
    if (withStatus) {
      // With a message on the status line too.
      await page.click('#flowchart .flow-node.is-next');
      assert.notEqual(await page.locator('#status').textContent(), '');
    }
    const layout = await page.evaluate(() => {
      const body = document.querySelector('.loop-body');
      const boxes = [...body.children].filter((el) => el.offsetHeight > 0).map((el) => el.getBoundingClientRect());
      const readouts = [...body.querySelectorAll('.readout')].map((el) => el.getBoundingClientRect());
      const intersect = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const overlaps = boxes.slice(1).filter((box, i) => box.top < boxes[i].bottom - 0.5).length
        + readouts.flatMap((a, i) => readouts.slice(i + 1).filter((b) => intersect(a, b))).length;
      const head = document.querySelector('.panel-loop .panel-head');
      // Every button's label whole: none cut at its edge.
      const cut = [...body.querySelectorAll('button')].filter((b) => b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight)
        .map((b) => b.textContent);
      // The buttons whose name takes two lines (fine on a narrow panel only).
      const wrapped = [...body.querySelectorAll('.controls button')].filter((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return range.getClientRects().length > 1;
      }).map((b) => b.textContent);
      return {
        bodyFits: body.scrollHeight <= body.clientHeight && body.scrollWidth <= body.clientWidth,
        headFits: head.scrollWidth <= head.clientWidth,
        cut,
        oneLine: innerWidth < 1280 || wrapped.length === 0 || wrapped,
        overlaps,
        page: [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight],
      };
    });
    assert.deepEqual(layout, { bodyFits: true, headFits: true, cut: [], oneLine: true, overlaps: 0, page: [0, 0] }, name);
    await screenshot(page, name);
    await page.click('#settings-toggle');
    await screenshot(page, name.replace('loop', 'settings'));
  }
  const worked = await browser.open(t, { query: '?preset=worked-example', viewport: LAPTOP });
  await worked.click('#errata summary');
  await screenshot(worked, 'errata-1366x768');
});

test('a target reached is told with the figure the rule compared: the epoch’s training J, not the last batch’s', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.evaluate(() => window.playground.configure('{"training":{"target_loss":0.6}}'));
  await page.evaluate(() => window.playground.run(500));
  await page.click('#step-phase');
  assert.equal(await phaseOf(page), 'TargetReached');
  const history = await page.evaluate(() => JSON.parse(window.playground.history()));
  const epochJ = history.train_loss.at(-1);
  assert.ok(epochJ <= 0.6);
  const label = await page.locator('#phase').textContent();
  const shown = Number(/J ([\d.]+) ≤ target 0\.6/.exec(label)?.[1]);
  assert.ok(Math.abs(shown - epochJ) <= 5e-6 * epochJ, `"${label}" should show the epoch’s J ${epochJ}`);
  assert.notEqual(history.batch_loss.at(-1), epochJ, 'the last batch’s J is another figure');
});
