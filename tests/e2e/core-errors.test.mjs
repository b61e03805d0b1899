// The core's errors on the page, worded from the page's table (www/core-errors.js): in English,
// a refused setting, a broken CSV file and a session file that is not JSON show exactly the
// message the core's English makes, key by key and value by value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const browser = useBrowser();

// A file for page.setInputFiles.
const file = (name, text, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text) });

test('in English, a refused setting, a broken CSV and a bad session file show today\'s messages exactly', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#settings-toggle');
  for (const [id, text, shown] of [
    ['set-lr', '0', 'Not applied: training.learning_rate must be a positive finite number, got 0'],
    ['set-lr', 'fast', 'Not applied: training.learning_rate must be a finite number, got "fast"'],
    ['set-batch', '0', 'Not applied: training.batch_size must be a whole number ≥ 1 or "all", got 0'],
  ]) {
    await page.fill(`#${id}`, text);
    await page.press(`#${id}`, 'Enter');
    assert.equal(await page.locator(`#${id}-error`).textContent(), shown);
  }
  const units = page.locator('#set-layers li').nth(0).locator('input');
  await units.fill('300');
  await units.press('Enter');
  assert.equal(await page.locator('#set-layers-error').textContent(),
    'Not applied: network.layers[0].units must be a whole number from 1 to 256, got 300');
  await page.click('#settings-toggle');

  await page.click('#source-toggle');
  await page.click('#tab-csv');
  for (const [name, text, shown] of [
    ['text.csv', 'a,b,c\n1,2,0\n4,x,1\n6,7,1\n', 'CSV line 3, column 2: "x" is not a number'],
    ['short.csv', 'x,y\n1,0\n', 'CSV line 3, column 1: the file has 1 data row; at least 2 are needed'],
  ]) {
    await page.setInputFiles('#csv-file', file(name, text));
    await page.waitForFunction((n) => document.getElementById('csv-error').textContent.includes(n), shown.slice(0, 12));
    assert.equal(await page.textContent('#csv-error'), `Not loaded: ${shown}. The session is unchanged.`);
  }
  await page.click('#source-close');

  await page.setInputFiles('#session-file', file('broken.json', '{\n"version": 1,}', 'application/json'));
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error'), 'The session file broken.json was not opened: the session is not '
    + 'valid JSON: trailing comma at line 2 column 14. The session is unchanged.');
});
