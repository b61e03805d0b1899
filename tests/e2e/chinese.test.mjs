// Chinese text draws with a real Chinese font, not as empty boxes: the page with the Chinese
// table's text in place (www/messages/zh.js), in Debian's headless Chromium. scripts/setup.sh
// installs Debian's fonts-noto-cjk; www/style.css names the common CJK fonts after the Latin ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './harness.mjs';

const env = useBrowser();

// Puts the Chinese table's text into every element that names a message (the language switch's
// job, later); returns how many elements changed.
async function showChinese(page) {
  return page.evaluate(async () => {
    const { MESSAGES_BY_LANG } = (await import('/www/bundle.js')).i18n;
    const zh = MESSAGES_BY_LANG.zh;
    let count = 0;
    for (const el of document.querySelectorAll('[data-i18n]')) {
      el.textContent = zh[el.dataset.i18n];
      count += 1;
    }
    for (const el of document.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of el.dataset.i18nAttr.split(';')) {
        const [attr, id] = pair.split(':').map((s) => s.trim());
        el.setAttribute(attr, zh[id]);
      }
    }
    return count;
  });
}

// The fonts Chromium used for the text of the first element matching `selector`, with the number
// of glyphs each drew (DevTools' CSS.getPlatformFontsForNode).
async function platformFonts(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map(({ familyName, glyphCount }) => ({ familyName, glyphCount }));
}

// Each text drawn on a canvas in `font`: a digest of its pixels (FNV-1a), and how many are inked.
async function drawnGlyphs(page, font, texts) {
  return page.evaluate(({ font, texts }) => texts.map((text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    // In the document, as the charts' canvases are: a canvas takes its text's language from there.
    document.body.append(canvas);
    const ctx = canvas.getContext('2d');
    ctx.font = font;
    ctx.fillText(text, 8, 48);
    const { data } = ctx.getImageData(0, 0, 64, 64);
    let inked = 0;
    let digest = 0x811c9dc5;
    for (let i = 3; i < data.length; i += 4) {
      if (data[i] > 0) inked += 1;
      digest = Math.imul(digest ^ data[i], 0x01000193) >>> 0;
    }
    canvas.remove();
    return { digest, inked };
  }), { font, texts });
}

test('the page shows Chinese in a Chinese font named by the style sheet', async (t) => {
  const page = await env.open(t);
  assert.ok(await showChinese(page) > 50, 'the page names its texts by message');
  const title = page.locator('.app-header h1');
  assert.equal(await title.textContent(), '反向传播演练场');
  const stack = await title.evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(stack, /"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif$/);
  // Every glyph of the title and of a button comes from a font for Simplified Chinese, none from
  // a Latin font's empty box.
  for (const [selector, text] of [['.app-header h1', '反向传播演练场'], ['#step-phase', '下一阶段']]) {
    const fonts = await platformFonts(page, selector);
    assert.deepEqual(fonts, [{ familyName: 'Noto Sans CJK SC', glyphCount: text.length }], selector);
  }
  await screenshot(page, 'chinese-page');
});

test('a canvas draws Chinese as glyphs, in the page font and in the charts\' sans-serif', async (t) => {
  const page = await env.open(t);
  const stack = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  for (const font of [`32px ${stack}`, '32px sans-serif']) {
    // Two different characters: an empty box would look the same for both.
    const [zhong, guo] = await drawnGlyphs(page, font, ['中', '国']);
    assert.ok(zhong.inked > 50 && guo.inked > 50, `${font}: the characters are drawn`);
    assert.notEqual(zhong.digest, guo.digest, `${font}: 中 and 国 look different`);
  }
  // The charts name no font but sans-serif, which takes the document's language: under
  // lang="zh-CN" (the language switch must set it) a character whose Simplified shape differs
  // from the Japanese one, 骨, is drawn as in Noto Sans CJK SC.
  await page.evaluate(() => { document.documentElement.lang = 'zh-CN'; });
  const [[plain], [simplified]] = await Promise.all(['32px sans-serif', '32px "Noto Sans CJK SC"']
    .map((font) => drawnGlyphs(page, font, ['骨'])));
  assert.equal(plain.digest, simplified.digest, 'sans-serif draws 骨 in its Simplified Chinese shape');
});
