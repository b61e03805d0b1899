// The page on the cheapest classroom laptops: headless Chromium with its CPU slowed down
// (DevTools' Emulation.setCPUThrottlingRate, 4× by default), at 1366 × 768. Prints figures;
// asserts nothing. Run after `make build`:
//   node benches/slow-laptop.mjs [rate] [seconds]
// Figures: the page ready (navigation start → the page says "ready", with the circle preset's
// first redraw), "Next phase" from the click to its painted frame (the circle preset, as in
// ui-step.mjs), and playing at the fastest speed: frames per second and epochs per second on the
// circle preset (every chart in tabs, as the page opens) and on the digits preset, whose long
// epochs train in a worker slowed down as much as the page (www/background.js slowWorker).
// Targets for a classroom: ready under 2 s, Next phase painted within 100 ms at p95,
// the circle at 45 fps or more, the digits at 30 fps and 20 epochs/s or more.
import { chromium } from 'playwright-core';
import { quantile, playFastest, timeNextPhase } from './play.mjs';
import { startServer, stopServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, LAPTOP } from '../tests/e2e/harness.mjs';

const RATE = Number(process.argv[2] ?? 4);
const SECONDS = Number(process.argv[3] ?? 5);
const CLICKS = 60;

// A page with its CPU slowed down `RATE` times, opened on `query`; returns it with its ready time.
async function openSlow(browser, url, query) {
  const page = await browser.newPage({ viewport: LAPTOP });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.goto(`${url}${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 60_000 });
  const ready = await page.evaluate(() => performance.now());
  // DevTools slows the page's thread only: the training worker (www/background.js) is slowed as
  // much by the page itself, so that its epochs cost what they would on the same slow laptop.
  await page.evaluate(async (rate) => (await import('/www/bundle.js')).background.slowWorker(rate), RATE);
  return { page, ready };
}

// The network's shape as the session says it: "2-4-2-1".
async function shape(page) {
  const { network } = JSON.parse(await page.evaluate(() => window.playground.toSession()));
  return [network.inputs, ...network.layers.map((layer) => layer.units)].join('-');
}

// One line of play figures.
async function playing(page, name) {
  const label = `${name} (${await shape(page)})`;
  // No stopping rule, so that a preset's epoch limit does not end the run early.
  await page.evaluate(() => window.playground.configure('{"training":{"max_epochs":null,"target_loss":null}}'));
  await page.click('#reset');
  await page.evaluate(playFastest, 1);
  await page.click('#reset');
  const { frames: times, epochs, ms, worker } = await page.evaluate(playFastest, SECONDS);
  const frames = times.length;
  const where = worker ? 'in the worker' : 'on the page\'s thread';
  console.log(`  playing, ${label.padEnd(28)} ${((frames * 1000) / ms).toFixed(1).padStart(5)} fps  ${((epochs * 1000) / ms).toFixed(1).padStart(7)} epochs/s  (trained ${where})`);
}

const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  console.log(`CPU slowed down ${RATE}×, 1366×768, headless Chromium (software rendering):`);
  const readies = [];
  for (let i = 0; i < 3; i += 1) {
    const { page, ready } = await openSlow(browser, url, '?preset=circle');
    readies.push(ready);
    await page.close();
  }
  console.log(`  page ready (circle preset)      p50 ${quantile(readies, 0.5).toFixed(0)} ms   max ${Math.max(...readies).toFixed(0)} ms   (3 loads)`);
  const { page: circle } = await openSlow(browser, url, '?preset=circle');
  await circle.hover('#step-phase');
  await circle.evaluate(timeNextPhase, 10);
  const times = (await circle.evaluate(timeNextPhase, CLICKS)).map((click) => click.painted);
  console.log(`  Next phase → painted frame      p50 ${quantile(times, 0.5).toFixed(1)} ms   p95 ${quantile(times, 0.95).toFixed(1)} ms   (${CLICKS} clicks, circle preset)`);
  await playing(circle, 'circle');
  await circle.close();
  const { page: digits } = await openSlow(browser, url, '?preset=digits');
  await playing(digits, 'digits');
  await digits.close();
  console.log('Targets at 4×: ready under 2 s, Next phase p95 under 100 ms, circle 45 fps, digits 30 fps and 20 epochs/s.');
} finally {
  await browser.close();
  await stopServer(server);
}
