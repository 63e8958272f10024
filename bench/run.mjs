// `npm run bench` → node bench/run.mjs [--rounds N] [--no-browser] [--smoke]
// Measures cloudfront-wasm next to @aws-sdk/client-cloudfront, aws4fetch + fast-xml-parser and a bare
// fetch (the floor), in Node and in headless Chromium, in the same run; prints the tables and rewrites
// BENCHMARKS.md and bench/chart.svg. `--smoke`: a few iterations of everything plus the check that our
// outputs deep-equal the SDK's; writes nothing outside bench/out/, exits non-zero on failure.
import http from "node:http";
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import zlib from "node:zlib";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { once } from "node:events";
import * as esbuild from "esbuild";
import { report } from "./report.mjs";
import { CASES, bodyBytes } from "./ops.mjs";

process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= "1";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true"; // the SDK's "Node >= 22 soon" warning
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = path.join(ROOT, "bench/out");
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (f, d) => (args.includes(f) ? Number(args[args.indexOf(f) + 1]) : d);
const SMOKE = flag("--smoke");
const BROWSER = !flag("--no-browser");
const ROUNDS = opt("--rounds", SMOKE ? 1 : 5);
const MS = opt("--ms", SMOKE ? 15 : 400); // per measurement per peer per round
const E2E_MS = SMOKE ? 30 : Math.round(MS * 1.5);
// Cold-start samples per peer: each is one process or page whose time is ±30 % on a shared machine,
// so the median needs more of them than the other figures need rounds.
const COLD = opt("--cold", SMOKE ? 1 : 15);
const MEM = SMOKE ? [200, 1000] : [1_000, 100_000];
// Memory with big answers (bench/ops.mjs): the largest (100 distributions, 895 kB) after 100 and 1,000
// calls — 10,000 of them would take ≈ 10 minutes per environment here — and the 40 KB code after 100 and 10,000.
const MEM_LARGE = SMOKE
  ? [{ case: "dist100", counts: [4, 12] }, { case: "get40k", counts: [20, 100] }]
  : [{ case: "dist100", counts: [100, opt("--mem-dist-calls", 1_000)] }, { case: "get40k", counts: [100, 10_000] }];
const API_MS = opt("--api-ms", SMOKE ? 10 : 300); // per peer per whole-API case per round
const PEERS = ["sdk", "ours", "a4f", "floor"];
// `--only cold,pager`: just those parts (sign, parse, e2e, ops, large, pager, memory, cold), for working on one
// figure; prints the results and writes neither BENCHMARKS.md nor the chart.
const ONLY = args.includes("--only") ? new Set(args[args.indexOf("--only") + 1].split(",")) : null;
const part = (name) => !ONLY || ONLY.has(name);
const log = (...a) => console.error(...a);
const t00 = performance.now();
const loadAtStart = os.loadavg();

// `--report-only`: BENCHMARKS.md and the chart again from the last full run's bench/out/results.json
// (after editing the hand-kept notes in report.mjs), without measuring anything.
if (flag("--report-only")) {
  const saved = JSON.parse(readFileSync(path.join(OUT, "results.json"), "utf8"));
  const { markdown, svg, speed } = report(saved, { smoke: false });
  writeFileSync(path.join(ROOT, "BENCHMARKS.md"), markdown);
  writeFileSync(path.join(ROOT, "bench/chart.svg"), svg);
  writeSpeed(speed);
  log("wrote BENCHMARKS.md, bench/chart.svg and README's Speed from bench/out/results.json");
  process.exit(0);
}

/** README's "## Speed" section, up to its chart, becomes `text`. */
function writeSpeed(text) {
  const file = path.join(ROOT, "README.md");
  const readme = readFileSync(file, "utf8");
  const start = readme.indexOf("## Speed\n");
  const end = readme.indexOf("![ratios to the SDK](bench/chart.svg)", start);
  if (start < 0 || end < 0) return log("README.md has no Speed section with the chart: not written");
  writeFileSync(file, `${readme.slice(0, start)}## Speed\n${text}\n\n${readme.slice(end)}`);
}

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

if (!existsSync(path.join(ROOT, "dist/cloudfront_wasm_bg.wasm"))) {
  console.error("dist/ is not built: run `npm run build` first");
  process.exit(2);
}
mkdirSync(path.join(OUT, "entries"), { recursive: true });
writeFileSync(path.join(OUT, ".gitignore"), "*\n");
// The signing figure needs the core's signing alone: the same crate built with `--features bench`
// (one more export, `signForBench`) into bench/out/wasm-bench/; the package in dist/ is not touched.
log("building the signing entry point (scripts/build.sh --bench)…");
execFileSync("bash", [path.join(ROOT, "scripts/build.sh"), "--bench", path.join(OUT, "wasm-bench")], { stdio: ["ignore", "ignore", "inherit"] });
const SIGN_WASM = path.join(OUT, "wasm-bench/cloudfront_wasm_bg.wasm");

// ------------------------------------------------------------------ 1. bundles and bytes
const esbuildOpts = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  alias: { "cloudfront-wasm": path.join(ROOT, "dist/index.js") },
  logLevel: "error",
  absWorkingDir: ROOT,
};
log("bundling (esbuild --bundle --minify --format=esm --platform=browser)…");
const bytes = {};
const sizes = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length,
});
copyFileSync(path.join(ROOT, "dist/cloudfront_wasm_bg.wasm"), path.join(OUT, "entries/cloudfront_wasm_bg.wasm"));
copyFileSync(path.join(ROOT, "dist/cloudfront_wasm_bg.wasm"), path.join(OUT, "cloudfront_wasm_bg.wasm"));
for (const peer of PEERS) {
  const outfile = path.join(OUT, `entries/${peer}.js`);
  await esbuild.build({ ...esbuildOpts, entryPoints: [path.join(ROOT, `bench/entries/${peer}.mjs`)], outfile });
  const js = sizes(readFileSync(outfile));
  const parts = { js };
  if (peer === "ours") parts.wasm = sizes(readFileSync(path.join(ROOT, "dist/cloudfront_wasm_bg.wasm")));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const p of Object.values(parts)) for (const k of Object.keys(total)) total[k] += p[k];
  bytes[peer] = { ...total, parts };
}
await esbuild.build({ ...esbuildOpts, minify: false, entryPoints: [path.join(ROOT, "bench/suite.mjs")], outfile: path.join(OUT, "suite.js") });

// ------------------------------------------------------------------ servers
const body = readFileSync(path.join(ROOT, "tests/js/fixtures/f05-three-kvs.xml"), "utf8");
const api = spawn(process.execPath, [path.join(ROOT, "bench/api-server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
const [apiLine] = await once(api.stdout, "data");
const API = String(apiLine).trim();

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const CREDS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const pages = {
  "/bench.html": `<!doctype html><script type="module">import * as S from "/suite.js"; window.S = S; window.ready = true;</script>`,
};
for (const peer of PEERS) {
  pages[`/cold/${peer}.html`] =
    `<!doctype html><script type="module">import { run } from "/entries/${peer}.js";` +
    `run(${JSON.stringify(API)}, ${JSON.stringify(CREDS)}).then((o) => { window.__cold = performance.now(); window.__out = o; },` +
    ` (e) => { window.__err = String(e && e.stack || e); });</script>`;
}
const statik = http.createServer((req, res) => {
  const p = new URL(req.url, "http://x").pathname;
  if (pages[p]) {
    res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" });
    return res.end(pages[p]);
  }
  const file = path.join(OUT, path.normalize(p).replace(/^(\.\.[/\\])+/, ""));
  if (!file.startsWith(OUT) || !existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
  res.end(readFileSync(file));
});
statik.listen(0, "127.0.0.1");
await once(statik, "listening");
const STATIC = `http://127.0.0.1:${statik.address().port}`;

const failures = [];
function check(what, fn) {
  try {
    fn();
    log(`  ok   ${what}`);
  } catch (e) {
    failures.push(`${what}: ${e.message}`);
    log(`  FAIL ${what}\n${e.message}`);
  }
}
/** The checks of the smoke run (also made in full runs): our outputs equal the SDK's. */
function checkApiOutputs(env, o) {
  for (const [name, v] of Object.entries(o)) {
    if (name === "paginator") continue;
    check(`${env}: ${name}: ours deep-equals the SDK`, () => assert.deepStrictEqual(v.ours, v.sdk));
  }
  check(`${env}: list100 has 100 summaries, dist100 100 distributions, get40k 40,960 bytes`, () => {
    assert.equal(o.list100.sdk.ConnectionFunctions.length, 100);
    assert.equal(o.dist100.sdk.DistributionList.Items.length, 100);
    assert.equal(o.dist100.sdk.DistributionList.Items[0].Origins.Items.length, 3);
    assert.equal(atob(o.get40k.sdk.ConnectionFunctionCode.$bytes).length, 40_960);
  });
  const p = o.paginator;
  check(`${env}: both paginators walk 1,000 functions in 10 pages, and their pages deep-equal`, () => {
    assert.equal(p.counts.sdk, 1000);
    assert.equal(p.counts.ours, 1000);
    assert.equal(p.sdk.length, 10);
    assert.ok(p.counts.floorBytes > 0);
    assert.deepStrictEqual(p.ours, p.sdk);
  });
}
function checkOutputs(env, o) {
  check(`${env}: ours deep-equals the SDK (3-KVS body, stub transport)`, () => assert.deepStrictEqual(o.oursBody, o.sdkBody));
  check(`${env}: aws4fetch+fast-xml-parser shaping deep-equals the SDK (3-KVS body)`, () => assert.deepStrictEqual(o.a4fBody, o.sdkBody));
  check(`${env}: ours deep-equals the SDK (tiny body)`, () => assert.deepStrictEqual(o.oursTiny, o.sdkTiny));
  check(`${env}: ours deep-equals the SDK against the local server`, () => assert.deepStrictEqual(o.oursNet, o.sdkNet));
  check(`${env}: aws4fetch+fast-xml-parser deep-equals the SDK against the local server`, () => assert.deepStrictEqual(o.a4fNet, o.sdkNet));
  check(`${env}: the 3-KVS body gives 3 items`, () =>
    assert.equal(o.sdkBody.ConnectionFunctionSummary.ConnectionFunctionConfig.KeyValueStoreAssociations.Items.length, 3));
  check(`${env}: CreatedTime is a Date`, () => assert.ok(o.oursBody.ConnectionFunctionSummary.CreatedTime instanceof Date));
  check(`${env}: the floor read a 200`, () => assert.equal(o.floorNet, 200));
  check(`${env}: the floor with our headers read a 200`, () => assert.equal(o.floorHeadersNet, 200));
  check(`${env}: our signer alone (bench build) returns an authorization header`, () =>
    assert.match(o.oursSignature, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cloudfront\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/));
}

const results = { bytes, node: {}, chromium: null };

// ------------------------------------------------------------------ Node
async function rounds(S, label) {
  const r = { sign: [], parse: [], e2e: [], ops: [], large: [], pager: [] };
  const ms = { sign: MS, parse: MS, e2e: E2E_MS, ops: API_MS, large: API_MS, pager: E2E_MS };
  const kinds = Object.keys(r).filter(part);
  if (!SMOKE) {
    log(`${label}: warm-up round`);
    for (const k of kinds.filter((k) => k !== "pager")) await S[`${k}Round`](0, ms[k] / 4);
  }
  for (let i = 0; i < ROUNDS; i++) {
    log(`${label}: round ${i + 1}/${ROUNDS}`);
    for (const k of kinds) r[k].push(await S[`${k}Round`](i, ms[k]));
  }
  return r;
}

{
  log("Node: setting up");
  const S = await import("./suite.mjs");
  await S.setup({ endpoint: API, body, signWasm: readFileSync(SIGN_WASM), smoke: SMOKE });
  checkOutputs("node", await S.outputs());
  checkApiOutputs("node", await S.apiOutputs());
  Object.assign(results.node, await rounds(S, "node"));

  if (part("memory")) {
  log("node: memory");
  const mem = (r) => {
    gc();
    gc();
    const m = process.memoryUsage();
    return { calls: r.calls, wasmMemory: r.wasmMemory, heapUsed: m.heapUsed, rss: m.rss, arrayBuffers: m.arrayBuffers, external: m.external };
  };
  let done = 0;
  const memory = [];
  for (const target of MEM) {
    const r = await S.oursCalls(target - done);
    done = target;
    memory.push(mem({ ...r, calls: done }));
  }
  results.node.memory = memory;
  results.node.memoryLarge = [];
  for (const { case: name, counts } of MEM_LARGE) {
    done = 0;
    for (const target of counts) {
      const r = await S.oursCalls(target - done, name);
      done = target;
      results.node.memoryLarge.push({ ...mem({ ...r, calls: done }), case: name });
    }
  }
  }

  if (part("cold")) {
  log("node: cold start");
  const cold = Object.fromEntries(PEERS.map((p) => [p, []]));
  for (let i = 0; i < COLD; i++) {
    for (const peer of PEERS) {
      const outp = execFileSync(process.execPath, [path.join(ROOT, "bench/cold.mjs"), peer, API], { encoding: "utf8" });
      cold[peer].push(JSON.parse(outp.trim().split("\n").pop()).ms);
    }
  }
  results.node.cold = cold;
  }
}

// ------------------------------------------------------------------ Chromium
const outsCold = {};
if (BROWSER) {
  const { launchChromium } = await import("../tests/support/chromium.mjs");
  const browser = await launchChromium();
  try {
    results.chromium = { version: browser.version() };
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    page.on("pageerror", (e) => log("page error:", e.message));
    await page.goto(`${STATIC}/bench.html`);
    await page.waitForFunction(() => window.ready === true);
    log("chromium: setting up");
    await page.evaluate(([endpoint, b, smoke]) => window.S.setup({ endpoint, body: b, wasmUrl: "/cloudfront_wasm_bg.wasm", signWasm: "/wasm-bench/cloudfront_wasm_bg.wasm", smoke }), [API, body, SMOKE]);
    checkOutputs("chromium", await page.evaluate(() => window.S.outputs()));
    checkApiOutputs("chromium", await page.evaluate(() => window.S.apiOutputs()));
    const S = {
      signRound: (i, ms) => page.evaluate(([i, ms]) => window.S.signRound(i, ms), [i, ms]),
      parseRound: (i, ms) => page.evaluate(([i, ms]) => window.S.parseRound(i, ms), [i, ms]),
      e2eRound: (i, ms) => page.evaluate(([i, ms]) => window.S.e2eRound(i, ms), [i, ms]),
      opsRound: (i, ms) => page.evaluate(([i, ms]) => window.S.opsRound(i, ms), [i, ms]),
      largeRound: (i, ms) => page.evaluate(([i, ms]) => window.S.largeRound(i, ms), [i, ms]),
      pagerRound: (i, ms) => page.evaluate(([i, ms]) => window.S.pagerRound(i, ms), [i, ms]),
    };
    Object.assign(results.chromium, await rounds(S, "chromium"));

    if (part("memory")) {
    log("chromium: memory");
    const cdp = await ctx.newCDPSession(page);
    let done = 0;
    const memory = [];
    for (const target of MEM) {
      const r = await page.evaluate((n) => window.S.oursCalls(n), target - done);
      done = target;
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      const h = await cdp.send("Runtime.getHeapUsage");
      memory.push({ calls: done, wasmMemory: r.wasmMemory, heapUsed: h.usedSize, heapTotal: h.totalSize });
    }
    results.chromium.memory = memory;
    const memoryLarge = [];
    for (const { case: name, counts } of MEM_LARGE) {
      done = 0;
      for (const target of counts) {
        const r = await page.evaluate(([n, c]) => window.S.oursCalls(n, c), [target - done, name]);
        done = target;
        await cdp.send("HeapProfiler.collectGarbage");
        await cdp.send("HeapProfiler.collectGarbage");
        const h = await cdp.send("Runtime.getHeapUsage");
        memoryLarge.push({ case: name, calls: done, wasmMemory: r.wasmMemory, heapUsed: h.usedSize, heapTotal: h.totalSize });
      }
    }
    results.chromium.memoryLarge = memoryLarge;
    }
    await ctx.close();

    if (part("cold")) {
    log("chromium: cold start (a fresh context and page per sample)");
    const cold = Object.fromEntries(PEERS.map((p) => [p, []]));
    for (let i = 0; i < COLD; i++) {
      for (const peer of PEERS) {
        const c = await browser.newContext();
        const p = await c.newPage();
        await p.goto(`${STATIC}/cold/${peer}.html`);
        await p.waitForFunction(() => window.__cold !== undefined || window.__err !== undefined, null, { timeout: 30_000 });
        const { ms, err, out } = await p.evaluate(() => ({ ms: window.__cold, err: window.__err, out: window.__out }));
        if (err) throw new Error(`cold ${peer}: ${err}`);
        if (i === 0 && (peer === "ours" || peer === "a4f")) outsCold[peer] = out;
        if (i === 0 && peer === "sdk") outsCold.sdk = out;
        cold[peer].push(ms);
        await c.close();
      }
    }
    check("chromium: the bundled entries (ours, aws4fetch) return the SDK's output", () => {
      assert.deepStrictEqual(outsCold.ours, outsCold.sdk);
      assert.deepStrictEqual(outsCold.a4f, outsCold.sdk);
    });
    results.chromium.cold = cold;
    }
  } finally {
    await browser.close();
  }
}

api.kill("SIGTERM");
statik.close();

// ------------------------------------------------------------------ report
results.meta = meta();
writeFileSync(path.join(OUT, SMOKE ? "smoke-results.json" : "results.json"), JSON.stringify(results, null, 2));
if (ONLY) {
  const { headline } = report(results, { smoke: true });
  console.log(JSON.stringify(Object.fromEntries(Object.entries(headline).filter(([, v]) => v !== undefined && !Number.isNaN(v))), null, 1));
  process.exit(failures.length ? 1 : 0);
}
const { text, markdown, svg, speed } = report(results, { smoke: SMOKE });
console.log(text);
if (!SMOKE) {
  writeFileSync(path.join(ROOT, "BENCHMARKS.md"), markdown);
  writeFileSync(path.join(ROOT, "bench/chart.svg"), svg);
  writeSpeed(speed);
  log("wrote BENCHMARKS.md, bench/chart.svg and README's Speed");
}
log(`bench took ${((performance.now() - t00) / 1000).toFixed(1)} s`);
if (failures.length) {
  console.error(`\n${failures.length} check(s) failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
process.exit(0);

function meta() {
  const ver = (name) => {
    try {
      return JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      return "?";
    }
  };
  let commit = "?";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {}
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? "?",
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: results.chromium?.version ?? null,
    commit,
    ours: JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version,
    versions: Object.fromEntries(
      ["@aws-sdk/client-cloudfront", "@smithy/signature-v4", "@smithy/core", "aws4fetch", "fast-xml-parser", "esbuild", "playwright-core"].map((n) => [n, ver(n)]),
    ),
    rounds: ROUNDS,
    msPerMeasurement: MS,
    e2eMs: E2E_MS,
    coldSamples: COLD,
    apiMs: API_MS,
    caseBytes: Object.fromEntries([...Object.entries(CASES.ops), ...Object.entries(CASES.large)].map(([k, c]) => [k, bodyBytes(c.answer.body).length])),
    bodyBytes: Buffer.byteLength(body),
    totalSeconds: +((performance.now() - t00) / 1000).toFixed(1),
    // The machine's 1-minute load average when the run started and ended (2 cores: above 2 means queueing).
    load: [loadAtStart[0], os.loadavg()[0]].map((x) => +x.toFixed(1)),
  };
}
