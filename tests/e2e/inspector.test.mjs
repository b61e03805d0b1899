// The layer inspector, the equations panel and the network diagram show the core's numbers:
// the worked example phase by phase, empty grids before a value exists, exact values on hover,
// hand edits through the diagram, paging of large batches, wide layers, and redraw time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, readNumber, LAPTOP, PROJECTOR } from './harness.mjs';

const browser = useBrowser();
const WORKED = { query: '?preset=worked-example' };

// What the inspector's card for `key` (x, z, a, y, delta, dw, db, w, w_new, b, b_new) shows.
async function matrix(page, key) {
  return page.locator(`#inspector-view figure[data-matrix="${key}"]`).evaluate((figure) => ({
    state: figure.dataset.state,
    shape: figure.dataset.shape,
    text: figure.dataset.text ? JSON.parse(figure.dataset.text) : null,
    values: figure.dataset.values ? JSON.parse(figure.dataset.values) : null,
    empty: figure.querySelector('.matrix-empty')?.textContent ?? null,
  }));
}

// The printed numbers of a card as numbers ("−1.5" → -1.5).
const shown = async (page, key) => (await matrix(page, key)).text?.map((row) => row.map(readNumber));

// The lines of the equations panel.
const equations = (page) => page.locator('#equations-view .eq').allTextContents();

// Click "Next phase" once.
const step = (page) => page.click('#step-phase');

// The core's trace, from the page's live Playground.
const traceOf = (page) => page.evaluate(() => JSON.parse(window.playground.trace()));

// Assert that one line of the equations panel is exactly `expected`.
async function assertEquation(page, expected) {
  const lines = await equations(page);
  assert.ok(lines.includes(expected), `missing “${expected}” in:\n${lines.join('\n')}`);
}

// The centre of cell (r, c) of a card's canvas, in page coordinates.
async function cellCentre(page, key, r, c) {
  const figure = page.locator(`#inspector-view figure[data-matrix="${key}"]`);
  const [rows, cols] = (await figure.getAttribute('data-shape')).split('x').map(Number);
  // The grid covers every row shown, a pixel wider and taller than its cells (the canvas of a grid
  // that prints numbers may hold only the rows in sight).
  const box = await figure.locator('.matrix-grid').boundingBox();
  const shownRows = Math.min(rows, 64);
  return { x: box.x + ((c + 0.5) * (box.width - 1)) / cols, y: box.y + ((r + 0.5) * (box.height - 1)) / shownRows };
}

// Double-click cell (r, c) of a card of the inspector.
async function doubleClickCell(page, key, r, c) {
  await page.locator(`#inspector-view figure[data-matrix="${key}"]`).scrollIntoViewIfNeeded();
  const { x, y } = await cellCentre(page, key, r, c);
  await page.mouse.dblclick(x, y);
}

// A point a quarter of the way along an edge of the diagram (clear of crossings at the middle).
// The edges are pixels on a canvas, drawn from the centre of a unit (or input) of one column to
// the centre of a unit of the next: the circles give their ends.
async function edgePoint(page, layer, i, j) {
  return page.evaluate(([l, from, to]) => {
    const source = document.querySelector(l === 0 ? `circle.input-node[data-i="${from}"]` : `circle.unit[data-layer="${l - 1}"][data-j="${from}"]`);
    const target = document.querySelector(`circle.unit[data-layer="${l}"][data-j="${to}"]`);
    const box = target.ownerSVGElement.getBoundingClientRect();
    const at = (circle, name) => Number(circle.getAttribute(name));
    const [x1, y1, x2, y2] = [at(source, 'cx'), at(source, 'cy'), at(target, 'cx'), at(target, 'cy')];
    return { x: box.left + x1 + 0.25 * (x2 - x1), y: box.top + y1 + 0.25 * (y2 - y1) };
  }, [layer, i, j]);
}

// Open the diagram's editor on weight (i, j) of layer `layer` and type `text`, then Enter.
async function editWeight(page, layer, i, j, text) {
  const { x, y } = await edgePoint(page, layer, i, j);
  await page.mouse.dblclick(x, y);
  const input = page.locator('#weight-editor-input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await input.press('Enter');
}

test('phase by phase, the worked example shows ŷ = [1.5, 1.5], J = 4.25, ∂J/∂W, and W after the update', async (t) => {
  const page = await browser.open(t, WORKED);
  await step(page);
  assert.deepEqual(await shown(page, 'a'), [[1.5, 1.5]], 'ŷ = A⁽¹⁾');
  assert.deepEqual(await shown(page, 'z'), [[1.5, 1.5]]);
  assert.deepEqual(await shown(page, 'input'), [[1, 2]], 'X is the first sample');
  await assertEquation(page, 'z⁽¹⁾₁ = 1 × 0.5 + 2 × 0.5 + 0 = 1.5');
  await assertEquation(page, 'a⁽¹⁾₁ = f(z⁽¹⁾₁) = 1.5');

  await step(page);
  assert.deepEqual(await shown(page, 'y'), [[3, 4]]);
  await assertEquation(page, 'J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25');

  await step(page);
  assert.deepEqual(await shown(page, 'delta'), [[-1.5, -2.5]]);
  assert.deepEqual(await shown(page, 'dw'), [[-1.5, -2.5], [-3, -5]]);
  assert.deepEqual(await shown(page, 'db'), [[-1.5, -2.5]]);
  await assertEquation(page, '∂J/∂w⁽¹⁾₁₁ = x₁ δ⁽¹⁾₁ = 1 × (−1.5) = −1.5');

  await step(page);
  assert.deepEqual(await shown(page, 'w'), [[0.5, 0.5], [0.5, 0.5]], 'W before the update');
  assert.deepEqual(await shown(page, 'w_new'), [[0.65, 0.75], [0.8, 1]], 'W after the update');
  assert.deepEqual(await shown(page, 'b_new'), [[0.15, 0.25]]);
  await assertEquation(page, 'w⁽¹⁾₁₁ ← 0.5 − 0.1 × (−1.5) = 0.65');
  // The numbers drawn are the core's own, to the last bit.
  const trace = await traceOf(page);
  assert.deepEqual((await matrix(page, 'w_new')).values, trace.layers[0].w_new);
  assert.deepEqual((await matrix(page, 'dw')).values, trace.layers[0].dw);
});

test('with the inspector not following, the equations still write out a layer far from the one shown', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const hidden = Array.from({ length: 5 }, () => ({ units: 3, activation: 'tanh' }));
  await page.evaluate((layers) => window.playground.configure(JSON.stringify({ network: { layers } })),
    [...hidden, { units: 1, activation: 'sigmoid' }]);
  await page.uncheck('#inspector-follow');
  await page.click('.layer-tab[data-layer="0"]');
  // Layer 1 shown; the redraws read traces focused near it, yet the phases reach layer 5.
  for (let i = 0; i < 5; i += 1) await step(page);
  assert.equal(await page.getAttribute('#inspector-view', 'data-layer'), '0');
  const lines = await equations(page);
  assert.ok(lines.some((line) => line.startsWith('z⁽⁵⁾₁ = a⁽⁴⁾₁')), `no z⁽⁵⁾₁ in:\n${lines.join('\n')}`);
  assert.ok(!lines.some((line) => /not in the trace/.test(line)), lines.join('\n'));
  // Backward through layer 5: δ⁽⁵⁾ needs δ⁽⁶⁾, W⁽⁶⁾ and f′(Z⁽⁵⁾), none of them near layer 1.
  for (let i = 0; i < 4; i += 1) await step(page);
  assert.equal(await page.evaluate(() => window.playground.phase()), 'Backward(4)');
  const back = await equations(page);
  assert.ok(back.some((line) => line.startsWith('δ⁽⁵⁾₁ = f′(z⁽⁵⁾₁) × ')), back.join('\n'));
  assert.ok(!back.some((line) => /not in the trace/.test(line)), back.join('\n'));
});

test('values the batch has not computed are empty grids, and stepping back empties them again', async (t) => {
  const page = await browser.open(t, WORKED);
  for (const key of ['z', 'a', 'delta', 'dw', 'db', 'w_new', 'b_new']) {
    const card = await matrix(page, key);
    assert.equal(card.state, 'empty', `${key} before any step`);
    assert.equal(card.text, null, `${key} prints no numbers`);
    assert.equal(card.empty, 'not computed yet');
  }
  assert.equal((await matrix(page, 'w')).state, 'values', 'W exists from the start');
  assert.equal((await matrix(page, 'z')).shape, '1x2', 'an empty grid has the batch’s shape');

  await step(page);
  await step(page);
  await step(page);
  assert.equal((await matrix(page, 'dw')).state, 'values');
  assert.equal((await matrix(page, 'w_new')).state, 'empty', 'no W after the update before the update');
  await step(page);
  assert.equal((await matrix(page, 'w_new')).state, 'values');

  await page.click('#step-back');
  assert.equal((await matrix(page, 'w_new')).state, 'empty', 'step back removes the update');
  assert.deepEqual(await shown(page, 'dw'), [[-1.5, -2.5], [-3, -5]], 'and keeps the backward pass');
  await page.click('#step-back');
  assert.equal((await matrix(page, 'dw')).state, 'empty');
  assert.deepEqual(await shown(page, 'a'), [[1.5, 1.5]]);
  await assertEquation(page, 'J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25');
});

test('hovering a cell shows its exact value with its row and column', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await step(page);
  const trace = await traceOf(page);
  const { x, y } = await cellCentre(page, 'z', 2, 1);
  await page.mouse.move(x, y);
  const tip = page.locator('#value-tooltip');
  await tip.waitFor({ state: 'visible' });
  const exact = String(trace.layers[0].z[2][1]).replace('-', '−');
  assert.equal(await tip.textContent(), `Z⁽¹⁾[3,2] = ${exact}`);
  const [, value] = (await tip.textContent()).split(' = ');
  assert.equal(Number(value.replace('−', '-')), trace.layers[0].z[2][1], 'every digit');
  await page.mouse.move(1, 1);
  assert.equal(await tip.isHidden(), true);
});

test('clicking a cell chooses the sample, unit and weight that the equations write out', async (t) => {
  const page = await browser.open(t, WORKED);
  for (let i = 0; i < 3; i += 1) await step(page);
  const { x, y } = await cellCentre(page, 'dw', 1, 1);
  await page.mouse.click(x, y);
  await assertEquation(page, '∂J/∂w⁽¹⁾₂₂ = x₂ δ⁽¹⁾₂ = 2 × (−2.5) = −5');
  await assertEquation(page, 'δ⁽¹⁾₂ = (ŷ₂ − y₂) / m = (1.5 − 4) / 1 = −2.5');
  await step(page);
  await assertEquation(page, 'w⁽¹⁾₂₂ ← 0.5 − 0.1 × (−5) = 1');
});

test('from the keyboard, a grid moves its chosen cell with the arrows, shows its value, and Enter edits a weight', async (t) => {
  const page = await browser.open(t, WORKED);
  for (let i = 0; i < 3; i += 1) await step(page);
  const canvas = page.locator('#inspector-view figure[data-matrix="w"] canvas.matrix-canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  const tip = page.locator('#value-tooltip');
  assert.equal(await tip.textContent(), 'W⁽¹⁾[1,2] = 0.5');
  assert.equal(await tip.isVisible(), true);
  assert.equal((await traceOf(page)).undo_depth, 3, 'in a grid, → moves the cell and performs no phase');
  await page.keyboard.press('ArrowDown');
  assert.equal(await tip.textContent(), 'W⁽¹⁾[2,2] = 0.5');
  await assertEquation(page, '∂J/∂w⁽¹⁾₂₂ = x₂ δ⁽¹⁾₂ = 2 × (−2.5) = −5');
  // Past the last row or column the cell stays where it is.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.equal(await tip.textContent(), 'W⁽¹⁾[2,2] = 0.5');
  await page.keyboard.press('Enter');
  const input = page.locator('#weight-editor-input');
  await input.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#weight-editor label').textContent(), 'w⁽¹⁾₂₂ =');
  await input.fill('0.25');
  await input.press('Enter');
  assert.equal((await traceOf(page)).layers[0].w[1][1], 0.25, 'the core has the new weight');
  assert.equal(await page.evaluate(() => document.activeElement.closest('figure')?.dataset.matrix), 'w',
    'the grid has the focus again');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await tip.textContent(), 'W⁽¹⁾[2,1] = 0.5');
  // A grid that holds no parameter opens no editor; Escape hides the value.
  await page.locator('#inspector-view figure[data-matrix="a"] canvas.matrix-canvas').focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await tip.textContent(), /^A⁽¹⁾ = ŷ\[1,2\]/);
  await page.keyboard.press('Enter');
  assert.equal(await input.isHidden(), true);
  await page.keyboard.press('Escape');
  assert.equal(await tip.isHidden(), true);
  // Away from the grids, → is the next phase again.
  await page.locator('#step-phase').focus();
  const before = await traceOf(page);
  await page.keyboard.press('ArrowRight');
  assert.equal((await traceOf(page)).undo_depth, before.undo_depth + 1);
});

test('a weight edited in the diagram changes the next forward pass exactly as the core computes it', async (t) => {
  const page = await browser.open(t, WORKED);
  await editWeight(page, 0, 1, 0, '−0.25');
  assert.equal(await page.locator('#weight-editor').isHidden(), true, 'the editor closes');
  const trace = await traceOf(page);
  assert.equal(trace.layers[0].w[1][0], -0.25, 'the core has the new weight');
  assert.equal((await matrix(page, 'w')).values[1][0], -0.25, 'the inspector shows it');
  assert.equal((await matrix(page, 'z')).state, 'empty', 'the batch restarts');

  await step(page);
  const fresh = await page.evaluate(async () => {
    // The page's own package module, already initialised: a second, independent session.
    const { Playground } = await import('/www/pkg/backprop_playground.js');
    const other = Playground.fromSession(Playground.defaultSession('worked-example'));
    other.setWeight(0, 1, 0, -0.25);
    other.step('phase');
    return JSON.parse(other.trace()).layers[0].z;
  });
  assert.deepEqual((await matrix(page, 'z')).values, fresh);
  // By hand: z₁ = 1 × 0.5 + 2 × (−0.25) + 0 = 0.
  assert.deepEqual(fresh, [[0, 1.5]]);
  await assertEquation(page, 'z⁽¹⁾₁ = 1 × 0.5 + 2 × (−0.25) + 0 = 0');
});

test('a bias edited on a unit of the diagram changes Z by exactly that bias', async (t) => {
  const page = await browser.open(t, WORKED);
  await page.locator('circle.unit[data-layer="0"][data-j="1"]').dblclick();
  await page.locator('#weight-editor-input').fill('1');
  await page.locator('#weight-editor-input').press('Enter');
  await step(page);
  assert.deepEqual((await matrix(page, 'z')).values, [[1.5, 2.5]]);
});

test('text the editor cannot read as a number is refused with the text as typed, and changes nothing', async (t) => {
  const page = await browser.open(t, WORKED);
  await step(page);
  const before = await page.evaluate(() => window.playground.trace());
  const error = page.locator('.weight-editor-error');
  const input = page.locator('#weight-editor-input');
  // Read as the settings read their fields: hexadecimal is no number there either (it was 16),
  // and a number a float cannot hold is not rounded to 0 or ∞ behind the person's back.
  for (const [text, message] of [
    ['abc', 'Not changed: “abc” is not a number'],
    ['0x10', 'Not changed: “0x10” is not a number'],
    ['', 'Not changed: “” is not a number'],
    ['1e-400', 'Not changed: 1e-400 is closer to 0 than a 64-bit number can hold: it would be 0'],
    ['−1e999', 'Not changed: −1e999 is beyond the largest 64-bit number'],
  ]) {
    if (await input.isVisible()) {
      await input.fill(text);
      await input.press('Enter');
    } else {
      await editWeight(page, 0, 0, 0, text);
    }
    await error.waitFor({ state: 'visible' });
    assert.ok((await error.textContent()).startsWith(message), `${JSON.stringify(text)}: ${await error.textContent()}`);
    assert.equal(await page.locator('#weight-editor').isVisible(), true, 'the editor stays open');
    assert.equal(await input.inputValue(), text, 'the text stays in the field');
    assert.equal(await page.evaluate(() => window.playground.trace()), before, 'the core is unchanged');
  }
  assert.deepEqual(await shown(page, 'z'), [[1.5, 1.5]], 'the page still shows the forward pass');
  // The true minus sign and a whole number are numbers.
  await input.fill('−2');
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
  assert.equal(JSON.parse(await page.evaluate(() => window.playground.trace())).layers[0].w[0][0], -2);
});

test('clicking a layer in the diagram inspects it, and the layer of the phase is highlighted', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.locator('text.layer-heading[data-layer="1"]').click();
  assert.equal(await page.locator('#inspector-view').getAttribute('data-layer'), '1');
  assert.equal(await page.locator('.layer-tab[data-layer="1"]').getAttribute('aria-pressed'), 'true');
  assert.equal((await matrix(page, 'w')).shape, '4x2', 'W⁽²⁾ is 4 × 2');
  assert.equal(await page.locator('rect.layer-band.is-next').getAttribute('data-layer'), '0', 'Forward(1) is next');
  await step(page);
  assert.equal(await page.locator('rect.layer-band.is-done').getAttribute('data-layer'), '0');
  assert.equal(await page.locator('rect.layer-band.is-next').getAttribute('data-layer'), '1');
  assert.equal(await page.locator('#inspector-view').getAttribute('data-layer'), '0', 'the inspector follows the phase');
  // Hover on an edge gives the weight's exact value.
  const trace = await traceOf(page);
  const { x, y } = await edgePoint(page, 1, 2, 0);
  await page.mouse.move(x, y);
  const exact = String(trace.layers[1].w[2][0]).replace('-', '−');
  assert.match(await page.locator('#value-tooltip').textContent(), new RegExp(`^w⁽²⁾₃₁ = ${exact} `));
  // The edge is painted there in its weight's colour: red for a positive weight, blue for a negative one.
  const [red, , blue, alpha] = await page.evaluate(async ([x, y]) => {
    const { canvasPixels } = (await import('/www/bundle.js')).bitmapCanvas;
    const canvas = document.querySelector('#network-view canvas.network-edges');
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    return [...canvasPixels(canvas, Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1)];
  }, [x, y]);
  assert.equal(alpha, 255, 'the edge is painted under the pointer');
  assert.equal(red > blue, trace.layers[1].w[2][0] > 0, `rgb(${red}, _, ${blue}) has the weight's sign`);
  // Off the edges, the band under the pointer names the layer.
  const band = await page.locator('rect.layer-band[data-layer="1"]').boundingBox();
  await page.mouse.move(band.x + band.width / 2, band.y + 8);
  assert.match(await page.locator('#value-tooltip').textContent(), /^Layer 2/);
});

test('a batch of more than 64 rows is paged, 64 rows at a time', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.evaluate(() => window.playground.configure('{"training":{"batch_size":100}}'));
  await step(page);
  const first = await matrix(page, 'z');
  assert.equal(first.shape, '100x4');
  assert.equal(first.values.length, 64);
  assert.match(await page.locator('.row-pager').textContent(), /rows 1–64 of 100/);
  await page.locator('.row-pager button').last().click();
  const second = await matrix(page, 'z');
  assert.equal(second.values.length, 36);
  assert.deepEqual(second.values, (await traceOf(page)).layers[0].z.slice(64));
});

test('a layer wider than 16 units is summarised in the diagram, and its weights stay exact', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.evaluate(() => window.playground.configure(JSON.stringify({ network: { layers: [
    { units: 40, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }] } })));
  await step(page);
  // As many units as the panel's height holds (16 at most, the ellipsis counting as one), the
  // ellipsis saying how many it leaves out.
  const drawn = await page.locator('circle.unit[data-layer="0"]').count();
  assert.ok(drawn >= 3 && drawn <= 15, `${drawn} units drawn`);
  assert.equal(await page.locator('text.ellipsis').textContent(), `+${40 - drawn} more`);
  assert.equal(await page.locator('circle.unit[data-layer="0"][data-j="39"]').count(), 1, 'the last unit is drawn');
  assert.equal((await matrix(page, 'w')).shape, '2x40');
  // A unit the diagram leaves out is still editable, in the inspector's W.
  await doubleClickCell(page, 'w', 1, 20);
  await page.locator('#weight-editor-input').fill('0.125');
  await page.locator('#weight-editor-input').press('Enter');
  assert.equal((await traceOf(page)).layers[0].w[1][20], 0.125);
  assert.equal((await matrix(page, 'w')).values[1][20], 0.125);
});

test('after the update, a double-click on W edits the current (new) weight', async (t) => {
  const page = await browser.open(t, WORKED);
  for (let i = 0; i < 4; i += 1) await step(page);
  await doubleClickCell(page, 'w_new', 0, 1);
  const input = page.locator('#weight-editor-input');
  assert.equal(await input.inputValue(), '0.75', 'the editor starts from W after the update');
  await input.fill('2');
  await input.press('Enter');
  const trace = await traceOf(page);
  assert.deepEqual(trace.layers[0].w, [[0.65, 2], [0.8, 1]]);
  assert.equal((await matrix(page, 'w_new')).state, 'empty', 'a new batch starts from the edited weights');
});

test('stepping one phase repaints within a frame: 8 hidden layers of 16 units, batches of 64 rows', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle', viewport: PROJECTOR });
  const hidden = Array.from({ length: 8 }, () => ({ units: 16, activation: 'tanh' }));
  await page.evaluate((layers) => window.playground.configure(JSON.stringify({
    network: { layers }, training: { batch_size: 64 } })), [...hidden, { units: 1, activation: 'sigmoid' }]);
  await page.click('.layer-tab'); // a redraw with the new network
  // The click handler steps the core and the page redraws every view in the click's task; reading a size then
  // makes the browser restyle and lay out the page. Time both, phase by phase.
  // Three rounds of one batch's 20 phases; the best round's median, so that another process
  // busy on the same machine for a moment does not decide the result.
  const rounds = await page.evaluate(async () => {
    const button = document.getElementById('step-phase');
    const out = [[], [], []];
    for (const round of out) {
      for (let i = 0; i < 20; i += 1) {
        const start = performance.now();
        button.click();
        // The redraw runs once the click's task is done (a microtask), before this line.
        await null;
        void document.body.offsetHeight;
        round.push(performance.now() - start);
      }
      round.sort((a, b) => a - b);
    }
    return out;
  });
  const medians = rounds.map((times) => times[times.length / 2]);
  const median = Math.min(...medians);
  t.diagnostic(`step + redraw + layout, median per round: ${medians.map((m) => m.toFixed(1)).join(', ')} ms`);
  assert.ok(median < 16, `median ${median.toFixed(1)} ms`);
  assert.equal((await matrix(page, 'z')).shape, '64x16');
});

test('screenshots of the inspector at 1366×768 and 1920×1080: nothing overlaps, nothing spills', async (t) => {
  const shots = [
    ['inspector-worked-example-1366x768', LAPTOP, '?preset=worked-example', 4],
    ['inspector-worked-example-1920x1080', PROJECTOR, '?preset=worked-example', 3],
    ['inspector-circle-1366x768', LAPTOP, '?preset=circle', 2],
    ['inspector-circle-1920x1080', PROJECTOR, '?preset=circle', 6],
  ];
  for (const [name, viewport, query, steps] of shots) {
    const page = await browser.open(t, { query, viewport });
    for (let i = 0; i < steps; i += 1) await step(page);
    await screenshot(page, name);
    const problems = await page.evaluate(() => {
      const found = [];
      const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      const cards = [...document.querySelectorAll('#inspector-view .matrix')].map((el) => [el.dataset.matrix, el.getBoundingClientRect()]);
      for (let i = 0; i < cards.length; i += 1) {
        for (let j = i + 1; j < cards.length; j += 1) {
          if (overlap(cards[i][1], cards[j][1])) found.push(`${cards[i][0]} overlaps ${cards[j][0]}`);
        }
      }
      const inside = (el, box) => {
        const r = el.getBoundingClientRect();
        return r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      };
      const network = document.getElementById('network-view').getBoundingClientRect();
      for (const el of document.querySelectorAll('#network-view .network-svg, #network-view .network-legend')) {
        if (!inside(el, network)) found.push(`${el.className.baseVal ?? el.className} spills out of the network panel`);
      }
      const split = document.querySelector('.inspector-split').getBoundingClientRect();
      for (const el of document.querySelectorAll('#inspector-view, .equations')) {
        if (!inside(el, split)) found.push(`${el.id || el.className} spills out of the inspector panel`);
      }
      const small = [...document.querySelectorAll('#inspector-view *, #equations-view *, #network-view text')]
        .filter((el) => el.textContent.trim() && parseFloat(getComputedStyle(el).fontSize) < 14)
        .map((el) => el.textContent.trim().slice(0, 20));
      if (small.length) found.push(`text under 14 px: ${small.slice(0, 5).join(', ')}`);
      if (document.documentElement.scrollWidth > window.innerWidth) found.push('the page scrolls sideways');
      if (document.documentElement.scrollHeight > window.innerHeight) found.push('the page scrolls');
      return found;
    });
    assert.deepEqual(problems, [], name);
  }
});

test('a hand edit is one step that Step back undoes, and the steps before it stay', async (t) => {
  const page = await browser.open(t, WORKED);
  await step(page);
  await step(page);
  const before = await page.evaluate(() => window.playground.trace());
  await page.locator('circle.unit[data-layer="0"][data-j="1"]').dblclick();
  await page.locator('#weight-editor-input').fill('1');
  await page.locator('#weight-editor-input').press('Enter');
  assert.equal(await page.evaluate(() => JSON.parse(window.playground.trace()).layers[0].b[1]), 1);
  await page.click('#step-back');
  assert.equal(await page.evaluate(() => window.playground.trace()), before, 'back to the loss of the batch, b unedited');
  assert.deepEqual(await page.evaluate(() => JSON.parse(window.playground.history()).batch_loss), [4.25]);
  await page.click('#step-back');
  assert.equal(await page.evaluate(() => window.playground.phase()), 'Loss', 'the steps before the edit are still there');
});

test('every card with numbers has a colour scale that covers them, on every layer, hidden ones too', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // The whole batch: forward, loss, backward and the update, so that every card has numbers.
  await page.click('#step-batch');
  await page.uncheck('#inspector-follow');
  for (const layer of [0, 1, 2]) {
    await page.click(`.layer-tab[data-layer="${layer}"]`);
    const cards = await page.$$eval('.matrix[data-state="values"]', (figures) => figures.filter((f) => f.offsetParent)
      .map((f) => ({
        key: f.dataset.matrix,
        values: JSON.parse(f.dataset.values),
        legend: [...f.querySelectorAll('.matrix-legend > span')].map((s) => s.textContent),
      })));
    assert.ok(cards.length >= 8, `layer ${layer + 1}: ${cards.length} cards with numbers`);
    for (const { key, values, legend } of cards) {
      const most = Math.max(...values.flat().map(Math.abs));
      const high = readNumber(legend.at(-1));
      // Printed to 3 significant digits: the scale's end is at least the largest |value| shown.
      assert.ok(high >= most * 0.995 && high > 0, `layer ${layer + 1}, ${key}: scale ${legend.join(' … ')} for values up to ${most}`);
      assert.equal(readNumber(legend[0]), -high, `layer ${layer + 1}, ${key}: the scale is centred on zero`);
    }
  }
});
