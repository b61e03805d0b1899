// The Data panel: CSV files (picker and drop) load and train, a broken file is refused with its
// line and column and leaves the session exactly as it was, each preset boots by its address,
// generated sets shape the network, preprocessing changes what the core prepares, and session
// files save and open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, readNumber, settled, LAPTOP, PROJECTOR } from './harness.mjs';

const browser = useBrowser();

// The core's view of the page's live session.
const summaryOf = (page) => page.evaluate(() => JSON.parse(window.playground.dataSummary()));
const sessionOf = (page) => page.evaluate(() => window.playground.toSession());
// What Save writes: the session with its newest undo steps (about 1 MB at most).
const savedOf = (page) => page.evaluate(() => window.playground.toSessionWithUndo(1 << 20));
const traceOf = (page) => page.evaluate(() => window.playground.trace());
const historyOf = (page) => page.evaluate(() => JSON.parse(window.playground.history()));
const layersOf = (page) => page.evaluate(() => JSON.parse(window.playground.toSession()).network);

// Forty people: height and weight, labelled "tall" when the height is above 170 (no randomness).
function peopleCsv(rows = 40) {
  const lines = ['height,weight,label'];
  for (let i = 0; i < rows; i += 1) {
    const height = 150 + ((i * 37) % 41);
    const weight = 50 + ((i * 11) % 31);
    lines.push(`${height},${weight},${height > 170 ? 'tall' : 'short'}`);
  }
  return `${lines.join('\n')}\n`;
}

// A file for page.setInputFiles.
const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

// Open the chooser on its CSV tab and choose `file` in the file input.
async function uploadCsv(page, file) {
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', file);
}

// Set a slider or field to `value` as a person would, ending with its "change" event.
async function setValue(page, selector, value) {
  await page.$eval(selector, (el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, String(value));
}

test('a CSV chosen in the file input loads with the last column as target, and trains one epoch', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const hiddenBefore = (await layersOf(page)).layers.slice(0, -1);
  await uploadCsv(page, csvFile('people.csv', peopleCsv()));
  await page.waitForFunction(() => JSON.parse(window.playground.dataSummary()).target === 'label');
  const summary = await summaryOf(page);
  assert.deepEqual(summary.inputs, ['height', 'weight']);
  assert.deepEqual(summary.classes, ['short', 'tall']);
  assert.equal(summary.task, 'classification');
  assert.deepEqual(summary.rows, { total: 40, train: 32, test: 8 });
  assert.equal(summary.standardized, true, 'standardisation is on by default');
  const network = await layersOf(page);
  assert.equal(network.inputs, 2);
  assert.deepEqual(network.layers.slice(0, -1), hiddenBefore, 'the hidden layers are kept');
  assert.deepEqual(network.layers.at(-1), { units: 1, activation: 'sigmoid' }, 'two classes: one sigmoid unit');
  // The target select lists the file's columns, the last one chosen.
  const options = await page.$$eval('#csv-target option', (list) => list.map((o) => o.textContent));
  assert.deepEqual(options, ['height', 'weight', 'label']);
  assert.equal(await page.inputValue('#csv-target'), '2');
  assert.match(await page.textContent('#csv-file-name'), /people\.csv: 40 rows, 3 columns/);
  assert.match(await page.textContent('#data-shapes'), /train 32 × 2, test 8 × 2 · 2 classes/);
  assert.equal(await page.isVisible('#csv-error'), false);
  await screenshot(page, 'data-csv-1366x768');

  await page.click('#source-close');
  const lossBefore = await page.textContent('#loss');
  await page.click('#step-epoch');
  const history = await historyOf(page);
  assert.equal(history.train_loss.length, 1, 'one epoch in the history');
  const loss = readNumber(await page.textContent('#loss'));
  assert.notEqual(await page.textContent('#loss'), lossBefore, 'the loss readout changed');
  assert.ok(Number.isFinite(loss) && loss > 0, `the loss is a number: ${loss}`);
});

test('a task override and another target column load the same file again', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // Numbers only, so that any column can be the target; "tall" is 0 or 1.
  const text = peopleCsv().replaceAll(',tall\n', ',1\n').replaceAll(',short\n', ',0\n').replace('label', 'tall');
  await uploadCsv(page, csvFile('people.csv', text));
  await page.waitForFunction(() => JSON.parse(window.playground.dataSummary()).target === 'tall');
  assert.equal((await summaryOf(page)).task, 'classification', 'whole numbers with two values: classes');
  await page.selectOption('#csv-task', 'regression');
  let summary = await summaryOf(page);
  assert.equal(summary.task, 'regression');
  assert.deepEqual((await layersOf(page)).layers.at(-1), { units: 1, activation: 'identity' });
  assert.equal(JSON.parse(await sessionOf(page)).loss, 'mse');
  await page.selectOption('#csv-task', 'auto');
  await page.selectOption('#csv-target', '1');
  summary = await summaryOf(page);
  assert.equal(summary.target, 'weight');
  assert.deepEqual(summary.inputs, ['height', 'tall']);
  assert.equal(summary.task, 'regression', 'more than 20 different weights: regression');
  assert.equal(await page.inputValue('#csv-target'), '1');
  assert.equal(await page.isVisible('#csv-error'), false);
});

test('a broken CSV shows its line and column and leaves the session exactly as it was', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // Some training first, so that "as it was" covers weights, position and trace.
  await page.click('#step-batch');
  await page.click('#step-phase');
  const before = { session: await sessionOf(page), trace: await traceOf(page), summary: await summaryOf(page) };
  const cases = [
    ['ragged.csv', 'a,b,c\n1,2,0\n4,5\n6,7,1\n', /line 3, column 3/],
    ['text.csv', 'a,b,c\n1,2,0\n4,x,1\n6,7,1\n', /line 3, column 2: "x" is not a number/],
  ];
  for (const [name, text, message] of cases) {
    if (await page.isHidden('#data-source')) await page.click('#source-toggle');
    await page.click('#tab-csv');
    await page.setInputFiles('#csv-file', csvFile(name, text));
    await page.waitForSelector('#csv-error:not([hidden])');
    const shown = await page.textContent('#csv-error');
    assert.match(shown, message, `${name}: the message names the place`);
    assert.match(shown, /session is unchanged/);
    assert.equal(await sessionOf(page), before.session, `${name}: the session file is the same`);
    assert.equal(await traceOf(page), before.trace, `${name}: the trace is the same`);
    assert.deepEqual(await summaryOf(page), before.summary);
  }
  await screenshot(page, 'data-csv-error-1366x768');
  // Still trainable: the next phase is the one that was next.
  await page.click('#source-close');
  const phase = JSON.parse(before.trace).phase;
  await page.click('#step-phase');
  assert.equal(JSON.parse(await traceOf(page)).last_phase, phase);
});

test('a file over 10 MB is refused before it is read; one over 100,000 rows by the core', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  const before = await sessionOf(page);
  await uploadCsv(page, { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, '1') });
  await page.waitForSelector('#csv-error:not([hidden])');
  assert.match(await page.textContent('#csv-error'), /huge\.csv is 10\.0 MB; files over 10\.0 MB are refused/);
  assert.equal(await sessionOf(page), before);
  // Small enough to read, but over 100,000 rows: the core refuses it, naming the line.
  await page.setInputFiles('#csv-file', csvFile('long.csv', `x,y\n${'1,0\n0,1\n'.repeat(50_001)}`));
  await page.waitForFunction(() => document.getElementById('csv-error').textContent.includes('long.csv') === false
    && document.getElementById('csv-error').textContent.includes('100000'));
  assert.match(await page.textContent('#csv-error'), /CSV line 100002, column 1: the file has more than 100000 data rows/);
  assert.equal(await sessionOf(page), before);
});

test('a CSV dropped on the Data panel shows the drop hint, then loads', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const drop = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    return transfer;
  }, peopleCsv(30));
  await page.dispatchEvent('.panel-data', 'dragover', { dataTransfer: drop });
  assert.equal(await page.isVisible('#drop-hint'), true, 'the hint shows while a file is over the panel');
  await page.dispatchEvent('.panel-data', 'drop', { dataTransfer: drop });
  await page.waitForFunction(() => JSON.parse(window.playground.dataSummary()).rows?.total === 30);
  assert.equal(await page.isVisible('#drop-hint'), false);
  assert.equal(await page.isVisible('#data-source'), true, 'the chooser opens on the CSV tab');
  assert.equal(await page.getAttribute('#tab-csv', 'aria-selected'), 'true');
  assert.equal(await page.textContent('#data-name'), 'dropped.csv');
});

for (const [preset, expected] of [
  ['circle', { shapes: 'train 100 × 2, test 100 × 2 · 2 classes', scatter: true }],
  ['worked-example', { shapes: 'train 2 × 2, test 0 × 2 · regression', scatter: true }],
  ['logistic-regression', { shapes: 'train 160 × 2, test 40 × 2 · 2 classes', scatter: true, inputs: 2, last: { units: 1, activation: 'sigmoid' }, depth: 1 }],
  ['iris', { shapes: 'train 120 × 4, test 30 × 4 · 3 classes', scatter: false, inputs: 4, last: { units: 3, activation: 'softmax' }, depth: 2 }],
  ['digits', { shapes: 'train 1438 × 64, test 359 × 64 · 10 classes', scatter: false, inputs: 64, last: { units: 10, activation: 'softmax' }, depth: 2, image: true }],
]) {
  test(`?preset=${preset} boots with its data in the panel`, async (t) => {
    const page = await browser.open(t, { query: `?preset=${preset}` });
    assert.equal(await page.textContent('#data-shapes'), expected.shapes);
    assert.equal(await page.inputValue('#preset'), preset, 'the preset picker lists it, chosen');
    if (expected.inputs) {
      const network = await layersOf(page);
      assert.equal(network.inputs, expected.inputs);
      assert.equal(network.layers.length, expected.depth);
      assert.deepEqual(network.layers.at(-1), expected.last);
      const summary = await summaryOf(page);
      assert.equal(summary.standardized, true);
      assert.equal(await page.isChecked('#prep-standardize'), true);
      assert.equal(await page.isEnabled('#prep-test'), true, 'data prepared here can be prepared again');
    } else {
      assert.equal(await page.isEnabled('#prep-test'), false, 'a session file\'s data cannot be prepared again');
    }
    await page.click('#step-phase');
    assert.equal(await page.isVisible('#data-scatter'), expected.scatter);
    assert.equal(await page.isVisible('#digit-view'), Boolean(expected.image));
    assert.match(await page.textContent('#batch-note'), /^Sample 1 of \d+ \(data row \d+\) · y = /);
    if (expected.image) {
      // Each pixel of the raw image is the grey of the batch's first row: 0 white, 16 black.
      const { greys, expectedGreys } = await page.evaluate(async () => {
        const { canvasPixels } = (await import('/www/bundle.js')).bitmapCanvas;
        const row = JSON.parse(window.playground.trace()).rows[0];
        const raw = JSON.parse(window.playground.dataRows('train')).raw[row];
        const canvas = document.getElementById('digit-raw');
        const ratio = canvas.width / canvas.clientWidth;
        const cell = (canvas.clientWidth - 2) / 8;
        const at = (i, j) => canvasPixels(canvas, Math.round((1 + (j + 0.5) * cell) * ratio), Math.round((1 + (i + 0.5) * cell) * ratio), 1, 1)[0];
        return {
          greys: raw.map((_, k) => at(Math.floor(k / 8), k % 8)),
          expectedGreys: raw.map((v) => Math.round(255 * (1 - v / Math.max(16, ...raw)))),
        };
      });
      assert.deepEqual(greys, expectedGreys);
    }
    if (['circle', 'iris', 'digits'].includes(preset)) {
      for (const [viewport, size] of [[LAPTOP, '1366x768'], [PROJECTOR, '1920x1080']]) {
        await page.setViewportSize(viewport);
        await screenshot(page, `data-${preset}-${size}`);
      }
      // Closing the preprocessing step leaves the room to the batch (a session file's data starts closed).
      if (await page.getAttribute('#prep-step', 'open') !== null) await page.click('#prep-title');
      for (const [viewport, size] of [[LAPTOP, '1366x768'], [PROJECTOR, '1920x1080']]) {
        await page.setViewportSize(viewport);
        await screenshot(page, `data-${preset}-batch-${size}`);
      }
    }
  });
}

test('the preset picker lists the CSV presets', async (t) => {
  const page = await browser.open(t);
  const names = await page.$$eval('#preset option', (list) => list.map((o) => o.value));
  for (const name of ['circle', 'worked-example', 'logistic-regression', 'iris', 'digits']) assert.ok(names.includes(name), name);
});

test('a generated set loads with its size, and the network\'s inputs and outputs follow', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#source-toggle');
  assert.equal(await page.$$eval('.gen-card canvas', (list) => list.filter((c) => c.width > 0).length), 7, 'seven previews drawn');
  await screenshot(page, 'data-chooser-1366x768');
  // → on a tab moves to the next tab, and does not step training.
  await page.focus('#tab-generated');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-real', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => window.playground.phase()), 'Forward(1)');
  await page.click('#tab-generated');
  await setValue(page, '#gen-points', 100);
  await page.click('[data-generator="xor"]');
  let summary = await summaryOf(page);
  assert.equal(summary.rows.total, 100);
  assert.deepEqual(summary.classes.length, 2);
  let network = await layersOf(page);
  assert.equal(network.inputs, 2);
  assert.deepEqual(network.layers.at(-1), { units: 1, activation: 'sigmoid' });
  assert.equal(await page.getAttribute('[data-generator="xor"]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('#data-name'), /^XOR · 100 points, noise 0.1, seed 1$/);

  await page.selectOption('#gen-classes', '4');
  await page.click('[data-generator="blobs"]');
  network = await layersOf(page);
  assert.deepEqual(network.layers.at(-1), { units: 4, activation: 'softmax' });
  assert.equal(JSON.parse(await sessionOf(page)).loss, 'cce');

  await page.click('[data-generator="sine"]');
  summary = await summaryOf(page);
  network = await layersOf(page);
  assert.equal(summary.task, 'regression');
  assert.equal(network.inputs, 1);
  assert.deepEqual(network.layers.at(-1), { units: 1, activation: 'identity' });

  // With a generated set loaded, its controls load it again.
  await setValue(page, '#gen-noise', 0.5);
  assert.match(await page.textContent('#data-name'), /^Sine \(regression\) · 100 points, noise 0.5, seed 1$/);
  await page.click('#source-close');
  await page.click('#step-phase');
  assert.equal(await page.isVisible('#data-scatter'), true);
  await screenshot(page, 'data-sine-1366x768');
});

test('the standardise switch, the test share and the split seed change what the core prepares', async (t) => {
  const page = await browser.open(t, { query: '?preset=iris' });
  const rawFirst = await page.evaluate(() => JSON.parse(window.playground.dataRows('train')).raw[0]);
  await page.uncheck('#prep-standardize');
  let summary = await summaryOf(page);
  assert.equal(summary.standardized, false);
  let trained = JSON.parse(await sessionOf(page)).data.train.x[0];
  assert.deepEqual(trained, rawFirst, 'without standardisation the network sees the raw values');
  assert.match(await page.textContent('#prep-note'), /Standardisation is off/);
  await page.check('#prep-standardize');
  summary = await summaryOf(page);
  assert.equal(summary.standardized, true);
  trained = JSON.parse(await sessionOf(page)).data.train.x[0];
  assert.notDeepEqual(trained, rawFirst);

  await setValue(page, '#prep-test', 50);
  summary = await summaryOf(page);
  assert.equal(summary.split.test_fraction, 0.5);
  assert.deepEqual(summary.rows, { total: 150, train: 75, test: 75 });
  assert.deepEqual(summary.class_counts.test, [25, 25, 25], 'stratified by class');
  assert.equal(await page.textContent('#prep-test-value'), '50%');
  assert.match(await page.textContent('#data-shapes'), /train 75 × 4, test 75 × 4/);

  const firstRows = await page.evaluate(() => JSON.parse(window.playground.dataRows('train')).raw.slice(0, 5));
  await setValue(page, '#prep-seed', 7);
  summary = await summaryOf(page);
  assert.equal(summary.split.seed, 7);
  assert.notDeepEqual(await page.evaluate(() => JSON.parse(window.playground.dataRows('train')).raw.slice(0, 5)), firstRows,
    'another seed, another split');
  // The stats table shows the scaler fitted on the training split.
  const firstMean = await page.textContent('#prep-stats tbody tr:first-child td');
  assert.equal(Number(firstMean), Number(summary.scaler.mean[0].toPrecision(4)));
  // The hidden layer of the preset is kept through all of this.
  assert.deepEqual((await layersOf(page)).layers[0], { units: 8, activation: 'tanh' });
});

// Scroll the batch table into the Data panel's view, as a reader does, and wait until it is
// written: the page writes it when it comes near (www/views/data.js writeTable).
async function showBatchTable(page) {
  await page.locator('#batch-table').scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
}

test('a batch table out of sight is written once the steps pause, or as soon as it is scrolled near', async (t) => {
  const page = await browser.open(t, { query: '?preset=iris' });
  await page.evaluate(() => window.playground.configure(JSON.stringify({ training: { batch_size: 10 } })));
  await page.click('#step-phase');
  await settled(page);
  const firstLines = () => page.$$eval('#batch-table tbody tr', (lines) => lines.filter((l) => !l.hidden).map((l) => l.querySelector('th').textContent));
  const rowsOf = async () => JSON.parse(await traceOf(page)).rows.map((r) => String(r + 1));
  // At 1366 × 768 the table lies below the scatter, out of the panel's view.
  const place = await page.evaluate(() => ({
    table: document.getElementById('batch-table').getBoundingClientRect().top,
    bottom: document.getElementById('data-view').getBoundingClientRect().bottom,
  }));
  assert.ok(place.table > place.bottom, `out of sight: ${JSON.stringify(place)}`);
  assert.deepEqual(await firstLines(), await rowsOf());
  const before = await firstLines();
  // A step to the next batch does not write it in the step's frame...
  await page.click('#step-batch');
  await page.click('#step-phase');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.deepEqual(await firstLines(), before, 'not written while out of sight');
  // ...but once the steps pause.
  await settled(page);
  assert.deepEqual(await firstLines(), await rowsOf(), 'written once the page is still');
  // Scrolled near, the next batch is written at once.
  await page.click('#step-batch');
  await page.click('#step-phase');
  await showBatchTable(page);
  assert.deepEqual(await firstLines(), await rowsOf(), 'written as it comes into sight');
  // In sight, a step writes it in its own frame.
  await page.click('#step-batch');
  await page.click('#step-phase');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  assert.deepEqual(await firstLines(), await rowsOf(), 'written in the step\'s frame');
});

test('the batch table lists the batch raw and standardised, and a click selects a sample', async (t) => {
  const page = await browser.open(t, { query: '?preset=iris' });
  await page.click('#step-phase');
  await showBatchTable(page);
  const trace = JSON.parse(await traceOf(page));
  const rows = await page.evaluate(() => JSON.parse(window.playground.dataRows('train')));
  const first = await page.$$eval('#batch-table tbody tr:first-child td', (cells) => cells.map((c) => c.textContent));
  const r = trace.rows[0];
  assert.equal(await page.textContent('#batch-table tbody tr:first-child th'), String(r + 1));
  assert.equal(first[0], `${Number(rows.raw[r][0].toPrecision(3))}${Number(rows.standardized[r][0].toPrecision(3))}`.replaceAll('-', '−'));
  await page.click('#batch-table tbody tr:nth-child(3)');
  assert.match(await page.textContent('#batch-note'), new RegExp(`^Sample 3 of 120 \\(data row ${trace.rows[2] + 1}\\)`));
  assert.equal(await page.getAttribute('#batch-table tbody tr:nth-child(3)', 'class'), 'is-selected');
});

test('the next batch is written into the same lines of the batch table', async (t) => {
  const page = await browser.open(t, { query: '?preset=iris' });
  await page.evaluate(() => window.playground.configure(JSON.stringify({ training: { batch_size: 10 } })));
  await page.click('#step-phase');
  await settled(page);
  const rows = await page.evaluate(() => JSON.parse(window.playground.dataRows('train')));
  const before = JSON.parse(await traceOf(page));
  await page.evaluate(() => { document.querySelector('#batch-table tbody tr').dataset.kept = 'yes'; });
  await page.click('#step-batch');
  await page.click('#step-phase');
  await settled(page);
  const next = JSON.parse(await traceOf(page));
  assert.notDeepEqual(next.rows, before.rows, 'another batch');
  const line = page.locator('#batch-table tbody tr').first();
  assert.equal(await line.getAttribute('data-kept'), 'yes', 'the same line');
  const n = next.rows[0];
  assert.equal(await line.locator('th').textContent(), String(n + 1));
  assert.equal(await line.locator('td').first().textContent(),
    `${Number(rows.raw[n][0].toPrecision(3))}${Number(rows.standardized[n][0].toPrecision(3))}`.replaceAll('-', '−'));
  // A click on a line still picks the sample it now shows.
  await page.click('#batch-table tbody tr:nth-child(2)');
  assert.match(await page.textContent('#batch-note'), new RegExp(`^Sample 2 of 10 \\(data row ${next.rows[1] + 1}\\)`));
  // The line is marked at the redraw after the click, which a busy machine may paint a frame later.
  await page.waitForSelector('#batch-table tbody tr:nth-child(2).is-selected', { timeout: 5000 });
  assert.equal(await page.getAttribute('#batch-table tbody tr:nth-child(2)', 'class'), 'is-selected');
});

test('a shorter last batch hides the lines it does not need, and the next full batch shows them again', async (t) => {
  const page = await browser.open(t, { query: '?preset=iris' });
  // 120 training rows in batches of 11: ten of 11, then one of 10 (the table shows 12 lines at most).
  await page.evaluate(() => window.playground.configure(JSON.stringify({ training: { batch_size: 11 } })));
  await page.click('#step-phase');
  await showBatchTable(page);
  const shownLines = () => page.$$eval('#batch-table tbody tr', (lines) => lines.filter((l) => !l.hidden).map((l) => l.querySelector('th').textContent));
  const rowsOf = async () => JSON.parse(await traceOf(page)).rows.map((r) => String(r + 1));
  assert.deepEqual(await shownLines(), await rowsOf());
  await page.evaluate(() => { document.querySelector('#batch-table tbody tr').dataset.kept = 'yes'; });
  for (let batch = 1; batch < 11; batch += 1) await page.click('#step-batch');
  await page.click('#step-phase');
  await settled(page);
  const last = await rowsOf();
  assert.equal(last.length, 10, 'the last batch of the epoch');
  assert.deepEqual(await shownLines(), last, 'only its 10 lines show');
  assert.equal(await page.locator('#batch-table tbody tr').count(), 11, 'the other line is kept, hidden');
  await page.click('#step-batch');
  await page.click('#step-phase');
  await settled(page);
  const next = await rowsOf();
  assert.equal(next.length, 11);
  assert.deepEqual(await shownLines(), next, 'a full batch shows every line again');
  assert.equal(await page.locator('#batch-table tbody tr').first().getAttribute('data-kept'), 'yes', 'the same lines');
});

test('a session saves to a file and opens again; a bad session file changes nothing', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  await page.click('#step-phase');
  await page.click('#step-phase');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#session-save')]);
  assert.equal(download.suggestedFilename(), 'worked-example-article-4-3.json');
  const saved = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  assert.equal(saved, await savedOf(page));
  assert.ok(JSON.parse(saved).undo.length > 0, 'the file keeps the undo steps');

  const other = await browser.open(t, { query: '?preset=circle' });
  await other.setInputFiles('#session-file', { name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await other.waitForFunction(() => JSON.parse(window.playground.toSession()).network.inputs === 2
    && JSON.parse(window.playground.toSession()).network.layers.length === 1);
  assert.equal(await savedOf(other), saved, 'the opened session is the saved one, to the bit, undo steps too');
  assert.equal(await other.textContent('#data-shapes'), 'train 2 × 2, test 0 × 2 · regression');
  assert.equal(await other.textContent('#phase'), await page.textContent('#phase'));

  const before = { session: await sessionOf(other), trace: await traceOf(other) };
  const bad = JSON.parse(saved);
  bad.data.train.x[1] = [3];
  await other.setInputFiles('#session-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await other.waitForSelector('#error:not([hidden])');
  const message = await other.textContent('#error');
  assert.match(message, /bad\.json was not opened: .*data\.train\.x\[1\]/);
  assert.match(message, /session is unchanged/);
  assert.deepEqual({ session: await sessionOf(other), trace: await traceOf(other) }, before);
});

test('a file refused with its last column as target stays on offer, and another target loads it', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const before = await sessionOf(page);
  // With "weight" (the last column) as target, the text column "label" would be an input.
  const text = peopleCsv().split('\n').map((line) => line.split(',')).filter((cells) => cells.length === 3)
    .map(([h, w, label]) => `${label},${h},${w}`).join('\n');
  await uploadCsv(page, csvFile('people.csv', `${text}\n`));
  await page.waitForSelector('#csv-error:not([hidden])');
  assert.equal(await sessionOf(page), before, 'the refused file changed nothing');
  const options = await page.$$eval('#csv-target option', (list) => list.map((o) => o.textContent));
  assert.deepEqual(options, ['label', 'height', 'weight']);
  await page.selectOption('#csv-target', '0');
  await page.waitForSelector('#csv-error', { state: 'hidden' });
  const summary = await summaryOf(page);
  assert.equal(summary.task, 'classification');
  assert.notEqual(await sessionOf(page), before);
});
