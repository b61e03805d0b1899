// The equations add up: at every phase of whole epochs, on several presets and settings, every
// shown equation whose parts are arithmetic on the shown numbers is evaluated (arithmetic.mjs),
// and each part must equal the next to the precision shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { checkLine } from './arithmetic.mjs';

const browser = useBrowser();

// The equation lines on show.
const equationLines = (page) => page.locator('#equations-view p.eq').allTextContents();

// A small seeded generator, so a failing run picks the same cells again.
function randomFrom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Steps `phases` phases with the Next phase button, choosing another sample, unit and weight at
// the start of each batch; checks the equations after every phase. Returns the counts.
async function stepAndCheck(page, phases, { seed = 1, onPhase = null } = {}) {
  const random = randomFrom(seed);
  const tally = { lines: 0, parts: 0, problems: [] };
  for (let k = 0; k < phases; k += 1) {
    const phase = await page.evaluate(() => window.playground.phase());
    if (/TargetReached|MaxEpochs|Diverged/.test(phase)) break;
    if (phase === 'Forward(1)') {
      const pick = { row: Math.floor(random() * 12), col: Math.floor(random() * 5), input: Math.floor(random() * 5) };
      // The page's own selection (www/state.js): the equations clamp it into the layer's range.
      await page.evaluate(async (p) => ((await import('/www/bundle.js')).state).select(p), pick);
    }
    await page.click('#step-phase');
    const lines = await equationLines(page);
    for (const line of lines) {
      const { parts, problems } = checkLine(line);
      tally.lines += 1;
      tally.parts += parts;
      tally.problems.push(...problems.map((p) => `${phase}: ${p}`));
    }
    if (onPhase) await onPhase(phase, k, lines);
  }
  return tally;
}

// Sets a field of the settings form as a person does: type, then Enter.
async function setField(page, id, value) {
  if (await page.locator('#settings').isHidden()) await page.click('#settings-toggle');
  await page.fill(`#${id}`, value);
  await page.press(`#${id}`, 'Enter');
  assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), null, `${id} = ${value} was refused`);
}

test('worked example with L2: the loss and the gradient lines add up, data part and penalty apart', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  await setField(page, 'set-l2', '0.1');
  await page.click('#step-phase');
  await page.click('#step-phase');
  const loss = await equationLines(page);
  assert.ok(loss.includes('J_data = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25'), loss.join('\n'));
  assert.ok(loss.includes('J = 4.25 + ½ × 0.1 × 1 = 4.3'), loss.join('\n'));
  await page.click('#step-phase');
  const backward = await equationLines(page);
  assert.ok(backward.includes('∂J/∂w⁽¹⁾₁₁ = x₁ δ⁽¹⁾₁ + λ w⁽¹⁾₁₁ = 1 × (−1.5) + 0.1 × 0.5 = −1.45'), backward.join('\n'));
  const tally = await stepAndCheck(page, 3 * 2 * 4);
  assert.deepEqual(tally.problems, []);
  assert.ok(tally.parts > 40, `only ${tally.parts} parts evaluated`);
});

test('an update keeps showing the α it used after α changes; the next update uses the new one', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  for (let i = 0; i < 4; i += 1) await page.click('#step-phase');
  await setField(page, 'set-lr', '1');
  const lines = await equationLines(page);
  assert.ok(lines.includes('w⁽¹⁾₁₁ ← 0.5 − 0.1 × (−1.5) = 0.65'), lines.join('\n'));
  assert.ok(lines.some((line) => line.includes('α = 0.1') && line.includes('α = 1')), lines.join('\n'));
  assert.match(await page.locator('#inspector-view').textContent(), /α = 0\.1(?![\d.])/);
  for (let i = 0; i < 4; i += 1) await page.click('#step-phase');
  const next = await equationLines(page);
  assert.ok(next.some((line) => /^w⁽¹⁾₁₁ ← .* − 1 × /.test(line)), next.join('\n'));
  for (const line of next) assert.deepEqual(checkLine(line).problems, []);
});

test('the equations add up at every phase: batch sizes 1, k and all, L2, α changed, a hand edit', async (t) => {
  const cases = [
    { query: '?preset=worked-example', phases: 2 * 2 * 4, settings: [['set-batch', 'all']] },
    { query: '?preset=worked-example', phases: 3 * 2 * 4, settings: [['set-l2', '0.05']], alphaAt: 4, editAt: 9 },
    // Mini-batches of 10 over a whole epoch, with L2, α changed after the third update and an edit.
    { query: '?preset=circle', phases: 25 * 8, settings: [['set-l2', '0.001']], alphaAt: 24, editAt: 43 },
    // SGD on the circle with softmax and cross-entropy.
    { query: '?preset=circle', phases: 12 * 8, settings: [['set-batch', '1']], configure: { loss: 'cce', network: { layers: [{ units: 4, activation: 'tanh' }, { units: 2, activation: 'tanh' }, { units: 2, activation: 'softmax' }] } } },
    // MSE with a tanh output: δ has its f′ factor; relu hidden units.
    {
      query: '?preset=circle', phases: 10 * 6, settings: [['set-batch', '4']],
      configure: { loss: 'mse', network: { layers: [{ units: 3, activation: 'relu' }, { units: 1, activation: 'tanh' }] } },
    },
    // Sigmoid output under MSE, sigmoid hidden units, batch gradient descent.
    {
      query: '?preset=circle', phases: 2 * 6, settings: [['set-batch', 'all']],
      configure: { loss: 'mse', network: { layers: [{ units: 2, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }] } },
    },
    // MSE on a softmax output: δ goes through softmax's Jacobian.
    {
      query: '?preset=iris', phases: 4 * 6, settings: [['set-batch', '3']],
      configure: { loss: 'mse', network: { layers: [{ units: 3, activation: 'tanh' }, { units: 3, activation: 'softmax' }] } },
    },
    { query: '?preset=iris', phases: 6 * 8, settings: [['set-batch', '5'], ['set-l2', '0.01']] },
  ];
  let parts = 0;
  for (const [n, c] of cases.entries()) {
    const page = await browser.open(t, { query: c.query });
    if (c.configure) await page.evaluate((patch) => window.playground.configure(JSON.stringify(patch)), c.configure);
    for (const [id, value] of c.settings) await setField(page, id, value);
    if (await page.locator('#settings').isVisible()) await page.click('#settings-close');
    const tally = await stepAndCheck(page, c.phases, {
      seed: n + 1,
      onPhase: async (phase, k) => {
        if (k === c.alphaAt) await setField(page, 'set-lr', '0.07');
        if (k === c.editAt) {
          await page.locator('circle.unit[data-layer="0"][data-j="0"]').dblclick();
          await page.locator('#weight-editor-input').fill('0.3');
          await page.locator('#weight-editor-input').press('Enter');
        }
      },
    });
    assert.deepEqual(tally.problems, [], `${c.query} ${JSON.stringify(c.settings)}`);
    assert.ok(tally.parts > c.phases, `${c.query}: only ${tally.parts} parts evaluated in ${c.phases} phases`);
    parts += tally.parts;
  }
  assert.ok(parts > 1000, `${parts} parts evaluated`);
});

test('the panel keeps its paragraphs from step to step and shows what a panel built afresh shows', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const panel = () => page.evaluate(() => [...document.getElementById('equations-view').children]
    .map((p) => ({ className: p.className, text: p.textContent })));
  let kept = 0;
  // A batch and the next one's first phases: lines of every kind, and fewer lines at the loss.
  for (let k = 0; k < 11; k += 1) {
    // Mark the paragraphs on show, then step.
    await page.evaluate(() => { for (const p of document.getElementById('equations-view').children) p.seen = true; });
    await page.click('#step-phase');
    kept += await page.evaluate(() => [...document.getElementById('equations-view').children].filter((p) => p.seen).length);
    const shown = await panel();
    // The same panel built afresh: emptied, then redrawn for the same selection.
    await page.evaluate(async () => {
      document.getElementById('equations-view').replaceChildren();
      (await import('/www/bundle.js')).state.select({});
      await new Promise((done) => requestAnimationFrame(done));
    });
    assert.deepEqual(shown, await panel(), `phase ${k + 1}: the kept paragraphs show what new ones show`);
    assert.ok(shown.length >= 3 && shown.every(({ className }) => /^eq eq-[a-z]+$/.test(className)), JSON.stringify(shown));
  }
  assert.ok(kept >= 20, `paragraphs kept from one step to the next: ${kept}`);
});
