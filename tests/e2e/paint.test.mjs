// What a step paints, and how little, on the network the page keeps within one frame (8 hidden
// layers of 16 units, batches of 64 rows): the inspector's grids without numbers are one pixel
// per cell, scaled up on screen between grid lines drawn over them, and the band a step fills in
// is painted in the frame that shows it; the update's edges and neuron maps are painted ahead
// while the page is idle and copied, with exactly the pixels the page paints at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, PROJECTOR } from './harness.mjs';

const browser = useBrowser();
const DEEP = { query: '?preset=circle', viewport: PROJECTOR };
// The grid lines' colour (views.css --grid-line, #7d8792).
const GRID_LINE = [0x7d, 0x87, 0x92];

// Give the page 8 hidden layers of 16 units (tanh), a sigmoid output, and batches of 64 rows.
async function deepNetwork(page) {
  const hidden = Array.from({ length: 8 }, () => ({ units: 16, activation: 'tanh' }));
  await page.evaluate((layers) => window.playground.configure(JSON.stringify({
    network: { layers }, training: { batch_size: 64 } })), [...hidden, { units: 1, activation: 'sigmoid' }]);
  await page.click('.layer-tab'); // a redraw with the new network
}

// Click "Next phase" `count` times (in the page: each click redraws before the next).
const steps = (page, count) => page.evaluate((n) => {
  for (let i = 0; i < n; i += 1) document.getElementById('step-phase').click();
}, count);

// The [r, g, b] the screen shows at page point (x, y), read from a screenshot.
async function screenPixel(page, x, y) {
  const png = await page.screenshot({ clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 } });
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

// Every pixel of a canvas of the diagram (the edges' by default), as RGBA bytes (sent as base64:
// a million numbers take the test protocol many seconds).
async function edgePixels(page, selector = 'canvas.network-edges') {
  const base64 = await page.evaluate(async (which) => {
    const canvas = document.querySelector(`#network-view ${which}`);
    // What the canvas shows: its picture is handed over whole (www/views/bitmap-canvas.js).
    const bytes = (await import('/www/bundle.js')).bitmapCanvas.canvasPixels(canvas);
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, selector);
  return Buffer.from(base64, 'base64');
}

test('a grid without numbers is one pixel per cell in the scale\'s colour, shown as flat cells between grid lines', async (t) => {
  const page = await browser.open(t, DEEP);
  await deepNetwork(page);
  await steps(page, 1);
  const figure = page.locator('#inspector-view figure[data-matrix="z"]');
  await figure.scrollIntoViewIfNeeded();
  // Z⁽¹⁾ is 64 × 16: too wide to print numbers. Its canvas holds one pixel per cell, each the
  // diverging scale's colour of the core's value.
  const canvas = await figure.locator('canvas.matrix-canvas').evaluate(async (el) => {
    const { colors, bitmapCanvas } = await import('/www/bundle.js');
    const { fillRgb, scaleMax } = colors;
    const values = JSON.parse(el.closest('figure').dataset.values);
    const scale = scaleMax(values);
    // What the grid shows: its picture is handed to the canvas whole (www/views/bitmap-canvas.js).
    const pixels = bitmapCanvas.canvasPixels(el);
    const wrong = [];
    values.forEach((row, r) => row.forEach((v, c) => {
      const at = (r * el.width + c) * 4;
      const want = fillRgb(v, scale);
      if (want.some((channel, k) => pixels[at + k] !== channel)) wrong.push([r, c]);
    }));
    return { width: el.width, height: el.height, rendering: getComputedStyle(el).imageRendering, wrong };
  });
  assert.deepEqual([canvas.width, canvas.height], [16, 64], 'one pixel per cell');
  assert.equal(canvas.rendering, 'pixelated', 'scaled up without smoothing');
  assert.deepEqual(canvas.wrong, [], 'every cell in its value\'s colour');

  // On screen: the middle of cell (2, 3) is that cell's colour, its left edge a grid line.
  const box = await figure.locator('canvas.matrix-canvas').boundingBox();
  const [cw, ch] = [box.width / 16, box.height / 64];
  const expected = await figure.evaluate(async (el) => {
    const { fillRgb, scaleMax } = (await import('/www/bundle.js')).colors;
    const values = JSON.parse(el.dataset.values);
    return fillRgb(values[2][3], scaleMax(values));
  });
  assert.deepEqual(await screenPixel(page, box.x + 3.5 * cw, box.y + 2.5 * ch), expected, 'the cell is flat to its middle');
  assert.deepEqual(await screenPixel(page, box.x + 3 * cw + 1, box.y + 2.5 * ch), expected, 'and up to its grid line');
  assert.deepEqual(await screenPixel(page, box.x + 3 * cw, box.y + 2.5 * ch), GRID_LINE, 'the grid line between cells');

  // Choosing that cell moves the outline onto it and paints no grid again.
  await page.evaluate(() => {
    window.gridPaints = 0;
    // A grid's picture is drawn off the page and handed to its canvas whole (bitmap-canvas.js):
    // every paint of a grid ends so.
    const original = ImageBitmapRenderingContext.prototype.transferFromImageBitmap;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = function paint(...args) {
      if (this.canvas.classList.contains('matrix-canvas')) window.gridPaints += 1;
      return original.apply(this, args);
    };
  });
  await page.mouse.click(box.x + 3.5 * cw, box.y + 2.5 * ch);
  const mark = await figure.locator('.matrix-mark').boundingBox();
  assert.ok(mark.x <= box.x + 3 * cw && mark.x + mark.width >= box.x + 4 * cw, `the outline spans column 4: ${JSON.stringify(mark)}`);
  assert.ok(mark.y <= box.y + 2 * ch && mark.y + mark.height >= box.y + 3 * ch, `and row 3: ${JSON.stringify(mark)}`);
  assert.equal(await page.evaluate(() => window.gridPaints), 0, 'no grid painted again');

  // δ⁽¹⁾ is not computed yet: a grid whose canvas paints no pixel, over the empty grid's background.
  const delta = page.locator('#inspector-view figure[data-matrix="delta"]');
  assert.equal(await delta.getAttribute('data-state'), 'empty');
  assert.equal(await delta.locator('canvas.matrix-canvas').evaluate(async (el) => (el.width && el.height
    ? (await import('/www/bundle.js')).bitmapCanvas.canvasPixels(el).filter((v, k) => k % 4 === 3 && v > 0).length
    : 0)), 0, 'no pixel painted');

  // Scrolled far out of sight, a grid of one pixel per cell keeps its pixels through a redraw:
  // scrolling back never shows it blank for a frame.
  await page.evaluate(() => {
    const view = document.getElementById('inspector-view');
    view.scrollTop = view.scrollHeight;
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.click('.layer-tab[data-layer="0"]');
  assert.deepEqual(await figure.locator('canvas.matrix-canvas').evaluate((el) => [el.width, el.height]), [16, 64]);
  // The count of grid paints above is not blind: a step that fills in a grid paints it.
  await page.evaluate(() => { window.gridPaints = 0; });
  await steps(page, 1);
  await page.waitForFunction(() => window.gridPaints > 0, null, { timeout: 5000 });
});

test('after the update, W\'s changed weights are outlined over a grid of one pixel per cell', async (t) => {
  const page = await browser.open(t, DEEP);
  await deepNetwork(page);
  await page.click('.layer-tab[data-layer="1"]'); // W⁽²⁾: 16 × 16, too wide to print numbers
  await page.uncheck('#inspector-follow');
  await steps(page, 20); // one batch: forward, loss, backward, update
  const figure = page.locator('#inspector-view figure[data-matrix="w_new"]');
  await figure.scrollIntoViewIfNeeded();
  const card = await figure.evaluate((el) => {
    const [cells, changes] = el.querySelectorAll('canvas');
    const values = JSON.parse(el.dataset.values);
    const marks = changes.getContext('2d').getImageData(0, 0, changes.width, changes.height).data;
    return { cells: [cells.width, cells.height], changes: [changes.width, changes.height], values, marked: values.map((row, r) => row.map((_, c) => marks[(r * 16 + c) * 4 + 3] === 255)) };
  });
  assert.deepEqual(card.cells, [16, 16], 'W after the update: one pixel per cell');
  assert.deepEqual(card.changes, [16, 16], 'and one mark per cell');
  const before = (await page.evaluate(() => JSON.parse(window.playground.trace()))).layers[1].w;
  const changed = card.values.map((row, r) => row.map((v, c) => v !== before[r][c]));
  assert.deepEqual(card.marked, changed, 'the marks are the weights the update changed');
  // On screen a changed cell has the outline's amber 2 px inside its grid line, its own colour
  // in the middle (a cell of row 6, clear of the inspector's toolbar).
  const r = 5;
  const col = changed[r].indexOf(true);
  assert.ok(col >= 0, 'row 6 has a changed weight');
  const box = await figure.locator('canvas.matrix-canvas').boundingBox();
  const [cw, ch] = [box.width / 16, box.height / 16];
  assert.deepEqual(await screenPixel(page, box.x + col * cw + 2, box.y + (r + 0.5) * ch), [0xf2, 0xa9, 0x00], 'the outline');
  const middle = await figure.evaluate(async (el, [row, column]) => {
    const { fillRgb, scaleMax } = (await import('/www/bundle.js')).colors;
    const values = JSON.parse(el.dataset.values);
    return fillRgb(values[row][column], Math.max(scaleMax(values), scaleMax(JSON.parse(el.closest('section').querySelector('figure[data-matrix="w"]').dataset.values))));
  }, [r, col]);
  assert.deepEqual(await screenPixel(page, box.x + (col + 0.5) * cw, box.y + (r + 0.5) * ch), middle, 'the cell\'s colour inside');
});

test('the band a step fills in is painted in the frame that scrolls it into view, not a frame later', async (t) => {
  const page = await browser.open(t, DEEP);
  await deepNetwork(page);
  // Forward 9, Loss: the inspector shows the output layer (64 × 1: cards that print numbers, painted
  // only near view), scrolled to its forward band.
  await steps(page, 10);
  // Backward(9) fills in the backward band below: in the first frame after the click, its cards
  // hold the new values' pixels, before the page hears from the observer that they are on show
  // (the top left cell, a few pixels in, is the colour of its value).
  const painted = await page.evaluate(() => import('/www/bundle.js').then(({ colors: { fillRgb: rgb }, bitmapCanvas: { canvasPixels } }) => new Promise((done) => {
    document.getElementById('step-phase').click();
    requestAnimationFrame(() => {
      const view = document.getElementById('inspector-view');
      const band = view.querySelector('section[data-band="backward"]');
      const box = view.getBoundingClientRect();
      const top = band.getBoundingClientRect().top;
      done({
        inView: top >= box.top && top < box.bottom,
        cards: [...band.querySelectorAll('figure.matrix')].map((figure) => {
          const canvas = figure.querySelector('canvas');
          const { spec, from } = canvas.drawn;
          const [x, y] = spec.cell.text ? [3, 3] : [0, 0];
          const pixel = canvas.width ? [...canvasPixels(canvas, x, y, 1, 1).slice(0, 3)] : null;
          return { key: figure.dataset.matrix, state: figure.dataset.state, pixel, want: spec.values && rgb(spec.values[from][0], spec.scale) };
        }),
      });
    });
  })));
  assert.equal(painted.inView, true, 'the backward band is scrolled into view');
  for (const card of painted.cards) {
    assert.equal(card.state, 'values', `${card.key} has values`);
    assert.deepEqual(card.pixel, card.want, `${card.key} is painted with its values in that frame`);
  }
});

test('a tall grid that prints numbers paints the rows in sight, and follows the inspector as it scrolls', async (t) => {
  const page = await browser.open(t, DEEP);
  await deepNetwork(page);
  await steps(page, 10); // to Loss: the inspector shows the output layer, Z⁽⁹⁾ 64 × 1 with its numbers
  const figure = page.locator('#inspector-view figure[data-matrix="z"]');
  const rowsHeld = () => figure.evaluate((el) => {
    const canvas = el.querySelector('canvas.matrix-canvas');
    const cell = canvas.drawn.spec.cell.height;
    return { height: canvas.getBoundingClientRect().height / cell, from: canvas.drawn.from, to: canvas.drawn.to, pixels: canvas.height };
  });
  const first = await rowsHeld();
  assert.equal(first.from, 0);
  assert.ok(first.to < 64 && first.height === first.to && first.pixels > 0, `a window of the first rows: ${JSON.stringify(first)}`);
  // Scroll the view until row 50 of Z is in sight.
  const row = 49;
  await figure.evaluate((el, r) => {
    const view = document.getElementById('inspector-view');
    const grid = el.querySelector('.matrix-grid');
    const cell = el.querySelector('canvas.matrix-canvas').drawn.spec.cell.height;
    view.scrollTop += grid.getBoundingClientRect().top - view.getBoundingClientRect().top + r * cell - 100;
  }, row);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const moved = await rowsHeld();
  assert.ok(moved.from <= row && row < moved.to, `the window holds row ${row + 1}: ${JSON.stringify(moved)}`);
  // On screen the cell is its value's colour, and hovering it names its exact value.
  const box = await figure.locator('.matrix-grid').boundingBox();
  const values = JSON.parse(await figure.getAttribute('data-values'));
  const cellHeight = (box.height - 1) / 64;
  const centre = { x: box.x + (box.width - 1) / 2, y: box.y + (row + 0.5) * cellHeight };
  const want = await page.evaluate(async ([v, all]) => {
    const { fillRgb, scaleMax } = (await import('/www/bundle.js')).colors;
    return fillRgb(v, scaleMax(all));
  }, [values[row][0], values]);
  // Clear of the printed number and of the grid lines: 4 px inside the cell's top left corner.
  assert.deepEqual(await screenPixel(page, box.x + 4, box.y + row * cellHeight + 4), want, 'the cell in its colour');
  await page.mouse.move(centre.x, centre.y);
  const tip = page.locator('#value-tooltip');
  await tip.waitFor({ state: 'visible' });
  const exact = String(values[row][0]).replace('-', '−');
  assert.equal(await tip.textContent(), `Z⁽⁹⁾[${row + 1},1] = ${exact}`);
});

test('a grid the next batch empties shows the empty grid, not the last batch\'s numbers', async (t) => {
  // The circle preset as it opens (2-4-2-1, batches of 10): its grids print their numbers.
  const page = await browser.open(t, { query: '?preset=circle' });
  // The screen's colour 6 px inside the top left cell of card `key`'s grid, the card scrolled to
  // just under the inspector's sticky toolbar.
  const cornerPixel = async (key) => {
    const grid = page.locator(`#inspector-view figure[data-matrix="${key}"] .matrix-grid`);
    await grid.evaluate((el) => {
      const view = el.closest('#inspector-view');
      const bar = view.querySelector('.inspector-toolbar') ?? view.firstElementChild;
      view.scrollTop += el.getBoundingClientRect().top - bar.getBoundingClientRect().bottom - 8;
    });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const box = await grid.boundingBox();
    return screenPixel(page, box.x + 6, box.y + 6);
  };
  // A whole batch (3 forward, the loss, 3 backward, the update): δ⁽¹⁾ was painted with values.
  await steps(page, 8);
  const figure = page.locator('#inspector-view figure[data-matrix="delta"]');
  assert.equal(await figure.getAttribute('data-state'), 'values');
  const emptyBackground = [0xf4, 0xf5, 0xf7];
  assert.notDeepEqual(await cornerPixel('delta'), emptyBackground, 'the value is on screen');
  // The next batch's first step: layer 1's δ, ∂J/∂W and ∂J/∂b are not computed for it yet.
  await steps(page, 1);
  for (const key of ['delta', 'dw', 'db']) {
    assert.equal(await page.locator(`#inspector-view figure[data-matrix="${key}"]`).getAttribute('data-state'), 'empty');
    assert.deepEqual(await cornerPixel(key), emptyBackground, `${key}: the empty grid's background`);
  }
});

test('a step paints the grids in sight before its frame, those out of sight after it, with their values', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await steps(page, 7); // to Backward(1): the update comes next, and repaints W, W after, b and b after
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const seen = await page.evaluate(() => new Promise((done) => {
    const paints = [];
    const original = ImageBitmapRenderingContext.prototype.transferFromImageBitmap;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = function paint(...args) {
      if (this.canvas.classList.contains('matrix-canvas')) paints.push(this.canvas.closest('figure').dataset.matrix);
      return original.apply(this, args);
    };
    const view = document.getElementById('inspector-view');
    const inSight = (key) => {
      const box = view.querySelector(`figure[data-matrix="${key}"] .matrix-grid`).getBoundingClientRect();
      const area = view.getBoundingClientRect();
      return box.bottom > area.top && box.top < Math.min(area.bottom, window.innerHeight);
    };
    document.getElementById('step-phase').click();
    let before = null;
    requestAnimationFrame(() => {
      before = paints.map((key) => ({ key, inSight: inSight(key) }));
    });
    // Two frames later: the paints that waited have run.
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => {
      ImageBitmapRenderingContext.prototype.transferFromImageBitmap = original;
      done({ before, after: paints.slice(before.length).map((key) => ({ key, inSight: inSight(key) })) });
    })));
  }));
  assert.ok(seen.before.length > 0 && seen.before.every((p) => p.inSight), `before the frame, grids in sight: ${JSON.stringify(seen.before)}`);
  assert.ok(seen.after.length > 0 && seen.after.every((p) => !p.inSight), `after it, grids out of sight: ${JSON.stringify(seen.after)}`);
  // Every grid the update filled in shows its values, those painted late included (the top left
  // cell in the colour of its value: 6 px in, inside the outline of a changed cell, 5 px down,
  // above its number).
  const cards = await page.evaluate(async () => {
    const { colors: { fillRgb }, bitmapCanvas: { canvasPixels } } = await import('/www/bundle.js');
    return ['w', 'w_new', 'b', 'b_new'].map((key) => {
      const canvas = document.querySelector(`#inspector-view figure[data-matrix="${key}"] canvas.matrix-canvas`);
      const { spec, from } = canvas.drawn;
      return { key, pixel: [...canvasPixels(canvas, 6, 5, 1, 1).slice(0, 3)], want: fillRgb(spec.values[from][0], spec.scale) };
    });
  });
  for (const { key, pixel, want } of cards) assert.deepEqual(pixel, want, `${key} shows its values`);
  assert.ok(seen.after.some((p) => ['b', 'b_new'].includes(p.key)), `b or b after is among the late ones: ${JSON.stringify(seen.after)}`);
});

test('the loss chart is drawn again when a batch logs its J or an epoch ends, not at every update', async (t) => {
  // The circle preset (its own network, several batches an epoch); the loss chart on show.
  const page = await browser.open(t, DEEP);
  const drawnAt = await page.evaluate(async () => {
    let draws = 0;
    const original = CanvasRenderingContext2D.prototype.fillRect;
    CanvasRenderingContext2D.prototype.fillRect = function fillRect(...args) {
      if (this.canvas.id === 'loss-canvas') draws += 1;
      return original.apply(this, args);
    };
    const button = document.getElementById('step-phase');
    const drawn = [];
    // The page redraws once the click's task is done (a microtask): wait for it before counting.
    const click = async () => {
      const phase = window.playground.phase();
      draws = 0;
      button.click();
      await null;
      if (draws > 0) drawn.push(phase);
    };
    // Two batches phase by phase, the epoch's other batches but its last at once, then the last
    // batch phase by phase.
    const { layers, batches } = JSON.parse(window.playground.trace());
    for (let i = 0; i < 2 * (2 * layers.length + 2); i += 1) await click();
    for (let b = 2; b < batches - 1; b += 1) {
      document.getElementById('step-batch').click();
      await null;
    }
    while (window.playground.phase() !== 'Update') await click();
    await click();
    return { drawn, epochs: JSON.parse(window.playground.trace()).epochs_done };
  });
  assert.equal(drawnAt.epochs, 1, 'the epoch ended');
  assert.deepEqual(drawnAt.drawn, ['Loss', 'Loss', 'Loss', 'Update'], 'at each loss phase, and the update that ends the epoch');
});

test('the update copies the edges and the neuron maps painted ahead, with the pixels the page paints at once', async (t) => {
  // The same session twice: with OffscreenCanvas to paint ahead into, and without.
  const ahead = await browser.open(t, DEEP);
  const alone = await browser.open(t, { ...DEEP, init: () => { delete window.OffscreenCanvas; } });
  for (const page of [ahead, alone]) {
    await deepNetwork(page);
    // Forward 9, Loss, Backward 9: the update is next.
    await steps(page, 19);
    assert.equal(await page.evaluate(() => window.playground.phase()), 'Update');
  }
  await ahead.waitForSelector('canvas.network-edges[data-prepared="ready"]', { state: 'attached' });
  await ahead.waitForSelector('canvas.neuron-map-sheet[data-prepared="ready"]', { state: 'attached' });
  const sheets = ['canvas.network-edges', 'canvas.neuron-map-sheet'];
  const before = await Promise.all(sheets.map((sheet) => edgePixels(ahead, sheet)));
  for (const page of [ahead, alone]) await steps(page, 1);
  const differ = (a, b) => a.reduce((count, v, k) => count + (v !== b[k] ? 1 : 0), 0);
  for (const [k, sheet] of sheets.entries()) {
    const painted = (page) => page.locator(sheet).getAttribute('data-painted');
    assert.equal(await painted(ahead), 'prepared', `${sheet}: the image painted ahead, copied`);
    assert.equal(await painted(alone), 'drawn', `${sheet}: painted at the update`);
    const [copied, drawn] = [await edgePixels(ahead, sheet), await edgePixels(alone, sheet)];
    assert.equal(copied.length, drawn.length);
    assert.ok(differ(before[k], copied) > 0, `${sheet}: the update changed it`);
    assert.equal(differ(copied, drawn), 0, `${sheet}: the same pixels either way`);
  }
});

test('the grids, the network’s edges, its neuron maps and the scatter are pictures handed over whole, not 2D canvases the browser copies at every frame', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await steps(page, 12);
  const kinds = await page.evaluate(() => {
    const drawn = [...document.querySelectorAll('canvas.matrix-canvas, canvas.network-edges, canvas.neuron-map-sheet, #data-scatter')]
      .filter((canvas) => canvas.width > 0 && canvas.isConnected && canvas.getClientRects().length > 0);
    // A canvas with a 2D context has no 'bitmaprenderer' one (null); one shown by bitmap-canvas.js has.
    return drawn.map((canvas) => ({ name: canvas.id || canvas.className, handed: canvas.getContext('bitmaprenderer') !== null }));
  });
  const names = new Set(kinds.map(({ name }) => name.split(' ')[0]));
  for (const name of ['matrix-canvas', 'network-edges', 'neuron-map-sheet', 'data-scatter']) assert.ok(names.has(name), `${name} is on show: ${[...names]}`);
  assert.deepEqual(kinds.filter(({ handed }) => !handed), [], 'every one shows a picture handed over');
  // And the pictures are there: the scatter shows its points.
  const inked = await page.evaluate(async () => {
    const pixels = (await import('/www/bundle.js')).bitmapCanvas.canvasPixels(document.getElementById('data-scatter'));
    let n = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) n += 1;
    return n;
  });
  assert.ok(inked > 1000, `the scatter is drawn: ${inked} pixels`);
});
