// The page boots, steps through phases, and shows the core's numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, readNumber, LAPTOP, PROJECTOR } from './harness.mjs';

const browser = useBrowser();

// The loss of the worked example, by hand: ½((1.5 − 3)² + (1.5 − 4)²) = ½(2.25 + 6.25).
const WORKED_EXAMPLE_LOSS = 4.25;

// The core's current trace, read from the page's live Playground.
const traceOf = (page) => page.evaluate(() => JSON.parse(window.playground.trace()));

test('the page loads the default preset with every region and no errors', async (t) => {
  const page = await browser.open(t);
  for (const id of ['data-title', 'network-title', 'loop-title', 'inspector-title', 'charts-title']) {
    assert.ok((await page.locator(`#${id}`).textContent()).trim().length > 0, `#${id} has text`);
  }
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.equal(await page.locator('#phase').getAttribute('data-phase'), await page.evaluate(() => window.playground.phase()));
  assert.equal((await page.locator('#loss').textContent()).trim(), '—', 'no loss before the Loss phase');
  for (const id of ['step-phase', 'step-batch', 'step-epoch']) {
    assert.equal(await page.locator(`#${id}`).isEnabled(), true, `#${id} is enabled`);
  }
  assert.equal(await page.locator('#step-back').isDisabled(), true, 'nothing to undo at the start');
});

test('every piece of text in the markup comes from the message table', async (t) => {
  const page = await browser.open(t);
  const untranslated = await page.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
    .filter((el) => el.textContent.trim() === '' || el.textContent === el.dataset.i18n)
    .map((el) => el.dataset.i18n));
  assert.deepEqual(untranslated, []);
});

test('"Next phase" advances the phase label, and "Step back" returns to it', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  const phase = page.locator('#phase');
  assert.equal(await phase.getAttribute('data-phase'), 'Forward(1)');
  const firstLabel = await phase.textContent();
  await page.click('#step-phase');
  const next = await phase.getAttribute('data-phase');
  assert.notEqual(next, 'Forward(1)');
  assert.equal(next, await page.evaluate(() => window.playground.phase()));
  assert.notEqual(await phase.textContent(), firstLabel);
  await page.click('#step-back');
  assert.equal(await phase.getAttribute('data-phase'), 'Forward(1)');
  assert.equal(await phase.textContent(), firstLabel);
});

test('"Next batch" and "Next epoch" move the counters the way the core does', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const counters = async () => ({
    epoch: (await page.locator('#epoch').textContent()).trim(),
    batch: (await page.locator('#batch').textContent()).trim(),
  });
  assert.deepEqual(await counters(), { epoch: '1', batch: `1 of ${(await traceOf(page)).batches}` });
  await page.click('#step-batch');
  let trace = await traceOf(page);
  assert.equal(trace.last_phase, 'Update', 'a batch ends with the update');
  assert.deepEqual(await counters(), { epoch: String(trace.epoch + 1), batch: `${trace.batch + 1} of ${trace.batches}` });
  await page.click('#step-epoch');
  trace = await traceOf(page);
  assert.equal(trace.batch + 1, trace.batches, 'an epoch ends with its last batch');
  assert.deepEqual(await counters(), { epoch: String(trace.epoch + 1), batch: `${trace.batch + 1} of ${trace.batches}` });
  assert.equal(readNumber(await page.locator('#loss').textContent()), Number(trace.loss.toPrecision(6)));
});

test('after the Loss phase the page shows the loss the core computed, 4.25 for the worked example', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  for (let i = 0; i < 10 && (await traceOf(page)).last_phase !== 'Loss'; i += 1) {
    await page.click('#step-phase');
  }
  const trace = await traceOf(page);
  assert.equal(trace.last_phase, 'Loss');
  const shown = readNumber(await page.locator('#loss').textContent());
  assert.ok(Math.abs(shown - trace.loss) <= 1e-5 * Math.abs(trace.loss), `shown ${shown}, core ${trace.loss}`);
  assert.ok(Math.abs(trace.loss - WORKED_EXAMPLE_LOSS) <= 1e-12, `core loss ${trace.loss}`);
  assert.equal(shown, WORKED_EXAMPLE_LOSS);
});

test('a broken session shows an error message instead of a blank page', async (t) => {
  const page = await browser.open(t);
  // The error banner is also where a failed step shows. An unknown preset no longer stops the page
  // (inputs.test.mjs); a wasm module that is no wasm does.
  const context = await page.context().browser().newContext();
  await context.route('**/backprop_playground_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
  const broken = await context.newPage();
  await broken.goto(page.url());
  await broken.waitForFunction(() => document.documentElement.dataset.state === 'error');
  const message = await broken.locator('#error').textContent();
  assert.equal(await broken.locator('#error').isVisible(), true);
  assert.match(message, /^The playground could not start: /);
  await context.close();
});

test('screenshots at 1366×768 and 1920×1080 fit the screen', async (t) => {
  for (const [name, viewport] of [['laptop-1366x768', LAPTOP], ['projector-1920x1080', PROJECTOR]]) {
    const page = await browser.open(t, { query: '?preset=worked-example', viewport });
    await page.click('#step-phase');
    await page.click('#step-phase');
    await screenshot(page, name);
    const overflow = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth - window.innerWidth,
      height: document.documentElement.scrollHeight - window.innerHeight,
    }));
    assert.deepEqual(overflow, { width: 0, height: 0 }, `${name}: the page scrolls`);
  }
});
