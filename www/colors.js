// The diverging colour scale of every matrix and edge: blue below zero, white at zero, red above,
// scaled to the largest |value| on show. ColorBrewer's RdBu stops, which stay distinct on a projector.
// And the classes' colours, the core's.

const WHITE = [255, 255, 255];
const NEGATIVE = [[146, 197, 222], [33, 102, 172]];
const POSITIVE = [[244, 165, 130], [178, 24, 43]];
const STEPS = 64;
// NaN has no sign: a dark grey that no finite value can take.
export const NAN_COLOR = '#5c5c5c';
const ZERO_STROKE = '#b8c0c8';

// The colour at `s` ∈ [−1, 1] as [r, g, b]: white at 0, light at ±0.5, dark at ±1.
export function rgbAt(s) {
  const clamped = Math.max(-1, Math.min(1, s));
  const [light, dark] = clamped < 0 ? NEGATIVE : POSITIVE;
  const u = Math.abs(clamped);
  const [from, to, f] = u <= 0.5 ? [WHITE, light, u / 0.5] : [light, dark, (u - 0.5) / 0.5];
  return from.map((c, k) => Math.round(c + (to[k] - c) * f));
}

// The colours of STEPS + 1 levels on each side, built once: drawing a cell is then a lookup.
const LEVEL_RGB = Array.from({ length: 2 * STEPS + 1 }, (_, k) => rgbAt((k - STEPS) / STEPS));
const LEVELS = LEVEL_RGB.map(([r, g, b]) => `rgb(${r},${g},${b})`);
const NAN_RGB = [0x5c, 0x5c, 0x5c];

// The largest finite |value| of a matrix (or vector), 0 when there is none.
export function scaleMax(values) {
  let max = 0;
  for (const row of values ?? []) {
    for (const v of Array.isArray(row) ? row : [row]) {
      if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) > max) max = Math.abs(v);
    }
  }
  return max;
}

// Where `value` sits on the scale, in [−1, 1] (±1 for ±∞, NaN for NaN).
export function scalePosition(value, max) {
  const v = typeof value === 'string' ? Number(value) : value;
  if (Number.isNaN(v)) return NaN;
  if (!Number.isFinite(v)) return Math.sign(v);
  if (max <= 0) return 0;
  return Math.max(-1, Math.min(1, v / max));
}

// The fill colour of `value` on a scale reaching ±max.
export function fillColor(value, max) {
  const s = scalePosition(value, max);
  if (Number.isNaN(s)) return NAN_COLOR;
  return LEVELS[Math.round(s * STEPS) + STEPS];
}

// The fill colour of `value` as [r, g, b], for writing pixels directly.
export function fillRgb(value, max) {
  const s = scalePosition(value, max);
  if (Number.isNaN(s)) return NAN_RGB;
  return LEVEL_RGB[Math.round(s * STEPS) + STEPS];
}

// Black or white, whichever reads better on the fill of `value`.
export function inkColor(value, max) {
  const s = scalePosition(value, max);
  return Number.isNaN(s) || Math.abs(s) > 0.62 ? '#ffffff' : '#111418';
}

// The stroke colour of an edge: like fillColor, but never paler than 35% so a small weight stays visible.
export function strokeColor(value, max) {
  const s = scalePosition(value, max);
  if (Number.isNaN(s)) return NAN_COLOR;
  // A zero weight has no sign: a light grey line, still there to hover and edit.
  if (s === 0) return ZERO_STROKE;
  const floored = Math.sign(s) * (0.35 + 0.65 * Math.abs(s));
  return LEVELS[Math.round(floored * STEPS) + STEPS];
}

// A CSS gradient from −max to +max, for legends.
export function legendGradient() {
  return `linear-gradient(to right, ${LEVELS[0]}, ${LEVELS[STEPS / 2]}, ${LEVELS[STEPS]}, ${LEVELS[STEPS + STEPS / 2]}, ${LEVELS[2 * STEPS]})`;
}

// Class colours, the core's (src/charts/colour.rs CLASSES), one rule whatever the output layer:
// class 0 orange and class 1 blue (the ends of the boundary's scale), then Tableau 10's others.
const CLASS_COLORS = ['#f59322', '#0877bd', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

// The colour of class `c` (as a number from 0), for points.
export function classColor(c) {
  return CLASS_COLORS[c % CLASS_COLORS.length];
}

// The colours of runs kept to compare, the core's (src/charts/loss.rs KEPT_COLOURS): class colours
// 2, 3, 4 and 6, none of the loss chart's own lines'. Run i takes colour i.
const KEPT_CLASSES = [2, 3, 4, 6];
export function keptColor(i) {
  return classColor(KEPT_CLASSES[i % KEPT_CLASSES.length]);
}
