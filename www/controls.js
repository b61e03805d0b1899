// The step buttons: each calls the Playground once, then asks the page to redraw.
import { TERMINAL_PHASES } from './views/readouts.js';
import { showError, clearError, showStatus } from './views/messages.js';

const stepButtons = {
  phase: document.getElementById('step-phase'),
  batch: document.getElementById('step-batch'),
  epoch: document.getElementById('step-epoch'),
};
const backButton = document.getElementById('step-back');

// Wire the buttons to `playground`; `redraw()` runs after every change.
export function wireControls(playground, redraw) {
  // Run one Playground call; a thrown error shows in the banner instead of breaking the page.
  const act = (call) => {
    try {
      clearError();
      showStatus('');
      call();
    } catch (error) {
      showError('error.action', error);
    }
    redraw();
  };
  for (const [unit, button] of Object.entries(stepButtons)) {
    button.addEventListener('click', () => act(() => playground.step(unit)));
  }
  backButton.addEventListener('click', () => act(() => {
    if (!playground.back()) showStatus('status.nothingToUndo');
  }));
}

// Enable the buttons that can act: no stepping past the end of training, no undo at the start.
export function updateControls(phase, trace) {
  const finished = TERMINAL_PHASES.has(phase);
  for (const button of Object.values(stepButtons)) button.disabled = finished;
  backButton.disabled = trace.undo_depth === 0;
}
