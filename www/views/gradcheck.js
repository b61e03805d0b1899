// The gradient check: the core compares backprop's ∂J/∂W and ∂J/∂b with central finite differences
// on the current batch and returns the largest relative error per layer; this view shows them.
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';

const button = document.getElementById('gradcheck-run');
const result = document.getElementById('gradcheck-result');

// What the shown result was computed for; a step or an edit makes it stale.
let shownFor = null;

// The moment a result belongs to: the batch, the phases done in it and the parameters' history.
const momentOf = (trace) => JSON.stringify([trace.epoch, trace.batch, trace.last_phase, trace.undo_depth, trace.layers.map((l) => l.w)]);

// The result on show (per layer {w, b, agree}), to word again in another language.
let shownLayers = null;

// Wire the button: one click runs the check on `playground` and shows each layer's errors.
export function wireGradcheck(playground) {
  button.addEventListener('click', () => {
    const trace = JSON.parse(playground.traceFocus(0));
    shownLayers = JSON.parse(playground.gradientCheck());
    showLayers(shownLayers);
    result.hidden = false;
    shownFor = momentOf(trace);
  });
}

// One line per layer: the largest relative errors and the core's verdict.
function showLayers(layers) {
  result.replaceChildren(...layers.map((errors, l) => {
    const item = document.createElement('li');
    // The core's verdict: it knows what float64 resolves at this parameter's size.
    const ok = errors.agree === true;
    item.textContent = t(ok ? 'gradcheck.ok' : 'gradcheck.bad', {
      layer: l + 1, w: formatNumber(errors.w, 2), b: formatNumber(errors.b, 2),
    });
    item.dataset.w = String(errors.w);
    item.dataset.b = String(errors.b);
    item.className = ok ? 'gradcheck-ok' : 'gradcheck-bad';
    return item;
  }));
}

// Hide a result that no longer belongs to the batch and parameters on screen; word it again in
// another language.
export function renderGradcheck({ trace, parts }) {
  if (shownFor !== null && shownFor !== momentOf(trace)) {
    result.hidden = true;
    result.replaceChildren();
    shownFor = null;
    shownLayers = null;
  } else if (shownLayers && parts?.has('lang')) {
    showLayers(shownLayers);
  }
}
