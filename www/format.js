// Number formatting shared by every view, so the same value reads the same everywhere.
import { t } from './i18n.js';

const SIGNIFICANT = 6;

// `x` with up to 6 (or `digits`) significant digits ("4.25", "0.000123457", "1.23457e−7"); null shows "—".
export function formatNumber(x, digits = SIGNIFICANT) {
  if (x === null || x === undefined) return t('readout.none');
  // The trace spells non-finite numbers as "NaN", "Infinity", "-Infinity".
  if (typeof x === 'string') x = Number(x);
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  // Number(…) drops the trailing zeros toPrecision keeps; a true minus sign reads better on a projector.
  return String(Number(x.toPrecision(digits))).replaceAll('-', '−');
}

// A short form for a matrix cell, at most 7 characters: "0.65", "−1.5", "123", "1.2e−3", "NaN".
export function formatCompact(x) {
  const v = typeof x === 'string' ? Number(x) : x;
  if (v === null || v === undefined) return '';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const size = Math.abs(v);
  // Three significant digits between 0.01 and 1000; outside, the exponent keeps the cell narrow.
  // Three-digit exponents (beyond 1e±100) drop the decimal, so the cell still takes 7 characters.
  const decimals = size >= 1e100 || size < 1e-99 ? 0 : 1;
  const text = size >= 0.01 && size < 1000
    ? String(Number(v.toPrecision(3)))
    : v.toExponential(decimals).replace('.0e', 'e').replace('e+', 'e');
  return text.replaceAll('-', '−');
}

// Every digit of `x`: JavaScript's shortest text that reads back as the same double, for tooltips.
export function formatExact(x) {
  const v = typeof x === 'string' ? Number(x) : x;
  if (v === null || v === undefined) return t('readout.none');
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return String(v).replaceAll('-', '−');
}
