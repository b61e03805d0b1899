// Text that comes from a person's files (a CSV file's name, columns and classes; a session file's
// name, description and data names) reaches the page as text, never as HTML: markup in it is
// shown as written, creates no element and runs nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, settled } from './harness.mjs';
import { initSync, Playground } from '../../www/pkg/backprop_playground.js';

initSync({ module: readFileSync(new URL('../../www/pkg/backprop_playground_bg.wasm', import.meta.url)) });

const browser = useBrowser();

// Markup that, read as HTML, would make an <img> whose failed load opens an alert.
const MARKUP = '<img src=x onerror=alert(1)>';
// Column names must differ, so each carries the markup with its own number.
const named = (n) => `<img src=x onerror=alert(${n})>`;

// A file for page.setInputFiles.
const file = (name, text, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text) });

// Forty rows of two inputs whose header and first class are markup; the second class is "plain".
function markupCsv() {
  const lines = [[named(1), named(2), named(3)].join(',')];
  for (let i = 0; i < 40; i += 1) {
    const a = (i * 37) % 41;
    lines.push(`${a},${(i * 11) % 31},${a > 20 ? MARKUP : 'plain'}`);
  }
  return `${lines.join('\n')}\n`;
}

// A session file made by the core from that CSV, whose name and description are markup too.
function markupSession() {
  const pg = Playground.fromSession(Playground.defaultSession('worked-example'));
  pg.loadCsv(markupCsv(), JSON.stringify({ file: `${MARKUP}.csv` }));
  const session = JSON.parse(pg.toSession());
  session.name = MARKUP;
  session.description = MARKUP;
  pg.free();
  return session;
}

// Open the page with a watch on dialogs (an alert() that ran would open one).
async function openWatched(t) {
  const page = await browser.open(t, { query: '?preset=circle' });
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  t.after(() => assert.deepEqual(dialogs, [], 'no dialog opened'));
  return page;
}

// What the page shows of the markup: the elements made from it, and where its text is on show.
async function markupOnPage(page) {
  // The batch table, out of sight, is written once the page is still.
  await settled(page);
  return page.evaluate((markup) => ({
    images: document.querySelectorAll('img').length,
    handlers: document.querySelectorAll('[onerror]').length,
    dataName: document.getElementById('data-name').textContent,
    // The batch table heads its columns x₁, x₂, …, y, with the names as their titles.
    batchHeads: [...document.querySelectorAll('#batch-table thead th')].map((th) => th.title),
    statsHeads: [...document.querySelectorAll('#prep-stats tbody th')].map((th) => th.textContent),
    batchNote: document.getElementById('batch-note').textContent,
    targetChoices: [...document.querySelectorAll('#csv-target option')].map((option) => option.textContent),
  }), MARKUP);
}

test('a CSV file whose name, columns and class are markup shows them as text', async (t) => {
  const page = await openWatched(t);
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', file(`${MARKUP}.csv`, markupCsv()));
  await page.waitForFunction(() => JSON.parse(window.playground.dataSummary()).target === '<img src=x onerror=alert(3)>');
  assert.ok((await page.textContent('#csv-file-name')).startsWith(`${MARKUP}.csv: 40 rows`));
  await page.click('#source-close');
  // Until the batch has a sample whose class is the markup.
  for (let i = 0; i < 40 && !(await page.textContent('#batch-note')).endsWith(`y = ${MARKUP}`); i += 1) {
    await page.click('#step-batch');
  }
  const shown = await markupOnPage(page);
  assert.equal(shown.images, 0, 'no <img> was made');
  assert.equal(shown.handlers, 0, 'no onerror attribute was made');
  assert.equal(shown.dataName, `${MARKUP}.csv`);
  assert.deepEqual(shown.batchHeads.slice(1), [named(1), named(2), 'y']);
  assert.deepEqual(shown.statsHeads, [`x₁ ${named(1)}`, `x₂ ${named(2)}`]);
  assert.ok(shown.targetChoices.some((text) => text.includes(named(3))), shown.targetChoices.join(' | '));
  assert.ok(shown.batchNote.endsWith(`y = ${MARKUP}`), shown.batchNote);
});

test('a session file whose name, description and data names are markup shows them as text', async (t) => {
  const session = markupSession();
  assert.deepEqual(session.data.inputs, [named(1), named(2)], 'the file carries the markup in data.inputs');
  assert.equal(session.data.target, named(3));
  assert.equal(session.data.file, `${MARKUP}.csv`);
  assert.ok(session.data.classes.includes(MARKUP), `data.classes: ${session.data.classes}`);
  const page = await openWatched(t);
  await page.setInputFiles('#session-file', file(`${MARKUP}.json`, JSON.stringify(session), 'application/json'));
  await page.waitForFunction((name) => JSON.parse(window.playground.meta()).name === name, MARKUP);
  assert.equal(JSON.parse(await page.evaluate(() => window.playground.meta())).description, MARKUP);
  assert.match(await page.textContent('#status'), new RegExp(`${MARKUP.replace(/[()]/g, '\\$&')}\\.json`), 'the file name in the status');
  for (let i = 0; i < 40 && !(await page.textContent('#batch-note')).endsWith(`y = ${MARKUP}`); i += 1) {
    await page.click('#step-batch');
  }
  const shown = await markupOnPage(page);
  assert.equal(shown.images, 0, 'no <img> was made');
  assert.equal(shown.handlers, 0, 'no onerror attribute was made');
  assert.equal(shown.dataName, MARKUP, 'the session\'s name');
  assert.deepEqual(shown.batchHeads.slice(1), [named(1), named(2), 'y']);
  assert.ok(shown.batchNote.endsWith(`y = ${MARKUP}`), shown.batchNote);
  // The chooser names the CSV file the session's data was read from (data.file).
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  assert.ok((await page.textContent('#csv-file-name')).includes(`read from ${MARKUP}.csv`), await page.textContent('#csv-file-name'));
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
});

test('a lesson file whose title, texts, labels and task are markup shows them as text', async (t) => {
  const lesson = {
    version: 1,
    title: MARKUP,
    steps: [
      {
        title: { en: named(1), zh: named(2) },
        text: `${named(3)}\n*${named(4)}*`,
        setup: { preset: 'worked-example' },
        phase: 'Backward(1)',
        highlight: { panel: 'readouts', label: named(5) },
        task: { text: named(6), checks: [{ text: named(7), goal: { status: 'Diverged' } }] },
      },
    ],
  };
  const page = await openWatched(t);
  await page.click('#lesson-button');
  // The built-in lesson the button opens is loaded first, so that it cannot land after the file.
  await page.waitForFunction(() => {
    const panel = document.getElementById('lesson');
    return !panel.hidden && panel.dataset.busy === 'false' && panel.dataset.step === '0';
  });
  await page.setInputFiles('#lesson-file', file(`${MARKUP}.json`, JSON.stringify(lesson), 'application/json'));
  await page.waitForFunction((name) => document.querySelector('#lesson .lesson-name')?.textContent === name, MARKUP);
  const text = await page.locator('#lesson').innerText();
  for (const n of [1, 3, 4, 6, 7]) assert.ok(text.includes(named(n)), `${named(n)} on show as written: ${text}`);
  // The highlight's label is on the page as text too.
  assert.ok(await page.evaluate((label) => document.body.innerText.includes(label), named(5)), 'the label as text');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no <img> was made');
  assert.equal(await page.evaluate(() => document.querySelectorAll('[onerror]').length), 0, 'no onerror attribute was made');
  // The step set up the page as asked: the markup did not get in the way.
  assert.equal(JSON.parse(await page.evaluate(() => window.playground.trace())).loss, 4.25);
});
