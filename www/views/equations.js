// The equations panel: the formula of the phase just performed, with the trace's numbers
// written in for the selected sample and unit (see formulas.js, which builds the lines).
import { t } from '../i18n.js';
import { selection } from '../state.js';
import { buildEquations } from '../formulas.js';

const view = document.getElementById('equations-view');

// The paragraphs of equation lines (formulas.js), as the panel shows them; the quiz's feedback
// shows the same.
export function equationNodes(lines) {
  return lines.map(({ kind, text }) => {
    const p = document.createElement('p');
    p.className = `eq eq-${kind}`;
    p.textContent = text;
    return p;
  });
}

// Show the equations of trace.last_phase for the current selection.
export function renderEquations({ trace }) {
  const { layer, lines } = buildEquations(trace, selection);
  const nodes = equationNodes(lines);
  if (layer !== null) {
    const hint = document.createElement('p');
    hint.className = 'eq eq-hint';
    hint.textContent = t('eq.hint');
    nodes.push(hint);
  }
  view.replaceChildren(...nodes);
  view.dataset.phase = trace.last_phase ?? '';
}
