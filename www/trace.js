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

// The trace of a packed [text, numbers] pair. Each list and matrix is read out of `numbers` when a
// view first asks for it: a frame that draws only the readouts and the charts reads none of the
// parameters' matrices, which with 64-32-10 units are thousands of numbers.
export function unpackTrace([text, numbers]) {
  const trace = JSON.parse(text);
  deferLists(trace, numbers);
  return trace;
}

// Put a getter in place of every packed list or matrix under `node`; the first read replaces it
// with the numbers, as a plain property.
function deferLists(node, numbers) {
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (v === null || typeof v !== 'object') continue;
    if (v.$ === undefined) {
      deferLists(v, numbers);
      continue;
    }
    const settle = (value) => {
      Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
      return value;
    };
    Object.defineProperty(node, key, {
      get: () => settle(unpack(v, numbers)),
      set: settle,
      enumerable: true,
      configurable: true,
    });
  }
}
