// How fast the page answers "Next phase": the time from the click to the painted frame, in headless
// Chromium, on the largest network the page promises to keep within one frame (8 hidden layers of
// 16 units, batches of 64 rows). Prints figures; asserts nothing. Run after `make build`:
//   node benches/ui-step.mjs [steps]
// "handler" is the click handler alone (the core's step, trace() and every view's redraw);
// "painted" runs from the click to just after the next frame is painted (requestAnimationFrame,
// then a message posted from it, which the browser delivers after the paint).
// Each click comes just after a frame, so "painted" includes waiting for the next one: the floor,
// a click on the page's title (which does nothing), measures that wait alone.
import { chromium } from 'playwright-core';
import { startServer, stopServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, PROJECTOR } from '../tests/e2e/harness.mjs';

const STEPS = Number(process.argv[2] ?? 300);
const HIDDEN = 8;
const UNITS = 16;
const BATCH = 64;

// The value at fraction `q` of the sorted `values`.
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// Build the network through the settings form, as a person would: add layers, set units and batch;
// returns its description.
async function configure(page) {
  await page.click('#settings-toggle');
  while ((await page.locator('#set-layers li').count()) < HIDDEN + 1) await page.click('#add-layer');
  for (let layer = 0; layer < HIDDEN; layer += 1) {
    const units = page.locator('#set-layers li').nth(layer).locator('input');
    await units.fill(String(UNITS));
    await units.press('Enter');
  }
  await page.fill('#set-batch', String(BATCH));
  await page.press('#set-batch', 'Enter');
  await page.click('#settings-close');
  const session = await page.evaluate(() => JSON.parse(window.playground.toSession()));
  const layers = session.network.layers.map((l) => l.units).join('-');
  return `a ${session.network.inputs}-${layers} network (batches of ${session.training.batch_size} rows)`;
}

// The core's share of a step, without drawing: step('phase'), then trace() and its JSON.parse.
function measureCore(steps) {
  const core = [];
  const trace = [];
  for (let i = 0; i < steps; i += 1) {
    const start = performance.now();
    window.playground.step('phase');
    const stepped = performance.now();
    JSON.parse(window.playground.trace());
    core.push(stepped - start);
    trace.push(performance.now() - stepped);
  }
  return { core, trace };
}

// Click "Next phase" (or the element `selector`) `steps` times, each right after a frame, timing
// the handler and the paint.
function measure([steps, selector = '#step-phase']) {
  const button = document.querySelector(selector);
  const afterFrame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const afterPaint = () => new Promise((done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = done;
    channel.port2.postMessage(0);
  }));
  return (async () => {
    const handler = [];
    const painted = [];
    for (let i = 0; i < steps; i += 1) {
      await afterFrame();
      const start = performance.now();
      button.click();
      handler.push(performance.now() - start);
      await afterPaint();
      painted.push(performance.now() - start);
    }
    return { handler, painted };
  })();
}

// One line of figures: p50, p95 and max of `values` in ms.
const row = (name, values) => `  ${name.padEnd(22)} p50 ${quantile(values, 0.5).toFixed(1).padStart(5)} ms   p95 ${quantile(values, 0.95).toFixed(1).padStart(5)} ms   max ${Math.max(...values).toFixed(1).padStart(5)} ms`;

// Measure one network: the clicks, then the core's share alone.
async function report(page, shape) {
  // Warm-up: let the engine compile the hot paths.
  await page.evaluate(measure, [40]);
  const { handler, painted } = await page.evaluate(measure, [STEPS]);
  const { core, trace } = await page.evaluate(measureCore, STEPS);
  const floor = await page.evaluate(measure, [STEPS, 'h1']);
  console.log(`Next phase, ${STEPS} clicks at 1920×1080 on ${shape}:`);
  console.log(row('click → painted frame', painted));
  console.log(row('  floor: a no-op click', floor.painted));
  console.log(row('click handler', handler));
  console.log(row('  core step()', core));
  console.log(row('  trace() + JSON.parse', trace));
}

const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: PROJECTOR });
  await page.goto(`${url}?preset=circle`);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  await report(page, 'the circle preset (2-4-2-1 network, batches of 10 rows)');
  await report(page, await configure(page));
  console.log('Headless Chromium, software rendering. One frame at 60 Hz is 16.7 ms; "painted" includes');
  console.log('waiting for that frame (the floor). The handler is the core\'s step, trace() and every view\'s redraw.');
} finally {
  await browser.close();
  await stopServer(server);
}
