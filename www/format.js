// Number formatting shared by every view, so the same value reads the same everywhere.
import { t } from './i18n.js';

const SIGNIFICANT = 6;

// `x` with up to 6 significant digits ("4.25", "0.000123457", "1.23457e-7"); null shows "—".
export function formatNumber(x) {
  if (x === null || x === undefined) return t('readout.none');
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  // Number(…) drops the trailing zeros toPrecision keeps; a true minus sign reads better on a projector.
  return String(Number(x.toPrecision(SIGNIFICANT))).replace('-', '−');
}

