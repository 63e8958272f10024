// Package test (issue 2): `npm pack`, install the tarball into an empty folder, then use it
// (a) from Node 20 in a child process, (b) from a page (<script type="module">) and a module Web Worker
// in Chromium, (c) through an esbuild browser bundle (the .wasm copied next to the bundle) in Chromium.
// Every path calls the emulator (which sends CORS headers) and must get a real output with Date instances.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, execFile } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync, readFileSync, existsSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT, startEmulator, CREDS } from "./support/harness.mjs";
import { launchChromium } from "../support/chromium.mjs";

const run = promisify(execFile);
let emu, tmp, pkgDir, staticSrv, staticUrl, browser;

const MIME = { ".js": "text/javascript", ".mjs": "text/javascript", ".html": "text/html", ".wasm": "application/wasm", ".json": "application/json" };
function serveStatic(root) {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      const p = path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
      const file = path.join(root, p);
      if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    });
    srv.listen(0, "127.0.0.1", () => resolve(srv));
  });
}

before(async () => {
  assert.ok(existsSync(path.join(ROOT, "dist/node.js")), "dist/ is built (npm run build)");
  emu = await startEmulator();
  tmp = mkdtempSync(path.join(tmpdir(), "cfw-pkg-"));
  const packOut = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], { cwd: ROOT, encoding: "utf8" }));
  const tgz = path.join(tmp, packOut[0].filename);
  const files = packOut[0].files.map((f) => f.path);
  for (const f of ["dist/index.js", "dist/node.js", "dist/index.d.ts", "dist/cloudfront_wasm_bg.wasm", "package.json"]) {
    assert.ok(files.includes(f), `tarball contains ${f} (has: ${files.join(", ")})`);
  }
  const app = path.join(tmp, "app");
  mkdirSync(app);
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", tgz], { cwd: app, encoding: "utf8" });
  pkgDir = path.join(app, "node_modules/cloudfront-wasm");
  assert.ok(existsSync(path.join(pkgDir, "package.json")));
  staticSrv = await serveStatic(tmp);
  staticUrl = `http://127.0.0.1:${staticSrv.address().port}`;
});

after(async () => {
  await browser?.close();
  staticSrv?.close();
  emu?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const callScript = (importSpec, endpoint) => `
  import {
    CloudFrontClient, DescribeConnectionFunctionCommand, EntityNotFound, CreateConnectionFunctionCommand, GetConnectionFunctionCommand,
    UpdateConnectionFunctionCommand, PublishConnectionFunctionCommand, TestConnectionFunctionCommand, ListConnectionFunctionsCommand,
    ListDistributionsByConnectionFunctionCommand, DeleteConnectionFunctionCommand, paginateListConnectionFunctions, PreconditionFailed,
  } from ${JSON.stringify(importSpec)};
  const client = () => new CloudFrontClient({ region: "us-east-1", endpoint: ${JSON.stringify(endpoint)}, credentials: ${JSON.stringify(CREDS)}, maxAttempts: 2 });
  export async function go() {
    const cf = client();
    const out = await cf.send(new DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check", Stage: "LIVE" }));
    let err;
    try { await cf.send(new DescribeConnectionFunctionCommand({ Identifier: "no such/fn ☃" })); } catch (e) { err = e; }
    const s = out.ConnectionFunctionSummary;
    return {
      name: s.Name, stage: s.Stage, etag: out.ETag, status: out.$metadata.httpStatusCode,
      createdIsDate: s.CreatedTime instanceof Date, created: s.CreatedTime.toISOString(),
      modifiedIsDate: s.LastModifiedTime instanceof Date,
      errName: err && err.name, errIsClass: err instanceof EntityNotFound, errStatus: err && err.$metadata.httpStatusCode,
    };
  }
  // Create → Describe → Get → Update → Publish → Test → List → ListDistributions → Delete, on a function named after the caller.
  export async function flow(where) {
    const cf = client();
    const Name = "pkg-flow-" + where;
    const enc = (s) => new TextEncoder().encode(s);
    const r = {};
    const created = await cf.send(new CreateConnectionFunctionCommand({ Name, ConnectionFunctionConfig: { Comment: "flow", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: enc("function connectionHandler(connection) { console.log('hello'); connection.allow(); }"), Tags: { Items: [{ Key: "where", Value: where }] } }));
    const id = created.ConnectionFunctionSummary.Id;
    r.create = [created.$metadata.httpStatusCode, created.ConnectionFunctionSummary.Stage, created.ConnectionFunctionSummary.CreatedTime instanceof Date, typeof created.Location, typeof created.ETag];
    const described = await cf.send(new DescribeConnectionFunctionCommand({ Identifier: Name, Stage: "DEVELOPMENT" }));
    r.describe = [described.ConnectionFunctionSummary.Id === id, described.ETag === created.ETag];
    const got = await cf.send(new GetConnectionFunctionCommand({ Identifier: id }));
    r.get = [got.ConnectionFunctionCode instanceof Uint8Array, got.ConnectionFunctionCode.transformToString(), got.ETag === created.ETag];
    let stale;
    try { await cf.send(new UpdateConnectionFunctionCommand({ Id: id, IfMatch: "E0STALE0000000", ConnectionFunctionConfig: { Comment: "x", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: enc("x") })); } catch (e) { stale = e; }
    r.stale = [stale instanceof PreconditionFailed, stale && stale.$metadata.httpStatusCode];
    const updated = await cf.send(new UpdateConnectionFunctionCommand({ Id: id, IfMatch: created.ETag, ConnectionFunctionConfig: { Comment: "flow v2", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: enc("function connectionHandler(connection) { console.log('v2 ' + connection.clientIp); connection.deny(); }") }));
    r.update = [updated.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, updated.ETag !== created.ETag];
    const published = await cf.send(new PublishConnectionFunctionCommand({ Id: id, IfMatch: updated.ETag }));
    r.publish = [published.ConnectionFunctionSummary.Name];
    const live = await cf.send(new DescribeConnectionFunctionCommand({ Identifier: id, Stage: "LIVE" }));
    r.live = [live.ConnectionFunctionSummary.Stage];
    const tested = await cf.send(new TestConnectionFunctionCommand({ Id: id, IfMatch: updated.ETag, Stage: "DEVELOPMENT", ConnectionObject: enc(JSON.stringify({ clientIp: "203.0.113.9" })) }));
    const t = tested.ConnectionFunctionTestResult;
    r.test = [t.ConnectionFunctionExecutionLogs.some((l) => l.includes("v2 203.0.113.9")), /deny/.test(t.ConnectionFunctionOutput), typeof t.ComputeUtilization];
    const listed = await cf.send(new ListConnectionFunctionsCommand({ Stage: "LIVE", MaxItems: 100 }));
    r.list = [listed.ConnectionFunctions.some((f) => f.Id === id)];
    let pages = 0, seen = 0;
    for await (const page of paginateListConnectionFunctions({ client: cf, pageSize: 2 }, {})) { pages++; seen += page.ConnectionFunctions.length; }
    r.paginate = [pages > 1, seen === (await cf.send(new ListConnectionFunctionsCommand({ MaxItems: 100 }))).ConnectionFunctions.length];
    const dists = await cf.send(new ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: id }));
    r.distributions = [dists.DistributionList.Quantity, dists.DistributionList.IsTruncated];
    const deleted = await cf.send(new DeleteConnectionFunctionCommand({ Id: id, IfMatch: updated.ETag }));
    r.delete = [Object.keys(deleted), deleted.$metadata.httpStatusCode];
    let gone;
    try { await cf.send(new DescribeConnectionFunctionCommand({ Identifier: id })); } catch (e) { gone = e; }
    r.gone = [gone instanceof EntityNotFound];
    return r;
  }`;

const FLOW = {
  create: [201, "DEVELOPMENT", true, "string", "string"],
  describe: [true, true],
  get: [true, "function connectionHandler(connection) { console.log('hello'); connection.allow(); }", true],
  stale: [true, 412],
  update: ["flow v2", true],
  live: ["LIVE"],
  test: [true, true, "string"],
  list: [true],
  paginate: [true, true],
  distributions: [0, false],
  delete: [["$metadata"], 204],
  gone: [true],
};
function assertFlow(r, where) {
  const { publish, ...rest } = r;
  assert.deepStrictEqual(rest, FLOW, `${where}: the flow`);
  assert.deepStrictEqual(publish, ["pkg-flow-" + where], `${where}: publish`);
}

function assertResult(r, where) {
  assert.deepStrictEqual(
    r,
    {
      name: "mtls-auth-check", stage: "LIVE", etag: "E3UN6WX5RRO2AG", status: 200,
      createdIsDate: true, created: "2024-05-01T11:00:00.123Z", modifiedIsDate: true,
      errName: "EntityNotFound", errIsClass: true, errStatus: 404,
    },
    where,
  );
}

test("(a) Node 20: import the installed tarball in a child process and call the emulator", async () => {
  const app = path.dirname(path.dirname(pkgDir));
  writeFileSync(path.join(app, "call.mjs"), callScript("cloudfront-wasm", emu.url) + "\nconsole.log(JSON.stringify({ go: await go(), flow: await flow('node') }));\n");
  const { stdout } = await run(process.execPath, ["call.mjs"], { cwd: app, timeout: 60_000 });
  const r = JSON.parse(stdout.trim().split("\n").pop());
  assertResult(r.go, "node child");
  assertFlow(r.flow, "node");
});

async function page() {
  browser ??= await launchChromium();
  const p = await browser.newPage();
  const logs = [];
  p.on("console", (m) => logs.push(m.text()));
  p.on("pageerror", (e) => logs.push("pageerror: " + e.message));
  return { p, logs };
}

test("(b) Chromium: <script type=module> and a module Web Worker import the installed package", async () => {
  const pkgUrl = `/app/node_modules/cloudfront-wasm/dist/index.js`;
  writeFileSync(path.join(tmp, "call.mjs"), callScript(pkgUrl, emu.url));
  writeFileSync(path.join(tmp, "worker.mjs"), `import { go, flow } from "/call.mjs"; (async () => ({ go: await go(), flow: await flow("worker") }))().then((r) => postMessage({ ok: true, r }), (e) => postMessage({ ok: false, e: String(e && e.stack || e) }));`);
  writeFileSync(
    path.join(tmp, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>pkg</title><script type="module">
      import { go, flow } from "/call.mjs";
      window.__page = (async () => ({ go: await go(), flow: await flow("page") }))().then((r) => ({ ok: true, r }), (e) => ({ ok: false, e: String(e && e.stack || e) }));
      // After the page's flow: both list and page through the same emulator's functions.
      window.__worker = window.__page.then(() => new Promise((res) => { const w = new Worker("/worker.mjs", { type: "module" }); w.onmessage = (m) => res(m.data); w.onerror = (e) => res({ ok: false, e: "worker error: " + e.message }); }));
    </script>`,
  );
  const { p, logs } = await page();
  await p.goto(`${staticUrl}/index.html`);
  await p.waitForFunction(() => window.__page && window.__worker, null, { timeout: 30_000 });
  const fromPage = await p.evaluate(() => window.__page);
  const fromWorker = await p.evaluate(() => window.__worker);
  assert.equal(fromPage.ok, true, `page: ${fromPage.e} ${logs.join("\n")}`);
  assertResult(fromPage.r.go, "page");
  assertFlow(fromPage.r.flow, "page");
  assert.equal(fromWorker.ok, true, `worker: ${fromWorker.e} ${logs.join("\n")}`);
  assertResult(fromWorker.r.go, "worker");
  assertFlow(fromWorker.r.flow, "worker");
  await p.close();
});

test("(c) esbuild --bundle --format=esm --platform=browser, .wasm copied next to the bundle, runs in Chromium", async () => {
  const bdir = path.join(tmp, "bundle");
  mkdirSync(bdir, { recursive: true });
  const app = path.dirname(path.dirname(pkgDir));
  writeFileSync(path.join(app, "entry.mjs"), callScript("cloudfront-wasm", emu.url) + "\nwindow.__bundle = go().then((r) => ({ ok: true, r }), (e) => ({ ok: false, e: String(e && e.stack || e) }));\n");
  const esbuild = path.join(ROOT, "node_modules/.bin/esbuild");
  await run(esbuild, ["entry.mjs", "--bundle", "--format=esm", "--platform=browser", `--outfile=${path.join(bdir, "out.js")}`], { cwd: app, timeout: 60_000 });
  copyFileSync(path.join(pkgDir, "dist/cloudfront_wasm_bg.wasm"), path.join(bdir, "cloudfront_wasm_bg.wasm"));
  const bundled = readFileSync(path.join(bdir, "out.js"), "utf8");
  assert.ok(!/from\s*["']node:/.test(bundled), "browser bundle has no node: imports");
  writeFileSync(path.join(bdir, "index.html"), `<!doctype html><meta charset="utf-8"><script type="module" src="./out.js"></script>`);
  const { p, logs } = await page();
  await p.goto(`${staticUrl}/bundle/index.html`);
  await p.waitForFunction(() => window.__bundle, null, { timeout: 30_000 });
  const r = await p.evaluate(() => window.__bundle);
  assert.equal(r.ok, true, `bundle: ${r.e} ${logs.join("\n")}`);
  assertResult(r.r, "esbuild bundle");
  await p.close();
});
