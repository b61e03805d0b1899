// Presenter mode: at 1920 × 1080 every number and label a student reads is at least 24 px, in
// both languages, and nothing overflows; P and Esc switch it, ?hide= and the Panels menu hide
// panels and the others take their room, full screen from a button, and the state is a snapshot's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, PROJECTOR } from './harness.mjs';

const browser = useBrowser();
const SMALL_PROJECTOR = { width: 1280, height: 720 };
// The least a student at the back of the room reads, in CSS pixels.
const LEAST_PX = 24;

// Runs in the page before its scripts: records every font a canvas is given (the core's charts
// and the inspector's grids draw their text so), with the canvas; the grids draw on an
// OffscreenCanvas of their own (www/views/bitmap-canvas.js), which canvasFontsSince names.
function recordCanvasFonts() {
  window.canvasFonts = [];
  for (const context of [CanvasRenderingContext2D, OffscreenCanvasRenderingContext2D]) {
    const font = Object.getOwnPropertyDescriptor(context.prototype, 'font');
    Object.defineProperty(context.prototype, 'font', {
      configurable: true,
      get() { return font.get.call(this); },
      set(value) {
        const px = Number(/(\d+(?:\.\d+)?)px/.exec(value)?.[1]);
        // In CSS pixels: a chart's backing store is device pixels.
        const isChart = this.canvas.classList?.contains('chart-canvas');
        const ratio = isChart && this.canvas.clientWidth ? this.canvas.width / this.canvas.clientWidth : 1;
        window.canvasFonts.push({ canvas: this.canvas, px: px / ratio });
        font.set.call(this, value);
      },
    });
  }
}

// Wait until the browser has laid out and painted twice (resize observers and redraws have run).
const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// The computed font size of every element a student reads: the loop panel's readouts and status
// line, every line of the equations, as { what, px, text }.
function readSizes(page) {
  return page.evaluate(() => {
    const sizes = [];
    const add = (what, el) => {
      if (!el.getClientRects().length || !el.textContent.trim()) return;
      sizes.push({ what, px: parseFloat(getComputedStyle(el).fontSize), text: el.textContent.trim().slice(0, 40) });
    };
    for (const el of document.querySelectorAll('.panel-loop .readout dt, .panel-loop .readout dd')) add('readout', el);
    add('status', document.getElementById('status'));
    for (const el of document.querySelectorAll('#equations-view p')) add('equation', el);
    for (const el of document.querySelectorAll('.panel-inspector .matrix-name, .panel-inspector .matrix-shape, .panel-inspector .matrix-legend span')) add('matrix label', el);
    return sizes;
  });
}

// What overflows: the page beyond the window, a panel's content beyond the panel's box sideways,
// and in the loop panel anything below its bottom edge (its buttons must all be on show).
function overflows(page) {
  return page.evaluate(() => {
    const found = [];
    const page = document.scrollingElement;
    if (page.scrollWidth > innerWidth) found.push(`the page is ${page.scrollWidth} px wide`);
    if (page.scrollHeight > innerHeight) found.push(`the page is ${page.scrollHeight} px high`);
    for (const panel of document.querySelectorAll('.layout > .panel')) {
      if (!panel.getClientRects().length) continue;
      const box = panel.getBoundingClientRect();
      if (box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) found.push(`${panel.className} leaves the window`);
      if (panel.scrollWidth > panel.clientWidth + 1) found.push(`${panel.className} is ${panel.scrollWidth - panel.clientWidth} px too wide`);
    }
    const loop = document.querySelector('.panel-loop').getBoundingClientRect();
    for (const el of document.querySelectorAll('.panel-loop button, .panel-loop .readout, #speed, #status:not(:empty)')) {
      const box = el.getBoundingClientRect();
      if (box.bottom > loop.bottom + 0.5 || box.right > loop.right + 0.5 || box.left < loop.left - 0.5) {
        found.push(`${el.id || el.className} (${el.textContent.trim()}) is cut by the loop panel`);
      }
    }
    const header = document.querySelector('.app-header');
    if (header.scrollWidth > header.clientWidth) found.push('the header overflows');
    return found;
  });
}

// The smallest font the page drew on each kind of canvas since `since` (an index into the record).
function canvasFontsSince(page, since) {
  return page.evaluate(async (since) => {
    const { shownOn } = (await import('/www/bundle.js')).bitmapCanvas;
    const least = {};
    for (const { canvas: drawnOn, px } of window.canvasFonts.slice(since)) {
      const shown = shownOn(drawnOn);
      const name = shown.id || shown.className;
      const kind = name.includes('matrix-canvas') ? 'inspector cells' : name;
      least[kind] = Math.min(least[kind] ?? Infinity, px);
    }
    return least;
  }, since);
}

for (const lang of ['en', 'zh']) {
  test(`presenter mode at 1920 × 1080 (${lang}): every number and label a student reads is at least 24 px, and nothing overflows`, async (t) => {
    const page = await browser.open(t, { query: `?preset=circle&present=1&lang=${lang}`, viewport: PROJECTOR, init: recordCanvasFonts });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-presenting')), true);
    const since = await page.evaluate(() => window.canvasFonts.length);
    // Into the first batch's backward pass; each chart drawn once.
    for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
    for (const tab of ['boundary-tab', 'accuracy-tab', 'loss-tab']) {
      await page.click(`#${tab}`);
      await settle(page);
    }
    // A click on the box that is next already says so on the status line.
    await page.click('.flow-node.is-next');
    assert.notEqual(await page.locator('#status').textContent(), '', 'a status line to read');
    const sizes = await readSizes(page);
    assert.ok(sizes.filter((s) => s.what === 'equation').length >= 3, 'the equations are on show');
    assert.ok(sizes.some((s) => s.what === 'status'), 'the status line is on show');
    const small = sizes.filter((s) => s.px < LEAST_PX);
    assert.deepEqual(small, [], `elements under ${LEAST_PX} px`);
    const canvases = await canvasFontsSince(page, since);
    for (const kind of ['inspector cells', 'loss-canvas', 'accuracy-canvas']) {
      assert.ok(canvases[kind] >= LEAST_PX, `${kind}: its smallest text is ${canvases[kind]} px (${JSON.stringify(canvases)})`);
    }
    assert.deepEqual(await overflows(page), []);
    await screenshot(page, `presenter-1920-${lang}`);
    // After an epoch too, with numbers of every length in the readouts.
    await page.click('#step-epoch');
    await settle(page);
    assert.deepEqual(await overflows(page), [], 'after an epoch');
    assert.deepEqual((await readSizes(page)).filter((s) => s.px < LEAST_PX), []);
    // Out of presenter mode the same page is the laptop's: smaller type again.
    await page.keyboard.press('p');
    await settle(page);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-presenting')), false);
    const usual = await readSizes(page);
    assert.ok(usual.some((s) => s.px < LEAST_PX), 'the usual page has smaller labels: the test would see them');
  });

  test(`presenter mode at 1280 × 720 (${lang}) fits the window`, async (t) => {
    const page = await browser.open(t, { query: `?preset=circle&present=1&lang=${lang}`, viewport: SMALL_PROJECTOR });
    for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
    await settle(page);
    assert.deepEqual(await overflows(page), []);
    await screenshot(page, `presenter-1280-${lang}`);
  });
}

test('P and the button switch presenter mode, Esc leaves it, and the help lists P', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle', viewport: PROJECTOR });
  const presenting = () => page.evaluate(() => document.documentElement.classList.contains('is-presenting'));
  const rootPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const usual = await rootPx();
  assert.equal(await presenting(), false);
  await page.keyboard.press('P');
  assert.equal(await presenting(), true);
  assert.ok(await rootPx() > usual * 1.2, 'larger type');
  assert.equal(await page.getAttribute('#present-button', 'aria-pressed'), 'true');
  // The tables of the data panel, the gradient check and the network's key are not on show.
  for (const selector of ['#batch-table', '#gradcheck-run', '.network-legend', '#prep-step']) {
    assert.equal(await page.locator(selector).isVisible(), false, selector);
  }
  await page.keyboard.press('Escape');
  assert.equal(await presenting(), false);
  assert.equal(await rootPx(), usual);
  await page.click('#present-button');
  assert.equal(await presenting(), true);
  // Not while typing: P in a field is a letter.
  await page.click('#settings-toggle');
  await page.focus('#set-lr');
  await page.keyboard.press('p');
  assert.equal(await presenting(), true);
  // Esc closes the settings first, then leaves presenter mode.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#settings').isVisible(), false);
  assert.equal(await presenting(), true);
  await page.keyboard.press('Escape');
  assert.equal(await presenting(), false);
  await page.click('#help-button');
  const keys = await page.locator('#help-keys tr').allTextContents();
  assert.ok(keys.some((row) => row.startsWith('P') && row.includes('Presenter mode')), keys.join('\n'));
});

test('?hide= hides panels and the others take their room; the Panels menu does the same; unknown names are named', async (t) => {
  const width = (page, selector) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().width, selector);
  const height = (page, selector) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, selector);
  const usual = await browser.open(t, { query: '?preset=circle', viewport: PROJECTOR });
  const before = { network: await width(usual, '.panel-network'), loop: await height(usual, '.panel-loop'), inspector: await width(usual, '#inspector-view') };

  // The Panels menu shows while a panel is hidden (and in presenter mode), not on the usual page.
  assert.equal(await usual.locator('#panels-menu').isVisible(), false, 'no Panels menu on the usual page');
  const page = await browser.open(t, { query: '?preset=circle&hide=data,charts,equations', viewport: PROJECTOR });
  assert.equal(await page.locator('#panels-menu').isVisible(), true, 'the Panels menu brings hidden panels back');
  for (const selector of ['.panel-data', '.panel-charts', '.equations']) assert.equal(await page.locator(selector).isVisible(), false, selector);
  for (const selector of ['.panel-network', '.panel-loop', '#inspector-view']) assert.equal(await page.locator(selector).isVisible(), true, selector);
  assert.ok(await width(page, '.panel-network') > before.network * 1.2, 'the network grows into the data’s room');
  assert.ok(await width(page, '#inspector-view') > before.inspector * 1.3, 'the inspector grows into the charts’ and equations’ room');
  // The page still works: a step shows in the inspector, and the settings open over the grid.
  await page.click('#step-phase');
  assert.equal(await page.locator('.matrix[data-matrix="a"]').getAttribute('data-state'), 'values');
  await page.click('#settings-toggle');
  assert.equal(await page.locator('#settings').isVisible(), true);
  await page.click('#settings-close');
  // The menu: the hidden panels are unchecked; checking the data shows it again, unchecking the
  // network and the inspector leaves the loop alone on one row with the whole height.
  await page.click('#panels-menu summary');
  const box = (name) => page.locator(`#panels-list input[data-panel="${name}"]`);
  assert.equal(await box('data').isChecked(), false);
  assert.equal(await box('network').isChecked(), true);
  await box('data').check();
  assert.equal(await page.locator('.panel-data').isVisible(), true);
  await box('network').uncheck();
  await box('inspector').uncheck();
  await box('data').uncheck();
  assert.equal(await page.locator('.panel-inspector').isVisible(), false);
  assert.ok(await height(page, '.panel-loop') > before.loop * 1.5, 'the loop takes the page’s height');
  const hidden = await page.evaluate(async () => ((await import('/www/bundle.js')).state).store.presenter.hide);
  assert.deepEqual(hidden, ['data', 'network', 'charts', 'inspector', 'equations']);
  await screenshot(page, 'presenter-loop-alone');

  const wrong = await browser.open(t, { query: '?preset=circle&hide=data,tables', viewport: PROJECTOR });
  assert.match(await wrong.locator('#error').textContent(), /tables/);
  assert.equal(await wrong.locator('.panel-data').isVisible(), false, 'the known names are still hidden');
});

test('presenter mode and hidden panels are in a snapshot; an older snapshot without them keeps the page’s', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle&present=1&hide=charts', viewport: PROJECTOR });
  const snap = await page.evaluate(async () => ((await import('/www/bundle.js')).snapshot).snapshot());
  assert.deepEqual(snap.presenter, { on: true, hide: ['charts'] });
  const fresh = await browser.open(t, { query: '?preset=worked-example', viewport: PROJECTOR });
  await fresh.evaluate(async (s) => ((await import('/www/bundle.js')).snapshot).restore(s), snap);
  await settle(fresh);
  assert.equal(await fresh.evaluate(() => document.documentElement.classList.contains('is-presenting')), true);
  assert.equal(await fresh.locator('.panel-charts').isVisible(), false);
  // A snapshot from before presenter mode: restorable, and the page stays in the mode it is in.
  const { presenter, ...old } = snap;
  await page.evaluate(async (s) => ((await import('/www/bundle.js')).snapshot).restore(s), old);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-presenting')), true);
  // A bad one is refused by its field, changing nothing.
  const refused = await page.evaluate(async (s) => {
    try {
      ((await import('/www/bundle.js')).snapshot).restore(s);
      return null;
    } catch (error) {
      return error.field;
    }
  }, { ...snap, presenter: { on: true, hide: ['loop'] } });
  assert.equal(refused, 'presenter.hide');
  assert.equal(await page.locator('.panel-charts').isVisible(), false);
});

test('the full-screen button fills the screen, and hides where the browser has no Fullscreen API', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle&present=1', viewport: PROJECTOR });
  assert.equal(await page.locator('#fullscreen-button').isVisible(), true);
  await page.click('#fullscreen-button');
  await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
  assert.equal(await page.locator('#fullscreen-button').getAttribute('aria-pressed'), 'true');
  await page.click('#fullscreen-button');
  await page.waitForFunction(() => document.fullscreenElement === null);
  assert.equal(await page.locator('#fullscreen-button').getAttribute('aria-pressed'), 'false');

  const without = await browser.open(t, {
    query: '?preset=circle&present=1',
    viewport: PROJECTOR,
    init: () => {
      delete Element.prototype.requestFullscreen;
      Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false });
    },
  });
  assert.equal(await without.locator('#fullscreen-button').isVisible(), false);
  assert.equal(await without.locator('#present-button').isVisible(), true);
});
