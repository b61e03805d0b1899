// The whole page state as a JSON-able object, and back: the session file (with its undo steps)
// for the core's part, and the store's selection, view, data source, preset, language and lesson.
// Save, autosave, share links, lessons and tests all go through these two functions.
import { store, DEFAULT_VIEW, closedLesson } from './state.js';
import { invalidate } from './scheduler.js';
import { replaceSession, presetNames } from './dataset.js';
import { setLanguage } from './i18n.js';
import { checkLesson, lessonNames } from './lesson.js';
import { checkHide } from './presenter-options.js';
import { logState, setLog } from './call-log.js';
import { keptProblem } from './kept-runs.js';

// The version this page writes; a snapshot of a newer version is refused, not misread.
// Version 2 adds the lesson, quiz mode and kept runs; a version 1 snapshot restores without them.
export const SNAPSHOT_VERSION = 2;
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
    lesson: lessonSnapshot(),
    presenter: { on: store.presenter.on, hide: [...store.presenter.hide] },
    quiz: { ...store.quiz },
    kept: JSON.parse(JSON.stringify(store.kept)),
  };
}

// The lesson part of a snapshot: where the lesson came from (the file itself only when the person
// opened it from the disk, since it cannot be fetched again), the step, whether the panel is
// open and the checks met; null when no lesson is loaded.
export function lessonSnapshot() {
  const { source, file, json, content, step, open, met } = store.lesson;
  if (source === null && !content) return null;
  const part = { source, step, open, met: JSON.parse(JSON.stringify(met)) };
  if (source === null) Object.assign(part, { file, json });
  return part;
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
  store.lesson = checked.lesson;
  invalidate('presenter', 'lesson');
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
    lesson: checkLessonPart(snap.lesson ?? null),
    quiz: { on: quiz.on, right: quiz.right, answered: quiz.answered },
    kept: JSON.parse(JSON.stringify(kept)),
  };
}

// The store's lesson for a snapshot's lesson part. A lesson from an address keeps what the page
// has loaded when it is the same (views/lesson.js loads it otherwise); a file's lesson is checked.
function checkLessonPart(part) {
  if (part === null) return closedLesson();
  if (typeof part !== 'object' || Array.isArray(part)) throw new SnapshotError('lesson', 'an object or null', part);
  const { source, step, open, met } = part;
  if (source !== null && (typeof source !== 'string' || source === '')) throw new SnapshotError('lesson.source', 'a lesson\'s name or path, or null', source);
  if (typeof open !== 'boolean') throw new SnapshotError('lesson.open', 'true or false', open);
  if (!Number.isInteger(step) || step < 0) throw new SnapshotError('lesson.step', 'a whole number ≥ 0', step);
  checkMet(met);
  let content = source !== null && source === store.lesson.source ? store.lesson.content : null;
  let json = null;
  if (source === null) {
    try {
      content = checkLesson(part.json, { ...lessonNames(store.Playground, presetNames(store.Playground)), checkSnapshot });
    } catch (error) {
      throw new SnapshotError(`lesson.json.${error.field ?? ''}`, 'a lesson (docs/lesson-format.md)', error.message);
    }
    json = part.json;
  }
  if (content && step >= content.steps.length) throw new SnapshotError('lesson.step', `less than ${content.steps.length}`, step);
  const file = source === null && typeof part.file === 'string' ? part.file : null;
  return { ...closedLesson(), source, file, json, content, step, open, met: JSON.parse(JSON.stringify(met)) };
}

// The checks met: { step: { check: epoch } }, whole numbers.
function checkMet(met) {
  if (met === null || typeof met !== 'object' || Array.isArray(met)) throw new SnapshotError('lesson.met', 'an object', met);
  for (const [step, checks] of Object.entries(met)) {
    if (!/^\d+$/.test(step) || checks === null || typeof checks !== 'object' || Array.isArray(checks)) {
      throw new SnapshotError(`lesson.met.${step}`, 'an object of the checks met', checks);
    }
    for (const [check, epoch] of Object.entries(checks)) {
      if (!/^\d+$/.test(check) || !Number.isInteger(epoch) || epoch < 0) {
        throw new SnapshotError(`lesson.met.${step}.${check}`, 'the epoch it was met at (a whole number ≥ 0)', epoch);
      }
    }
  }
}
