// Shared pieces of the page's end-to-end tests: the server that `npm start` runs (in-process,
// port 0), headless Chromium, a page with everything it does recorded, and the admin API.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { vendorJsdiff } from "../../scripts/static.mjs";
import { pixelStats, readPng } from "./png.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const OUT = join(ROOT, "test-output");
// The server serves dist/ from the repository; E2E_DIST_DIR may point elsewhere (a local build).
export const DIST = process.env.E2E_DIST_DIR ? resolve(process.env.E2E_DIST_DIR) : join(ROOT, "dist");
export const DEMO = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
export const TEMP = {
  accessKeyId: "ASIAEXAMPLETEMP",
  secretAccessKey: "tempSecretKeyEXAMPLE0000000000000000000000",
  sessionToken: "FQoGZXIvYXdzEXAMPLESESSIONTOKEN//////////wEaDEXAMPLE+/=",
};
export const SECRETS = [
  DEMO.secretAccessKey,
  TEMP.secretAccessKey,
  TEMP.sessionToken,
  encodeURIComponent(TEMP.sessionToken),
  encodeURIComponent(DEMO.secretAccessKey),
];
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** dist/ must be built; www/vendor/jsdiff.js (git-ignored) is written here as npm start would. */
export async function requireDist() {
  if (!existsSync(join(DIST, "index.js"))) {
    throw new Error(`${join(DIST, "index.js")} is missing: run \`npm run build\` before the end-to-end tests`);
  }
  await vendorJsdiff();
}

export async function admin(srv, path, body) {
  const res = await fetch(`${srv.url}/__emulator/${path}`, {
    method: path === "stats" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: path === "stats" ? undefined : JSON.stringify(body ?? {}),
  });
  return res.json();
}

/** The API calls the emulator received since its last reset, by operation name. */
export async function operations(srv) {
  return (await admin(srv, "stats")).log.map((r) => r.operation);
}

/**
 * A fresh browser context + page at `url`, with dialogs, page errors, console errors and
 * request URLs recorded. Waits until the page is ready and, when it lists on its own (npm
 * start's demo credentials), until that listing has ended.
 */
export async function openPage(browser, url, { width = 1100, height = 1000, waitForList = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const rec = { dialogs: [], errors: [], console: [], requests: [] };
  page.on("dialog", (d) => {
    rec.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => rec.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") rec.console.push(m.text());
  });
  page.on("request", (r) => rec.requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  if (waitForList) await settled(page, "#functions-task");
  return { context, page, rec };
}

/** The checks every test ends with: nothing ran from API data, nothing crashed, CSP held. */
export async function closePage(ctx) {
  assert.deepEqual(ctx.rec.dialogs, [], "no dialog fired");
  assert.deepEqual(ctx.rec.errors, [], "no page error");
  assert.ok(!ctx.rec.console.some((m) => /Content Security Policy/i.test(m)), `CSP violation: ${ctx.rec.console.join("\n")}`);
  await ctx.context.close();
}

/** Waits until the task area under `container` is not busy; returns its state (done, error, cancelled, blocked, idle). */
export async function settled(page, container, { timeout = 20000 } = {}) {
  const sel = `${container} .task`;
  await page.waitForFunction((s) => document.querySelector(s)?.dataset.state !== "busy", sel, { timeout });
  return page.$eval(sel, (n) => n.dataset.state);
}

/** Waits for the task area under `container` to reach one of `states`. */
export async function reaches(page, container, states = ["done"], { timeout = 20000 } = {}) {
  const sel = `${container} .task`;
  await page.waitForFunction(([s, want]) => want.includes(document.querySelector(s)?.dataset.state), [sel, states], { timeout });
  return page.$eval(sel, (n) => n.dataset.state);
}

export const text = (page, sel) => page.$eval(sel, (n) => n.textContent);
export const visible = (page, sel) => page.$eval(sel, (n) => !n.hidden && n.getClientRects().length > 0);

/** Asserts the page does not scroll sideways. */
export async function assertNoSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${what}: the page scrolls sideways by ${overflow}px`);
}

/**
 * Screenshot of `locator` into test-output/; one `forDocs` also goes to E2E_SCREENSHOTS_DIR when
 * that is set (the README's pictures: E2E_SCREENSHOTS_DIR=docs/screenshots). Checks it is a real
 * picture, not a blank.
 */
export async function screenshot(locator, name, { forDocs = false } = {}) {
  await mkdir(OUT, { recursive: true });
  const png = await locator.screenshot({ animations: "disabled" });
  await writeFile(join(OUT, name), png);
  if (forDocs && process.env.E2E_SCREENSHOTS_DIR) {
    const dir = resolve(ROOT, process.env.E2E_SCREENSHOTS_DIR);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, name), png);
  }
  const info = readPng(png);
  const stats = pixelStats(info);
  assert.ok(info.width >= 300 && info.height >= 150, `${name}: ${info.width}x${info.height}`);
  assert.ok(stats.distinctColors >= 16, `${name}: only ${stats.distinctColors} colours`);
  assert.ok(stats.dominantShare < 0.97, `${name}: (nearly) one colour`);
  return png;
}
