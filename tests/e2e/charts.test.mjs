// The charts panel: the core draws the loss, accuracy and boundary charts on the page's canvases,
// the switches change what they show, hover names the numbers, every chart downloads as a PNG,
// the neuron thumbnails beside the diagram show their unit large, and the panel fits the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, screenshot, LAPTOP, PROJECTOR } from './harness.mjs';

const browser = useBrowser();

// Wait until the browser has laid out and painted twice (resize observers have run).
const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// Keep the pixels of canvas `id` in the page under `key`. Returns the canvas's size and how many
// pixels differ from a blank canvas of that size, and how many are inked (neither blank nor white).
function keep(page, id, key) {
  return page.evaluate(([id, key]) => {
    const canvas = document.getElementById(id);
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const blankCanvas = document.createElement('canvas');
    blankCanvas.width = canvas.width;
    blankCanvas.height = canvas.height;
    const blank = blankCanvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let fromBlank = 0;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i] !== blank[i] || pixels[i + 1] !== blank[i + 1] || pixels[i + 2] !== blank[i + 2] || pixels[i + 3] !== blank[i + 3]) fromBlank += 1;
      if (pixels[i + 3] > 0 && !(pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255)) inked += 1;
    }
    window.keptPixels ??= {};
    window.keptPixels[key] = pixels;
    return { width: canvas.width, height: canvas.height, fromBlank, inked };
  }, [id, key]);
}

// How many pixels differ between two kept pictures (all of them when the sizes differ).
function changed(page, a, b) {
  return page.evaluate(([a, b]) => {
    const [p, q] = [window.keptPixels[a], window.keptPixels[b]];
    if (p.length !== q.length) return Math.max(p.length, q.length) / 4;
    let count = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2] || p[i + 3] !== q[i + 3]) count += 1;
    }
    return count;
  }, [a, b]);
}

// Train `epochs` epochs as a person would: Ctrl + → is "Next epoch".
async function trainEpochs(page, epochs) {
  for (let i = 0; i < epochs; i += 1) await page.keyboard.press('Control+ArrowRight');
  await settle(page);
}

// A pixel of a drawn chart: `fx`, `fy` are fractions of the canvas's CSS box.
async function hoverAt(page, id, fx, fy) {
  const box = await page.locator(`#${id}`).boundingBox();
  await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
}

const tooltip = (page) => page.locator('#value-tooltip');

test('after 50 epochs on the circle preset the loss chart and the boundary are drawn, and hover names the epoch', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await settle(page);
  const lossBefore = await keep(page, 'loss-canvas', 'loss-before');
  assert.ok(lossBefore.width >= 120 && lossBefore.height >= 120, `the loss canvas has room: ${lossBefore.width} × ${lossBefore.height}`);
  // Before training the loss chart has its axes only, but is drawn.
  assert.ok(lossBefore.inked > 500, `axes drawn before training (${lossBefore.inked} inked pixels)`);
  await page.click('#boundary-tab');
  await settle(page);
  assert.equal(await page.isVisible('#boundary-canvas'), true);
  assert.equal(await page.isVisible('#loss-canvas'), false, 'one chart at a time in tabs');
  await keep(page, 'boundary-canvas', 'boundary-before');

  await page.click('#step-phase');
  await trainEpochs(page, 50);
  assert.equal(await page.evaluate(() => JSON.parse(window.playground.trace()).epochs_done), 50);
  const boundary = await keep(page, 'boundary-canvas', 'boundary-after');
  await page.click('#loss-tab');
  await settle(page);
  const loss = await keep(page, 'loss-canvas', 'loss-after');
  const size = (c) => c.width * c.height;
  assert.equal(loss.fromBlank, size(loss), 'the core fills the whole loss canvas');
  assert.equal(boundary.fromBlank, size(boundary), 'the core fills the whole boundary canvas');
  // The field covers most of the boundary canvas; training moved the lines and bent the field.
  assert.ok(boundary.inked > size(boundary) / 3, `the field is drawn (${boundary.inked} of ${size(boundary)} pixels)`);
  assert.ok(await changed(page, 'loss-before', 'loss-after') > 500, 'the loss chart changed with training');
  assert.ok(await changed(page, 'boundary-before', 'boundary-after') > size(boundary) / 20, 'the boundary changed with training');

  // Near the right end of the plot the tooltip names epoch 50 with the core's own numbers.
  const history = await page.evaluate(() => JSON.parse(window.playground.history()));
  await hoverAt(page, 'loss-canvas', 0.86, 0.5);
  await assert.doesNotReject(tooltip(page).waitFor({ state: 'visible', timeout: 2000 }));
  const tip = await tooltip(page).textContent();
  const match = /^Epoch (\d+) · train J = ([\d.]+) · test J = ([\d.]+)$/.exec(tip);
  assert.ok(match, `tooltip "${tip}"`);
  const epoch = Number(match[1]);
  assert.ok(epoch >= 40 && epoch <= 50, `an epoch near the end: ${epoch}`);
  assert.equal(Number(match[2]), Number(history.train_loss[epoch - 1].toPrecision(4)));
  assert.equal(Number(match[3]), Number(history.test_loss[epoch - 1].toPrecision(4)));
  // The hovered epoch is marked on the chart; leaving takes the mark away again.
  await keep(page, 'loss-canvas', 'loss-hover');
  assert.ok(await changed(page, 'loss-after', 'loss-hover') > 0, 'the hovered epoch is marked');
  await page.mouse.move(5, 5);
  assert.equal(await tooltip(page).isHidden(), true);
  await keep(page, 'loss-canvas', 'loss-left');
  assert.equal(await changed(page, 'loss-after', 'loss-left'), 0, 'the mark goes when the pointer leaves');
  await screenshot(page, 'charts-loss-1366x768');
});

test('the log switch and the batch switch change the loss chart, and switching back restores it', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await trainEpochs(page, 20);
  await keep(page, 'loss-canvas', 'linear');
  await page.click('#loss-log');
  assert.equal(await page.getAttribute('#loss-log', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('#loss-linear', 'aria-pressed'), 'false');
  await keep(page, 'loss-canvas', 'log');
  assert.ok(await changed(page, 'linear', 'log') > 500, 'a log axis redraws the lines');
  await page.click('#loss-linear');
  await keep(page, 'loss-canvas', 'linear-again');
  assert.equal(await changed(page, 'linear', 'linear-again'), 0, 'the same chart as before');
  await page.check('#loss-batches');
  await keep(page, 'loss-canvas', 'batches');
  assert.ok(await changed(page, 'linear', 'batches') > 500, 'every batch\'s J is added');
  // The accuracy chart has its own tab (→ from the loss tab moves there without stepping
  // training); hover gives a percentage.
  const phase = await page.evaluate(() => window.playground.phase());
  await page.focus('#loss-tab');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#accuracy-tab', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => window.playground.phase()), phase, 'no step');
  await settle(page);
  assert.equal(await page.textContent('#accuracy-tab'), 'Accuracy');
  const accuracy = await keep(page, 'accuracy-canvas', 'accuracy');
  assert.ok(accuracy.inked > 1000, 'the accuracy chart is drawn');
  await hoverAt(page, 'accuracy-canvas', 0.86, 0.5);
  assert.match(await tooltip(page).textContent(), /^Epoch \d+ · train [\d.]+ % · test [\d.]+ %$/);
});

test('the test-points switch changes the boundary, and boundary hover gives the point and ŷ', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await trainEpochs(page, 5);
  await page.click('#boundary-tab');
  await settle(page);
  await keep(page, 'boundary-canvas', 'with-test');
  await page.uncheck('#boundary-test');
  await keep(page, 'boundary-canvas', 'without-test');
  assert.ok(await changed(page, 'with-test', 'without-test') > 200, 'the test points are gone');
  await page.check('#boundary-test');
  await keep(page, 'boundary-canvas', 'with-test-again');
  assert.equal(await changed(page, 'with-test', 'with-test-again'), 0);
  await hoverAt(page, 'boundary-canvas', 0.55, 0.45);
  const tip = await tooltip(page).textContent();
  const match = /^x₁ = (\S+), x₂ = (\S+) → ŷ = ([\d.]+)$/.exec(tip);
  assert.ok(match, `tooltip "${tip}"`);
  const yHat = Number(match[3]);
  assert.ok(yHat > 0 && yHat < 1, 'a sigmoid output');
});

test('every chart downloads as a PNG file', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await trainEpochs(page, 3);
  for (const chart of ['loss', 'accuracy', 'boundary']) {
    await page.click(`#${chart}-tab`);
    await settle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${chart}-png`)]);
    assert.equal(download.suggestedFilename(), `${chart}.png`);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
    // The picture is the canvas: its width and height in the PNG header match the backing store.
    const { width, height } = await page.$eval(`#${chart}-canvas`, (canvas) => ({ width: canvas.width, height: canvas.height }));
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [width, height]);
  }
});

test('a neuron thumbnail shows its unit\'s map, from the core, large in the boundary view', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await trainEpochs(page, 10);
  // One thumbnail per hidden unit: 4 and 2 in the circle preset's network.
  const thumbs = await page.$$eval('.neuron-map', (list) => list.map((c) => `${c.dataset.layer}-${c.dataset.unit}`));
  assert.deepEqual(thumbs, ['0-0', '0-1', '0-2', '0-3', '1-0', '1-1']);
  // Each thumbnail shows the core's map of its unit, pixel for pixel, painted on the sheet under
  // the thumbnails (at the place each one names), and inside its frame.
  const same = await page.evaluate(async () => {
    const { canvasPixels } = (await import('/www/bundle.js')).bitmapCanvas;
    const thumb = document.querySelector('.neuron-map[data-layer="1"][data-unit="1"]');
    const sheet = document.querySelector('.neuron-map-sheet');
    const [x, y, size] = thumb.dataset.sheet.split(',').map(Number);
    const shown = canvasPixels(sheet, x, y, size, size);
    // The core's maps come one after another, layer 1's four units first: unit (1, 1) is the sixth.
    const bytes = size * size * 4;
    const core = window.playground.neuronMaps(size, false).slice(5 * bytes, 6 * bytes);
    const frame = thumb.getBoundingClientRect();
    const box = sheet.getBoundingClientRect();
    const ratio = sheet.width / box.width;
    const inside = Math.abs(box.left + x / ratio - (frame.left + 1)) < 0.5 && Math.abs(box.top + y / ratio - (frame.top + 1)) < 0.5
      && Math.abs(size / ratio - (frame.width - 2)) < 0.5;
    return { inside, pixels: shown.length === core.length && shown.every((v, i) => v === core[i]) };
  });
  assert.deepEqual(same, { inside: true, pixels: true }, 'the thumbnail is the core\'s map of its unit');

  // In tabs, hovering a thumbnail brings the boundary view up, and leaving brings the loss back.
  assert.equal(await page.isVisible('#boundary-canvas'), false);
  await page.hover('.neuron-map[data-layer="0"][data-unit="1"]');
  await settle(page);
  assert.equal(await page.isVisible('#boundary-canvas'), true);
  assert.equal(await page.textContent('#boundary-caption'), 'Layer 1, unit 2: A over the plane');
  assert.match(await tooltip(page).textContent(), /^Layer 1, unit 2/);
  await page.mouse.move(5, 5);
  await settle(page);
  assert.equal(await page.isVisible('#boundary-canvas'), false);
  assert.equal(await page.isVisible('#loss-canvas'), true);

  await page.click('#boundary-tab');
  await settle(page);
  await keep(page, 'boundary-canvas', 'output');
  await page.hover('.neuron-map[data-layer="0"][data-unit="1"]');
  await keep(page, 'boundary-canvas', 'unit');
  assert.ok(await changed(page, 'output', 'unit') > 1000, 'the unit\'s map replaces the output');
  await page.mouse.move(5, 5);
  await keep(page, 'boundary-canvas', 'restored');
  assert.equal(await changed(page, 'output', 'restored'), 0, 'leaving restores the output');
  assert.equal(await page.isHidden('#boundary-caption'), true);
  // A hidden unit focused from the keyboard shows its map too.
  await page.focus('circle.unit[data-layer="0"][data-j="2"]');
  assert.equal(await page.textContent('#boundary-caption'), 'Layer 1, unit 3: A over the plane');
  await page.focus('#loss-tab');
  assert.equal(await page.isHidden('#boundary-caption'), true);
  // A click selects the unit, as a click on the diagram does.
  await page.click('.neuron-map[data-layer="1"][data-unit="0"]');
  assert.equal(await page.getAttribute('#network-view', 'data-selected-layer'), '1');
});

test('the boundary view is what boundaryView() says: a plane, a fitted curve, or a note', async (t) => {
  const worked = await browser.open(t, { query: '?preset=worked-example' });
  assert.equal(await worked.evaluate(() => window.playground.boundaryView()), 'plane');
  assert.equal(await worked.textContent('#accuracy-tab'), 'RMSE', 'regression');
  await worked.click('#boundary-tab');
  await settle(worked);
  assert.equal(await worked.textContent('#boundary-tab'), 'Boundary');
  assert.ok((await keep(worked, 'boundary-canvas', 'worked')).inked > 1000);
  assert.equal(await worked.isHidden('#boundary-none'), true);

  // One input (the sine): the fitted curve, and no thumbnails over a plane.
  const sine = await browser.open(t, { query: '?preset=circle' });
  await sine.click('#source-toggle');
  await sine.click('[data-generator="sine"]');
  await sine.click('#source-close');
  assert.equal(await sine.evaluate(() => window.playground.boundaryView()), 'curve');
  await sine.click('#boundary-tab');
  await settle(sine);
  assert.equal(await sine.textContent('#boundary-tab'), 'Fit');
  assert.equal(await sine.textContent('#accuracy-tab'), 'RMSE');
  await keep(sine, 'boundary-canvas', 'curve-before');
  await trainEpochs(sine, 20);
  assert.ok((await keep(sine, 'boundary-canvas', 'curve-after')).inked > 1000);
  assert.ok(await changed(sine, 'curve-before', 'curve-after') > 100, 'the curve moves with training');
  assert.equal(await sine.isHidden('.neuron-maps'), true);
  await hoverAt(sine, 'boundary-canvas', 0.5, 0.5);
  assert.match(await tooltip(sine).textContent(), /^x₁ = \S+ → ŷ = \S+$/);
  await screenshot(sine, 'charts-fit-1366x768');

  // Four inputs (iris): no picture of the inputs, but a note saying why.
  const iris = await browser.open(t, { query: '?preset=iris' });
  assert.equal(await iris.evaluate(() => window.playground.boundaryView()), 'none');
  await iris.click('#boundary-tab');
  assert.equal(await iris.isVisible('#boundary-none'), true);
  assert.match(await iris.textContent('#boundary-none'), /4 inputs/);
  assert.equal(await iris.isHidden('#boundary-frame'), true);
  assert.equal(await iris.isDisabled('#boundary-png'), true);
  assert.equal(await iris.isHidden('.neuron-maps'), true);
  await trainEpochs(iris, 2);
  await iris.click('#accuracy-tab');
  await settle(iris);
  assert.ok((await keep(iris, 'accuracy-canvas', 'iris-accuracy')).inked > 1000);
});

test('the charts fit the panel at 1366×768 and 1920×1080, in tabs and side by side', async (t) => {
  for (const [name, viewport] of [['1366x768', LAPTOP], ['1920x1080', PROJECTOR]]) {
    const page = await browser.open(t, { query: '?preset=circle', viewport });
    await trainEpochs(page, 30);
    await page.click('#boundary-tab');
    await settle(page);
    await screenshot(page, `charts-boundary-${name}`);
    await page.click('#charts-wide');
    await settle(page);
    assert.equal(await page.getAttribute('#charts-wide', 'aria-pressed'), 'true');
    for (const chart of ['loss', 'accuracy', 'boundary']) {
      const box = await page.locator(`#${chart}-canvas`).boundingBox();
      assert.ok(box && box.width >= 180 && box.height >= 150, `${name}: the ${chart} chart has room (${box?.width} × ${box?.height})`);
    }
    await screenshot(page, `charts-wide-${name}`);
    const overflow = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth - window.innerWidth,
      height: document.documentElement.scrollHeight - window.innerHeight,
    }));
    assert.deepEqual(overflow, { width: 0, height: 0 }, `${name}: the page scrolls`);
    await page.click('#charts-wide');
    assert.equal(await page.isVisible('#loss-canvas'), false, 'back to tabs, on the boundary');
  }
});

test('the chart tabs show their whole names, down to a 1024×768 projector', async (t) => {
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }, LAPTOP, PROJECTOR]) {
    const page = await browser.open(t, { query: '?preset=circle', viewport });
    const tabs = await page.locator('.chart-tab').evaluateAll((all) => all.map((tab) => ({
      name: tab.textContent,
      whole: tab.scrollWidth <= tab.clientWidth,
    })));
    assert.deepEqual(tabs, ['Loss', 'Accuracy', 'Boundary'].map((name) => ({ name, whole: true })),
      `${viewport.width}×${viewport.height}`);
  }
});
