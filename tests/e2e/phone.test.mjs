// A student's phone, portrait (390 × 844) and landscape (844 × 390), with touch: the panels stack
// with the loop and its buttons first, nothing overflows sideways, every button is a 44 px target,
// a matrix wider than the screen scrolls inside its card, and taps step, pick a cell and show its
// value; the settings and the data chooser work by touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './harness.mjs';

const browser = useBrowser();
const PHONE = { hasTouch: true, isMobile: true };
const SIZES = [{ width: 390, height: 844 }, { width: 844, height: 390 }];
// The least height of a target a finger hits, in CSS pixels.
const TARGET_PX = 44;

const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// Whether the page scrolls sideways.
const scrollsSideways = (page) => page.evaluate(() => document.scrollingElement.scrollWidth > innerWidth);

// The buttons, menus and selects on show that are lower than a finger's target.
function smallTargets(page) {
  return page.evaluate((least) => {
    const targets = document.querySelectorAll('button, select, summary, a.button-link, input[type="text"], input[type="number"]');
    return [...targets].filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el: el.id || el.className || el.textContent.trim(), height: Math.round(el.getBoundingClientRect().height * 10) / 10 }))
      .filter(({ height }) => height < least - 0.5);
  }, TARGET_PX);
}

for (const size of SIZES) {
  const name = `${size.width} × ${size.height}`;

  test(`a phone at ${name}: the loop first, nothing sideways, 44 px buttons`, async (t) => {
    const page = await browser.open(t, { query: '?preset=circle', viewport: size, device: PHONE });
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch screen');
    // The panels' order down the page.
    const order = await page.evaluate(() => [...document.querySelectorAll('.layout > .panel')]
      .filter((panel) => panel.getClientRects().length)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((panel) => [...panel.classList].find((c) => c.startsWith('panel-') && c !== 'panel-head')));
    assert.deepEqual(order, ['panel-loop', 'panel-network', 'panel-data', 'panel-inspector', 'panel-charts']);
    // The step buttons are on the first screen.
    const next = await page.locator('#step-phase').boundingBox();
    assert.ok(next.y + next.height <= size.height, `Next phase is on the first screen (${next.y})`);
    assert.equal(await scrollsSideways(page), false);
    assert.deepEqual(await smallTargets(page), []);
    await page.tap('#settings-toggle');
    await settle(page);
    assert.deepEqual(await smallTargets(page), [], 'the settings');
    assert.equal(await scrollsSideways(page), false, 'the settings');
    await page.tap('#source-toggle');
    await settle(page);
    assert.deepEqual(await smallTargets(page), [], 'the data chooser');
    assert.equal(await scrollsSideways(page), false, 'the data chooser');
    await screenshot(page, `phone-${size.width}x${size.height}`);
  });

  test(`a phone at ${name}: tap to step, tap a cell to pick it and read its value`, async (t) => {
    const page = await browser.open(t, { query: '?preset=circle', viewport: size, device: PHONE });
    await page.tap('#step-phase');
    assert.equal(await page.evaluate(() => window.playground.phase()), 'Forward(2)');
    await page.tap('#step-phase');
    assert.equal(await page.evaluate(() => window.playground.phase()), 'Forward(3)');
    // The inspector follows layer 2: tap Z's cell in row 3, column 2.
    const card = page.locator('.matrix[data-matrix="z"]');
    await card.scrollIntoViewIfNeeded();
    const cell = await card.evaluate((figure) => {
      const canvas = figure.querySelector('.matrix-canvas');
      const { spec } = canvas.drawn;
      const box = canvas.getBoundingClientRect();
      return { x: box.left + 1.5 * spec.cell.width, y: box.top + 2.5 * spec.cell.height };
    });
    await page.touchscreen.tap(cell.x, cell.y);
    await settle(page);
    const picked = await page.evaluate(async () => {
      const { store } = (await import('/www/bundle.js')).state;
      const { formatExact } = (await import('/www/bundle.js')).format;
      const trace = JSON.parse(window.playground.trace());
      const tip = document.getElementById('value-tooltip');
      return {
        selection: { layer: store.selection.layer, row: store.selection.row, col: store.selection.col },
        tip: tip.hidden ? null : tip.textContent,
        value: formatExact(trace.layers[1].z[2][1]),
      };
    });
    assert.deepEqual(picked.selection, { layer: 1, row: 2, col: 1 });
    assert.ok(picked.tip?.includes('[3,2]') && picked.tip.includes(picked.value), `the value on tap: ${picked.tip} (${picked.value})`);
    // The equations speak of that sample and unit.
    assert.match(await page.locator('#equations-view').textContent(), /sample 3/);
  });

  test(`a phone at ${name}: the settings and the data chooser work by touch`, async (t) => {
    const page = await browser.open(t, { query: '?preset=circle', viewport: size, device: PHONE });
    await page.tap('#settings-toggle');
    await page.locator('#set-lr').tap();
    await page.fill('#set-lr', '0.5');
    await page.press('#set-lr', 'Enter');
    const lr = await page.evaluate(() => JSON.parse(window.playground.toSession()).training.learning_rate);
    assert.equal(lr, 0.5);
    await page.tap('#settings-close');
    assert.equal(await page.locator('#settings').isVisible(), false);
    await page.tap('#source-toggle');
    await page.locator('[data-generator="xor"]').tap();
    await page.waitForFunction(() => document.querySelector('[data-generator="xor"]').getAttribute('aria-pressed') === 'true');
    assert.match(await page.locator('#data-name').textContent(), /XOR/);
    assert.equal(await scrollsSideways(page), false);
  });

  test(`a phone at ${name}: a matrix wider than the screen scrolls inside its card`, async (t) => {
    const page = await browser.open(t, { query: '?preset=digits', viewport: size, device: PHONE });
    await page.tap('#step-phase');
    await settle(page);
    const grids = await page.evaluate(() => {
      const view = document.getElementById('inspector-view');
      const input = document.querySelector('.matrix[data-matrix="input"]');
      const viewBox = view.getBoundingClientRect();
      const box = input.getBoundingClientRect();
      return {
        cols: input.dataset.shape,
        viewScrolls: view.scrollWidth > view.clientWidth + 1,
        cardScrolls: input.scrollWidth > input.clientWidth + 1,
        inside: box.left >= viewBox.left - 0.5 && box.right <= viewBox.right + 0.5,
      };
    });
    assert.deepEqual(grids, { cols: grids.cols, viewScrolls: false, cardScrolls: true, inside: true }, `X is ${grids.cols}`);
    assert.equal(await scrollsSideways(page), false);
    // A swipe scrolls the card, not the page.
    const card = page.locator('.matrix[data-matrix="input"]');
    await card.evaluate((figure) => { figure.scrollLeft = 200; });
    assert.ok(await card.evaluate((figure) => figure.scrollLeft) > 0);
    assert.equal(await page.evaluate(() => window.scrollX), 0);
  });
}
