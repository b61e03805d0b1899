// What the data panel computes without the DOM: the options JSON of a load, the CSV size limit,
// the scale of the points slider, the texts about shapes, and the points of a scatter plot.
// Pure functions, so Node can test them.
import { t } from './i18n.js';
import { Whole, jsonText } from './numbers.js';

// The core refuses bigger files too (src/data/csv.rs); the page checks first so a huge file is
// never read into memory.
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
// A session file holds the data as JSON, several times the size of its CSV.
export const MAX_SESSION_BYTES = 64 * 1024 * 1024;
// The points slider's stops; the number field beside it takes any count from 2 to 10 000.
export const POINT_STOPS = [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
export const MIN_POINTS = POINT_STOPS[0];
export const MAX_POINTS = POINT_STOPS.at(-1);
// Inputs up to this many get a column each in the batch table; wider data shows one sample.
export const MAX_TABLE_INPUTS = 4;
// An input count of 8 × 8 pixels is drawn as an image (the digits set).
export const IMAGE_SIDE = 8;

// The preprocessing choices a fresh page starts with: the core's defaults.
export const DEFAULT_PREP = { standardize: true, testShare: 20, seed: 1 };

// The options JSON of a load: the preprocessing choices (test share in percent; the seed a number
// or its digits, written unchanged) and `extra` (target, task, classes, file).
export function loadOptions({ standardize, testShare, seed }, extra = {}) {
  return jsonText({ standardize, test_fraction: testShare / 100, seed: new Whole(String(seed)), ...extra });
}

// The preprocessing choices a data summary reports, or null for data that came in a session file.
// (The summary's split seed should be its digits: see wholeIn in numbers.js.)
export function prepOf(summary) {
  if (summary.standardized === null || summary.standardized === undefined || !summary.split) return null;
  return {
    standardize: summary.standardized,
    testShare: Math.round(summary.split.test_fraction * 100),
    seed: summary.split.seed,
  };
}

// A byte count for people: "812 bytes", "3.4 MB".
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// The message refusing a file of `bytes` bytes over `limit`, or null when it may be read.
export function sizeProblem(name, bytes, limit) {
  if (bytes <= limit) return null;
  return t('file.tooBig', { file: name, size: formatBytes(bytes), limit: formatBytes(limit) });
}

// The slider stop nearest to `points` (on a log scale, as the stops are).
export function stopOf(points) {
  let best = 0;
  for (let i = 1; i < POINT_STOPS.length; i += 1) {
    if (Math.abs(Math.log(POINT_STOPS[i] / points)) < Math.abs(Math.log(POINT_STOPS[best] / points))) best = i;
  }
  return best;
}

// A typed point count made whole and kept within 2 … 10 000; NaN for text that is no number.
export function clampPoints(value) {
  const n = Math.round(Number(value));
  if (!Number.isFinite(n)) return NaN;
  return Math.min(MAX_POINTS, Math.max(MIN_POINTS, n));
}

// The file's column names in order, from the summary of a load whose target was the last column.
export function columnsOf(summary) {
  return [...summary.inputs, summary.target];
}

// "train 120 × 4, test 30 × 4 · 3 classes" (or "· regression").
export function shapesText(summary) {
  const inputs = summary.inputs.length;
  const shapes = t('prep.shapes', { train: summary.rows.train, test: summary.rows.test, inputs });
  const classes = summary.task === 'classification' && summary.classes
    ? t('prep.classes', { count: summary.classes.length })
    : t(`prep.${summary.task}`);
  return `${shapes} · ${classes}`;
}

// "Output layer: 3 softmax units · loss: cross-entropy", as the data sets it.
export function outputText(summary) {
  const { units, loss } = summary.output;
  // A session file's summary has no activation; the loss alone then names the output.
  const activation = summary.output.activation ? t(`activation.${summary.output.activation}`) : '';
  const id = units === 1 ? 'prep.output.one' : 'prep.output';
  return t(id, { units, activation, loss: t(`data.loss.${loss}`) });
}

// The class of a target row: the 0/1 of a one-column row (threshold ½), else the argmax of a one-hot row.
export function classOf(row) {
  if (row.length === 1) return row[0] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < row.length; k += 1) if (row[k] > row[best]) best = k;
  return best;
}

// What a target row says to a person: the class name, or the number of a regression.
export function targetText(row, summary, format) {
  if (summary.task !== 'classification') return row.map(format).join(', ');
  const k = classOf(row);
  return summary.classes?.[k] ?? String(k);
}

// The points of a scatter of `x` (rows of inputs) against `y` (rows of targets): two inputs give
// (x1, x2) coloured by class or by target value, one input gives (x, y); wider data gives null.
export function scatterData(x, y, task) {
  const inputs = x[0]?.length ?? 0;
  if (inputs === 2) {
    const points = x.map((row) => [row[0], row[1]]);
    if (task === 'classification') return { points, classes: y.map(classOf), values: null, yAxis: 'x2' };
    return { points, classes: null, values: y.map((row) => row[0]), yAxis: 'x2' };
  }
  if (inputs === 1 && task !== 'classification') {
    return { points: x.map((row, i) => [row[0], y[i][0]]), classes: null, values: null, yAxis: 'y' };
  }
  if (inputs === 1) {
    return { points: x.map((row, i) => [row[0], classOf(y[i])]), classes: y.map(classOf), values: null, yAxis: 'y' };
  }
  return null;
}

// The smallest and largest value of each of the two coordinates, widened a little so no point
// sits on the edge (and a single value gets a range).
export function bounds(points) {
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (const p of points) {
    for (const k of [0, 1]) {
      if (Number.isFinite(p[k])) {
        lo[k] = Math.min(lo[k], p[k]);
        hi[k] = Math.max(hi[k], p[k]);
      }
    }
  }
  return [0, 1].map((k) => {
    if (lo[k] > hi[k]) return [-1, 1];
    const pad = (hi[k] - lo[k]) * 0.05 || 0.5;
    return [lo[k] - pad, hi[k] + pad];
  });
}

// The rows of a batch of `length` samples to list when at most `max` fit: the first `max`,
// or a window that holds the selected sample. Returns [from, to).
export function rowWindow(length, selected, max) {
  if (length <= max) return [0, length];
  const from = Math.min(Math.max(0, selected - Math.floor(max / 2)), length - max);
  return [from, from + max];
}

// Whether inputs are the pixels of an 8 × 8 image.
export function isImage(inputs) {
  return inputs === IMAGE_SIDE * IMAGE_SIDE;
}

// A file name from a session's name: "Iris (Fisher, 1936)" → "iris-fisher-1936.json"; a session
// named after its data file loses the file's ending: "people.csv" → "people.json".
export function sessionFileName(name) {
  const slug = String(name ?? '').replace(/\.(csv|tsv|txt)$/i, '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'session'}.json`;
}
