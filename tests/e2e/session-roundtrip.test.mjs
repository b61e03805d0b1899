// A session round trip through the page: Save, Reset, Open gives back the session, its history
// and the batch on show exactly, undo steps included, for a preset and for a CSV file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const browser = useBrowser();

// What the core holds: the session file, the history and the trace.
const coreOf = (page) => page.evaluate(() => ({
  session: window.playground.toSession(),
  history: window.playground.history(),
  trace: window.playground.trace(),
}));

// Save through the page's button; Reset; Open the saved file through the page's button.
async function saveResetOpen(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#session-save')]);
  const text = (await (await download.createReadStream()).toArray()).join('');
  await page.click('#reset');
  await page.setInputFiles('#session-file', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => /./.test(document.getElementById('status').textContent));
  return text;
}

test('Save, Reset, Open gives back toSession(), history() and trace() exactly, mid-batch and after an update', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // Two epochs, an α change, a hand edit, into a backward pass; then also right after an update.
  await page.click('#step-epoch');
  await page.evaluate(() => window.playground.configure('{"training":{"learning_rate":0.1}}'));
  await page.click('#step-epoch');
  for (let i = 0; i < 3; i += 1) await page.click('#step-phase');
  await page.locator('circle.unit[data-layer="0"][data-j="2"]').dblclick();
  await page.locator('#weight-editor-input').fill('-0.5');
  await page.locator('#weight-editor-input').press('Enter');
  for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
  for (const moment of ['mid-batch', 'after an update']) {
    const before = await coreOf(page);
    assert.ok(JSON.parse(before.history).batch_loss.length > 0);
    await saveResetOpen(page);
    assert.deepEqual(await coreOf(page), before, moment);
    // Step back works the same after Open.
    await page.click('#step-back');
    assert.notEqual((await coreOf(page)).trace, before.trace);
    await page.click('#step-phase');
    assert.equal(JSON.parse((await coreOf(page)).trace).last_phase, JSON.parse(before.trace).last_phase);
    while (await page.evaluate(() => window.playground.phase()) !== 'Forward(1)') await page.click('#step-phase');
  }
});

test('a session from an uploaded CSV comes back from its file exactly, with its names', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const rows = Array.from({ length: 40 }, (_, i) => `${(i * 0.37) % 3},${(i * 0.91) % 2},${['setosa', 'versicolor', 'virginica'][i % 3]}`);
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', { name: 'flowers.csv', mimeType: 'text/csv', buffer: Buffer.from(`length,width,kind\n${rows.join('\n')}\n`) });
  await page.waitForFunction(() => document.getElementById('data-name').textContent.includes('flowers.csv'));
  await page.click('#source-close');
  for (let i = 0; i < 11; i += 1) await page.click('#step-phase');
  const before = await coreOf(page);
  const name = await page.locator('#data-name').textContent();
  const text = await saveResetOpen(page);
  assert.match(text, /"file": "flowers\.csv"/);
  assert.deepEqual(await coreOf(page), before);
  assert.equal(await page.locator('#data-name').textContent(), name);
});
