// The whole page state as a JSON-able object, and back: the session file (with its undo steps)
// for the core's part, and the store's selection, view, data source, preset and language. Save,
// autosave, share links, lessons and tests all go through these two functions.
import { store, DEFAULT_VIEW } from './state.js';
import { invalidate } from './scheduler.js';
import { replaceSession } from './dataset.js';
import { setLanguage } from './i18n.js';
import { checkHide } from './presenter-options.js';
import { logState, setLog } from './call-log.js';
import { keptProblem } from './kept-runs.js';

// The version this page writes; a snapshot of a newer version is refused, not misread.
export const SNAPSHOT_VERSION = 1;
// The undo steps a snapshot keeps: the newest that fit in about this much text.
export const UNDO_BYTES = 1 << 20;
const LANGS = ['en', 'zh'];
const SOURCE_KINDS = ['generated', 'csv', 'session'];

// The page state now, with the newest undo steps that fit in about `undoBytes` of text, and the
// log of calls a share link replays (call-log.js).
export function snapshot({ undoBytes = UNDO_BYTES } = {}) {
  return {
    version: SNAPSHOT_VERSION,
    session: store.playground.toSessionWithUndo(undoBytes),
    log: logState(),
    source: JSON.parse(JSON.stringify(store.data.source)),
    prep: { ...store.data.prep },
    preset: store.preset,
    selection: { ...store.selection },
    view: { ...store.view },
    lang: store.lang,
    presenter: { on: store.presenter.on, hide: [...store.presenter.hide] },
    quiz: { ...store.quiz },
    kept: JSON.parse(JSON.stringify(store.kept)),
  };
}

// A problem with a snapshot, naming the field: the page state is left as it was.
export class SnapshotError extends Error {
  constructor(field, expected, got) {
    super(`${field} must be ${expected}, got ${JSON.stringify(got)?.slice(0, 60) ?? String(got)}`);
    this.field = field;
    this.expected = expected;
    this.got = got;
  }
}

// Rebuild the page from `snap`: the same numbers, selection and view. Throws (a SnapshotError or
// the core's error for the session) and changes nothing when the snapshot is refused.
export function restore(snap) {
  const checked = checkSnapshot(snap);
  const next = store.Playground.fromSession(checked.session);
  replaceSession(next, checked.source);
  store.data.prep = { ...store.data.prep, ...checked.prep };
  applyPageState(checked);
  Object.assign(store.presenter, checked.presenter);
  invalidate('presenter');
  Object.assign(store.quiz, checked.quiz);
  store.kept = checked.kept;
  invalidate('quiz', 'kept');
  if (checked.log) setLog(checked.log);
}

// Put the page's own state in place after its session: the preset on show, the selection, the
// view and the language (a snapshot's, a link's).
export function applyPageState({ preset, selection, view, lang }) {
  store.preset = preset;
  Object.assign(store.selection, selection);
  Object.assign(store.view, view);
  store.lang = setLanguage(lang);
  invalidate('session', 'selection', 'view', 'lang');
}

// `snap` with every field checked, defaults for the view's missing fields; throws on a bad one.
export function checkSnapshot(snap) {
  if (snap === null || typeof snap !== 'object' || Array.isArray(snap)) throw new SnapshotError('snapshot', 'an object', snap);
  if (!Number.isInteger(snap.version) || snap.version < 1) throw new SnapshotError('version', 'a whole number ≥ 1', snap.version);
  if (snap.version > SNAPSHOT_VERSION) {
    throw new SnapshotError('version', `at most ${SNAPSHOT_VERSION} (it was made by a newer version of the page)`, snap.version);
  }
  if (typeof snap.session !== 'string') throw new SnapshotError('session', 'a session file’s text', snap.session);
  const source = snap.source ?? { kind: 'session' };
  if (typeof source !== 'object' || !SOURCE_KINDS.includes(source.kind)) {
    throw new SnapshotError('source.kind', SOURCE_KINDS.join(', '), source?.kind);
  }
  const prep = snap.prep ?? {};
  if (typeof prep !== 'object') throw new SnapshotError('prep', 'an object', prep);
  const preset = snap.preset ?? null;
  if (preset !== null && typeof preset !== 'string') throw new SnapshotError('preset', 'a preset name or null', preset);
  const selection = {};
  for (const key of ['layer', 'row', 'col', 'input']) {
    const value = snap.selection?.[key] ?? 0;
    if (!Number.isInteger(value) || value < 0) throw new SnapshotError(`selection.${key}`, 'a whole number ≥ 0', value);
    selection[key] = value;
  }
  const view = {};
  for (const [key, fallback] of Object.entries(DEFAULT_VIEW)) {
    const value = snap.view?.[key] ?? fallback;
    if (typeof value !== typeof fallback) throw new SnapshotError(`view.${key}`, `a ${typeof fallback}`, value);
    view[key] = value;
  }
  if (!['loss', 'accuracy', 'boundary'].includes(view.chart)) throw new SnapshotError('view.chart', 'loss, accuracy or boundary', view.chart);
  if (!Number.isInteger(view.rowStart) || view.rowStart < 0) throw new SnapshotError('view.rowStart', 'a whole number ≥ 0', view.rowStart);
  const lang = snap.lang ?? store.lang;
  if (!LANGS.includes(lang)) throw new SnapshotError('lang', LANGS.join(' or '), lang);
  // Snapshots made before presenter mode have none: the page stays as it is, as for the language.
  const presenter = { ...store.presenter, ...(snap.presenter ?? {}) };
  if (typeof presenter.on !== 'boolean') throw new SnapshotError('presenter.on', 'a boolean', presenter.on);
  const hideProblem = checkHide(presenter.hide);
  if (hideProblem) throw new SnapshotError('presenter.hide', hideProblem, presenter.hide);
  presenter.hide = [...presenter.hide];
  const log = snap.log ?? null;
  if (log !== null && (typeof log !== 'object' || !Array.isArray(log.calls) || typeof log.source !== 'object')) {
    throw new SnapshotError('log', 'a log of calls (call-log.js)', log);
  }
  // Snapshots made before quiz mode and kept runs have neither: quiz off, no runs, no score.
  const quiz = { on: false, right: 0, answered: 0, ...(snap.quiz ?? {}) };
  if (typeof quiz.on !== 'boolean') throw new SnapshotError('quiz.on', 'a boolean', quiz.on);
  for (const key of ['right', 'answered']) {
    if (!Number.isInteger(quiz[key]) || quiz[key] < 0) throw new SnapshotError(`quiz.${key}`, 'a whole number ≥ 0', quiz[key]);
  }
  if (quiz.right > quiz.answered) throw new SnapshotError('quiz.right', `at most quiz.answered (${quiz.answered})`, quiz.right);
  const kept = snap.kept ?? [];
  const keptWrong = keptProblem(kept);
  if (keptWrong) throw new SnapshotError('kept', keptWrong, kept);
  return {
    session: snap.session,
    source,
    prep,
    preset,
    selection,
    view,
    lang,
    presenter,
    log,
    quiz: { on: quiz.on, right: quiz.right, answered: quiz.answered },
    kept: JSON.parse(JSON.stringify(kept)),
  };
}
