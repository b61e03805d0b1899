// The checker the browser tests use to evaluate the page's equations (tests/e2e/arithmetic.mjs):
// it must pass lines that add up to the printed precision and catch lines that do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLine, evaluatePart } from '../e2e/arithmetic.mjs';

test('lines that add up pass, with every kind of term the equations print', () => {
  for (const line of [
    'z⁽¹⁾₁ = 1 × 0.5 + 2 × 0.5 + 0 = 1.5',
    'J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.25',
    'J = 4.25 + ½ × 0.1 × 1 = 4.3',
    '∂J/∂w⁽¹⁾₁₁ = x₁ δ⁽¹⁾₁ + λ w⁽¹⁾₁₁ = 1 × (−1.5) + 0.1 × 0.5 = −1.45',
    'w⁽¹⁾₁₁ ← 0.5 − 0.1 × (−1.5) = 0.65',
    'a⁽¹⁾₁ = tanh(z⁽¹⁾₁) = tanh(0.5) = 0.4621',
    'a⁽¹⁾₁ = max(0, z⁽¹⁾₁) = max(0, −0.3) = 0',
    'a⁽²⁾₁ = exp(0.5) / (exp(0.5) + exp(0.2)) = 0.5744',
    'J = −[1 × ln 0.4774 + (1 − 1) × ln(1 − 0.4774)] = 0.7394',
    'J = (1/2)(−[1 × ln 0.5] − [0 × ln 0.5 + (1 − 0) × ln(1 − 0.5)]) = 0.6931',
    'δ⁽¹⁾₁ = tanh′(0.3) × [0.1 × 0.5 + 0.2 × 0.3] = 0.1007',
    'δ⁽²⁾₁ = (ŷ₁ − y₁) × f′(z) / m = (0.5 − 1) × σ′(0.3) / 4 = −0.03056',
    'a = σ(z) = σ(−2) = 0.1192',
    'x = 1.23457e−7 × 2 = 2.469e−7',
  ]) {
    const { parts, problems } = checkLine(line);
    assert.deepEqual(problems, [], line);
    assert.ok(parts >= 2, `${line}: ${parts} parts evaluated`);
  }
});

test('lines that do not add up are caught', () => {
  for (const line of [
    'J = ½[(3 − 1.5)² + (4 − 1.5)²] = 4.3',
    '∂J/∂w⁽¹⁾₁₁ = x₁ δ⁽¹⁾₁ = 1 × (−1.5) = −1.45',
    'w⁽¹⁾₁₁ ← 0.5 − 1 × (−1.5) = 0.65',
    'a⁽¹⁾₁ = tanh(0.5) = 0.4631',
    'J = −[1 × ln 0.4774] = 0.74',
  ]) {
    assert.notDeepEqual(checkLine(line).problems, [], line);
  }
});

test('a printed number stands for what prints the same with four significant digits', () => {
  const [lo, hi] = evaluatePart('1.5');
  assert.ok(Math.abs(lo - 1.4995) < 1e-12 && Math.abs(hi - 1.5005) < 1e-12, `${lo} … ${hi}`);
  assert.deepEqual(evaluatePart('0'), [0, 0]);
  // Symbols, sums and elisions are not arithmetic on numbers.
  assert.equal(evaluatePart('x₁ w⁽¹⁾₁₁'), null);
  assert.equal(evaluatePart('1 + … + 2'), null);
  assert.equal(evaluatePart('(1/m) Σᵢ Jᵢ'), null);
});
