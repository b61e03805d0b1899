// The page state is one thing: snapshot() returns it as a JSON-able object and restore() rebuilds
// a freshly loaded page from it with the same numbers, selection and view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, settled } from './harness.mjs';

const browser = useBrowser();

// What a person reads on the page: every panel's text, the charts' options and the canvases'
// labels, the selection outlines (which cells are chosen), and the core's trace.
async function reading(page) {
  await settled(page);
  return page.evaluate(() => ({
    // The matrices' hidden tables are written for the cards in sight, which depends on scrolling.
    text: (() => {
      const boxes = [...document.querySelectorAll('.matrix-table-box')];
      for (const box of boxes) box.style.display = 'none';
      const text = document.querySelector('main').innerText;
      for (const box of boxes) box.style.display = '';
      return text;
    })(),
    header: document.querySelector('header').innerText,
    pressed: [...document.querySelectorAll('[aria-pressed="true"], [aria-selected="true"]')].map((el) => el.id || el.textContent),
    checked: [...document.querySelectorAll('input[type="checkbox"]')].map((el) => `${el.id}:${el.checked}`),
    inspectorLayer: document.getElementById('inspector-view').dataset.layer,
    trace: window.playground.trace(),
    history: window.playground.history(),
  }));
}

test('a snapshot restored into a fresh page shows the same numbers, selection and view', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // Into the second batch's backward pass, with a weight edited by hand on the way.
  for (let i = 0; i < 9; i += 1) await page.click('#step-phase');
  await page.locator('circle.unit[data-layer="1"][data-j="0"]').dblclick();
  await page.locator('#weight-editor-input').fill('0.75');
  await page.locator('#weight-editor-input').press('Enter');
  for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
  assert.equal(await page.evaluate(() => window.playground.phase()), 'Backward(2)');
  // Another layer and cell, the boundary tab, the log axis, test points off.
  await page.uncheck('#inspector-follow');
  await page.click('.layer-tab[data-layer="1"]');
  await page.evaluate(async () => ((await import('/www/bundle.js')).state).select({ row: 3, col: 1, input: 1 }));
  await page.click('#loss-log');
  await page.click('#boundary-tab');
  await page.uncheck('#boundary-test');
  const before = await reading(page);
  const snap = await page.evaluate(async () => ((await import('/www/bundle.js')).snapshot).snapshot());
  // JSON-able: it survives a round trip through text.
  const text = JSON.stringify(snap);
  assert.deepEqual(JSON.parse(text), snap);
  assert.equal(snap.view.chart, 'boundary');
  assert.equal(snap.view.log, true);
  assert.deepEqual(snap.selection, { layer: 1, row: 3, col: 1, input: 1 });

  const fresh = await browser.open(t, { query: '?preset=worked-example' });
  await fresh.evaluate(async (json) => ((await import('/www/bundle.js')).snapshot).restore(JSON.parse(json)), text);
  const after = await reading(fresh);
  assert.equal(after.trace, before.trace, 'the core is where it was, undo steps included');
  assert.equal(after.history, before.history);
  assert.deepEqual(after, before);
  // Step back works as it did: it undoes the same step in both.
  await page.click('#step-back');
  await fresh.click('#step-back');
  assert.deepEqual(await reading(fresh), await reading(page));
});

test('a bad or newer snapshot is refused with the field named, and the page stays as it was', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  await page.click('#step-phase');
  const before = await reading(page);
  const problems = await page.evaluate(async () => {
    const { snapshot, restore } = (await import('/www/bundle.js')).snapshot;
    const good = snapshot();
    const bad = [
      { ...good, version: 99 },
      { ...good, view: { ...good.view, chart: 'pie' } },
      { ...good, selection: { ...good.selection, row: -1 } },
      { ...good, session: good.session.replace('"learning_rate": 0.1', '"learning_rate": -1') },
      { ...good, lang: 'fr' },
      null,
    ];
    return bad.map((snap) => {
      try {
        restore(snap);
        return 'accepted';
      } catch (error) {
        return error.message;
      }
    });
  });
  assert.match(problems[0], /^version must be at most 2 \(it was made by a newer version/);
  assert.match(problems[1], /^view\.chart must be loss, accuracy or boundary, got "pie"/);
  assert.match(problems[2], /^selection\.row must be a whole number ≥ 0/);
  assert.match(problems[3], /training\.learning_rate/);
  assert.match(problems[4], /^lang must be en or zh/);
  assert.match(problems[5], /^snapshot must be an object/);
  assert.deepEqual(await reading(page), before);
});
