// A run that diverges: the page says so, stepping stops, and one step back returns to the last
// finite state, with no error in the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const browser = useBrowser();

test('a diverging run stops with a message, and step back returns to the last finite state', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  await page.click('#settings-toggle');
  await page.fill('#set-lr', '1e10');
  await page.press('#set-lr', 'Enter');
  await page.click('#settings-close');
  for (let i = 0; i < 80 && (await page.getAttribute('#phase', 'data-phase')) !== 'Diverged'; i += 1) {
    await page.click('#step-epoch');
  }
  assert.equal(await page.getAttribute('#phase', 'data-phase'), 'Diverged');
  assert.match(await page.textContent('#phase'), /diverged/i);
  assert.equal(await page.isDisabled('#step-phase'), true, 'no stepping past a divergence');
  await page.click('#step-back');
  const phase = await page.getAttribute('#phase', 'data-phase');
  assert.notEqual(phase, 'Diverged');
  const session = await page.evaluate(() => JSON.parse(window.playground.toSession()));
  assert.ok(session.params.every((p) => p.w.flat().concat(p.b).every((v) => typeof v === 'number' && Number.isFinite(v))),
    'the parameters one step back are finite');
});
