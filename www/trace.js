// The trace the core hands over packed (Playground.traceFocusPacked): JSON text whose lists and
// matrices of numbers stand as {"$": at, "n": length} or {"$": at, "r": rows, "c": columns}, and
// the numbers themselves in a Float64Array, in order, matrices row by row. Read back here, it is
// the document traceFocus gives as text, number for number (tests/node/trace.test.mjs), at a
// fraction of the cost: the numbers are copied out of the wasm memory instead of being written as
// text and parsed again.

// JSON's numbers cannot hold NaN and the infinities, so the text trace has them as strings: the
// views are written for that, and get the same here.
function value(x) {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? 'Infinity' : '-Infinity';
}

// The `n` numbers from `at` as a list.
function list(numbers, at, n) {
  const out = new Array(n);
  for (let i = 0; i < n; i += 1) out[i] = value(numbers[at + i]);
  return out;
}

// One list or matrix of the packed trace.
function unpack(ref, numbers) {
  if (ref.n !== undefined) return list(numbers, ref.$, ref.n);
  const rows = new Array(ref.r);
  for (let r = 0; r < ref.r; r += 1) rows[r] = list(numbers, ref.$ + r * ref.c, ref.c);
  return rows;
}

// The trace of a packed [text, numbers] pair.
export function unpackTrace([text, numbers]) {
  return JSON.parse(text, (key, v) => (v !== null && typeof v === 'object' && v.$ !== undefined ? unpack(v, numbers) : v));
}
