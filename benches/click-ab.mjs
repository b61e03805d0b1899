// Two builds of the page side by side: "Next phase" on the circle preset with the CPU slowed down
// 4×, pages of the two opened in turn in one browser, so that a shared machine's ups and downs fall
// on both alike (whole runs of slow-laptop.mjs minutes apart differ by a third on such a machine,
// whatever the page). Prints figures; asserts nothing. Each build is a directory with the repository's
// layout, built (`make build`, or a copy of the tree with its www/bundle.js rebuilt):
//   node benches/click-ab.mjs DIR_A DIR_B [pages each] [clicks a page]
// PHASE=Forward(1) keeps only the clicks that performed that phase (the first of a batch).
// Per build: from the click to the next frame's start and to the end of that frame's work on the
// page's thread (play.mjs timeNextPhase, as slow-laptop.mjs times it).
import { chromium } from 'playwright-core';
import { quantile, timeNextPhase } from './play.mjs';
import { startServer, stopServer } from '../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, LAPTOP } from '../tests/e2e/harness.mjs';

const roots = process.argv.slice(2, 4);
const PAGES = Number(process.argv[4] ?? 4);
const CLICKS = Number(process.argv[5] ?? 64);
// The first clicks of a page are left out: the page is still settling in.
const WARM_UP = 8;
const PHASE = process.env.PHASE ?? null;
if (roots.length !== 2) {
  console.error('usage: node benches/click-ab.mjs DIR_A DIR_B [pages each] [clicks a page]');
  process.exit(2);
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const servers = await Promise.all(roots.map((root) => startServer({ port: 0, root })));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const results = roots.map(() => ({ toFrame: [], painted: [] }));
try {
  for (let i = 0; i < PAGES; i += 1) {
    // A, B then B, A: neither always goes first.
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const page = await browser.newPage({ viewport: LAPTOP });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${servers[k].url}?preset=circle`);
      await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 60_000 });
      const times = (await page.evaluate(timeNextPhase, CLICKS)).slice(WARM_UP).filter((x) => PHASE === null || x.phase === PHASE);
      results[k].toFrame.push(...times.map((x) => x.toFrame));
      results[k].painted.push(...times.map((x) => x.painted));
      await page.close();
    }
  }
  console.log(`Next phase at 4×, circle preset, ${PAGES} pages each, alternated${PHASE ? `, ${PHASE} clicks only` : ''}:`);
  roots.forEach((root, k) => {
    const { toFrame, painted } = results[k];
    console.log(`  ${root}: to the frame mean ${mean(toFrame).toFixed(1)} ms · painted mean ${mean(painted).toFixed(1)}, p50 ${quantile(painted, 0.5).toFixed(1)}, p95 ${quantile(painted, 0.95).toFixed(1)} ms (${painted.length} clicks)`);
  });
} finally {
  await browser.close();
  for (const { server } of servers) await stopServer(server);
}
