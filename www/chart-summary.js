// What each chart shows, in words, for a screen reader: the text alternative of the core's canvases
// (charts.js puts it in a visually hidden paragraph that describes the canvas). From the newest
// epochs of the core's history, the same numbers the chart draws. No DOM, so Node tests can check it.
import { t } from './i18n.js';
import { formatNumber } from './format.js';

// The epochs whose training J the loss summary reads out, the last ones: the core's historyTail
// of this many epochs is all a summary reads.
export const LAST_EPOCHS = 3;
const DIGITS = 4;

// A value as the charts' tooltips show it: a percentage for accuracy, a number otherwise; a dash
// for none (no test split).
function shown(value, percent) {
  if (value === null || value === undefined) return '—';
  return percent ? `${formatNumber(value * 100, DIGITS)} %` : formatNumber(value, DIGITS);
}

// The sentence on the last epoch's accuracy (or RMSE for regression), or null before any epoch.
function metricSentence({ epochs, history }, metric) {
  const train = history[`train_${metric}`] ?? [];
  if (train.length === 0) return null;
  const last = train.length - 1;
  const percent = metric === 'accuracy';
  return t(`a11y.chart.${metric}`, { epoch: epochs, train: shown(train[last], percent), test: shown(history[`test_${metric}`]?.[last], percent) });
}

// The summary of chart `name` ('loss', 'accuracy', 'boundary') for `tail` (the core's
// historyTail(LAST_EPOCHS), parsed: { epochs, batches, history } with the history's newest
// epochs) and the session's chart kinds ({ metric, view }, chart-text.js chartKinds).
export function chartSummary(name, tail, { metric, view }) {
  const none = t('a11y.chart.none');
  const { epochs, history } = tail;
  if (name === 'loss') {
    const train = history.train_loss ?? [];
    const batches = history.batch_loss ?? [];
    const batch = batches.length ? t('a11y.chart.batch', { value: shown(batches[batches.length - 1]) }) : '';
    if (train.length === 0) return [none, batch].filter(Boolean).join(' ');
    const last = train.slice(-LAST_EPOCHS).map((v) => shown(v)).join(', ');
    const test = shown(history.test_loss?.[train.length - 1]);
    return [t('a11y.chart.loss', { epoch: epochs, train: last, test }), batch].filter(Boolean).join(' ');
  }
  if (name === 'accuracy') return metricSentence(tail, metric) ?? none;
  if (view === 'none') return t('a11y.chart.boundaryNone');
  const picture = t(view === 'curve' ? 'a11y.chart.curve' : 'a11y.chart.plane');
  return [picture, metricSentence(tail, metric) ?? none].join(' ');
}
