// End-to-end: the describe form of the inspection page in real headless Chromium against the
// server that `npm start` runs (in-process, port 0), with the package from dist/. The console
// views (list, details, code, used by, test) are in console.test.mjs.
import { test, before, after, beforeEach, afterEach, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../../emulator/server.mjs";
import { launchChromium } from "../support/chromium.mjs";
import { DEMO, DIST, SECRETS, TEMP, UUID_RE, admin, closePage, openPage as open, requireDist, screenshot, text, visible } from "./harness.mjs";

let server;
let browser;

/** The page on `srv`, after its own first listing (npm start's demo credentials list at once). */
const openPage = (srv = server, opts) => open(browser, `${srv.url}/`, opts);

async function fillForm(page, { identifier, stage = "DEVELOPMENT", credentials = DEMO, maxAttempts } = {}) {
  await page.fill("#access-key", credentials.accessKeyId);
  await page.fill("#secret-key", credentials.secretAccessKey);
  await page.fill("#session-token", credentials.sessionToken ?? "");
  await page.fill("#identifier", identifier);
  await page.selectOption("#stage", stage);
  if (maxAttempts !== undefined) await page.fill("#max-attempts", String(maxAttempts));
}

/** Fills the form, clicks Describe and waits for the run to finish. */
async function describeOn(page, opts) {
  await fillForm(page, opts);
  await page.click("#describe");
  await page.waitForFunction(() => ["done", "cancelled"].includes(document.querySelector("#activity")?.dataset.state) && !document.body.classList.contains("is-busy"), null, {
    timeout: 20000,
  });
}

before(async () => {
  await requireDist();
  server = await startServer({ port: 0, quiet: true, distDir: DIST });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe("inspection page", () => {
  let ctx;
  beforeEach(async () => {
    await admin(server, "reset");
  });
  afterEach(async () => {
    // Nothing may ever have tried to run script from API data, nor crashed.
    if (ctx) await closePage(ctx);
    ctx = null;
  });

  test("loads ready to use: demo credentials and a seeded identifier prefilled, every field labelled", async () => {
    ctx = await openPage();
    const { page } = ctx;
    assert.equal(await page.$eval("#preset", (n) => n.value), "emulator");
    assert.equal(await page.$eval("#endpoint", (n) => n.value), server.url);
    assert.equal(await page.$eval("#access-key", (n) => n.value), DEMO.accessKeyId);
    assert.equal(await page.$eval("#identifier", (n) => n.value), "mtls-auth-check");
    const unlabelled = await page.$$eval("input, select, textarea", (ns) => ns.filter((n) => n.type !== "hidden" && n.labels.length === 0).map((n) => n.id));
    assert.deepEqual(unlabelled, []);
    const named = await page.$$eval("form [name]", (ns) => ns.map((n) => n.getAttribute("name")));
    assert.deepEqual(named, [], "no form field can ever be submitted");
    assert.equal(await visible(page, "#boot"), false);
    // Keyboard: Enter in a field submits through the page's handler.
    await page.focus("#identifier");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#result:not([hidden])");
    assert.equal(await text(page, '#single dd[data-field="name"]'), "mtls-auth-check");
  });

  test("describes a function; raw JSON; AWS CLI command; screenshot of the result", async () => {
    ctx = await openPage();
    const { page } = ctx;
    await describeOn(page, { identifier: "mtls-auth-check", stage: "DEVELOPMENT" });
    assert.equal(await visible(page, "#result"), true);
    assert.equal(await visible(page, "#error"), false);
    const field = (k) => text(page, `#single dd[data-field="${k}"]`);
    assert.equal(await field("name"), "mtls-auth-check");
    assert.equal(await field("id"), "CF0A1B2C3D4E5F");
    assert.equal(await field("arn"), "arn:aws:cloudfront::123456789012:connection-function/mtls-auth-check");
    assert.equal(await field("status"), "UNASSOCIATED");
    assert.equal(await field("stage"), "DEVELOPMENT");
    assert.equal(await field("runtime"), "cloudfront-js-2.0");
    assert.match(await field("comment"), /issuer pinning/);
    assert.equal(await field("etag"), "E2QWRUHAPOMQZL");
    assert.match(await field("kvs"), /2 associated/);
    assert.match(await field("kvs"), /key-value-store\/4567cdef-4567-cdef-4567-456789abcdef/);
    assert.equal(await page.$eval('#single dd[data-field="created"] time', (n) => n.getAttribute("datetime")), "2024-05-01T11:00:00.123Z");
    assert.equal(await page.$eval('#single dd[data-field="modified"] time', (n) => n.getAttribute("datetime")), "2024-06-12T08:41:17.904Z");
    assert.match(await field("created"), /ago/);
    assert.match(await text(page, "#busy-text"), /Done: 1 attempt/);

    assert.equal(
      await text(page, "#cli"),
      `aws cloudfront describe-connection-function --identifier mtls-auth-check --stage DEVELOPMENT --endpoint-url ${server.url}`,
    );
    await page.click("#copy-cli");
    await page.waitForFunction(() => document.querySelector("#copy-status").textContent.length > 0);

    await page.click("#toggle-raw");
    assert.equal(await visible(page, "#raw"), true);
    assert.equal(await page.$eval("#toggle-raw", (n) => n.getAttribute("aria-pressed")), "true");
    const raw = JSON.parse(await text(page, "#raw"));
    assert.equal(raw.ConnectionFunctionSummary.Name, "mtls-auth-check");
    assert.equal(raw.ETag, "E2QWRUHAPOMQZL");
    assert.equal(raw.ConnectionFunctionSummary.CreatedTime, "2024-05-01T11:00:00.123Z");
    await page.click("#toggle-raw");
    assert.equal(await visible(page, "#raw"), false);

    const png = await screenshot(page.locator("#result"), "result-view.png");
    assert.ok(png.length > 10 * 1024, `screenshot only ${png.length} bytes`);
  });

  test("both stages side by side, differing fields highlighted", async () => {
    ctx = await openPage();
    const { page } = ctx;
    await describeOn(page, { identifier: "geo-fence-tls", stage: "BOTH" });
    const diff = await page.$$eval("#both tbody tr.diff", (rs) => rs.map((r) => r.dataset.field));
    assert.deepEqual(diff.sort(), ["comment", "modified", "runtime", "status"].sort());
    const row = (f) => page.$$eval(`#both tbody tr[data-field="${f}"] td`, (tds) => tds.map((t) => t.textContent));
    assert.deepEqual(await row("runtime"), ["cloudfront-js-2.0", "cloudfront-js-1.0"]);
    assert.deepEqual(await row("stage"), ["DEVELOPMENT", "LIVE"]);
    assert.match((await row("comment"))[0], /日本, Ελλάδα, Україна ☃ \(runtime 2\.0 migration\)/);
    assert.match(await text(page, "#diff-summary"), /4 fields differ/);
    // The highlight is visible, not only a class name.
    const bg = await page.$eval('#both tr[data-field="runtime"] td', (n) => getComputedStyle(n).backgroundColor);
    const plain = await page.$eval('#both tr[data-field="name"] td', (n) => getComputedStyle(n).backgroundColor);
    assert.notEqual(bg, plain);
    assert.equal((await text(page, "#cli")).split("\n").length, 2);
    await screenshot(page.locator("#result"), "both-stages.png");

    await describeOn(page, { identifier: "mtls-auth-check", stage: "BOTH" });
    const kvsDiff = await page.$$eval("#both tbody tr.diff", (rs) => rs.map((r) => r.dataset.field));
    assert.ok(kvsDiff.includes("kvs") && kvsDiff.includes("comment"));
  });

  test("a never-published function: LIVE is a clear 'not published' state", async () => {
    ctx = await openPage();
    const { page } = ctx;
    await describeOn(page, { identifier: "device-posture-gate", stage: "LIVE" });
    assert.equal(await visible(page, "#error"), true);
    assert.equal(await text(page, "#error-name"), "EntityNotFound");
    assert.equal(await text(page, "#error-status"), "404");
    assert.match(await text(page, "#error-request-id"), UUID_RE);
    assert.match(await text(page, "#error-hint"), /Not published yet/);

    await describeOn(page, { identifier: "device-posture-gate", stage: "BOTH" });
    assert.equal(await visible(page, "#error"), false);
    assert.equal(await visible(page, "#both td.not-published"), true);
    assert.match(await text(page, "#both td.not-published"), /Not published/);
    assert.match(await text(page, "#diff-summary"), /not published/);
    assert.equal(await page.$$eval("#both tbody tr.diff", (rs) => rs.length), 0);
  });

  test("a wrong secret key: the error panel says SignatureDoesNotMatch", async () => {
    ctx = await openPage();
    const { page } = ctx;
    await describeOn(page, { identifier: "mtls-auth-check", credentials: { ...DEMO, secretAccessKey: "not-the-secret" } });
    assert.equal(await visible(page, "#error"), true);
    assert.equal(await text(page, "#error-name"), "SignatureDoesNotMatch");
    assert.equal(await text(page, "#error-status"), "403");
    assert.match(await text(page, "#error-message"), /signature/i);
    assert.match(await text(page, "#error-request-id"), UUID_RE);
    assert.match(await text(page, "#error-hint"), /secret access key/);
    assert.equal(await visible(page, "#result"), false);
  });

  test("a skewed clock: RequestTimeTooSkewed with a clock hint", async () => {
    await admin(server, "clock", { offsetMs: 30 * 60 * 1000 });
    ctx = await openPage();
    const { page } = ctx;
    await describeOn(page, { identifier: "mtls-auth-check", maxAttempts: 1 });
    assert.equal(await text(page, "#error-name"), "RequestTimeTooSkewed");
    assert.match(await text(page, "#error-hint"), /clock/);
  });

  test("a throttled function succeeds after retries; the busy state shows the attempts", async () => {
    ctx = await openPage();
    const { page } = ctx;
    // Two throttles, then a slow answer so the busy state can be observed on attempt 3.
    await admin(server, "reset");
    await admin(server, "faults", { kind: "throttle", count: 2, identifier: "tenant-sni-router" });
    await admin(server, "faults", { kind: "slow", count: 1, identifier: "tenant-sni-router", delayMs: 1500 });
    await fillForm(page, { identifier: "tenant-sni-router", stage: "LIVE", maxAttempts: 3 });
    await page.click("#describe");
    await page.waitForFunction(() => document.querySelectorAll("#attempts li").length === 3 && document.body.classList.contains("is-busy"), null, {
      timeout: 15000,
    });
    assert.equal(await visible(page, "#spinner"), true);
    assert.match(await text(page, "#busy-text"), /3 attempts so far/);
    assert.equal(await page.$eval("#cancel", (n) => n.disabled), false);
    assert.equal(await page.$eval("#describe", (n) => n.disabled), true);
    await page.waitForFunction(() => document.querySelector("#activity").dataset.state === "done", null, { timeout: 15000 });
    const attempts = await page.$$eval("#attempts li", (ls) => ls.map((l) => l.textContent));
    assert.equal(attempts.length, 3);
    assert.match(attempts[0], /attempt 1 .*HTTP 400/);
    assert.match(attempts[1], /attempt 2 .*HTTP 400/);
    assert.match(attempts[2], /attempt 3 .*HTTP 200/);
    assert.match(await text(page, "#busy-text"), /Done: 3 attempts/);
    assert.equal(await text(page, '#single dd[data-field="name"]'), "tenant-sni-router");
    assert.equal((await admin(server, "stats")).requests, 3);

    // The seeded demo function (throttled twice out of three) behaves the same way.
    await describeOn(page, { identifier: "sni-rate-limiter", stage: "DEVELOPMENT", maxAttempts: 3 });
    assert.equal(await page.$$eval("#attempts li", (ls) => ls.length), 3);
    assert.equal(await visible(page, "#result"), true);
  });

  test("Cancel during a slow answer aborts the request at once", async () => {
    ctx = await openPage();
    const { page } = ctx;
    await admin(server, "faults", { kind: "slow", count: 1, delayMs: 20000 });
    await fillForm(page, { identifier: "mtls-auth-check" });
    await page.click("#describe");
    await page.waitForFunction(() => document.querySelectorAll("#attempts li").length === 1 && document.body.classList.contains("is-busy"));
    await page.waitForTimeout(200);
    const t0 = Date.now();
    await page.click("#cancel");
    await page.waitForFunction(() => document.querySelector("#activity").dataset.state === "cancelled", null, { timeout: 5000 });
    assert.ok(Date.now() - t0 < 3000, `cancel took ${Date.now() - t0} ms`);
    assert.match(await text(page, "#busy-text"), /Cancelled/);
    assert.equal(await visible(page, "#result"), false);
    assert.equal(await page.$eval("#describe", (n) => n.disabled), false);
    assert.equal(await page.$eval("#cancel", (n) => n.disabled), true);
    assert.equal(await page.$$eval("#attempts li", (ls) => ls.length), 1, "no retry after a cancel");
    // The page is usable again right away.
    await describeOn(page, { identifier: "mtls-auth-check" });
    assert.equal(await visible(page, "#result"), true);
  });

  test("a comment with <img onerror> renders as text and runs nothing", async () => {
    ctx = await openPage();
    const { page } = ctx;
    await page.evaluate(() => {
      window.__xss = 0;
      window.alert = () => {
        window.__xss += 1;
      };
    });
    await describeOn(page, { identifier: "device-posture-gate", stage: "DEVELOPMENT" });
    const comment = await text(page, '#single dd[data-field="comment"]');
    assert.equal(comment, '<img src=x onerror=alert(1)> & <b>"posture"</b> checks — draft');
    assert.equal(await page.$$eval("main img, main b", (ns) => ns.length), 0, "no element created from the comment");
    await describeOn(page, { identifier: "device-posture-gate", stage: "BOTH" });
    assert.equal(await page.$$eval("main img, main b", (ns) => ns.length), 0);
    await page.click("#toggle-raw");
    assert.match(await text(page, "#raw"), /<img src=x onerror=alert\(1\)>/);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__xss), 0);
  });

  test("no credential in any storage, cookie or URL after use", async () => {
    ctx = await openPage();
    const { page, context, rec } = ctx;
    await admin(server, "reset"); // count from here: the page listed the functions on its own
    await describeOn(page, { identifier: "mtls-auth-check", credentials: TEMP });
    assert.equal(await visible(page, "#result"), true);
    await describeOn(page, { identifier: "geo-fence-tls", stage: "BOTH", credentials: DEMO });
    await describeOn(page, { identifier: "no such function", credentials: DEMO });
    const store = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      idb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      href: location.href,
      history: history.length,
    }));
    assert.deepEqual(
      { ...store, href: undefined, history: undefined },
      { local: 0, session: 0, cookie: "", idb: 0, caches: 0, href: undefined, history: undefined },
    );
    assert.equal(store.href, `${server.url}/`);
    assert.deepEqual(await context.cookies(), []);
    const secrets = SECRETS;
    for (const url of rec.requests) {
      for (const s of secrets) assert.ok(!url.includes(s), `secret in a request URL: ${url}`);
    }
    // After an error (the last call was EntityNotFound), neither the markup nor the rendered
    // text of the page holds a secret (input values are properties, not attributes).
    assert.equal(await visible(page, "#error"), true, "the error panel is shown");
    const rendered = [await page.content(), await page.evaluate(() => document.body.innerText)];
    for (const s of secrets) for (const r of rendered) assert.ok(!r.includes(s), "secret in the page's DOM or text");
    // The session token went in a header, as it must.
    assert.equal((await admin(server, "stats")).identifiers.length, 4);
    // Clearing leaves nothing behind in the form either.
    await page.click("#clear-creds");
    assert.equal(await page.$eval("#secret-key", (n) => n.value), "");
  });

  test("narrow screen: the form and the result stay readable", async () => {
    ctx = await openPage(server, { width: 360, height: 800 });
    const { page } = ctx;
    await describeOn(page, { identifier: "mtls-auth-check", stage: "BOTH" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    assert.equal(await visible(page, "#both"), true);
  });
});

describe("proxy mode (the emulator as the upstream)", () => {
  let upstream;
  let proxy;
  let ctx;
  before(async () => {
    upstream = await startServer({ port: 0, quiet: true, distDir: DIST });
    proxy = await startServer({ port: 0, quiet: true, distDir: DIST, upstream: upstream.url });
  });
  after(async () => {
    await ctx?.context.close();
    await proxy?.close();
    await upstream?.close();
  });

  test("the page signs for the upstream and sends through /proxy/; the upstream verifies", async () => {
    ctx = await openPage(proxy);
    const { page, rec } = ctx;
    assert.equal(await page.$eval("#preset", (n) => n.value), "proxy");
    assert.equal(await page.$eval("#endpoint", (n) => n.value), upstream.url);
    await describeOn(page, { identifier: "arn:aws:cloudfront::123456789012:connection-function/mtls-auth-check", stage: "BOTH", credentials: TEMP });
    assert.equal(await visible(page, "#error"), false, await page.$eval("#error", (n) => n.textContent));
    assert.deepEqual(await page.$$eval("#both tbody tr[data-field=name] td", (tds) => tds.map((t) => t.textContent)), ["mtls-auth-check", "mtls-auth-check"]);
    assert.deepEqual(await page.$$eval("#both tbody tr[data-field=etag] td", (tds) => tds.map((t) => t.textContent)), ["E2QWRUHAPOMQZL", "E3UN6WX5RRO2AG"]);
    const stats = await admin(upstream, "stats");
    assert.equal(stats.requests, 2);
    assert.equal(stats.last.headers.host, new URL(upstream.url).host);
    assert.equal((await admin(proxy, "stats")).requests, 0);
    const apiCalls = rec.requests.filter((u) => u.includes("/2020-05-31/"));
    assert.equal(apiCalls.length, 2);
    for (const u of apiCalls) assert.ok(u.startsWith(`${proxy.url}/proxy/2020-05-31/`), u);

    // A wrong secret is rejected by the upstream, through the proxy.
    await describeOn(page, { identifier: "mtls-auth-check", credentials: { ...DEMO, secretAccessKey: "wrong" } });
    assert.equal(await text(page, "#error-name"), "SignatureDoesNotMatch");
  });
});
