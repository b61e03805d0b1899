// Quiz mode in a real browser, in both languages: on the worked example the page asks for A of
// Forward(1), J, δ and the new w₁₁ before showing them; it accepts 1.5, rejects 4 for J and then
// shows 4.25 and the loss equation with its numbers; the score counts; while a question is open its
// value is nowhere on the page (text, the matrices' hidden tables, attributes, the loss chart);
// the state survives a snapshot and an old snapshot restores with quiz off; axe finds nothing
// serious with the quiz field and the compare controls on show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, settled, screenshot, readNumber, LAPTOP, PROJECTOR } from './harness.mjs';
import { foreignWords } from './words.mjs';

const browser = useBrowser();
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const WORDS = {
  en: { answer: /answer/i, right: /^Right/, wrong: /^Not quite/, score: (r, n) => `score ${r}/${n}`,
    next: /sample 1 of the next batch/, drawn: /sample 1 of 1 \(data row 1\)/ },
  zh: { answer: /答案/, right: /^正确/, wrong: /^不对/, score: (r, n) => `得分 ${r}/${n}`,
    next: /下一批的第 1 个样本/, drawn: /第 1 个样本（共 1 个，数据第 1 行）/ },
};

// Every text a person or a screen reader can get at: text not inside a hidden element (the
// matrices' visually hidden tables included), the values of fields and the titles and accessible
// names of elements.
async function readableText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('[hidden], script, style')) parts.push(node.data);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], input')) {
      parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '', el.value ?? '');
    }
    return parts.join('\n');
  });
}

// Every value the core's hover gives on the loss chart, the pointer swept across it.
async function lossChartValues(page) {
  return page.evaluate(async () => {
    const { store } = (await import('/www/bundle.js')).state;
    const canvas = document.getElementById('loss-canvas');
    const options = JSON.stringify({ batches: true, kept: store.kept.map((r) => r && { name: 'k', train: r.train }) });
    const values = [];
    for (let x = 0; x < canvas.width; x += 2) {
      for (const y of [canvas.height * 0.3, canvas.height * 0.6]) {
        const hover = JSON.parse(window.playground.chartHover('loss', canvas.id, options, x, y));
        for (const point of hover?.points ?? []) if (point.value !== null) values.push(point.value);
      }
    }
    return values;
  });
}

// Type `text` in the answer field (found by its accessible name) and press Enter.
async function answer(page, lang, text) {
  const field = page.getByRole('textbox', { name: WORDS[lang].answer });
  await field.fill(text);
  await field.press('Enter');
  await settled(page);
}

const feedback = (page) => page.locator('#quiz-feedback').innerText();

for (const lang of ['en', 'zh']) {
  test(`quiz on the worked example (${lang}): 1.5 is right, 4 for J is wrong and shows 4.25 with its equation; the value asked is nowhere on the page`, async (t) => {
    const page = await browser.open(t, { query: `?preset=worked-example&quiz=1&lang=${lang}` });
    await settled(page);
    const words = WORDS[lang];
    assert.equal(await page.locator('#quiz-button').getAttribute('aria-pressed'), 'true');
    assert.ok(await page.locator('#quiz').isVisible());
    assert.match(await page.locator('#quiz-note').innerText(), /3/, 'the tolerance is said');
    // The errata note holds the answers: out of sight in quiz mode.
    assert.ok(await page.locator('#errata').isHidden());
    assert.match(await page.locator('#quiz-question').innerText(), /a⁽¹⁾₁/);
    // Forward(1) draws the batch: the question can only say which place in it.
    assert.match(await page.locator('#quiz-question').innerText(), words.next);
    assert.equal(await page.locator('#phase').getAttribute('data-phase'), 'Forward(1)');
    // Before Forward(1): A is not computed yet, anywhere.
    assert.doesNotMatch(await readableText(page), /(^|[^\d.])1\.5([^\d]|$)/);

    await answer(page, lang, '1.5');
    assert.match(await feedback(page), words.right);
    assert.match(await feedback(page), /1\.5/);
    assert.equal(await page.locator('#phase').getAttribute('data-phase'), 'Loss', 'the phase was performed');
    assert.match(await page.locator('#quiz-score').innerText(), new RegExp(words.score(1, 1)));

    // J is asked: 4.25 is nowhere, not in the readout, the tables, the chart.
    assert.match(await page.locator('#quiz-question').innerText(), /J/);
    const text = await readableText(page);
    assert.ok(!text.includes('4.25'), 'J is not on the page while it is asked');
    assert.equal(readNumber(await page.locator('#loss').innerText()), null);
    await settled(page);
    const tables = await page.locator('.matrix-table').allTextContents();
    assert.ok(tables.some((table) => table.includes('1.5')), 'the hidden tables hold the revealed A');
    assert.ok(!tables.some((table) => table.includes('4.25')));
    assert.ok(!(await lossChartValues(page)).some((v) => Math.abs(v - 4.25) < 1e-9), 'nor the loss chart');
    assert.deepEqual(JSON.parse(await page.evaluate(() => window.playground.history())).batch_loss, []);

    await answer(page, lang, '4');
    const wrong = await feedback(page);
    assert.match(wrong, words.wrong);
    assert.match(wrong, /4\.25/);
    assert.ok(wrong.includes('J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25'), wrong);
    assert.equal(await page.locator('#quiz-feedback').getAttribute('role'), 'status');
    assert.equal(readNumber(await page.locator('#loss').innerText()), 4.25, 'then the phase is shown');
    assert.match(await page.locator('#quiz-score').innerText(), new RegExp(words.score(1, 2)));

    // δ is asked: the δ grid's table holds no value yet. The batch is drawn: the question names
    // the sample as the equations do, with its row of the data.
    assert.match(await page.locator('#quiz-question').innerText(), /δ⁽¹⁾₁/);
    assert.match(await page.locator('#quiz-question').innerText(), words.drawn);
    const deltaTable = await page.locator('.matrix-table caption').allTextContents();
    assert.ok(deltaTable.some((c) => /δ/.test(c)), 'the δ table is there');
    const deltaValues = await page.evaluate(() => [...document.querySelectorAll('.matrix-table')]
      .filter((table) => /δ/.test(table.caption?.textContent ?? ''))
      .map((table) => table.tBodies[0]?.rows.length ?? 0));
    assert.ok(deltaValues.every((rows) => rows === 0), `δ not computed: ${deltaValues}`);
    await screenshot(page, `quiz-${lang}-laptop`);
    await answer(page, lang, '−1.5');
    assert.match(await feedback(page), words.right);
    assert.match(await page.locator('#quiz-question').innerText(), /w⁽¹⁾₁₁/);
    assert.ok(!(await readableText(page)).includes('0.65'), 'the new w₁₁ is not on the page while it is asked');
    await answer(page, lang, '0.65');
    assert.match(await feedback(page), words.right);
    assert.match(await page.locator('#quiz-score').innerText(), new RegExp(words.score(3, 4)));
    const w = await page.evaluate(() => JSON.parse(window.playground.trace()).layers[0].w_new[0][0]);
    assert.equal(w, 0.65);

    if (lang === 'zh') assert.deepEqual(await foreignWords(page), []);
    // Not a number: said, nothing performed, nothing counted.
    const phase = await page.locator('#phase').getAttribute('data-phase');
    await answer(page, lang, 'abc');
    assert.match(await feedback(page), /abc/);
    assert.match(await page.locator('#quiz-score').innerText(), new RegExp(words.score(3, 4)));
    assert.equal(await page.locator('#phase').getAttribute('data-phase'), phase);

    // The quiz survives a snapshot; a snapshot made before quiz mode restores with quiz off.
    const restored = await page.evaluate(async () => {
      const { snapshot, restore } = (await import('/www/bundle.js')).snapshot;
      const { store } = (await import('/www/bundle.js')).state;
      const snap = snapshot();
      const old = { ...snap };
      delete old.quiz;
      restore(old);
      const off = { ...store.quiz };
      restore(snap);
      return { saved: snap.quiz, off, back: { ...store.quiz } };
    });
    assert.deepEqual(restored.saved, { on: true, right: 3, answered: 4 });
    assert.deepEqual(restored.off, { on: false, right: 0, answered: 0 });
    assert.deepEqual(restored.back, restored.saved);
    await settled(page);
    assert.ok(await page.locator('#quiz').isVisible());

    // The switch turns it off: the box and the errata come back as they were.
    await page.click('#quiz-button');
    await settled(page);
    assert.ok(await page.locator('#quiz').isHidden());
    assert.ok(await page.locator('#errata').isVisible());
  });

  test(`axe finds no serious problem with the quiz field and the compare controls on show (${lang}); screenshots`, async (t) => {
    for (const viewport of [LAPTOP, PROJECTOR]) {
      const page = await browser.open(t, { query: `?preset=worked-example&quiz=1&lang=${lang}`, viewport });
      await answer(page, lang, '1.5');
      await answer(page, lang, '4');
      await page.click('#compare-summary');
      await page.click('#compare-same');
      await settled(page);
      assert.ok(await page.locator('#compare-body').isVisible());
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`));
      assert.deepEqual(violations, []);
      if (lang === 'zh') assert.deepEqual(await foreignWords(page), []);
      await screenshot(page, `quiz-compare-${lang}-${viewport.width}`);
    }
  });
}
