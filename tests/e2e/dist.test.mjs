// The one-file build (scripts/dist.mjs): opened from the disk (file://) with every http(s) request
// refused, it boots, computes the worked example's loss, and loads the CSV files and the lesson it
// carries.
// Built here when missing or older than its inputs (make dist builds it too).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { useBrowser, screenshot, readNumber } from './harness.mjs';
import { buildDist, isFresh, DIST_FILE } from '../../scripts/dist.mjs';

const browser = useBrowser();
const FILE_URL = pathToFileURL(DIST_FILE).href;

// The loss of the worked example, by hand: ½((1.5 − 3)² + (1.5 − 4)²) = ½(2.25 + 6.25).
const WORKED_EXAMPLE_LOSS = 4.25;

before(async () => {
  if (!isFresh()) await buildDist();
});

// Wait until the page that a navigation brought has booted.
async function booted(page) {
  await page.waitForFunction(() => document.documentElement.dataset.state, null, { timeout: 15_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready', await page.textContent('#error'));
}

test('the file holds everything: no link to another file, a policy without unsafe-inline', () => {
  const html = readFileSync(DIST_FILE, 'utf8');
  assert.doesNotMatch(html, /<link rel="stylesheet"|<script[^>]* src=/);
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval';/);
  assert.match(policy, /style-src 'sha256-[A-Za-z0-9+/]+=*';/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
});

test('opened from file:// with no network, ?preset=worked-example boots and shows J = 4.25', async (t) => {
  const page = await browser.open(t, { url: FILE_URL, query: '?preset=worked-example', offline: true });
  assert.equal(await page.evaluate(() => window.location.protocol), 'file:');
  assert.equal(await page.inputValue('#preset'), 'worked-example', 'the address\'s query was read');
  // The page fetched nothing at all: the wasm and the modules came from inside the file.
  assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name)), []);
  const lastPhase = () => page.evaluate(() => JSON.parse(window.playground.trace()).last_phase);
  for (let i = 0; i < 10 && (await lastPhase()) !== 'Loss'; i += 1) await page.click('#step-phase');
  assert.equal(await lastPhase(), 'Loss');
  assert.equal(readNumber(await page.textContent('#loss')), WORKED_EXAMPLE_LOSS);
  await screenshot(page, 'dist-worked-example');
  // Save works from the disk too: the session file holds the step just taken.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#session-save')]);
  const saved = JSON.parse((await (await download.createReadStream()).toArray()).join(''));
  assert.equal(saved.position.phase, await page.evaluate(() => window.playground.phase()));

  // Share works from the disk: the link is the file's address, its QR code is drawn, and the link
  // opened offline shows the same state.
  await page.click('#share-button');
  await page.waitForFunction(() => document.getElementById('share-link').value.includes('#s='));
  const link = await page.inputValue('#share-link');
  assert.ok(link.startsWith(`${FILE_URL}?preset=worked-example#s=`) || link.startsWith(`${FILE_URL}#s=`), link);
  assert.equal(await page.isVisible('#share-qr'), true);
  const other = await browser.open(t, { url: FILE_URL, query: link.slice(FILE_URL.length), offline: true });
  assert.equal(await other.evaluate(() => window.playground.trace()), await page.evaluate(() => window.playground.trace()));
});

test('opened from file://, the preset menu opens iris and the chooser the digits, from the CSV files inside', async (t) => {
  const page = await browser.open(t, { url: FILE_URL, offline: true });
  assert.equal(await page.inputValue('#preset'), 'circle');
  await Promise.all([page.waitForURL(/\?preset=iris$/), page.selectOption('#preset', 'iris')]);
  await booted(page);
  assert.ok(page.url().startsWith('file:'), page.url());
  assert.equal(await page.inputValue('#preset'), 'iris');
  assert.equal(await page.textContent('#data-shapes'), 'train 120 × 4, test 30 × 4 · 3 classes');
  // The columns are iris.csv's own.
  const header = readFileSync(new URL('../../www/data/iris.csv', import.meta.url), 'utf8').split('\n')[0].split(',');
  assert.deepEqual(JSON.parse(await page.evaluate(() => window.playground.dataSummary())).inputs, header.slice(0, -1));
  await page.click('#step-phase');
  assert.match(await page.textContent('#batch-note'), /^Sample 1 of \d+ \(data row \d+\) · y = /);

  await page.click('#source-toggle');
  await page.click('#tab-real');
  await page.click('button[data-csv="digits"]');
  await page.waitForFunction(() => JSON.parse(window.playground.dataSummary()).inputs.length === 64);
  assert.equal(await page.textContent('#data-shapes'), 'train 1438 × 64, test 359 × 64 · 10 classes');
  assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name)), []);
});

test('opened from file://, the built-in lesson comes from inside the file: ?lesson=article&step=4 shows J = 4.25', async (t) => {
  const page = await browser.open(t, { url: FILE_URL, query: '?lesson=article&step=4', offline: true });
  await page.waitForFunction(() => document.getElementById('lesson').dataset.step === '3' && document.getElementById('lesson').dataset.busy === 'false');
  assert.equal(await page.isVisible('#lesson .lesson-problem'), false, await page.textContent('#lesson .lesson-problem'));
  assert.equal(readNumber(await page.textContent('#loss')), WORKED_EXAMPLE_LOSS);
  await page.click('#lesson-next');
  await page.waitForFunction(() => document.getElementById('lesson').dataset.step === '4' && document.getElementById('lesson').dataset.busy === 'false');
  assert.equal(await page.evaluate(() => window.playground.phase()), 'Update');
});

test('opened from file://, the digits played fast train in the worker the file carries, to the numbers of training on the page', async (t) => {
  const page = await browser.open(t, { url: FILE_URL, query: '?preset=digits', offline: true });
  await page.evaluate(() => window.playground.configure(JSON.stringify({ training: { max_epochs: null } })));
  await page.$eval('#speed', (slider) => {
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.click('#play');
  await page.waitForFunction(() => document.documentElement.dataset.training === 'worker', null, { timeout: 60_000 });
  const from = await page.evaluate(() => JSON.parse(window.playground.trace()).epochs_done);
  await page.waitForFunction((n) => JSON.parse(window.playground.trace()).epochs_done >= n, from + 10, { timeout: 60_000 });
  await page.click('#play');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  const epochs = await page.evaluate(() => JSON.parse(window.playground.trace()).epochs_done);
  // The same bits as the epochs run on the page's own thread, in another copy of the file.
  const other = await browser.open(t, { url: FILE_URL, query: '?preset=digits', offline: true });
  const alone = await other.evaluate((n) => {
    window.playground.configure(JSON.stringify({ training: { max_epochs: null } }));
    window.playground.run(n);
    return window.playground.toSession();
  }, epochs);
  assert.ok(alone === await page.evaluate(() => window.playground.toSession()), `after ${epochs} epochs, the session run on the page`);
});
