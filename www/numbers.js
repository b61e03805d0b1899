// Numbers crossing between the page and the core as text, without losing a digit: what a person
// typed, read the way the core will read it; JSON written with whole numbers' digits as typed; and
// whole numbers read back from the core's JSON exactly. A JavaScript number holds whole numbers
// exactly only up to 2^53, but a seed may be any 64-bit whole number (the core's JSON reader keeps
// them whole up to 18446744073709551615), so a seed never passes through a JavaScript number.
// Pure functions, so Node can test them.

// The largest whole number the core reads exactly (u64).
export const MAX_WHOLE = 18446744073709551615n;

// A plain decimal number as people write it: "-1.5", "2e-3", ".5", "5.".
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// A whole number, also as "4." or "4.0": its digits are sent, not a rounded float's.
const WHOLE = /^-?\d+(\.0*)?$/;

// A whole number written into JSON as its digits (a seed), not through a JavaScript number.
export class Whole {
  // `digits`: an optional minus and decimal digits without leading zeros.
  constructor(digits) {
    this.digits = digits;
  }

  // The nearest JavaScript number (exact up to 2^53).
  toNumber() {
    return Number(this.digits);
  }
}

// What `typed` says as a number, read as the core reads JSON (each answer also holds `text`, what
// was typed, trimmed, for messages to echo):
//   { value: null } for empty text;
//   { value: Whole } for a whole number (its digits go to the core unchanged);
//   { value: number } for any other decimal number a 64-bit float holds;
//   { problem, text } for a number the core cannot hold as typed: 'underflow' (closer to 0 than a
//     float holds, it would be 0), 'overflow' (beyond the largest float), 'wholeTooLarge'
//     (a whole number beyond MAX_WHOLE, which would lose digits);
//   { value: text } for text that is no number ("abc", "NaN", "0x10", "all"): the core names it.
// The true minus sign "−" counts as "-".
export function readNumber(typed) {
  const text = String(typed ?? '').trim();
  const clean = text.replaceAll('−', '-');
  if (clean === '') return { value: null, text };
  if (WHOLE.test(clean)) {
    const negative = clean.startsWith('-');
    // JSON has no leading zeros ("007") and no minus zero worth sending.
    const digits = clean.split('.')[0].replace(/^-?0*(?=\d)/, '');
    if (BigInt(digits) > MAX_WHOLE) return { problem: 'wholeTooLarge', text };
    return { value: new Whole(negative && digits !== '0' ? `-${digits}` : digits), text };
  }
  if (!DECIMAL.test(clean)) return { value: text, text };
  const x = Number(clean);
  if (!Number.isFinite(x)) return { problem: 'overflow', text };
  // A nonzero digit before the exponent that still gives 0: the float cannot hold it.
  if (x === 0 && /[1-9]/.test(clean.split(/[eE]/)[0])) return { problem: 'underflow', text };
  return { value: x, text };
}

// JSON text of `value` (objects, lists, strings, numbers, booleans, null), with each Whole written
// as its digits. JSON.stringify cannot write digits beyond a JavaScript number's.
export function jsonText(value) {
  if (value instanceof Whole) return value.digits;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// The digits of the whole number at `key` inside the first object named `object` of the core's
// JSON `text` (e.g. wholeIn(session, 'training', 'seed')), or null when there is none. JSON.parse
// would round a seed above 2^53; the core writes the object's plain values before any nested one.
export function wholeIn(text, object, key) {
  const pattern = new RegExp(`"${object}"\\s*:\\s*\\{[^{}]*?"${key}"\\s*:\\s*(-?\\d+)\\s*[,}]`);
  return pattern.exec(text)?.[1] ?? null;
}
