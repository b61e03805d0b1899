// One class, one colour: a training point has the same colour in the data scatter (drawn by the
// page) and in the boundary chart (drawn by the core), whatever the output layer: one sigmoid unit
// (BCE), two softmax units (CCE), or three classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './harness.mjs';

const browser = useBrowser();

// Wait until the browser has laid out and painted twice (resize observers and redraws have run).
const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// Per class, the colour found at the centres of its training points in the scatter and in the
// boundary chart: the commonest one (a point may lie under another, or under the ring of the
// selected sample), the share of points that show it, and the page's own colour for the class.
// The scatter says where it drew each point; the core's hover says where the chart's plane lies.
function classColours(page) {
  return page.evaluate(async () => {
    const { dataset } = (await import('/www/bundle.js')).dataset;
    const { scatterPoint } = (await import('/www/bundle.js')).scatter;
    const { classOf } = (await import('/www/bundle.js')).dataOptions;
    const { classColor } = (await import('/www/bundle.js')).colors;
    const { chartScale } = (await import('/www/bundle.js')).chartCanvas;
    // What a canvas shows, whichever its context (the scatter's picture is handed over whole).
    const { canvasPixels } = (await import('/www/bundle.js')).bitmapCanvas;
    const x = dataset.summary.standardized ? dataset.train.standardized : dataset.train.raw;
    const classes = dataset.train.y.map(classOf);

    // The boundary's plane is drawn linearly: two hovers give its pixel ↔ input map.
    const boundary = document.getElementById('boundary-canvas');
    const options = JSON.stringify({ scale: chartScale(), train: true, test: false });
    const hover = (px, py) => JSON.parse(window.playground.chartHover('boundary', boundary.id, options, px, py)).x;
    // Two pixels inside the plane (its place in the canvas depends on the axes' labels): the
    // widest pair around the canvas's middle whose hovers both land on it.
    const hoverOrNull = (px, py) => JSON.parse(window.playground.chartHover('boundary', boundary.id, options, px, py));
    const [p, q] = [0.3, 0.25, 0.2, 0.15, 0.1, 0.05].map((d) => [[0.5 - d, 0.45 - d], [0.5 + d, 0.45 + d]]
      .map(([fx, fy]) => [fx * boundary.width, fy * boundary.height]))
      .find(([m, n]) => hoverOrNull(...m) && hoverOrNull(...n));
    const [a, b] = [hover(...p), hover(...q)];
    const inBoundary = ([x1, x2]) => [p[0] + ((x1 - a[0]) / (b[0] - a[0])) * (q[0] - p[0]),
      p[1] + ((x2 - a[1]) / (b[1] - a[1])) * (q[1] - p[1])];

    const scatter = document.getElementById('data-scatter');
    const ratio = window.devicePixelRatio || 1;
    const inScatter = (i) => {
      const at = scatterPoint(scatter, i);
      return [at.x * ratio, at.y * ratio];
    };
    const hex = (canvas) => {
      const pixels = canvasPixels(canvas);
      return ([px, py]) => {
        const k = (Math.floor(py) * canvas.width + Math.floor(px)) * 4;
        return `#${[0, 1, 2].map((c) => pixels[k + c].toString(16).padStart(2, '0')).join('')}`;
      };
    };
    const [readScatter, readBoundary] = [hex(scatter), hex(boundary)];
    const commonest = (list) => {
      const counts = new Map();
      for (const c of list) counts.set(c, (counts.get(c) ?? 0) + 1);
      const [colour, n] = [...counts].sort((m, n) => n[1] - m[1])[0];
      return { colour, share: Math.round((100 * n) / list.length) };
    };
    const result = {};
    for (const k of [...new Set(classes)].sort()) {
      const rows = classes.flatMap((c, i) => (c === k ? [i] : []));
      result[k] = {
        page: classColor(k),
        scatter: commonest(rows.map((i) => readScatter(inScatter(i)))),
        boundary: commonest(rows.map((i) => readBoundary(inBoundary(x[i])))),
      };
    }
    return result;
  });
}

// Show the boundary chart with the training points only, and read each class's colours.
async function readClasses(page, name) {
  await page.click('#boundary-tab');
  await page.uncheck('#boundary-test');
  await settle(page);
  await screenshot(page, `colours-${name}`);
  const found = await classColours(page);
  for (const [k, { page: own, scatter, boundary }] of Object.entries(found)) {
    assert.ok(scatter.share >= 50 && boundary.share >= 50, `${name}, class ${k}: one colour shows at half the points or more (${JSON.stringify(found[k])})`);
    assert.equal(scatter.colour, own, `${name}, class ${k}: the scatter draws the class's colour`);
    assert.equal(boundary.colour, scatter.colour, `${name}, class ${k}: the boundary chart draws it as the scatter does`);
  }
  const colours = Object.values(found).map((c) => c.scatter.colour);
  assert.equal(new Set(colours).size, colours.length, `${name}: every class its own colour (${colours})`);
  return found;
}

test('a circle point has one colour in the scatter and the boundary, with BCE (one sigmoid unit) and with CCE (two softmax units)', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const bce = await readClasses(page, 'circle-bce');
  assert.deepEqual(Object.keys(bce), ['0', '1']);
  await page.click('#settings-toggle');
  await page.selectOption('#set-loss', 'cce');
  await page.click('#settings-close');
  const layers = await page.evaluate(() => JSON.parse(window.playground.toSession()).network.layers);
  assert.deepEqual(layers.at(-1), { activation: 'softmax', units: 2 }, 'CCE makes the output two softmax units');
  const cce = await readClasses(page, 'circle-cce');
  for (const k of ['0', '1']) assert.equal(cce[k].scatter.colour, bce[k].scatter.colour, `class ${k} keeps its colour from BCE to CCE`);
});

test('three Gaussian blobs: each class has one colour in the scatter and the boundary', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#source-toggle');
  await page.selectOption('#gen-classes', '3');
  await page.click('[data-generator="blobs"]');
  await page.waitForFunction(() => JSON.parse(window.playground.toSession()).network.layers.at(-1).units === 3);
  await page.click('#source-close');
  const found = await readClasses(page, 'blobs-3');
  assert.deepEqual(Object.keys(found), ['0', '1', '2']);
});
