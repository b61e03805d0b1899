// Share links: the page state as a short text in the address's # part (never sent to a server).
// A link holds what reproduces the state rather than its numbers: where the data came from, the
// settings training started with (as a patch of the preset's), the log of calls since (call-log.js),
// the view, the selection and the language. Opening it replays the log from the seed, which gives
// the same numbers bit for bit, Step back included. The text is the JSON compressed with the
// browser's CompressionStream("deflate-raw"), in base64url.
import { store, DEFAULT_VIEW } from './state.js';
import { logState, setLog, startLog, settingsOf, replayCalls } from './call-log.js';
import { replaceSession, isCsvPreset, shippedCsv, generatedOptions, csvOptions, onNewData } from './dataset.js';
import { applyPageState, checkSnapshot } from './snapshot.js';
import { jsonText, wholeIn, Whole } from './numbers.js';
import { lossPatch } from './patches.js';
import { columnsOf } from './data-options.js';
import { MAX_STEPS } from './lesson.js';

// The version of the links this page writes; a newer one is refused, not misread.
export const LINK_VERSION = 1;
// The preset a link's generated or CSV data is loaded into, as the page starts with it.
export const BASE_PRESET = 'circle';
// Links longer than this many characters are not offered: the session file is.
export const MAX_LINK_CHARS = 8000;
// The address part that carries a link.
const PREFIX = '#s=';
// The most a link may ask the core to run, so that a damaged link cannot freeze the page.
const MAX_REPEAT = 10_000_000;

// A link the page cannot open: `problem` names what is wrong ('base64', 'deflate', 'json',
// 'version', 'field', 'replay'); `detail` says where (a field's name, the core's message).
export class LinkError extends Error {
  constructor(problem, detail = '') {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
    this.problem = problem;
    this.detail = detail;
  }
}

// Keep the log's source up to date with new data and opened files (dataset.js calls back).
export function wireShareLog() {
  onNewData(() => startLog(sourceNow()));
}

// The source of the data now loaded (after new data or an opened session file).
function sourceNow() {
  const { source, prep } = store.data;
  if (source.kind === 'generated') {
    const { name, points, noise, seed, classes } = source;
    return { kind: 'generated', spec: { name, points, noise, seed, classes }, prep: { ...prep } };
  }
  // The source object itself: loadCsv adds the columns to it after this call.
  if (source.kind === 'csv') return { kind: 'csv', csv: source, prep: { ...prep } };
  // A preset's own session, started afresh (a lesson step that opens a preset).
  if (source.kind === 'session' && source.preset) return { kind: 'preset', name: source.preset };
  return { kind: 'file', text: null };
}

// A session file was opened: its text is where the log starts.
export function noteOpenedFile(text) {
  startLog({ kind: 'file', text });
}

// ---- writing a link -------------------------------------------------------------------------

// The settings of a Playground's session file text (the seed's digits kept).
export function settingsOfText(text) {
  const session = JSON.parse(text);
  session.training.seed = wholeIn(text, 'training', 'seed') ?? String(session.training.seed);
  return settingsOf(session);
}

// The link's object for the page now, or { missing: reason } when the data cannot go in a link
// ('file': a session file the page no longer has).
export async function linkObject() {
  const log = logState();
  const source = linkSource(log.source);
  if (!source) return { missing: 'file' };
  const start = await startPlayground(source);
  let defaults;
  try {
    defaults = settingsOfText(start.playground.toSession());
  } finally {
    start.playground.free();
  }
  const link = { v: LINK_VERSION, source };
  const settings = settingsPatch(log.settings ?? defaults, defaults);
  if (Object.keys(settings).length > 0) link.settings = settings;
  if (log.fresh) link.fresh = true;
  if (log.calls.length > 0) link.calls = log.calls;
  const view = Object.fromEntries(Object.entries(store.view).filter(([key, value]) => value !== DEFAULT_VIEW[key]));
  if (Object.keys(view).length > 0) link.view = view;
  const selection = Object.fromEntries(Object.entries(store.selection).filter(([, value]) => value !== 0));
  if (Object.keys(selection).length > 0) link.selection = selection;
  link.lang = store.lang;
  const lesson = linkLesson();
  if (lesson) link.lesson = lesson;
  return link;
}

// The lesson on show, for a link: its source (a built-in name or a path on this site) and its
// step counted from 1, as the address writes them; none when the panel is closed or the lesson
// was picked from the disk (the link's reader could not fetch it).
function linkLesson() {
  const { source, step, open, content } = store.lesson;
  return open && source !== null && content ? { source, step: step + 1 } : null;
}

// The link's `source` for the log's source, or null when there is none to give.
function linkSource(source) {
  switch (source?.kind) {
    case 'preset': return { preset: source.name };
    case 'generated': return { generated: source.spec, prep: source.prep };
    case 'csv': {
      const { name, file, text, columns, target, task } = source.csv;
      const csv = file || !name ? { file, text } : { name };
      if (columns) csv.columns = columns;
      return { csv: { ...csv, target, task }, prep: source.prep };
    }
    case 'file': return source.text === null ? null : { session: source.text };
    default: return null;
  }
}

// The patch that turns settings `from` into `to` (a JSON merge patch: null removes a field).
export function settingsPatch(to, from) {
  const patch = {};
  if (!same(to.network.layers, from.network.layers)) patch.network = { layers: to.network.layers };
  if (to.loss !== from.loss) patch.loss = to.loss;
  for (const group of ['init', 'training']) {
    if (typeof to[group] !== 'object' || typeof from[group] !== 'object') {
      if (!same(to[group], from[group])) patch[group] = to[group];
      continue;
    }
    const fields = {};
    for (const key of new Set([...Object.keys(to[group]), ...Object.keys(from[group])])) {
      if (!same(to[group][key] ?? null, from[group][key] ?? null)) fields[key] = to[group][key] ?? null;
    }
    if (Object.keys(fields).length > 0) patch[group] = fields;
  }
  return patch;
}

// `base` with the JSON merge patch `patch` applied (RFC 7386), as a new object.
export function mergePatch(base, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

// Whether two JSON values are equal.
function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// The address of the page with `link` in its # part (the query dropped: the link says it all).
export async function linkAddress(link, href = window.location.href) {
  return `${href.split('#')[0].split('?')[0]}${PREFIX}${await encodeLink(link)}`;
}

// `link` as text for the address: JSON, deflate-raw, base64url.
export async function encodeLink(link) {
  const bytes = new TextEncoder().encode(JSON.stringify(link));
  const packed = await streamBytes(bytes, new CompressionStream('deflate-raw'));
  return toBase64Url(packed);
}

// ---- reading a link -------------------------------------------------------------------------

// The link text of an address's # part, or null when it carries none.
export function linkText(hash) {
  return hash.startsWith(PREFIX) ? hash.slice(PREFIX.length) : null;
}

// The link object of `text`, checked; throws a LinkError naming the problem.
export async function decodeLink(text) {
  let bytes;
  try {
    bytes = fromBase64Url(text);
  } catch {
    throw new LinkError('base64');
  }
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await streamBytes(bytes, new DecompressionStream('deflate-raw')));
  } catch {
    throw new LinkError('deflate');
  }
  let link;
  try {
    link = JSON.parse(json);
  } catch (error) {
    throw new LinkError('json', error.message);
  }
  return checkLink(link);
}

// Fields a link may hold, at the top and in its source.
const LINK_FIELDS = ['v', 'source', 'settings', 'fresh', 'calls', 'view', 'selection', 'lang', 'lesson'];
const SOURCE_FIELDS = ['preset', 'generated', 'csv', 'session', 'prep'];
// The longest lesson source a link may name (a path on this site).
const MAX_LESSON_SOURCE = 500;
const GENERATED_FIELDS = ['name', 'points', 'noise', 'seed', 'classes'];
const CSV_FIELDS = ['name', 'file', 'text', 'columns', 'target', 'task'];
const PREP_FIELDS = ['standardize', 'testShare', 'seed'];
const SETTINGS_FIELDS = ['network', 'loss', 'init', 'training'];

// `link` if its fields are known and of the right kinds; throws a LinkError('field' or 'version').
export function checkLink(link) {
  const object = (value, field) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new LinkError('field', field);
    return value;
  };
  const known = (value, fields, where) => {
    for (const key of Object.keys(object(value, where))) {
      if (!fields.includes(key)) throw new LinkError('field', where ? `${where}.${key}` : key);
    }
  };
  known(link, LINK_FIELDS, '');
  if (!Number.isInteger(link.v) || link.v < 1) throw new LinkError('field', 'v');
  if (link.v > LINK_VERSION) throw new LinkError('version', String(link.v));
  const { source } = link;
  known(source, SOURCE_FIELDS, 'source');
  const kinds = ['preset', 'generated', 'csv', 'session'].filter((kind) => kind in source);
  if (kinds.length !== 1) throw new LinkError('field', 'source');
  if ('preset' in source && typeof source.preset !== 'string') throw new LinkError('field', 'source.preset');
  if ('session' in source && typeof source.session !== 'string') throw new LinkError('field', 'source.session');
  if ('generated' in source) known(source.generated, GENERATED_FIELDS, 'source.generated');
  if ('csv' in source) {
    known(source.csv, CSV_FIELDS, 'source.csv');
    if (typeof (source.csv.text ?? source.csv.name) !== 'string') throw new LinkError('field', 'source.csv.text');
  }
  if ('prep' in source) known(source.prep, PREP_FIELDS, 'source.prep');
  if ('settings' in link) known(link.settings, SETTINGS_FIELDS, 'settings');
  if ('fresh' in link && typeof link.fresh !== 'boolean') throw new LinkError('field', 'fresh');
  if ('calls' in link) {
    if (!Array.isArray(link.calls)) throw new LinkError('field', 'calls');
    link.calls.forEach((call, k) => checkCall(call, `calls[${k}]`));
  }
  if ('lesson' in link) {
    known(link.lesson, ['source', 'step'], 'lesson');
    const { source, step } = link.lesson;
    if (typeof source !== 'string' || source.trim() === '' || source.length > MAX_LESSON_SOURCE) throw new LinkError('field', 'lesson.source');
    if (!Number.isInteger(step) || step < 1 || step > MAX_STEPS) throw new LinkError('field', 'lesson.step');
  }
  // The view, the selection and the language are checked as a snapshot's are.
  try {
    checkSnapshot({ version: 1, session: '', view: link.view, selection: link.selection, lang: link.lang ?? 'en' });
  } catch (error) {
    throw new LinkError('field', error.field ?? 'view');
  }
  return link;
}

// The arguments each call takes (before its count), as checks.
const isWhole = (x) => Number.isInteger(x) && x >= 0;
const CALL_ARGS = {
  phase: [], batch: [], epoch: [], back: [],
  run: [(x) => isWhole(x) && x >= 1 && x <= MAX_REPEAT],
  to: [(x) => typeof x === 'string'],
  set: [(x) => typeof x === 'string'],
  w: [isWhole, isWhole, isWhole, Number.isFinite],
  b: [isWhole, isWhole, Number.isFinite],
};

// Throws a LinkError('field') unless `call` is a known call with arguments of the right kinds.
function checkCall(call, where) {
  const checks = Array.isArray(call) ? CALL_ARGS[call[0]] : undefined;
  if (!checks || call.length !== checks.length + 2) throw new LinkError('field', where);
  const count = call.at(-1);
  if (!isWhole(count) || count < 1 || count > MAX_REPEAT) throw new LinkError('field', where);
  checks.forEach((check, k) => {
    if (!check(call[k + 1])) throw new LinkError('field', where);
  });
}

// Open `link` (checked) in the page: build its session aside, replay it, and only then put it in
// place. Throws a LinkError('replay') when the core refuses a step, leaving the page as it was.
export async function openLink(link) {
  const start = await startPlayground(link.source);
  const scratch = start.playground;
  const base = mergePatch(start.defaults, link.settings ?? {});
  try {
    if (link.source.generated) {
      const { name, points, noise, seed } = link.source.generated;
      scratch.loadGenerated(name, points, noise, seed, generatedOptions(link.source.generated, start.prep));
    } else if (link.source.csv) {
      scratch.loadCsv(start.text, csvOptions(link.source.csv, start.prep));
    }
    const nowText = scratch.toSession();
    const change = settingsPatch(base, settingsOfText(nowText));
    if (Object.keys(change).length > 0) scratch.configure(jsonText(corePatch(change, JSON.parse(nowText))));
    if (link.fresh) scratch.reset();
    replayCalls(scratch, link.calls ?? [], (what) => new LinkError('replay', what));
  } catch (error) {
    scratch.free();
    throw error instanceof LinkError ? error : new LinkError('replay', error);
  }
  replaceSession(scratch, start.pageSource);
  if (start.pageSource.kind === 'csv' && !start.pageSource.columns) start.pageSource.columns = columnsOf(JSON.parse(scratch.dataSummary()));
  const preset = link.source.preset ?? null;
  applyPageState({
    preset,
    selection: { layer: 0, row: 0, col: 0, input: 0, ...link.selection },
    view: { ...DEFAULT_VIEW, ...link.view },
    lang: link.lang ?? store.lang,
  });
  setLog({ source: logSource(link.source, start), settings: base, fresh: link.fresh === true, calls: link.calls ?? [] });
}

// The log's source for a link's source once opened.
function logSource(source, start) {
  if (source.preset) return { kind: 'preset', name: source.preset };
  if (source.generated) return { kind: 'generated', spec: source.generated, prep: start.prep };
  if (source.csv) return { kind: 'csv', csv: start.pageSource, prep: start.prep };
  return { kind: 'file', text: source.session };
}

// The Playground a link's source starts from (a preset's, the base preset for new data, or the
// session file), with what the page needs to know of it: { playground, pageSource (dataset.js's
// source), prep, text (a CSV's), defaults (its settings) }. Throws a LinkError('replay').
async function startPlayground(source) {
  const { Playground } = store;
  const fail = (error) => new LinkError('replay', error);
  const result = { prep: source.prep ?? null, text: null };
  try {
    if (source.preset) {
      const name = source.preset;
      if (!Playground.presets().includes(name) && !isCsvPreset(Playground, name)) throw new Error(`no preset ${JSON.stringify(name)}`);
      if (isCsvPreset(Playground, name)) {
        const text = await shippedCsv(Playground, name);
        result.playground = Playground.presetWithCsv(name, text);
        result.pageSource = { kind: 'csv', name, file: null, text, columns: null, target: null, task: 'auto' };
      } else {
        result.playground = Playground.fromSession(Playground.defaultSession(name));
        result.pageSource = { kind: 'session', preset: name };
      }
    } else if (source.session !== undefined) {
      result.playground = Playground.fromSession(source.session);
      result.pageSource = { kind: 'session' };
    } else {
      result.playground = Playground.fromSession(Playground.defaultSession(BASE_PRESET));
      if (source.generated) {
        result.pageSource = { kind: 'generated', ...source.generated };
      } else {
        const csv = source.csv;
        result.text = csv.text ?? await shippedCsv(Playground, csv.name);
        result.pageSource = { kind: 'csv', name: csv.name ?? null, file: csv.file ?? null, text: result.text,
          columns: csv.columns ?? null, target: csv.target ?? null, task: csv.task ?? 'auto' };
      }
    }
  } catch (error) {
    throw fail(error);
  }
  result.defaults = settingsOfText(result.playground.toSession());
  return result;
}

// The settings patch `change` as the core takes it: the seed's digits as a whole number, and a
// change of loss with the output layer and labels it needs (patches.js lossPatch).
function corePatch(change, session) {
  const patch = JSON.parse(JSON.stringify(change));
  if (patch.loss) {
    const withLoss = lossPatch(session, patch.loss);
    if (withLoss.data) patch.data = withLoss.data;
    patch.network ??= withLoss.network;
  }
  if (typeof patch.training?.seed === 'string') patch.training.seed = new Whole(patch.training.seed);
  return patch;
}

// ---- bytes ----------------------------------------------------------------------------------

// `bytes` through a compression or decompression stream.
async function streamBytes(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Bytes as base64url (RFC 4648 §5, no padding): safe in an address.
function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

// base64url text as bytes; throws on a character that is not base64url.
function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
