// The handout of one training step: the batch's forward pass, loss, backward pass and update,
// each formula with this batch's numbers written in, for the selected sample or the whole batch.
// One document, built from the core's trace (every number is the trace's), written two ways: as
// Markdown with LaTeX math ($…$, $$…$$) for a file, and as blocks the print view lays out.
// No DOM, so Node can test it.
import { t } from './i18n.js';
import { formatNumber } from './format.js';
import { layerMark } from './notation.js';

// The loss and output activation pairs whose output δ is (Ŷ − Y)/m.
const MATCHED = new Set(['mse:identity', 'bce:sigmoid', 'cce:softmax']);
// f as written in a formula, in LaTeX and in text.
const F_TEX = { identity: '\\operatorname{id}', sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\operatorname{relu}', softmax: '\\operatorname{softmax}' };
const F_TEXT = { identity: 'f', sigmoid: 'σ', tanh: 'tanh', relu: 'relu', softmax: 'softmax' };

// A document block: { heading, level } | { text } | { equation: [token…] }, where a token is
// { tex, text } (a symbol or an operator) or { matrix } (rows of numbers).
const heading = (text, level = 2) => ({ heading: text, level });
const para = (text) => ({ text });
const sym = (tex, text = tex) => ({ tex, text });
const mat = (matrix) => ({ matrix });

// The symbols of layer l (1-based) in LaTeX and text.
function names(l) {
  const mark = layerMark(l);
  const input = l === 1 ? sym('X') : sym(`A^{(${l - 1})}`, `A${layerMark(l - 1)}`);
  return {
    input,
    inputT: l === 1 ? sym('X^{\\top}', 'Xᵀ') : sym(`A^{(${l - 1})\\top}`, `A${layerMark(l - 1)}ᵀ`),
    z: sym(`Z^{(${l})}`, `Z${mark}`),
    a: sym(`A^{(${l})}`, `A${mark}`),
    w: sym(`W^{(${l})}`, `W${mark}`),
    b: sym(`b^{(${l})}`, `b${mark}`),
    delta: sym(`\\delta^{(${l})}`, `δ${mark}`),
    dw: sym(`\\frac{\\partial J}{\\partial W^{(${l})}}`, `∂J/∂W${mark}`),
    db: sym(`\\frac{\\partial J}{\\partial b^{(${l})}}`, `∂J/∂b${mark}`),
    fprime: sym(`f'(Z^{(${l})})`, `f′(Z${mark})`),
  };
}

// The handout of `trace` (a complete batch: the core's trace after its Update). `session`: the
// session's settings (config.js), for the activations and the loss; `rows`: 'batch' or the index
// of the sample in the batch; `name`: the session's name.
export function handoutBlocks(trace, session, { rows = 'batch', name = '' } = {}) {
  const m = trace.rows.length;
  const row = rows === 'batch' ? null : Math.max(0, Math.min(m - 1, rows));
  // The batch's rows, or the chosen sample's row only.
  const pick = (matrix) => (row === null || !matrix ? matrix : [matrix[row]]);
  const depth = trace.layers.length;
  const alpha = trace.learning_rate;
  const blocks = [heading(t('handout.heading', { epoch: trace.epoch + 1, batch: trace.batch + 1 }), 1)];
  if (name) blocks.push(para(name));
  const layerWords = trace.layers.map((layer, k) => t('handout.layer', {
    layer: k + 1, units: layer.units, f: t(`activation.${layer.activation}`),
  })).join('; ');
  blocks.push(para(t('handout.setup', { layers: layerWords, loss: t(`loss.${session.loss}`), alpha: formatNumber(alpha), m })));
  blocks.push(para(row === null
    ? t('handout.rows.batch', { rows: trace.rows.map((r) => r + 1).join(', ') })
    : t('handout.rows.sample', { sample: row + 1, m, row: trace.rows[row] + 1 })));

  // 1. Forward pass, layer by layer.
  blocks.push(heading(t('handout.forward')));
  trace.layers.forEach((layer, k) => {
    const s = names(k + 1);
    const input = k === 0 ? trace.x : trace.layers[k - 1].a;
    blocks.push(heading(t('handout.forward.layer', { layer: k + 1 }), 3));
    blocks.push({ equation: [s.z, sym('='), s.input, s.w, sym('+'), s.b, sym('='), mat(pick(input)), mat(layer.w), sym('+'), mat([layer.b]), sym('='), mat(pick(layer.z))] });
    blocks.push({ equation: [s.a, sym('='), sym(`${F_TEX[layer.activation]}(Z^{(${k + 1})})`, `${F_TEXT[layer.activation]}(Z${layerMark(k + 1)})`), sym('='), mat(pick(layer.a))] });
  });

  // 2. The loss.
  const out = trace.layers[depth - 1];
  blocks.push(heading(t('handout.loss')));
  blocks.push(para(t(`eq.loss.${session.loss}`)));
  blocks.push({ equation: [sym('Y'), sym('='), mat(pick(trace.y)), sym(',\\quad', ','), sym('\\hat{Y}', 'Ŷ'), sym('='), mat(pick(out.a))] });
  blocks.push({ equation: lossTokens(session.loss, pick(trace.y), pick(out.a), pick(trace.sample_loss.map((j) => [j])), row === null ? trace.loss : null) });
  if (row !== null && m > 1) blocks.push({ equation: [sym('J'), sym('='), sym(`\\frac{1}{${m}}\\sum_{i=1}^{${m}} J_i`, `(1/${m}) Σ Jᵢ`), sym('='), sym(tex(trace.loss), formatNumber(trace.loss))] });
  if (trace.l2 > 0) {
    blocks.push(para(t('eq.loss.l2', { l2: formatNumber(trace.l2) })));
    blocks.push({ equation: [sym('J'), sym('='), sym('J_{\\text{data}}', 'J_data'), sym('+'), sym('\\tfrac{\\lambda}{2}\\sum\\lVert W\\rVert^2', '½ λ Σ‖W‖²'), sym('='), sym(tex(trace.loss_data), formatNumber(trace.loss_data)), sym('+'), sym(`\\tfrac{${tex(trace.l2)}}{2}\\cdot ${tex(trace.w_norm2)}`, `½ × ${formatNumber(trace.l2)} × ${formatNumber(trace.w_norm2)}`), sym('='), sym(tex(trace.loss), formatNumber(trace.loss))] });
  }

  // 3. Backward pass, from the output layer back.
  blocks.push(heading(t('handout.backward')));
  blocks.push(para(t('eq.delta.mean')));
  for (let k = depth - 1; k >= 0; k -= 1) {
    const layer = trace.layers[k];
    const s = names(k + 1);
    blocks.push(heading(t('handout.backward.layer', { layer: k + 1 }), 3));
    if (k === depth - 1) {
      const matched = MATCHED.has(`${session.loss}:${layer.activation}`);
      const rule = matched
        ? sym(`\\frac{1}{${m}}(\\hat{Y} - Y)`, `(1/${m})(Ŷ − Y)`)
        : sym(`\\frac{1}{${m}}\\frac{\\partial J_i}{\\partial \\hat{Y}} \\odot f'(Z^{(${k + 1})})`, `(1/${m}) ∂Jᵢ/∂Ŷ ⊙ f′(Z${layerMark(k + 1)})`);
      blocks.push({ equation: [s.delta, sym('='), rule, sym('='), mat(pick(layer.delta))] });
    } else {
      const next = names(k + 2);
      const fprime = layer.fprime ? [sym('\\odot', '⊙'), mat(pick(layer.fprime))] : [];
      blocks.push({ equation: [s.delta, sym('='), sym(`(\\delta^{(${k + 2})} W^{(${k + 2})\\top}) \\odot f'(Z^{(${k + 1})})`, `(${next.delta.text} ${next.w.text}ᵀ) ⊙ f′(Z${layerMark(k + 1)})`), sym('='), sym('('), mat(pick(trace.layers[k + 1].delta)), mat(transpose(trace.layers[k + 1].w)), sym(')'), ...fprime, sym('='), mat(pick(layer.delta))] });
    }
    const input = k === 0 ? trace.x : trace.layers[k - 1].a;
    const l2 = trace.l2 > 0 ? [sym('+'), sym('\\lambda W', 'λW')] : [];
    blocks.push({ equation: [s.dw, sym('='), s.inputT, s.delta, ...l2, sym('='), mat(transpose(input)), mat(layer.delta), ...(trace.l2 > 0 ? [sym('+'), sym(tex(trace.l2), formatNumber(trace.l2)), mat(layer.w)] : []), sym('='), mat(layer.dw)] });
    blocks.push({ equation: [s.db, sym('='), sym(`\\sum_{i=1}^{${m}} \\delta^{(${k + 1})}_i`, `Σᵢ δ${layerMark(k + 1)}ᵢ`), sym('='), mat([layer.db])] });
    if (row !== null && m > 1) blocks.push(para(t('handout.gradient.batch', { m })));
  }

  // 4. The update.
  blocks.push(heading(t('handout.update')));
  blocks.push(para(t('handout.update.rule', { alpha: formatNumber(alpha) })));
  trace.layers.forEach((layer, k) => {
    const s = names(k + 1);
    const a = sym(tex(alpha), formatNumber(alpha));
    blocks.push({ equation: [s.w, sym('\\leftarrow', '←'), s.w, sym('-', '−'), sym('\\alpha', 'α'), s.dw, sym('='), mat(layer.w), sym('-', '−'), a, mat(layer.dw), sym('='), mat(layer.w_new)] });
    blocks.push({ equation: [s.b, sym('\\leftarrow', '←'), s.b, sym('-', '−'), sym('\\alpha', 'α'), s.db, sym('='), mat([layer.b]), sym('-', '−'), a, mat([layer.db]), sym('='), mat([layer.b_new])] });
  });
  blocks.push(para(t('handout.source')));
  return blocks;
}

// The loss's formula with the numbers: each sample's J (and, for the whole batch, their mean).
function lossTokens(loss, y, yHat, sampleLoss, batchJ) {
  const m = y.length;
  const j = batchJ !== null ? 'J' : 'J_i';
  const jText = batchJ !== null ? 'J' : 'Jᵢ';
  const mean = batchJ !== null && m > 1 ? `\\frac{1}{${m}}\\sum_{i=1}^{${m}}` : '';
  const meanText = batchJ !== null && m > 1 ? `(1/${m}) Σᵢ ` : '';
  const formula = {
    mse: [`${mean}\\tfrac{1}{2}\\sum_k (y_{k} - \\hat{y}_{k})^2`, `${meanText}½ Σₖ (yₖ − ŷₖ)²`],
    bce: [`-${mean}\\sum_k [y_k \\ln \\hat{y}_k + (1 - y_k)\\ln(1 - \\hat{y}_k)]`, `−${meanText}Σₖ [yₖ ln ŷₖ + (1 − yₖ) ln(1 − ŷₖ)]`],
    cce: [`-${mean}\\sum_k y_k \\ln \\hat{y}_k`, `−${meanText}Σₖ yₖ ln ŷₖ`],
  }[loss];
  const tokens = [sym(j, jText), sym('='), sym(formula[0], formula[1])];
  // One sample of MSE: every term written out, as the article does.
  if (loss === 'mse' && m === 1 && y[0].length <= 8) {
    const terms = y[0].map((value, k) => `(${tex(value)} - ${tex(yHat[0][k])})^2`);
    const text = y[0].map((value, k) => `(${formatNumber(value)} − ${formatNumber(yHat[0][k])})²`);
    tokens.push(sym('='), sym(`\\tfrac{1}{2}[${terms.join(' + ')}]`, `½[${text.join(' + ')}]`));
  } else if (m > 1) {
    tokens.push(sym('='), sym(`\\frac{1}{${m}}`, `(1/${m})`), sym('\\cdot', '·'), mat([sampleLoss.map((r) => r[0])]), sym('\\mathbf{1}', '1'));
  }
  const value = batchJ ?? sampleLoss[0][0];
  tokens.push(sym('='), sym(tex(value), formatNumber(value)));
  return tokens;
}

// The transpose of a matrix.
function transpose(matrix) {
  return matrix[0].map((_, j) => matrix.map((row) => row[j]));
}

// A number in LaTeX: "-1.5", "1.2\times10^{-7}", "\text{NaN}", "\infty".
export function tex(x) {
  const text = formatNumber(x).replaceAll('−', '-');
  if (text === 'NaN') return '\\text{NaN}';
  if (text === '∞' || text === '-∞') return text.replace('∞', '\\infty');
  const [mantissa, exponent] = text.split('e');
  return exponent === undefined ? text : `${mantissa}\\times 10^{${Number(exponent)}}`;
}

// ---- Markdown -------------------------------------------------------------------------------

// The handout as Markdown: headings and paragraphs, each equation a display block $$…$$.
export function handoutMarkdown(blocks) {
  return `${blocks.map((block) => {
    if (block.heading !== undefined) return `${'#'.repeat(block.level)} ${escapeMarkdown(block.heading)}`;
    if (block.text !== undefined) return escapeMarkdown(block.text);
    return `$$\n${equationTex(block.equation)}\n$$`;
  }).join('\n\n')}\n`;
}

// An equation's tokens in LaTeX, each matrix a bmatrix.
export function equationTex(tokens) {
  return tokens.map((token) => (token.matrix ? matrixTex(token.matrix) : token.tex)).join(' ');
}

// A matrix as a LaTeX bmatrix.
function matrixTex(matrix) {
  return `\\begin{bmatrix} ${matrix.map((row) => row.map(tex).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

// Text with Markdown's special characters escaped, so that a session's name reads as written
// (and a $ in it opens no math).
function escapeMarkdown(text) {
  return text.replace(/([\\`*_[\]<>$|~])/g, '\\$1').replace(/^([#+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
