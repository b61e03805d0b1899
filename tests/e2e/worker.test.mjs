// Playing fast a network whose epochs are long (the digits preset) trains in a worker
// (www/background.js, www/train-worker.js): the page shows exactly what training on its own
// thread would have, Step back and share links work as after any play, a change of α while
// playing reaches the training, and without a worker the page trains on its own thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const browser = useBrowser();

// Counts the progress the page takes on from the worker (the core's absorb) in window.absorbed,
// and keeps the session as it is now in window.startSession.
async function watchAbsorbs(page) {
  await page.evaluate(async () => {
    const proto = (await import('/www/bundle.js')).state.store.Playground.prototype;
    const absorb = proto.absorb;
    window.absorbed = 0;
    proto.absorb = function (...args) {
      window.absorbed += 1;
      return absorb.apply(this, args);
    };
    window.startSession = window.playground.toSession();
  });
}

// The slider at its fastest and no epoch limit, then watchAbsorbs.
async function prepare(page) {
  // Through the page's recording handle, so that a share link replays it too.
  await page.evaluate(async () => {
    const { store } = (await import('/www/bundle.js')).state;
    store.playground.configure(JSON.stringify({ training: { max_epochs: null } }));
  });
  await watchAbsorbs(page);
  await page.$eval('#speed', (slider) => {
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function epochsDone(page) {
  return page.evaluate(() => JSON.parse(window.playground.trace()).epochs_done);
}

// Press Pause (Space, as a person would) and wait for the button to say Play.
async function pause(page) {
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
}

// The session file the page's core has, and the one a fresh copy of the session played before
// gets to by running `epochs` epochs on the page's own thread.
function sessions(page, epochs) {
  return page.evaluate(async (epochs) => {
    const { Playground } = (await import('/www/bundle.js')).state.store;
    const alone = Playground.fromSession(window.startSession);
    alone.run(epochs);
    const result = { page: window.playground.toSession(), alone: alone.toSession() };
    alone.free();
    return result;
  }, epochs);
}

// Open the Share panel and read its link.
async function shareLink(page) {
  await page.click('#share-button');
  await page.waitForFunction(() => document.getElementById('share-link').value !== '');
  const link = await page.locator('#share-link').inputValue();
  await page.keyboard.press('Escape');
  return link;
}

test('the digits played at full speed train in the worker, to the very numbers of training on the page', async (t) => {
  const page = await browser.open(t, { query: '?preset=digits' });
  await prepare(page);
  await page.click('#play');
  await page.waitForFunction(() => window.absorbed >= 3 && JSON.parse(window.playground.history()).train_loss.length >= 12, null, { timeout: 60_000 });
  await pause(page);
  const epochs = await epochsDone(page);
  const { page: played, alone } = await sessions(page, epochs);
  assert.ok(played === alone, `after ${epochs} epochs the page's session is the one run on the page's thread`);
  // What shows is the core's: the epoch readout (the shown batch's, counted from 1), and the
  // inspector's W (drawn in full on pause).
  const trace = await page.evaluate(() => JSON.parse(window.playground.trace()));
  assert.equal(await page.locator('#epoch').textContent(), String(trace.epoch + 1));
  const shown = await page.locator('#inspector-view figure[data-matrix="w"]').evaluate((f) => JSON.parse(f.dataset.values));
  assert.ok(trace.layers.some((layer) => JSON.stringify(layer.w) === JSON.stringify(shown)), 'W shown is the core’s current W');
  // Paused is paused: the worker's newer epochs do not arrive later.
  await page.waitForTimeout(300);
  assert.equal(await epochsDone(page), epochs);

  // Step back undoes the last progress taken on, to an epoch's end the page's thread reaches too.
  await page.click('#step-back');
  const back = await epochsDone(page);
  assert.ok(back < epochs, `Step back went from epoch ${epochs} to ${back}`);
  const undone = await sessions(page, back);
  assert.ok(undone.page === undone.alone, 'after Step back the session is the one run to that epoch');

  // A share link replays the log (the worker's progress logged as runs) to the same numbers.
  const link = await shareLink(page);
  const fresh = await browser.open(t, { query: link.slice(link.indexOf('#')) });
  assert.ok(await fresh.evaluate(() => window.playground.trace()) === await page.evaluate(() => window.playground.trace()), 'the link opens at the same trace');
  assert.ok(await fresh.evaluate(() => window.playground.history()) === await page.evaluate(() => window.playground.history()), 'and the same history');
});

test('Run to end trains the digits in the worker up to the preset’s last epoch, and stops there', async (t) => {
  const page = await browser.open(t, { query: '?preset=digits' });
  await watchAbsorbs(page);
  await page.click('#run-to-end');
  await page.waitForFunction(() => window.playground.phase() === 'MaxEpochs', null, { timeout: 60_000 });
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  assert.ok(await page.evaluate(() => window.absorbed) >= 1, 'the worker trained');
  // The preset stops after 30 epochs, as training on the page's thread does.
  assert.equal(await epochsDone(page), 30);
  const { page: played, alone } = await sessions(page, 30);
  assert.ok(played === alone);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.training), undefined, 'no worker training once stopped');
});

test('a new α while the worker trains reaches the training, and a share link replays it', async (t) => {
  const page = await browser.open(t, { query: '?preset=digits' });
  await prepare(page);
  await page.click('#play');
  await page.waitForFunction(() => window.absorbed >= 2, null, { timeout: 60_000 });
  await page.click('#settings-toggle');
  await page.locator('#set-lr').fill('0.02');
  await page.locator('#set-lr').press('Enter');
  const changedAt = await epochsDone(page);
  await page.waitForFunction((at) => JSON.parse(window.playground.trace()).epochs_done >= at + 4, changedAt, { timeout: 60_000 });
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true', 'still playing');
  await page.click('#settings-close');
  await page.click('#play');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  // The epochs after the change ran with α = 0.02: the batch just done updated with it.
  const trace = await page.evaluate(() => JSON.parse(window.playground.trace()));
  assert.equal(trace.learning_rate, 0.02);
  const link = await shareLink(page);
  const fresh = await browser.open(t, { query: link.slice(link.indexOf('#')) });
  assert.ok(await fresh.evaluate(() => window.playground.history()) === await page.evaluate(() => window.playground.history()), 'the link replays to the same history');
  assert.ok(await fresh.evaluate(() => window.playground.trace()) === await page.evaluate(() => window.playground.trace()), 'and the same trace');
});

test('where no worker can start, the digits play on the page’s own thread', async (t) => {
  const page = await browser.open(t, {
    query: '?preset=digits',
    init: () => {
      window.Worker = class {
        constructor() {
          throw new Error('no workers in this browser');
        }
      };
    },
  });
  await prepare(page);
  await page.click('#play');
  await page.waitForFunction(() => JSON.parse(window.playground.history()).train_loss.length >= 5, null, { timeout: 60_000 });
  await pause(page);
  assert.equal(await page.evaluate(() => window.absorbed), 0, 'nothing came from a worker');
  const epochs = await epochsDone(page);
  const { page: played, alone } = await sessions(page, epochs);
  assert.ok(played === alone);
});

test('when the worker fails, the page plays on from what it shows', async (t) => {
  const page = await browser.open(t, { query: '?preset=digits' });
  await prepare(page);
  // The worker is handed a session it cannot read: it reports the failure.
  await page.evaluate(async () => {
    const proto = (await import('/www/bundle.js')).state.store.Playground.prototype;
    const toSession = proto.toSession;
    proto.toSession = function () {
      return new Error().stack.includes('handOff') ? '{"version": 1}' : toSession.call(this);
    };
  });
  await page.click('#play');
  await page.waitForFunction(() => JSON.parse(window.playground.history()).train_loss.length >= 6, null, { timeout: 60_000 });
  await pause(page);
  assert.equal(await page.evaluate(() => window.absorbed), 0);
  const epochs = await epochsDone(page);
  const { page: played, alone } = await sessions(page, epochs);
  assert.ok(played === alone);
  assert.equal(await page.locator('#error').textContent(), '', 'no error shown');
});

test('the worker hands over its progress only when asked, so that each follows on from the one before', async (t) => {
  const page = await browser.open(t, { query: '?preset=digits' });
  const got = await page.evaluate(async () => {
    const { Playground } = (await import('/www/bundle.js')).state.store;
    const session = JSON.parse(window.playground.toSession());
    session.training.max_epochs = 3;
    const text = JSON.stringify(session);
    const worker = new Worker('/www/train-worker.js', { type: 'module' });
    const messages = [];
    worker.onmessage = ({ data }) => messages.push(data);
    // The core from beside the worker's file, as the served page has it.
    worker.postMessage({ type: 'core', wasm: null });
    const until = async (test, what) => {
      const deadline = performance.now() + 20_000;
      while (!test()) {
        if (performance.now() > deadline) throw new Error(`waited 20 s for ${what}: ${JSON.stringify(messages.map((m) => m.type))}`);
        await new Promise((done) => setTimeout(done, 10));
      }
    };
    await until(() => messages.some((m) => m.type === 'ready'), 'ready');
    worker.postMessage({ type: 'start', generation: 1, session: text, rate: Infinity });
    worker.postMessage({ type: 'pull', generation: 1 });
    const progress = () => messages.filter((m) => m.type === 'progress');
    await until(() => progress().length >= 1, 'the first progress');
    // Training reaches its 3 epochs meanwhile; nothing more comes until asked.
    await new Promise((done) => setTimeout(done, 600));
    const unasked = progress().length - 1;
    worker.postMessage({ type: 'pull', generation: 1 });
    await until(() => progress().length >= 2, 'the second progress');
    worker.terminate();
    // Taken on in order, the two give what running 3 epochs here gives.
    const page = Playground.fromSession(text);
    for (const p of progress()) page.absorb(p.text, p.numbers);
    const alone = Playground.fromSession(text);
    alone.run(3);
    const result = {
      unasked,
      finished: progress().map((p) => p.finished),
      epochs: progress().reduce((sum, p) => sum + p.epochs, 0),
      phase: page.phase(),
      same: page.toSession() === alone.toSession(),
    };
    page.free();
    alone.free();
    return result;
  });
  assert.equal(got.unasked, 0, 'no progress before the page asked');
  assert.deepEqual(got.finished, [false, true]);
  assert.ok(got.epochs >= 3, `epochs asked of run(): ${got.epochs}`);
  assert.equal(got.phase, 'MaxEpochs');
  assert.ok(got.same, 'the progress taken on is training on the page, bit for bit');
});

test('after the digits, other data with short epochs plays on the page’s own thread', async (t) => {
  const page = await browser.open(t, { query: '?preset=digits' });
  await prepare(page);
  await page.click('#play');
  await page.waitForFunction(() => document.documentElement.dataset.training === 'worker', null, { timeout: 60_000 });
  await pause(page);
  // Generated data in the same page: 2 inputs, 200 points, epochs far under a millisecond.
  await page.click('#source-toggle');
  await page.click('#tab-generated');
  await page.click('.gen-card[data-generator="circle"]');
  await page.click('#source-close');
  await page.waitForFunction(() => JSON.parse(window.playground.toSession()).network.inputs === 2);
  await page.evaluate(async () => {
    (await import('/www/bundle.js')).state.store.playground.configure(JSON.stringify({ training: { max_epochs: null } }));
    window.trainedIn = new Set();
    const watch = () => {
      window.trainedIn.add(document.documentElement.dataset.training ?? 'page');
      if (document.getElementById('play').getAttribute('aria-pressed') === 'true') requestAnimationFrame(watch);
    };
    document.getElementById('play').click();
    requestAnimationFrame(watch);
  });
  await page.waitForFunction(() => JSON.parse(window.playground.history()).train_loss.length >= 50, null, { timeout: 60_000 });
  await page.click('#play');
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-pressed') === 'false');
  assert.deepEqual(await page.evaluate(() => [...window.trainedIn]), ['page']);
});
