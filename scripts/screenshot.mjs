// Makes docs/screenshot.png, the README's picture: the circle preset after 40 epochs and a few
// phases of the next batch, at 1366×768, in headless Chromium. Run after `make build`:
//   node scripts/screenshot.mjs
import { chromium } from 'playwright-core';
import { startServer, stopServer } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(new URL('?preset=circle', url).href);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  for (let i = 0; i < 40; i += 1) await page.click('#step-epoch');
  for (let i = 0; i < 5; i += 1) await page.click('#step-phase');
  await page.click('#boundary-tab');
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await stopServer(server);
}
