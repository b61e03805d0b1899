// The loop's buttons. Each action calls the Playground, then asks the page to redraw; the keyboard
// and the flowchart call the same actions, so a key and its button always do the same thing.
import { isTerminal, runToPhase } from './stepping.js';
import { config, refreshConfig, hasStoppingRule } from './config.js';
import { play, pause, togglePlay } from './player.js';
import { openSettings, renderSettings } from './settings.js';
import { phaseText } from './views/readouts.js';
import { showError, clearError, showStatus } from './views/messages.js';
import { sessionChanged } from './state.js';

const stepButtons = {
  phase: document.getElementById('step-phase'),
  batch: document.getElementById('step-batch'),
  epoch: document.getElementById('step-epoch'),
};
const backButton = document.getElementById('step-back');
const runToEndButton = document.getElementById('run-to-end');
const resetButton = document.getElementById('reset');
const newSeedButton = document.getElementById('new-seed');

// Wire the buttons to `playground`; the page redraws after every change. Returns the actions.
export function wireControls(playground) {
  // Run one Playground call; a thrown error shows in the banner instead of breaking the page.
  const act = (call) => {
    try {
      clearError();
      showStatus('');
      call();
    } catch (error) {
      showError('error.action', error);
    }
    sessionChanged();
  };
  // A step by hand stops playing first: the person takes over.
  const byHand = (call) => () => {
    pause();
    act(call);
  };
  const actions = {
    stepPhase: byHand(() => playground.step('phase')),
    stepBatch: byHand(() => playground.step('batch')),
    stepEpoch: byHand(() => playground.step('epoch')),
    back: byHand(() => {
      if (!playground.back()) showStatus('status.nothingToUndo');
    }),
    reset: byHand(() => {
      playground.reset();
      showStatus('status.reset', { seed: config.session.training.seed });
    }),
    newSeed: byHand(() => {
      const [seed] = crypto.getRandomValues(new Uint32Array(1));
      playground.configure(JSON.stringify({ training: { seed } }));
      refreshConfig(playground);
      renderSettings();
      showStatus('status.newSeed', { seed });
    }),
    // Step until `phase` is next (the flowchart's boxes).
    runTo: (phase) => {
      pause();
      act(() => {
        if (runToPhase(playground, phase, config.session.network.layers.length) === 0) {
          showStatus('status.alreadyNext', { phase: phaseText(phase) });
        }
      });
    },
    togglePlay: () => {
      clearError();
      showStatus('');
      togglePlay();
    },
    // Play at full speed until the stopping rule holds; without a rule it would never stop.
    runToEnd: () => {
      clearError();
      if (!hasStoppingRule()) {
        pause();
        showStatus('status.needsStoppingRule');
        openSettings('set-max-epochs');
        return;
      }
      showStatus('');
      play({ toEnd: true });
    },
  };
  stepButtons.phase.addEventListener('click', actions.stepPhase);
  stepButtons.batch.addEventListener('click', actions.stepBatch);
  stepButtons.epoch.addEventListener('click', actions.stepEpoch);
  backButton.addEventListener('click', actions.back);
  resetButton.addEventListener('click', actions.reset);
  newSeedButton.addEventListener('click', actions.newSeed);
  runToEndButton.addEventListener('click', actions.runToEnd);
  return actions;
}

// Enable the buttons that can act: no stepping past the end of training, no undo at the start.
export function updateControls(phase, trace) {
  const finished = isTerminal(phase);
  for (const button of Object.values(stepButtons)) button.disabled = finished;
  backButton.disabled = trace.undo_depth === 0;
  runToEndButton.disabled = finished;
}
