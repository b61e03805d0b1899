// The words around the charts: tab names, file names and the tooltips of the core's hover
// answers (chartHover). No DOM, so Node tests can check them.
import { t, has } from './i18n.js';
import { formatNumber } from './format.js';
import { sub } from './notation.js';

// Significant digits in tooltips: enough to compare train and test, few enough to read.
const DIGITS = 4;

// The words the core draws inside the loss and accuracy charts, from the message table: the
// `labels` option of drawLoss and drawAccuracy (and their hover, which draws the same chart).
export const CHART_WORDS = ['epoch', 'loss', 'accuracy', 'rmse', 'train', 'test', 'batch'];
export function chartLabels() {
  return Object.fromEntries(CHART_WORDS.map((key) => [key, t(`charts.word.${key}`)]));
}

// What the second and third charts show for a session: accuracy or RMSE (the core's choice: MSE
// is regression), and the boundary over the plane, the fitted curve, or nothing.
export function chartKinds(lossName, boundaryView) {
  return { metric: lossName === 'mse' ? 'rmse' : 'accuracy', view: boundaryView };
}

// The tab (and heading) names of the three charts.
export function chartNames({ metric, view }) {
  return {
    loss: t('charts.loss'),
    accuracy: t(`charts.${metric}`),
    boundary: t(view === 'curve' ? 'charts.fit' : 'charts.boundary'),
  };
}

// The PNG file name of a chart.
export function pngName(chart, { metric, view }) {
  if (chart === 'accuracy') return `${metric}.png`;
  if (chart === 'boundary') return view === 'curve' ? 'fit.png' : 'boundary.png';
  return 'loss.png';
}

// A value of an epoch chart as shown: a percentage for accuracy, a number otherwise.
function shownValue(chart, metric, value) {
  if (chart === 'accuracy' && metric === 'accuracy') return `${formatNumber(value * 100, DIGITS)} %`;
  return formatNumber(value, DIGITS);
}

// The tooltip of a loss or accuracy hover `{epoch, points: [{label, index, x, value}]}`:
// "Epoch 12 · train J = 0.3123 · test J = 0.3301 · batch 118: J = 0.29".
export function epochTip(chart, kinds, hover) {
  const named = chart === 'loss' ? 'charts.tip.loss' : `charts.tip.${kinds.metric}`;
  const parts = [];
  let epoch = hover.epoch;
  for (const point of hover.points) {
    if (point.value === null || point.value === undefined) continue;
    const value = shownValue(chart, kinds.metric, point.value);
    if (point.label === 'batch') {
      parts.push(t('charts.tip.batch', { batch: point.index + 1, value }));
    } else {
      // The lines' points sit at whole epochs; name the epoch whose values these are.
      epoch = point.x;
      // A kept run's line is labelled with its name, already worded by the page.
      const series = has(`charts.series.${point.label}`) ? t(`charts.series.${point.label}`) : point.label;
      parts.push(t(named, { series, value }));
    }
  }
  if (parts.length === 0) return t('charts.tip.empty', { epoch });
  return [t('charts.tip.epoch', { epoch }), ...parts].join(' · ');
}

// The tooltip of a boundary or curve hover `{x: [x₁, x₂], y_hat: [..]}`: "x₁ = 0.5, x₂ = −1 → ŷ = 0.73",
// with the predicted class (0-based, as the data names them) when there are several outputs.
export function boundaryTip(hover) {
  const inputs = hover.x.map((v, i) => `x${sub(i + 1)} = ${formatNumber(v, 3)}`).join(', ');
  const outputs = hover.y_hat.map((v) => formatNumber(v, DIGITS));
  if (outputs.length === 1) return t('charts.tip.point', { inputs, output: outputs[0] });
  let best = 0;
  hover.y_hat.forEach((v, k) => { if (v > hover.y_hat[best]) best = k; });
  return t('charts.tip.pointClass', { inputs, output: `(${outputs.join(', ')})`, class: best });
}

// The caption over the boundary view while it shows a hidden unit's map.
export function neuronCaption([layer, unit]) {
  return t('charts.neuron', { layer: layer + 1, unit: unit + 1 });
}
