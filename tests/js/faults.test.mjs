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

test("backoff is floor(random × min(base × 2^n, 20 s)): with random fixed at 0.5, exactly 500 + 1000 ms (throttling) and 25 + 50 ms (transient)", async () => {
  const realRandom = Math.random;
  Math.random = () => 0.5;
  try {
    const t = await run({ kind: "throttle", count: 2 });
    assert.equal(t.ok, true, t.error?.message);
    assert.equal(t.value.$metadata.totalRetryDelay, 1500);
    const tg = gaps(t.log);
    assert.ok(tg[0] >= 500 && tg[1] >= 1000, `the waits really happened: ${tg}`);
    const e = await run({ kind: "empty500", count: 3 });
    assert.equal(e.error?.name, "Unknown");
    assert.equal(e.error.$metadata.totalRetryDelay, 75);
    const eg = gaps(e.log);
    assert.ok(eg[0] >= 25 && eg[1] >= 50, `the waits really happened: ${eg}`);
  } finally {
    Math.random = realRandom;
  }
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
  for (let i = 0; i < N; i++) {
    await call();
    // Stub answers settle in microtasks: let timers and I/O run now and then (else the emulator's
    // keep-alive timer fires late, racing the next admin request on the same socket).
    if (i % 500 === 0) await new Promise(setImmediate);
  }
  const m1 = process.memoryUsage();
  const rss = (m1.rss - m0.rss) / 2 ** 20, ab = (m1.arrayBuffers - m0.arrayBuffers) / 2 ** 20;
  assert.ok(rss < 64, `rss grew ${rss.toFixed(1)} MiB over ${N} failing calls`);
  assert.ok(ab < 16, `arrayBuffers (wasm memory included) grew ${ab.toFixed(1)} MiB`);
  assert.equal(stubbed, N, "one attempt per failing call");
  assert.equal((await emu.stats()).requests, 200);
});

// ---------------------------------------------------------------- the same faults on a write operation (issue 10)
// UpdateConnectionFunction: a body with the code blob, an If-Match, and a real state change on success.
// Faults target the operation, so the Describe that reads the current ETag is not hit.
const CODE = new TextEncoder().encode("function connectionHandler(connection) { connection.allow(); }");
async function runUpdate(fault, cfg = {}, opts) {
  await emu.reset();
  const log = [];
  const client = oursClient(ours, emu.url, { maxAttempts: 3, fetch: recordingFetch(log), ...cfg });
  const { ETag } = await oursClient(ours, emu.url).send(new ours.DescribeConnectionFunctionCommand({ Identifier: ID, Stage: "DEVELOPMENT" }));
  if (fault) await emu.fault({ ...fault, operation: "UpdateConnectionFunction" });
  log.length = 0;
  const t0 = Date.now();
  const r = await settle(client.send(new ours.UpdateConnectionFunctionCommand({
    Id: ID, IfMatch: ETag, ConnectionFunctionConfig: { Comment: "after a fault", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: CODE,
  }), opts?.()));
  const stats = await emu.stats();
  const updates = stats.log.filter((l) => l.operation === "UpdateConnectionFunction");
  return { ...r, log, stats, updates, ms: Date.now() - t0, etag: ETag };
}

test("write: throttled twice then OK → success on attempt 3; every attempt sent the same If-Match and body", async () => {
  const r = await runUpdate({ kind: "throttle", count: 2 });
  assert.equal(r.ok, true, r.error?.message);
  assert.equal(r.value.$metadata.attempts, 3);
  assert.equal(r.updates.length, 3);
  assert.ok(r.updates.every((u) => u.headers["if-match"] === r.etag && u.body === r.updates[0].body && u.body.includes("ConnectionFunctionCode")));
  assert.notEqual(r.value.ETag, r.etag, "the update happened once: a new ETag");
  const g = gaps(r.log);
  assert.ok(g[0] <= 1000 + SLACK && g[1] <= 2000 + SLACK, `throttling delays ${g}`);
});

test("write: html503 / empty500 exhausted → named 5xx error after 3 attempts; reset once → retried and succeeds", async () => {
  for (const kind of ["html503", "empty500"]) {
    const r = await runUpdate({ kind, count: 3 });
    assert.equal(r.ok, false);
    assert.equal(r.error.name, "Unknown");
    assert.ok(r.error.$metadata.httpStatusCode >= 500);
    assert.equal(r.error.$metadata.attempts, 3);
    assert.equal(r.updates.length, 3);
  }
  const r = await runUpdate({ kind: "reset", count: 1 });
  assert.equal(r.ok, true, r.error?.message);
  assert.equal(r.value.$metadata.attempts, 2);
});

test("write: truncated and malformed answers → never a partial success, attempts as the SDK", async () => {
  for (const kind of ["truncate", "malformed"]) {
    await emu.reset();
    const { ETag } = await sdkClient(emu.url).send(new sdk.DescribeConnectionFunctionCommand({ Identifier: ID, Stage: "DEVELOPMENT" }));
    await emu.fault({ kind, count: 3, operation: "UpdateConnectionFunction" });
    const s = await settle(sdkClient(emu.url, { maxAttempts: 3 }).send(new sdk.UpdateConnectionFunctionCommand({
      Id: ID, IfMatch: ETag, ConnectionFunctionConfig: { Comment: "after a fault", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: CODE,
    })));
    const sdkUpdates = (await emu.stats()).log.filter((l) => l.operation === "UpdateConnectionFunction").length;
    const r = await runUpdate({ kind, count: 3 });
    assert.equal(s.ok, false);
    assert.equal(r.ok, false, `${kind}: no output from a broken body`);
    assert.ok(r.error.name && r.error.message);
    assert.equal(r.updates.length, sdkUpdates, `${kind}: requests ours ${r.updates.length}, SDK ${sdkUpdates}`);
  }
});

test("write: slower than requestTimeout → timeout error after 3 attempts; abort mid-flight → AbortError, one attempt", async () => {
  let r = await runUpdate({ kind: "slow", count: 3, delayMs: 2000 }, { requestTimeout: 150 });
  assert.equal(r.ok, false);
  assert.ok(["AbortError", "TimeoutError"].includes(r.error.name), r.error.name);
  assert.equal(r.error.$metadata?.attempts, 3);
  assert.ok(r.ms < 1500, `gave up in ${r.ms} ms`);
  r = await runUpdate({ kind: "slow", count: 3, delayMs: 2000 }, {}, () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    return { abortSignal: ac.signal };
  });
  assert.equal(r.error?.name, "AbortError");
  assert.equal(r.error.$metadata?.attempts, 1);
  await sleep(300);
  assert.equal((await emu.stats()).log.filter((l) => l.operation === "UpdateConnectionFunction").length, 1, "no attempt after the abort");
});

test("write: 10,000 failing updates with a 4 KiB code blob: memory stays bounded", async () => {
  const N = 10000;
  const code = new Uint8Array(4096).fill(0x61);
  const stale = { status: 412, headers: { "x-amzn-RequestId": "rid-mem" }, body: "<ErrorResponse><Error><Type>Sender</Type><Code>PreconditionFailed</Code><Message>stale</Message></Error></ErrorResponse>" };
  let calls = 0;
  const c = oursClient(ours, emu.url, {
    maxAttempts: 1,
    fetch: async (input, init) => {
      calls++;
      return new Response(stale.body, { status: stale.status, headers: stale.headers });
    },
  });
  const update = () => c.send(new ours.UpdateConnectionFunctionCommand({ Id: ID, IfMatch: "ESTALE", ConnectionFunctionConfig: { Comment: "m", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: code }))
    .then(() => assert.fail("expected PreconditionFailed"), (e) => assert.equal(e.name, "PreconditionFailed"));
  for (let i = 0; i < 200; i++) await update(); // warm-up
  const m0 = process.memoryUsage();
  for (let i = 0; i < N; i++) {
    await update();
    if (i % 500 === 0) await new Promise(setImmediate);
  }
  const m1 = process.memoryUsage();
  const rss = (m1.rss - m0.rss) / 2 ** 20, ab = (m1.arrayBuffers - m0.arrayBuffers) / 2 ** 20;
  assert.ok(rss < 64, `rss grew ${rss.toFixed(1)} MiB over ${N} failing updates`);
  assert.ok(ab < 16, `arrayBuffers (wasm memory included) grew ${ab.toFixed(1)} MiB`);
  assert.equal(calls, N + 200);
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
