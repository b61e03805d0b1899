// After a long play: the circle preset with the history of EPOCHS epochs (run in one call, as a
// long play leaves it), then played at the fastest speed with the CPU slowed down 4× for SECONDS.
// The history grows with every epoch played, and what reads or writes all of it (a save while
// playing, the charts' text alternatives) grows with it: this prints the frame rate, the longest
// frames and how many frames took over 200 ms, per build. Prints figures; asserts nothing.
//   node benches/long-play.mjs [EPOCHS] [SECONDS] [DIR ...]   (default 20000 20 .)
// Two builds (directories with the repository's layout, built) are opened in one browser in turn.
import { chromium } from 'playwright-core';
import { playFastest, quantile } from './play.mjs';
import { startServer, stopServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, LAPTOP } from '../tests/e2e/harness.mjs';

const EPOCHS = Number(process.argv[2] ?? 20_000);
const SECONDS = Number(process.argv[3] ?? 20);
const roots = process.argv.length > 4 ? process.argv.slice(4) : ['.'];

const servers = await Promise.all(roots.map((root) => startServer({ port: 0, root })));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const [k, root] of roots.entries()) {
    const page = await browser.newPage({ viewport: LAPTOP });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${servers[k].url}?preset=circle`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 60_000 });
    // The history a long play leaves, at full speed (no undo steps: one call), then one step by
    // hand so that the page shows it and keeps it (the save once the page is still).
    await page.evaluate((n) => {
      window.playground.configure('{"training":{"max_epochs":null,"target_loss":null}}');
      window.playground.run(n);
    }, EPOCHS);
    await page.click('#step-phase');
    await page.waitForTimeout(3000);
    const historyMB = await page.evaluate(() => window.playground.history().length / 1e6);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const { frames, ms } = await page.evaluate(playFastest, SECONDS);
    const longest = [...frames].sort((a, b) => b - a).slice(0, 3).map((x) => x.toFixed(0));
    console.log(`${root}: ${EPOCHS} epochs (history ${historyMB.toFixed(1)} MB), ${SECONDS} s at 4×: `
      + `${((frames.length * 1000) / ms).toFixed(1)} fps, frame p50 ${quantile(frames, 0.5).toFixed(1)} ms, `
      + `longest ${longest.join(' ')} ms, ${frames.filter((x) => x > 200).length} frames over 200 ms`);
    await page.close();
  }
} finally {
  await browser.close();
  for (const { server } of servers) await stopServer(server);
}
