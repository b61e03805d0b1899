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

// Show the equations of trace.last_phase for the current selection. The paragraphs are kept from
// one step to the next and their texts changed: new ones cost the browser their styles as well as
// their layout, at every step.
export function renderEquations({ trace }) {
  const { layer, lines } = buildEquations(trace, selection);
  const shown = layer === null ? lines : [...lines, { kind: 'hint', text: t('eq.hint') }];
  const kept = view.children;
  shown.forEach(({ kind, text }, i) => {
    const p = kept[i] ?? view.appendChild(document.createElement('p'));
    const className = `eq eq-${kind}`;
    if (p.className !== className) p.className = className;
    if (p.textContent !== text) p.textContent = text;
  });
  while (kept.length > shown.length) view.lastElementChild.remove();
  view.dataset.phase = trace.last_phase ?? '';
}
