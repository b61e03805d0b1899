// The guided lesson's panel: a strip under the page (a drawer on a small screen) that walks
// through a lesson's numbered steps. Each step shows its text, sets up the page (lesson-setup.js),
// highlights a part of it (lesson-mark.js) and may hold a task whose goal the page checks after
// every redraw (tasks.js). The step is page state: store.lesson, in snapshots and the address.
// Opened from the header's button, or by ?lesson=article&step=N; Page Down / Page Up step.
import { t, currentTable } from '../i18n.js';
import { coreMessage } from '../core-errors.js';
import { store, closedLesson } from '../state.js';
import { invalidate } from '../scheduler.js';
import { config } from '../config.js';
import { dataset } from '../dataset.js';
import { isPlaying } from '../player.js';
import { holds } from '../tasks.js';
import { applyStep, rebuildStep } from '../lesson-setup.js';
import { fetchLesson, fileLesson, lessonFromAddress, LessonLoadError } from '../lesson-file.js';
import { wireMark, showMark, placeMark, revealTarget, labelOf } from './lesson-mark.js';
import { setHidden, setText, setAttr } from '../dom.js';

// The built-in lesson the header's button opens.
const BUILT_IN = 'article';
// While playing, the task is checked at most this often (ms): reading the history every frame
// would cost the frame; the check after the player stops is never skipped.
const CHECK_MS = 250;

const panel = document.getElementById('lesson');
const headerButton = document.getElementById('lesson-button');

// The panel's parts, built once by build().
const ui = {};
// Whether a step is being set up (the buttons wait), and what the panel last drew.
const busy = { now: false };
const drawn = { painted: false, shownStep: null };
// The problem on show: a function that words it in the page's language, or null.
let problem = null;
// The lesson the address asked for at boot (read before the panel first keeps the address on
// the lesson on show, which would drop it), and whether the boot has opened it.
const address = { asked: null, started: false };
// The load of a lesson a restored snapshot named (reload), which the boot waits for.
const loading = { done: Promise.resolve() };
// When the task was last checked, and whether a check waits for the player.
const checked = { at: -Infinity, queued: false };

// An element of `tag` with a class name and, optionally, a message as its text.
function element(tag, className, id = null) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (id) el.textContent = t(id);
  return el;
}

// Build the panel's parts inside #lesson, once: a head line (the lesson, the step menu, which
// is the step's title, and the buttons), then the step's text beside its task.
function build() {
  const head = element('div', 'lesson-head');
  ui.heading = element('h2', 'lesson-heading');
  ui.heading.id = 'lesson-heading';
  ui.name = element('span', 'lesson-name');
  ui.stepsLabel = element('label', 'lesson-steps');
  ui.stepsText = element('span', 'visually-hidden');
  ui.steps = element('select', '');
  ui.steps.id = 'lesson-steps';
  ui.stepsLabel.append(ui.stepsText, ui.steps);
  const button = (className, id) => {
    const el = element('button', className);
    el.type = 'button';
    if (id) el.id = id;
    return el;
  };
  ui.back = button('lesson-back', 'lesson-back');
  ui.next = button('lesson-next primary', 'lesson-next');
  const nav = element('div', 'lesson-nav');
  nav.append(ui.back, ui.next);
  ui.open = button('lesson-open small', 'lesson-open');
  ui.file = document.createElement('input');
  ui.file.type = 'file';
  ui.file.id = 'lesson-file';
  ui.file.accept = '.json,application/json';
  ui.file.hidden = true;
  ui.drawer = button('lesson-drawer small', null);
  ui.drawer.setAttribute('aria-expanded', 'true');
  ui.close = button('lesson-close small', 'lesson-close');
  const more = element('div', 'lesson-more');
  more.append(ui.open, ui.file, ui.drawer, ui.close);
  head.append(ui.heading, ui.name, ui.stepsLabel, nav, more);

  const main = element('div', 'lesson-main');
  ui.text = element('div', 'lesson-text');
  ui.look = element('p', 'lesson-look');
  main.append(ui.text, ui.look);
  // A long text scrolls in its box, which the keyboard reaches to scroll it (as the equations).
  main.tabIndex = 0;
  main.setAttribute('aria-labelledby', 'lesson-heading');

  ui.task = element('section', 'lesson-task');
  ui.taskHead = element('h3', 'lesson-task-head');
  ui.taskHead.id = 'lesson-task-head';
  ui.taskName = element('span', '');
  ui.taskState = element('span', 'lesson-task-state');
  ui.taskHead.append(ui.taskName, ui.taskState);
  ui.taskText = element('div', 'lesson-task-text');
  ui.checks = element('ul', 'lesson-checks');
  ui.task.append(ui.taskHead, ui.taskText, ui.checks);
  ui.task.tabIndex = 0;
  ui.task.setAttribute('aria-labelledby', 'lesson-task-head');

  ui.problem = element('p', 'lesson-problem');
  ui.problem.setAttribute('role', 'alert');
  ui.problem.hidden = true;
  ui.status = element('p', 'visually-hidden');
  ui.status.id = 'lesson-status';
  ui.status.setAttribute('role', 'status');
  panel.append(head, main, ui.task, ui.problem, ui.status);
  panel.setAttribute('aria-labelledby', 'lesson-heading');
}

// Wire the header's button, the panel's buttons and the mark.
export function wireLesson() {
  address.asked = lessonFromAddress(window.location.search);
  build();
  wireMark();
  headerButton.addEventListener('click', toggleLesson);
  ui.next.addEventListener('click', nextStep);
  ui.back.addEventListener('click', previousStep);
  ui.steps.addEventListener('change', () => goTo(Number(ui.steps.value), 'jump'));
  ui.close.addEventListener('click', () => setOpen(false));
  ui.drawer.addEventListener('click', () => {
    const folded = panel.classList.toggle('is-folded');
    ui.drawer.setAttribute('aria-expanded', String(!folded));
  });
  ui.open.addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => {
    const [file] = ui.file.files;
    ui.file.value = '';
    if (file) openFile(file);
  });
}

// Open the lesson the address asks for (?lesson=…&step=N), at boot. With ?preset= too, the page
// keeps the preset asked for and shows the step's words only (the preset menu reloads the page
// with the lesson's address kept).
// Work kept by autosave that was restored on this very step (a reload) is shown as it was kept,
// not set up again.
export async function startLesson() {
  const { asked } = address;
  // A kept lesson being loaded (reload below) finishes first.
  await loading.done;
  const lesson = store.lesson;
  const kept = asked && lesson.source === asked.source && lesson.step === asked.step && lesson.content;
  if (asked && !kept) await openSource(asked.source, asked.step, { setUp: !asked.preset });
  address.started = true;
  invalidate('lesson');
}

// A share link's lesson ({ source, step } from 1): shown at its step as the link left the page,
// without setting the step up again (the link's calls have rebuilt the page already).
export async function openLinkedLesson({ source, step }) {
  await openSource(source, step - 1, { setUp: false });
}

// Whether the panel shows a lesson's step (the keys Page Down / Page Up step it then).
export function lessonShowing() {
  return store.lesson.open && store.lesson.content !== null;
}

// The header's button: open the panel (the built-in lesson at its first step, if none is
// loaded), or close it. Closing keeps the step, so opening again shows it as it was.
export function toggleLesson() {
  if (store.lesson.open) {
    setOpen(false);
  } else if (store.lesson.content || store.lesson.source !== null) {
    setOpen(true);
  } else {
    openSource(BUILT_IN, 0, { setUp: true });
  }
}

// Show or hide the panel.
function setOpen(open) {
  store.lesson.open = open;
  invalidate('lesson');
}

// The next step: its setup from where the page is.
export function nextStep() {
  if (!lessonShowing() || store.lesson.step + 1 >= store.lesson.content.steps.length) return;
  goTo(store.lesson.step + 1, 'next');
}

// The step before, as a link to it would show it.
export function previousStep() {
  if (!lessonShowing() || store.lesson.step === 0) return;
  goTo(store.lesson.step - 1, 'back');
}

// Show step `index`: 'next' sets it up from where the page is, 'back' and 'jump' rebuild it.
async function goTo(index, how) {
  if (busy.now) return;
  busy.now = true;
  clearProblem();
  store.lesson.step = index;
  invalidate('lesson');
  try {
    await (how === 'next' ? applyStep : rebuildStep)(store.lesson.content, index);
  } catch (error) {
    showProblem(error, index);
  } finally {
    busy.now = false;
    invalidate('lesson');
  }
}

// Load lesson `source` (a name or a path on this site) and show step `step`, set up (rebuilt, as
// a link to it shows it) when `setUp`. A problem shows in the panel; the page stays as it was.
async function openSource(source, step, { setUp }) {
  await openWith(() => fetchLesson(source), { source, file: null }, step, setUp);
}

// Open a lesson file the person chose, at its first step.
async function openFile(file) {
  await openWith(() => fileLesson(file), { source: null, file: file.name }, 0, true);
}

// Read a lesson with `read`, put it in the store as `origin` at `step` and show it.
async function openWith(read, origin, step, setUp) {
  if (busy.now) return;
  busy.now = true;
  clearProblem();
  store.lesson.open = true;
  invalidate('lesson');
  try {
    const { json, content } = await read();
    const at = Math.min(step, content.steps.length - 1);
    store.lesson = { ...closedLesson(), ...origin, json: origin.source === null ? json : null, content, step: at, open: true };
    invalidate('lesson');
    if (setUp) await rebuildStep(content, at);
  } catch (error) {
    showProblem(error, null);
  } finally {
    busy.now = false;
    invalidate('lesson');
  }
}

// Show a problem in the panel: a load error, a refused lesson file, or a step's setup the page
// refused (of step `index`).
function showProblem(error, index) {
  console.warn(error);
  problem = () => {
    if (error instanceof LessonLoadError) return t(error.id, error.params);
    const message = coreMessage(error, currentTable());
    return index === null ? t('lesson.error.file', { message }) : t('lesson.error.setup', { step: index + 1, message });
  };
  invalidate('lesson');
}

// Forget the problem on show, and what was announced about the step before.
function clearProblem() {
  problem = null;
  setText(ui.status, '');
}

// Draw the panel from the store; check the task after every redraw of the core's numbers.
export function renderLesson(context) {
  const { parts } = context;
  const lesson = store.lesson;
  // A lesson of an address that a restored snapshot named: loaded now, shown as it was.
  if (lesson.source !== null && !lesson.content && !busy.now) reload(lesson);
  if (parts.has('lesson') || parts.has('lang') || !drawn.painted) paint();
  if (!lessonShowing()) return;
  if (parts.has('session') || parts.has('lesson') || parts.has('lesson-task')) checkTask(context);
  if (parts.size > 0 && !isPlaying()) placeMark();
}

// Load the lesson a restored snapshot names, keeping its step and checks.
function reload(lesson) {
  busy.now = true;
  const { source, step, open, met } = lesson;
  loading.done = fetchLesson(source).then(({ content }) => {
    if (store.lesson.source !== source) return;
    store.lesson = { ...closedLesson(), source, content, step: Math.min(step, content.steps.length - 1), open, met };
  }).catch((error) => showProblem(error, null)).finally(() => {
    busy.now = false;
    invalidate('lesson');
  });
}

// Paint the panel: hidden, or the lesson's step with its task, the problem, the buttons.
function paint() {
  const lesson = store.lesson;
  const open = lesson.open;
  drawn.painted = true;
  // For tests and styles: the step on show, and whether one is being set up.
  panel.dataset.step = String(lesson.step);
  panel.dataset.busy = String(busy.now);
  setAttr(headerButton, 'aria-expanded', String(open));
  headerButton.classList.toggle('is-open', open);
  setHidden(panel, !open);
  if (document.body.classList.contains('has-lesson') !== open) {
    // Beside the lesson the page's type follows the panels' width (lesson.css): the views that
    // keep measures of the type measure again, and draw again.
    document.documentElement.classList.toggle('has-lesson', open);
    document.body.classList.toggle('has-lesson', open);
    window.dispatchEvent(new Event('resize'));
    invalidate('view');
  }
  setText(ui.problem, problem ? problem() : '');
  setHidden(ui.problem, !problem);
  if (address.started) syncAddress(lesson);
  const content = lesson.content;
  const step = content?.steps[lesson.step] ?? null;
  ui.heading.textContent = t('lesson.heading');
  setText(ui.name, content ? content.title[store.lang] : t(busy.now ? 'lesson.loading' : 'lesson.none'));
  ui.heading.title = ui.name.textContent;
  ui.stepsText.textContent = t('lesson.goTo');
  ui.back.textContent = t('lesson.back');
  ui.back.title = t('lesson.back.tip');
  ui.next.textContent = t('lesson.next');
  ui.next.title = t('lesson.next.tip');
  ui.open.textContent = t('lesson.openFile');
  ui.open.title = t('lesson.openFile.tip');
  ui.close.textContent = t('lesson.close');
  ui.close.title = t('lesson.close.tip');
  ui.drawer.textContent = t('lesson.fold');
  ui.back.disabled = !step || lesson.step === 0 || busy.now;
  ui.next.disabled = !step || lesson.step + 1 >= content.steps.length || busy.now;
  ui.steps.disabled = !step || busy.now;
  paintSteps(content, lesson.step);
  setHidden(ui.text, !step);
  if (!step) {
    setHidden(ui.look, true);
    setHidden(ui.task, true);
    showMark(null);
    drawn.shownStep = null;
    return;
  }
  ui.text.replaceChildren(...richText(step.text[store.lang]));
  setHidden(ui.look, !step.highlight);
  if (step.highlight) setText(ui.look, t('lesson.lookAt', { label: labelOf(step.highlight) }));
  panel.classList.toggle('has-task', Boolean(step.task));
  paintTask(step.task, lesson.met[lesson.step] ?? {});
  showMark(step.highlight);
  // A step just come to: its highlighted part into view.
  const shownStep = `${lesson.source}:${lesson.file}:${lesson.step}`;
  if (drawn.shownStep !== shownStep && !busy.now) {
    drawn.shownStep = shownStep;
    revealTarget(step.highlight);
  }
}

// The step menu, which is the step's title: one entry per step, the one on show chosen.
function paintSteps(content, at) {
  const total = content?.steps.length;
  const titles = content ? content.steps.map((s, i) => t('lesson.stepTitle', { n: i + 1, total, title: s.title[store.lang] })) : [];
  const same = ui.steps.options.length === titles.length && titles.every((title, i) => ui.steps.options[i].textContent === title);
  if (!same) {
    ui.steps.replaceChildren(...titles.map((title, i) => {
      const option = document.createElement('option');
      option.value = String(i);
      option.textContent = title;
      return option;
    }));
  }
  if (content) {
    ui.steps.value = String(at);
    ui.steps.title = titles[at];
  }
}

// The task of the step: its text, and each check's state (met, with the epoch it was met at).
function paintTask(task, met) {
  setHidden(ui.task, !task);
  if (!task) return;
  const done = task.checks.every((_, i) => i in met);
  setText(ui.taskName, t('lesson.task'));
  setText(ui.taskState, t(done ? 'lesson.task.met' : 'lesson.task.open'));
  ui.task.classList.toggle('is-met', done);
  ui.taskText.replaceChildren(...richText(task.text[store.lang]));
  // A task of one goal without words of its own lists it only once met, with its epoch.
  const listed = task.checks.map((check, i) => [check, i]).filter(([check, i]) => check.text || i in met);
  const items = listed.map(([check, i]) => {
    const item = document.createElement('li');
    const isMet = i in met;
    item.className = isMet ? 'is-met' : '';
    item.dataset.met = String(isMet);
    const mark = element('span', 'lesson-check-mark');
    mark.textContent = isMet ? '✓' : '○';
    mark.setAttribute('aria-hidden', 'true');
    const words = check.text ? check.text[store.lang] : t('lesson.task.goal');
    const text = element('span', '');
    text.textContent = isMet ? t('lesson.check.metAt', { check: words, epoch: met[i] }) : t('lesson.check.open', { check: words });
    item.append(mark, text);
    return item;
  });
  ui.checks.replaceChildren(...items);
}

// Check the task of the step on show against the core's numbers now; mark and announce each
// check that holds for the first time (a check met stays met).
function checkTask(context) {
  const { content, step, met } = store.lesson;
  const task = content.steps[step]?.task;
  if (!task) return;
  const done = met[step] ?? {};
  const open = task.checks.map((check, i) => [check, i]).filter(([, i]) => !(i in done));
  if (open.length === 0) return;
  const now = performance.now();
  if (isPlaying() && now - checked.at < CHECK_MS) {
    // Checked again a little later: the redraw after the player stops may fall within CHECK_MS.
    if (!checked.queued) {
      checked.queued = true;
      setTimeout(() => {
        checked.queued = false;
        invalidate('lesson-task');
      }, CHECK_MS);
    }
    return;
  }
  checked.at = now;
  let history = null;
  const facts = {
    trace: context.trace,
    // The last epoch's figures are all a task reads: not the whole history of a long play.
    history: () => (history ??= JSON.parse(store.playground.historyTail(1)).history),
    session: config.session,
    source: store.data.source,
    summary: dataset.summary,
    trainRows: config.trainRows,
  };
  const newly = open.filter(([check]) => holds(check.goal, facts));
  if (newly.length === 0) return;
  const epoch = context.trace.epochs_done;
  met[step] = { ...done, ...Object.fromEntries(newly.map(([, i]) => [i, epoch])) };
  const all = task.checks.every((_, i) => i in met[step]);
  const words = (check) => (check.text ? check.text[store.lang] : t('lesson.task.goal'));
  setText(ui.status, all ? t('lesson.announce.task', { n: step + 1 }) : newly.map(([check]) => t('lesson.announce.check', { check: words(check), epoch })).join(' '));
  invalidate('lesson');
}

// Keep the address on the lesson and step on show (a reload, or the preset menu, comes back to
// it); a lesson opened from the disk or a closed panel leaves the address without them.
function syncAddress(lesson) {
  const url = new URL(window.location.href);
  if (lesson.open && lesson.source !== null) {
    url.searchParams.set('lesson', lesson.source);
    url.searchParams.set('step', String(lesson.step + 1));
  } else {
    url.searchParams.delete('lesson');
    url.searchParams.delete('step');
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url.href);
}

// A lesson's text as paragraphs (one per line), *words between stars* emphasised: built from
// text nodes and <strong> elements, never read as HTML, since a lesson is a teacher's file.
export function richText(text) {
  return text.split(/\n+/).filter((line) => line.trim() !== '').map((line) => {
    const p = document.createElement('p');
    let at = 0;
    for (const match of line.matchAll(/\*([^*]+)\*/g)) {
      p.append(line.slice(at, match.index));
      const strong = document.createElement('strong');
      strong.textContent = match[1];
      p.append(strong);
      at = match.index + match[0].length;
    }
    p.append(line.slice(at));
    return p;
  });
}
