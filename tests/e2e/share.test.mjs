// Share links and their QR code: a link opened in a fresh browser shows the same numbers, bit for
// bit (trace() equal, undo steps included), after play, Step back, a change of α and an edit by
// hand; its QR code, read from the rendered pixels, is the link; a damaged link is refused with
// its problem named, and nothing kept is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { useBrowser, screenshot, PROJECTOR } from './harness.mjs';
import { foreignWords } from './words.mjs';

const browser = useBrowser();

// What a person reads, and the core's state: the readouts, the inspector's matrices, the chart
// tab, the language, trace() (with the undo depth) and history().
export async function reading(page) {
  // After the redraw and the paints that follow it (the grids paint after the frame).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
  return page.evaluate(() => ({
    readouts: ['phase', 'loss', 'epoch', 'batch', 'samples'].map((id) => document.getElementById(id).textContent),
    matrices: [...document.querySelectorAll('#inspector-view figure[data-matrix]')].filter((f) => f.offsetParent !== null)
      .map((f) => `${f.dataset.matrix}:${f.dataset.values}`),
    chart: document.querySelector('.chart-tab[aria-selected="true"]')?.id,
    lang: document.documentElement.lang,
    trace: window.playground.trace(),
    history: window.playground.history(),
  }));
}

// Assert that `page` reads as `expected` (a reading): the core's state first, then what shows.
async function assertSame(page, expected, what = '') {
  const got = await reading(page);
  assert.ok(got.trace === expected.trace, `${what}: trace() differs`);
  assert.ok(got.history === expected.history, `${what}: history() differs`);
  assert.deepEqual({ ...got, trace: '', history: '' }, { ...expected, trace: '', history: '' }, what);
}

// Open the Share panel and read the link it offers.
export async function shareLink(page, { close = true } = {}) {
  await page.click('#share-button');
  await page.waitForFunction(() => document.getElementById('share-link').value !== '' || !document.getElementById('share-save').hidden);
  const link = await page.locator('#share-link').inputValue();
  if (close) await page.keyboard.press('Escape');
  return link;
}

test('a link opened in a fresh browser shows the same numbers after play, back, a new α and an edit', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
  // Play at epoch speed for a while: the player calls run() with a different count every frame.
  await page.locator('#speed').fill('9');
  await page.click('#play');
  await page.waitForFunction(() => JSON.parse(window.playground.history()).train_loss.length >= 20);
  await page.click('#play');
  await page.click('#step-back');
  await page.click('#step-batch');
  // A new learning rate: a live change the log keeps.
  await page.click('#settings-toggle');
  await page.locator('#set-lr').fill('0.05');
  await page.locator('#set-lr').press('Enter');
  await page.click('#settings-close');
  for (let i = 0; i < 4; i += 1) await page.click('#step-phase');
  await page.locator('circle.unit[data-layer="1"][data-j="0"]').dblclick();
  await page.locator('#weight-editor-input').fill('-0.625');
  await page.locator('#weight-editor-input').press('Enter');
  for (let i = 0; i < 6; i += 1) await page.click('#step-phase');
  await page.click('#boundary-tab');
  const before = await reading(page);
  assert.ok(JSON.parse(before.trace).undo_depth > 10);
  const link = await shareLink(page);
  assert.match(link, /^http:\/\/localhost:\d+\/#s=[A-Za-z0-9_-]+$/);

  const fresh = await browser.open(t, { query: link.slice(link.indexOf('#')) });
  await assertSame(fresh, before, 'the link opened');
  // Step back walks the same states in both.
  for (let i = 0; i < 12; i += 1) {
    await page.click('#step-back');
    await fresh.click('#step-back');
    assert.equal(await fresh.evaluate(() => window.playground.trace()), await page.evaluate(() => window.playground.trace()), `back #${i + 1}`);
  }
  // Going on with α = 0.05 from there gives the same numbers too.
  await page.click('#step-epoch');
  await fresh.click('#step-epoch');
  await assertSame(fresh, await reading(page), 'an epoch after');
});

test('a link made in a lesson opens the lesson at its step, with the link’s numbers rather than the step’s set-up', async (t) => {
  const page = await browser.open(t, { query: '?lesson=article&step=5' });
  const atStep = (p, index) => p.waitForFunction((i) => {
    const panel = document.getElementById('lesson');
    return !panel.hidden && panel.dataset.step === String(i) && panel.dataset.busy === 'false';
  }, index);
  await atStep(page, 4);
  // Beyond what the step sets up: two phases further.
  await page.click('#step-phase');
  await page.click('#step-phase');
  const before = await reading(page);
  const link = await shareLink(page);
  const decoded = await page.evaluate(async (text) => (await import('/www/bundle.js')).share.decodeLink(text), link.slice(link.indexOf('#s=') + 3));
  assert.deepEqual(decoded.lesson, { source: 'article', step: 5 });

  const fresh = await browser.open(t, { query: link.slice(link.indexOf('#')) });
  await atStep(fresh, 4);
  await assertSame(fresh, before, 'the link opened in its lesson');
  assert.equal(await fresh.locator('#lesson-steps').inputValue(), '4');
  // With the panel closed, a link carries no lesson.
  await page.click('#lesson .lesson-close');
  const closed = await shareLink(page);
  const none = await page.evaluate(async (text) => (await import('/www/bundle.js')).share.decodeLink(text), closed.slice(closed.indexOf('#s=') + 3));
  assert.equal(none.lesson, undefined);
});

test('links from generated data, new settings and a new seed replay to the same numbers', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#source-toggle');
  await page.click('#tab-generated');
  await page.locator('#gen-seed').fill('7');
  await page.locator('#gen-seed').press('Enter');
  await page.click('.gen-card[data-generator="spiral"]');
  await page.click('#source-close');
  await page.click('#settings-toggle');
  await page.locator('#set-batch').fill('4');
  await page.locator('#set-batch').press('Enter');
  await page.click('#add-layer');
  await page.click('#settings-close');
  for (let i = 0; i < 14; i += 1) await page.click('#step-phase');
  await page.click('#step-epoch');
  const before = await reading(page);
  const link = await shareLink(page);
  const fresh = await browser.open(t, { query: link.slice(link.indexOf('#')) });
  await assertSame(fresh, before, 'the link opened');
  assert.equal(await fresh.locator('#data-name').textContent(), await page.locator('#data-name').textContent());

  // A new seed (larger than a JavaScript number holds) restarts: the link keeps its digits.
  await page.click('#settings-toggle');
  await page.locator('#set-seed').fill('18446744073709551557');
  await page.locator('#set-seed').press('Enter');
  await page.click('#settings-close');
  await page.click('#step-epoch');
  await page.click('#step-phase');
  const seeded = await reading(page);
  const seedLink = await shareLink(page);
  const other = await browser.open(t, { query: seedLink.slice(seedLink.indexOf('#')) });
  await assertSame(other, seeded, 'the seed link opened');
  assert.equal(await other.locator('#set-seed').inputValue(), '18446744073709551557');
});

test('the QR code, read from its rendered pixels, is the link; it fills most of a projector', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example', viewport: PROJECTOR });
  for (let i = 0; i < 3; i += 1) await page.click('#step-phase');
  const link = await shareLink(page, { close: false });
  const qr = page.locator('#share-qr');
  assert.equal(await qr.getAttribute('role'), 'img');
  assert.equal(await qr.getAttribute('aria-label'), 'QR code of the link');
  const box = await qr.boundingBox();
  assert.ok(box.width >= 0.6 * 1080 && Math.abs(box.width - box.height) < 1, `${box.width} × ${box.height}`);
  await screenshot(page, 'share-panel');
  const png = await qr.screenshot();
  // Decode the PNG in a blank page (no policy, no page code), then read the code with jsQR.
  const context = await browser.browser.newContext();
  const blank = await context.newPage();
  const { width, height, rgba } = await blank.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: bitmap.width, height: bitmap.height, rgba: btoa(binary) };
  }, png.toString('base64'));
  await context.close();
  const pixels = new Uint8ClampedArray(Buffer.from(rgba, 'base64'));
  const code = jsQR(pixels, width, height);
  assert.ok(code, 'a QR code was found');
  assert.equal(code.data, link);
  // Black on white, with a white quiet zone of 4 modules around the code.
  const modules = Number(await qr.getAttribute('data-modules'));
  const quiet = Math.floor((4 * width) / (modules + 8)) - 1;
  for (const [x, y] of [[quiet, quiet], [width - 1 - quiet, quiet], [quiet, height - 1 - quiet], [Math.floor(width / 2), 2]]) {
    const k = 4 * (y * width + x);
    assert.deepEqual([...pixels.slice(k, k + 3)], [255, 255, 255], `white at ${x}, ${y}`);
  }
  const first = 4 * ((quiet + 2) * width + quiet + 2);
  assert.deepEqual([...pixels.slice(first, first + 3)], [0, 0, 0], 'the finder pattern is black');
});

test('Copy puts the link on the clipboard, or selects it with a message where the browser refuses', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await shareLink(page, { close: false });
  await page.click('#share-copy');
  await page.waitForFunction(() => document.getElementById('share-status').textContent !== '');
  assert.equal(await page.locator('#share-status').textContent(), 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  const refused = await browser.open(t, {
    query: '?preset=worked-example',
    init: () => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    },
  });
  const other = await shareLink(refused, { close: false });
  await refused.click('#share-copy');
  await refused.waitForFunction(() => document.getElementById('share-status').textContent !== '');
  assert.match(await refused.locator('#share-status').textContent(), /press Ctrl\+C/);
  const selected = await refused.evaluate(() => {
    const field = document.getElementById('share-link');
    return [document.activeElement === field, field.value.slice(field.selectionStart, field.selectionEnd)];
  });
  assert.deepEqual(selected, [true, other]);
});

test('a small uploaded CSV goes in the link; data too large for a link offers the session file', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  // 200 rows of three columns, as a teacher's own small file might be.
  const rows = Array.from({ length: 200 }, (_, i) => `${((i * 37) % 101) / 10},${((i * 53) % 97) / 10},${i % 3 === 0 ? 1 : 0}`);
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', { name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(`a,b,label\n${rows.join('\n')}\n`) });
  await page.click('#source-close');
  for (let i = 0; i < 6; i += 1) await page.click('#step-phase');
  const before = await reading(page);
  const link = await shareLink(page);
  assert.ok(link.length < 8000, `${link.length} characters`);
  const fresh = await browser.open(t, { query: link.slice(link.indexOf('#')) });
  await assertSame(fresh, before, 'the link opened');
  assert.equal(await fresh.locator('#data-name').textContent(), await page.locator('#data-name').textContent());

  // 3,000 rows do not fit: no link, the panel offers Save, which downloads the session file.
  const big = Array.from({ length: 3000 }, (_, i) => `${Math.sin(i) * 5},${Math.cos(i * 1.7) * 5},${i % 2}`);
  await page.click('#source-toggle');
  await page.click('#tab-csv');
  await page.setInputFiles('#csv-file', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`a,b,label\n${big.join('\n')}\n`) });
  await page.click('#source-close');
  assert.equal(await shareLink(page, { close: false }), '');
  assert.match(await page.locator('#share-note').textContent(), /does not fit in a link: it would be \d+ characters long, over 8000/);
  assert.equal(await page.locator('#share-qr-figure').isHidden(), true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#share-save')]);
  assert.equal(download.suggestedFilename(), 'big.json');
});

test('a damaged link says what is wrong, opens the default, and the kept work stays', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  for (let i = 0; i < 3; i += 1) await page.click('#step-phase');
  const work = await page.evaluate(() => window.playground.trace());
  const good = await shareLink(page);
  const kept = await page.evaluate(async () => {
    const { saveNow, keptWork } = (await import('/www/bundle.js')).autosave;
    await saveNow();
    return JSON.stringify((await keptWork()).snap);
  });
  const goodText = good.slice(good.indexOf('#s=') + 3);
  // Links made from real ones: JSON with an unknown field, a newer version, a replay the core refuses.
  const made = await page.evaluate(async (text) => {
    const { decodeLink, encodeLink } = (await import('/www/bundle.js')).share;
    const link = await decodeLink(text);
    const pack = (object) => encodeLink(object);
    const notJson = async () => {
      const bytes = new TextEncoder().encode('{"v": 1, "source": ');
      const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const packed = new Uint8Array(await new Response(stream).arrayBuffer());
      return btoa(String.fromCharCode(...packed)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    };
    return {
      field: await pack({ ...link, colour: 'blue' }),
      version: await pack({ ...link, v: 99 }),
      replay: await pack({ ...link, calls: [['w', 0, 5, 0, 1, 1]] }),
      lesson: await pack({ ...link, lesson: { source: 'article', step: 0 } }),
      json: await notJson(),
    };
  }, goodText);
  const cases = [
    ['base64', 'not*base64', /is not base64url text/],
    ['deflate', 'AAAAAAAA', /compressed data is damaged/],
    ['json', made.json, /content is not valid JSON/],
    ['field', made.field, /unknown or malformed field “colour”/],
    ['version', made.version, /newer version of the page \(link version 99\)/],
    ['replay', made.replay, /could not be replayed \(params\[0\]\.w\[5\]\[0\]/],
    ['lesson', made.lesson, /unknown or malformed field “lesson\.step”/],
  ];
  for (const [name, text, message] of cases) {
    await page.goto('about:blank');
    await page.goto(`${good.slice(0, good.indexOf('#'))}#s=${text}`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    const error = await page.locator('#error').textContent();
    assert.match(error, /^The share link in the address could not be opened: /, name);
    assert.match(error, message, name);
    assert.match(error, /The page opened its default; the work kept in this browser is unchanged\.$/, name);
    assert.equal(await page.evaluate(() => JSON.parse(window.playground.trace()).undo_depth), 0, name);
    assert.equal(await page.locator('#preset').inputValue(), 'circle', name);
    // Offered to reopen, and not saved over, even after a while.
    assert.equal(await page.locator('#keep-reopen').isVisible(), true, name);
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(async () => JSON.stringify((await ((await import('/www/bundle.js')).autosave).keptWork()).snap)), kept, name);
  }
  // Reopen brings the kept work back.
  await page.click('#keep-reopen');
  // Reopening reads the browser's storage first (asynchronous); the offer goes once it is open.
  await page.locator('#keep-reopen').waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => window.playground.trace()), work);
  assert.equal(await page.locator('#loss').textContent(), '4.25');
});

test('in Chinese the share panel and its messages have no English words', async (t) => {
  const page = await browser.open(t, { query: '?lang=zh&preset=worked-example' });
  await page.click('#step-phase');
  const link = await shareLink(page, { close: false });
  assert.match(link, /#s=/);
  assert.equal(await page.locator('#share-button').textContent(), '分享');
  assert.equal(await page.locator('#share-qr').getAttribute('aria-label'), '链接的二维码');
  assert.deepEqual(await foreignWords(page), []);
  // The link opens in Chinese: the language is part of it.
  const fresh = await browser.open(t, { query: link.slice(link.indexOf('#')) });
  assert.equal(await fresh.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await fresh.locator('#phase').textContent(), await page.locator('#phase').textContent());
});
