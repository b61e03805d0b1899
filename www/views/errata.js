// The errata note of the worked-example preset: the article's numbers for section 4.3 beside the
// correct ones (docs: source-article.md), so a class comparing with the article knows whom to trust.
import { t } from '../i18n.js';
import { setHidden } from '../dom.js';

const errata = document.getElementById('errata');
const table = document.getElementById('errata-table');
const why = document.getElementById('errata-why');

// The preset that shows the note.
const PRESET = 'worked-example';

// Sample 1, one step at α = 0.1: [quantity, what the article says, the correct value]. Numbers
// are written as the article writes them; words among them come from the message table.
const ROWS = [
  ['errata.yhat', '[0.5, 0.5]', '[1.5, 1.5]'],
  ['errata.loss', '2.25', '4.25'],
  ['errata.dw', '[−1.5, −1.5]', '[[−1.5, −2.5], [−3, −5]]'],
  ['errata.db', '−2.5', '[−1.5, −2.5]'],
  ['errata.w', { id: 'errata.w.article' }, '[[0.65, 0.75], [0.80, 1.00]]'],
  ['errata.b', { id: 'errata.b.article' }, '[0.15, 0.25]'],
  ['errata.newYhat', '[1.4, 1.4]', '[2.4, 3.0]'],
  ['errata.newLoss', '1.29', '0.68'],
];

// Show the note when `preset` is the worked example and nothing hides it (quiz mode: it holds the
// answers), filling its table once (again in another language: `relabel`).
export function renderErrata(preset, relabel = false, hidden = false) {
  setHidden(errata, preset !== PRESET || hidden);
  if (relabel) table.replaceChildren();
  if (errata.hidden || table.rows.length > 0) return;
  const head = table.createTHead().insertRow();
  for (const id of ['errata.quantity', 'errata.article', 'errata.correct']) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = t(id);
    head.append(cell);
  }
  const body = table.createTBody();
  for (const [quantity, article, correct] of ROWS) {
    const row = body.insertRow();
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = t(quantity);
    row.append(name);
    row.insertCell().textContent = typeof article === 'string' ? article : t(article.id);
    row.lastChild.className = 'errata-wrong';
    row.insertCell().textContent = correct;
    row.lastChild.className = 'errata-right';
  }
  why.textContent = t('errata.why');
}
