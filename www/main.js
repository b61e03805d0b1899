// Boot: fill the text, load the wasm core, start the preset session, wire the modules together.
import { applyMessages, t, currentTable } from './i18n.js';
import { coreMessage } from './core-errors.js';
import { renderReadouts } from './views/readouts.js';
import { showError, showProblem, showStatus, relabelMessages } from './views/messages.js';
import { presetFromAddress } from './address.js';
import { updateControls } from './controls.js';
import { wireLoop } from './loop.js';
import { renderFlowchart } from './views/flowchart.js';
import { store, selection } from './state.js';
import { setRedraw, invalidate, flush } from './scheduler.js';
import { phaseLayer } from './phase.js';
import { unpackTrace } from './trace.js';
import { renderNetwork } from './views/network.js';
import { renderInspector, followPhase, expectedLayer } from './views/inspector.js';
import { renderEquations } from './views/equations.js';
import { renderGradcheck, wireGradcheck } from './views/gradcheck.js';
import { renderData, wireData } from './views/data.js';
import { relabelChooser } from './views/chooser.js';
import { startSession, presetNames } from './dataset.js';
import { renderCharts, wireCharts } from './views/charts.js';
import { renderNeuronMaps } from './views/neuron-maps.js';
import { isPlaying, renderPlayer, stepsPerSecond } from './player.js';
import { Turns, EVERY_VIEW, drawsEveryView } from './draw-turns.js';
import { loadCore } from './assets.js';
import { showPreset, relabelPresets } from './presets.js';
import { relabelSettings } from './settings.js';
import { buildHelp } from './keyboard.js';
import { closeEditor } from './views/weight-editor.js';
import { startLanguage, wireLanguage, renderLanguage } from './language.js';
import { renderErrata } from './views/errata.js';
import { renderLesson, wireLesson, startLesson, openLinkedLesson } from './views/lesson.js';
import { startPresenter, wirePresenter, renderPresenter } from './presenter.js';
import { PANELS } from './presenter-options.js';
import { recording, startLog } from './call-log.js';
import { linkText, decodeLink, openLink, wireShareLog } from './share.js';
import { readKept, restoreKept, startKeeping, renderKeep, sameAddress, showKeptProblem } from './autosave.js';
import { wireShare, relabelShare, showLinkProblem } from './views/share.js';
import { wireHandout, relabelHandout } from './views/handout.js';
import { renderQuiz, wireQuiz } from './views/quiz.js';
import { startQuiz } from './quiz.js';
import { renderCompare, wireCompare } from './views/compare.js';

const DEFAULT_PRESET = 'circle';

// Every view's render(view context); each reads the Playground's getters and draws itself.
// Add a view by importing its render function and listing it here.
// (followPhase is not one: redraw() calls it first, as it chooses the layer the trace is about.)
const VIEWS = [
  // Presenter mode and hidden panels before any view measures its room or its type.
  renderPresenter,
  // The charts first: what the class watches while training plays.
  renderCharts,
  // The kept runs under the loss chart.
  renderCompare,
  renderNetwork,
  // After the diagram, whose units it places its thumbnails beside.
  renderNeuronMaps,
  renderInspector,
  renderEquations,
  // Quiz mode's question for the next phase, above the equations.
  renderQuiz,
  renderGradcheck,
  ({ phase, trace }) => renderReadouts(phase, trace),
  ({ phase, trace }) => updateControls(phase, trace),
  ({ phase, parts }) => renderPlayer(phase, parts),
  renderFlowchart,
  renderData,
  // The preset on show (none after new data or a session file) and its errata note.
  ({ parts }) => {
    showPreset(store.preset);
    // The errata note holds the worked example's answers: out of sight in quiz mode.
    renderErrata(store.preset, parts.has('lang'), store.quiz.on);
  },
  // After the views it highlights, which it measures at the next frame; checks the lesson's task.
  renderLesson,
  // The words that no view redraws at every step, in another language.
  ({ parts }) => {
    if (!parts.has('lang')) return;
    relabelPresets();
    relabelSettings();
    buildHelp();
    relabelMessages();
    relabelChooser();
    closeEditor();
    relabelShare();
    relabelHandout();
  },
  // Keep the work in the browser (autosave.js): after the redraw, a few times a second at most.
  renderKeep,
];

// A layer past any network's last: the core's trace then carries no layer's batch matrices, only
// what every frame shows (the phase, J, the counts, the parameters). While playing, two frames in
// three draw no view of the batch's numbers; reading its matrices all the same cost the digits
// preset 3.7 ms a frame with the CPU slowed down 4×.
const NO_LAYER = 2 ** 32 - 1;

// The trace for a redraw: the batch's matrices only near `layer` (traceFocus), as the inspector
// shows one layer and the player redraws every frame. The equations show the phase just
// performed, whose layer can be another (the output layer for the loss, any layer when the
// inspector does not follow): the matrices near it then come from a trace focused there.
function focusedTrace(playground, layer) {
  if (layer === NO_LAYER) return unpackTrace(playground.traceFocusPacked(NO_LAYER));
  const shown = Number.isInteger(layer) ? layer : 0;
  const trace = unpackTrace(playground.traceFocusPacked(shown));
  const done = phaseLayer(trace.last_phase, trace.layers.length);
  if (done === null || done === shown) return trace;
  const near = unpackTrace(playground.traceFocusPacked(done));
  for (let l = Math.max(0, done - 1); l <= Math.min(trace.layers.length - 1, done + 1); l += 1) trace.layers[l] = near.layers[l];
  return trace;
}

// While playing, the views of the batch's numbers take turns, one a frame (draw-turns.js): all
// of them in one frame made it late. So do the network and its neuron maps once their draw costs
// much. Exported for tests and benches (www/page.js): turns.counts().
export const turns = new Turns([
  { view: renderInspector, name: 'inspector', always: true },
  { view: renderEquations, name: 'equations', always: true },
  { view: renderGradcheck, name: 'gradcheck', always: true },
  { view: renderData, name: 'data', always: true },
  { view: renderNetwork, name: 'network', always: false },
  { view: renderNeuronMaps, name: 'neuronMaps', always: false },
]);

// Redraw every view from the store and the Playground's getters (which never change its state);
// the scheduler calls it once for the changes of a task or a frame. Each view skips what did not
// change. The trace is parsed once per redraw and shared, so views never parse it again.
function redraw(parts = new Set()) {
  const { playground } = store;
  const phase = playground.phase();
  const focus = expectedLayer(phase);
  // While playing fast, the views of one batch's numbers are drawn a few times a second: nobody
  // reads a matrix at 60 Hz, and the frame's time is better spent training and on the charts.
  // Playing slowly (a few steps a second), every step is drawn in full.
  const now = performance.now();
  const playing = isPlaying();
  const every = !playing || parts.has('lang') || drawsEveryView(stepsPerSecond());
  const due = every ? EVERY_VIEW : turns.due(now);
  const light = !turns.showsBatch(due);
  const context = { playground, phase, parts, trace: focusedTrace(playground, light ? NO_LAYER : focus) };
  // Another language: every text of the markup first; each view redraws its own words.
  if (parts.has('lang')) {
    applyMessages();
    renderLanguage();
  }
  // First, so that every view of a redraw sees the layer a step has just worked on; when that
  // was not the layer expected, the trace is read again near the layer shown.
  followPhase(context);
  if (!light && selection.layer !== focus) context.trace = focusedTrace(playground, selection.layer);
  for (const render of VIEWS) {
    if (due !== EVERY_VIEW && render !== due && turns.takesTurns(render)) continue;
    const start = performance.now();
    render(context);
    turns.drawn(render, now, performance.now() - start);
  }
}

// Load the package and open, in this order: a share link in the address's # part; else the work
// kept in the browser (autosave.js), unless the address asks for a preset; else the session named
// by ?preset= (default "circle"). An address naming no preset, or a preset whose data cannot be
// loaded, starts the default and says why; so does a link the page cannot open. A link or a
// preset opened while work is kept does not save over it, and offers to reopen it.
async function boot() {
  startLanguage();
  const unknownPanels = startPresenter();
  const asksQuiz = startQuiz();
  applyMessages();
  showStatus('status.loading');
  const { Playground } = await loadCore();
  const presets = presetNames(Playground);
  const kept = await readKept();
  const hashLink = linkText(window.location.hash);
  let link = null;
  let badLink = null;
  if (hashLink !== null) {
    try {
      link = await decodeLink(hashLink);
    } catch (error) {
      badLink = error;
    }
  }
  const asksPreset = new URLSearchParams(window.location.search).has('preset');
  let { preset, unknown } = presetFromAddress(asksPreset && hashLink === null ? window.location.search : '', presets, DEFAULT_PRESET);
  let problem = unknown === null ? null : { id: unknown.trim() === '' ? 'address.noPreset' : 'address.unknownPreset', asked: unknown };
  // The page's handle on the session (www/handle.js): opening a session file swaps what is behind it.
  let playground;
  try {
    playground = await startSession(Playground, preset);
  } catch (error) {
    if (preset === DEFAULT_PRESET) throw error;
    problem = { id: 'address.presetFailed', asked: preset, message: coreMessage(error, currentTable()) };
    preset = DEFAULT_PRESET;
    playground = await startSession(Playground, preset);
  }
  // Every call that changes the session goes through the call log (call-log.js), which a share
  // link replays; the log starts with the preset.
  store.playground = recording(playground);
  store.Playground = Playground;
  store.preset = preset;
  startLog({ kind: 'preset', name: preset });
  wireShareLog();
  // Tests and the console reach the live session here.
  window.playground = playground;
  setRedraw(redraw);
  wireLoop(store.playground, { preset, presets });
  wireData(Playground);
  wireGradcheck(playground);
  wireCharts();
  wireLanguage();
  wireLesson();
  wirePresenter();
  wireShare();
  wireHandout();
  wireQuiz();
  wireCompare();
  invalidate('session', 'presenter');
  // What the address or the browser keeps asks for, in place of the preset.
  const address = hashLink !== null ? `#s=${hashLink}` : asksPreset ? `?preset=${preset}` : null;
  let held = false;
  let keptFailed = null;
  if (link) {
    try {
      await openLink(link);
      // The lesson the link was made in, at its step; a lesson that cannot be read says so in its panel.
      if (link.lesson) await openLinkedLesson(link.lesson);
    } catch (error) {
      badLink = error;
    }
  }
  if (address !== null) {
    held = kept !== null && !sameAddress(kept, address);
  } else if (kept) {
    try {
      restoreKept(kept);
      // ?lang= in the address still chooses the language.
      if (new URLSearchParams(window.location.search).has('lang')) {
        startLanguage();
        invalidate('lang');
      }
      // So does ?quiz=.
      if (asksQuiz) {
        startQuiz();
        invalidate('quiz');
      }
    } catch (error) {
      keptFailed = error;
    }
  }
  // Drawn before the page says it is ready.
  flush();
  showStatus('');
  if (problem) showProblem(problem.id, { ...problem, preset: t(`preset.${preset}`), names: presets.join(', ') });
  else if (unknownPanels.length) showProblem('address.unknownPanels', { asked: unknownPanels.join(', '), names: PANELS.join(', ') });
  if (badLink) showLinkProblem(badLink);
  if (keptFailed) showKeptProblem(keptFailed);
  startKeeping({ held, address });
  // A link pasted into the address of the open page: open it as a fresh page would.
  window.addEventListener('hashchange', () => {
    if (linkText(window.location.hash) !== null) window.location.reload();
  });
  // ?lesson=…&step=N: the lesson's step set up before the page says it is ready.
  await startLesson();
  flush();
  document.documentElement.dataset.state = 'ready';
}

boot().catch((error) => {
  showStatus('');
  showError('error.boot', error);
  document.documentElement.dataset.state = 'error';
});
