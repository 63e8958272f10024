// End-to-end: the connection-function console (list, details, code, used by, test, deep links)
// in headless Chromium against the server `npm start` runs, with its stateful emulator; and the
// static folder served by a plain static server against that emulator.
import { test, before, after, beforeEach, afterEach, describe } from "node:test";
import assert from "node:assert/strict";
import { createServer, request as httpRequest } from "node:http";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { startServer } from "../../emulator/server.mjs";
import { buildStatic } from "../../scripts/static.mjs";
import { launchChromium } from "../support/chromium.mjs";
import {
  DEMO, DIST, ROOT, SECRETS, UUID_RE, admin, assertNoSidewaysScroll, closePage, openPage, operations, reaches, requireDist,
  screenshot, settled, text, visible,
} from "./harness.mjs";

// The seed (emulator/seed.json) as these tests use it.
const SEED = {
  functions: 16, // names
  entries: 27, // (function, stage) pairs: 11 published functions × 2 + 5 DEVELOPMENT-only
  differing: "mtls-auth-check", // comment and key-value stores differ between the stages
  neverPublished: "device-posture-gate",
  codeDiffers: "geo-fence-tls",
  notUtf8: "legacy-latin1-check",
  usedBy: { fn: "mtls-auth-check", distributions: 7 },
  allows: "mtls-auth-check", // DEVELOPMENT, with the page's sample connection
  denies: "incident-lockdown", // LIVE denies every connection
  throws: "broken-cert-parser",
  loops: "runaway-revocation-poll",
  markup: "markup-in-logs", // markup in comments, code and logs
};

let server;
let browser;

before(async () => {
  await requireDist();
  server = await startServer({ port: 0, quiet: true, distDir: DIST });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// 960 px wide: the README's screenshots stay small and readable.
const openConsole = (url, opts) => openPage(browser, url, { width: 960, height: 900, ...opts });
const tab = (page, name) => page.getByRole("tab", { name, exact: true });
const functionsTable = (page) => page.getByRole("table", { name: "Functions", exact: true });
const listedRows = (page) => page.$$eval("#functions-table tbody tr", (rs) => rs.map((r) => ({ name: r.dataset.name, stage: r.dataset.stage })));

/** Clicks a function's name in the list and waits for its details. */
async function openFromList(page, name) {
  await functionsTable(page).getByRole("link", { name, exact: true }).first().click();
  await page.waitForFunction((n) => document.querySelector("#function-title")?.textContent === n, name);
  return reaches(page, "#panel-details", ["done", "error", "cancelled"]);
}

async function openView(page, name) {
  await tab(page, name).click();
  const panel = { Details: "#panel-details", Code: "#panel-code", "Used by": "#panel-used-by" }[name];
  return panel ? reaches(page, panel, ["done", "error", "cancelled"]) : undefined;
}

async function runTest(page, { stage = "DEVELOPMENT", connection } = {}) {
  await page.getByLabel("Stage to test").selectOption(stage);
  if (connection !== undefined) await page.getByLabel("Connection object").fill(connection);
  await page.getByRole("button", { name: "Run test", exact: true }).click();
  return reaches(page, "#test-task", ["done", "error", "cancelled", "blocked"], { timeout: 30000 });
}

describe("the console against npm start's emulator", () => {
  let ctx;
  beforeEach(async () => {
    await admin(server, "reset");
  });
  afterEach(async () => {
    if (ctx) await closePage(ctx);
    ctx = null;
  });

  test("lists every function over several pages, with a count; filter by name and by stage", async () => {
    ctx = await openConsole(`${server.url}/`);
    const { page } = ctx;
    // npm start's demo credentials are prefilled, so the page listed on its own, in one page.
    assert.equal((await listedRows(page)).length, SEED.entries);
    await admin(server, "reset");

    await page.getByLabel("Page size").fill("4");
    await page.getByRole("button", { name: "List functions", exact: true }).click();
    assert.equal(await reaches(page, "#functions-task", ["done"]), "done");
    const rows = await listedRows(page);
    assert.equal(rows.length, SEED.entries);
    assert.equal(new Set(rows.map((r) => r.name)).size, SEED.functions);
    const pages = Math.ceil(SEED.entries / 4);
    assert.deepEqual(await operations(server), Array(pages).fill("ListConnectionFunctions"), "one request per page, every page");
    assert.equal(await text(page, "#functions-count"), `${SEED.functions} functions (${SEED.entries} stage entries) in ${pages} pages.`);
    // The table is found by its accessible name, each name is a link; the columns are all there.
    const table = functionsTable(page);
    assert.equal(await table.getByRole("columnheader").allTextContents().then((t) => t.join("|")), "Name|Status|Stage|Runtime|Last modified");
    const never = await page.$$eval(`#functions-table tr[data-name="${SEED.neverPublished}"] td`, (tds) => tds.map((t) => t.textContent));
    assert.equal(never.length, 4);
    assert.equal(never[1], "DEVELOPMENT");
    assert.match(never[3], /\d/);

    // The filter narrows by name as one types.
    const filter = page.getByLabel("Filter functions");
    await filter.pressSequentially("TLS");
    let shown = await listedRows(page);
    assert.deepEqual([...new Set(shown.map((r) => r.name))].sort(), ["geo-fence-tls", "mtls-auth-check"]);
    assert.match(await text(page, "#functions-count"), /; 4 shown by the filter\.$/);
    await filter.fill("");
    // Stage filter.
    await page.getByLabel("Stage filter").selectOption("LIVE");
    shown = await listedRows(page);
    assert.equal(shown.length, 11);
    assert.ok(shown.every((r) => r.stage === "LIVE"));
    assert.ok(!shown.some((r) => r.name === SEED.neverPublished));
    await page.getByLabel("Stage filter").selectOption("DEVELOPMENT");
    assert.equal((await listedRows(page)).length, SEED.functions);
    await page.getByLabel("Stage filter").selectOption("");
    assert.equal((await listedRows(page)).length, SEED.entries);
    await page.getByLabel("Page size").fill("50");
    await page.evaluate(() => document.activeElement?.blur());
    await screenshot(page.locator("#functions"), "list.png", { forDocs: true });

    // A service that keeps answering the marker it was sent ends in an error, not an endless listing.
    const samePage = `<?xml version="1.0"?><ListConnectionFunctionsResult xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><NextMarker>again</NextMarker><ConnectionFunctions></ConnectionFunctions></ListConnectionFunctionsResult>`;
    await admin(server, "canned", { status: 200, headers: { "Content-Type": "text/xml" }, body: samePage, count: 2 });
    await page.getByRole("button", { name: "List functions", exact: true }).click();
    assert.equal(await reaches(page, "#functions-task", ["error"]), "error");
    assert.equal(await text(page, "#functions-task .error-name"), "RepeatedMarker");
    assert.match(await text(page, "#functions-task .task-text"), /^Failed after 2 requests/);
  });

  test("cancel: a listing, a code read and a test run stop at once; the page goes on working", async () => {
    ctx = await openConsole(`${server.url}/`);
    const { page } = ctx;
    // The listing: the second page hangs; Cancel keeps the first page and offers to continue.
    await page.getByLabel("Page size").fill("10");
    await admin(server, "faults", { kind: "slow", count: 1, delayMs: 20000, operation: "ListConnectionFunctions" });
    await page.getByRole("button", { name: "List functions", exact: true }).click();
    await page.waitForSelector('#functions-task .task[data-state="busy"]');
    assert.equal(await visible(page, "#functions-task .spinner"), true);
    assert.match(await text(page, "#functions-task .task-text"), /Listing functions: page 1/);
    const t0 = Date.now();
    await page.getByRole("button", { name: "Cancel listing functions" }).click();
    assert.equal(await reaches(page, "#functions-task", ["cancelled"], { timeout: 5000 }), "cancelled");
    assert.ok(Date.now() - t0 < 3000, `cancel took ${Date.now() - t0} ms`);
    assert.match(await text(page, "#functions-task .task-text"), /^Cancelled after 1 request/);
    assert.equal(await visible(page, "#list-more"), true);
    await page.getByRole("button", { name: "Continue listing" }).click();
    assert.equal(await reaches(page, "#functions-task", ["done"]), "done");
    assert.equal((await listedRows(page)).length, SEED.entries);
    assert.equal(await visible(page, "#list-more"), false);

    // A code read.
    await openFromList(page, SEED.codeDiffers);
    await admin(server, "faults", { kind: "slow", count: 2, delayMs: 20000, operation: "GetConnectionFunction" });
    await tab(page, "Code").click();
    await page.waitForSelector('#panel-code .task[data-state="busy"]');
    await page.getByRole("button", { name: "Cancel loading the code" }).click();
    assert.equal(await reaches(page, "#panel-code", ["cancelled"], { timeout: 5000 }), "cancelled");
    // Escape cancels too; then the view loads when chosen again.
    await admin(server, "reset");
    await tab(page, "Details").click();
    await openView(page, "Code");
    assert.equal(await visible(page, "#code-diff"), true);

    // A test run that takes long is cancelled with Escape.
    await openFromList(page, SEED.allows);
    await tab(page, "Test").click();
    await admin(server, "faults", { kind: "slow", count: 1, delayMs: 20000, operation: "TestConnectionFunction" });
    await page.getByRole("button", { name: "Run test", exact: true }).click();
    await page.waitForSelector('#test-task .task[data-state="busy"]');
    await page.keyboard.press("Escape");
    assert.equal(await reaches(page, "#test-task", ["cancelled"], { timeout: 5000 }), "cancelled");
    assert.equal(await page.$$eval("#test-result *", (n) => n.length), 0);
  });

  test("details: DEVELOPMENT and LIVE side by side, differences marked, ETags, key-value stores, ARNs with copy; never published", async () => {
    ctx = await openConsole(`${server.url}/`);
    const { page, context } = ctx;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await openFromList(page, SEED.differing);
    assert.deepEqual(await operations(server).then((o) => o.slice(-2).sort()), ["DescribeConnectionFunction", "DescribeConnectionFunction"]);
    const cells = (field) => page.$$eval(`#stages tr[data-field="${field}"] td`, (tds) => tds.map((t) => t.textContent));
    assert.deepEqual(await page.$$eval("#stages thead th", (ths) => ths.map((t) => t.textContent)), ["Member", "DEVELOPMENT", "LIVE"]);
    assert.deepEqual(await cells("stage"), ["DEVELOPMENT", "LIVE"]);
    assert.deepEqual(await cells("etag"), ["E2QWRUHAPOMQZL", "E3UN6WX5RRO2AG"]);
    const differing = await page.$$eval("#stages tr.diff", (rs) => rs.map((r) => r.dataset.field).sort());
    assert.deepEqual(differing, ["comment", "kvs", "modified", "status"]);
    // Marked in words and in colour, not only by a class name.
    assert.match(await text(page, '#stages tr[data-field="kvs"] th'), /differs/);
    const bg = (f) => page.$eval(`#stages tr[data-field="${f}"] td`, (n) => getComputedStyle(n).backgroundColor);
    assert.notEqual(await bg("kvs"), await bg("name"));
    assert.equal(await text(page, "#stages-summary"), "4 members differ between DEVELOPMENT and LIVE.");
    const [devKvs, liveKvs] = await cells("kvs");
    assert.match(devKvs, /^2 associated.*0123abcd-0123-abcd-0123-0123456789ab.*4567cdef-4567-cdef-4567-456789abcdef/);
    assert.match(liveKvs, /^1 associated/);
    // Copy the ARN.
    await page.getByRole("button", { name: "Copy DEVELOPMENT ARN" }).click();
    await page.waitForFunction(() => document.querySelector('#stages tr[data-field="arn"] .copy-status')?.textContent !== "");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "arn:aws:cloudfront::123456789012:connection-function/mtls-auth-check");
    await page.getByRole("button", { name: /^Copy DEVELOPMENT key-value store ARN .*4567cdef/ }).click();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /key-value-store\/4567cdef-4567-cdef-4567-456789abcdef$/);
    await screenshot(page.locator("#function"), "details.png", { forDocs: true });

    // Never published: LIVE is "not published to LIVE", not an error.
    await openFromList(page, SEED.neverPublished);
    assert.equal(await page.$eval("#panel-details .task", (n) => n.dataset.state), "done");
    assert.equal(await page.$$eval("#panel-details [role=alert]", (n) => n.length), 0);
    assert.match(await text(page, "#stages td.not-published"), /Not published to LIVE/);
    assert.equal(await text(page, "#stages-summary"), "Not published to LIVE.");
    assert.match(await text(page, '#stages tr[data-field="kvs"] td'), /^3 associated/);
  });

  test("code: each stage with line numbers, the jsdiff line diff, and code that is not UTF-8 shown as bytes", async () => {
    ctx = await openConsole(`${server.url}/`);
    const { page } = ctx;
    await openFromList(page, SEED.codeDiffers);
    assert.equal(await openView(page, "Code"), "done");
    assert.deepEqual(await operations(server).then((o) => o.filter((x) => x === "GetConnectionFunction").length), 2);
    // Each stage's code: numbered lines (the numbers are not part of the text a reader copies).
    for (const stage of ["DEVELOPMENT", "LIVE"]) {
      const region = page.getByRole("region", { name: new RegExp(`^${stage} code, \\d+ lines$`) });
      const lines = await region.locator(".line").count();
      assert.ok(lines > 3, `${stage}: ${lines} lines`);
      assert.deepEqual(await region.locator(".ln").allTextContents(), Array.from({ length: lines }, (_, i) => String(i + 1)));
      assert.equal(await region.locator(".ln").first().evaluate((n) => getComputedStyle(n).userSelect), "none");
    }
    const devCode = await page.$$eval('.code-stage[data-stage="DEVELOPMENT"] .src', (ns) => ns.map((n) => n.textContent).join("\n"));
    assert.match(devCode, /BLOCKED_PREFIXES/);
    // The diff: LIVE → DEVELOPMENT, as jsdiff's diffLines sees it.
    const summary = await text(page, "#code-diff-summary");
    const [, added, removed] = /^(\d+) lines? added, (\d+) lines? removed by publishing\.$/.exec(summary) ?? [];
    assert.ok(Number(added) > 0 && Number(removed) > 0, summary);
    assert.equal(await page.$$eval("#code-diff tr.d-added", (r) => r.length), Number(added));
    assert.equal(await page.$$eval("#code-diff tr.d-removed", (r) => r.length), Number(removed));
    const addedText = await page.$$eval("#code-diff tr.d-added td.src", (ns) => ns.map((n) => n.textContent));
    assert.ok(addedText.some((l) => l.includes("BLOCKED_PREFIXES")), addedText.join("\n"));
    assert.match(await text(page, "#code-diff tr.d-added td.mark"), /\+added/);
    await screenshot(page.locator("#function"), "code-diff.png", { forDocs: true });

    // Not UTF-8: said so, with the bytes; never decoded into replacement characters.
    await openFromList(page, SEED.notUtf8);
    assert.equal(await openView(page, "Code"), "done");
    assert.equal(await page.$$eval("#panel-code .invalid-utf8", (n) => n.length), 2);
    assert.match(await text(page, '.code-stage[data-stage="DEVELOPMENT"] .invalid-utf8 .notice'), /^Not valid UTF-8 \(byte 0x[0-9a-f]{2} at offset \d+\)/);
    assert.match(await text(page, '.code-stage[data-stage="DEVELOPMENT"] .hexdump'), /^00000000  [0-9a-f]{2} /);
    assert.match(await text(page, "#code-diff-summary"), /^No line diff: DEVELOPMENT and LIVE code is not valid UTF-8/);
    assert.ok(!(await text(page, "#panel-code")).includes("\uFFFD"), "no replacement character anywhere");

    // Never published: nothing to diff against.
    await openFromList(page, SEED.neverPublished);
    await openView(page, "Code");
    assert.match(await text(page, "#code-diff-summary"), /^Not published to LIVE/);
    assert.match(await text(page, '.code-stage[data-stage="LIVE"]'), /Not published to LIVE/);
  });

  test("used by: every distribution, over several pages", async () => {
    ctx = await openConsole(`${server.url}/`);
    const { page } = ctx;
    await page.getByLabel("Page size").fill("3");
    await openFromList(page, SEED.usedBy.fn);
    await admin(server, "reset");
    assert.equal(await openView(page, "Used by"), "done");
    const pages = Math.ceil(SEED.usedBy.distributions / 3);
    assert.deepEqual(await operations(server), Array(pages).fill("ListDistributionsByConnectionFunction"));
    const table = page.getByRole("table", { name: `Distributions using ${SEED.usedBy.fn}` });
    assert.equal(await table.locator("tbody tr").count(), SEED.usedBy.distributions);
    assert.equal(await table.getByRole("columnheader").allTextContents().then((t) => t.join("|")), "Id|Domain name|Aliases|Status|Enabled");
    const first = await page.$$eval('#used-by-table tr[data-id="E1A2B3C4D5E6F7"] > *', (c) => c.map((n) => n.textContent));
    assert.deepEqual(first, ["E1A2B3C4D5E6F7", "d111111abcdef8.cloudfront.net", "api.example.commtls.example.com", "Deployed", "yes"]);
    assert.equal(await text(page, "#used-by-count"), `${SEED.usedBy.distributions} distributions use ${SEED.usedBy.fn} (${pages} pages).`);
    const ids = await page.$$eval("#used-by-table tbody tr", (rs) => rs.map((r) => r.dataset.id));
    assert.equal(new Set(ids).size, ids.length, "no distribution twice");
    // One that nothing uses.
    await openFromList(page, SEED.neverPublished);
    await openView(page, "Used by");
    assert.equal(await text(page, "#used-by-count"), `No distribution uses ${SEED.neverPublished}.`);
  });

  test("test: allow, deny, a thrown error, an endless loop (an error; the page still works)", async () => {
    ctx = await openConsole(`${server.url}/`);
    const { page } = ctx;
    // Allow, with the prefilled sample connection; the stage's current ETag goes in If-Match.
    await openFromList(page, SEED.allows);
    await tab(page, "Test").click();
    // Prefilled with the emulator's documented sample (DEVELOPING.md, emulator/sample-connection.json).
    const documented = await readFile(join(ROOT, "emulator/sample-connection.json"), "utf8");
    assert.equal(await page.getByLabel("Connection object").inputValue(), documented.trim());
    await admin(server, "reset");
    assert.equal(await runTest(page), "done");
    const log = (await admin(server, "stats")).log;
    assert.deepEqual(log.map((r) => r.operation), ["DescribeConnectionFunction", "TestConnectionFunction"]);
    assert.equal(log[1].headers["if-match"], "E2QWRUHAPOMQZL");
    assert.equal(await text(page, "#test-verdict"), "Connection allowed");
    assert.match(await text(page, "#test-output"), /"action":\s*"allow"/);
    const logs = await page.$$eval("#test-logs li", (ls) => ls.map((l) => l.textContent));
    assert.ok(logs.length > 0 && logs.some((l) => l.includes("0a:1b:2c:3d:4e:5f:60:71")), logs.join("\n"));
    const utilization = await page.$eval("#utilization-meter", (m) => m.value);
    assert.equal(await text(page, "#utilization-value"), `${utilization}%`);
    assert.ok(utilization >= 0 && utilization <= 100);
    assert.equal(await page.getByRole("meter", { name: "Compute utilization" }).count(), 1);
    await screenshot(page.locator("#function"), "test-result.png", { forDocs: true });

    // Deny (LIVE).
    await openFromList(page, SEED.denies);
    await tab(page, "Test").click();
    assert.equal(await runTest(page, { stage: "LIVE" }), "done");
    assert.equal(await text(page, "#test-verdict"), "Connection denied");
    assert.match(await text(page, "#test-output"), /deny/);

    // Throws: the function's error message is shown.
    await openFromList(page, SEED.throws);
    await tab(page, "Test").click();
    assert.equal(await runTest(page), "done");
    assert.equal(await text(page, "#test-verdict"), "The function ended with an error");
    const thrown = await text(page, "#test-error");
    assert.ok(thrown.length > 0);

    // Loops forever: the run is stopped at its time limit, which is an error too.
    await openFromList(page, SEED.loops);
    await tab(page, "Test").click();
    assert.equal(await runTest(page), "done");
    assert.equal(await text(page, "#test-verdict"), "The function ended with an error");
    assert.notEqual(await text(page, "#test-error"), thrown);
    assert.match(await text(page, "#test-error"), /time|limit|interrupt/i);
    // … and the page still works.
    await openFromList(page, SEED.allows);
    await tab(page, "Test").click();
    assert.equal(await runTest(page), "done");
    assert.equal(await text(page, "#test-verdict"), "Connection allowed");

    // A connection object that is not JSON is refused before anything is sent.
    await admin(server, "reset");
    assert.equal(await runTest(page, { connection: "{not json" }), "error");
    assert.match(await text(page, "#test-task .error-message"), /not valid JSON/);
    assert.deepEqual(await operations(server), []);
    // LIVE of a function never published: an error that says so.
    await page.getByRole("button", { name: "Reset sample" }).click();
    await openFromList(page, SEED.neverPublished);
    await tab(page, "Test").click();
    assert.equal(await runTest(page, { stage: "LIVE" }), "error");
    assert.match(await text(page, "#test-task .error-message"), /not published to LIVE/);
  });

  test("deep links: the fragment names the function and view; a reload and a shared link open the same place; nothing secret in it", async () => {
    ctx = await openConsole(`${server.url}/#fn=${SEED.codeDiffers}&view=code`);
    const { page, rec } = ctx;
    await reaches(page, "#panel-code", ["done"]);
    assert.equal(await text(page, "#function-title"), SEED.codeDiffers);
    assert.equal(await tab(page, "Code").getAttribute("aria-selected"), "true");
    assert.equal(await visible(page, "#code-diff"), true);
    // Choosing another view or function updates the fragment.
    await openView(page, "Used by");
    assert.equal(new URL(page.url()).hash, `#fn=${SEED.codeDiffers}&view=used-by`);
    await openFromList(page, SEED.differing);
    assert.equal(new URL(page.url()).hash, `#fn=${SEED.differing}&view=details`);
    await tab(page, "Test").click();
    assert.equal(new URL(page.url()).hash, `#fn=${SEED.differing}&view=test`);
    // Reload: the same place.
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction((n) => document.querySelector("#function-title")?.textContent === n, SEED.differing);
    assert.equal(await tab(page, "Test").getAttribute("aria-selected"), "true");
    assert.equal(await visible(page, "#panel-test"), true);
    // A link to a function that does not exist: the details say so; Back returns to the view before.
    await page.goto(`${server.url}/#fn=${encodeURIComponent("a name/with space")}&view=details`);
    await reaches(page, "#panel-details", ["error"]);
    // The error as every view shows one: code, message, HTTP status, request id and a hint.
    assert.equal(await text(page, "#panel-details .error-name"), "EntityNotFound");
    assert.match(await text(page, "#panel-details .error-message"), /does not exist/);
    assert.equal(await text(page, "#panel-details .error-status"), "404");
    assert.match(await text(page, "#panel-details .error-request-id"), UUID_RE);
    assert.match(await text(page, "#panel-details .error-hint"), /Check the identifier/);
    await page.goBack();
    await page.waitForFunction((n) => document.querySelector("#function-title")?.textContent === n, SEED.differing);
    // Only fn and view, and never a credential, in any URL the page used.
    const params = [...new URLSearchParams(new URL(page.url()).hash.slice(1)).keys()];
    assert.deepEqual(params, ["fn", "view"]);
    for (const url of [page.url(), ...rec.requests]) for (const s of SECRETS) assert.ok(!url.includes(s), `secret in ${url}`);
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  });

  test("API strings holding markup are shown as text everywhere (list, details, code, logs)", async () => {
    ctx = await openConsole(`${server.url}/`);
    const { page } = ctx;
    await page.evaluate(() => {
      window.__xss = 0;
      window.alert = () => {
        window.__xss += 1;
      };
    });
    await openFromList(page, SEED.markup);
    assert.match(await text(page, '#stages tr[data-field="comment"] td[data-stage="DEVELOPMENT"]'), /^<script>alert\("dev"\)<\/script> draft/);
    assert.match(await text(page, '#stages tr[data-field="comment"] td[data-stage="LIVE"]'), /^<img src=x onerror=alert\(1\)> logs markup/);
    await openView(page, "Code");
    assert.match(await text(page, '.code-stage[data-stage="DEVELOPMENT"] .code'), /<img/);
    await tab(page, "Test").click();
    assert.equal(await runTest(page), "done");
    assert.match((await page.$$eval("#test-logs li", (ls) => ls.map((l) => l.textContent))).join("\n"), /<img|<script|<b>/);
    await openFromList(page, SEED.neverPublished);
    assert.match(await text(page, '#stages tr[data-field="comment"] td'), /^<img src=x onerror=alert\(1\)> & <b>"posture"<\/b>/);
    assert.equal(await page.$$eval("main img, main script, main b", (ns) => ns.length), 0, "no element made from API text");
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__xss), 0);
  });

  test("keyboard: Tab reaches every control with a visible focus; readable at 400 px", async () => {
    ctx = await openConsole(`${server.url}/#fn=${SEED.differing}&view=test`, { width: 400, height: 900 });
    const { page } = ctx;
    await page.waitForFunction((n) => document.querySelector("#function-title")?.textContent === n, SEED.differing);
    await page.getByLabel("Filter functions").fill("mtls");
    // Every visible, enabled control, in document order, must get the focus by Tab alone.
    const controls = await page.$$eval(
      'a[href], button, input, select, textarea, [tabindex="0"]',
      (ns) =>
        ns
          .filter((n) => !n.disabled && n.getClientRects().length > 0 && !n.closest("[hidden]"))
          .map((n, i) => {
            n.dataset.k = String(i);
            return n.id || n.getAttribute("aria-label") || n.textContent.trim().slice(0, 40);
          }),
    );
    assert.ok(controls.length > 25, `only ${controls.length} controls`);
    await page.evaluate(() => document.activeElement?.blur());
    await page.focus("body");
    const reached = new Set();
    const unfocusedLook = [];
    for (let i = 0; i < controls.length + 10 && reached.size < controls.length; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return null;
        const s = getComputedStyle(a);
        return { k: a.dataset.k, outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
      });
      if (f?.k !== undefined) {
        reached.add(f.k);
        if (!f.outline) unfocusedLook.push(controls[Number(f.k)]);
      }
    }
    const missed = controls.filter((_, i) => !reached.has(String(i)));
    assert.deepEqual(missed, [], "controls Tab never reached");
    assert.deepEqual(unfocusedLook, [], "controls without a visible focus outline");
    // The tabs work from the keyboard: Enter on "Code" opens the code.
    await tab(page, "Code").focus();
    await page.keyboard.press("Enter");
    assert.equal(await reaches(page, "#panel-code", ["done"]), "done");
    // 400 px: no sideways scrolling in any view.
    await assertNoSidewaysScroll(page, "code");
    for (const name of ["Details", "Used by", "Test"]) {
      await openView(page, name);
      await assertNoSidewaysScroll(page, name);
    }
    assert.equal(await runTest(page), "done");
    await assertNoSidewaysScroll(page, "test result");
  });
});

describe("npm start's proxy preset (the emulator as the upstream)", () => {
  let upstream;
  let proxy;
  let ctx;
  before(async () => {
    upstream = await startServer({ port: 0, quiet: true, distDir: DIST });
    proxy = await startServer({ port: 0, quiet: true, distDir: DIST, upstream: upstream.url });
  });
  after(async () => {
    if (ctx) await closePage(ctx);
    await proxy?.close();
    await upstream?.close();
  });

  test("the proxy exposes ETag, so Run test works through it", async () => {
    ctx = await openConsole(`${proxy.url}/`, { waitForList: false });
    const { page, rec } = ctx;
    assert.equal(await page.getByLabel("Target").inputValue(), "proxy");
    await page.getByLabel("Access key ID").fill(DEMO.accessKeyId);
    await page.getByLabel("Secret access key").fill(DEMO.secretAccessKey);
    await page.getByRole("button", { name: "List functions", exact: true }).click();
    assert.equal(await reaches(page, "#functions-task", ["done"]), "done");
    await openFromList(page, SEED.allows);
    assert.equal(await text(page, '#stages tr[data-field="etag"] td'), "E2QWRUHAPOMQZL");
    await tab(page, "Test").click();
    await admin(upstream, "reset");
    assert.equal(await runTest(page), "done");
    assert.equal(await visible(page, "#etag-note"), false);
    assert.equal(await text(page, "#test-verdict"), "Connection allowed");
    const log = (await admin(upstream, "stats")).log;
    assert.deepEqual(log.map((r) => r.operation), ["DescribeConnectionFunction", "TestConnectionFunction"]);
    assert.equal(log[1].headers["if-match"], "E2QWRUHAPOMQZL");
    assert.ok(rec.requests.filter((u) => u.includes("/2020-05-31/")).every((u) => u.startsWith(`${proxy.url}/proxy/2020-05-31/`)));
  });
});

// ---------- the static folder, served by a plain static server ----------

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".wasm": "application/wasm" };

/** A plain static file server (no CSP header, no /__server/info, no API). */
function staticServer(dir) {
  const srv = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = resolve(dir, `.${path.endsWith("/") ? `${path}index.html` : path}`);
    if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return listen(srv);
}

/**
 * A forwarder to the emulator that hides ETag from scripts, as CloudFront itself does (its
 * Access-Control-Expose-Headers lacks it). It keeps Host, so signatures still verify.
 */
function etagHidingForwarder(target) {
  const t = new URL(target);
  const srv = createServer((req, res) => {
    const up = httpRequest({ hostname: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      const headers = { ...r.headers, "access-control-expose-headers": "x-amzn-RequestId, Date" };
      res.writeHead(r.statusCode, headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  return listen(srv);
}

async function listen(srv) {
  await new Promise((ok) => srv.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${srv.address().port}`;
  return {
    url,
    close: () =>
      new Promise((ok) => {
        srv.closeAllConnections?.();
        srv.close(ok);
      }),
  };
}

describe("the static folder (npm run build) on a plain static server", () => {
  let dir;
  let site;
  let hiding;
  let ctx;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "cf-site-"));
    await buildStatic({ outDir: join(dir, "site"), distDir: DIST });
    site = await staticServer(join(dir, "site"));
    hiding = await etagHidingForwarder(server.url);
  });
  after(async () => {
    await site?.close();
    await hiding?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    if (ctx) await closePage(ctx);
    ctx = null;
  });

  async function connect(page, endpoint) {
    await page.getByLabel("Target").selectOption("custom");
    await page.getByLabel("Endpoint URL").fill(endpoint);
    await page.getByLabel("Access key ID").fill(DEMO.accessKeyId);
    await page.getByLabel("Secret access key").fill(DEMO.secretAccessKey);
  }

  test("works against the emulator as any CORS-enabled endpoint; npm start's extras are not offered", async () => {
    await admin(server, "reset");
    ctx = await openConsole(`${site.url}/#fn=${SEED.codeDiffers}&view=code`, { waitForList: false });
    const { page } = ctx;
    assert.equal(await page.evaluate(() => document.body.dataset.serverMode), "static");
    // No emulator, proxy or demo credentials here.
    assert.deepEqual(await page.$$eval("#preset option", (os) => os.map((o) => o.value)), ["aws", "custom"]);
    assert.equal(await visible(page, "#demo-creds"), false);
    assert.equal(await page.getByLabel("Access key ID").inputValue(), "");
    // The deep link waits for credentials, and says so.
    assert.match(await text(page, "#route-note"), new RegExp(`opens ${SEED.codeDiffers} \\(code\\)`));
    assert.deepEqual(await operations(server), []);
    await connect(page, server.url);
    await page.getByRole("button", { name: "List functions", exact: true }).click();
    assert.equal(await reaches(page, "#functions-task", ["done"]), "done");
    assert.equal((await listedRows(page)).length, SEED.entries);
    // The deep link opens now; the code view's diff comes from the vendored jsdiff.
    assert.equal(await reaches(page, "#panel-code", ["done"]), "done");
    assert.equal(await visible(page, "#code-diff"), true);
    assert.ok(ctx.rec.requests.some((u) => u === `${site.url}/vendor/jsdiff.js`));
    assert.ok(ctx.rec.requests.some((u) => u === `${site.url}/dist/cloudfront_wasm_bg.wasm`));
    // Test works too (this endpoint exposes ETag), from the page's own copy of the documented sample.
    await tab(page, "Test").click();
    const documented = JSON.parse(await readFile(join(ROOT, "emulator/sample-connection.json"), "utf8"));
    assert.deepEqual(JSON.parse(await page.getByLabel("Connection object").inputValue()), documented);
    assert.equal(await runTest(page), "done");
    assert.equal(await visible(page, "#etag-note"), false);
    assert.deepEqual(ctx.rec.console, [], "no console error (not even a 404 for the server probe)");
  });

  test("an endpoint that hides ETag: Run test says it needs npm start's proxy preset, and sends no test", async () => {
    await admin(server, "reset");
    ctx = await openConsole(`${site.url}/`, { waitForList: false });
    const { page } = ctx;
    await connect(page, hiding.url);
    await page.getByRole("button", { name: "List functions", exact: true }).click();
    assert.equal(await reaches(page, "#functions-task", ["done"]), "done");
    await openFromList(page, SEED.allows);
    assert.match(await text(page, '#stages tr[data-field="etag"] td'), /not readable/);
    await tab(page, "Test").click();
    // Said before any run, next to the button (and tied to it for screen readers).
    await page.waitForSelector("#etag-note:not([hidden])");
    assert.match(await text(page, "#etag-note"), /ETag.*npm start.*proxy/);
    assert.equal(await page.getByRole("button", { name: "Run test" }).getAttribute("aria-describedby"), "etag-note");
    await admin(server, "reset");
    assert.equal(await runTest(page), "blocked");
    assert.deepEqual(await operations(server), ["DescribeConnectionFunction"], "no TestConnectionFunction without an ETag");
    assert.match(await text(page, "#test-task .task-text"), /Not run/);
  });
});
