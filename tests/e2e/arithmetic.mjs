// Checks that an equation line of the page adds up to the precision it is printed with.
//
// A line such as "z⁽¹⁾₁ = 1 × 0.5 + 2 × 0.5 + 0 = 1.5" is split at " = " and " ← " into parts;
// each part that is plain arithmetic on printed numbers (with the functions the equations use:
// ln, exp, tanh, σ, max, relu and their derivatives) is evaluated with interval arithmetic, every
// printed number standing for the interval of the values that print the same way with `digits`
// significant digits. Two evaluable parts in a row must overlap; parts with symbols (z⁽¹⁾₁, Σ, m)
// or an elision (…) are skipped.

const FUNCTIONS = new Set(['ln', 'exp', 'tanh', 'σ', 'max', 'relu', 'tanh′', 'σ′', 'relu′', 'identity′']);

// The interval of the values that print as `text` with `digits` significant digits.
function printed(text, digits) {
  const v = Number(text.replaceAll('−', '-'));
  if (v === 0) return [0, 0];
  const half = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v))) - (digits - 1));
  return [v - half, v + half];
}

// Tokens of a part: numbers, names, operators and brackets; null when a character is unknown.
function tokenize(text) {
  const tokens = [];
  const re = /\s*(?:(\d+(?:\.\d+)?(?:e[+−-]?\d+)?)|(tanh′|σ′|relu′|identity′|[A-Za-zσ]+)|([+−×/²(),[\]½]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return null;
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', text: m[2] });
    else tokens.push({ kind: 'op', text: m[3] });
  }
  return tokens;
}

const lo = (a) => a[0];
const hi = (a) => a[1];
const add = (a, b) => [lo(a) + lo(b), hi(a) + hi(b)];
const neg = (a) => [-hi(a), -lo(a)];
function mul(a, b) {
  const p = [lo(a) * lo(b), lo(a) * hi(b), hi(a) * lo(b), hi(a) * hi(b)];
  return [Math.min(...p), Math.max(...p)];
}
function div(a, b) {
  if (lo(b) <= 0 && hi(b) >= 0) return [-Infinity, Infinity];
  return mul(a, [1 / hi(b), 1 / lo(b)]);
}
function square(a) {
  const [x, y] = [lo(a) * lo(a), hi(a) * hi(a)];
  return lo(a) <= 0 && hi(a) >= 0 ? [0, Math.max(x, y)] : [Math.min(x, y), Math.max(x, y)];
}
const increasing = (f) => (a) => [f(lo(a)), f(hi(a))];
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
// A function with its largest value at 0, falling away on both sides.
const peaked = (f) => (a) => {
  const ends = [f(lo(a)), f(hi(a))];
  return [Math.min(...ends), lo(a) <= 0 && hi(a) >= 0 ? f(0) : Math.max(...ends)];
};
const APPLY = {
  ln: increasing(Math.log),
  exp: increasing(Math.exp),
  tanh: increasing(Math.tanh),
  σ: increasing(sigmoid),
  relu: increasing((z) => Math.max(0, z)),
  'tanh′': peaked((z) => 1 - Math.tanh(z) ** 2),
  'σ′': peaked((z) => sigmoid(z) * (1 - sigmoid(z))),
  'relu′': (a) => (hi(a) < 0 ? [0, 0] : lo(a) > 0 ? [1, 1] : [0, 1]),
  'identity′': () => [1, 1],
};

// A recursive-descent evaluator over intervals; throws on anything it does not know.
function evaluate(tokens, digits) {
  let i = 0;
  const peek = () => tokens[i];
  const take = (text) => {
    const token = tokens[i];
    if (!token || (text !== undefined && token.text !== text)) throw new Error(`expected ${text} at ${i}`);
    i += 1;
    return token;
  };
  const isOp = (text) => peek()?.kind === 'op' && peek().text === text;
  function expression() {
    let value = isOp('−') ? (take(), neg(term())) : term();
    while (isOp('+') || isOp('−')) {
      const op = take().text;
      const right = term();
      value = op === '+' ? add(value, right) : add(value, neg(right));
    }
    return value;
  }
  function term() {
    let value = factor();
    while (isOp('×') || isOp('/') || peek()?.kind === 'name' || isOp('(') || isOp('[') || isOp('½')) {
      if (isOp('×')) { take(); value = mul(value, factor()); } else if (isOp('/')) { take(); value = div(value, factor()); } else value = mul(value, factor());
    }
    return value;
  }
  function factor() {
    let value = primary();
    while (isOp('²')) { take(); value = square(value); }
    return value;
  }
  function primary() {
    const token = take();
    if (token.kind === 'num') return printed(token.text, digits);
    if (token.text === '½') return [0.5, 0.5];
    if (token.text === '−') return neg(factor());
    if (token.text === '(' || token.text === '[') {
      const value = expression();
      take(token.text === '(' ? ')' : ']');
      return value;
    }
    if (token.kind === 'name') {
      if (token.text === 'max') {
        take('(');
        const a = expression();
        take(',');
        const b = expression();
        take(')');
        return [Math.max(lo(a), lo(b)), Math.max(hi(a), hi(b))];
      }
      const apply = APPLY[token.text];
      if (!apply) throw new Error(`unknown function ${token.text}`);
      // "ln 0.4774" and "ln(1 − 0.4774)": a function takes the primary after it.
      return apply(factor());
    }
    throw new Error(`unexpected ${token.text}`);
  }
  const value = expression();
  if (i !== tokens.length) throw new Error(`unexpected ${tokens[i].text}`);
  return value;
}

// The interval a part evaluates to, or null when it is not plain arithmetic on numbers.
export function evaluatePart(part, digits = 4) {
  if (part.includes('…')) return null;
  const tokens = tokenize(part.trim());
  if (!tokens || tokens.length === 0) return null;
  if (tokens.some((token) => token.kind === 'name' && !FUNCTIONS.has(token.text))) return null;
  try {
    return evaluate(tokens, digits);
  } catch {
    return null;
  }
}

// Checks one line: { parts: evaluable parts, problems: [text] }.
export function checkLine(text, digits = 4) {
  const parts = text.split(/\s(?:=|←)\s/).map((part) => ({ part, value: evaluatePart(part, digits) }))
    .filter(({ value }) => value !== null);
  const problems = [];
  for (let k = 1; k < parts.length; k += 1) {
    const [a, b] = [parts[k - 1], parts[k]];
    // A relative slack of 1e-9 for the float rounding of the evaluation itself.
    const slack = 1e-9 * Math.max(Math.abs(lo(a.value)), Math.abs(hi(a.value)), Math.abs(lo(b.value)), Math.abs(hi(b.value)), 1e-300);
    if (hi(a.value) + slack < lo(b.value) || hi(b.value) + slack < lo(a.value)) {
      problems.push(`"${a.part.trim()}" is [${a.value}] but "${b.part.trim()}" is [${b.value}] in: ${text}`);
    }
  }
  return { parts: parts.length, problems };
}
