// The page's layout on windows narrower than a laptop's: from a 1024 × 768 projector down to a
// 360 px phone, nothing overflows sideways, the header wraps with its "?" on screen, every chart
// has the room the core needs and is drawn, and the flowchart's boxes are on show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './harness.mjs';

const browser = useBrowser();

// One column under 1024 px, three from 1024; 390 and 360 are phones.
const WIDTHS = [360, 390, 700, 800, 900, 1000, 1024];
const HEIGHT = 768;

// Wait until the browser has laid out and painted twice (resize observers and redraws have run).
const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// What overflows the window sideways: the page's scroll width beyond it, and the help button's box.
function sideways(page) {
  return page.evaluate(() => {
    const help = document.getElementById('help-button').getBoundingClientRect();
    return {
      pageScrolls: document.scrollingElement.scrollWidth > innerWidth,
      helpOnScreen: help.width > 0 && help.left >= 0 && help.right <= innerWidth && help.top >= 0,
    };
  });
}

// A chart canvas: its backing store against the core's minimum, and how many pixels are inked
// (neither transparent nor white), so a canvas the page had no room to draw on counts 0.
function chart(page, id) {
  return page.evaluate(async (id) => {
    const { MIN_CHART_SIDE } = (await import('/www/bundle.js')).chartCanvas;
    const canvas = document.getElementById(id);
    const pixels = canvas.width && canvas.height
      ? canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data : [];
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] > 0 && !(pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255)) inked += 1;
    }
    // On show: scrolled to, nothing covers its middle (another chart, say).
    canvas.scrollIntoView({ block: 'center' });
    const box = canvas.getBoundingClientRect();
    const covered = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) !== canvas;
    return {
      room: canvas.width >= MIN_CHART_SIDE && canvas.height >= MIN_CHART_SIDE,
      covered,
      // At least 2 % of the canvas inked: axes, labels and lines (a blank canvas has none).
      drawn: inked >= 0.02 * (canvas.width * canvas.height),
      inside: box.left >= 0 && box.right <= innerWidth,
      size: `${canvas.width} × ${canvas.height}`,
    };
  }, id);
}

// The flowchart's boxes cut by the edges of its scroll box, and whether the next box is whole.
function flowchart(page) {
  return page.evaluate(() => {
    const view = document.getElementById('flowchart');
    const frame = view.getBoundingClientRect();
    const inside = (box) => box.left >= frame.left - 0.5 && box.right <= frame.left + view.clientWidth + 0.5
      && box.top >= frame.top - 0.5 && box.bottom <= frame.top + view.clientHeight + 0.5;
    const nodes = [...view.querySelectorAll('.flow-node')];
    return {
      clipped: nodes.filter((node) => !inside(node.getBoundingClientRect())).map((node) => node.textContent),
      nextWhole: inside(view.querySelector('.flow-node.is-next').getBoundingClientRect()),
      frameInside: frame.left >= 0 && frame.right <= innerWidth,
    };
  });
}

test('from 1024 px down to a 360 px phone the page never scrolls sideways, the "?" is on screen and every chart is drawn', async (t) => {
  for (const width of WIDTHS) {
    const page = await browser.open(t, { query: '?preset=circle', viewport: { width, height: HEIGHT } });
    for (let i = 0; i < 3; i += 1) await page.click('#step-epoch');
    await settle(page);
    assert.deepEqual(await sideways(page), { pageScrolls: false, helpOnScreen: true }, `${width} px`);
    for (const name of ['loss', 'accuracy', 'boundary']) {
      await page.click(`#${name}-tab`);
      await settle(page);
      const shown = await chart(page, `${name}-canvas`);
      assert.deepEqual({ ...shown, size: undefined }, { room: true, covered: false, drawn: true, inside: true, size: undefined },
        `${width} px, the ${name} chart (${shown.size})`);
    }
    await screenshot(page, `layout-${width}`);
    // All three at once ("wide"): each still has room and is drawn.
    await page.click('#charts-wide');
    await settle(page);
    for (const name of ['loss', 'accuracy', 'boundary']) {
      const shown = await chart(page, `${name}-canvas`);
      assert.deepEqual({ ...shown, size: undefined }, { room: true, covered: false, drawn: true, inside: true, size: undefined },
        `${width} px, wide, the ${name} chart (${shown.size})`);
    }
    assert.equal((await sideways(page)).pageScrolls, false, `${width} px, wide charts`);
  }
});

test('the flowchart of the default network shows every box from 1024 px down to 390 px, and at 360 px the next box', async (t) => {
  for (const width of WIDTHS) {
    const page = await browser.open(t, { query: '?preset=circle', viewport: { width, height: HEIGHT } });
    // Along the forward pass to the loss, so the boxes at the right end are the ones that matter.
    for (let i = 0; i < 3; i += 1) await page.click('#step-phase');
    await settle(page);
    const shown = await flowchart(page);
    assert.equal(shown.frameInside, true, `${width} px: the flowchart's box is inside the window`);
    assert.equal(shown.nextWhole, true, `${width} px: the next box is on show`);
    if (width >= 390) assert.deepEqual(shown.clipped, [], `${width} px: boxes cut by the flowchart's edge`);
  }
});

test('the header wraps, and neither the settings, the data chooser nor the digits overflow sideways, from 1024 px to 360 px', async (t) => {
  for (const width of WIDTHS) {
    const viewport = { width, height: HEIGHT };
    const worked = await browser.open(t, { query: '?preset=worked-example', viewport });
    assert.deepEqual(await sideways(worked), { pageScrolls: false, helpOnScreen: true }, `${width} px, with the errata note`);
    await worked.click('#settings-toggle');
    await settle(worked);
    assert.equal((await sideways(worked)).pageScrolls, false, `${width} px, settings open`);
    await worked.click('#source-toggle');
    await settle(worked);
    assert.equal((await sideways(worked)).pageScrolls, false, `${width} px, the data chooser open`);
    const digits = await browser.open(t, { query: '?preset=digits', viewport });
    await digits.click('#step-epoch');
    await settle(digits);
    assert.equal((await sideways(digits)).pageScrolls, false, `${width} px, digits`);
  }
});
