// Where a lesson comes from: a built-in lesson by name ("article" is www/lessons/article.json), a
// file on the same site by its path (?lesson=lessons/mine.json), or a file the person opens from
// the disk. Read through assets.js, like every file of the page; a lesson on another site is
// refused, since its steps would drive this page. Each throws a LessonLoadError or a LessonError.
import { fileText } from './assets.js';
import { checkLesson, lessonNames } from './lesson.js';
import { proveLesson } from './lesson-setup.js';
import { checkSnapshot } from './snapshot.js';
import { presetNames } from './dataset.js';
import { store } from './state.js';

// A lesson file bigger than this is refused before it is read.
export const MAX_LESSON_BYTES = 1024 * 1024;
// A built-in lesson's name.
const NAME = /^[a-z0-9][a-z0-9-]*$/i;

// A problem loading a lesson, as a message of the table (`id`, `params`).
export class LessonLoadError extends Error {
  constructor(id, params = {}) {
    super(`${id} ${JSON.stringify(params)}`);
    this.id = id;
    this.params = params;
  }
}

// The path of lesson `source` relative to the page: a built-in name, or the path as given.
export function lessonPath(source) {
  return NAME.test(source) ? `www/lessons/${source}.json` : source;
}

// Whether `path` (relative to `base`, the page's address) stays on the page's own site.
export function onThisSite(path, base) {
  let url;
  try {
    url = new URL(path, base);
  } catch {
    return false;
  }
  const page = new URL(base);
  return url.protocol === page.protocol && url.origin === page.origin && (url.protocol !== 'file:' || url.host === page.host);
}

// The checked lesson named by `source`, fetched from this site.
export async function fetchLesson(source) {
  const path = lessonPath(source);
  if (!onThisSite(path, document.baseURI)) throw new LessonLoadError('lesson.error.otherSite', { source });
  let text;
  try {
    text = await fileText(path);
  } catch (error) {
    throw new LessonLoadError('lesson.error.fetch', { source, message: error.message });
  }
  return readLesson(text, source);
}

// The checked lesson in a file the person chose (a File).
export async function fileLesson(file) {
  if (file.size > MAX_LESSON_BYTES) throw new LessonLoadError('lesson.error.tooBig', { file: file.name, limit: '1 MB' });
  return readLesson(await file.text(), file.name);
}

// The lesson in `text` (from `name`): parsed, checked field by field, its setups tried. Returns
// { json, content }.
export async function readLesson(text, name) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The browser's words are English: where the mistake is says it in any language, when the
    // browser tells (some give a line and column, some a position).
    const at = /line (\d+) column (\d+)/.exec(error.message);
    if (at) throw new LessonLoadError('lesson.error.jsonAt', { source: name, line: at[1], column: at[2] });
    const position = /position (\d+)/.exec(error.message);
    if (position) {
      const before = text.slice(0, Number(position[1])).split('\n');
      throw new LessonLoadError('lesson.error.jsonAt', { source: name, line: before.length, column: before.at(-1).length + 1 });
    }
    throw new LessonLoadError('lesson.error.json', { source: name, message: error.message });
  }
  const content = checkLesson(json, { ...lessonNames(store.Playground, presetNames(store.Playground)), checkSnapshot });
  await proveLesson(content);
  return { json, content };
}

// The lesson and step an address asks for: ?lesson=NAME or PATH, &step=N (from 1); null for none.
export function lessonFromAddress(search) {
  const params = new URLSearchParams(search);
  const source = params.get('lesson')?.trim();
  if (!source) return null;
  const step = Number(params.get('step'));
  return { source, step: Number.isInteger(step) && step >= 1 ? step - 1 : 0, preset: params.has('preset') };
}
