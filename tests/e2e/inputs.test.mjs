// The page as a new person tries it: addresses naming no preset, 64-bit seeds, numbers
// a float cannot hold, keys on focused controls, the settings form after Open, a session made from
// a CSV file opened again, and the wording of a learning rate changed after an update.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, screenshot, settled } from './harness.mjs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const browser = useBrowser();

const PRESETS = ['circle', 'worked-example', 'logistic-regression', 'iris', 'digits'];
const traceOf = (page) => page.evaluate(() => JSON.parse(window.playground.trace()));
const sessionOf = (page) => page.evaluate(() => window.playground.toSession());
// What Save writes: the session with its newest undo steps (about 1 MB at most).
const savedOf = (page) => page.evaluate(() => window.playground.toSessionWithUndo(1 << 20));
// The seed in the session text, by a pattern on the text: JSON.parse would round it.
const seedIn = (text) => /"training": \{[^{}]*"seed": (\d+),/.exec(text)[1];

// A file for page.setInputFiles.
const file = (name, text, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text) });

// Forty people: height and weight, "tall" above 170 cm, else "short".
function peopleCsv() {
  const lines = ['height,weight,label'];
  for (let i = 0; i < 40; i += 1) {
    const height = 150 + ((i * 37) % 41);
    lines.push(`${height},${50 + ((i * 11) % 31)},${height > 170 ? 'tall' : 'short'}`);
  }
  return `${lines.join('\n')}\n`;
}

// Type `text` into the settings field `id` and press Enter.
async function typeSetting(page, id, text) {
  if (!(await page.locator('#settings').isVisible())) await page.click('#settings-toggle');
  await page.fill(`#${id}`, text);
  await page.press(`#${id}`, 'Enter');
}

for (const [query, preset] of [
  ['?preset=Iris', 'iris'],
  ['?preset=%20iris%20', 'iris'],
  ['?preset=iris%20', 'iris'],
  ['?preset=Worked%20Example', 'worked-example'],
  ['?preset=worked_example', 'worked-example'],
]) {
  test(`${query} finds the preset ${preset}`, async (t) => {
    const page = await browser.open(t, { query });
    assert.equal(await page.inputValue('#preset'), preset);
    assert.equal(await page.isVisible('#error'), false, 'nothing to say');
  });
}

for (const query of ['?preset=xor', '?preset=', '?preset=circles', '?preset=%3Cb%3Eiris%3C%2Fb%3E']) {
  test(`${query} starts the default preset and names every preset`, async (t) => {
    // open() checks that the page booted ("ready") without a console error.
    const page = await browser.open(t, { query });
    assert.equal(await page.inputValue('#preset'), 'circle');
    const menu = await page.$$eval('#preset option:not([hidden])', (list) => list.map((o) => o.value));
    assert.deepEqual(menu, PRESETS, 'the preset menu lists every preset');
    const message = await page.textContent('#error');
    assert.equal(await page.isVisible('#error'), true);
    for (const name of PRESETS) assert.ok(message.includes(name), `the message names ${name}: ${message}`);
    assert.match(message, /opened Circle/);
    if (query.includes('%3Cb')) assert.match(message, /“<b>iris<\/b>”/, 'what was asked for, as text');
    assert.equal(await page.textContent('#data-name'), 'Circle');
    await page.click('#step-phase');
    assert.equal((await traceOf(page)).last_phase, 'Forward(1)', 'the page works');
  });
}

test('a preset whose data cannot be fetched starts the default and says why', async (t) => {
  const init = () => {
    const fetchFile = window.fetch.bind(window);
    window.fetch = (url, ...rest) => (String(url).endsWith('iris.csv') ? Promise.reject(new Error('offline')) : fetchFile(url, ...rest));
  };
  const page = await browser.open(t, { query: '?preset=iris', init });
  assert.equal(await page.inputValue('#preset'), 'circle');
  assert.match(await page.textContent('#error'), /The preset iris could not be opened \(offline\), so the page opened Circle/);
});

test('a 64-bit seed goes in with every digit; one beyond is refused with its digits', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  for (const seed of ['18446744073709551615', '12345678901234567']) {
    await typeSetting(page, 'set-seed', seed);
    assert.equal(seedIn(await sessionOf(page)), seed, 'the session has the digits typed');
    assert.equal(await page.inputValue('#set-seed'), seed, 'the field shows them back');
    assert.match(await page.textContent('#status'), new RegExp(`restarted from seed ${seed}\\.`));
    assert.equal(await page.isVisible('#set-seed-error'), false);
  }
  const before = await sessionOf(page);
  await typeSetting(page, 'set-seed', '18446744073709551616');
  assert.equal(await page.isVisible('#set-seed-error'), true);
  assert.match(await page.textContent('#set-seed-error'), /^Not applied: 18446744073709551616 is beyond 18446744073709551615/);
  assert.equal(await page.getAttribute('#set-seed', 'aria-invalid'), 'true');
  assert.equal(await sessionOf(page), before, 'nothing changed');
});

test('the split seed and the seed of the points keep their digits, or are refused with them', async (t) => {
  const page = await browser.open(t, { query: '?preset=iris' });
  const seed = '18446744073709551615';
  await page.fill('#prep-seed', seed);
  await page.dispatchEvent('#prep-seed', 'change');
  const summary = await page.evaluate(() => window.playground.dataSummary());
  assert.equal(/"split":\{[^{}]*"seed":(\d+)/.exec(summary)[1], seed);
  assert.equal(await page.inputValue('#prep-seed'), seed);
  await page.fill('#prep-seed', '18446744073709551616');
  await page.dispatchEvent('#prep-seed', 'change');
  assert.match(await page.textContent('#prep-error'), /from 0 to 18446744073709551615, got “18446744073709551616”/);

  // The core takes the points' seed as 32 bits: a larger one is refused, not wrapped round.
  await page.click('#source-toggle');
  await page.click('#tab-generated');
  await page.fill('#gen-seed', '4294967296');
  await page.dispatchEvent('#gen-seed', 'change');
  const before = await sessionOf(page);
  await page.click('.gen-card[data-generator="xor"]');
  assert.match(await page.textContent('#gen-error'), /from 0 to 4294967295, got “4294967296”/);
  assert.equal(await sessionOf(page), before, 'nothing was loaded');
  await page.fill('#gen-seed', '4294967295');
  await page.dispatchEvent('#gen-seed', 'change');
  await page.click('.gen-card[data-generator="xor"]');
  assert.equal(await page.isVisible('#gen-error'), false);
  assert.match(await page.textContent('#data-name'), /seed 4294967295/);
});

test('a learning rate of 1e-400 is refused with the text typed, not "got 0"', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const before = await sessionOf(page);
  await typeSetting(page, 'set-lr', '1e-400');
  const message = await page.textContent('#set-lr-error');
  assert.match(message, /1e-400/);
  assert.doesNotMatch(message, /got 0/);
  assert.equal(await page.inputValue('#set-lr'), '1e-400');
  assert.equal(await sessionOf(page), before);
});

test('a CSV file of one data row is refused in the singular', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', file('one.csv', 'x,y\n1,0\n'));
  await page.waitForSelector('#csv-error:not([hidden])');
  assert.match(await page.textContent('#csv-error'), /the file has 1 data row; at least 2 are needed/);
});

test('arrows on a focused select are the select\'s, also after its change rebuilt the layer rows', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#settings-toggle');
  const activation = page.locator('#set-layers li').nth(0).locator('select');
  await activation.focus();
  const layers = () => page.evaluate(() => JSON.parse(window.playground.toSession()).network.layers.map((l) => l.activation));
  const first = (await layers())[0];
  await page.keyboard.press('ArrowDown');
  const second = (await layers())[0];
  assert.notEqual(second, first, 'the arrow chose the next activation');
  assert.equal(await page.evaluate(() => document.activeElement.matches('#set-layers li:first-child select')), true,
    'the new row\'s select has the focus');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.locator('#set-loss').focus();
  await page.keyboard.press('ArrowLeft');
  const trace = await traceOf(page);
  assert.deepEqual([trace.last_phase, trace.undo_depth], [null, 0], 'no arrow stepped or stepped back');
});

test('Space and Enter press the focused button, never Play; arrows on a button still step', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#step-phase');
  await page.keyboard.press('Space');
  assert.equal((await traceOf(page)).undo_depth, 2, 'Space pressed "Next phase" again');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false', 'and did not play');
  await page.keyboard.press('Enter');
  assert.equal((await traceOf(page)).undo_depth, 3);
  await page.keyboard.press('ArrowRight');
  assert.equal((await traceOf(page)).undo_depth, 4, '→ is still the next phase');
  await page.locator('#settings-toggle').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#settings').isVisible(), true, 'Space opened the settings');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  // With no control focused, Space is Play.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
});

test('after Open or new data the settings show the loaded values, without the refused ones', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await typeSetting(page, 'set-lr', 'fast');
  await typeSetting(page, 'set-batch', '0');
  await typeSetting(page, 'set-seed', '-1');
  for (const id of ['set-lr', 'set-batch', 'set-seed']) assert.equal(await page.isVisible(`#${id}-error`), true, id);
  const worked = Playground.defaultSession('worked-example');
  await page.setInputFiles('#session-file', file('worked.json', worked, 'application/json'));
  await page.waitForFunction(() => JSON.parse(window.playground.toSession()).network.layers.length === 1);
  for (const [id, value] of [['set-lr', '0.1'], ['set-batch', '1'], ['set-seed', '1']]) {
    assert.equal(await page.inputValue(`#${id}`), value, `${id} shows the opened session's value`);
    assert.equal(await page.isVisible(`#${id}-error`), false, `${id}: no message left`);
    assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), null);
  }
  // The value refused before is sent again when typed again: the form does not take it as sent.
  await typeSetting(page, 'set-lr', 'fast');
  assert.equal(await page.isVisible('#set-lr-error'), true);
  await page.click('#source-toggle');
  await page.click('#tab-generated');
  await page.click('.gen-card[data-generator="xor"]');
  assert.equal(await page.isVisible('#set-lr-error'), false, 'new data clears it too');
  assert.equal(await page.inputValue('#set-lr'), '0.1');
});

test('a session made from an uploaded CSV opens with its file, classes, save name, chooser and no preset', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', file('people.csv', peopleCsv()));
  await page.waitForFunction(() => JSON.parse(window.playground.dataSummary()).target === 'label');
  assert.equal(await page.inputValue('#preset'), '', 'the data is no longer the preset\'s');
  let [download] = await Promise.all([page.waitForEvent('download'), page.click('#session-save')]);
  assert.equal(download.suggestedFilename(), 'people.json');
  const saved = (await (await download.createReadStream()).toArray()).join('');
  // Other data first, so that everything the opened session shows has to change back.
  await page.click('#tab-generated');
  await page.click('.gen-card[data-generator="xor"]');
  await page.click('#source-close');

  const other = await browser.open(t, { query: '?preset=worked-example' });
  for (const target of [page, other]) {
    await target.setInputFiles('#session-file', file('people.json', saved, 'application/json'));
    await target.waitForFunction(() => JSON.parse(window.playground.meta()).name === 'people.csv');
    assert.equal(await savedOf(target), saved, 'the opened session is the saved one');
    assert.equal(await target.textContent('#data-name'), 'people.csv');
    assert.equal(await target.textContent('#data-shapes'), 'train 32 × 2, test 8 × 2 · 2 classes');
    assert.equal(await target.inputValue('#preset'), '');
    assert.match(await target.locator('#preset option:checked').textContent(), /No preset/);
    assert.equal(await target.isVisible('#errata'), false);
    await target.click('#step-phase');
    assert.match(await target.textContent('#batch-note'), /y = (short|tall)$/, 'the classes by name');
    await settled(target);
    assert.deepEqual(await target.$$eval('#batch-table thead th', (list) => list.map((th) => th.title)), ['Row', 'height', 'weight', 'y']);
    [download] = await Promise.all([target.waitForEvent('download'), target.click('#session-save')]);
    assert.equal(download.suggestedFilename(), 'people.json');
    await target.click('#source-toggle');
    await target.click('#tab-csv');
    assert.match(await target.textContent('#csv-file-name'), /came in a session file, read from people\.csv/);
    assert.equal(await target.isVisible('#csv-options'), false, 'no target or task to choose');
    await target.click('#tab-generated');
    assert.equal(await target.locator('.gen-card[aria-pressed="true"]').count(), 0, 'no generated set is marked');
  }
  await screenshot(other, 'inputs-opened-csv-session');
});

test('a learning rate changed while an update is on show applies from the next update, and says so', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#step-batch');
  assert.equal((await traceOf(page)).last_phase, 'Update');
  await typeSetting(page, 'set-lr', '0.05');
  const status = await page.textContent('#status');
  assert.match(status, /Learning rate α changed to 0\.05; it applies from the next update\. The update on show was made with the α before\./);
});
