// Issue 5, faults: each emulator fault kind → the exact outcome and number of attempts, retry delays
// within the backoff policy (SDK standard mode: full jitter, base 50 ms transient / 1000 ms throttling,
// see SDK-BEHAVIOUR.md §5), nothing left running, no unhandled rejection, bounded memory.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { sdk, loadOurs, startEmulator, oursClient, sdkClient, settle, recordingFetch, sleep } from "./support/harness.mjs";

const unhandled = [];
const onUnhandled = (reason) => unhandled.push(reason);
process.on("unhandledRejection", onUnhandled);

let emu, ours;
let baselineTimers = 0;
const timerCount = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
before(async () => {
  baselineTimers = timerCount();
  emu = await startEmulator();
  ours = await loadOurs();
});
after(() => emu?.close());

const ID = "mtls-auth-check";
async function run(fault, cfg = {}, opts) {
  await emu.reset();
  if (fault) await emu.fault(fault);
  const log = [];
  const client = oursClient(ours, emu.url, { maxAttempts: 3, fetch: recordingFetch(log), ...cfg });
  const t0 = Date.now();
  const r = await settle(client.send(new ours.DescribeConnectionFunctionCommand({ Identifier: ID }), opts?.()));
  const stats = await emu.stats();
  return { ...r, log, stats, ms: Date.now() - t0, client };
}
async function runSdk(fault, cfg = {}) {
  await emu.reset();
  if (fault) await emu.fault(fault);
  const r = await settle(sdkClient(emu.url, { maxAttempts: 3, ...cfg }).send(new sdk.DescribeConnectionFunctionCommand({ Identifier: ID })));
  return { ...r, stats: await emu.stats() };
}
const gaps = (log) => log.slice(1).map((t, i) => t - log[i]);
const SLACK = 60; // ms of scheduling slack on top of the policy's maximum

test("throttled twice then OK: success on attempt 3, delays within [0, 1000) and [0, 2000)", async () => {
  const r = await run({ kind: "throttle", count: 2 });
  assert.equal(r.ok, true, r.error?.message);
  assert.equal(r.value.$metadata.attempts, 3);
  assert.equal(r.stats.requests, 3);
  assert.equal(r.log.length, 3, "custom fetch called once per attempt");
  const g = gaps(r.log);
  assert.ok(g[0] <= 1000 + SLACK, `first throttling delay ${g[0]} ≤ 1000`);
  assert.ok(g[1] <= 2000 + SLACK, `second throttling delay ${g[1]} ≤ 2000`);
  const total = r.value.$metadata.totalRetryDelay;
  assert.ok(total > 0 && total < 3000, `totalRetryDelay ${total}`);
  assert.ok(Math.abs(g[0] + g[1] - total) < 150, `totalRetryDelay ${total} ≈ measured gaps ${g}`);
});

test("transient (empty500) delays stay under the 50 ms / 100 ms full-jitter caps; exhausted → Unknown 500 after 3 attempts", async () => {
  const r = await run({ kind: "empty500", count: 3 });
  assert.equal(r.ok, false);
  assert.equal(r.error.name, "Unknown");
  assert.equal(r.error.message, "UnknownError");
  assert.equal(r.error.$fault, "server");
  assert.equal(r.error.$metadata.httpStatusCode, 500);
  assert.equal(r.error.$metadata.attempts, 3);
  assert.equal(r.stats.requests, 3);
  const g = gaps(r.log);
  assert.ok(g[0] <= 50 + SLACK && g[1] <= 100 + SLACK, `transient delays ${g}`);
});

test("html503 once then OK: success on attempt 2", async () => {
  const r = await run({ kind: "html503", count: 1 });
  assert.equal(r.ok, true, r.error?.message);
  assert.equal(r.value.$metadata.attempts, 2);
  assert.equal(r.stats.requests, 2);
});

test("html503 exhausted: named error with status 503 and attempts 3", async () => {
  const r = await run({ kind: "html503", count: 3 });
  assert.equal(r.ok, false);
  assert.equal(r.error.name, "Unknown");
  assert.equal(r.error.$metadata.httpStatusCode, 503);
  assert.equal(r.error.$metadata.attempts, 3);
});

test("connection reset once then OK: retried like the SDK", async () => {
  const s = await runSdk({ kind: "reset", count: 1 });
  assert.equal(s.ok, true);
  assert.equal(s.stats.requests, 2);
  const r = await run({ kind: "reset", count: 1 });
  assert.equal(r.ok, true, r.error?.message);
  assert.equal(r.value.$metadata.attempts, 2);
  assert.equal(r.stats.requests, 2);
});

test("connection reset every time: a named error with attempts = maxAttempts", async () => {
  const r = await run({ kind: "reset", count: 3 });
  assert.equal(r.ok, false);
  assert.ok(r.error instanceof Error && r.error.name && r.error.message, `${r.error?.name}: ${r.error?.message}`);
  assert.equal(r.error.$metadata?.attempts, 3);
  assert.equal(r.stats.requests, 3);
});

test("truncated body: same number of attempts as the SDK, and never a partial success", async () => {
  const s = await runSdk({ kind: "truncate", count: 3 });
  assert.equal(s.ok, false);
  const r = await run({ kind: "truncate", count: 3 });
  assert.equal(r.ok, false, "a truncated body must not produce an output");
  assert.ok(r.error.name && r.error.message);
  assert.equal(r.stats.requests, s.stats.requests, `requests: ours ${r.stats.requests}, SDK ${s.stats.requests}`);
  assert.equal(r.error.$metadata?.attempts, s.error.$metadata.attempts);
});

test("200 with malformed XML: deserialization error, not retried, status kept", async () => {
  const s = await runSdk({ kind: "malformed", count: 3 });
  assert.equal(s.stats.requests, 1);
  const r = await run({ kind: "malformed", count: 3 });
  assert.equal(r.ok, false);
  assert.equal(r.stats.requests, 1);
  assert.equal(r.error.$metadata?.httpStatusCode, 200);
  assert.equal(r.error.$metadata?.attempts, 1);
  assert.match(r.error.message, /xml|pars/i);
});

test("answer slower than requestTimeout: rejects with a timeout/abort-named error, retried like the SDK (TimeoutError is transient)", async () => {
  const r = await run({ kind: "slow", count: 3, delayMs: 2000 }, { requestTimeout: 150 });
  assert.equal(r.ok, false);
  assert.ok(["AbortError", "TimeoutError"].includes(r.error.name), r.error.name);
  assert.equal(r.stats.requests, 3);
  assert.equal(r.error.$metadata?.attempts, 3);
  assert.ok(r.ms < 1500, `gave up in ${r.ms} ms, not after the slow answers`);
});

test("abort mid-flight: AbortError at once, one attempt, no retry afterwards", async () => {
  const r = await run({ kind: "slow", count: 3, delayMs: 2000 }, {}, () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    return { abortSignal: ac.signal };
  });
  assert.equal(r.ok, false);
  assert.equal(r.error.name, "AbortError");
  assert.equal(r.error.message, "Request aborted");
  assert.ok(r.ms < 1000);
  await sleep(300);
  assert.equal((await emu.stats()).requests, 1, "no attempt after the abort");
});

test("server gone (connection refused): named error after maxAttempts, backoff between attempts", async () => {
  const s = net.createServer();
  await new Promise((res) => s.listen(0, "127.0.0.1", res));
  const port = s.address().port;
  await new Promise((res) => s.close(res));
  const log = [];
  const c = oursClient(ours, `http://127.0.0.1:${port}`, { maxAttempts: 3, fetch: recordingFetch(log) });
  const r = await settle(c.send(new ours.DescribeConnectionFunctionCommand({ Identifier: ID })));
  assert.equal(r.ok, false);
  assert.ok(r.error instanceof Error && r.error.name, "named error");
  assert.equal(r.error.$metadata?.attempts, 3);
  assert.equal(log.length, 3);
  const g = gaps(log);
  assert.ok(g.every((d) => d <= 100 + SLACK), `transient delays ${g}`);
});

test("10,000 failing calls: memory stays bounded", async () => {
  await emu.reset();
  const N = 10000;
  const nf = { status: 404, headers: { "x-amzn-RequestId": "rid-mem" }, body: '<ErrorResponse><Error><Type>Sender</Type><Code>EntityNotFound</Code><Message>nf</Message></Error></ErrorResponse>' };
  await emu.canned({ ...nf, count: 200 });
  // The 200 warm-up calls go through the emulator; the N measured ones get the same answer from a stub
  // fetch (through the network, the in-process server and undici grow rss by ~70 MiB before plateauing,
  // and 10,000 round trips take ~20 s).
  let viaNetwork = true, stubbed = 0;
  const fetchImpl = (input, init) => {
    if (viaNetwork) return fetch(input, init);
    stubbed++;
    return Promise.resolve(new Response(nf.body, { status: nf.status, headers: nf.headers }));
  };
  const c = oursClient(ours, emu.url, { maxAttempts: 1, fetch: fetchImpl });
  const call = () => c.send(new ours.DescribeConnectionFunctionCommand({ Identifier: "gone" })).then(() => assert.fail("expected EntityNotFound"), (e) => assert.equal(e.name, "EntityNotFound"));
  for (let i = 0; i < 200; i++) await call(); // warm-up
  assert.equal((await emu.stats()).requests, 200);
  viaNetwork = false;
  const m0 = process.memoryUsage();
  for (let i = 0; i < N; i++) await call();
  const m1 = process.memoryUsage();
  const rss = (m1.rss - m0.rss) / 2 ** 20, ab = (m1.arrayBuffers - m0.arrayBuffers) / 2 ** 20;
  assert.ok(rss < 64, `rss grew ${rss.toFixed(1)} MiB over ${N} failing calls`);
  assert.ok(ab < 16, `arrayBuffers (wasm memory included) grew ${ab.toFixed(1)} MiB`);
  assert.equal(stubbed, N, "one attempt per failing call");
  assert.equal((await emu.stats()).requests, 200);
});

test("nothing left running: no unhandled rejection, no leftover timers", async () => {
  await sleep(100);
  assert.deepStrictEqual(unhandled.map(String), []);
  emu.close();
  await sleep(100);
  const leftover = timerCount() - baselineTimers;
  assert.ok(leftover <= 0, `${leftover} timer(s) still active: ${process.getActiveResourcesInfo().join(", ")}`);
  process.off("unhandledRejection", onUnhandled);
});
