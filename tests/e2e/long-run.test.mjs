// A long run stays light: past 8,192 epochs the core thins the older history (evenly spaced
// epochs, the newest all kept), so that playing for minutes neither fills the page's memory nor
// makes each save and reload slower. The page shows the right epochs, keeps the run to compare,
// and a reload brings back the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, settled } from './harness.mjs';

const browser = useBrowser();

const EPOCHS = 12000;

test('12,000 epochs run to the end: the history is thinned, the charts and a reload follow it', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // Full batches (one update an epoch) and an epoch limit, set as a person sets them.
  await page.click('#settings-toggle');
  await page.fill('#set-batch', 'all');
  await page.press('#set-batch', 'Enter');
  await page.fill('#set-max-epochs', String(EPOCHS));
  await page.press('#set-max-epochs', 'Enter');
  await page.keyboard.press('Escape');
  await page.click('#run-to-end');
  await page.waitForFunction(() => JSON.parse(window.playground.trace()).status === 'MaxEpochs', null, { timeout: 120_000 });
  await settled(page);

  // The readouts and the history's counts say 12,000 epochs; the history keeps at most 8,192.
  assert.match(await page.locator('#epoch').textContent(), /12,?000/);
  const history = await page.evaluate(() => JSON.parse(window.playground.history()));
  assert.equal(history.epochs, EPOCHS);
  assert.ok(history.epoch.length <= 8192, `${history.epoch.length} epochs kept`);
  assert.equal(history.epoch.at(-1), EPOCHS);
  assert.ok(history.epoch[1] - history.epoch[0] > 1, 'the older epochs are thinned');
  // However long the run, the session stays a few megabytes at most: 8,192 epochs of seven
  // figures and 65,536 batch losses. (Here 12,000 batch losses, all kept.)
  const sessionBytes = await page.evaluate(() => window.playground.toSession().length);
  assert.ok(sessionBytes < 1_800_000, `the session is ${sessionBytes} bytes`);

  // The loss chart's axis reaches the last epoch: the core's hover at the right end of the
  // plot answers an epoch within a pixel of 12,000 (a few epochs), with the J the history logged
  // at that epoch.
  const hover = await page.evaluate(() => {
    const canvas = document.getElementById('loss-canvas');
    for (let x = canvas.width - 1; x >= 0; x -= 1) {
      const answer = JSON.parse(window.playground.chartHover('loss', canvas.id, '{}', x, canvas.height / 2));
      if (answer) return answer;
    }
    return null;
  });
  assert.ok(hover, 'a hover inside the plot');
  const train = hover.points.find((p) => p.label === 'train');
  assert.ok(train.x > EPOCHS * 0.98 && train.x <= EPOCHS, `epoch ${train.x}`);
  assert.equal(train.value, history.train_loss[history.epoch.indexOf(train.x)]);
  // The chart's text alternative says the epoch too.
  assert.match(await page.locator('#loss-summary').textContent(), /12,?000/);

  // Keep this run: the kept run gives the epoch of each value, and the chart draws it.
  await page.click('#compare-summary');
  await page.click('#compare-keep');
  await settled(page);
  const kept = await page.evaluate(async () => ((await import('/www/bundle.js')).state).store.kept[0]);
  assert.equal(kept.epochs, EPOCHS);
  assert.deepEqual(kept.epoch, [0, ...history.epoch]);
  assert.equal(kept.train.length, kept.epoch.length);
  assert.equal(await page.locator('#compare-list .compare-name').count(), 1);
  assert.equal(await page.locator('#error-banner:visible, .error:visible').count(), 0);

  // A reload brings back the same epoch, history and trace.
  const before = await page.evaluate(() => [window.playground.trace(), window.playground.history()]);
  await page.waitForTimeout(1500);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  const after = await page.evaluate(() => [window.playground.trace(), window.playground.history()]);
  assert.deepEqual(after, before);
  assert.match(await page.locator('#epoch').textContent(), /12,?000/);
});
