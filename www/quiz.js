// Quiz mode, "predict, then reveal": while it is on, the page asks for the value that the next
// phase will compute (the cell chosen in the equations) before the phase is performed, so the value
// exists nowhere on the page until the answer is in; Enter checks the answer against the core's
// value once the phase is performed, which reveals it. A lesson step (or any script) uses these
// functions: setQuizOn, askFor a cell, currentQuestion, answerQuiz.
import { store, setQuiz, select, sessionChanged } from './state.js';
import { pause } from './player.js';
import { unpackTrace } from './trace.js';
import { questionFor, valueOf, parseAnswer, isRight, quizFromAddress } from './quiz-check.js';

// The last answer checked, for the view: { right, answer, value, question, trace } (the trace
// the phase left, whose equations the feedback shows), or null. Not page state: a reload asks afresh.
export const quizFeedback = { last: null };

// Quiz mode as the address asks (?quiz=1), at boot; whether it said anything.
export function startQuiz(search = window.location.search) {
  const on = quizFromAddress(search);
  if (on !== null) store.quiz.on = on;
  return on !== null;
}

// Turn quiz mode on or off; the score stays for the session.
export function setQuizOn(on) {
  if (!on) quizFeedback.last = null;
  setQuiz({ on: Boolean(on) });
}

// Ask for a given cell ({layer, row, col, input}, 0-based; missing parts stay as selected) of
// the next phase: a lesson step's question. Turns quiz mode on.
export function askFor(cell = {}) {
  const patch = {};
  for (const key of ['layer', 'row', 'col', 'input']) if (Number.isInteger(cell[key])) patch[key] = cell[key];
  select(patch);
  setQuizOn(true);
}

// The question open now ({ name, layer, row, col, input }), or null (quiz off, training stopped).
export function currentQuestion(phase = store.playground.phase(), trace = null) {
  if (!store.quiz.on) return null;
  const shown = trace ?? unpackTrace(store.playground.traceFocusPacked(0));
  return questionFor(phase, shown, store.selection);
}

// Check `text` as the answer to the open question: perform the phase (which reveals the value),
// compare with the core's value and count it in the score. Returns the feedback, or
// { problem: 'notNumber' | 'none' } and changes nothing.
export function answerQuiz(text) {
  const { playground } = store;
  const phase = playground.phase();
  if (!currentQuestion(phase)) return { problem: 'none' };
  const answer = parseAnswer(text);
  if (answer === null) return { problem: 'notNumber', text: String(text) };
  pause();
  playground.step('phase');
  const trace = JSON.parse(playground.trace());
  // The cell again with the batch's own sizes, now that its rows are drawn.
  const question = questionFor(phase, trace, store.selection);
  const value = valueOf(trace, question);
  const right = isRight(answer, value);
  quizFeedback.last = { right, answer, value, question, trace };
  setQuiz({ right: store.quiz.right + (right ? 1 : 0), answered: store.quiz.answered + 1 });
  sessionChanged();
  return quizFeedback.last;
}
