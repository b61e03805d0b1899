// The handout of a step: for the worked example, the article's section 4.3 done right (ŷ = [1.5,
// 1.5], J = 4.25, ∂J/∂W = [[−1.5, −2.5], [−3, −5]], W after the update [[0.65, 0.75], [0.8, 1]]),
// as Markdown whose math parses and typesets, and as a print view in black on white; in Chinese
// without English words; the loss history as CSV with the core's numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import katex from 'katex';
import { useBrowser, screenshot } from './harness.mjs';
import { foreignWords } from './words.mjs';

const browser = useBrowser();

// Click `selector` and read the file it downloads.
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

// The Markdown's tree: headings, paragraphs, and `math` (display) and `inlineMath` nodes.
function parse(markdown) {
  return fromMarkdown(markdown, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
}

// Every node of `tree` of `type`.
function nodesOf(tree, type) {
  const found = [];
  const visit = (node) => {
    if (node.type === type) found.push(node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

// A LaTeX bmatrix's rows of numbers.
function bmatrix(rows) {
  return `\\begin{bmatrix} ${rows.map((row) => row.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

test('the worked example’s handout has the article’s numbers done right, in Markdown that parses', async (t) => {
  const page = await browser.open(t, { query: '?preset=worked-example' });
  // Mid-batch: the handout completes the batch on a copy, and the page stays where it was.
  await page.click('#step-phase');
  const before = await page.evaluate(() => window.playground.trace());
  await page.click('#handout-button');
  assert.equal(await page.locator('#handout-button').textContent(), 'Handout');
  const { name, text } = await downloaded(page, '#handout-markdown');
  assert.equal(name, 'worked-example-article-4-3-step.md');
  assert.equal(await page.evaluate(() => window.playground.trace()), before, 'the page’s session is untouched');

  const tree = parse(text);
  const equations = nodesOf(tree, 'math').map((node) => node.value);
  assert.ok(equations.length >= 8, `${equations.length} equations`);
  // The math delimiters balance: no $ is left in the text once the math is taken out.
  for (const node of nodesOf(tree, 'text')) assert.ok(!node.value.includes('$'), `a stray $ in “${node.value}”`);
  // Every formula typesets (KaTeX, as common Markdown viewers use it or MathJax).
  for (const tex of equations) katex.renderToString(tex, { displayMode: true, throwOnError: true });
  const headings = nodesOf(tree, 'heading').map((node) => node.children.map((c) => c.value).join(''));
  assert.deepEqual(headings.filter((h) => /^\d\./.test(h)), ['1. Forward pass', '2. Loss', '3. Backward pass', '4. Update']);
  assert.equal(headings[0], 'One training step: epoch 1, batch 1');

  const has = (fragment) => assert.ok(equations.some((tex) => tex.includes(fragment)), `no equation has ${fragment}\n${equations.join('\n')}`);
  // ŷ = A⁽¹⁾ = [1.5, 1.5]
  has(`A^{(1)} = \\operatorname{id}(Z^{(1)}) = ${bmatrix([['1.5', '1.5']])}`);
  // J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25
  has('\\tfrac{1}{2}[(3 - 1.5)^2 + (4 - 1.5)^2] = 4.25');
  // ∂J/∂W = Xᵀ δ = [[−1.5, −2.5], [−3, −5]]
  has(`= ${bmatrix([['1'], ['2']])} ${bmatrix([['-1.5', '-2.5']])} = ${bmatrix([['-1.5', '-2.5'], ['-3', '-5']])}`);
  // W ← W − α ∂J/∂W = [[0.65, 0.75], [0.8, 1]]
  has(`${bmatrix([['0.5', '0.5'], ['0.5', '0.5']])} - 0.1 ${bmatrix([['-1.5', '-2.5'], ['-3', '-5']])} = ${bmatrix([['0.65', '0.75'], ['0.8', '1']])}`);

  // The print view: the same handout alone, black on white, no controls.
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const view = document.getElementById('handout-view');
    return {
      header: visible(document.querySelector('header')),
      main: visible(document.querySelector('main')),
      controls: visible(document.querySelector('.handout-controls')),
      view: visible(view),
      colour: getComputedStyle(view).color,
      background: getComputedStyle(view).backgroundColor,
      text: view.innerText,
    };
  });
  assert.deepEqual([print.header, print.main, print.controls, print.view], [false, false, false, true]);
  assert.equal(print.colour, 'rgb(0, 0, 0)');
  assert.equal(print.background, 'rgb(255, 255, 255)');
  assert.match(print.text, /½\[\(3 − 1\.5\)² \+ \(4 − 1\.5\)²\]\s*=\s*4\.25/);
  assert.match(print.text, /0\.65\s+0\.75\s+0\.8\s+1/);
  await screenshot(page, 'handout-print');
  await page.emulateMedia({ media: 'screen' });
  // Print… opens the browser's print dialog.
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => { window.printed += 1; };
  });
  await page.click('#handout-print');
  assert.equal(await page.evaluate(() => window.printed), 1);
});

test('a batch of many samples: the whole batch or the selected sample, and the loss history as CSV', async (t) => {
  const page = await browser.open(t, { query: '?preset=circle' });
  await page.click('#step-epoch');
  await page.click('#step-epoch');
  for (let i = 0; i < 4; i += 1) await page.click('#step-phase');
  await page.evaluate(async () => ((await import('/www/bundle.js')).state).select({ row: 3 }));
  const trace = await page.evaluate(() => JSON.parse(window.playground.trace()));
  await page.click('#handout-button');
  const batch = parse((await downloaded(page, '#handout-markdown')).text);
  await page.selectOption('#handout-rows', 'sample');
  const sample = parse((await downloaded(page, '#handout-markdown')).text);
  const matrices = (tree) => nodesOf(tree, 'math').map((node) => node.value);
  // Z⁽¹⁾ of the whole batch has its 10 rows; of the selected sample, the 4th row alone.
  const zBatch = matrices(batch).find((tex) => tex.startsWith('Z^{(1)}'));
  const zSample = matrices(sample).find((tex) => tex.startsWith('Z^{(1)}'));
  assert.equal(zBatch.split('\\end{bmatrix}').at(-2).split('\\\\').length, 10);
  assert.equal(zSample.split('\\end{bmatrix}').at(-2).split('\\\\').length, 1);
  assert.ok(zSample.includes(String(Number(trace.x[3][0].toPrecision(6)))), 'the 4th sample’s x');
  for (const tree of [batch, sample]) {
    for (const tex of matrices(tree)) katex.renderToString(tex, { displayMode: true, throwOnError: true });
  }

  const { name, text } = await downloaded(page, '#handout-csv');
  assert.equal(name, 'circle-history.csv');
  const history = await page.evaluate(() => JSON.parse(window.playground.history()));
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'epoch,train_loss,test_loss,train_accuracy,test_accuracy');
  assert.equal(lines.length, 1 + history.train_loss.length);
  assert.equal(lines.length, 3);
  lines.slice(1).forEach((line, e) => {
    assert.deepEqual(line.split(',').map(Number), [e + 1, history.train_loss[e], history.test_loss[e], history.train_accuracy[e], history.test_accuracy[e]]);
  });
});

test('in Chinese the handout reads in Chinese, and regression’s history has RMSE', async (t) => {
  const page = await browser.open(t, { query: '?lang=zh&preset=worked-example' });
  await page.click('#step-epoch');
  await page.click('#handout-button');
  assert.equal(await page.locator('#handout-button').textContent(), '讲义');
  assert.deepEqual(await foreignWords(page), []);
  const { text } = await downloaded(page, '#handout-markdown');
  const headings = nodesOf(parse(text), 'heading').map((node) => node.children.map((c) => c.value).join(''));
  assert.deepEqual(headings.filter((h) => /^\d\./.test(h)), ['1. 前向传播', '2. 损失', '3. 反向传播', '4. 更新']);
  await screenshot(page, 'handout-zh');
  const csv = await downloaded(page, '#handout-csv');
  assert.equal(csv.text.split('\n')[0], 'epoch,train_loss,test_loss,train_rmse,test_rmse');
});
