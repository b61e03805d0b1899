// Compared runs in a real browser, in both languages: "Same start, other batch size" trains SGD,
// mini-batch (the current k) and batch gradient descent from the same initial weights on
// Playgrounds of their own, and the loss chart draws their three curves, which start at the same
// J (read from the options the page passed to the core, from the core's hover and from the
// canvas's pixels), leaving the page's session as it was; "Keep this run" keeps up to 4, named
// from their settings, each removable; the runs survive a snapshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, settled, screenshot } from './harness.mjs';
import { foreignWords } from './words.mjs';

const browser = useBrowser();
const NAMES = {
  en: [/^SGD α 0\.3$/, /^Mini-batch 10 α 0\.3$/, /^Batch GD α 0\.3$/],
  zh: [/^SGD α 0\.3$/, /^小批量 10 α 0\.3$/, /^批量梯度下降 α 0\.3$/],
};
// The kept runs' colours on the canvas (the core's KEPT_COLOURS).
const KEPT_RGB = [[44, 160, 44], [214, 39, 40], [148, 103, 189], [227, 119, 194]];

// Record the options of every drawLoss call the page makes to the core.
async function recordLossOptions(page) {
  await page.evaluate(async () => {
    // On the class: the page's handle forwards every call to the Playground behind it.
    const proto = ((await import('/www/bundle.js')).state).store.Playground.prototype;
    const draw = proto.drawLoss;
    window.lossOptions = [];
    proto.drawLoss = function recorded(id, options) {
      window.lossOptions.push(JSON.parse(options));
      return draw.call(this, id, options);
    };
  });
}

// The `kept` option of the last loss chart drawn.
const lastKept = (page) => page.evaluate(() => window.lossOptions.at(-1)?.kept ?? []);

// How many pixels of the loss canvas are close to each colour.
async function colourCounts(page, colours) {
  return page.evaluate((list) => {
    const canvas = document.getElementById('loss-canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return list.map(([r, g, b]) => {
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - g) < 12 && Math.abs(data[i + 2] - b) < 12) n += 1;
      }
      return n;
    });
  }, colours);
}

for (const lang of ['en', 'zh']) {
  test(`"Same start" draws SGD, mini-batch and batch GD from the same initial weights (${lang}); kept runs up to 4`, async (t) => {
    const page = await browser.open(t, { query: `?preset=circle&lang=${lang}` });
    await recordLossOptions(page);
    // Some training first: the runs start from the seed's weights, not from these.
    await page.click('#step-epoch');
    await settled(page);
    const before = await page.evaluate(() => [window.playground.toSession(), window.playground.trace()]);
    assert.deepEqual(await colourCounts(page, KEPT_RGB), [0, 0, 0, 0], 'no kept run drawn yet');

    await page.click('#compare-summary');
    await page.fill('#compare-epochs', '5');
    await page.click('#compare-same');
    await settled(page);
    const kept = await lastKept(page);
    assert.equal(kept.length, 3, 'three curves passed to the core');
    kept.forEach((run, i) => assert.match(run.name, NAMES[lang][i]));
    for (const run of kept) assert.equal(run.train.length, 6, 'epoch 0 and 5 epochs');
    const firsts = kept.map((run) => run.train[0]);
    assert.equal(firsts[0], firsts[1]);
    assert.equal(firsts[1], firsts[2]);
    // The first point is J of the seed's weights over the training set, as the core measures it.
    const seeded = await page.evaluate(async () => {
      const { Playground } = ((await import('/www/bundle.js')).state).store;
      const fresh = Playground.fromSession(Playground.defaultSession('circle'));
      const loss = fresh.trainLoss();
      fresh.free();
      return loss;
    });
    assert.equal(firsts[0], seeded);
    // They differ after the start: one update per epoch against ten and a hundred.
    assert.notEqual(kept[0].train[5], kept[2].train[5]);
    // The page's own session is untouched.
    assert.deepEqual(await page.evaluate(() => [window.playground.toSession(), window.playground.trace()]), before);
    assert.match(await page.locator('#compare-status').innerText(), /8\.|0\./);

    // The core draws them: pixels in three of the kept colours, and its hover at epoch 0 names
    // the three runs with the same J.
    const counts = await colourCounts(page, KEPT_RGB);
    assert.ok(counts.slice(0, 3).every((n) => n > 20), `pixels of each run: ${counts}`);
    const hover = await page.evaluate(() => {
      const canvas = document.getElementById('loss-canvas');
      const options = JSON.stringify(window.lossOptions.at(-1));
      for (let x = 0; x < canvas.width; x += 1) {
        const answer = JSON.parse(window.playground.chartHover('loss', canvas.id, options, x, canvas.height / 2));
        if (answer && answer.epoch === 0) return answer;
      }
      return null;
    });
    assert.ok(hover, 'a hover at epoch 0');
    const atStart = hover.points.filter((p) => kept.some((run) => run.name === p.label));
    assert.equal(atStart.length, 3);
    assert.ok(atStart.every((p) => p.index === 0 && p.value === firsts[0]), JSON.stringify(atStart));
    // The list under the button names them.
    const listed = await page.locator('#compare-list .compare-name').allInnerTexts();
    assert.deepEqual(listed, kept.map((run) => run.name));
    if (lang === 'zh') assert.deepEqual(await foreignWords(page), []);
    await screenshot(page, `compare-${lang}`);

    // Keep this run: a fourth, named from the session's settings; then no more.
    await page.click('#compare-keep');
    await settled(page);
    const four = await lastKept(page);
    assert.equal(four.length, 4);
    assert.match(four[3].name, NAMES[lang][1]);
    const history = await page.evaluate(() => JSON.parse(window.playground.history()).train_loss);
    assert.deepEqual(four[3].train, [seeded, ...history]);
    assert.ok(await page.locator('#compare-keep').isDisabled());
    // Remove the second: its place stays free (the others keep their colours), Keep works again.
    await page.locator('#compare-list .compare-remove').nth(1).click();
    await settled(page);
    const three = await lastKept(page);
    assert.equal(three[1], null);
    assert.equal(three.filter(Boolean).length, 3);
    assert.ok(await page.locator('#compare-keep').isEnabled());

    // Kept runs are page state: a snapshot keeps them, an old one has none.
    const restored = await page.evaluate(async () => {
      const { snapshot, restore } = (await import('/www/bundle.js')).snapshot;
      const { store } = (await import('/www/bundle.js')).state;
      const snap = snapshot();
      const old = { ...snap };
      delete old.kept;
      restore(old);
      const none = store.kept.length;
      restore(snap);
      return { none, saved: snap.kept, back: store.kept };
    });
    assert.equal(restored.none, 0);
    assert.deepEqual(restored.back, restored.saved);
    assert.equal(restored.saved.filter(Boolean).length, 3);
  });
}

test('a number of epochs out of range is refused with a message, and nothing is kept', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#compare-summary');
  await page.fill('#compare-epochs', '0');
  await page.click('#compare-same');
  await settled(page);
  assert.match(await page.locator('#compare-status').innerText(), /1 to 200/);
  assert.deepEqual(await page.evaluate(async () => ((await import('/www/bundle.js')).state).store.kept), []);
  await page.click('#compare-keep');
  assert.match(await page.locator('#compare-status').innerText(), /at least one epoch/);
});
