// Accessibility: an axe-core audit of the page in both languages with each dialog open finds no
// serious or critical problem; the network's weights are reached and edited from the keyboard;
// the charts and the matrices have text alternatives a screen reader reads; the focus is always
// visible; reduced motion turns the transitions and smooth scrolling off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { audit } from './axe.mjs';

const browser = useBrowser();

// The dialogs and panels that open over the page, each as [name, open(page), close(page)]: the
// settings, the data chooser's tabs, the help, the Panels menu, and the share and lesson panels
// once their buttons are on the page (by id, or by their accessible name in either language).
const DIALOGS = [
  ['settings', (p) => p.click('#settings-toggle'), (p) => p.click('#settings-close')],
  ['data chooser', (p) => p.click('#source-toggle'), null],
  ['chooser: real data', (p) => p.click('#tab-real'), null],
  ['chooser: the article', (p) => p.click('#tab-article'), null],
  ['chooser: your CSV', (p) => p.click('#tab-csv'), (p) => p.click('#source-close')],
  ['help', (p) => p.click('#help-button'), (p) => p.keyboard.press('Escape')],
  // The Panels menu is on show in presenter mode (or while a panel is hidden).
  ['panels menu', async (p) => {
    await p.click('#present-button');
    await p.click('#panels-menu summary');
  }, async (p) => {
    await p.click('#panels-menu summary');
    await p.click('#present-button');
  }],
];
const LATER = [['share', '#share-button', /^(share|分享)/i], ['lesson', '#lesson-button', /^(lesson|课程|课)/i]];

// The button of a panel that may not exist yet: by id, else by its accessible name; null if none.
async function laterButton(page, id, name) {
  if (await page.locator(id).count()) return page.locator(id).first();
  const named = page.getByRole('button', { name });
  return (await named.count()) ? named.first() : null;
}

for (const lang of ['en', 'zh']) {
  test(`axe finds no serious or critical problem (${lang}), with each dialog open in turn, and in presenter mode`, async (t) => {
    const page = await browser.open(t, { query: `?preset=worked-example&lang=${lang}` });
    for (let i = 0; i < 3; i += 1) await page.click('#step-phase');
    assert.deepEqual(await audit(page), [], 'the page');
    for (const [name, open, close] of DIALOGS) {
      await open(page);
      assert.deepEqual(await audit(page), [], name);
      if (close) await close(page);
    }
    for (const [name, id, label] of LATER) {
      const button = await laterButton(page, id, label);
      if (!button) continue;
      await button.click();
      assert.deepEqual(await audit(page), [], name);
      await page.keyboard.press('Escape');
    }
    const circle = await browser.open(t, { query: `?preset=circle&lang=${lang}&present=1` });
    await circle.click('#step-epoch');
    assert.deepEqual(await audit(circle), [], 'presenter mode, the circle');
  });
}

test('the network’s weights from the keyboard: arrows move between units and weights, Enter edits as a double-click does', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { kind: el.dataset?.kind, layer: el.dataset?.layer, i: el.dataset?.i, j: el.dataset?.j, label: el.getAttribute('aria-label') };
  });
  // Tab reaches the units: they come just before the loop panel.
  await page.focus('#reset');
  let reached = null;
  for (let k = 0; k < 3 && !reached; k += 1) {
    await page.keyboard.press('Shift+Tab');
    const now = await focused();
    if (now.kind === 'bias') reached = now;
  }
  assert.ok(reached, 'Tab reaches a unit of the network');
  await page.focus('circle.unit[data-layer="1"][data-j="0"]');
  const phase = await page.evaluate(() => window.playground.phase());
  // ← a weight into the unit: from unit 1 of layer 1 (the first hidden layer's first unit).
  await page.keyboard.press('ArrowLeft');
  let now = await focused();
  assert.deepEqual({ ...now, label: undefined }, { kind: 'weight', layer: '1', i: '0', j: '0', label: undefined });
  const w = await page.evaluate(() => JSON.parse(window.playground.trace()).layers[1].w);
  const { formatExact } = await import('../../www/format.js');
  assert.ok(now.label.includes('w⁽²⁾₁₁') && now.label.includes(formatExact(w[0][0])), now.label);
  // ↓ the next weight into the same unit, chosen as a click on it would.
  await page.keyboard.press('ArrowDown');
  now = await focused();
  assert.deepEqual([now.kind, now.layer, now.i, now.j], ['weight', '1', '1', '0']);
  const selection = await page.evaluate(async () => ((await import('/www/bundle.js')).state).store.selection);
  assert.deepEqual({ layer: selection.layer, input: selection.input, col: selection.col }, { layer: 1, input: 1, col: 0 });
  assert.ok(await page.locator('#value-tooltip').isVisible(), 'its value shows');
  assert.equal(await page.evaluate(() => window.playground.phase()), phase, 'the arrows did not step training');
  // The ring on the weight is drawn.
  const stroke = await page.evaluate(() => getComputedStyle(document.activeElement).stroke);
  assert.notEqual(stroke, 'rgba(0, 0, 0, 0)');
  // Enter opens the editor on w⁽²⁾₂₁; the value is set, and the focus comes back to the weight.
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#weight-editor').isVisible(), true);
  assert.match(await page.locator('#weight-editor label').textContent(), /w⁽²⁾₂₁/);
  // The editor opens with its text selected: typing replaces it.
  await page.keyboard.type('0.625');
  await page.keyboard.press('Enter');
  const after = await page.evaluate(() => JSON.parse(window.playground.trace()).layers[1].w[1][0]);
  assert.equal(after, 0.625);
  now = await focused();
  assert.deepEqual([now.kind, now.i, now.j], ['weight', '1', '0']);
  assert.ok(now.label.includes('0.625'), now.label);
  // ← the unit it comes from (unit 2 of layer 0), → from there a weight out of it, → its unit.
  await page.keyboard.press('ArrowLeft');
  now = await focused();
  assert.deepEqual([now.kind, now.layer, now.j], ['bias', '0', '1']);
  await page.keyboard.press('ArrowRight');
  now = await focused();
  assert.deepEqual([now.kind, now.layer, now.i], ['weight', '1', '1']);
  await page.keyboard.press('ArrowRight');
  now = await focused();
  assert.deepEqual([now.kind, now.layer], ['bias', '1']);
  // ↑ ↓ along the units of a layer; Enter on a unit edits its bias.
  await page.keyboard.press('ArrowDown');
  const below = await focused();
  assert.equal(below.kind, 'bias');
  assert.equal(Number(below.j), Number(now.j) + 1);
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#weight-editor label').textContent(), /^b⁽²⁾/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#weight-editor').isVisible(), false);
  // The help lists the diagram's keys.
  await page.click('#help-button');
  assert.match(await page.locator('#help-keys').textContent(), /incoming weights/);
});

for (const lang of ['en', 'zh']) {
  test(`the charts and the matrices can be read by a screen reader (${lang})`, async (t) => {
    const page = await browser.open(t, { query: `?preset=circle&lang=${lang}` });
    for (let i = 0; i < 2; i += 1) await page.click('#step-epoch');
    const { formatNumber, formatExact } = await import('../../www/format.js');
    const history = await page.evaluate(() => JSON.parse(window.playground.history()));
    const lastLoss = formatNumber(history.train_loss[1], 4);
    await page.waitForFunction((text) => document.getElementById('loss-summary').textContent.includes(text), lastLoss);
    const loss = await page.evaluate(() => {
      const canvas = document.getElementById('loss-canvas');
      return { describedBy: canvas.getAttribute('aria-describedby'), text: document.getElementById('loss-summary').textContent };
    });
    assert.equal(loss.describedBy, 'loss-summary');
    assert.ok(loss.text.includes(formatNumber(history.train_loss[0], 4)) && loss.text.includes(formatNumber(history.test_loss[1], 4)), loss.text);
    const accuracy = await page.locator('#accuracy-summary').textContent();
    assert.ok(accuracy.includes(`${formatNumber(history.test_accuracy[1] * 100, 4)} %`), accuracy);
    const boundary = await page.locator('#boundary-summary').textContent();
    assert.ok(boundary.length > 40, boundary);
    if (lang === 'zh') assert.match(loss.text + accuracy + boundary, /训练/);
    else assert.match(loss.text, /Training J/);
    // The summary follows training.
    await page.click('#step-epoch');
    const third = formatNumber(JSON.parse(await page.evaluate(() => window.playground.history())).train_loss[2], 4);
    await page.waitForFunction((text) => document.getElementById('loss-summary').textContent.includes(text), third);

    // A forward phase: Z of layer 1 as a table, each value as the tooltip gives it.
    await page.click('#step-phase');
    await page.waitForFunction(() => document.querySelector('.matrix[data-matrix="z"] .matrix-table tbody tr'));
    const table = await page.evaluate(() => {
      const el = document.querySelector('.matrix[data-matrix="z"] .matrix-table');
      return {
        caption: el.caption.textContent,
        head: [...el.tHead.rows[0].cells].map((c) => c.textContent),
        rows: [...el.tBodies[0].rows].map((row) => [...row.cells].map((c) => c.textContent)),
      };
    });
    const z = await page.evaluate(() => JSON.parse(window.playground.trace()).layers[0].z);
    assert.equal(table.rows.length, z.length);
    assert.deepEqual(table.rows.map((row) => row.slice(1)), z.map((row) => row.map((v) => formatExact(v))));
    assert.equal(table.head.length, z[0].length + 1);
    assert.match(table.caption, /Z⁽¹⁾/);
    if (lang === 'zh') assert.match(table.rows[0][0] + table.head[1], /样本.*神经元/);
    // Visually hidden: it takes no room on the screen.
    const box = await page.locator('.matrix[data-matrix="z"] .matrix-table-box').boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, JSON.stringify(box));
    // Not computed yet: its caption says so, and it has no rows.
    const delta = await page.evaluate(() => {
      const el = document.querySelector('.matrix[data-matrix="delta"] .matrix-table');
      return { caption: el.caption.textContent, rows: el.tBodies[0].rows.length };
    });
    assert.equal(delta.rows, 0);
    assert.ok(delta.caption.length > 0);
  });
}

// What marks the focused element: an outline of 2 px or more, a heavy stroke on an SVG shape, or
// the ring around a grid's canvas; null for nothing visible.
function focusMark() {
  const el = document.activeElement;
  if (!el || el === document.body) return { what: 'body', mark: 'none', again: false };
  const what = `${el.tagName.toLowerCase()}:${el.id || el.getAttribute('aria-label')?.slice(0, 30) || el.className?.baseVal || el.className}`;
  // Marked when first reached: reaching it again means Tab has gone round the page.
  const again = el.dataset.tabSeen === 'yes';
  el.dataset.tabSeen = 'yes';
  const mark = (found) => ({ what, mark: found, again });
  const outline = (node) => {
    const style = getComputedStyle(node);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? `outline ${style.outlineWidth} ${style.outlineColor}` : null;
  };
  if (el.classList.contains('matrix-canvas')) return mark(outline(el.parentElement));
  if (el instanceof SVGElement) {
    const shape = el.matches('circle, line, rect, polygon') ? el : el.querySelector('rect, polygon');
    const style = getComputedStyle(shape);
    const stroke = parseFloat(style.strokeWidth) >= 4 && style.stroke !== 'none' && !style.stroke.endsWith(', 0)') ? `stroke ${style.strokeWidth}` : null;
    return mark(stroke ?? outline(el));
  }
  return mark(outline(el));
}

test('the focus is always visible: every element Tab reaches is marked', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#step-phase');
  await page.click('#settings-toggle');
  await page.click('#source-toggle');
  const seen = new Set();
  const unmarked = [];
  let reached = 0;
  for (let k = 0; k < 300; k += 1) {
    await page.keyboard.press('Tab');
    const { what, mark, again } = await page.evaluate(focusMark);
    if (what === 'body') continue;
    if (again) break;
    reached += 1;
    if (!mark) unmarked.push(what);
    seen.add(String(what));
  }
  assert.ok(reached > 60, `Tab reached ${reached} elements`);
  for (const needed of ['button:step-phase', 'select:preset', 'div:equations-view', 'div:data-view']) assert.ok(seen.has(needed), `${needed} is reached`);
  for (const kind of ['canvas:', 'circle:', 'g:']) assert.ok([...seen].some((what) => what.startsWith(kind)), `a ${kind} is reached: a grid, a unit, a flowchart box`);
  assert.deepEqual(unmarked, []);
});

test('reduced motion turns every transition and smooth scrolling off', async (t) => {
  // Every element's transition and animation durations and scroll behaviour, with the settings
  // and the chooser open.
  const motion = async (page) => {
    await page.click('#settings-toggle');
    await page.click('#source-toggle');
    return page.evaluate(() => {
      const moving = [];
      const smooth = [];
      for (const el of document.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        const durations = `${style.transitionDuration},${style.animationDuration}`.split(',').map((d) => parseFloat(d));
        if (durations.some((d) => d > 0)) moving.push(el.id || el.className || el.tagName);
        if (style.scrollBehavior === 'smooth') smooth.push(el.id || el.className || el.tagName);
      }
      return { moving: moving.length, smooth: smooth.length, reduced: matchMedia('(prefers-reduced-motion: reduce)').matches };
    });
  };
  const usual = await motion(await browser.open(t, { query: '?preset=circle' }));
  assert.equal(usual.reduced, false);
  assert.ok(usual.moving > 10 && usual.smooth > 0, `the usual page has transitions and smooth scrolling: ${JSON.stringify(usual)}`);
  const reduced = await motion(await browser.open(t, { query: '?preset=circle', device: { reducedMotion: 'reduce' } }));
  assert.deepEqual(reduced, { moving: 0, smooth: 0, reduced: true });
});
