// Frames per second of the page while it plays at the fastest speed with every chart on show
// (the charts panel side by side: loss, accuracy, boundary; the neuron thumbnails; every other
// view), in headless Chromium, on the circle preset with its default network (hidden 4 and 2,
// tanh) and with six hidden layers of 8. Prints figures; asserts nothing. Run after `make build`:
//   node benches/ui-fps.mjs [seconds] [tabs]
// With "tabs" the charts panel stays as the page opens: one chart (the loss) on show.
// Frame times come from requestAnimationFrame inside the page; epochs from the core's history.
import { chromium } from 'playwright-core';
import { quantile, playFastest } from './play.mjs';
import { startServer, stopServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, LAPTOP, PROJECTOR } from '../tests/e2e/harness.mjs';

const SECONDS = Number(process.argv[2] ?? 5);
const TABS = process.argv[3] === 'tabs';
const DEEP = { hidden: 6, units: 8 };

// In the page: the charts' share of a frame, each core call timed alone with the options and
// canvases the page uses while playing (median of 21 calls, in ms).
async function chartCosts() {
  const { chartScale } = await import('./www/views/chart-canvas.js');
  const pg = window.playground;
  // Hidden charts (0 × 0 canvases, in tabs) are not drawn while playing; they show as null.
  const shown = (id) => document.getElementById(id).width >= 120;
  const time = (call, id) => {
    if (id && !shown(id)) return null;
    const times = [];
    for (let i = 0; i < 21; i += 1) {
      const start = performance.now();
      call();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[10];
  };
  const scale = JSON.stringify({ scale: chartScale() });
  const cells = Number(document.querySelector('.neuron-map')?.dataset.sheet?.split(',')[2] ?? 32);
  return {
    loss: time(() => pg.drawLoss('loss-canvas', scale), 'loss-canvas'),
    accuracy: time(() => pg.drawAccuracy('accuracy-canvas', scale), 'accuracy-canvas'),
    boundary: time(() => pg.drawBoundary('boundary-canvas', JSON.stringify({ scale: chartScale(), resolution: 100 })), 'boundary-canvas'),
    maps: time(() => pg.neuronMaps(cells, false)),
  };
}

// Train from the start again and measure; prints one line of figures.
async function report(page, label) {
  await page.click('#reset');
  // A warm-up second, so that the engine has compiled the hot paths; then from the seed again.
  await page.evaluate(playFastest, 1);
  await page.click('#reset');
  const { frames, epochs, ms, phase } = await page.evaluate(playFastest, SECONDS);
  const p95 = quantile(frames, 0.95);
  const fps = (frames.length * 1000) / ms;
  const costs = await page.evaluate(chartCosts);
  const charts = Object.entries(costs).filter(([, ms]) => ms !== null).map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ');
  console.log(`  ${label.padEnd(34)} ${String(frames.length).padStart(4)} frames  p50 ${quantile(frames, 0.5).toFixed(1).padStart(5)} ms  p95 ${p95.toFixed(1).padStart(5)} ms  ${fps.toFixed(1).padStart(5)} fps  ${Math.round((epochs * 1000) / ms).toString().padStart(6)} epochs/s${phase.match(/Reached|MaxEpochs|Diverged/) ? `  (stopped: ${phase})` : ''}`);
  console.log(`  ${''.padEnd(34)} charts alone, ms a frame: ${charts}`);
}

// Through the core's configure: no stopping rule (the preset stops at 500 epochs), and with
// `deep`, six hidden tanh layers of 8 instead of the preset's 4 and 2.
async function configure(page, deep) {
  await page.evaluate(({ hidden, units, deep }) => {
    const patch = { training: { max_epochs: null, target_loss: null } };
    if (deep) {
      const output = JSON.parse(window.playground.toSession()).network.layers.at(-1);
      patch.network = { layers: [...Array.from({ length: hidden }, () => ({ units, activation: 'tanh' })), output] };
    }
    window.playground.configure(JSON.stringify(patch));
  }, { ...DEEP, deep });
  // Reset redraws the page, which builds the diagram and the thumbnails for the network.
  await page.click('#reset');
}

const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const [name, viewport] of [['1366×768', LAPTOP], ['1920×1080', PROJECTOR]]) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${url}?preset=circle`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    // Every chart on show: the panel side by side.
    if (!TABS) await page.click('#charts-wide');
    console.log(`Play at the fastest speed for ${SECONDS} s, ${TABS ? 'the loss chart' : 'every chart'} on show, ${name}:`);
    await configure(page, false);
    await report(page, 'circle, hidden 4 and 2 tanh');
    await configure(page, true);
    await report(page, `circle, ${DEEP.hidden} hidden layers of ${DEEP.units} tanh`);
    await page.close();
  }
  console.log('Headless Chromium, software rendering. The targets: 60 fps (p95 under 16.7 ms) and');
  console.log('1,000 epochs/s on the default network; 30 fps and 200 epochs/s with six hidden layers of 8.');
} finally {
  await browser.close();
  await stopServer(server);
}
