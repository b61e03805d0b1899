// The session's data: where it came from (a generated set, a CSV file shipped with the page or
// uploaded, or the session file itself), loading it into the Playground, and bringing the page up
// to date afterwards. A load the core refuses throws and leaves the session exactly as it was.
import { playground, usePlayground } from './handle.js';
import { DEFAULT_PREP, loadOptions, prepOf, columnsOf } from './data-options.js';
import { refreshConfig, config } from './config.js';
import { resetSettings } from './settings.js';
import { pause } from './player.js';
import { wholeIn } from './numbers.js';
import { store, select } from './state.js';
import { fileText } from './assets.js';

store.data.prep = { ...DEFAULT_PREP };

// The data's facts live in the store (store.data); this object reaches them under their old names
// and keeps what is read from the core about them.
export const dataset = {
  // Where the data came from:
  // { kind: 'generated', name, points, noise, seed, classes }
  // { kind: 'csv', name, file, text, columns, target, task } (target: column index or null for the last)
  // { kind: 'session', preset }: the data came in a session file (a built-in preset's, or one
  // opened, without `preset`); its raw values are unknown.
  get source() { return store.data.source; },
  set source(source) { store.data.source = source; },
  // The preprocessing choices of the next load (the last load's, until the person changes them).
  get prep() { return store.data.prep; },
  set prep(prep) { store.data.prep = prep; },
  // dataSummary(), parsed.
  summary: null,
  // The training rows { raw, standardized, y }, or { raw: x, standardized: null, y } for session data.
  train: null,
  // Counts the changes of data, so views redraw what they keep (the scatter's points) only then.
  version: 0,
};

// The shipped CSV files' text by preset name, fetched once.
const shipped = new Map();

// The Playground class (its static calls: csvPresets), given by startSession.
const core = { Playground: null };

// Called after every change of data or session (views that keep state of their own: the chooser,
// the preset picker).
const listeners = new Set();

// Call `listener()` after every change of data, and after a session file is opened.
export function onNewData(listener) {
  listeners.add(listener);
}

// Every preset's name: the core's built-in sessions, then the CSV presets.
export function presetNames(Playground) {
  const names = Playground.presets();
  for (const { name } of JSON.parse(Playground.csvPresets())) if (!names.includes(name)) names.push(name);
  return names;
}

// Whether `name` is a preset built from a shipped CSV file.
export function isCsvPreset(Playground, name) {
  return JSON.parse(Playground.csvPresets()).some((p) => p.name === name);
}

// The text of the shipped CSV file of preset `name` (the page's own file, www/assets.js).
export async function shippedCsv(Playground, name) {
  if (!shipped.has(name)) {
    const entry = JSON.parse(Playground.csvPresets()).find((p) => p.name === name);
    if (!entry) throw new Error(`no data file for preset ${JSON.stringify(name)}`);
    const request = fileText(entry.file);
    // A failed fetch is not kept, so a later click tries again.
    request.catch(() => shipped.delete(name));
    shipped.set(name, request);
  }
  return shipped.get(name);
}

// The first session of the page: preset `name`, from its CSV file or from the core's session text.
// Returns the page's Playground handle.
export async function startSession(Playground, name) {
  core.Playground = Playground;
  if (isCsvPreset(Playground, name)) {
    const text = await shippedCsv(Playground, name);
    usePlayground(Playground.presetWithCsv(name, text));
    dataset.source = { kind: 'csv', name, file: null, text, columns: null, target: null, task: 'auto' };
  } else {
    usePlayground(Playground.fromSession(Playground.defaultSession(name)));
    dataset.source = { kind: 'session', preset: name };
  }
  readData();
  // The preset's target is its file's last column, so the summary lists the columns in order.
  if (dataset.source.kind === 'csv') dataset.source.columns = columnsOf(dataset.summary);
  return playground;
}

// Replace the data by a generated set; throws (session unchanged) when the core refuses.
export function loadGenerated(spec) {
  change(() => playground.loadGenerated(spec.name, spec.points, spec.noise, spec.seed, generatedOptions(spec, dataset.prep)),
    { kind: 'generated', ...spec });
}

// The options JSON of loading generated set `spec` with preprocessing `prep` (share.js replays it).
export function generatedOptions(spec, prep) {
  return loadOptions(prep, spec.name === 'blobs' ? { classes: spec.classes } : {});
}

// Replace the data by CSV text (target: a column index or null for the last; task: "auto",
// "classification" or "regression"); throws "CSV line L, column C: …" when the core refuses.
// `file` names a file the person chose, `name` a shipped one; the core keeps the file's name in
// the session, which Save writes and Open reads back.
export function loadCsv({ name = null, file = null, text, columns = null, target = null, task = 'auto' }) {
  const options = csvOptions({ name, file, target, task }, dataset.prep);
  change(() => playground.loadCsv(text, options), { kind: 'csv', name, file, text, columns, target, task });
  // Loaded with the last column as target, the summary lists the columns in the file's order.
  if (!dataset.source.columns) dataset.source.columns = columnsOf(dataset.summary);
}

// The options JSON of loading a CSV file (`file` chosen, or shipped as preset `name`) with
// `target` and `task`, and preprocessing `prep` (share.js replays it).
export function csvOptions({ name = null, file = null, target = null, task = 'auto' }, prep) {
  const extra = { task };
  if (target !== null) extra.target = target;
  const fileName = file ?? shippedFileName(name);
  if (fileName) extra.file = fileName;
  return loadOptions(prep, extra);
}

// The name of a shipped CSV file ("iris.csv" for preset "iris"), or null.
function shippedFileName(name) {
  const entry = name === null ? null : JSON.parse(core.Playground.csvPresets()).find((p) => p.name === name);
  return entry ? entry.file.split('/').pop() : null;
}

// Prepare the current data again with new preprocessing choices (`patch` of dataset.prep); throws,
// changing nothing, when the core refuses or when the data came in a session file.
export function reprepare(patch) {
  const source = dataset.source;
  const before = dataset.prep;
  dataset.prep = { ...before, ...patch };
  try {
    if (source.kind === 'generated') loadGenerated(source);
    else if (source.kind === 'csv') loadCsv(source);
    else throw new Error('the data came in a session file');
  } catch (error) {
    dataset.prep = before;
    throw error;
  }
}

// Put a new Playground (an opened session file, a snapshot) behind the page's handle, its data
// from `source` (a session file's own, unless a snapshot knows better).
export function replaceSession(next, source = { kind: 'session' }) {
  pause();
  usePlayground(next);
  dataset.source = source;
  afterChange();
}

// Run `load` (a core call that replaces the data or throws); on success record `source` and
// redraw the page for the new data. The player stops first: the batches it was running are gone.
function change(load, source) {
  pause();
  load();
  dataset.source = source;
  afterChange();
}

// Read the new data and shape, and redraw everything from the first sample of layer 1. The
// settings form shows the new session's values: refused values typed before no longer apply.
function afterChange() {
  // The page no longer shows a preset (nor its errata).
  store.preset = null;
  refreshConfig(playground);
  readData();
  resetSettings();
  for (const listener of listeners) listener();
  select({ layer: 0, row: 0, col: 0, input: 0 });
}

// Read the summary and the training rows of the current data.
function readData() {
  const text = playground.dataSummary();
  dataset.summary = JSON.parse(text);
  // The split seed as its digits: JSON.parse rounds a 64-bit seed above 2^53.
  if (dataset.summary.split) dataset.summary.split.seed = wholeIn(text, 'split', 'seed') ?? String(dataset.summary.split.seed);
  const prep = prepOf(dataset.summary);
  if (prep) {
    dataset.prep = prep;
    dataset.train = JSON.parse(playground.dataRows('train'));
  } else {
    // Session data: the rows as the network trains on them (config holds the parsed session).
    const session = config.session ?? refreshConfig(playground).session;
    dataset.train = { raw: session.data.train.x, standardized: null, y: session.data.train.y };
  }
  dataset.version += 1;
}
