// The network diagram's texts (www/views/network.js): the layer headings, the tags, the input and
// output labels and the ellipses of summarised layers never overlap one another or a unit, and
// stay inside the diagram, for deep and wide networks, on a laptop, a projector and a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, LAPTOP, PROJECTOR } from './harness.mjs';

const browser = useBrowser();

const VIEWPORTS = [['1366', LAPTOP], ['1920', PROJECTOR], ['1024', { width: 1024, height: 768 }], ['390', { width: 390, height: 844 }]];

// Hidden layers of `units` tanh units, then the circle's sigmoid output.
const hidden = (depth, units) => [...Array.from({ length: depth }, () => ({ units, activation: 'tanh' })),
  { units: 1, activation: 'sigmoid' }];

// The diagram's texts and circles: each pair of texts that intersect, each text over a circle,
// each text outside the diagram; the texts themselves; and per summarised column how many units
// its ellipsis says it leaves out.
function readDiagram(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#network-view .network-svg');
    const frame = svg.getBoundingClientRect();
    const box = (el) => el.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((el) => el.textContent.trim() !== '');
    const circles = [...svg.querySelectorAll('circle')];
    // Touching is not overlapping: half a pixel of tolerance.
    const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const overlaps = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
      if (meet(box(a), box(b))) overlaps.push(`${a.textContent} × ${b.textContent}`);
    }));
    for (const text of texts) {
      for (const circle of circles) if (meet(box(text), box(circle))) overlaps.push(`${text.textContent} over a unit`);
    }
    const outside = texts.filter((el) => {
      const b = box(el);
      return b.left < frame.left - 0.5 || b.right > frame.right + 0.5 || b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5;
    }).map((el) => el.textContent);
    const ellipses = [...svg.querySelectorAll('text.ellipsis')].map((el) => ({
      layer: el.dataset.layer ?? 'inputs', count: Number(el.dataset.count), text: el.textContent,
    }));
    const units = (layer) => svg.querySelectorAll(layer === 'inputs' ? 'circle.input-node' : `circle.unit[data-layer="${layer}"]`).length;
    return {
      overlaps, outside, labels: texts.filter((el) => el.classList.contains('node-label')).map((el) => el.textContent),
      ellipses: ellipses.map((e) => ({ ...e, shown: units(e.layer) })),
    };
  });
}

// Check the diagram of the page as it is, named `name` in messages and its screenshot.
async function checkDiagram(page, name, { inputs, units }) {
  const found = await readDiagram(page);
  assert.deepEqual(found.overlaps, [], `${name}: texts that overlap`);
  assert.deepEqual(found.outside, [], `${name}: texts cut by the diagram's edge`);
  // The first and the last input keep their labels, whatever is left out between.
  for (const label of ['x₁', `x${[...String(inputs)].map((d) => '₀₁₂₃₄₅₆₇₈₉'[d]).join('')}`]) {
    assert.ok(found.labels.includes(label), `${name}: ${label} is labelled (${found.labels})`);
  }
  // Each ellipsis says how many units it stands for: with the units drawn, the layer's width.
  for (const { layer, count, text, shown } of found.ellipses) {
    assert.equal(count + shown, layer === 'inputs' ? inputs : units[layer], `${name}: the ellipsis of ${layer}`);
    assert.match(text, new RegExp(`^\\+${count}( more)?$|^⋮$`), `${name}: the ellipsis of ${layer} reads ${text}`);
  }
  const panel = await page.locator('.panel-network').boundingBox();
  await screenshot(page, `diagram-${name}`);
  return { found, panel };
}

test('the diagram\'s labels never overlap: the circle preset, four hidden layers of 40 and eight of 40', async (t) => {
  for (const [size, viewport] of VIEWPORTS) {
    const page = await browser.open(t, { query: '?preset=circle', viewport });
    await checkDiagram(page, `circle-${size}`, { inputs: 2, units: { 0: 4, 1: 2, 2: 1 } });
    for (const depth of [4, 8]) {
      await page.evaluate((layers) => window.playground.configure(JSON.stringify({ network: { layers } })), hidden(depth, 40));
      // A step redraws the page with the new network.
      await page.click('#step-phase');
      const units = Object.fromEntries(hidden(depth, 40).map((layer, l) => [l, layer.units]));
      const { found } = await checkDiagram(page, `deep-${depth}x40-${size}`, { inputs: 2, units });
      assert.equal(found.ellipses.length, depth, `${size}: every hidden layer of 40 is summarised`);
    }
  }
});

test('the diagram\'s labels never overlap on the digits (64 inputs, 10 outputs) and iris presets', async (t) => {
  for (const [size, viewport] of VIEWPORTS) {
    const digits = await browser.open(t, { query: '?preset=digits', viewport });
    const layers = await digits.evaluate(() => JSON.parse(window.playground.toSession()).network.layers);
    const units = Object.fromEntries(layers.map((layer, l) => [l, layer.units]));
    const { found } = await checkDiagram(digits, `digits-${size}`, { inputs: 64, units });
    assert.ok(found.ellipses.some((e) => e.layer === 'inputs'), `${size}: the 64 inputs are summarised`);
    const iris = await browser.open(t, { query: '?preset=iris', viewport });
    const irisLayers = await iris.evaluate(() => JSON.parse(window.playground.toSession()).network.layers);
    const { found: irisFound } = await checkDiagram(iris, `iris-${size}`, {
      inputs: 4, units: Object.fromEntries(irisLayers.map((layer, l) => [l, layer.units])),
    });
    // Four inputs and three outputs have room for every label.
    assert.deepEqual(irisFound.labels, ['x₁', 'x₂', 'x₃', 'x₄', 'ŷ₁', 'ŷ₂', 'ŷ₃'], `${size}: iris`);
  }
});
