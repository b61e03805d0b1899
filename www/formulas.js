// The formulas of the phase just performed, with the trace's numbers written in for one sample and
// one unit. Every number printed is read from the trace; this module only formats and arranges.
import { t } from './i18n.js';
import { formatNumber } from './format.js';
import { sub, sub2, layerMark } from './notation.js';
import { parsePhase } from './phase.js';

// Longer sums show their first and last terms only, so a 16-unit layer still fits the panel.
export const MAX_TERMS = 8;

// The name of f for each activation, as written in a formula.
const F_NAME = { identity: 'identity', sigmoid: 'σ', tanh: 'tanh', relu: 'relu', softmax: 'softmax' };

// The loss and output activation pairs whose output δ is (A − Y)/m.
const MATCHED = new Set(['mse:identity', 'bce:sigmoid', 'cce:softmax']);

// Significant digits in the formulas: enough to follow the arithmetic, few enough to read aloud.
export const DIGITS = 4;

// A number as printed in the formulas (DIGITS significant digits, true minus sign).
const num = (x) => formatNumber(x, DIGITS);

// A number as an operand: negatives in parentheses, so "0.1 × (−1.5)" never reads as a subtraction.
function operand(x) {
  const text = num(x);
  return text.startsWith('−') ? `(${text})` : text;
}

// Terms joined by " + ", the middle ones elided past MAX_TERMS.
function sum(terms) {
  if (terms.length <= MAX_TERMS) return terms.join(' + ');
  return [...terms.slice(0, 3), '…', ...terms.slice(-2)].join(' + ');
}

// The samples' losses added up: a term that starts with a minus (the cross-entropies' −[…]) is
// subtracted, "… − [1 × ln 0.47] + …", rather than written "+ −[…]".
function addLosses(terms) {
  return terms.map((term, i) => {
    if (i === 0) return term;
    return term.startsWith('−') ? ` − ${term.slice(1)}` : ` + ${term}`;
  }).join('');
}

// `value` clamped into 0 … count − 1 (0 when count is 0).
function clampIndex(value, count) {
  return Math.max(0, Math.min(count - 1, Number.isInteger(value) ? value : 0));
}

// Symbols of layer k (0-based) in the notation: input i, unit j, weight (i, j), all 0-based.
function symbols(k) {
  const mark = layerMark(k + 1);
  return {
    mark,
    input: (i) => (k === 0 ? `x${sub(i + 1)}` : `a${layerMark(k)}${sub(i + 1)}`),
    inputMatrix: k === 0 ? 'X' : `A${layerMark(k)}`,
    z: (j) => `z${mark}${sub(j + 1)}`,
    a: (j) => `a${mark}${sub(j + 1)}`,
    delta: (j) => `δ${mark}${sub(j + 1)}`,
    w: (i, j) => `w${mark}${sub2(i + 1, j + 1)}`,
    b: (j) => `b${mark}${sub(j + 1)}`,
  };
}

// A line of the equations panel: kind is title, context, formula (symbols), numbers or note.
const line = (kind, text) => ({ kind, text });

// The rows of layer k's input for the batch: X for the first layer, else A of the layer before.
function layerInput(trace, k) {
  return k === 0 ? trace.x : trace.layers[k - 1]?.a;
}

// Forward(k): z = Σ input · w + b, then a = f(z), for sample r and unit j.
function forwardLines(trace, k, r, j) {
  const layer = trace.layers[k];
  const input = layerInput(trace, k);
  if (!layer?.z || !layer?.a || !input?.[r]) return [line('note', t('eq.unavailable'))];
  const s = symbols(k);
  const x = input[r];
  const f = layer.activation;
  const lines = [
    line('formula', `Z${s.mark} = ${s.inputMatrix}W${s.mark} + b${s.mark},   A${s.mark} = f(Z${s.mark})`),
    line('formula', `${s.z(j)} = ${sum(x.map((_, i) => `${s.input(i)}${s.w(i, j)}`))} + ${s.b(j)}`),
    line('numbers', `${s.z(j)} = ${sum(x.map((xi, i) => `${operand(xi)} × ${operand(layer.w[i][j])}`))} + ${operand(layer.b[j])} = ${num(layer.z[r][j])}`),
  ];
  const z = layer.z[r][j];
  const a = layer.a[r][j];
  if (f === 'identity') {
    lines.push(line('numbers', `${s.a(j)} = f(${s.z(j)}) = ${num(a)}`), line('note', t('eq.identity')));
  } else if (f === 'softmax') {
    const row = layer.z[r];
    lines.push(
      line('formula', `${s.a(j)} = exp(${s.z(j)}) / Σₖ exp(z${s.mark}ₖ)`),
      line('numbers', `${s.a(j)} = exp(${num(z)}) / (${sum(row.map((zk) => `exp(${num(zk)})`))}) = ${num(a)}`),
    );
  } else {
    const formula = f === 'relu' ? `max(0, ${s.z(j)})` : `${F_NAME[f] ?? f}(${s.z(j)})`;
    const numbers = f === 'relu' ? `max(0, ${num(z)})` : `${F_NAME[f] ?? f}(${num(z)})`;
    lines.push(line('numbers', `${s.a(j)} = ${formula} = ${numbers} = ${num(a)}`));
  }
  if (x.length > MAX_TERMS) lines.push(line('note', t('eq.elided', { max: MAX_TERMS })));
  return lines;
}

// One sample's loss with its numbers: the term inside the batch mean.
function sampleLoss(lossName, y, yhat) {
  if (lossName === 'mse') return `½[${sum(y.map((yk, k) => `(${num(yk)} − ${operand(yhat[k])})²`))}]`;
  if (lossName === 'cce') return `−[${sum(y.map((yk, k) => `${operand(yk)} × ln ${operand(yhat[k])}`))}]`;
  const terms = y.map((yk, k) => `${operand(yk)} × ln ${operand(yhat[k])} + (1 − ${operand(yk)}) × ln(1 − ${operand(yhat[k])})`);
  return terms.length === 1 ? `−[${terms[0]}]` : `−(${sum(terms.map((term) => `[${term}]`))})`;
}

// The loss of one sample in symbols.
const SAMPLE_LOSS_FORMULA = {
  mse: '½ Σₖ (yₖ − ŷₖ)²',
  bce: '−Σₖ [yₖ ln ŷₖ + (1 − yₖ) ln(1 − ŷₖ)]',
  cce: '−Σₖ yₖ ln ŷₖ',
};

// Loss: J of the batch, the mean of the samples' losses; sample r written out. With L2, the data
// part and the penalty each get a line whose numbers add up, then J = data part + penalty.
function lossLines(trace, r) {
  const output = trace.layers[trace.layers.length - 1];
  const m = trace.y.length;
  if (!output?.a || trace.loss === null || m === 0) return [line('note', t('eq.unavailable'))];
  const name = trace.loss_name;
  const formula = SAMPLE_LOSS_FORMULA[name] ?? name;
  const term = (s) => sampleLoss(name, trace.y[s], output.a[s]);
  const l2 = trace.l2 > 0 && trace.loss_data !== null && trace.w_norm2 !== null;
  // Without L2 the data part is J itself.
  const J = l2 ? 'J_data' : 'J';
  const data = l2 ? trace.loss_data : trace.loss;
  const lines = [];
  if (m === 1) {
    lines.push(line('formula', `${J} = ${formula}`), line('numbers', `${J} = ${term(0)} = ${num(data)}`));
  } else {
    lines.push(line('formula', `${J} = (1/m) Σᵢ Jᵢ,   Jᵢ = ${formula}`));
    const written = addLosses(m <= 3 ? trace.y.map((_, s) => term(s)) : ['…', term(r), '…']);
    lines.push(line('numbers', `${J} = (1/${m})(${written}) = ${num(data)}`));
    if (m > 3) lines.push(line('note', t('eq.loss.oneSample', { sample: r + 1 })));
    if (Array.isArray(trace.sample_loss)) {
      lines.push(line('numbers', `J${sub(r + 1)} = ${term(r)} = ${num(trace.sample_loss[r])}`));
    }
  }
  if (l2) {
    lines.push(
      line('formula', 'J = J_data + ½ λ Σ‖W‖²'),
      line('numbers', `J = ${num(trace.loss_data)} + ½ × ${operand(trace.l2)} × ${operand(trace.w_norm2)} = ${num(trace.loss)}`),
      line('note', t('eq.loss.l2', { l2: num(trace.l2) })),
    );
  }
  lines.push(line('note', t(`eq.loss.${name}`)));
  return lines;
}

// The output layer's δ for unit j of sample r: (ŷ − y)/m, times f′(z) when the pair does not cancel it.
function outputDeltaLines(trace, k, r, j, m) {
  const layer = trace.layers[k];
  const s = symbols(k);
  const f = layer.activation;
  const yhat = layer.a[r][j];
  const y = trace.y[r][j];
  const J = sub(j + 1);
  if (MATCHED.has(`${trace.loss_name}:${f}`)) {
    return [
      line('formula', `δ${s.mark} = (A${s.mark} − Y) / m`),
      line('numbers', `${s.delta(j)} = (ŷ${J} − y${J}) / m = (${num(yhat)} − ${operand(y)}) / ${m} = ${num(layer.delta[r][j])}`),
    ];
  }
  if (f === 'softmax') {
    // Softmax mixes the units: δⱼ = ŷⱼ [gⱼ − Σₖ gₖ ŷₖ] / m with g = ŷ − y (its Jacobian times g).
    const row = layer.a[r].map((_, k) => k);
    const g = (k) => `(${num(layer.a[r][k])} − ${operand(trace.y[r][k])})`;
    return [
      line('formula', `δ${s.mark} = A${s.mark} ⊙ [G − (G ⊙ A${s.mark}) 𝟙] / m,   G = A${s.mark} − Y`),
      line('numbers', `${s.delta(j)} = ŷ${J} [g${J} − Σₖ gₖ ŷₖ] / m = ${num(yhat)} × [${g(j)} − (${sum(row.map((k) => `${g(k)} × ${operand(layer.a[r][k])}`))})] / ${m} = ${num(layer.delta[r][j])}`),
    ];
  }
  const fp = `${F_NAME[f] ?? f}′`;
  return [
    line('formula', `δ${s.mark} = (A${s.mark} − Y) ⊙ f′(Z${s.mark}) / m`),
    line('numbers', `${s.delta(j)} = (ŷ${J} − y${J}) × f′(${s.z(j)}) / m = (${num(yhat)} − ${operand(y)}) × ${fp}(${num(layer.z[r][j])}) / ${m} = ${num(layer.delta[r][j])}`),
    ...(layer.fprime ? [line('numbers', `${fp}(${num(layer.z[r][j])}) = ${num(layer.fprime[r][j])}`)] : []),
  ];
}

// A hidden layer's δ for unit j of sample r: f′(z) times the δ of the layer above through its weights.
function hiddenDeltaLines(trace, k, r, j) {
  const layer = trace.layers[k];
  const above = trace.layers[k + 1];
  if (!above?.delta) return [line('note', t('eq.unavailable'))];
  const s = symbols(k);
  const up = symbols(k + 1);
  const fp = `${F_NAME[layer.activation] ?? layer.activation}′`;
  const units = above.delta[r].map((_, u) => u);
  return [
    line('formula', `δ${s.mark} = (δ${up.mark} W${up.mark}ᵀ) ⊙ f′(Z${s.mark})`),
    line('formula', `${s.delta(j)} = f′(${s.z(j)}) × [${sum(units.map((u) => `${up.delta(u)}${up.w(j, u)}`))}]`),
    line('numbers', `${s.delta(j)} = ${fp}(${num(layer.z[r][j])}) × [${sum(units.map((u) => `${operand(above.delta[r][u])} × ${operand(above.w[j][u])}`))}] = ${num(layer.delta[r][j])}`),
    // The two factors as the core computed them: f′(z) and ∂J/∂a, the bracket above.
    ...(layer.fprime && layer.da
      ? [line('numbers', `${s.delta(j)} = ${num(layer.fprime[r][j])} × ${operand(layer.da[r][j])} = ${num(layer.delta[r][j])}`)]
      : []),
  ];
}

// Backward(k): δ, then ∂J/∂w for input i → unit j and ∂J/∂b for unit j, summed over the batch.
function backwardLines(trace, k, r, j, i) {
  const layer = trace.layers[k];
  const input = layerInput(trace, k);
  const m = trace.x.length;
  if (!layer?.delta || !layer?.dw || !layer?.db || !input?.[r]) return [line('note', t('eq.unavailable'))];
  const s = symbols(k);
  const output = k === trace.layers.length - 1;
  const lines = output ? outputDeltaLines(trace, k, r, j, m) : hiddenDeltaLines(trace, k, r, j);
  const samples = input.map((_, q) => q);
  const dwNumbers = sum(samples.map((q) => `${operand(input[q][i])} × ${operand(layer.delta[q][j])}`));
  // With L2, ∂J/∂w adds λw (w before the update); the bias is not penalised.
  const l2 = trace.l2 > 0;
  const penaltyFormula = l2 ? ` + λ ${s.w(i, j)}` : '';
  const penaltyNumbers = l2 ? ` + ${operand(trace.l2)} × ${operand(layer.w[i][j])}` : '';
  lines.push(line('formula', `∂J/∂W${s.mark} = ${s.inputMatrix}ᵀ δ${s.mark}${l2 ? ` + λW${s.mark}` : ''},   ∂J/∂b${s.mark} = Σ δ${s.mark}`));
  if (m === 1) {
    lines.push(
      line('numbers', `∂J/∂${s.w(i, j)} = ${s.input(i)} ${s.delta(j)}${penaltyFormula} = ${dwNumbers}${penaltyNumbers} = ${num(layer.dw[i][j])}`),
      line('numbers', `∂J/∂${s.b(j)} = ${s.delta(j)} = ${num(layer.db[j])}`),
    );
  } else {
    lines.push(
      line('numbers', `∂J/∂${s.w(i, j)} = Σ ${s.input(i)} ${s.delta(j)}${penaltyFormula} = ${l2 ? `(${dwNumbers})` : dwNumbers}${penaltyNumbers} = ${num(layer.dw[i][j])}`),
      line('numbers', `∂J/∂${s.b(j)} = Σ ${s.delta(j)} = ${sum(samples.map((q) => operand(layer.delta[q][j])))} = ${num(layer.db[j])}`),
    );
  }
  lines.push(line('note', t('eq.delta.mean')));
  if (l2) lines.push(line('note', t('eq.grad.l2', { l2: num(trace.l2) })));
  if (m > MAX_TERMS) lines.push(line('note', t('eq.elided', { max: MAX_TERMS })));
  return lines;
}

// Update: w ← w − α ∂J/∂w and b ← b − α ∂J/∂b for the chosen weight and unit of layer k.
function updateLines(trace, k, i, j) {
  const layer = trace.layers[k];
  if (!layer?.w_new || !layer?.b_new || !layer?.dw || !layer?.db) return [line('note', t('eq.unavailable'))];
  const s = symbols(k);
  // The α this update used; one set since applies from the next update.
  const alpha = operand(trace.learning_rate);
  const lines = [
    line('formula', `W${s.mark} ← W${s.mark} − α ∂J/∂W${s.mark},   b${s.mark} ← b${s.mark} − α ∂J/∂b${s.mark}`),
    line('numbers', `${s.w(i, j)} ← ${num(layer.w[i][j])} − ${alpha} × ${operand(layer.dw[i][j])} = ${num(layer.w_new[i][j])}`),
    line('numbers', `${s.b(j)} ← ${num(layer.b[j])} − ${alpha} × ${operand(layer.db[j])} = ${num(layer.b_new[j])}`),
    line('note', t('eq.update.all')),
  ];
  if (trace.next_learning_rate !== undefined && trace.next_learning_rate !== trace.learning_rate) {
    lines.push(line('note', t('eq.update.nextAlpha', { used: num(trace.learning_rate), next: num(trace.next_learning_rate) })));
  }
  return lines;
}

// The equations of trace.last_phase for the selection { layer, row, col, input } (all 0-based),
// as { layer, lines }: layer is the one the formulas are about (null before any step).
export function buildEquations(trace, selection) {
  const { name, layer: phaseLayer } = parsePhase(trace.last_phase);
  if (!name) return { layer: null, lines: [line('note', t('eq.none'))] };
  const depth = trace.layers.length;
  const m = trace.x.length;
  const r = clampIndex(selection.row, m);
  const row = (trace.rows[r] ?? r) + 1;
  let k = name === 'Loss' ? depth - 1 : (phaseLayer ?? clampIndex(selection.layer, depth));
  k = clampIndex(k, depth);
  const layer = trace.layers[k];
  const j = clampIndex(selection.col, layer.units);
  const i = clampIndex(selection.input, layer.inputs);
  const title = line('title', t('eq.done', { phase: t(`phase.${name}`, { layer: k + 1 }) }));
  const at = { layer: k + 1, sample: r + 1, m, row, unit: j + 1, input: i + 1 };
  switch (name) {
    case 'Forward':
      return { layer: k, lines: [title, line('context', t('eq.context.unit', at)), ...forwardLines(trace, k, r, j)] };
    case 'Loss':
      return { layer: k, lines: [title, line('context', t('eq.context.sample', at)), ...lossLines(trace, r)] };
    case 'Backward':
      return { layer: k, lines: [title, line('context', t('eq.context.backward', at)), ...backwardLines(trace, k, r, j, i)] };
    case 'Update':
      return { layer: k, lines: [title, line('context', t('eq.context.weight', at)), ...updateLines(trace, k, i, j)] };
    default:
      return { layer: null, lines: [line('note', t('eq.none'))] };
  }
}
