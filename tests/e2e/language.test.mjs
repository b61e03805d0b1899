// 中文 and English: the page in the article's language, chosen by the address, the last choice or
// the browser, switched from the header without losing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, LAPTOP, PROJECTOR } from './harness.mjs';
import { foreignWords } from './words.mjs';

const browser = useBrowser();

test('in Chinese the worked example reads in the article’s words, with the same numbers', async (t) => {
  const page = await browser.open(t, { query: '?lang=zh&preset=worked-example' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.locator('#phase').textContent(), '前向传播，第 1 层');
  await page.click('#step-phase');
  assert.equal(await page.locator('#phase').textContent(), '计算损失');
  await page.click('#step-phase');
  assert.equal(await page.locator('#loss').textContent(), '4.25');
  assert.equal(await page.locator('#phase').textContent(), '反向传播，第 1 层');
  const equations = await page.locator('#equations-view p.eq').allTextContents();
  assert.equal(equations[0], '刚完成：计算损失');
  assert.ok(equations.includes('J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25'), equations.join('\n'));
  assert.deepEqual(await foreignWords(page), []);
  // Settings, help and the data chooser: every tab.
  await page.click('#settings-toggle');
  assert.deepEqual(await foreignWords(page), [], 'settings');
  await page.click('#settings-close');
  await page.click('#help-button');
  assert.deepEqual(await foreignWords(page), [], 'help');
  await page.keyboard.press('Escape');
  await page.click('#source-toggle');
  for (const tab of ['tab-generated', 'tab-real', 'tab-article', 'tab-csv']) {
    await page.click(`#${tab}`);
    assert.deepEqual(await foreignWords(page), [], tab);
  }
});

test('in Chinese every preset, chart and panel is free of English words', async (t) => {
  for (const preset of ['circle', 'iris', 'digits', 'logistic-regression']) {
    const page = await browser.open(t, { query: `?lang=zh&preset=${preset}` });
    for (let i = 0; i < 8; i += 1) await page.click('#step-phase');
    await page.click('#step-epoch');
    for (const tab of ['loss-tab', 'accuracy-tab', 'boundary-tab']) {
      await page.click(`#${tab}`);
      assert.deepEqual(await foreignWords(page), [], `${preset}, ${tab}`);
    }
    await page.click('#prep-step summary');
    assert.deepEqual(await foreignWords(page), [], `${preset}, preprocessing`);
  }
});

test('switching language mid-backward-pass keeps the phase, the numbers, the selection and the undo steps', async (t) => {
  const page = await browser.open(t, { query: '?lang=en&preset=circle' });
  for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
  await page.evaluate(async () => ((await import('/www/bundle.js')).state).select({ row: 2, col: 1 }));
  await page.click('#boundary-tab');
  const before = await page.evaluate(() => ({ trace: window.playground.trace(), phase: window.playground.phase() }));
  const cells = await page.locator('#inspector-view figure[data-matrix="delta"]').getAttribute('data-values');
  assert.equal(await page.locator('#phase').textContent(), 'Backward pass, layer 2');
  await page.selectOption('#lang', 'zh');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.locator('#phase').textContent(), '反向传播，第 2 层');
  assert.equal(await page.locator('#lang').getAttribute('aria-label'), 'Language / 语言');
  const after = await page.evaluate(() => ({ trace: window.playground.trace(), phase: window.playground.phase() }));
  assert.deepEqual(after, before, 'the core is untouched, undo steps included');
  assert.equal(await page.locator('#inspector-view figure[data-matrix="delta"]').getAttribute('data-values'), cells);
  const selection = await page.evaluate(async () => ({ ...((await import('/www/bundle.js')).state).store.selection }));
  assert.deepEqual([selection.row, selection.col], [2, 1]);
  assert.equal(await page.locator('#boundary-tab').getAttribute('aria-selected'), 'true');
  assert.deepEqual(await foreignWords(page), []);
  // Step back undoes the step before the switch.
  await page.click('#step-back');
  assert.equal(await page.locator('#phase').textContent(), '反向传播，第 3 层');
  // And back to English.
  await page.selectOption('#lang', 'en');
  assert.equal(await page.locator('#phase').textContent(), 'Backward pass, layer 3');
  assert.equal(await page.locator('#step-phase').textContent(), 'Next phase');
});

test('the address chooses the language, else the last choice, else the browser’s languages', async (t) => {
  const langOf = (page) => page.evaluate(() => [document.documentElement.lang, document.getElementById('lang').value]);
  // The browser's languages: Chinese for any zh-* locale.
  for (const [locale, expected] of [['zh-TW', 'zh-CN'], ['zh-CN', 'zh-CN'], ['en-US', 'en'], ['fr-FR', 'en']]) {
    const context = await browser.browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(new URL('?preset=circle', browser.url).href);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    assert.equal((await langOf(page))[0], expected, locale);
    // A choice is kept for the next visit, and the address still wins over it.
    await page.selectOption('#lang', expected === 'en' ? 'zh' : 'en');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    assert.equal((await langOf(page))[0], expected === 'en' ? 'zh-CN' : 'en', `${locale}, kept choice`);
    await page.goto(new URL(`?preset=circle&lang=${expected === 'en' ? 'en' : 'zh'}`, browser.url).href);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    assert.equal((await langOf(page))[0], expected, `${locale}, ?lang= wins`);
    await context.close();
  }
  // A language the page does not have falls back, and never stops the page.
  const page = await browser.open(t, { query: '?lang=fr&preset=circle' });
  assert.equal((await langOf(page))[0], 'en');
});

test('Chinese screenshots at four projector and laptop sizes: nothing overflows, every button label whole', async (t) => {
  for (const viewport of [LAPTOP, PROJECTOR, { width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    const page = await browser.open(t, { query: '?lang=zh&preset=circle', viewport });
    for (let i = 0; i < 6; i += 1) await page.click('#step-phase');
    const problems = await page.evaluate(() => {
      const cut = [...document.querySelectorAll('button, select, .chart-tab, .layer-tab')]
        .filter((el) => el.offsetParent && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
        .map((el) => el.textContent.trim());
      const sideways = document.documentElement.scrollWidth - innerWidth;
      return { cut, sideways };
    });
    assert.deepEqual(problems, { cut: [], sideways: 0 }, `${viewport.width}×${viewport.height}`);
    await screenshot(page, `zh-${viewport.width}x${viewport.height}`);
  }
});

test('in Chinese the core’s errors are Chinese: a broken CSV names 第 N 行, a refused setting its field', async (t) => {
  const page = await browser.open(t, { query: '?lang=zh&preset=circle' });
  const before = await page.evaluate(() => window.playground.toSession());
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  const text = 'a,b,y\n1,2,0\n3,x,1\n5,6,0\n';
  await page.setInputFiles('#csv-file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const error = page.locator('#csv-error');
  await error.waitFor({ state: 'visible' });
  const message = await error.textContent();
  assert.match(message, /第 3 行第 2 列/, message);
  assert.deepEqual(await foreignWords(page), [], message);
  await page.click('#source-close');
  await page.click('#settings-toggle');
  await page.fill('#set-lr', '0');
  await page.press('#set-lr', 'Enter');
  const field = await page.locator('#set-lr-error').textContent();
  assert.match(field, /training\.learning_rate 应为/, field);
  assert.equal(await page.evaluate(() => window.playground.toSession()), before, 'nothing changed');
});
