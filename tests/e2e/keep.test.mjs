// Autosave: the page state is kept in the browser after every change and comes back on reload
// with the same numbers; an address asking for something else never saves over it silently;
// storage that is blocked or full is said, and the page goes on working; Start over asks first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './harness.mjs';
import { foreignWords } from './words.mjs';

const browser = useBrowser();

// What a person reads and the core's state (see share.test.mjs): readouts, the inspector's
// matrices on show, the data's name, the chart tab, the language, trace() and history().
async function reading(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
  return page.evaluate(() => ({
    readouts: ['phase', 'loss', 'epoch', 'batch', 'samples'].map((id) => document.getElementById(id).textContent),
    matrices: [...document.querySelectorAll('#inspector-view figure[data-matrix]')].filter((f) => f.offsetParent !== null)
      .map((f) => `${f.dataset.matrix}:${f.dataset.values}`),
    data: document.getElementById('data-name').textContent,
    chart: document.querySelector('.chart-tab[aria-selected="true"]')?.id,
    lang: document.documentElement.lang,
    trace: window.playground.trace(),
    history: window.playground.history(),
  }));
}

// Wait until the browser keeps what the page shows now (autosave runs on its own, a few times a second).
async function waitKept(page) {
  for (let tries = 0; tries < 100; tries += 1) {
    const kept = await page.evaluate(async () => {
      const { keptWork } = (await import('/www/bundle.js')).autosave;
      const { snapshot } = (await import('/www/bundle.js')).snapshot;
      const record = await keptWork();
      const now = snapshot();
      return record !== null && record.snap.session === now.session && JSON.stringify(record.snap.view) === JSON.stringify(now.view);
    });
    if (kept) return;
    await page.waitForTimeout(100);
  }
  assert.fail('the page state was not kept within 10 s');
}

// The kept record of `slot`, as JSON text of its snapshot (or null).
function keptText(page, slot = 'current') {
  return page.evaluate(async (name) => {
    const record = await ((await import('/www/bundle.js')).autosave).keptWork(name);
    return record ? JSON.stringify(record.snap) : null;
  }, slot);
}

// Reload and wait until the page has booted again.
async function reload(page, url = null) {
  if (url) await page.goto(url);
  else await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
}

test('a reload mid-backward-pass, after an uploaded CSV and an edit by hand, shows the same numbers', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const rows = Array.from({ length: 60 }, (_, i) => `${(i % 7) - 3},${((i * 5) % 11) - 5},${(i % 3) === 0 ? 'yes' : 'no'}`);
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', { name: 'own.csv', mimeType: 'text/csv', buffer: Buffer.from(`p,q,answer\n${rows.join('\n')}\n`) });
  await page.click('#source-close');
  for (let i = 0; i < 9; i += 1) await page.click('#step-phase');
  await page.locator('circle.unit[data-layer="1"][data-j="1"]').dblclick();
  await page.locator('#weight-editor-input').fill('1.125');
  await page.locator('#weight-editor-input').press('Enter');
  for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
  assert.equal(await page.evaluate(() => window.playground.phase()), 'Backward(2)');
  await page.click('#accuracy-tab');
  await waitKept(page);
  const before = await reading(page);
  await reload(page);
  const after = await reading(page);
  assert.ok(after.trace === before.trace, 'the same trace(), undo depth included');
  assert.ok(after.history === before.history);
  assert.deepEqual({ ...after, trace: '', history: '' }, { ...before, trace: '', history: '' });
  assert.match(after.data, /own\.csv/);
  // The restored page goes on exactly as the first would have: Step back, then a share link.
  await page.click('#step-back');
  assert.equal(await page.evaluate(() => window.playground.phase()), 'Backward(3)');
  // Closing the tab and opening the page again (a new tab, the same browser) brings it back too,
  // once the step back is kept.
  await waitKept(page);
  const again = await page.context().newPage();
  await again.goto(page.url().split('?')[0]);
  await again.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  assert.equal(await again.evaluate(() => window.playground.trace()), await page.evaluate(() => window.playground.trace()));
});

test('?preset= with work kept opens the preset, offers the work back, and saves over nothing until a change', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  for (let i = 0; i < 6; i += 1) await page.click('#step-phase');
  await page.click('#step-epoch');
  await waitKept(page);
  const work = await page.evaluate(() => window.playground.trace());
  const kept = await keptText(page);
  const base = page.url().split('?')[0];

  await reload(page, `${base}?preset=worked-example`);
  assert.equal(await page.locator('#preset').inputValue(), 'worked-example');
  assert.equal(await page.locator('#keep-note').isVisible(), true);
  assert.equal(await page.locator('#keep-note-text').textContent(), 'Your earlier work is kept.');
  assert.equal(await page.locator('#keep-reopen').textContent(), 'Reopen it');
  await screenshot(page, 'keep-offer');
  // Looking around is no change: nothing is saved over the kept work.
  await page.click('#boundary-tab');
  await page.waitForTimeout(700);
  assert.equal(await keptText(page), kept);
  // A reload of the same address offers it again.
  await reload(page);
  assert.equal(await page.locator('#keep-reopen').isVisible(), true);
  // A change: the new state is kept from now on, the earlier work set aside and still offered,
  // and the address no longer asks for the preset (a reload brings the new work back).
  await page.click('#step-phase');
  await page.click('#step-phase');
  await waitKept(page);
  assert.equal(await keptText(page, 'earlier'), kept);
  assert.notEqual(await keptText(page), kept);
  assert.equal(new URL(page.url()).search, '');
  assert.equal(await page.locator('#keep-reopen').isVisible(), true);
  const newWork = await page.evaluate(() => window.playground.trace());
  await reload(page);
  assert.equal(await page.evaluate(() => window.playground.trace()), newWork);
  assert.equal(await page.locator('#keep-note').isVisible(), false);

  // Opening a preset again and reopening the earlier work brings back the very state.
  await reload(page, `${base}?preset=iris`);
  await page.click('#keep-reopen');
  // Reopening reads the browser's storage first (asynchronous); the offer goes once it is open.
  await page.locator('#keep-reopen').waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => window.playground.trace()), newWork);
  assert.equal(await page.locator('#keep-note').isVisible(), false);
  assert.equal(new URL(page.url()).search, '');
  void work;
});

test('the same ?preset= address reloaded before any change just opens it, with nothing to offer', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  await waitKept(page);
  await page.click('#boundary-tab');
  await reload(page);
  assert.equal(await page.locator('#keep-note').isVisible(), false);
  assert.equal(await page.locator('#preset').inputValue(), 'worked-example');
});

test('with storage blocked the page says so once and works: steps, links, no crash', async (t) => {
  const page = await browser.open(t, {
    query: '?preset=worked-example',
    init: () => {
      const refuse = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
      window.indexedDB.open = refuse;
      Storage.prototype.getItem = refuse;
      Storage.prototype.setItem = refuse;
      Storage.prototype.removeItem = refuse;
    },
  });
  assert.match(await page.locator('#keep-note-text').textContent(), /does not let the page keep your work/);
  await page.click('#step-phase');
  await page.click('#step-phase');
  assert.equal(await page.locator('#loss').textContent(), '4.25');
  await page.click('#share-button');
  await page.waitForFunction(() => document.getElementById('share-link').value.includes('#s='));
  await page.keyboard.press('Escape');
  // A reload starts afresh: there was nowhere to keep the work.
  await reload(page);
  assert.equal(await page.evaluate(() => JSON.parse(window.playground.trace()).undo_depth), 0);
  // In Chinese too.
  await page.selectOption('#lang', 'zh');
  assert.match(await page.locator('#keep-note-text').textContent(), /此浏览器不允许网页保留你的工作/);
});

test('with storage full the page says so and works; the work is kept with fewer undo steps when that fits', async (t) => {
  // localStorage really full, IndexedDB unavailable.
  const full = await browser.open(t, {
    query: '?preset=worked-example',
    init: () => {
      window.indexedDB.open = () => { throw new DOMException('blocked', 'SecurityError'); };
      const chunk = 'x'.repeat(1 << 18);
      try {
        for (let i = 0; i < 100; i += 1) localStorage.setItem(`fill-${i}`, chunk);
      } catch {
        // Full now.
      }
      try {
        for (let i = 0; i < 1000; i += 1) localStorage.setItem(`top-${i}`, 'x'.repeat(1024));
      } catch {
        // And topped up.
      }
    },
  });
  await full.click('#step-phase');
  await full.waitForFunction(() => document.getElementById('keep-note-text').textContent !== '');
  assert.match(await full.locator('#keep-note-text').textContent(), /storage is full: your latest changes are not kept/);
  await full.click('#step-phase');
  assert.equal(await full.locator('#loss').textContent(), '4.25');

  // IndexedDB that refuses records over a size: the work is kept with its newest undo steps only.
  const page = await browser.open(t, {
    query: '?preset=circle',
    init: () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function limited(value, key) {
        const limit = window.quotaLimit ?? Infinity;
        if (value?.snap && value.snap.session.length > limit) throw new DOMException('full', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    },
  });
  for (let i = 0; i < 150; i += 1) await page.keyboard.press('ArrowRight');
  const sizes = await page.evaluate(async () => {
    const { snapshot } = (await import('/www/bundle.js')).snapshot;
    return [snapshot().session.length, snapshot({ undoBytes: 1 << 16 }).session.length];
  });
  assert.ok(sizes[0] > sizes[1], `${sizes}`);
  await page.evaluate((limit) => { window.quotaLimit = limit; }, Math.floor((sizes[0] + sizes[1]) / 2));
  await page.click('#step-phase');
  await page.waitForFunction(async () => {
    const record = await ((await import('/www/bundle.js')).autosave).keptWork();
    return record && record.snap.session.length <= window.quotaLimit && record.snap.log.calls.at(-1)?.[1] === 151;
  }, null, { polling: 100 });
  const live = await page.evaluate(() => JSON.parse(window.playground.trace()).undo_depth);
  await reload(page);
  const depth = await page.evaluate(() => JSON.parse(window.playground.trace()).undo_depth);
  assert.ok(depth > 0 && depth < live, `undo depth ${depth} of ${live}`);
  assert.equal(await page.evaluate(() => window.playground.phase()), await page.evaluate(() => window.playground.phase()));
  assert.equal(await page.locator('#keep-note').isVisible(), false, 'kept, so nothing to say');
});

test('while playing the work is kept a few times a second, and the last state survives a reload', async (t) => {
  const page = await browser.open(t, {
    query: '?preset=circle',
    init: () => {
      window.keptWrites = 0;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function counted(...args) {
        window.keptWrites += 1;
        return put.apply(this, args);
      };
    },
  });
  await page.locator('#speed').fill('8');
  await page.evaluate(() => { window.keptWrites = 0; });
  await page.click('#play');
  await page.waitForTimeout(3000);
  await page.click('#play');
  const writes = await page.evaluate(() => window.keptWrites);
  // Kept as it plays, at most a few times a second (about once a second: each save takes a few ms).
  assert.ok(writes >= 2 && writes <= 10, `${writes} writes in 3 s of play`);
  await waitKept(page);
  const before = await page.evaluate(() => window.playground.trace());
  await reload(page);
  assert.equal(await page.evaluate(() => window.playground.trace()), before);
});

test('while playing, a save too long for a frame waits for the pause or the tab being hidden, and then keeps the work', async (t) => {
  const page = await browser.open(t, {
    query: '?preset=circle',
    init: () => {
      window.keptWrites = 0;
      const put = IDBObjectStore.prototype.put;
      // A save that holds the page 80 ms, as a long play's history does on a slow laptop.
      IDBObjectStore.prototype.put = function slow(...args) {
        window.keptWrites += 1;
        const until = performance.now() + 80;
        while (performance.now() < until) { /* the page held */ }
        return put.apply(this, args);
      };
    },
  });
  // A step, kept: that save took 80 ms.
  await page.click('#step-phase');
  await waitKept(page);
  await page.locator('#speed').fill('8');
  await page.evaluate(() => { window.keptWrites = 0; });
  await page.click('#play');
  await page.waitForTimeout(3000);
  assert.equal(await page.evaluate(() => window.keptWrites), 0, 'nothing saved while playing');
  // The tab hidden (another tab chosen, the window closing): kept at once, playing or not.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    delete document.visibilityState;
  });
  await page.waitForFunction(() => window.keptWrites === 1, null, { timeout: 2000 });
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true', 'still playing');
  await page.click('#play');
  await waitKept(page);
  assert.ok(await page.evaluate(() => window.keptWrites) >= 2, 'saved after the pause');
  const before = await page.evaluate(() => window.playground.trace());
  assert.ok(JSON.parse(before).epochs_done > 0);
  await reload(page);
  assert.equal(await page.evaluate(() => window.playground.trace()), before);
});

test('Start over asks first, in both languages, then discards the kept work and opens the default afresh', async (t) => {
  const page = await browser.open(t, { query: '?lang=zh&preset=worked-example' });
  await page.click('#step-phase');
  await waitKept(page);
  await page.click('#start-over');
  assert.equal(await page.locator('#start-over-dialog').isVisible(), true);
  assert.equal(await page.locator('#start-over-title').textContent(), '从头开始？');
  assert.deepEqual(await foreignWords(page), []);
  // Cancel: nothing changes.
  await page.click('#start-over-dialog button[type="submit"]');
  assert.equal(await page.evaluate(() => JSON.parse(window.playground.trace()).undo_depth), 1);
  await page.selectOption('#lang', 'en');
  await page.click('#start-over');
  assert.equal(await page.locator('#start-over-title').textContent(), 'Start over?');
  assert.match(await page.locator('#start-over-dialog p').textContent(), /cannot be undone/);
  await Promise.all([page.waitForNavigation(), page.click('#start-over-confirm')]);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  assert.equal(await page.locator('#preset').inputValue(), 'circle');
  assert.equal(await page.evaluate(() => JSON.parse(window.playground.trace()).undo_depth), 0);
  assert.equal(new URL(page.url()).search, '?lang=zh');
  assert.equal(await keptText(page, 'earlier'), null);
});
