// Playing at full speed draws the batch's numbers only a few times a second; pausing draws them
// in full, so what the inspector shows after a pause is the core's current trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { COSTLY_MS } from '../../www/draw-turns.js';

const browser = useBrowser();

// The speed slider at its fastest, with no epoch limit: training is still running when Pause is
// pressed (the presets stop at a few hundred epochs, which full speed reaches in a moment).
async function fullSpeed(page) {
  await page.evaluate(() => window.playground.configure(JSON.stringify({ training: { max_epochs: null } })));
  await page.$eval('#speed', (slider) => {
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

test('after playing at full speed and pausing, the inspector shows the core’s current numbers', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await fullSpeed(page);
  await page.click('#play');
  await page.waitForFunction(() => JSON.parse(window.playground.history()).train_loss.length >= 20);
  // Space pauses as the button does, without aiming at a button whose panel is being redrawn.
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  const trace = await page.evaluate(() => JSON.parse(window.playground.trace()));
  const shown = await page.locator('#inspector-view figure[data-matrix="w"]').evaluate((f) => JSON.parse(f.dataset.values));
  // The inspected layer's W before this batch's update, as the core has it now (not a stale frame's).
  assert.ok(trace.layers.some((layer) => JSON.stringify(layer.w) === JSON.stringify(shown)), 'W shown is the core’s current W');
  const epochs = JSON.parse(await page.evaluate(() => window.playground.history())).train_loss.length;
  await page.waitForTimeout(300);
  assert.equal(JSON.parse(await page.evaluate(() => window.playground.history())).train_loss.length, epochs, 'paused');
});

test('playing at full speed draws the loss chart every other frame; paused, the chart shows the last epoch', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await fullSpeed(page);
  // Each draw of the loss chart (the core's, which begins by filling the whole canvas white)
  // records the epochs the core had logged; frames are counted alongside.
  await page.evaluate(() => {
    const fillRect = CanvasRenderingContext2D.prototype.fillRect;
    window.lossDraws = [];
    CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
      const { canvas } = this;
      if (canvas.id === 'loss-canvas' && x === 0 && y === 0 && w === canvas.width && h === canvas.height) {
        window.lossDraws.push(JSON.parse(window.playground.history()).train_loss.length);
      }
      return fillRect.call(this, x, y, w, h);
    };
    // Frames while the button says Pause: on a busy machine several frames pass between the
    // test's first frame and its click on Play.
    window.frameCount = 0;
    const frame = () => {
      if (document.getElementById('play').getAttribute('aria-pressed') === 'true') window.frameCount += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.click('#play');
  await page.waitForFunction(() => window.frameCount >= 40, null, { timeout: 60_000 });
  const played = await page.evaluate(() => ({ frames: window.frameCount, draws: window.lossDraws.length, epochs: JSON.parse(window.playground.history()).train_loss.length }));
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  await page.waitForTimeout(200);
  const said = JSON.stringify(played);
  // Training logs epochs at every frame; the chart is drawn at every other one (a frame or two of
  // the count may come before the first draw and after the last).
  assert.ok(played.draws >= played.frames / 2 - 3 && played.draws <= played.frames / 2 + 2, `every other frame: ${said}`);
  const { draws, epochs } = await page.evaluate(() => ({ draws: window.lossDraws, epochs: JSON.parse(window.playground.history()).train_loss.length }));
  assert.equal(draws.at(-1), epochs, `the last draw shows every epoch logged: ${draws.slice(-3)} of ${epochs}`);
});

test('while playing, a frame reads the batch’s matrices from the core only to draw them: the inspector’s turns show them', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await fullSpeed(page);
  // The layer each trace is read for (a layer past the last: no matrices), and what the
  // inspector's cards are given while playing: each card's values set, or taken away.
  await page.evaluate(async () => {
    const page = await import('/www/bundle.js');
    window.turns = page.turns;
    window.turns.resetCounts();
    // The page's handle forwards to a Playground: its class's method is the one called.
    const proto = page.state.store.Playground.prototype;
    const read = proto.traceFocusPacked;
    window.traceReads = [];
    proto.traceFocusPacked = function (layer) {
      window.traceReads.push(layer);
      return read.call(this, layer);
    };
    window.cards = { set: 0, gone: [] };
    new MutationObserver((records) => {
      for (const { target } of records) {
        if (target.dataset.values) window.cards.set += 1;
        else window.cards.gone.push(target.dataset.matrix);
      }
    }).observe(document.getElementById('inspector-view'), { subtree: true, attributeFilter: ['data-values'] });
  });
  await page.click('#play');
  // Each view of the batch's numbers is drawn once a second at most (TURN_MS).
  await page.waitForFunction(() => window.traceReads.length >= 40 && window.turns.counts().inspector.draws >= 2, null, { timeout: 60_000 });
  const { reads, cards, depth } = await page.evaluate(() => ({ reads: window.traceReads, cards: window.cards, depth: JSON.parse(window.playground.trace()).layers.length }));
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  const light = reads.filter((layer) => layer >= depth).length;
  const said = `reads ${JSON.stringify(reads.slice(0, 40))}, cards ${JSON.stringify(cards)}`;
  // Two frames in three draw no matrix (www/draw-turns.js TURN_FRAMES): they read none.
  assert.ok(light >= reads.length / 2, `most frames read no matrices: ${said}`);
  assert.ok(light < reads.length, `the frames of the inspector's turns read a layer's: ${said}`);
  // The turns that drew the inspector gave its cards the core's numbers, never an empty card.
  assert.ok(cards.set >= 2, `the inspector's cards were drawn while playing: ${said}`);
  assert.deepEqual(cards.gone, [], `no card lost its numbers: ${said}`);
});

test('playing slowly (the default 2 phases a second) draws every phase in full: the equations and the inspector follow each one', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.evaluate(async () => (await import('/www/bundle.js')).turns.resetCounts());
  await page.click('#play');
  // After each of four phases, once drawn: the phase the equations show, and the core's last.
  const seen = [];
  for (let k = 0; k < 4; k += 1) {
    const last = seen.at(-1)?.core ?? null;
    await page.waitForFunction((before) => JSON.parse(window.playground.trace()).last_phase !== before, last, { timeout: 10_000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    seen.push(await page.evaluate(() => ({
      core: JSON.parse(window.playground.trace()).last_phase,
      equations: document.getElementById('equations-view').dataset.phase,
    })));
  }
  await page.click('#play');
  const counts = await page.evaluate(async () => (await import('/www/bundle.js')).turns.counts());
  const said = `${JSON.stringify(seen)} ${JSON.stringify(counts)}`;
  for (const { core, equations } of seen) assert.equal(equations, core, `the equations show the phase just played: ${said}`);
  // Every redraw drew the views that take turns when playing fast.
  for (const name of ['inspector', 'equations', 'data', 'network']) {
    assert.ok(counts[name].draws >= seen.length, `${name} drawn at every phase: ${said}`);
  }
});

// Plays at full speed until `epochs` more epochs are logged and `frames` frames have passed, then
// pauses; returns the frames meanwhile, how many of them drew the network and the inspector
// (www/draw-turns.js's counts), and what a draw of the network cost.
async function playAndCount(page, epochs, frames = 0) {
  await fullSpeed(page);
  const start = await page.evaluate(async () => {
    (await import('/www/bundle.js')).turns.resetCounts();
    // Frames while the button says Pause: on a busy machine several frames pass between the
    // test's first frame and its click on Play.
    window.frameCount = 0;
    const frame = () => {
      if (document.getElementById('play').getAttribute('aria-pressed') === 'true') window.frameCount += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    return JSON.parse(window.playground.history()).train_loss.length;
  });
  await page.click('#play');
  await page.waitForFunction(([n, f]) => JSON.parse(window.playground.history()).train_loss.length >= n && window.frameCount >= f,
    [start + epochs, frames], { timeout: 60_000 });
  const counts = await page.evaluate(async () => ({ frames: window.frameCount, ...(await import('/www/bundle.js')).turns.counts() }));
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  return counts;
}

test('on a laptop four times slower, the digits network takes turns with the matrices while playing; paused, it shows the core’s biases', async (t) => {
  const page = await browser.open(t, { query: '?preset=digits' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // The digits train in a worker (www/background.js), which DevTools does not slow down: 40 epochs
  // may take a few frames only, so play on for 60 frames (two seconds or so) too.
  const played = await playAndCount(page, 40, 60);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // 2,368 edges cost more than COSTLY_MS a draw at 4× (www/draw-turns.js): the diagram is drawn
  // in turn with the matrices, a few times a second, and a frame draws one of them at most.
  const said = JSON.stringify(played);
  assert.ok(played.frames >= 10, `frames while playing: ${said}`);
  assert.ok(played.network.cost > COSTLY_MS, `the network's draw is costly here: ${said}`);
  assert.ok(played.network.draws >= 1 && played.network.draws <= played.frames * 0.6, `the network takes turns: ${said}`);
  const inTurn = ['network', 'inspector', 'equations', 'gradcheck', 'data'].reduce((sum, name) => sum + played[name].draws, 0);
  assert.ok(inTurn <= played.frames + 1, `one of them a frame at most: ${said}`);
  // Paused: every unit is filled with its bias's colour as the core has it now.
  const units = await page.evaluate(async () => {
    const { fillColor, scaleMax } = (await import('/www/bundle.js')).colors;
    const biases = JSON.parse(window.playground.trace()).layers.map((layer) => layer.b_new ?? layer.b);
    const bMax = Math.max(...biases.map((b) => scaleMax([b])));
    const circles = [...document.querySelectorAll('#network-view circle.unit')];
    return {
      shown: circles.length,
      wrong: circles.filter((c) => c.getAttribute('fill') !== fillColor(biases[Number(c.dataset.layer)][Number(c.dataset.j)], bMax)).length,
    };
  });
  assert.ok(units.shown >= 10, `units on show: ${units.shown}`);
  assert.equal(units.wrong, 0, 'every unit in its current bias’s colour');
});
