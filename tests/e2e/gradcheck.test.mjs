// The gradient check on the page: the core's finite-difference comparison, shown per layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const browser = useBrowser();

test('the gradient check shows, per layer, the core’s largest relative errors, and a step clears it', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#step-batch');
  await page.click('#gradcheck-run');
  const shown = await page.$$eval('#gradcheck-result li', (items) => items.map((li) => ({
    w: Number(li.dataset.w), b: Number(li.dataset.b), ok: li.className === 'gradcheck-ok', text: li.textContent,
  })));
  const core = await page.evaluate(() => JSON.parse(window.playground.gradientCheck()));
  assert.equal(shown.length, 3, 'one line per layer of the 2-4-2-1 network');
  shown.forEach((line, l) => {
    assert.equal(line.w, core[l].w);
    assert.equal(line.b, core[l].b);
    assert.ok(line.w < 1e-5 && line.b < 1e-5 && line.ok, line.text);
    assert.match(line.text, new RegExp(`^Layer ${l + 1}:`));
  });
  await page.click('#step-phase');
  assert.equal(await page.isHidden('#gradcheck-result'), true, 'a step makes the result stale');
});

test('weights grown to 1e12 and beyond by a large α still check as agreeing (no false alarm)', async (t) => {
  // One identity layer: backprop is exact, however large the weights get.
  const page = await browser.open(t, { query: '?preset=worked-example' });
  await page.evaluate(() => window.playground.configure('{"training":{"learning_rate":10}}'));
  let largest = 0;
  for (let batch = 0; batch < 40 && largest < 1e12; batch += 1) {
    await page.click('#step-batch');
    largest = await page.evaluate(() => Math.max(...JSON.parse(window.playground.trace()).layers[0].w.flat().map(Math.abs)));
  }
  assert.ok(largest >= 1e12, `weights reached ${largest}`);
  await page.click('#gradcheck-run');
  const lines = await page.$$eval('#gradcheck-result li', (items) => items.map((li) => [li.className, li.textContent]));
  assert.equal(lines.length, 1);
  assert.equal(lines[0][0], 'gradcheck-ok', lines[0][1]);
});
