// The article's notation in Unicode: sub- and superscript indices, so formulas read as in a textbook.

const SUBSCRIPT = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '-': '₋', ',': ',' };
const SUPERSCRIPT = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '-': '⁻', '(': '⁽', ')': '⁾' };

// `n` in subscript digits: 12 → "₁₂".
export function sub(n) {
  return [...String(n)].map((c) => SUBSCRIPT[c] ?? c).join('');
}

// `n` in superscript digits: 12 → "¹²".
export function sup(n) {
  return [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

// The layer mark of the notation, for a 1-based layer number: 2 → "⁽²⁾".
export function layerMark(layer) {
  return sup(`(${layer})`);
}

// Two subscript indices, with a comma only when one of them has two digits: (1, 2) → "₁₂", (10, 2) → "₁₀,₂".
export function sub2(i, j) {
  return i > 9 || j > 9 ? `${sub(i)},${sub(j)}` : `${sub(i)}${sub(j)}`;
}
