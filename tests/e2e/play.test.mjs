// Playing at full speed draws the batch's numbers only a few times a second; pausing draws them
// in full, so what the inspector shows after a pause is the core's current trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const browser = useBrowser();

test('after playing at full speed and pausing, the inspector shows the core’s current numbers', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // No epoch limit, so training is still running when Pause is pressed (the preset stops at 500,
  // which full speed reaches in a fraction of a second).
  await page.evaluate(() => window.playground.configure(JSON.stringify({ training: { max_epochs: null } })));
  await page.$eval('#speed', (slider) => {
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.click('#play');
  await page.waitForFunction(() => JSON.parse(window.playground.history()).train_loss.length >= 20);
  // Space pauses as the button does, without aiming at a button whose panel is being redrawn.
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  const trace = await page.evaluate(() => JSON.parse(window.playground.trace()));
  const shown = await page.locator('#inspector-view figure[data-matrix="w"]').evaluate((f) => JSON.parse(f.dataset.values));
  // The inspected layer's W before this batch's update, as the core has it now (not a stale frame's).
  assert.ok(trace.layers.some((layer) => JSON.stringify(layer.w) === JSON.stringify(shown)), 'W shown is the core’s current W');
  const epochs = JSON.parse(await page.evaluate(() => window.playground.history())).train_loss.length;
  await page.waitForTimeout(300);
  assert.equal(JSON.parse(await page.evaluate(() => window.playground.history())).train_loss.length, epochs, 'paused');
});
