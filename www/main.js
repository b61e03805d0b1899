// Boot: fill the text, load the wasm core, start the preset session, wire the modules together.
import { applyMessages } from './i18n.js';
import { renderReadouts } from './views/readouts.js';
import { showError, showStatus } from './views/messages.js';
import { updateControls } from './controls.js';
import { wireLoop } from './loop.js';
import { renderFlowchart } from './views/flowchart.js';
import { onSelect } from './state.js';
import { renderNetwork } from './views/network.js';
import { renderInspector, followPhase } from './views/inspector.js';
import { renderEquations } from './views/equations.js';
import { renderGradcheck, wireGradcheck } from './views/gradcheck.js';
import { renderData, wireData } from './views/data.js';
import { startSession, presetNames } from './dataset.js';

const DEFAULT_PRESET = 'circle';

// Every view's render(view context); each reads the Playground's getters and draws itself.
// Add a view by importing its render function and listing it here.
const VIEWS = [
  // First, so that every view of a redraw sees the layer a step has just worked on.
  followPhase,
  renderNetwork,
  renderInspector,
  renderEquations,
  renderGradcheck,
  ({ phase, trace }) => renderReadouts(phase, trace),
  ({ phase, trace }) => updateControls(phase, trace),
  renderFlowchart,
  renderData,
];

// Redraw every view from the Playground's getters (which never change its state).
// `trace()` is parsed once per redraw and shared, so views never parse it again.
function redraw(playground) {
  const context = { playground, phase: playground.phase(), trace: JSON.parse(playground.trace()) };
  for (const render of VIEWS) render(context);
}

// Load the package and start the session named by ?preset= (default "circle").
async function boot() {
  applyMessages();
  showStatus('status.loading');
  // A dynamic import, so a missing or broken package shows an error instead of a blank page.
  const { default: init, Playground } = await import('./pkg/backprop_playground.js');
  await init();
  const preset = new URLSearchParams(window.location.search).get('preset') ?? DEFAULT_PRESET;
  // The page's handle on the session (www/handle.js): opening a session file swaps what is behind it.
  const playground = await startSession(Playground, preset);
  // Tests and the console reach the live session here.
  window.playground = playground;
  wireLoop(playground, () => redraw(playground), { preset, presets: presetNames(Playground) });
  wireData(Playground);
  wireGradcheck(playground);
  onSelect(() => redraw(playground));
  redraw(playground);
  showStatus('');
  document.documentElement.dataset.state = 'ready';
}

boot().catch((error) => {
  showStatus('');
  showError('error.boot', error);
  document.documentElement.dataset.state = 'error';
});
