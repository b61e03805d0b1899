// Browser test harness: the page's server in-process on a free port, Debian's Chromium through
// playwright-core, and a page that fails its test on any console error, page error or failed request.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer, stopServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the networking flags Chromium tries to reach Google's hosts, which this machine refuses.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = new URL('./screenshots/', import.meta.url);

export const LAPTOP = { width: 1366, height: 768 };
export const PROJECTOR = { width: 1920, height: 1080 };

// Start the server and the browser once per test file; both stop after its last test.
export function useBrowser() {
  const env = {};
  before(async () => {
    const { server, url } = await startServer({ port: 0 });
    env.server = server;
    env.url = url;
    // playwright gives each launch a fresh temporary profile (user-data-dir) and removes it after.
    env.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await env.browser?.close();
    if (env.server) await stopServer(env.server);
  });

  // Open the page (with `query`, e.g. "?preset=worked-example") and wait until it has booted;
  // `init`, a function, runs in the page before its own scripts (to take a feature away, say).
  // `url` opens another address than the server's page (the one-file build's file:// address),
  // and `offline` makes every http(s) request fail, as it would with no network. `device` adds
  // playwright's context options: { hasTouch: true, isMobile: true } for a phone, { reducedMotion: 'reduce' }.
  // `files` ({ 'lessons/mine.json': text }) are served beside the page, as a static host would
  // serve a teacher's files (the test server serves index.html and www/ only).
  env.open = async (t, { query = '', viewport = LAPTOP, init = null, url = env.url, offline = false, device = {}, files = {} } = {}) => {
    const context = await env.browser.newContext({ viewport, ...device });
    if (offline) await context.route(/^https?:/, (route) => route.abort('internetdisconnected'));
    for (const [path, body] of Object.entries(files)) {
      await context.route(new URL(path, url).href, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    }
    const problems = [];
    // Every breach of the page's Content-Security-Policy fails the test, in every page the
    // context opens (also after a navigation), whether or not the browser logs it.
    await context.exposeFunction('reportPolicyViolation', (text) => problems.push(`CSP violation: ${text}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.reportPolicyViolation(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
      }, true);
    });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
    page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
    t.after(async () => {
      await context.close();
      assert.deepEqual(problems, [], 'the page reported problems');
    });
    await page.goto(new URL(query, url).href);
    await page.waitForFunction(() => document.documentElement.dataset.state, null, { timeout: 15_000 });
    const state = await page.evaluate(() => document.documentElement.dataset.state);
    const error = await page.locator('#error').textContent();
    assert.equal(state, 'ready', `the page did not boot: ${error}`);
    return page;
  };
  return env;
}

// Save a screenshot to tests/e2e/screenshots/NAME.png for a person to review.
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = new URL(`${name}.png`, SCREENSHOTS);
  await page.screenshot({ path: path.pathname, fullPage: true });
  return path.pathname;
}

// The numeric value of a readout's text ("−1.5" → -1.5, "—" → null).
export function readNumber(text) {
  const clean = text.trim();
  return clean === '—' ? null : Number(clean.replace('−', '-'));
}

// Wait until the page has redrawn, done what waits for a painted frame, and what waits for the
// page to be still (the matrices' hidden tables, the charts' text, autosave), twice, since such
// work may queue more of itself.
export async function settled(page) {
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(async () => {
      const { afterPaint, whenStill } = (await import('/www/bundle.js')).scheduler;
      await new Promise((resolve) => afterPaint(resolve));
      await new Promise((resolve) => whenStill(resolve));
    });
  }
}
