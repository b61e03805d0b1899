// Quiz mode as data: which cell the next phase will compute (the one chosen in the equations),
// how it is named, where its value is in the trace the core gives once the phase is performed, and
// how an answer is read and checked. No DOM, so Node can test it.
import { parsePhase } from './phase.js';
import { sub, sub2, layerMark } from './notation.js';

// Answers are checked to this many significant digits.
export const QUIZ_DIGITS = 3;
// The phases that compute a value to ask for.
const ASKED = new Set(['Forward', 'Loss', 'Backward', 'Update']);

// `value` clamped into 0 … count − 1 (0 when count is 0), as the equations clamp the selection.
function clamp(value, count) {
  return Math.max(0, Math.min(count - 1, Number.isInteger(value) ? value : 0));
}

// The cell the phase `phase` computes for `selection` ({layer, row, col, input}, 0-based), with
// the sizes of `trace`: { name, layer, row, col, input, m, dataRow }; null when the phase computes
// nothing to ask (training has stopped). `m` is the batch's size and `dataRow` the data set's row
// (from 0) of the sample asked, or null before Forward(1), which draws the batch (the trace still
// holds the batch before it). Forward asks for A, Loss for J, Backward for δ, Update for the
// new W: of the phase's layer (the output layer for the loss; the selected layer for the update).
export function questionFor(phase, trace, selection) {
  const { name, layer } = parsePhase(phase);
  if (!ASKED.has(name)) return null;
  const depth = trace.layers.length;
  const k = clamp(name === 'Loss' ? depth - 1 : (layer ?? selection.layer), depth);
  const shape = trace.layers[k];
  // Before a batch is drawn its rows are not in the trace: every batch but the last is full.
  const m = trace.x.length || trace.batch_size || 1;
  const row = clamp(selection.row, m);
  const drawn = !(name === 'Forward' && layer === 0);
  return {
    name,
    layer: k,
    row,
    col: clamp(selection.col, shape.units),
    input: clamp(selection.input, shape.inputs),
    m,
    dataRow: drawn ? (trace.rows?.[row] ?? null) : null,
  };
}

// The question's symbol in the article's notation: a⁽¹⁾₁, J, δ⁽¹⁾₁, w⁽¹⁾₁₁.
export function questionSymbol(q) {
  const mark = layerMark(q.layer + 1);
  if (q.name === 'Forward') return `a${mark}${sub(q.col + 1)}`;
  if (q.name === 'Backward') return `δ${mark}${sub(q.col + 1)}`;
  if (q.name === 'Update') return `w${mark}${sub2(q.input + 1, q.col + 1)}`;
  return 'J';
}

// The value asked for, read from the trace of the core once the phase is performed; null when
// the trace lacks it.
export function valueOf(trace, q) {
  const layer = trace.layers[q.layer];
  if (q.name === 'Forward') return layer?.a?.[q.row]?.[q.col] ?? null;
  if (q.name === 'Backward') return layer?.delta?.[q.row]?.[q.col] ?? null;
  if (q.name === 'Update') return layer?.w_new?.[q.input]?.[q.col] ?? null;
  return trace.loss ?? null;
}

// A typed answer as a number: "1.5", "−1.5" (true or full-width minus), "1,5", " 4.25 "; null
// for anything else.
export function parseAnswer(text) {
  let s = String(text).trim().replace(/[−－﹣–]/g, '-').replace(/^＋/, '+');
  if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

// Half a unit of the last significant digit checked: 0.005 for 4.25, 0.0005 for 0.65.
export function tolerance(value) {
  const size = Math.abs(value);
  const exponent = size === 0 ? -1 : Math.floor(Math.log10(size));
  return 0.5 * 10 ** (exponent - (QUIZ_DIGITS - 1));
}

// Whether `answer` agrees with `value` to QUIZ_DIGITS significant digits (a non-finite value
// agrees with nothing).
export function isRight(answer, value) {
  if (!Number.isFinite(value) || !Number.isFinite(answer)) return false;
  // A hair over the half unit, so that a rounding written exactly at the edge counts.
  return Math.abs(answer - value) <= tolerance(value) * (1 + 1e-9);
}

// Whether the address asks for quiz mode (?quiz=1, on, true, yes) or against it (0, off …); null
// when it says nothing.
export function quizFromAddress(search) {
  const asked = new URLSearchParams(search).get('quiz');
  if (asked === null) return null;
  return !['0', 'off', 'false', 'no'].includes(asked.trim().toLowerCase());
}
