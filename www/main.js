// Boot: fill the text, load the wasm core, start the preset session, wire the modules together.
import { applyMessages } from './i18n.js';
import { renderReadouts } from './views/readouts.js';
import { showError, showStatus } from './views/messages.js';
import { wireControls, updateControls } from './controls.js';

const DEFAULT_PRESET = 'circle';

// Redraw every view from the Playground's getters (which never change its state).
function redraw(playground) {
  const phase = playground.phase();
  const trace = JSON.parse(playground.trace());
  renderReadouts(phase, trace);
  updateControls(phase, trace);
}

// Load the package and start the session named by ?preset= (default "circle").
async function boot() {
  applyMessages();
  showStatus('status.loading');
  // A dynamic import, so a missing or broken package shows an error instead of a blank page.
  const { default: init, Playground } = await import('./pkg/backprop_playground.js');
  await init();
  const preset = new URLSearchParams(window.location.search).get('preset') ?? DEFAULT_PRESET;
  const playground = Playground.fromSession(Playground.defaultSession(preset));
  // Tests and the console reach the live session here.
  window.playground = playground;
  wireControls(playground, () => redraw(playground));
  redraw(playground);
  showStatus('');
  document.documentElement.dataset.state = 'ready';
}

boot().catch((error) => {
  showStatus('');
  showError('error.boot', error);
  document.documentElement.dataset.state = 'error';
});
