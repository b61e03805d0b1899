// Quiz mode's switch (in the header) and its box above the equations: the question for the next
// phase, the answer field, the feedback (role="status") and the score. What is asked and checked
// is quiz.js's; this module shows it and passes the typed answer on.
import { t } from '../i18n.js';
import { store } from '../state.js';
import { invalidate } from '../scheduler.js';
import { answerQuiz, quizFeedback, currentQuestion, setQuizOn } from '../quiz.js';
import { questionSymbol } from '../quiz-check.js';
import { buildEquations } from '../formulas.js';
import { formatNumber } from '../format.js';
import { equationNodes } from './equations.js';
import { setAttr, setHidden, setText } from '../dom.js';

const button = document.getElementById('quiz-button');
const box = document.getElementById('quiz');
const question = document.getElementById('quiz-question');
const field = document.getElementById('quiz-answer');
const checkButton = document.getElementById('quiz-check');
const feedback = document.getElementById('quiz-feedback');
const score = document.getElementById('quiz-score');

// The feedback on show and the language it was worded in: worded again only when either changes.
let shownFeedback = null;
// A problem with the typed text ({ text }), shown instead of feedback until the next answer.
let problem = null;

// The question's words: what the next phase computes, which cell, of which sample: its place in
// the batch and its row of the data, as the equations name it; before Forward(1) draws the batch,
// its place in the next batch (a batch of one sample is always "sample 1").
function questionText(q) {
  const symbol = questionSymbol(q);
  const sample = q.dataRow === null
    ? t('quiz.sample.next', { sample: q.row + 1 })
    : t('quiz.sample.row', { sample: q.row + 1, m: q.m, row: q.dataRow + 1 });
  return t(`quiz.ask.${q.name}`, { symbol, layer: q.layer + 1, sample });
}

// The feedback's nodes: right or wrong with the core's value; when wrong, the equation of the
// phase just performed with its numbers, as the equations panel writes it.
function feedbackNodes(last) {
  const symbol = questionSymbol(last.question);
  const value = formatNumber(last.value);
  const verdict = document.createElement('p');
  verdict.className = last.right ? 'quiz-verdict is-right' : 'quiz-verdict is-wrong';
  verdict.textContent = last.right
    ? t('quiz.right', { symbol, value })
    : t('quiz.wrong', { symbol, value, answer: formatNumber(last.answer) });
  if (last.right) return [verdict];
  const { lines } = buildEquations(last.trace, last.question);
  const equations = document.createElement('div');
  equations.className = 'quiz-equations';
  // The lines with the numbers written in: the panel below keeps the formulas and the notes.
  equations.append(...equationNodes(lines.filter((line) => line.kind === 'numbers')));
  return [verdict, equations];
}

// Show quiz mode: the switch, and when on the question of the next phase, the feedback and the score.
export function renderQuiz({ phase, trace, parts }) {
  const { on, right, answered } = store.quiz;
  setAttr(button, 'aria-pressed', String(on));
  setHidden(box, !on);
  if (!on) return;
  const q = currentQuestion(phase, trace);
  setText(question, q ? questionText(q) : t('quiz.none'));
  field.disabled = !q;
  checkButton.disabled = !q;
  setText(score, t('quiz.score', { right, answered }));
  const relabel = parts.has('lang');
  if (problem) {
    if (relabel || shownFeedback !== problem) {
      shownFeedback = problem;
      const p = document.createElement('p');
      p.className = 'quiz-verdict is-wrong';
      p.textContent = problem.text.trim() === '' ? t('quiz.empty') : t('quiz.notNumber', { text: problem.text });
      feedback.replaceChildren(p);
    }
  } else if (relabel || shownFeedback !== quizFeedback.last) {
    shownFeedback = quizFeedback.last;
    feedback.replaceChildren(...(quizFeedback.last ? feedbackNodes(quizFeedback.last) : []));
  }
}

// Check the typed answer; the field empties for the next question, or keeps a text that is no number.
function submit() {
  const done = answerQuiz(field.value);
  if (done.problem === 'notNumber') {
    problem = { text: done.text };
    // Nothing in the session changed: only the quiz's box is drawn again.
    invalidate('quiz');
    return;
  }
  problem = null;
  if (!done.problem) field.value = '';
}

// Wire the switch, the field (Enter checks) and the Check button; main.js calls it once.
export function wireQuiz() {
  button.addEventListener('click', () => setQuizOn(!store.quiz.on));
  field.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    submit();
  });
  checkButton.addEventListener('click', submit);
}
